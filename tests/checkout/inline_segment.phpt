--TEST--
Checkout: an advantage's segment is a segment name (custom or built-in) or an inline expression (SPEC 6, 10)
--EXTENSIONS--
loyalty
--FILE--
<?php
$now = 1790000000;
function show($label, $r) {
    echo $label, ': discount ', $r->discount, ' total ', $r->total, ' [', implode(',', $r->segments), ']';
    foreach ($r->applied as $a) { echo ' +', $a['id'], ' ', $a['discount']; }
    foreach ($r->rejected as $x) { echo ' -', $x['id'], ' ', $x['reason'], isset($x['missing']) ? ' ' . $x['missing'] : ''; }
    echo PHP_EOL;
}
$e = new Loyalty\Engine(['advantages' => [
    ['id' => 'wholesale', 'label' => 'Wholesale 5% from 500.00', 'segment' => "'wholesale' in groups",
     'combinable' => true, 'tiers' => [['from' => 50000, 'discount_percent' => 5]]],
]]);
$wholesaler = ['groups' => ['pro', 'wholesale'], 'orders' => 30];
show('wholesaler 620.00', $e->evaluate(['lines' => [['sku' => 'TEA-BULK', 'qty' => 10, 'price' => 6200]]], $wholesaler, $now));
show('wholesaler 400.00', $e->evaluate(['subtotal' => 40000], $wholesaler, $now));
show('retail 620.00', $e->evaluate(['subtotal' => 62000], ['groups' => ['pro'], 'orders' => 30], $now));
show('no groups', $e->evaluate(['subtotal' => 62000], [], $now));

// a name is looked up first (custom, then built-in), else compiled as an expression
$e = new Loyalty\Engine([
    'segments' => ['paris' => "city == 'Paris'"],
    'advantages' => [
        ['id' => 'named', 'segment' => 'paris', 'combinable' => true, 'tiers' => [['discount' => 100]]],
        ['id' => 'builtin', 'segment' => 'loyal', 'combinable' => true, 'tiers' => [['discount' => 200]]],
        ['id' => 'everyone', 'segment' => 'all', 'combinable' => true, 'tiers' => [['discount' => 400]]],
        ['id' => 'default', 'combinable' => true, 'tiers' => [['discount' => 800]]],
        ['id' => 'inline', 'segment' => "orders >= 3 and segment('paris')", 'combinable' => true, 'tiers' => [['discount' => 1600]]],
    ],
]);
show('Paris, 3 orders', $e->evaluate(['subtotal' => 10000], ['city' => 'Paris', 'orders' => 3], $now));
show('Paris, 2 orders', $e->evaluate(['subtotal' => 10000], ['city' => 'Paris', 'orders' => 2], $now));
show('Lyon, 1 order', $e->evaluate(['subtotal' => 10000], ['city' => 'Lyon', 'orders' => 1], $now));
?>
--EXPECT--
wholesaler 620.00: discount 3100 total 58900 [all,customers,loyal] +wholesale 3100
wholesaler 400.00: discount 0 total 40000 [all,customers,loyal] -wholesale below_tier 10000
retail 620.00: discount 0 total 62000 [all,customers,loyal] -wholesale not_in_segment
no groups: discount 0 total 62000 [all,no_orders] -wholesale not_in_segment
Paris, 3 orders: discount 3100 total 6900 [all,customers,loyal,paris] +named 100 +builtin 200 +everyone 400 +default 800 +inline 1600
Paris, 2 orders: discount 1500 total 8500 [all,customers,loyal,paris] +named 100 +builtin 200 +everyone 400 +default 800 -inline not_in_segment
Lyon, 1 order: discount 1200 total 8800 [all,customers] +everyone 400 +default 800 -named not_in_segment -builtin not_in_segment -inline not_in_segment
