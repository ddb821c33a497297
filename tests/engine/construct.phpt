--TEST--
Engine::__construct() accepts a Program, an array or a JSON string
--EXTENSIONS--
loyalty
--FILE--
<?php
use Loyalty\Engine;
use Loyalty\Program;

$now = 1700000000;
$settings = ['segments' => ['vip' => "'VIP' in groups", 'paris' => "city == 'Paris'"]];
$vip = ['groups' => ['VIP'], 'orders' => 2, 'city' => 'Lyon'];

// 1. Program
$p = Program::fromArray($settings);
$e1 = new Engine($p);
var_dump($e1 instanceof Engine);
var_dump($e1->program() === $p);

// 2. array
$e2 = new Engine($settings);
var_dump($e2->program() instanceof Program);
var_dump($e2->program() == $p);

// 3. JSON string
$e3 = new Engine(json_encode($settings));
var_dump($e3->program() instanceof Program);
var_dump($e3->program() == $p);

// all three behave the same
foreach ([$e1, $e2, $e3] as $e) {
    echo implode(',', $e->segmentsOf($vip, $now)), "\n";
    var_dump($e->inSegment('vip', $vip, $now), $e->inSegment('paris', $vip, $now));
}

// empty settings in every form: built-in segments only
foreach ([new Engine([]), new Engine('{}'), new Engine(Program::fromJson('{}'))] as $e) {
    echo implode(',', $e->program()->segmentNames()), "\n";
    echo implode(',', $e->segmentsOf(['orders' => 3], $now)), "\n";
}

// segments given as an empty PHP array / JSON object
$e = new Engine(['segments' => []]);
echo implode(',', $e->segmentsOf([], $now)), "\n";

// the class is final
var_dump((new ReflectionClass(Engine::class))->isFinal());
?>
--EXPECT--
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
all,customers,loyal,vip
bool(true)
bool(false)
all,customers,loyal,vip
bool(true)
bool(false)
all,customers,loyal,vip
bool(true)
bool(false)
all,disabled,no_orders,first_order_recent,loyal,customers
all,customers,loyal
all,disabled,no_orders,first_order_recent,loyal,customers
all,customers,loyal
all,disabled,no_orders,first_order_recent,loyal,customers
all,customers,loyal
all,no_orders
bool(true)
