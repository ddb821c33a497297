--TEST--
Customer input errors: InputException with exact path and message
--EXTENSIONS--
loyalty
--FILE--
<?php
use Loyalty\Engine;

$now = 1700000000;
// a program that reads every customer field
$e = new Engine(['segments' => ['s' =>
    "active and orders >= 0 and spent >= 0 and points >= 0 and lifetime_points >= 0"
    . " and city == 'x' and postcode == 'x' and country == 'FR'"
    . " and 'a' in groups and 'c' in carriers and 'b' in bought"
    . " and days_since_first_order >= 0 and days_since_last_order >= 0"]]);

$cases = [
    ['active' => 1],
    ['active' => 'yes'],
    ['active' => 0.0],
    ['active' => []],
    ['orders' => '3'],
    ['orders' => 3.0],
    ['orders' => true],
    ['orders' => []],
    ['orders' => -1],
    ['orders' => PHP_INT_MIN],
    ['spent' => 10.5],
    ['spent' => 100.0],
    ['spent' => '100'],
    ['spent' => -1],
    ['points' => 1.0],
    ['points' => '5'],
    ['points' => -5],
    ['lifetime_points' => '1'],
    ['lifetime_points' => -5],
    ['city' => 1],
    ['city' => ['Paris']],
    ['city' => true],
    ['postcode' => 75001],
    ['country' => false],
    ['groups' => 'VIP'],
    ['groups' => 1],
    ['groups' => ['a', 1]],
    ['groups' => ['a', 'b', ['c']]],
    ['groups' => ['x' => 'a', 'y' => null]],
    ['groups' => [5 => 'a', 9 => 2.5]],
    ['carriers' => 'x'],
    ['carriers' => ['x', false]],
    ['bought' => [1]],
    ['bought' => new ArrayObject(['x'])],
];
foreach ($cases as $c) {
    try {
        $e->segmentsOf($c, $now);
        echo "no exception for ", json_encode($c), "\n";
    } catch (Loyalty\InputException $t) {
        // (PHP_INT_MIN by name: its digits are the platform's)
        printf("%d %s\n", $t->getCode(), str_replace((string) PHP_INT_MIN, 'PHP_INT_MIN', $t->getMessage()));
    }
}
// inSegment() reads only what the asked segment reads: `s` reads groups, `all` and `loyal` do not
foreach (['all', 'loyal', 's'] as $n) {
    try {
        $e->inSegment($n, ['groups' => ['a', 1]], $now);
        echo "no exception\n";
    } catch (Loyalty\InputException $t) {
        echo "$n: ", $t->getMessage(), "\n";
    }
}
// the exception implements the marker interface
try { $e->segmentsOf(['orders' => -1], $now); } catch (Loyalty\Exception $t) { echo get_class($t), "\n"; }
?>
--EXPECT--
3 customer.active: expected bool, got int
3 customer.active: expected bool, got string
3 customer.active: expected bool, got float
3 customer.active: expected bool, got array
3 customer.orders: expected int, got string
3 customer.orders: expected int, got float
3 customer.orders: expected int, got bool
3 customer.orders: expected int, got array
3 customer.orders: must be >= 0, got -1
3 customer.orders: must be >= 0, got PHP_INT_MIN
3 customer.spent: expected int (minor units), got float
3 customer.spent: expected int (minor units), got float
3 customer.spent: expected int (minor units), got string
3 customer.spent: must be >= 0, got -1
3 customer.points: expected int, got float
3 customer.points: expected int, got string
3 customer.points: must be >= 0, got -5
3 customer.lifetime_points: expected int, got string
3 customer.lifetime_points: must be >= 0, got -5
3 customer.city: expected string, got int
3 customer.city: expected string, got array
3 customer.city: expected string, got bool
3 customer.postcode: expected string, got int
3 customer.country: expected string, got bool
3 customer.groups: expected list of strings, got string
3 customer.groups: expected list of strings, got int
3 customer.groups[1]: expected string, got int
3 customer.groups[2]: expected string, got array
3 customer.groups[1]: expected string, got null
3 customer.groups[1]: expected string, got float
3 customer.carriers: expected list of strings, got string
3 customer.carriers[1]: expected string, got bool
3 customer.bought[0]: expected string, got int
3 customer.bought: expected list of strings, got ArrayObject
no exception
no exception
s: customer.groups[1]: expected string, got int
Loyalty\InputException
