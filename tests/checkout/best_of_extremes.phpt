--TEST--
Checkout: the best-of compares discount + shipping saved exactly, also when the sum passes PHP_INT_MAX (found by the independent oracle)
--EXTENSIONS--
loyalty
--FILE--
<?php
$e = new Loyalty\Engine(['advantages' => [
    ['id' => 'small', 'tiers' => [['discount' => 10, 'free_shipping' => true]]],
    ['id' => 'big', 'tiers' => [['discount' => 20, 'free_shipping' => true]]],
    ['id' => 'ship_only', 'tiers' => [['free_shipping' => true]]],
]]);
foreach ([PHP_INT_MAX, PHP_INT_MAX - 15, PHP_INT_MAX - 20, 0] as $shipping) {
    $r = $e->evaluate(['subtotal' => 100, 'shipping' => $shipping], []);
    // (PHP_INT_MAX by name: its digits are the platform's)
    echo $shipping === 0 ? '0' : 'PHP_INT_MAX - ' . (PHP_INT_MAX - $shipping), ': ', implode(',', array_column($r->applied, 'id')),
        ' total ', $r->total, "\n";
}
// a huge discount against a huge shipping: MAX + 1 beats MAX, a tie at MAX goes to the earlier
$f = new Loyalty\Engine(['advantages' => [
    ['id' => 'money', 'tiers' => [['discount' => PHP_INT_MAX]]],
    ['id' => 'ship', 'tiers' => [['discount' => 1, 'free_shipping' => true]]],
]]);
foreach ([[PHP_INT_MAX, PHP_INT_MAX], [PHP_INT_MAX, PHP_INT_MAX - 1], [PHP_INT_MAX - 1, PHP_INT_MAX]] as [$subtotal, $shipping]) {
    $r = $f->evaluate(['subtotal' => $subtotal, 'shipping' => $shipping], []);
    echo implode(',', array_column($r->applied, 'id')), "\n";
}
?>
--EXPECT--
PHP_INT_MAX - 0: big total 80
PHP_INT_MAX - 15: big total 80
PHP_INT_MAX - 20: big total 80
0: big total 80
ship
money
ship
