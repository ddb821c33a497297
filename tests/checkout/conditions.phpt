--TEST--
Checkout: loyalty conditions: from_order, min_cart, with_voucher, with_advantage (SPEC 7)
--EXTENSIONS--
loyalty
--FILE--
<?php
$now = 1790000000;
function show($label, $r) {
    echo $label, ': discount ', $r->discount, ' shippingDiscount ', $r->shippingDiscount, ' spent ', $r->pointsSpent;
    foreach ($r->applied as $a) { echo " +{$a['id']} {$a['discount']}"; }
    foreach ($r->rejected as $x) { echo " -{$x['id']} {$x['reason']}", array_key_exists('missing', $x) ? " missing {$x['missing']}" : ''; }
    echo PHP_EOL;
}
function eng(array $spend, array $advantages = []) {
    return new Loyalty\Engine(['advantages' => $advantages, 'loyalty' => ['spend' => $spend,
        'brackets' => [['from' => 10, 'rate' => ['points' => 10, 'value' => 100]]]]]);
}
$cart = ['subtotal' => 5000, 'shipping' => 690];

// from_order: the order being placed is number orders + 1
$e = eng(['from_order' => 2]);
show('order 1 of 2', $e->evaluate($cart, ['points' => 64, 'orders' => 0], $now));
show('order 1, no key', $e->evaluate($cart, ['points' => 64], $now));
show('order 2 of 2', $e->evaluate($cart, ['points' => 64, 'orders' => 1], $now));
show('order 2 of 5', eng(['from_order' => 5])->evaluate($cart, ['points' => 64, 'orders' => 1], $now));
show('order 5 of 5', eng(['from_order' => 5])->evaluate($cart, ['points' => 64, 'orders' => 4], $now));
show('from_order 1', eng(['from_order' => 1])->evaluate($cart, ['points' => 64], $now));

// min_cart on the subtotal
$e = eng(['min_cart' => 3000, 'with_voucher' => true]);
show('29.99', $e->evaluate(['subtotal' => 2999], ['points' => 64], $now));
show('30.00', $e->evaluate(['subtotal' => 3000], ['points' => 64], $now));
show('30.00 - voucher 5.00', $e->evaluate(['subtotal' => 3000, 'voucher_discount' => 500], ['points' => 64], $now));

// with_voucher
show('voucher, default', eng([])->evaluate($cart + ['vouchers' => ['X']], ['points' => 64], $now));
show('voucher amount, false', eng(['with_voucher' => false])->evaluate($cart + ['voucher_discount' => 100], ['points' => 64], $now));
show('voucher, true', eng(['with_voucher' => true])->evaluate($cart + ['vouchers' => ['X'], 'voucher_discount' => 4700], ['points' => 64], $now));

// with_advantage: any advantage applied wins (free shipping included)
$disc = [['id' => 'disc', 'tiers' => [['from' => 4000, 'discount' => 100]]]];
$ship = [['id' => 'ship', 'tiers' => [['free_shipping' => true]]]];
show('advantage applied', eng([], $disc)->evaluate($cart, ['points' => 64], $now));
show('advantage below tier', eng([], $disc)->evaluate(['subtotal' => 3999], ['points' => 64], $now));
show('free shipping advantage', eng(['with_advantage' => false], $ship)->evaluate($cart, ['points' => 64], $now));
show('with_advantage true', eng(['with_advantage' => true], $disc)->evaluate($cart, ['points' => 64], $now));
show('with_advantage true, ship', eng(['with_advantage' => true], $ship)->evaluate($cart, ['points' => 64], $now));
?>
--EXPECT--
order 1 of 2: discount 0 shippingDiscount 0 spent 0 -loyalty order_number missing 1
order 1, no key: discount 0 shippingDiscount 0 spent 0 -loyalty order_number missing 1
order 2 of 2: discount 600 shippingDiscount 0 spent 60 +loyalty 600
order 2 of 5: discount 0 shippingDiscount 0 spent 0 -loyalty order_number missing 3
order 5 of 5: discount 600 shippingDiscount 0 spent 60 +loyalty 600
from_order 1: discount 600 shippingDiscount 0 spent 60 +loyalty 600
29.99: discount 0 shippingDiscount 0 spent 0 -loyalty min_cart missing 1
30.00: discount 600 shippingDiscount 0 spent 60 +loyalty 600
30.00 - voucher 5.00: discount 600 shippingDiscount 0 spent 60 +loyalty 600
voucher, default: discount 0 shippingDiscount 0 spent 0 -loyalty voucher
voucher amount, false: discount 0 shippingDiscount 0 spent 0 -loyalty voucher
voucher, true: discount 300 shippingDiscount 0 spent 30 +loyalty 300
advantage applied: discount 100 shippingDiscount 0 spent 0 +disc 100 -loyalty advantage_wins
advantage below tier: discount 600 shippingDiscount 0 spent 60 +loyalty 600 -disc below_tier missing 1
free shipping advantage: discount 0 shippingDiscount 690 spent 0 +ship 0 -loyalty advantage_wins
with_advantage true: discount 700 shippingDiscount 0 spent 60 +disc 100 +loyalty 600
with_advantage true, ship: discount 600 shippingDiscount 690 spent 60 +ship 0 +loyalty 600
