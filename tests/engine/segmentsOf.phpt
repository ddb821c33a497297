--TEST--
Engine::segmentsOf() returns every segment of the customer, all included, sorted by byte order
--EXTENSIONS--
loyalty
--FILE--
<?php
use Loyalty\Engine;

$now = 1700000000;
// custom names chosen so that settings order, segmentNames() order and byte order all differ
$e = new Engine(['segments' => [
    'zeta'  => 'true',
    'Zeta'  => 'orders >= 1',
    '_u'    => "'VIP' in groups",
    'a-b'   => "city == 'Paris'",
    'a_b'   => "city == 'Paris'",
    'ab'    => "city == 'Lyon'",
    'B'     => 'spent >= 1000',
    'none'  => 'false',
]]);

$r = $e->segmentsOf(['orders' => 3, 'spent' => 5000, 'groups' => ['VIP'], 'city' => 'Paris'], $now);
var_dump(array_is_list($r));
echo implode(',', $r), "\n";
$sorted = $r;
sort($sorted, SORT_STRING);
var_dump($sorted === $r);

echo implode(',', $e->segmentsOf([], $now)), "\n";
echo implode(',', $e->segmentsOf(['orders' => 1, 'first_order' => $now - 3600, 'city' => 'Lyon'], $now)), "\n";

// the same customer asked twice gives the same answer (scratch state is reset)
$c = ['orders' => 2, 'city' => 'Paris'];
var_dump($e->segmentsOf($c, $now) === $e->segmentsOf($c, $now));
echo implode(',', $e->segmentsOf(['orders' => 0], $now)), "\n";

// built-ins only
$b = new Engine([]);
var_dump($b->segmentsOf(['orders' => 5], $now));

// unknown keys in the customer are ignored
echo implode(',', $b->segmentsOf(['orders' => 2, 'nickname' => [1, 2], 'foo' => new stdClass, 7 => 'x'], $now)), "\n";
?>
--EXPECT--
bool(true)
B,Zeta,_u,a-b,a_b,all,customers,loyal,zeta
bool(true)
all,no_orders,zeta
Zeta,ab,all,customers,first_order_recent,zeta
bool(true)
all,no_orders,zeta
array(3) {
  [0]=>
  string(3) "all"
  [1]=>
  string(9) "customers"
  [2]=>
  string(5) "loyal"
}
all,customers,loyal
