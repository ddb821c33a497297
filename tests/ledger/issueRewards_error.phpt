--TEST--
Ledger::issueRewards() dated before a spend it would leave uncovered: LedgerException, no coupon, ledger unchanged
--EXTENSIONS--
loyalty
--FILE--
<?php
use Loyalty\{Program, Ledger, LedgerException};
const D = 86400;
$b = gmmktime(0, 0, 0, 1, 1, 2026);
$p = Program::fromArray(['loyalty' => ['rewards' => ['threshold' => 100, 'coupon' => ['discount' => 5]]]]);
$l = new Ledger($p);
$l->earn(150, $b);
$l->spend(100, $b + 10 * D);
$before = $l->entries();
try {
    var_dump($l->issueRewards($b + D));        // balance 150 at day 1: one coupon would take 100, day 10 needs 100 of 50
} catch (LedgerException $e) {
    echo get_class($e), ' ', $e->getCode(), ' ', str_contains($e->getMessage(), 'would leave a later spend uncovered') ? 'uncovered' : $e->getMessage(), "\n";
}
var_dump($l->entries() === $before);
echo $l->balance($b + D), ' ', $l->balance($b + 10 * D), "\n";
// after the spend it is fine: 50 left, no coupon; more points, one coupon
var_dump($l->issueRewards($b + 11 * D));
$l->grant(60, $b + 12 * D);
echo count($l->issueRewards($b + 12 * D)), ' ', $l->balance($b + 12 * D), "\n";
?>
--EXPECT--
Loyalty\LedgerException 4 uncovered
bool(true)
150 50
array(0) {
}
1 10
