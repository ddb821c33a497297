--TEST--
Program: invalid advantages (id, tiers list, label, segment, flags)
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
function adv(array $a): array { return ['advantages' => [$a + ['tiers' => [['discount' => 100]]]]]; }

// id: required, non-empty string, unique
check(['advantages' => [['tiers' => [['discount' => 100]]]]]);
check(adv(['id' => null]));
check(adv(['id' => '']));
check(adv(['id' => 5]));
check(adv(['id' => ['a']]));
check(['advantages' => [['id' => 'a', 'tiers' => [['discount' => 1]]], ['id' => 'a', 'tiers' => [['discount' => 2]]]]]);
check(['advantages' => [['id' => 'a', 'tiers' => [['discount' => 1]]], ['id' => 'b', 'tiers' => [['discount' => 1]]],
                        ['id' => 'b', 'tiers' => [['discount' => 1]]]]]);
// tiers: required non-empty list
check(['advantages' => [['id' => 'a']]]);
check(['advantages' => [['id' => 'a', 'tiers' => null]]]);
check(['advantages' => [['id' => 'a', 'tiers' => []]]]);
check('{"advantages":[{"id":"a","tiers":[]}]}');
check(['advantages' => [['id' => 'a', 'tiers' => 'x']]]);
check(['advantages' => [['id' => 'a', 'tiers' => ['t1' => ['discount' => 1]]]]]);
check(['advantages' => [['id' => 'a', 'tiers' => [1]]]]);
check(['advantages' => [['id' => 'a', 'tiers' => [['discount' => 1], 'x']]]]);
// label, segment, flags: types
check(adv(['id' => 'a', 'label' => 5]));
check(adv(['id' => 'a', 'segment' => 5]));
check(adv(['id' => 'a', 'segment' => ['vip']]));
check(adv(['id' => 'a', 'earn_points' => 1]));
check(adv(['id' => 'a', 'earn_points' => 'false']));
check(adv(['id' => 'a', 'with_voucher' => 'yes']));
check(adv(['id' => 'a', 'combinable' => 0]));
// segment: not a known name, so compiled as an inline expression
check(adv(['id' => 'a', 'segment' => 'vip']));
check(adv(['id' => 'a', 'segment' => '']));
check(adv(['id' => 'a', 'segment' => "'wholesale' in"]));
check(adv(['id' => 'a', 'segment' => "segment('vip')"]));
check(adv(['id' => 'a', 'segment' => 'orders like 3']));
check(['advantages' => [['id' => 'ok', 'tiers' => [['discount' => 1]]],
                        ['id' => 'a', 'segment' => 'orders >', 'tiers' => [['discount' => 1]]]]]);
--EXPECT--
Loyalty\ConfigException (1): advantages[0].id: is required
Loyalty\ConfigException (1): advantages[0].id: is required
Loyalty\ConfigException (1): advantages[0].id: must not be empty
Loyalty\ConfigException (1): advantages[0].id: expected string, got int
Loyalty\ConfigException (1): advantages[0].id: expected string, got list
Loyalty\ConfigException (1): advantages[1].id: duplicate id 'a' (also advantages[0])
Loyalty\ConfigException (1): advantages[2].id: duplicate id 'b' (also advantages[1])
Loyalty\ConfigException (1): advantages[0].tiers: is required (a non-empty list of tiers)
Loyalty\ConfigException (1): advantages[0].tiers: is required (a non-empty list of tiers)
Loyalty\ConfigException (1): advantages[0].tiers: must not be empty
Loyalty\ConfigException (1): advantages[0].tiers: must not be empty
Loyalty\ConfigException (1): advantages[0].tiers: expected a list of tiers, got string
Loyalty\ConfigException (1): advantages[0].tiers: expected a list of tiers, got array
Loyalty\ConfigException (1): advantages[0].tiers[0]: expected an object (array with string keys), got int
Loyalty\ConfigException (1): advantages[0].tiers[1]: expected an object (array with string keys), got string
Loyalty\ConfigException (1): advantages[0].label: expected string, got int
Loyalty\ConfigException (1): advantages[0].segment: expected string, got int
Loyalty\ConfigException (1): advantages[0].segment: expected string, got list
Loyalty\ConfigException (1): advantages[0].earn_points: expected bool, got int
Loyalty\ConfigException (1): advantages[0].earn_points: expected bool, got string
Loyalty\ConfigException (1): advantages[0].with_voucher: expected bool, got string
Loyalty\ConfigException (1): advantages[0].combinable: expected bool, got int
Loyalty\ExpressionException (2): advantages[0].segment: unknown field 'vip' at column 1
vip
^
Loyalty\ExpressionException (2): advantages[0].segment: empty expression at column 1

^
Loyalty\ExpressionException (2): advantages[0].segment: unexpected end of expression at column 15
'wholesale' in
              ^
Loyalty\ExpressionException (2): advantages[0].segment: unknown segment 'vip' at column 9
segment('vip')
        ^
Loyalty\ExpressionException (2): advantages[0].segment: 'like' needs a string on the left, got number at column 8
orders like 3
       ^
Loyalty\ExpressionException (2): advantages[1].segment: unexpected end of expression at column 9
orders >
        ^
