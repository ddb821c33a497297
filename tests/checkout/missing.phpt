--TEST--
Checkout: rejected[].missing says how far off the customer is, in the threshold's unit; absent for other reasons (SPEC 8, 10)
--EXTENSIONS--
loyalty
--FILE--
<?php
$now = 1790000000;
function rej($label, $r) {
    echo $label, ':';
    foreach ($r->rejected as $x) {
        echo ' ', $x['id'], ' ', $x['reason'], ' ', array_key_exists('missing', $x) ? var_export($x['missing'], true) : 'none';
    }
    echo PHP_EOL;
}
// below_tier: missing = lowest from - subtotal ("add 12.00 to get 5.00 off")
$e = new Loyalty\Engine(['advantages' => [['id' => 'vip', 'tiers' => [['from' => 15000, 'discount_percent' => 10], ['from' => 5000, 'discount' => 500]]]]]);
rej('below_tier 38.00', $e->evaluate(['subtotal' => 3800], [], $now));
rej('below_tier 0', $e->evaluate(['subtotal' => 0], [], $now));
rej('below_tier 49.99', $e->evaluate(['lines' => [['sku' => 'a', 'qty' => 1, 'price' => 4999]]], [], $now));

// no_points in points
$e = new Loyalty\Engine(['loyalty' => ['brackets' => [['from' => 100, 'discount' => 500], ['from' => 500, 'discount' => 3000]]]]);
rej('no_points 37', $e->evaluate(['subtotal' => 5000], ['points' => 37], $now));
rej('no_points 0', $e->evaluate(['subtotal' => 5000], [], $now));
// no_points in orders when ranking by orders
$e = new Loyalty\Engine(['loyalty' => ['rank_by' => 'orders', 'brackets' => [['from' => 10, 'discount_percent' => 5]]]]);
rej('no_points orders', $e->evaluate(['subtotal' => 5000], ['orders' => 4, 'points' => 1000], $now));
// no_points for the cost: points
$e = new Loyalty\Engine(['loyalty' => ['brackets' => [['from' => 100, 'discount' => 500, 'cost' => 200]]]]);
rej('no_points cost', $e->evaluate(['subtotal' => 5000], ['points' => 150], $now));

// order_number in orders, min_cart in money
$e = new Loyalty\Engine(['loyalty' => ['spend' => ['from_order' => 4, 'min_cart' => 8000], 'brackets' => [['from' => 10, 'discount' => 100]]]]);
rej('order_number', $e->evaluate(['subtotal' => 9000], ['orders' => 0, 'points' => 50], $now));
rej('order_number 2', $e->evaluate(['subtotal' => 9000], ['orders' => 2, 'points' => 50], $now));
$r = $e->evaluate(['subtotal' => 7999], ['orders' => 3, 'points' => 50], $now);
rej('min_cart', $r);
echo $r->rejected[0]['message'], PHP_EOL;
rej('min_cart 0', $e->evaluate(['subtotal' => 0], ['orders' => 3, 'points' => 50], $now));

// reasons without a threshold carry no missing
$e = new Loyalty\Engine([
    'advantages' => [
        ['id' => 'seg', 'segment' => "'VIP' in groups", 'tiers' => [['discount' => 100]]],
        ['id' => 'vou', 'tiers' => [['discount' => 100]]],
        ['id' => 'car', 'with_voucher' => true, 'tiers' => [['free_shipping' => true, 'carriers' => ['Colissimo']]]],
        ['id' => 'big', 'with_voucher' => true, 'tiers' => [['discount' => 300]]],
        ['id' => 'small', 'with_voucher' => true, 'tiers' => [['discount' => 200]]],
    ],
    'loyalty' => ['brackets' => [['from' => 10, 'discount' => 100]]],
]);
rej('no threshold', $e->evaluate(['subtotal' => 5000, 'vouchers' => ['X'], 'carrier' => 'DHL', 'shipping' => 500], ['points' => 50], $now));
rej('disabled', $e->evaluate(['subtotal' => 5000], ['points' => 50, 'active' => false], $now));
$e = new Loyalty\Engine(['loyalty' => ['brackets' => [['from' => 10, 'discount' => 100]]]]);
rej('nothing to pay', $e->evaluate(['subtotal' => 0], ['points' => 50], $now));
?>
--EXPECT--
below_tier 38.00: vip below_tier 1200
below_tier 0: vip below_tier 5000
below_tier 49.99: vip below_tier 1
no_points 37: loyalty no_points 63
no_points 0: loyalty no_points 100
no_points orders: loyalty no_points 6
no_points cost: loyalty no_points 50
order_number: loyalty order_number 3
order_number 2: loyalty order_number 1
min_cart: loyalty min_cart 1
min_cart: subtotal 79.99 is below 80.00
min_cart 0: loyalty min_cart 8000
no threshold: seg not_in_segment none vou voucher none car carrier none small not_best none loyalty voucher none
disabled: seg disabled none vou disabled none car disabled none big disabled none small disabled none loyalty disabled none
nothing to pay: loyalty zero_value none
