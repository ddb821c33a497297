--TEST--
Checkout: the worked examples of SPEC 6, 7 and 8 (VIP tiers, wholesale, brackets, 64 points, lose_all, keep_all, missing)
--EXTENSIONS--
loyalty
--FILE--
<?php
$now = 1790000000;
function show($label, $r) {
    echo $label, ': discount ', $r->discount, ' shippingDiscount ', $r->shippingDiscount, ' total ', $r->total,
        ' earned ', $r->pointsEarned, ' spent ', $r->pointsSpent, ' balance ', $r->pointsBalance;
    foreach ($r->applied as $a) { echo " +{$a['id']} {$a['discount']}", $a['free_shipping'] ? ' fs' : ''; }
    foreach ($r->rejected as $x) { echo " -{$x['id']} {$x['reason']}", array_key_exists('missing', $x) ? " {$x['missing']}" : ''; }
    echo PHP_EOL;
}
$json = <<<'JSON'
{
  "segments": {"vip": "'VIP' in groups"},
  "advantages": [
    {"id": "vip", "label": "VIP", "segment": "vip", "earn_points": true, "with_voucher": false,
     "combinable": false,
     "tiers": [{"from": 5000, "discount": 500},
               {"from": 15000, "discount_percent": 10, "free_shipping": true, "carriers": ["Colissimo"]}]},
    {"id": "wholesale", "segment": "'wholesale' in groups", "earn_points": false,
     "tiers": [{"from": 50000, "discount_percent": 5}]}
  ],
  "loyalty": {
    "earn":  {"per_amount": 100, "points": 1},
    "earn_with_voucher": false, "earn_with_loyalty_discount": false,
    "spend": {"policy": "lose_used", "from_order": 2, "min_cart": 8000,
              "with_voucher": false, "with_advantage": false},
    "rank_by": "points",
    "brackets": [{"from": 10,  "discount": 500, "cost": 10},
                 {"from": 100, "rate": {"points": 10, "value": 100}},
                 {"from": 150, "free_shipping": true, "carriers": ["Colissimo"]}],
    "expiry":  {"days": 365, "mode": "rolling", "warn_days": [60, 30, 14, 7]},
    "rewards": {"threshold": 5000, "coupon": {"discount_percent": 10, "min_cart": 10000, "valid_days": 90}}
  }
}
JSON;
$e = new Loyalty\Engine($json);
$vip = ['groups' => ['VIP'], 'orders' => 3];
$col = fn($sub) => ['subtotal' => $sub, 'carrier' => 'Colissimo', 'shipping' => 690];
// SPEC 6: 50.00 -> 5.00 off; 150.00 -> 10% + free shipping with Colissimo
show('VIP 50.00', $e->evaluate($col(5000), $vip, $now));
show('VIP 150.00 Colissimo', $e->evaluate($col(15000), $vip, $now));
show('VIP 150.00 Chronopost', $e->evaluate(['subtotal' => 15000, 'carrier' => 'Chronopost', 'shipping' => 1290], $vip, $now));
// SPEC 8: missing 1200 = "add 12.00 to get 5.00 off"
show('VIP 38.00', $e->evaluate($col(3800), $vip, $now));
show('VIP 50.00 + voucher', $e->evaluate($col(5000) + ['vouchers' => ['WELCOME5'], 'voucher_discount' => 500], $vip, $now));
// SPEC 6: wholesale 5% from 500.00, no points for the segment
show('wholesale 620.00', $e->evaluate(['lines' => [['sku' => 'TEA-BULK', 'qty' => 10, 'price' => 6200]]], ['groups' => ['wholesale'], 'orders' => 30, 'points' => 5], $now));
// SPEC 7 brackets
show('64 points', $e->evaluate($col(10000), ['orders' => 3, 'points' => 64], $now));
show('120 points', $e->evaluate($col(10000), ['orders' => 3, 'points' => 120], $now));
show('230 points Colissimo', $e->evaluate($col(10000), ['orders' => 3, 'points' => 230], $now));
show('230 points Chronopost', $e->evaluate(['subtotal' => 10000, 'carrier' => 'Chronopost', 'shipping' => 1290], ['orders' => 3, 'points' => 230], $now));
show('first order', $e->evaluate($col(10000), ['orders' => 0, 'points' => 64], $now));
show('79.99', $e->evaluate($col(7999), ['orders' => 3, 'points' => 64], $now));

// SPEC 7: 10 points = 1.00 means 64 points -> 6.00 and 4 points left
$e = new Loyalty\Engine(['loyalty' => ['brackets' => [['from' => 10, 'rate' => ['points' => 10, 'value' => 100]]]]]);
show('rate 64 points', $e->evaluate(['subtotal' => 4400], ['points' => 64], $now));
// SPEC 7: lose_all, entitled to 60.00 but the cart is 45.00: the rest is lost
$e = new Loyalty\Engine(['loyalty' => ['spend' => ['policy' => 'lose_all'], 'brackets' => [['from' => 10, 'rate' => ['points' => 10, 'value' => 100]]]]]);
show('lose_all', $e->evaluate(['subtotal' => 4500], ['points' => 600], $now));
// SPEC 7: keep_all rank advantages: 10 orders -> 5% for life, 25 -> 10%
$e = new Loyalty\Engine(['loyalty' => ['spend' => ['policy' => 'keep_all'], 'rank_by' => 'orders',
    'brackets' => [['from' => 10, 'discount_percent' => 5], ['from' => 25, 'discount_percent' => 10]]]]);
show('10 orders', $e->evaluate(['subtotal' => 10000], ['orders' => 10, 'points' => 7], $now));
show('25 orders', $e->evaluate(['subtotal' => 10000], ['orders' => 25, 'points' => 7], $now));
?>
--EXPECT--
VIP 50.00: discount 500 shippingDiscount 0 total 5190 earned 45 spent 0 balance 45 +vip 500 -wholesale not_in_segment -loyalty min_cart 3000
VIP 150.00 Colissimo: discount 1500 shippingDiscount 690 total 13500 earned 135 spent 0 balance 135 +vip 1500 fs -wholesale not_in_segment -loyalty advantage_wins
VIP 150.00 Chronopost: discount 1500 shippingDiscount 0 total 14790 earned 135 spent 0 balance 135 +vip 1500 -vip carrier -wholesale not_in_segment -loyalty advantage_wins
VIP 38.00: discount 0 shippingDiscount 0 total 4490 earned 38 spent 0 balance 38 -vip below_tier 1200 -wholesale not_in_segment -loyalty min_cart 4200
VIP 50.00 + voucher: discount 0 shippingDiscount 0 total 5190 earned 0 spent 0 balance 0 -vip voucher -wholesale not_in_segment -loyalty min_cart 3000
wholesale 620.00: discount 3100 shippingDiscount 0 total 58900 earned 0 spent 0 balance 5 +wholesale 3100 -vip not_in_segment -loyalty advantage_wins
64 points: discount 500 shippingDiscount 0 total 10190 earned 0 spent 10 balance 54 +loyalty 500 -vip not_in_segment -wholesale not_in_segment
120 points: discount 1200 shippingDiscount 0 total 9490 earned 0 spent 120 balance 0 +loyalty 1200 -vip not_in_segment -wholesale not_in_segment
230 points Colissimo: discount 0 shippingDiscount 690 total 10000 earned 0 spent 0 balance 230 +loyalty 0 fs -vip not_in_segment -wholesale not_in_segment
230 points Chronopost: discount 0 shippingDiscount 0 total 11290 earned 100 spent 0 balance 330 -vip not_in_segment -wholesale not_in_segment -loyalty carrier
first order: discount 0 shippingDiscount 0 total 10690 earned 100 spent 0 balance 164 -vip not_in_segment -wholesale not_in_segment -loyalty order_number 1
79.99: discount 0 shippingDiscount 0 total 8689 earned 79 spent 0 balance 143 -vip not_in_segment -wholesale not_in_segment -loyalty min_cart 1
rate 64 points: discount 600 shippingDiscount 0 total 3800 earned 0 spent 60 balance 4 +loyalty 600
lose_all: discount 4500 shippingDiscount 0 total 0 earned 0 spent 600 balance 0 +loyalty 4500
10 orders: discount 500 shippingDiscount 0 total 9500 earned 0 spent 0 balance 7 +loyalty 500
25 orders: discount 1000 shippingDiscount 0 total 9000 earned 0 spent 0 balance 7 +loyalty 1000
