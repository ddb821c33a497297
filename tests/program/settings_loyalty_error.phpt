--TEST--
Program: invalid loyalty settings (earn, flags, spend, rank_by, pending_days)
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
function l(array $l): array { return ['loyalty' => $l]; }

// loyalty must be an object
check(['loyalty' => 'yes']);
check(['loyalty' => [100]]);
// earn: {per_amount, points?} or {per_order}; both or neither is an error
check(l(['earn' => 100]));
check(l(['earn' => ['per_amount' => 100, 'per_order' => 5]]));
check(l(['earn' => []]));
check(l(['earn' => ['points' => 2]]));
check(l(['earn' => ['per_order' => 5, 'points' => 2]]));
check(l(['earn' => ['per_amount' => 0]]));
check(l(['earn' => ['per_amount' => -100]]));
check(l(['earn' => ['per_amount' => 100.0]]));
check(l(['earn' => ['per_amount' => '100']]));
check(l(['earn' => ['per_amount' => 100, 'points' => -1]]));
check(l(['earn' => ['per_amount' => 100, 'points' => 1.5]]));
check(l(['earn' => ['per_amount' => 100, 'points' => '1']]));
check(l(['earn' => ['per_order' => -1]]));
check(l(['earn' => ['per_order' => 10.0]]));
// flags are bools
check(l(['earn_with_voucher' => 1]));
check(l(['earn_with_loyalty_discount' => 'no']));
// spend
check(l(['spend' => 'lose_used']));
check(l(['spend' => ['policy' => 'lose_some']]));
check(l(['spend' => ['policy' => 'LOSE_ALL']]));
check(l(['spend' => ['policy' => 1]]));
check(l(['spend' => ['from_order' => 0]]));
check(l(['spend' => ['from_order' => -2]]));
check(l(['spend' => ['from_order' => 2.0]]));
check(l(['spend' => ['from_order' => '2']]));
check(l(['spend' => ['min_cart' => -1]]));
check(l(['spend' => ['min_cart' => 80.5]]));
check(l(['spend' => ['min_cart' => '8000']]));
check(l(['spend' => ['max_percent' => 101]]));
check(l(['spend' => ['max_percent' => -5]]));
check(l(['spend' => ['max_percent' => 2.555]]));
check(l(['spend' => ['max_percent' => '50']]));
check(l(['spend' => ['with_voucher' => 0]]));
check(l(['spend' => ['with_advantage' => 'false']]));
// rank_by
check(l(['rank_by' => 'spent']));
check(l(['rank_by' => 'Points']));
check(l(['rank_by' => 1]));
// pending_days: whole days 0..36500
check(l(['pending_days' => -1]));
check(l(['pending_days' => 36501]));
check(l(['pending_days' => 14.0]));
check(l(['pending_days' => '14']));
--EXPECTF--
Loyalty\ConfigException (1): loyalty: expected an object (array with string keys), got string
Loyalty\ConfigException (1): loyalty: expected an object (array with string keys), got list
Loyalty\ConfigException (1): loyalty.earn: expected an object (array with string keys), got int
Loyalty\ConfigException (1): loyalty.earn: per_amount and per_order exclude each other
Loyalty\ConfigException (1): loyalty.earn: needs per_amount (with points) or per_order
Loyalty\ConfigException (1): loyalty.earn: needs per_amount (with points) or per_order
Loyalty\ConfigException (1): loyalty.earn: points goes with per_amount; per_order gives the points of an order
Loyalty\ConfigException (1): loyalty.earn.per_amount: must be >= 1, got 0
Loyalty\ConfigException (1): loyalty.earn.per_amount: must be >= 1, got -100
Loyalty\ConfigException (1): loyalty.earn.per_amount: expected int, got float
Loyalty\ConfigException (1): loyalty.earn.per_amount: expected int, got string
Loyalty\ConfigException (1): loyalty.earn.points: must be >= 0, got -1
Loyalty\ConfigException (1): loyalty.earn.points: expected int, got float
Loyalty\ConfigException (1): loyalty.earn.points: expected int, got string
Loyalty\ConfigException (1): loyalty.earn.per_order: must be >= 0, got -1
Loyalty\ConfigException (1): loyalty.earn.per_order: expected int, got float
Loyalty\ConfigException (1): loyalty.earn_with_voucher: expected bool, got int
Loyalty\ConfigException (1): loyalty.earn_with_loyalty_discount: expected bool, got string
Loyalty\ConfigException (1): loyalty.spend: expected an object (array with string keys), got string
Loyalty\ConfigException (1): loyalty.spend.policy: must be one of 'lose_used', 'lose_all', 'keep_all', got 'lose_some'
Loyalty\ConfigException (1): loyalty.spend.policy: must be one of 'lose_used', 'lose_all', 'keep_all', got 'LOSE_ALL'
Loyalty\ConfigException (1): loyalty.spend.policy: expected string, got int
Loyalty\ConfigException (1): loyalty.spend.from_order: must be >= 1, got 0
Loyalty\ConfigException (1): loyalty.spend.from_order: must be >= 1, got -2
Loyalty\ConfigException (1): loyalty.spend.from_order: expected int, got float
Loyalty\ConfigException (1): loyalty.spend.from_order: expected int, got string
Loyalty\ConfigException (1): loyalty.spend.min_cart: must be >= 0, got -1
Loyalty\ConfigException (1): loyalty.spend.min_cart: expected int (minor units), got float
Loyalty\ConfigException (1): loyalty.spend.min_cart: expected int (minor units), got string
Loyalty\ConfigException (1): loyalty.spend.max_percent: must be between 0 and 100, got 101
Loyalty\ConfigException (1): loyalty.spend.max_percent: must be between 0 and 100, got -5
Loyalty\ConfigException (1): loyalty.spend.max_percent: at most two decimals, got 2.555%S
Loyalty\ConfigException (1): loyalty.spend.max_percent: expected int or float (percent), got string
Loyalty\ConfigException (1): loyalty.spend.with_voucher: expected bool, got int
Loyalty\ConfigException (1): loyalty.spend.with_advantage: expected bool, got string
Loyalty\ConfigException (1): loyalty.rank_by: must be one of 'points', 'orders', 'lifetime_points', got 'spent'
Loyalty\ConfigException (1): loyalty.rank_by: must be one of 'points', 'orders', 'lifetime_points', got 'Points'
Loyalty\ConfigException (1): loyalty.rank_by: expected string, got int
Loyalty\ConfigException (1): loyalty.pending_days: must be >= 0, got -1
Loyalty\ConfigException (1): loyalty.pending_days: must be <= 36500, got 36501
Loyalty\ConfigException (1): loyalty.pending_days: expected int, got float
Loyalty\ConfigException (1): loyalty.pending_days: expected int, got string
