--TEST--
Ledger: clone gives an independent copy with the same rules
--EXTENSIONS--
loyalty
--FILE--
<?php
use Loyalty\{Program, Ledger};
const D = 86400;
$b = gmmktime(0, 0, 0, 1, 1, 2026);
$p = Program::fromArray(['loyalty' => ['expiry' => ['days' => 30], 'pending_days' => 5]]);
$a = new Ledger($p);
$a->earn(100, $b, 'o1');
$a->earn(10, $b + 20 * D, 'o2');
$a->spend(40, $b + 10 * D, 'out of order');

$c = clone $a;
var_dump($c instanceof Ledger, $c !== $a, $c->entries() === $a->entries());
echo $c->balance($b + 20 * D), ' ', $c->pending($b + 20 * D), ' ', $c->balance($b + 50 * D), "\n";   // same rules: expiry and pending

$c->spend(60, $b + 21 * D);
$c->earn(7, $b + 1, 'earlier');
echo count($a->entries()), ' ', count($c->entries()), ' ', $a->balance($b + 21 * D), ' ', $c->balance($b + 21 * D), "\n";
$a->grant(1000, $b + 22 * D);
echo $a->balance($b + 22 * D), ' ', $c->balance($b + 22 * D), "\n";

// the clone outlives the original and its program variable
unset($a, $p);
gc_collect_cycles();
$c->earn(1, $b + 60 * D);
echo $c->balance($b + 60 * D), ' ', $c->balance($b + 50 * D - 1), "\n";   // the new order is pending; the rest expired at day 50
$cc = clone $c;
unset($c);
echo count($cc->entries()), "\n";
// an empty ledger clones too
$e = clone new Ledger(Program::fromArray([]));
$e->earn(3, $b);
echo $e->balance($b), "\n";
?>
--EXPECT--
bool(true)
bool(true)
bool(true)
60 10 0
3 5 60 7
1060 7
0 17
6
3
