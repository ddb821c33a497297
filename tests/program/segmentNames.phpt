--TEST--
Program::segmentNames(): built-ins first, then custom segments in settings order
--EXTENSIONS--
loyalty
--FILE--
<?php
// No custom segment: only the built-ins, in their fixed order
var_dump(Loyalty\Program::fromArray([])->segmentNames());

// Custom segments follow, in settings order (not sorted); inline advantage
// expressions do not add names
$p = Loyalty\Program::fromArray([
    'segments' => [
        'zeta' => 'orders > 10',
        'alpha' => "segment('zeta') and city == 'Paris'",
        'Mid-1' => "'pro' in groups",
    ],
    'advantages' => [
        ['id' => 'w', 'segment' => "'wholesale' in groups", 'tiers' => [['discount' => 100]]],
        ['id' => 'z', 'segment' => 'zeta', 'tiers' => [['discount' => 100]]],
    ],
]);
echo implode(',', $p->segmentNames()), "\n";

// The example shop
$p = Loyalty\Program::fromJson(file_get_contents(__DIR__ . '/../../examples/shop.json'));
echo implode(',', $p->segmentNames()), "\n";
var_dump(array_is_list($p->segmentNames()));
--EXPECT--
array(6) {
  [0]=>
  string(3) "all"
  [1]=>
  string(8) "disabled"
  [2]=>
  string(9) "no_orders"
  [3]=>
  string(18) "first_order_recent"
  [4]=>
  string(5) "loyal"
  [5]=>
  string(9) "customers"
}
all,disabled,no_orders,first_order_recent,loyal,customers,zeta,alpha,Mid-1
all,disabled,no_orders,first_order_recent,loyal,customers,vip,vip_paris,pro_paris,colissimo_regulars,lapsed_big_spenders,ref42_buyers,benelux
bool(true)
