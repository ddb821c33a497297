--TEST--
Ledger: an entry dated before others that would leave a later spend uncovered is a LedgerException; ledger unchanged
--EXTENSIONS--
loyalty
--FILE--
<?php
use Loyalty\{Program, Ledger, LedgerException};
const D = 86400;
$b = gmmktime(0, 0, 0, 1, 1, 2026);
$p = Program::fromArray(['loyalty' => ['expiry' => ['days' => 30]]]);

function attempt(callable $f): void {
    try {
        $f();
        echo "no exception\n";
    } catch (LedgerException $e) {
        echo get_class($e), ' ', $e->getCode(), "\n", $e->getMessage(), "\n";
    }
}

// earn 100, spend 80 at day 10; a spend of 50 at day 5 is covered then (100) but leaves day 10 short
$l = new Ledger($p);
$l->earn(100, $b);
$l->spend(80, $b + 10 * D);
$before = $l->entries();
attempt(fn() => $l->spend(50, $b + 5 * D));
var_dump($l->entries() === $before);
echo $l->balance($b + 5 * D), ' ', $l->balance($b + 10 * D), "\n";
// a spend of 20 at day 5 fits (20 + 80 = 100)
$l->spend(20, $b + 5 * D);
echo $l->balance($b + 5 * D), ' ', $l->balance($b + 10 * D), "\n";

// an earlier grant can do it too (rolling): it starts the deadline 5 days earlier, and the later
// grant no longer restarts it, so the spend on day 67 finds nothing
$l = new Ledger($p);
$l->grant(10, $b + 40 * D);
$l->spend(10, $b + 67 * D);
$before = $l->entries();
attempt(fn() => $l->grant(5, $b + 35 * D));
var_dump($l->entries() === $before);
echo $l->balance($b + 66 * D), "\n";

// a spend inserted before the earn it would need
$l = new Ledger($p);
$l->earn(10, $b + 10 * D);
$before = $l->entries();
attempt(fn() => $l->spend(5, $b + 9 * D));
var_dump($l->entries() === $before);

// per_lot: the inserted spend takes the oldest lot; a later spend then misses those points
$q = Program::fromArray(['loyalty' => ['expiry' => ['days' => 30, 'mode' => 'per_lot']]]);
$l = new Ledger($q);
$l->earn(50, $b);
$l->earn(50, $b + 20 * D);
$l->spend(60, $b + 25 * D);
$before = $l->entries();
attempt(fn() => $l->spend(45, $b + 35 * D));       // at day 35 only lot 2's 40 remain
var_dump($l->entries() === $before);
attempt(fn() => $l->spend(41, $b + 24 * D));        // day 24: 100 available, but day 25 needs 60 of the 59 left
var_dump($l->entries() === $before);
$l->spend(40, $b + 24 * D);                        // 40 + 60 = 100
echo $l->balance($b + 25 * D), "\n";

// the constructor: an uncovered spend names its place in time order
$entries = [
    ['type' => 'spend', 'points' => 10, 'at' => $b + D, 'ref' => 'late'],
    ['type' => 'earn', 'points' => 5, 'at' => $b, 'ref' => 'o1'],
];
attempt(fn() => new Ledger($p, $entries));
attempt(fn() => new Ledger($p, [
    ['type' => 'earn', 'points' => 5, 'at' => $b],
    ['type' => 'grant', 'points' => 1, 'at' => $b + 3],
    ['type' => 'spend', 'points' => 6, 'at' => $b + 2],
]));
?>
--EXPECTF--
Loyalty\LedgerException 4
spend: would leave a later spend uncovered (entries[%d]: %s)
bool(true)
100 20
80 0
Loyalty\LedgerException 4
grant: would leave a later spend uncovered (entries[%d]: %s)
bool(true)
10
Loyalty\LedgerException 4
spend: 5 points to spend at 2026-01-10 00:00:00 UTC, only 0 available
bool(true)
Loyalty\LedgerException 4
spend: 45 points to spend at 2026-02-05 00:00:00 UTC, only 40 available
bool(true)
Loyalty\LedgerException 4
spend: would leave a later spend uncovered (entries[%d]: %s)
bool(true)
0
Loyalty\LedgerException 4
entries[1]: 10 points to spend at 2026-01-02 00:00:00 UTC, only 5 available
Loyalty\LedgerException 4
entries[1]: 6 points to spend at 2026-01-01 00:00:02 UTC, only 5 available
