--TEST--
Checkout: earning a fixed per_order amount of points (SPEC 7)
--EXTENSIONS--
loyalty
--FILE--
<?php
$now = 1790000000;
$e = new Loyalty\Engine(['loyalty' => ['earn' => ['per_order' => 100]]]);
foreach ([['subtotal' => 1], ['subtotal' => 100000, 'shipping' => 990], ['lines' => [['sku' => 'x', 'qty' => 2, 'price' => 1250]]]] as $cart) {
    $r = $e->evaluate($cart, ['points' => 7, 'orders' => 4], $now);
    echo $r->subtotal, ': earned ', $r->pointsEarned, ' balance ', $r->pointsBalance, PHP_EOL;
}
// a voucher blocks it unless earn_with_voucher
$r = $e->evaluate(['subtotal' => 5000, 'vouchers' => ['X']], ['points' => 7], $now);
echo 'voucher: earned ', $r->pointsEarned, ' balance ', $r->pointsBalance, PHP_EOL;
$e = new Loyalty\Engine(['loyalty' => ['earn' => ['per_order' => 100], 'earn_with_voucher' => true]]);
$r = $e->evaluate(['subtotal' => 5000, 'vouchers' => ['X'], 'voucher_discount' => 1000], ['points' => 7], $now);
echo 'voucher allowed: earned ', $r->pointsEarned, ' balance ', $r->pointsBalance, PHP_EOL;
// a disabled customer earns nothing
$r = $e->evaluate(['subtotal' => 5000], ['points' => 7, 'active' => false], $now);
echo 'disabled: earned ', $r->pointsEarned, ' balance ', $r->pointsBalance, PHP_EOL;
?>
--EXPECT--
1: earned 100 balance 107
100000: earned 100 balance 107
2500: earned 100 balance 107
voucher: earned 0 balance 7
voucher allowed: earned 100 balance 107
disabled: earned 0 balance 7
