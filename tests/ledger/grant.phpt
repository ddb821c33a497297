--TEST--
Ledger::grant(): spendable at once; in rolling mode it does not move the deadline, but starts one when none runs
--EXTENSIONS--
loyalty
--FILE--
<?php
use Loyalty\{Program, Ledger};
const D = 86400;
$b = gmmktime(0, 0, 0, 1, 1, 2026);
$p = Program::fromArray(['loyalty' => ['expiry' => ['days' => 30, 'mode' => 'rolling'], 'pending_days' => 14]]);

// a grant after an order: deadline stays at order + 30 days
$l = new Ledger($p);
$l->earn(100, $b, 'o1');
$l->grant(50, $b + 10 * D, 'sorry');
echo $l->balance($b + 10 * D), ' ', $l->pending($b + 10 * D), ' ', $l->balance($b + 14 * D), "\n"; // grant not pending
echo $l->balance($b + 30 * D - 1), ' ', $l->balance($b + 30 * D), "\n";
var_dump($l->expiring($b + 25 * D) === [['points' => 150, 'expires_at' => $b + 30 * D]]);

// after expiry no deadline runs: a grant starts one (grant + 30 days); the old points stay gone
$l->grant(20, $b + 40 * D);
echo $l->balance($b + 40 * D), ' ', $l->balance($b + 70 * D - 1), ' ', $l->balance($b + 70 * D), "\n";
var_dump($l->expiring($b + 41 * D) === [['points' => 20, 'expires_at' => $b + 70 * D]]);

// grants only: the first starts the deadline, the next ones do not push it
$g = new Ledger($p);
$g->grant(10, $b);
$g->grant(5, $b + 10 * D);
echo $g->balance($b), ' ', $g->pending($b), ' ', $g->balance($b + 29 * D), ' ', $g->balance($b + 30 * D), "\n";
var_dump($g->expiring($b + 10 * D) === [['points' => 15, 'expires_at' => $b + 30 * D]]);
// an order afterwards resets the deadline of every valid point, grants included
$g->earn(1, $b + 20 * D);
echo $g->balance($b + 35 * D), ' ', $g->balance($b + 50 * D - 1), ' ', $g->balance($b + 50 * D), "\n";

// grant reason is stored as the ref
echo json_encode($g->entries()[0]), "\n";
?>
--EXPECT--
50 100 150
150 0
bool(true)
20 20 0
bool(true)
10 0 15 0
bool(true)
16 16 0
{"type":"grant","points":10,"at":1767225600,"ref":""}
