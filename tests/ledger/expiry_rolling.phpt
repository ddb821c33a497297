--TEST--
Rolling expiry: every order resets the deadline of all valid points; gone at t >= expires_at; never back
--EXTENSIONS--
loyalty
--FILE--
<?php
use Loyalty\{Program, Ledger};
const D = 86400;
$b = gmmktime(0, 0, 0, 1, 1, 2026);
// mode defaults to rolling
foreach ([['days' => 30, 'mode' => 'rolling'], ['days' => 30]] as $expiry) {
    $p = Program::fromArray(['loyalty' => ['expiry' => $expiry]]);
    $l = new Ledger($p);
    $l->earn(100, $b, 'o1');
    echo $l->balance($b + 29 * D), "\n";                  // 100
    $l->earn(20, $b + 25 * D, 'o2');                       // resets: all 120 now expire at b+55
    echo $l->balance($b + 30 * D), ' ', $l->balance($b + 55 * D - 1), ' ', $l->balance($b + 55 * D), "\n";
    var_dump($l->expiring($b + 30 * D) === [['points' => 120, 'expires_at' => $b + 55 * D]]);
    $l->spend(30, $b + 26 * D);
    echo $l->balance($b + 26 * D), ' ', $l->balance($b + 55 * D - 1), ' ', $l->balance($b + 55 * D), "\n";
    // a later order does not bring the expired 90 back
    $l->earn(5, $b + 60 * D, 'o3');
    echo $l->balance($b + 60 * D), ' ', $l->balance($b + 89 * D), ' ', $l->balance($b + 90 * D), "\n";
    var_dump($l->expiring($b + 60 * D) === [['points' => 5, 'expires_at' => $b + 90 * D]]);
    var_dump($l->expiring($b + 90 * D));
    // asking again about the past still answers as it stood then
    echo $l->balance($b + 40 * D), "\n";
}

$p = Program::fromArray(['loyalty' => ['expiry' => ['days' => 30]]]);
// an order exactly at the deadline comes too late for the old points
$l = new Ledger($p);
$l->earn(100, $b);
$l->earn(1, $b + 30 * D);
echo $l->balance($b + 30 * D), "\n";
// one second earlier it saves them
$l = new Ledger($p);
$l->earn(100, $b);
$l->earn(1, $b + 30 * D - 1);
echo $l->balance($b + 30 * D - 1), ' ', $l->balance($b + 60 * D - 2), ' ', $l->balance($b + 60 * D - 1), "\n";
// a spend exactly at the deadline is short
$l = new Ledger($p);
$l->earn(100, $b);
try {
    $l->spend(1, $b + 30 * D);
} catch (Loyalty\LedgerException $e) {
    echo $e->getMessage(), "\n";
}
// an order of 0 points still is an order: it resets the deadline
$l = new Ledger($p);
$l->earn(100, $b);
$l->earn(0, $b + 20 * D);
echo $l->balance($b + 49 * D), ' ', $l->balance($b + 50 * D), "\n";
?>
--EXPECT--
100
120 120 0
bool(true)
90 90 0
5 5 0
bool(true)
array(0) {
}
90
100
120 120 0
bool(true)
90 90 0
5 5 0
bool(true)
array(0) {
}
90
1
101 101 0
spend: 1 points to spend at 2026-01-31 00:00:00 UTC, only 0 available
100 0
