--TEST--
Program: invalid loyalty.rewards (threshold, coupon value, min_cart, valid_days)
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
function rw($r): array { return ['loyalty' => ['rewards' => $r]]; }

check(rw(5000));
check(rw([]));
// threshold: required int >= 1
check(rw(['coupon' => ['discount' => 500]]));
check(rw(['threshold' => null, 'coupon' => ['discount' => 500]]));
check(rw(['threshold' => 0, 'coupon' => ['discount' => 500]]));
check(rw(['threshold' => -5000, 'coupon' => ['discount' => 500]]));
check(rw(['threshold' => 5000.0, 'coupon' => ['discount' => 500]]));
check(rw(['threshold' => '5000', 'coupon' => ['discount' => 500]]));
// coupon: required, exactly one of discount / discount_percent
check(rw(['threshold' => 5000]));
check(rw(['threshold' => 5000, 'coupon' => 500]));
check(rw(['threshold' => 5000, 'coupon' => []]));
check(rw(['threshold' => 5000, 'coupon' => ['min_cart' => 10000, 'valid_days' => 90]]));
check(rw(['threshold' => 5000, 'coupon' => ['discount' => 500, 'discount_percent' => 10]]));
// coupon values
check(rw(['threshold' => 5000, 'coupon' => ['discount' => -500]]));
check(rw(['threshold' => 5000, 'coupon' => ['discount' => 5.0]]));
check(rw(['threshold' => 5000, 'coupon' => ['discount' => '500']]));
check(rw(['threshold' => 5000, 'coupon' => ['discount_percent' => 101]]));
check(rw(['threshold' => 5000, 'coupon' => ['discount_percent' => -10]]));
check(rw(['threshold' => 5000, 'coupon' => ['discount_percent' => 2.555]]));
check(rw(['threshold' => 5000, 'coupon' => ['discount_percent' => '10']]));
check(rw(['threshold' => 5000, 'coupon' => ['discount' => 500, 'min_cart' => -1]]));
check(rw(['threshold' => 5000, 'coupon' => ['discount' => 500, 'min_cart' => 100.0]]));
check(rw(['threshold' => 5000, 'coupon' => ['discount' => 500, 'valid_days' => 0]]));
check(rw(['threshold' => 5000, 'coupon' => ['discount' => 500, 'valid_days' => 36501]]));
check(rw(['threshold' => 5000, 'coupon' => ['discount' => 500, 'valid_days' => 90.0]]));
check(rw(['threshold' => 5000, 'coupon' => ['discount' => 500, 'valid_days' => '90']]));
--EXPECTF--
Loyalty\ConfigException (1): loyalty.rewards: expected an object (array with string keys), got int
Loyalty\ConfigException (1): loyalty.rewards.threshold: is required
Loyalty\ConfigException (1): loyalty.rewards.threshold: is required
Loyalty\ConfigException (1): loyalty.rewards.threshold: is required
Loyalty\ConfigException (1): loyalty.rewards.threshold: must be >= 1, got 0
Loyalty\ConfigException (1): loyalty.rewards.threshold: must be >= 1, got -5000
Loyalty\ConfigException (1): loyalty.rewards.threshold: expected int, got float
Loyalty\ConfigException (1): loyalty.rewards.threshold: expected int, got string
Loyalty\ConfigException (1): loyalty.rewards.coupon: is required
Loyalty\ConfigException (1): loyalty.rewards.coupon: expected an object (array with string keys), got int
Loyalty\ConfigException (1): loyalty.rewards.coupon: needs discount or discount_percent
Loyalty\ConfigException (1): loyalty.rewards.coupon: needs discount or discount_percent
Loyalty\ConfigException (1): loyalty.rewards.coupon: discount and discount_percent exclude each other
Loyalty\ConfigException (1): loyalty.rewards.coupon.discount: must be >= 0, got -500
Loyalty\ConfigException (1): loyalty.rewards.coupon.discount: expected int (minor units), got float
Loyalty\ConfigException (1): loyalty.rewards.coupon.discount: expected int (minor units), got string
Loyalty\ConfigException (1): loyalty.rewards.coupon.discount_percent: must be between 0 and 100, got 101
Loyalty\ConfigException (1): loyalty.rewards.coupon.discount_percent: must be between 0 and 100, got -10
Loyalty\ConfigException (1): loyalty.rewards.coupon.discount_percent: at most two decimals, got 2.555%S
Loyalty\ConfigException (1): loyalty.rewards.coupon.discount_percent: expected int or float (percent), got string
Loyalty\ConfigException (1): loyalty.rewards.coupon.min_cart: must be >= 0, got -1
Loyalty\ConfigException (1): loyalty.rewards.coupon.min_cart: expected int (minor units), got float
Loyalty\ConfigException (1): loyalty.rewards.coupon.valid_days: must be >= 1, got 0
Loyalty\ConfigException (1): loyalty.rewards.coupon.valid_days: must be <= 36500, got 36501
Loyalty\ConfigException (1): loyalty.rewards.coupon.valid_days: expected int, got float
Loyalty\ConfigException (1): loyalty.rewards.coupon.valid_days: expected int, got string
