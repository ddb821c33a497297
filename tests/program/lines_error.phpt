--TEST--
Program: line expressions and quantity tiers: customer fields in a line expression, line fields in a segment, segment() in lines, free_units rules, tiers_on values are ConfigExceptions with the path; warnings() for lines no line can match (SPEC 11, 13)
--EXTENSIONS--
loyalty
--FILE--
<?php
$adv = fn(array $keys, array $tier = ['discount' => 1]) => ['advantages' => [['id' => 'a', 'tiers' => [$tier]] + $keys]];
$cases = [
    $adv(['lines' => "orders > 3"]),
    $adv(['lines' => "'VIP' in groups"]),
    $adv(['lines' => "segment('loyal')"]),
    $adv(['lines' => "nosuch == 1"]),
    $adv(['lines' => "price"]),
    $adv(['lines' => "sku > 3"]),
    $adv(['lines' => 5]),
    ['segments' => ['s' => "sku == 'A'"]],
    $adv(['segment' => "price > 100"]),
    $adv(['tiers_on' => 'units']),
    $adv([], ['free_units' => 1, 'from' => 3]),
    $adv(['tiers_on' => 'quantity'], ['free_units' => 1, 'from' => 0]),
    $adv(['tiers_on' => 'quantity'], ['free_units' => 1, 'from' => 3, 'discount' => 100]),
    $adv(['tiers_on' => 'quantity'], ['free_units' => 0, 'from' => 3]),
    $adv(['tiers_on' => 'quantity'], ['free_units' => '1', 'from' => 3]),
    $adv(['tiers_on' => 'quantity'], ['from' => 1.5, 'discount' => 1]),
];
foreach ($cases as $settings) {
    try {
        Loyalty\Program::fromArray($settings);
        echo "accepted\n";
    } catch (Loyalty\ConfigException $e) {
        echo get_class($e), ': ', strtok($e->getMessage(), "\n"), "\n";
    }
}
// accepted: toArray() writes tiers_on always, lines and free_units when set
$p = Loyalty\Program::fromArray($adv(['lines' => "category == 'toys'", 'tiers_on' => 'quantity'], ['from' => 3, 'free_units' => 1]));
echo json_encode($p->toArray()['advantages'][0]), "\n";
var_dump(Loyalty\Program::fromArray($p->toArray()) == $p);
// warnings: a lines expression no line can match
foreach (["price < 0", "qty < 0.0 and category == 'x'", "0 > amount", "price <= 0", "not (price < 0)", "price < 0 or qty > 1"] as $lines) {
    echo $lines, ': ', json_encode(Loyalty\Program::fromArray($adv(['lines' => $lines]))->warnings()), "\n";
}
?>
--EXPECT--
Loyalty\ExpressionException: advantages[0].lines: 'orders' is a customer field: a line expression reads sku, category, qty, price, amount and attr.NAME at column 1
Loyalty\ExpressionException: advantages[0].lines: 'groups' is a customer field: a line expression reads sku, category, qty, price, amount and attr.NAME at column 10
Loyalty\ExpressionException: advantages[0].lines: segment() reads the customer: not in a line expression at column 1
Loyalty\ExpressionException: advantages[0].lines: unknown field 'nosuch' at column 1
Loyalty\ExpressionException: advantages[0].lines: expression must be a condition, got number at column 1
Loyalty\ExpressionException: advantages[0].lines: cannot compare string with number at column 5
Loyalty\ConfigException: advantages[0].lines: expected string, got int
Loyalty\ExpressionException: segments.s: 'sku' is a line field: only line expressions (an advantage's lines, earn.exclude, earn.bonus) read it at column 1
Loyalty\ExpressionException: advantages[0].segment: 'price' is a line field: only line expressions (an advantage's lines, earn.exclude, earn.bonus) read it at column 1
Loyalty\ConfigException: advantages[0].tiers_on: must be one of 'amount', 'quantity', got 'units'
Loyalty\ConfigException: advantages[0].tiers[0].free_units: needs tiers_on: quantity (free units are counted per `from` units)
Loyalty\ConfigException: advantages[0].tiers[0].free_units: needs from >= 1 (units)
Loyalty\ConfigException: advantages[0].tiers[0].free_units: excludes discount and discount_percent
Loyalty\ConfigException: advantages[0].tiers[0].free_units: must be >= 1, got 0
Loyalty\ConfigException: advantages[0].tiers[0].free_units: expected int, got string
Loyalty\ConfigException: advantages[0].tiers[0].from: expected int, got float
{"id":"a","label":"a","segment":"all","earn_points":true,"with_voucher":false,"combinable":false,"tiers_on":"quantity","lines":"category == 'toys'","tiers":[{"from":3,"free_units":1,"free_shipping":false}]}
bool(true)
price < 0: [{"path":"advantages[0].lines","message":"never matches: qty, price and amount are never negative"}]
qty < 0.0 and category == 'x': [{"path":"advantages[0].lines","message":"never matches: qty, price and amount are never negative"}]
0 > amount: [{"path":"advantages[0].lines","message":"never matches: qty, price and amount are never negative"}]
price <= 0: []
not (price < 0): []
price < 0 or qty > 1: []
