--TEST--
Program: earn.exclude and earn.bonus settings: line expressions, multipliers > 0 with two decimals at most, not with per_order; errors name the path (SPEC 11, 13)
--EXTENSIONS--
loyalty
--FILE--
<?php
$earn = fn(array $keys) => ['loyalty' => ['earn' => ['per_amount' => 100] + $keys]];
$cases = [
    $earn(['exclude' => "orders > 1"]),
    $earn(['exclude' => 3]),
    $earn(['bonus' => "x"]),
    $earn(['bonus' => [['lines' => "qty > 1"]]]),
    $earn(['bonus' => [['multiplier' => 2]]]),
    $earn(['bonus' => [['lines' => "qty > 1", 'multiplier' => 0]]]),
    $earn(['bonus' => [['lines' => "qty > 1", 'multiplier' => -1.5]]]),
    $earn(['bonus' => [['lines' => "qty > 1", 'multiplier' => 1.234]]]),
    $earn(['bonus' => [['lines' => "qty > 1", 'multiplier' => 1001]]]),
    $earn(['bonus' => [['lines' => "qty > 1", 'multiplier' => '2']]]),
    $earn(['bonus' => [['lines' => "qty > 1", 'multiplier' => NAN]]]),
    $earn(['bonus' => [['lines' => "qty > 1", 'multiplier' => 2, 'extra' => 1]]]),
    $earn(['bonus' => [['lines' => "segment('loyal')", 'multiplier' => 2]]]),
    ['loyalty' => ['earn' => ['per_order' => 10, 'exclude' => "category == 'gift'"]]],
    ['loyalty' => ['earn' => ['per_order' => 10, 'bonus' => []]]],
];
foreach ($cases as $settings) {
    try {
        Loyalty\Program::fromArray($settings);
        echo "accepted\n";
    } catch (Loyalty\ConfigException $e) {
        echo get_class($e), ': ', strtok($e->getMessage(), "\n"), "\n";
    }
}
$p = Loyalty\Program::fromArray($earn(['exclude' => "category == 'gift'", 'bonus' => [['lines' => 'price > 100', 'multiplier' => 2.5], ['lines' => 'qty > 1', 'multiplier' => 1000]]]));
echo json_encode($p->toArray()['loyalty']['earn']), "\n";
var_dump(Loyalty\Program::fromArray($p->toArray()) == $p);
?>
--EXPECT--
Loyalty\ExpressionException: loyalty.earn.exclude: 'orders' is a customer field: a line expression reads sku, category, qty, price, amount and attr.NAME at column 1
Loyalty\ConfigException: loyalty.earn.exclude: expected string, got int
Loyalty\ConfigException: loyalty.earn.bonus: expected a list of {lines, multiplier}, got string
Loyalty\ConfigException: loyalty.earn.bonus[0].multiplier: is required
Loyalty\ConfigException: loyalty.earn.bonus[0].lines: is required
Loyalty\ConfigException: loyalty.earn.bonus[0].multiplier: must be > 0 and at most 1000, got 0
Loyalty\ConfigException: loyalty.earn.bonus[0].multiplier: must be > 0 and at most 1000, got -1.5
Loyalty\ConfigException: loyalty.earn.bonus[0].multiplier: at most two decimals, got 1.234
Loyalty\ConfigException: loyalty.earn.bonus[0].multiplier: must be > 0 and at most 1000, got 1001
Loyalty\ConfigException: loyalty.earn.bonus[0].multiplier: expected int or float, got string
Loyalty\ConfigException: loyalty.earn.bonus[0].multiplier: must be > 0 and at most 1000, got NAN
Loyalty\ConfigException: loyalty.earn.bonus[0].extra: unknown key
Loyalty\ExpressionException: loyalty.earn.bonus[0].lines: segment() reads the customer: not in a line expression at column 1
Loyalty\ConfigException: loyalty.earn.exclude: goes with per_amount: per_order gives the points of an order, not of its lines
Loyalty\ConfigException: loyalty.earn.bonus: goes with per_amount: per_order gives the points of an order, not of its lines
{"per_amount":100,"points":1,"exclude":"category == 'gift'","bonus":[{"lines":"price > 100","multiplier":2.5},{"lines":"qty > 1","multiplier":1000}]}
bool(true)
