--TEST--
per_lot expiry: each lot expires `days` after it was earned; spends use the oldest lots first
--EXTENSIONS--
loyalty
--FILE--
<?php
use Loyalty\{Program, Ledger};
const D = 86400;
$b = gmmktime(0, 0, 0, 1, 1, 2026);
$p = Program::fromArray(['loyalty' => ['expiry' => ['days' => 30, 'mode' => 'per_lot']]]);

$l = new Ledger($p);
$l->earn(100, $b, 'o1');
$l->earn(50, $b + 10 * D, 'o2');
$l->earn(30, $b + 20 * D, 'o3');
// a new order does not move older lots
var_dump($l->expiring($b + 20 * D) === [
    ['points' => 100, 'expires_at' => $b + 30 * D],
    ['points' => 50, 'expires_at' => $b + 40 * D],
    ['points' => 30, 'expires_at' => $b + 50 * D],
]);
echo $l->balance($b + 30 * D - 1), ' ', $l->balance($b + 30 * D), ' ', $l->balance($b + 40 * D), ' ', $l->balance($b + 50 * D), "\n";

// spending 120: the whole first lot (100) and 20 of the second; the newest lot is untouched
$l->spend(120, $b + 25 * D);
echo $l->balance($b + 25 * D), "\n";
var_dump($l->expiring($b + 25 * D) === [
    ['points' => 30, 'expires_at' => $b + 40 * D],
    ['points' => 30, 'expires_at' => $b + 50 * D],
]);
echo $l->balance($b + 30 * D), ' ', $l->balance($b + 40 * D - 1), ' ', $l->balance($b + 40 * D), ' ', $l->balance($b + 50 * D), "\n";

// a spend after the first lot expired only has the younger lots
$l = new Ledger($p);
$l->earn(100, $b);
$l->earn(10, $b + D);
try {
    $l->spend(50, $b + 30 * D);
} catch (Loyalty\LedgerException $e) {
    echo $e->getMessage(), "\n";
}
$l->spend(10, $b + 30 * D);
echo $l->balance($b + 30 * D), "\n";

// grants are lots too; two lots of the same day share one expiry date
$l = new Ledger($p);
$l->earn(10, $b);
$l->grant(5, $b + 5 * D);
$l->earn(7, $b + 5 * D);
var_dump($l->expiring($b + 6 * D) === [
    ['points' => 10, 'expires_at' => $b + 30 * D],
    ['points' => 12, 'expires_at' => $b + 35 * D],
]);
echo $l->balance($b + 30 * D), ' ', $l->balance($b + 35 * D), "\n";
// expired lots never come back when a later order arrives
$l->earn(1, $b + 40 * D);
echo $l->balance($b + 40 * D), "\n";
?>
--EXPECT--
bool(true)
180 80 30 0
60
bool(true)
60 60 30 0
spend: 50 points to spend at 2026-01-31 00:00:00 UTC, only 10 available
0
bool(true)
12 0
1
