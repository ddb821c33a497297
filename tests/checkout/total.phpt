--TEST--
Checkout: total = max(0, subtotal - discount - voucher_discount) + shipping - shippingDiscount (SPEC 8, decisions)
--EXTENSIONS--
loyalty
--FILE--
<?php
$now = 1790000000;
$e = new Loyalty\Engine(['advantages' => [
    ['id' => 'ten', 'with_voucher' => true, 'tiers' => [['from' => 10000, 'discount' => 1000]]],
    ['id' => 'ship', 'combinable' => true, 'with_voucher' => true, 'tiers' => [['from' => 20000, 'free_shipping' => true]]],
]]);
function t($label, $r) {
    echo $label, ': subtotal ', $r->subtotal, ' discount ', $r->discount, ' shipping ', $r->shipping,
        ' shippingDiscount ', $r->shippingDiscount, ' total ', $r->total, PHP_EOL;
}
t('no discount', $e->evaluate(['subtotal' => 5000, 'shipping' => 690], [], $now));
t('no shipping key', $e->evaluate(['subtotal' => 5000], [], $now));
t('discount', $e->evaluate(['subtotal' => 10000, 'shipping' => 690], [], $now));
t('free shipping', $e->evaluate(['subtotal' => 20000, 'shipping' => 690], [], $now));
t('voucher', $e->evaluate(['subtotal' => 10000, 'shipping' => 690, 'voucher_discount' => 2000], [], $now));
t('voucher leaves 0', $e->evaluate(['subtotal' => 10000, 'shipping' => 690, 'voucher_discount' => 9000], [], $now));
t('voucher above subtotal', $e->evaluate(['subtotal' => 10000, 'shipping' => 690, 'voucher_discount' => 12000], [], $now));
t('voucher above, free shipping', $e->evaluate(['subtotal' => 20000, 'shipping' => 690, 'voucher_discount' => 25000], [], $now));
t('lines', $e->evaluate(['lines' => [['sku' => 'a', 'qty' => 3, 'price' => 4000]], 'shipping' => 1290], [], $now));

// the formula holds on assorted carts
$e = new Loyalty\Engine([
    'advantages' => [
        ['id' => 'a', 'with_voucher' => true, 'tiers' => [['from' => 3000, 'discount_percent' => 7.5], ['from' => 9000, 'discount' => 1200, 'free_shipping' => true, 'carriers' => ['C']]]],
        ['id' => 'b', 'combinable' => true, 'tiers' => [['from' => 5000, 'discount' => 250]]],
    ],
    'loyalty' => ['spend' => ['with_voucher' => true, 'with_advantage' => true], 'brackets' => [['from' => 10, 'rate' => ['points' => 10, 'value' => 100]]]],
]);
mt_srand(7);
$bad = 0;
for ($i = 0; $i < 500; $i++) {
    $cart = ['subtotal' => mt_rand(0, 20000), 'shipping' => mt_rand(0, 1500), 'carrier' => mt_rand(0, 1) ? 'C' : 'D'];
    if (mt_rand(0, 2) === 0) { $cart['voucher_discount'] = mt_rand(0, 20000); }
    $r = $e->evaluate($cart, ['points' => mt_rand(0, 300)], $now);
    $expect = max(0, $cart['subtotal'] - $r->discount - ($cart['voucher_discount'] ?? 0)) + $cart['shipping'] - $r->shippingDiscount;
    if ($r->total !== $expect) { $bad++; }
    if ($r->discount > max(0, $cart['subtotal'] - ($cart['voucher_discount'] ?? 0))) { $bad++; }
    if ($r->shippingDiscount !== ($r->freeShipping ? $cart['shipping'] : 0)) { $bad++; }
}
echo "bad: $bad\n";
?>
--EXPECT--
no discount: subtotal 5000 discount 0 shipping 690 shippingDiscount 0 total 5690
no shipping key: subtotal 5000 discount 0 shipping 0 shippingDiscount 0 total 5000
discount: subtotal 10000 discount 1000 shipping 690 shippingDiscount 0 total 9690
free shipping: subtotal 20000 discount 1000 shipping 690 shippingDiscount 690 total 19000
voucher: subtotal 10000 discount 1000 shipping 690 shippingDiscount 0 total 7690
voucher leaves 0: subtotal 10000 discount 1000 shipping 690 shippingDiscount 0 total 690
voucher above subtotal: subtotal 10000 discount 0 shipping 690 shippingDiscount 0 total 690
voucher above, free shipping: subtotal 20000 discount 0 shipping 690 shippingDiscount 690 total 0
lines: subtotal 12000 discount 1000 shipping 1290 shippingDiscount 0 total 12290
bad: 0
