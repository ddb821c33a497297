--TEST--
Engine::program() returns the same Program object every time
--EXTENSIONS--
loyalty
--FILE--
<?php
use Loyalty\Engine;
use Loyalty\Program;

$p = Program::fromJson('{"segments": {"vip": "\'VIP\' in groups"}}');
$a = new Engine($p);
$b = new Engine($p);
var_dump($a->program() === $p, $b->program() === $p, $a->program() === $a->program());

// built from an array or a string, it is still one object
$c = new Engine(['segments' => ['x' => 'orders > 3']]);
var_dump($c->program() === $c->program());
var_dump(spl_object_id($c->program()) === spl_object_id($c->program()));
echo implode(',', $c->program()->segmentNames()), "\n";
var_dump($c->program()->toArray()['segments']);

// the program outlives the engine
$q = $c->program();
unset($c);
echo implode(',', $q->segmentNames()), "\n";
$d = new Engine($q);
var_dump($d->inSegment('x', ['orders' => 4], 1700000000));

// the Program given is shared, not copied: it survives unset of the caller's reference
unset($p);
var_dump($a->program() === $b->program());
var_dump($a->inSegment('vip', ['groups' => ['VIP']], 1700000000));

// takes no arguments
try {
    $a->program(1);
} catch (ArgumentCountError $e) {
    echo $e->getMessage(), "\n";
}
?>
--EXPECT--
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
all,disabled,no_orders,first_order_recent,loyal,customers,x
array(1) {
  ["x"]=>
  string(10) "orders > 3"
}
all,disabled,no_orders,first_order_recent,loyal,customers,x
bool(true)
bool(true)
bool(true)
Loyalty\Engine::program() expects exactly 0 arguments, 1 given
