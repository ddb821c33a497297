--TEST--
Ledger::spend(): deducts from the balance, is an entry, can use the whole balance
--EXTENSIONS--
loyalty
--FILE--
<?php
use Loyalty\{Program, Ledger};
const D = 86400;
$b = gmmktime(0, 0, 0, 1, 1, 2026);
$l = new Ledger(Program::fromArray([]));
$l->earn(100, $b);
$l->grant(25, $b + D);
var_dump($l->spend(40, $b + 2 * D, 'cart-7'));
echo $l->balance($b + 2 * D - 1), ' ', $l->balance($b + 2 * D), "\n";       // 125 85
$l->spend(85, $b + 3 * D);
echo $l->balance($b + 3 * D), "\n";
$l->spend(0, $b + 4 * D);                                                   // nothing to spend, nothing owed
echo $l->balance($b + 4 * D), "\n";
echo json_encode(array_slice($l->entries(), 2)), "\n";
$l->earn(3, $b + 5 * D);
echo $l->balance($b + 5 * D), "\n";
?>
--EXPECT--
NULL
125 85
0
0
[{"type":"spend","points":40,"at":1767398400,"ref":"cart-7"},{"type":"spend","points":85,"at":1767484800,"ref":""},{"type":"spend","points":0,"at":1767571200,"ref":""}]
3
