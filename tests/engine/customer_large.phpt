--TEST--
Large customer lists and strings; per-customer state does not leak from a big customer to the next
--EXTENSIONS--
loyalty
--FILE--
<?php
use Loyalty\Engine;

$now = 1700000000;
$e = new Engine(['segments' => [
    'vip'   => "'VIP' in groups and count(bought) > 2",
    'paris' => "postcode like '75*'",
    'many'  => 'count(groups) > 1000',
]]);
$big = array_map(fn($i) => "g$i", range(1, 100000));
$list = [
    'big'   => ['groups' => array_merge($big, ['VIP']), 'bought' => $big],
    'small' => ['groups' => ['VIP'], 'bought' => ['a', 'b', 'c']],
    'few'   => ['groups' => ['VIP'], 'bought' => ['a']],
    'big2'  => ['groups' => $big, 'bought' => $big],
    'empty' => [],
];
var_dump($e->filter('vip', $list, $now));
var_dump($e->filter('many', $list, $now));
echo implode(',', $e->segmentsOf(['postcode' => '75' . str_repeat('0', 100000)], $now)), "\n";
echo implode(',', $e->segmentsOf(['postcode' => str_repeat('7', 100000)], $now)), "\n";
// strings are byte-exact: a NUL byte is part of the string
var_dump($e->inSegment('vip', ['groups' => ["VIP\0"], 'bought' => ['a', 'b', 'c']], $now));
var_dump($e->inSegment('vip', ['groups' => ["x\0y", 'VIP'], 'bought' => ['a', 'b', 'c']], $now));
?>
--EXPECT--
array(2) {
  [0]=>
  string(3) "big"
  [1]=>
  string(5) "small"
}
array(2) {
  [0]=>
  string(3) "big"
  [1]=>
  string(4) "big2"
}
all,no_orders,paris
all,no_orders
bool(false)
bool(true)
