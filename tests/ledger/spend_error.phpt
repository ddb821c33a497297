--TEST--
Ledger::spend() short: LedgerException (Loyalty\Exception, code 4), message pinned, ledger unchanged
--EXTENSIONS--
loyalty
--FILE--
<?php
use Loyalty\{Program, Ledger, LedgerException};
const D = 86400;
$b = gmmktime(0, 0, 0, 1, 1, 2026);
$l = new Ledger(Program::fromArray([]));
$l->earn(30, $b, 'o1');
$before = $l->entries();
try {
    $l->spend(100, gmmktime(0, 0, 0, 2, 11, 2026), 'cart');
    echo "no exception\n";
} catch (LedgerException $e) {
    echo get_class($e), "\n", $e->getMessage(), "\n";
    var_dump($e instanceof Loyalty\Exception, $e->getCode());
}
var_dump($l->entries() === $before);
echo $l->balance($b + 100 * D), "\n";

// one point short, seconds matter in the message
try {
    $l->spend(31, gmmktime(13, 5, 9, 3, 2, 2026));
} catch (Loyalty\Exception $e) {
    echo $e->getMessage(), "\n";
}
// empty ledger
$e0 = new Ledger(Program::fromArray([]));
try {
    $e0->spend(1, $b);
} catch (LedgerException $e) {
    echo $e->getMessage(), "\n";
}
var_dump($e0->entries());
// a spend dated before the points were earned is short too
try {
    $l->spend(10, $b - 1);
} catch (LedgerException $e) {
    echo $e->getMessage(), "\n";
}
var_dump($l->entries() === $before);
// the ledger still works after a refusal
$l->spend(30, $b + D);
echo $l->balance($b + D), "\n";
?>
--EXPECT--
Loyalty\LedgerException
spend: 100 points to spend at 2026-02-11 00:00:00 UTC, only 30 available
bool(true)
int(4)
bool(true)
30
spend: 31 points to spend at 2026-03-02 13:05:09 UTC, only 30 available
spend: 1 points to spend at 2026-01-01 00:00:00 UTC, only 0 available
array(0) {
}
spend: 10 points to spend at 2025-12-31 23:59:59 UTC, only 0 available
bool(true)
0
