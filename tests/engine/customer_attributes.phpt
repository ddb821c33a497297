--TEST--
Customer attributes: an array of finite scalars; segmentsOf() checks every entry, filter() only those the program reads
--EXTENSIONS--
loyalty
--FILE--
<?php
use Loyalty\Engine;

$now = 1700000000;
$e = new Engine(['segments' => [
    'gold'  => "attr.tier == 'gold'",
    'big'   => 'attr.score > 10',
    'flag'  => 'attr.newsletter',
]]);
$show = function (array $c) use ($e, $now) {
    try {
        echo implode(',', $e->segmentsOf($c, $now)), "\n";
    } catch (Loyalty\InputException $t) {
        printf("%d %s\n", $t->getCode(), $t->getMessage());
    }
};
// valid
$show(['attributes' => ['tier' => 'gold', 'score' => 11, 'newsletter' => true]]);
$show(['attributes' => ['tier' => 'silver', 'score' => 10.5, 'newsletter' => 1]]);
$show(['attributes' => ['score' => 10.01]]);
$show(['attributes' => []]);
$show(['attributes' => null]);
$show(['attributes' => ['tier' => null, 'score' => null]]);
// wrong kind at run time behaves as null: no match, no error
$show(['attributes' => ['tier' => 5, 'score' => 'many', 'newsletter' => 'yes']]);
// errors
$show(['attributes' => 'x']);
$show(['attributes' => 5]);
$show(['attributes' => ['tier' => []]]);
$show(['attributes' => ['tier' => new stdClass]]);
$show(['attributes' => ['score' => NAN]]);
$show(['attributes' => ['score' => INF]]);
$show(['attributes' => ['score' => -INF]]);
// segmentsOf() and evaluate() check the entries no expression reads as well
$show(['attributes' => ['tier' => 'gold', 'unused' => NAN]]);
$show(['attributes' => ['tier' => 'gold', 'other' => [1, 2]]]);
$show(['attributes' => ['tier' => 'gold', 'obj' => new stdClass]]);
// filter() reads only the entries the program reads
$rows = [['id' => 1, 'attributes' => ['unused' => NAN, 'other' => [1, 2], 'obj' => new stdClass, 'tier' => 'gold']]];
echo json_encode($e->filter('gold', $rows, $now)), "\n";
// and a program that reads no attribute does not look at them at all there
$n = new Engine(['segments' => ['x' => 'orders > 1']]);
echo json_encode($n->filter('x', [5 => ['attributes' => 'not an array', 'orders' => 2]], $now)), "\n";
try {
    $n->segmentsOf(['attributes' => 'not an array', 'orders' => 2], $now);
} catch (Loyalty\InputException $t) {
    echo $t->getMessage(), "\n";
}
?>
--EXPECTF--
all,big,flag,gold,no_orders
all,big,no_orders
all,big,no_orders
all,no_orders
all,no_orders
all,no_orders
all,no_orders
3 customer.attributes: expected array of scalars, got string
3 customer.attributes: expected array of scalars, got int
3 customer.attributes.tier: expected a scalar, got array
3 customer.attributes.tier: expected a scalar, got stdClass
3 customer.attributes.score: expected a finite number, got NAN
3 customer.attributes.score: expected a finite number, got INF
3 customer.attributes.score: expected a finite number, got %r-?%rINF
3 customer.attributes.unused: expected a finite number, got NAN
3 customer.attributes.other: expected a scalar, got array
3 customer.attributes.obj: expected a scalar, got stdClass
[1]
[5]
customer.attributes: expected array of scalars, got string
