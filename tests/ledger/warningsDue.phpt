--TEST--
Ledger::warningsDue(): warnings warn_days before an expiry, due in ($from, $to], as the ledger stood then
--EXTENSIONS--
loyalty
--FILE--
<?php
use Loyalty\{Program, Ledger};
const D = 86400;
$b = gmmktime(0, 0, 0, 1, 1, 2026);
function show(array $ws, int $b): string {
    return json_encode(array_map(fn($w) => [$w['days_before'], $w['points'], ($w['expires_at'] - $b) / D], $ws));
}

// rolling, 30 days, warnings 14 and 7 days before (written in any order)
$p = Program::fromArray(['loyalty' => ['expiry' => ['days' => 30, 'warn_days' => [7, 14]]]]);
$l = new Ledger($p);
$l->earn(100, $b);               // deadline day 30: warnings due day 16 and day 23
$l->earn(50, $b + 20 * D);       // deadline day 50: the day-23 warning is no longer due; due day 36 and day 43
$l->spend(30, $b + 40 * D);      // at day 43: 120 points
$all = $l->warningsDue($b, $b + 100 * D);
echo show($all, $b), "\n";
var_dump(array_keys($all[0]) === ['days_before', 'points', 'expires_at']);
// ($from, $to]: from excluded, to included
echo show($l->warningsDue($b + 16 * D, $b + 36 * D), $b), "\n";
echo show($l->warningsDue($b + 16 * D - 1, $b + 16 * D), $b), "\n";
echo show($l->warningsDue($b + 16 * D, $b + 16 * D), $b), "\n";
echo show($l->warningsDue($b + 23 * D - 1, $b + 23 * D + 1), $b), "\n";
echo show($l->warningsDue($b + 100 * D, $b), $b), "\n";
// an order in between, added later and out of order, takes back the warning of day 36
$l->earn(1, $b + 35 * D);        // deadline day 65: due day 51 and 58
echo show($l->warningsDue($b, $b + 100 * D), $b), "\n";

// a grant does not move the deadline: both warnings stay, with the points as they were then
$l = new Ledger($p);
$l->earn(10, $b);
$l->grant(5, $b + 20 * D);       // after the day-16 warning, before the day-23 one
echo show($l->warningsDue($b, $b + 60 * D), $b), "\n";
// a grant alone starts a deadline, and gets its warnings
$l = new Ledger($p);
$l->grant(8, $b + 3 * D);
echo show($l->warningsDue($b, $b + 60 * D), $b), "\n";
// nothing left to expire: no warning
$l = new Ledger($p);
$l->earn(10, $b);
$l->spend(10, $b + D);
echo show($l->warningsDue($b, $b + 60 * D), $b), "\n";

// per_lot: each lot has its own warnings; points counted at the warning time
$q = Program::fromArray(['loyalty' => ['expiry' => ['days' => 30, 'mode' => 'per_lot', 'warn_days' => [14, 7]]]]);
$l = new Ledger($q);
$l->earn(100, $b);               // expires day 30: due day 16 (100), day 23 (spent by then)
$l->earn(50, $b + 10 * D);       // expires day 40: due day 26, day 33 (30 left)
$l->spend(120, $b + 20 * D);
echo show($l->warningsDue($b, $b + 60 * D), $b), "\n";
// same due time: sorted by expiry date
$l = new Ledger($q);
$l->earn(20, $b + 7 * D);        // expires day 37: 14-day warning due day 23
$l->earn(10, $b);                // expires day 30: 7-day warning due day 23
echo show($l->warningsDue($b + 22 * D, $b + 23 * D), $b), "\n";

// nothing without warn_days or without expiry
$l = new Ledger(Program::fromArray(['loyalty' => ['expiry' => ['days' => 30]]]));
$l->earn(10, $b);
var_dump($l->warningsDue($b - 100 * D, $b + 100 * D));
$l = new Ledger(Program::fromArray([]));
$l->earn(10, $b);
var_dump($l->warningsDue($b - 100 * D, $b + 100 * D));
// an empty ledger
var_dump((new Ledger($p))->warningsDue($b, $b + 100 * D));
?>
--EXPECT--
[[14,100,30],[14,150,50],[7,120,50]]
bool(true)
[[14,150,50]]
[[14,100,30]]
[]
[]
[]
[[14,100,30],[14,121,65],[7,121,65]]
[[14,10,30],[7,15,30]]
[[14,8,33],[7,8,33]]
[]
[[14,100,30],[14,30,40],[7,30,40]]
[[7,10,30],[14,20,37]]
array(0) {
}
array(0) {
}
array(0) {
}
