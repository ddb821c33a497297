--TEST--
Program: invalid loyalty brackets (from/cost, money, percent, rate, exclusive keys, carriers)
--EXTENSIONS--
loyalty
--FILE--
<?php
function check($settings): void {
    try {
        is_string($settings)
            ? Loyalty\Program::fromJson($settings)
            : Loyalty\Program::fromArray($settings);
        echo "accepted\n";
    } catch (Loyalty\ConfigException $e) {
        echo get_class($e), ' (', $e->getCode(), '): ', $e->getMessage(), "\n";
    }
}
function br(array $b, array $more = []): array {
    return ['loyalty' => ['brackets' => [['from' => 1, 'discount' => 1], $b]] + $more];
}

check(['loyalty' => ['brackets' => 'x']]);
check(['loyalty' => ['brackets' => ['gold' => ['from' => 1, 'discount' => 1]]]]);
check(['loyalty' => ['brackets' => [5]]]);
// from and cost: ints >= 0 (points)
check(br(['from' => -1, 'discount' => 500]));
check(br(['from' => 10.0, 'discount' => 500]));
check(br(['from' => '10', 'discount' => 500]));
check(br(['from' => 10, 'discount' => 500, 'cost' => -1]));
check(br(['from' => 10, 'discount' => 500, 'cost' => 5.0]));
check(br(['from' => 10, 'discount' => 500, 'cost' => '5']));
// money and percent
check(br(['from' => 10, 'discount' => -500]));
check(br(['from' => 10, 'discount' => 5.0]));
check(br(['from' => 10, 'discount_percent' => 101]));
check(br(['from' => 10, 'discount_percent' => -1]));
check(br(['from' => 10, 'discount_percent' => 2.555]));
check(br(['from' => 10, 'discount_percent' => '5']));
// discount, discount_percent and rate exclude each other
check(br(['from' => 10, 'discount' => 500, 'discount_percent' => 5]));
check(br(['from' => 10, 'discount' => 500, 'rate' => ['points' => 10, 'value' => 100]]));
check(br(['from' => 10, 'discount_percent' => 5, 'rate' => ['points' => 10, 'value' => 100]]));
// rate: {points >= 1, value money}, no cost
check(br(['from' => 10, 'rate' => ['points' => 10, 'value' => 100], 'cost' => 10]));
check(br(['from' => 10, 'rate' => ['points' => 10, 'value' => 100], 'cost' => 0]));
check(br(['from' => 10, 'rate' => ['points' => 10]]));
check(br(['from' => 10, 'rate' => ['value' => 100]]));
check(br(['from' => 10, 'rate' => []]));
check(br(['from' => 10, 'rate' => 10]));
check(br(['from' => 10, 'rate' => ['points' => 0, 'value' => 100]]));
check(br(['from' => 10, 'rate' => ['points' => 10.0, 'value' => 100]]));
check(br(['from' => 10, 'rate' => ['points' => 10, 'value' => -1]]));
check(br(['from' => 10, 'rate' => ['points' => 10, 'value' => 1.5]]));
check(br(['from' => 10, 'rate' => ['points' => 10, 'value' => '100']]));
// carriers need free_shipping
check(br(['from' => 10, 'carriers' => ['Colissimo']]));
check(br(['from' => 10, 'discount' => 5, 'free_shipping' => false, 'carriers' => ['Colissimo']]));
check(br(['from' => 10, 'free_shipping' => true, 'carriers' => [true]]));
check(br(['from' => 10, 'free_shipping' => 'yes']));
// a bracket must give something
check(br(['from' => 10]));
check(br(['from' => 10, 'cost' => 5]));
check(br(['from' => 10, 'free_shipping' => false]));
--EXPECTF--
Loyalty\ConfigException (1): loyalty.brackets: expected a list of brackets, got string
Loyalty\ConfigException (1): loyalty.brackets: expected a list of brackets, got array
Loyalty\ConfigException (1): loyalty.brackets[0]: expected an object (array with string keys), got int
Loyalty\ConfigException (1): loyalty.brackets[1].from: must be >= 0, got -1
Loyalty\ConfigException (1): loyalty.brackets[1].from: expected int, got float
Loyalty\ConfigException (1): loyalty.brackets[1].from: expected int, got string
Loyalty\ConfigException (1): loyalty.brackets[1].cost: must be >= 0, got -1
Loyalty\ConfigException (1): loyalty.brackets[1].cost: expected int, got float
Loyalty\ConfigException (1): loyalty.brackets[1].cost: expected int, got string
Loyalty\ConfigException (1): loyalty.brackets[1].discount: must be >= 0, got -500
Loyalty\ConfigException (1): loyalty.brackets[1].discount: expected int (minor units), got float
Loyalty\ConfigException (1): loyalty.brackets[1].discount_percent: must be between 0 and 100, got 101
Loyalty\ConfigException (1): loyalty.brackets[1].discount_percent: must be between 0 and 100, got -1
Loyalty\ConfigException (1): loyalty.brackets[1].discount_percent: at most two decimals, got 2.555%S
Loyalty\ConfigException (1): loyalty.brackets[1].discount_percent: expected int or float (percent), got string
Loyalty\ConfigException (1): loyalty.brackets[1]: discount and discount_percent exclude each other
Loyalty\ConfigException (1): loyalty.brackets[1]: discount, discount_percent and rate exclude each other
Loyalty\ConfigException (1): loyalty.brackets[1]: discount, discount_percent and rate exclude each other
Loyalty\ConfigException (1): loyalty.brackets[1]: cost cannot be used with rate (a rate spends its blocks)
Loyalty\ConfigException (1): loyalty.brackets[1]: cost cannot be used with rate (a rate spends its blocks)
Loyalty\ConfigException (1): loyalty.brackets[1].rate: needs points and value (e.g. {"points": 10, "value": 100})
Loyalty\ConfigException (1): loyalty.brackets[1].rate: needs points and value (e.g. {"points": 10, "value": 100})
Loyalty\ConfigException (1): loyalty.brackets[1].rate: needs points and value (e.g. {"points": 10, "value": 100})
Loyalty\ConfigException (1): loyalty.brackets[1].rate: expected an object (array with string keys), got int
Loyalty\ConfigException (1): loyalty.brackets[1].rate.points: must be >= 1, got 0
Loyalty\ConfigException (1): loyalty.brackets[1].rate.points: expected int, got float
Loyalty\ConfigException (1): loyalty.brackets[1].rate.value: must be >= 0, got -1
Loyalty\ConfigException (1): loyalty.brackets[1].rate.value: expected int (minor units), got float
Loyalty\ConfigException (1): loyalty.brackets[1].rate.value: expected int (minor units), got string
Loyalty\ConfigException (1): loyalty.brackets[1].carriers: needs free_shipping
Loyalty\ConfigException (1): loyalty.brackets[1].carriers: needs free_shipping
Loyalty\ConfigException (1): loyalty.brackets[1].carriers[0]: expected string, got bool
Loyalty\ConfigException (1): loyalty.brackets[1].free_shipping: expected bool, got string
Loyalty\ConfigException (1): loyalty.brackets[1]: gives nothing: set discount, discount_percent, rate or free_shipping
Loyalty\ConfigException (1): loyalty.brackets[1]: gives nothing: set discount, discount_percent, rate or free_shipping
Loyalty\ConfigException (1): loyalty.brackets[1]: gives nothing: set discount, discount_percent, rate or free_shipping
