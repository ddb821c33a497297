--TEST--
Program: invalid advantage tiers (money, percents, exclusive keys, carriers, empty tier)
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
        // (PHP_INT_MIN by name: its digits are the platform's)
        echo get_class($e), ' (', $e->getCode(), '): ', str_replace((string) PHP_INT_MIN, 'PHP_INT_MIN', $e->getMessage()), "\n";
    }
}
function tier(array $t): array { return ['advantages' => [['id' => 'a', 'tiers' => [['discount' => 1], $t]]]]; }

// money: int >= 0 only
check(tier(['from' => -1, 'discount' => 100]));
check(tier(['from' => 10.0, 'discount' => 100]));
check(tier(['from' => 10.5, 'discount' => 100]));
check(tier(['from' => '10', 'discount' => 100]));
check(tier(['from' => true, 'discount' => 100]));
check(tier(['discount' => -1]));
check(tier(['discount' => 100.0]));
check(tier(['discount' => '100']));
check(tier(['discount' => PHP_INT_MIN]));
// percents: int or float, 0..100, at most two decimals, no strings
check(tier(['discount_percent' => 101]));
check(tier(['discount_percent' => 100.01]));
check(tier(['discount_percent' => -1]));
check(tier(['discount_percent' => -0.5]));
check(tier(['discount_percent' => 2.555]));
check(tier(['discount_percent' => 0.001]));
check(tier(['discount_percent' => 12.3400000001]));
check(tier(['discount_percent' => '10']));
check(tier(['discount_percent' => true]));
check(tier(['discount_percent' => NAN]));
check(tier(['discount_percent' => INF]));
// discount and discount_percent exclude each other
check(tier(['discount' => 100, 'discount_percent' => 5]));
check(tier(['discount' => 100, 'discount_percent' => 5, 'free_shipping' => true]));
// carriers need free_shipping, and are a list of strings
check(tier(['discount' => 100, 'carriers' => ['Colissimo']]));
check(tier(['discount' => 100, 'free_shipping' => false, 'carriers' => ['Colissimo']]));
check(tier(['free_shipping' => true, 'carriers' => 'Colissimo']));
check(tier(['free_shipping' => true, 'carriers' => [1]]));
check(tier(['free_shipping' => true, 'carriers' => ['a' => 'Colissimo']]));
check(tier(['free_shipping' => true, 'carriers' => []]));
check(tier(['free_shipping' => 1]));
check(tier(['free_shipping' => 'true']));
// a tier must give something
check(tier([]));
check(tier(['from' => 5000]));
check(tier(['from' => 5000, 'free_shipping' => false]));
check(tier(['from' => 5000, 'discount' => null, 'discount_percent' => null]));
// bracket-only keys are unknown in a tier
check(tier(['rate' => ['points' => 10, 'value' => 100]]));
check(tier(['discount' => 100, 'cost' => 10]));
--EXPECTF--
Loyalty\ConfigException (1): advantages[0].tiers[1].from: must be >= 0, got -1
Loyalty\ConfigException (1): advantages[0].tiers[1].from: expected int (minor units), got float
Loyalty\ConfigException (1): advantages[0].tiers[1].from: expected int (minor units), got float
Loyalty\ConfigException (1): advantages[0].tiers[1].from: expected int (minor units), got string
Loyalty\ConfigException (1): advantages[0].tiers[1].from: expected int (minor units), got bool
Loyalty\ConfigException (1): advantages[0].tiers[1].discount: must be >= 0, got -1
Loyalty\ConfigException (1): advantages[0].tiers[1].discount: expected int (minor units), got float
Loyalty\ConfigException (1): advantages[0].tiers[1].discount: expected int (minor units), got string
Loyalty\ConfigException (1): advantages[0].tiers[1].discount: must be >= 0, got PHP_INT_MIN
Loyalty\ConfigException (1): advantages[0].tiers[1].discount_percent: must be between 0 and 100, got 101
Loyalty\ConfigException (1): advantages[0].tiers[1].discount_percent: must be between 0 and 100, got 100.01%S
Loyalty\ConfigException (1): advantages[0].tiers[1].discount_percent: must be between 0 and 100, got -1
Loyalty\ConfigException (1): advantages[0].tiers[1].discount_percent: must be between 0 and 100, got -0.5
Loyalty\ConfigException (1): advantages[0].tiers[1].discount_percent: at most two decimals, got 2.555%S
Loyalty\ConfigException (1): advantages[0].tiers[1].discount_percent: at most two decimals, got 0.001
Loyalty\ConfigException (1): advantages[0].tiers[1].discount_percent: at most two decimals, got 12.3400000001
Loyalty\ConfigException (1): advantages[0].tiers[1].discount_percent: expected int or float (percent), got string
Loyalty\ConfigException (1): advantages[0].tiers[1].discount_percent: expected int or float (percent), got bool
Loyalty\ConfigException (1): advantages[0].tiers[1].discount_percent: must be between 0 and 100, got NAN
Loyalty\ConfigException (1): advantages[0].tiers[1].discount_percent: must be between 0 and 100, got INF
Loyalty\ConfigException (1): advantages[0].tiers[1]: discount and discount_percent exclude each other
Loyalty\ConfigException (1): advantages[0].tiers[1]: discount and discount_percent exclude each other
Loyalty\ConfigException (1): advantages[0].tiers[1].carriers: needs free_shipping
Loyalty\ConfigException (1): advantages[0].tiers[1].carriers: needs free_shipping
Loyalty\ConfigException (1): advantages[0].tiers[1].carriers: expected a list of strings, got string
Loyalty\ConfigException (1): advantages[0].tiers[1].carriers[0]: expected string, got int
Loyalty\ConfigException (1): advantages[0].tiers[1].carriers: expected a list of strings, got array
Loyalty\ConfigException (1): advantages[0].tiers[1].carriers: must not be empty (leave it out for every carrier)
Loyalty\ConfigException (1): advantages[0].tiers[1].free_shipping: expected bool, got int
Loyalty\ConfigException (1): advantages[0].tiers[1].free_shipping: expected bool, got string
Loyalty\ConfigException (1): advantages[0].tiers[1]: gives nothing: set discount, discount_percent, free_units or free_shipping
Loyalty\ConfigException (1): advantages[0].tiers[1]: gives nothing: set discount, discount_percent, free_units or free_shipping
Loyalty\ConfigException (1): advantages[0].tiers[1]: gives nothing: set discount, discount_percent, free_units or free_shipping
Loyalty\ConfigException (1): advantages[0].tiers[1]: gives nothing: set discount, discount_percent, free_units or free_shipping
Loyalty\ConfigException (1): advantages[0].tiers[1].rate: unknown key
Loyalty\ConfigException (1): advantages[0].tiers[1].cost: unknown key
