--TEST--
Engine::filter() over arrays: ids, keys when no id, string keys, input order kept
--EXTENSIONS--
loyalty
--FILE--
<?php
use Loyalty\Engine;

$now = 1700000000;
$e = new Engine(['segments' => ['vip' => "'VIP' in groups", 'nobody' => 'false']]);
$vip = ['groups' => ['VIP']];

$list = [
    ['id' => 7] + $vip,                 // key 0, id 7
    $vip,                               // key 1, no id -> 1
    ['id' => 'abc'] + $vip,             // string id
    ['id' => 3],                        // not vip
    'k' => $vip,                        // string key
    10 => ['id' => 1] + $vip,           // id 1 (same as a key above: ids are not deduplicated)
    11 => ['id' => 0] + $vip,           // id 0 is an id
    12 => ['id' => ''] + $vip,          // empty string id is an id
    '20' => $vip,                       // numeric string key becomes int 20
    -5 => $vip,                         // negative int key
    13 => ['id' => '42'] + $vip,        // numeric string id stays a string
];
var_dump($e->filter('vip', $list, $now));

// input order, not sorted
var_dump($e->filter('vip', ['z' => $vip, 'a' => $vip, 'm' => ['id' => 5] + $vip, 3 => $vip, 1 => $vip], $now));

// duplicate ids are all returned
var_dump($e->filter('vip', [['id' => 9] + $vip, ['id' => 9] + $vip], $now));

// built-in segments
$customers = [
    'new'  => [],
    'one'  => ['orders' => 1, 'first_order' => $now - 86400],
    'two'  => ['orders' => 2],
    'off'  => ['active' => false, 'orders' => 2],
];
foreach (['all', 'disabled', 'no_orders', 'first_order_recent', 'loyal', 'customers', 'nobody'] as $s) {
    echo "$s: ", implode(',', $e->filter($s, $customers, $now)), "\n";
}

// empty input
var_dump($e->filter('vip', [], $now));
var_dump($e->filter('all', [], $now));

// result is a list
var_dump(array_is_list($e->filter('all', [5 => [], 'x' => [], 2 => []], $now)));
?>
--EXPECT--
array(10) {
  [0]=>
  int(7)
  [1]=>
  int(1)
  [2]=>
  string(3) "abc"
  [3]=>
  string(1) "k"
  [4]=>
  int(1)
  [5]=>
  int(0)
  [6]=>
  string(0) ""
  [7]=>
  int(20)
  [8]=>
  int(-5)
  [9]=>
  string(2) "42"
}
array(5) {
  [0]=>
  string(1) "z"
  [1]=>
  string(1) "a"
  [2]=>
  int(5)
  [3]=>
  int(3)
  [4]=>
  int(1)
}
array(2) {
  [0]=>
  int(9)
  [1]=>
  int(9)
}
all: new,one,two,off
disabled: off
no_orders: new
first_order_recent: one
loyal: two
customers: one,two
nobody: 
array(0) {
}
array(0) {
}
bool(true)
