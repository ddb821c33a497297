--TEST--
Result::$segments with a large customer: when its lists are long (100,000 times one long string; 100,000 strings in a list no segment left reads), the segments left for the first read are tested at once, and the Result holds no copy of the lists
--EXTENSIONS--
loyalty
--INI--
memory_limit=64M
--FILE--
<?php
$engine = new Loyalty\Engine([
    'segments' => ['pro' => "'pro' in groups", 'ref' => "'REF-42' in bought", 'paris' => "city == 'Paris'"],
    'advantages' => [['id' => 'a', 'segment' => 'all', 'tiers' => [['discount' => 100]]]],
]);
$now = 1700000000;
// 100,000 times one 10,000-byte string: 2.5 MB in PHP, a gigabyte if each were copied
$long = str_repeat('x', 10000);
$customer = ['orders' => 2, 'groups' => array_merge(array_fill(0, 100000, $long), ['pro']), 'bought' => ['REF-42'], 'city' => 'Paris'];
$engine->evaluate(['subtotal' => 5000], $customer, $now); // the engine's scratch grows to the list once
$before = memory_get_usage();
$r = $engine->evaluate(['subtotal' => 5000], $customer, $now);
$held = memory_get_usage() - $before; // what the Result holds
unset($customer['groups']);
echo implode(' ', $r->segments), "\n";
var_dump($held < 100000);

// a long list no left segment reads: `bought`, 100,000 long strings; the segments left are tested at once too
$engine = new Loyalty\Engine([
    'segments' => ['pro' => "'pro' in groups", 'paris' => "city == 'Paris'"],
    'advantages' => [['id' => 'a', 'segment' => 'all', 'tiers' => [['discount' => 100]]]],
]);
$customer = ['orders' => 2, 'groups' => ['pro'], 'city' => 'Paris', 'bought' => array_map(fn($i) => str_repeat('y', 20) . $i, range(1, 100000))];
$engine->evaluate(['subtotal' => 5000], $customer, $now);
$before = memory_get_usage();
$r = $engine->evaluate(['subtotal' => 5000], $customer, $now);
$held = memory_get_usage() - $before;
$customer['city'] = 'Lyon'; $customer['groups'] = [];
echo implode(' ', $r->segments), "\n";
var_dump($held < 100000);
?>
--EXPECT--
all customers loyal paris pro ref
bool(true)
all customers loyal paris pro
bool(true)
