--TEST--
Program ==: equal when the normalized settings are equal
--EXTENSIONS--
loyalty
--FILE--
<?php
$P = 'Loyalty\Program';
function eq($a, $b) { echo var_export($a == $b, true), ' ', var_export($a != $b, true), "\n"; }

// Defaults omitted vs written out: equal
$terse = $P::fromArray([
    'segments' => ['vip' => "'VIP' in groups"],
    'advantages' => [['id' => 'a', 'segment' => 'vip', 'tiers' => [['discount' => 100]]]],
    'loyalty' => ['earn' => ['per_amount' => 100],
                  'brackets' => [['from' => 10, 'discount' => 500], ['from' => 50, 'free_shipping' => true]],
                  'expiry' => ['days' => 365]],
]);
$explicit = $P::fromJson('{
  "rounding": "half_up",
  "segments": {"vip": "\'VIP\' in groups"},
  "advantages": [{"id": "a", "label": "a", "segment": "vip", "earn_points": true,
                  "with_voucher": false, "combinable": false,
                  "tiers": [{"from": 0, "discount": 100, "free_shipping": false}]}],
  "loyalty": {"earn": {"per_amount": 100, "points": 1},
              "earn_with_voucher": false, "earn_with_loyalty_discount": false,
              "spend": {"policy": "lose_used", "from_order": 1, "min_cart": 0,
                        "with_voucher": false, "with_advantage": false},
              "rank_by": "points",
              "brackets": [{"from": 10, "discount": 500, "cost": 10},
                           {"from": 50, "free_shipping": true, "cost": 0}],
              "expiry": {"days": 365, "mode": "rolling", "warn_days": []},
              "rewards": null, "pending_days": 0}
}');
eq($terse, $explicit);
// null means absent
eq($P::fromArray(['rounding' => null, 'loyalty' => null, 'segments' => null]), $P::fromArray([]));
// 10 and 10.0 are the same percent; 2.5 and 2.50 too
eq($P::fromJson('{"advantages":[{"id":"a","tiers":[{"discount_percent":10}]}]}'),
   $P::fromJson('{"advantages":[{"id":"a","tiers":[{"discount_percent":10.0}]}]}'));
eq($P::fromArray(['loyalty' => ['spend' => ['max_percent' => 2.5]]]),
   $P::fromJson('{"loyalty": {"spend": {"max_percent": 2.50}}}'));
// same settings built twice
eq($P::fromJson(file_get_contents(__DIR__ . '/../../examples/shop.json')),
   $P::fromJson(file_get_contents(__DIR__ . '/../../examples/shop.json')));

echo "-- different\n";
$base = ['advantages' => [['id' => 'a', 'tiers' => [['discount' => 100]]]]];
eq($P::fromArray($base), $P::fromArray(['advantages' => [['id' => 'a', 'tiers' => [['discount' => 101]]]]]));
eq($P::fromArray($base), $P::fromArray(['advantages' => [['id' => 'b', 'tiers' => [['discount' => 100]]]]]));
eq($P::fromArray($base), $P::fromArray(['advantages' => [['id' => 'a', 'label' => 'A', 'tiers' => [['discount' => 100]]]]]));
eq($P::fromArray($base), $P::fromArray($base + ['rounding' => 'down']));
eq($P::fromArray([]), $P::fromArray(['loyalty' => []]));
eq($P::fromArray(['loyalty' => ['spend' => ['max_percent' => 2.5]]]),
   $P::fromArray(['loyalty' => ['spend' => ['max_percent' => 2.51]]]));
eq($P::fromArray(['loyalty' => ['brackets' => [['from' => 10, 'discount' => 5]]]]),
   $P::fromArray(['loyalty' => ['brackets' => [['from' => 10, 'discount' => 5, 'cost' => 9]]]]));
eq($P::fromArray(['segments' => ['x' => 'orders > 1']]), $P::fromArray(['segments' => ['x' => 'orders > 2']]));
eq($P::fromArray(['segments' => ['x' => 'orders > 1']]), $P::fromArray(['segments' => ['y' => 'orders > 1']]));
// tiers are kept in written order: a different order is a different program
eq($P::fromArray(['advantages' => [['id' => 'a', 'tiers' => [['from' => 1, 'discount' => 1], ['from' => 2, 'discount' => 2]]]]]),
   $P::fromArray(['advantages' => [['id' => 'a', 'tiers' => [['from' => 2, 'discount' => 2], ['from' => 1, 'discount' => 1]]]]]));

echo "-- other values\n";
$p = $P::fromArray([]);
var_dump($p == new stdClass, $p == null, $p === $P::fromArray([]), $p === $p);
--EXPECT--
true false
true false
true false
true false
true false
-- different
false true
false true
false true
false true
false true
false true
false true
false true
false true
false true
-- other values
bool(false)
bool(false)
bool(false)
bool(true)
