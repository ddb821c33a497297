--TEST--
Program: an unknown key at any level is a ConfigException naming its path
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

$tier = ['discount' => 100];
$adv = ['id' => 'a', 'tiers' => [$tier]];

// root
check(['advantage' => []]);
check(['rounding' => 'down', 5 => 1]);
// advantage and tier
check(['advantages' => [$adv + ['tirs' => [$tier]]]]);
check(['advantages' => [['id' => 'a', 'tiers' => [$tier + ['fromm' => 5]]]]]);
check(['advantages' => [['id' => 'a', 'tiers' => [$tier + ['cost' => 5]]]]]);
check(['advantages' => [['id' => 'a', 'tiers' => [['rate' => ['points' => 10, 'value' => 100]]]]]]);
check(['advantages' => [$adv, $adv + ['id' => 'b', 'Label' => 'B']]]);
// loyalty and its sub-objects
check(['loyalty' => ['erns' => ['per_order' => 1]]]);
check(['loyalty' => ['earn' => ['per_amount' => 100, 'point' => 2]]]);
check(['loyalty' => ['spend' => ['polcy' => 'keep_all']]]);
check(['loyalty' => ['spend' => ['max_percents' => 10]]]);
check(['loyalty' => ['brackets' => [['from' => 10, 'discount' => 5, 'kost' => 1]]]]);
check(['loyalty' => ['brackets' => [['from' => 10, 'rate' => ['points' => 10, 'value' => 100, 'per' => 1]]]]]);
check(['loyalty' => ['expiry' => ['days' => 365, 'warn' => [7]]]]);
check(['loyalty' => ['rewards' => ['threshold' => 100, 'coupon' => ['discount' => 500], 'every' => 1]]]);
check(['loyalty' => ['rewards' => ['threshold' => 100, 'coupon' => ['discount' => 500, 'free_shipping' => true]]]]);
// same through JSON
check('{"loyalty": {"pending_day": 14}}');
--EXPECT--
Loyalty\ConfigException (1): advantage: unknown key
Loyalty\ConfigException (1): 5: unknown key
Loyalty\ConfigException (1): advantages[0].tirs: unknown key
Loyalty\ConfigException (1): advantages[0].tiers[0].fromm: unknown key
Loyalty\ConfigException (1): advantages[0].tiers[0].cost: unknown key
Loyalty\ConfigException (1): advantages[0].tiers[0].rate: unknown key
Loyalty\ConfigException (1): advantages[1].Label: unknown key
Loyalty\ConfigException (1): loyalty.erns: unknown key
Loyalty\ConfigException (1): loyalty.earn.point: unknown key
Loyalty\ConfigException (1): loyalty.spend.polcy: unknown key
Loyalty\ConfigException (1): loyalty.spend.max_percents: unknown key
Loyalty\ConfigException (1): loyalty.brackets[0].kost: unknown key
Loyalty\ConfigException (1): loyalty.brackets[0].rate.per: unknown key
Loyalty\ConfigException (1): loyalty.expiry.warn: unknown key
Loyalty\ConfigException (1): loyalty.rewards.every: unknown key
Loyalty\ConfigException (1): loyalty.rewards.coupon.free_shipping: unknown key
Loyalty\ConfigException (1): loyalty.pending_day: unknown key
