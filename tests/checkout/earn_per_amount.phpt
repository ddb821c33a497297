--TEST--
Checkout: earning per amount: floor(billed / per_amount) * points, billed after every discount, shipping excluded (SPEC 7)
--EXTENSIONS--
loyalty
--FILE--
<?php
$now = 1790000000;
function earn($label, array $settings, array $cart, array $customer = ['points' => 10]) {
    global $now;
    $r = (new Loyalty\Engine($settings))->evaluate($cart, $customer, $now);
    echo $label, ': discount ', $r->discount, ' earned ', $r->pointsEarned, ' balance ', $r->pointsBalance, PHP_EOL;
}
$one = ['loyalty' => ['earn' => ['per_amount' => 100, 'points' => 1]]];
earn('45.99 + shipping', $one, ['subtotal' => 4599, 'shipping' => 690]);
earn('0.99', $one, ['subtotal' => 99]);
earn('1.00', $one, ['subtotal' => 100]);
earn('empty cart', $one, ['lines' => []]);
earn('lines', $one, ['lines' => [['sku' => 'a', 'qty' => 3, 'price' => 333], ['sku' => 'b', 'qty' => 1, 'price' => 1002]]]);
earn('points default 1', ['loyalty' => ['earn' => ['per_amount' => 100]]], ['subtotal' => 4599]);
earn('3 per 10.00', ['loyalty' => ['earn' => ['per_amount' => 1000, 'points' => 3]]], ['subtotal' => 2999]);
earn('2 per 2.50', ['loyalty' => ['earn' => ['per_amount' => 250, 'points' => 2]]], ['subtotal' => 1999]);
earn('no points key', $one, ['subtotal' => 4599], []);

// billed = subtotal - engine discounts - voucher_discount
$adv = $one + ['advantages' => [['id' => 'a', 'tiers' => [['discount' => 500]]]]];
earn('after advantage', $adv, ['subtotal' => 4599, 'shipping' => 690]);
$adv = $one + ['advantages' => [['id' => 'a', 'tiers' => [['discount_percent' => 10]]]]];
earn('after 10%', $adv, ['subtotal' => 4599]);
$vou = ['loyalty' => ['earn' => ['per_amount' => 100], 'earn_with_voucher' => true]];
earn('after voucher', $vou, ['subtotal' => 4599, 'vouchers' => ['X'], 'voucher_discount' => 600, 'shipping' => 690]);
earn('voucher above subtotal', $vou, ['subtotal' => 4599, 'voucher_discount' => 5000]);

// no earn section: nothing earned
earn('rank-only programme', ['loyalty' => ['brackets' => [['from' => 100, 'discount' => 100]]]], ['subtotal' => 4599], ['points' => 10]);
?>
--EXPECT--
45.99 + shipping: discount 0 earned 45 balance 55
0.99: discount 0 earned 0 balance 10
1.00: discount 0 earned 1 balance 11
empty cart: discount 0 earned 0 balance 10
lines: discount 0 earned 20 balance 30
points default 1: discount 0 earned 45 balance 55
3 per 10.00: discount 0 earned 6 balance 16
2 per 2.50: discount 0 earned 14 balance 24
no points key: discount 0 earned 45 balance 45
after advantage: discount 500 earned 40 balance 50
after 10%: discount 460 earned 41 balance 51
after voucher: discount 0 earned 39 balance 49
voucher above subtotal: discount 0 earned 0 balance 10
rank-only programme: discount 0 earned 0 balance 10
