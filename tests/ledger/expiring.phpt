--TEST--
Ledger::expiring(): valid points (pending included) grouped by expiry date, sorted by date
--EXTENSIONS--
loyalty
--FILE--
<?php
use Loyalty\{Program, Ledger};
const D = 86400;
$b = gmmktime(0, 0, 0, 1, 1, 2026);

// per_lot, lots added out of time order: the answer is still sorted by date
$p = Program::fromArray(['loyalty' => ['expiry' => ['days' => 60, 'mode' => 'per_lot'], 'pending_days' => 7]]);
$l = new Ledger($p);
$l->earn(30, $b + 20 * D);
$l->grant(7, $b + 5 * D);
$l->earn(10, $b);
$l->earn(4, $b + 20 * D);            // same time: same expiry date, one group
$r = $l->expiring($b + 21 * D);
echo json_encode(array_map(fn($x) => [$x['points'], ($x['expires_at'] - $b) / D], $r)), "\n";
var_dump(array_keys($r[0]) === ['points', 'expires_at'], is_int($r[0]['expires_at']));
// as of an earlier date: only what existed then (and the earn of day 20 is pending, yet listed)
echo json_encode(array_map(fn($x) => [$x['points'], ($x['expires_at'] - $b) / D], $l->expiring($b + 20 * D))), "\n";
echo json_encode(array_map(fn($x) => [$x['points'], ($x['expires_at'] - $b) / D], $l->expiring($b + 4 * D))), "\n";
// the first lot expired
echo json_encode(array_map(fn($x) => [$x['points'], ($x['expires_at'] - $b) / D], $l->expiring($b + 60 * D))), "\n";
var_dump($l->expiring($b - 1), $l->expiring($b + 100 * D));
// spent lots disappear from the list
$l->spend(12, $b + 30 * D);
echo json_encode(array_map(fn($x) => [$x['points'], ($x['expires_at'] - $b) / D], $l->expiring($b + 30 * D))), "\n";

// rolling: one date for everything
$p = Program::fromArray(['loyalty' => ['expiry' => ['days' => 60], 'pending_days' => 7]]);
$l = new Ledger($p);
$l->earn(10, $b);
$l->grant(5, $b + D);
$l->earn(3, $b + 10 * D);
var_dump($l->expiring($b + 10 * D) === [['points' => 18, 'expires_at' => $b + 70 * D]]);
var_dump($l->expiring($b + 9 * D) === [['points' => 15, 'expires_at' => $b + 60 * D]]);
var_dump($l->expiring($b + 70 * D));

// no expiry: nothing ever expires, whatever the balance
$l = new Ledger(Program::fromArray(['loyalty' => []]));
$l->earn(10, $b);
var_dump($l->expiring($b + D));
// default $at: now
$l = new Ledger(Program::fromArray(['loyalty' => ['expiry' => ['days' => 10]]]));
$t = time() - 60;
$l->earn(5, $t);
var_dump($l->expiring() === [['points' => 5, 'expires_at' => $t + 10 * D]]);
?>
--EXPECT--
[[10,60],[7,65],[34,80]]
bool(true)
bool(true)
[[10,60],[7,65],[34,80]]
[[10,60]]
[[7,65],[34,80]]
array(0) {
}
array(0) {
}
[[5,65],[34,80]]
bool(true)
bool(true)
array(0) {
}
array(0) {
}
bool(true)
