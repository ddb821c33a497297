--TEST--
Ledger::pending(): earned points wait loyalty.pending_days before they are spendable; grants do not
--EXTENSIONS--
loyalty
--FILE--
<?php
use Loyalty\{Program, Ledger, LedgerException};
const D = 86400;
$b = gmmktime(0, 0, 0, 1, 1, 2026);
$p = Program::fromArray(['loyalty' => ['expiry' => ['days' => 365, 'warn_days' => [30]], 'pending_days' => 14]]);

$l = new Ledger($p);
$l->earn(100, $b, 'o1');
$l->grant(20, $b + D, 'gesture');
echo $l->balance($b), ' ', $l->pending($b), "\n";                           // 0 100
echo $l->balance($b + D), ' ', $l->pending($b + D), "\n";                   // 20 100
// edge: the window ends exactly at earn + 14 days
echo $l->balance($b + 14 * D - 1), ' ', $l->pending($b + 14 * D - 1), "\n"; // 20 100
echo $l->balance($b + 14 * D), ' ', $l->pending($b + 14 * D), "\n";         // 120 0
echo $l->pending($b - 1), "\n";

// pending points cannot be spent
$before = $l->entries();
try {
    $l->spend(50, $b + 2 * D, 'cart');
    echo "no exception\n";
} catch (LedgerException $e) {
    var_dump(str_starts_with($e->getMessage(), 'spend: 50 points to spend at 2026-01-03 00:00:00 UTC, only 20 available'));
}
var_dump($l->entries() === $before);
$l->spend(20, $b + 2 * D);                                                  // the grant is spendable
echo $l->balance($b + 2 * D), ' ', $l->pending($b + 2 * D), "\n";           // 0 100
// pending points are included in expiring()
var_dump($l->expiring($b + 2 * D) === [['points' => 100, 'expires_at' => $b + 365 * D]]);
// exactly at the end of the window they are spendable
$l->spend(100, $b + 14 * D);
echo $l->balance($b + 14 * D), ' ', $l->pending($b + 14 * D), "\n";

// pending is per order: two orders, two windows
$l = new Ledger($p);
$l->earn(10, $b);
$l->earn(5, $b + 7 * D);
echo $l->balance($b + 7 * D), '/', $l->pending($b + 7 * D), ' ';
echo $l->balance($b + 14 * D), '/', $l->pending($b + 14 * D), ' ';
echo $l->balance($b + 21 * D - 1), '/', $l->pending($b + 21 * D - 1), ' ';
echo $l->balance($b + 21 * D), '/', $l->pending($b + 21 * D), "\n";

// pending points are in warnings: days 30, warning 20 days before, i.e. while still pending
$w = Program::fromArray(['loyalty' => ['expiry' => ['days' => 30, 'warn_days' => [20]], 'pending_days' => 14]]);
$l = new Ledger($w);
$l->earn(100, $b);
echo $l->balance($b + 10 * D), ' ', $l->pending($b + 10 * D), "\n";
var_dump($l->warningsDue($b, $b + 10 * D) === [['days_before' => 20, 'points' => 100, 'expires_at' => $b + 30 * D]]);
// the window does not delay expiry: counted from the order
echo $l->balance($b + 30 * D - 1), ' ', $l->balance($b + 30 * D), ' ', $l->pending($b + 30 * D), "\n";

// per_lot: a spend skips an older lot still pending and takes a younger grant
$q = Program::fromArray(['loyalty' => ['expiry' => ['days' => 100, 'mode' => 'per_lot'], 'pending_days' => 14]]);
$l = new Ledger($q);
$l->earn(100, $b);
$l->grant(50, $b + D);
$l->spend(30, $b + 2 * D);
echo $l->balance($b + 2 * D), ' ', $l->pending($b + 2 * D), ' ', $l->balance($b + 14 * D), "\n";
var_dump($l->expiring($b + 2 * D) === [
    ['points' => 100, 'expires_at' => $b + 100 * D],
    ['points' => 20, 'expires_at' => $b + 101 * D],
]);

// without expiry, pending works the same
$n = Program::fromArray(['loyalty' => ['pending_days' => 3]]);
$l = new Ledger($n);
$l->earn(7, $b);
echo $l->balance($b + 3 * D - 1), '/', $l->pending($b + 3 * D - 1), ' ', $l->balance($b + 3 * D), '/', $l->pending($b + 3 * D), "\n";

// default $at is the current time
$l = new Ledger($n);
$l->earn(9, time() - 3600);
echo $l->balance(), '/', $l->pending(), "\n";
$l->grant(4, time() - 60);
echo $l->balance(null), '/', $l->pending(null), "\n";
?>
--EXPECT--
0 100
20 100
20 100
120 0
0
bool(true)
bool(true)
0 100
bool(true)
0 0
0/15 10/5 10/5 15/0
0 100
bool(true)
100 0 0
20 100 120
bool(true)
0/7 7/0
0/9
4/9
