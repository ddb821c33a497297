--TEST--
Checkout: invalid carts throw Loyalty\InputException naming the path; floats and numeric strings are never converted (SPEC 2, 4, decisions)
--EXTENSIONS--
loyalty
--FILE--
<?php
$e = new Loyalty\Engine(['advantages' => [['id' => 'a', 'tiers' => [['discount' => 100, 'free_shipping' => true, 'carriers' => ['X']]]]],
    'loyalty' => ['earn' => ['per_amount' => 100], 'brackets' => [['from' => 10, 'discount' => 100]]]]);
$carts = [
    'price float'        => ['lines' => [['sku' => 'a', 'qty' => 1, 'price' => 1000], ['sku' => 'b', 'qty' => 1, 'price' => 10.5]]],
    'price whole float'  => ['lines' => [['sku' => 'a', 'qty' => 1, 'price' => 1000.0]]],
    'price string'       => ['lines' => [['sku' => 'a', 'qty' => 1, 'price' => '1000']]],
    'price bool'         => ['lines' => [['sku' => 'a', 'qty' => 1, 'price' => true]]],
    'price negative'     => ['lines' => [['sku' => 'a', 'qty' => 1, 'price' => -1]]],
    'price missing'      => ['lines' => [['sku' => 'a', 'qty' => 1]]],
    'qty float'          => ['lines' => [['qty' => 1, 'price' => 1], ['qty' => 1, 'price' => 1], ['qty' => 1, 'price' => 1], ['qty' => 2.0, 'price' => 1]]],
    'qty string'         => ['lines' => [['sku' => 'a', 'qty' => '1', 'price' => 1000]]],
    'qty negative'       => ['lines' => [['sku' => 'a', 'qty' => -1, 'price' => 1000]]],
    'qty missing'        => ['lines' => [['sku' => 'a', 'price' => 1000]]],
    'qty null'           => ['lines' => [['sku' => 'a', 'qty' => null, 'price' => 1000]]],
    'line string'        => ['lines' => ['TEA-01']],
    'line int'           => ['lines' => [['qty' => 1, 'price' => 1], 5]],
    'lines string'       => ['lines' => 'TEA-01'],
    'sku float'          => ['lines' => [['sku' => 1.5, 'qty' => 1, 'price' => 1]]],
    'category int'       => ['lines' => [['sku' => 'a', 'qty' => 1, 'price' => 1, 'category' => 5]]],
    'qty * price'        => ['lines' => [['qty' => 1, 'price' => 1], ['qty' => 2, 'price' => intdiv(PHP_INT_MAX, 2) + 1]]],
    'qty * price max'    => ['lines' => [['qty' => PHP_INT_MAX, 'price' => 2]]],
    'sum of lines'       => ['lines' => [['qty' => 1, 'price' => PHP_INT_MAX - 1], ['qty' => 1, 'price' => 1], ['qty' => 1, 'price' => 1]]],
    'subtotal float'     => ['subtotal' => 1999.0],
    'subtotal string'    => ['subtotal' => '1999'],
    'subtotal negative'  => ['subtotal' => -1999],
    'shipping float'     => ['subtotal' => 1999, 'shipping' => 6.9],
    'shipping string'    => ['subtotal' => 1999, 'shipping' => '690'],
    'shipping negative'  => ['subtotal' => 1999, 'shipping' => -690],
    'total overflow'     => ['subtotal' => PHP_INT_MAX, 'shipping' => 1, 'use_points' => false, 'vouchers' => ['V']],
    'carrier int'        => ['subtotal' => 1999, 'carrier' => 5],
    'carrier list'       => ['subtotal' => 1999, 'carrier' => ['Colissimo']],
    'vouchers string'    => ['subtotal' => 1999, 'vouchers' => 'WELCOME5'],
    'vouchers int item'  => ['subtotal' => 1999, 'vouchers' => ['WELCOME5', 5]],
    'voucher_discount float'    => ['subtotal' => 1999, 'voucher_discount' => 5.0],
    'voucher_discount string'   => ['subtotal' => 1999, 'voucher_discount' => '500'],
    'voucher_discount negative' => ['subtotal' => 1999, 'voucher_discount' => -500],
    'use_points string'  => ['subtotal' => 1999, 'use_points' => 'yes'],
    'use_points numeric' => ['subtotal' => 1999, 'use_points' => '10'],
    'use_points float'   => ['subtotal' => 1999, 'use_points' => 10.0],
    'use_points negative'=> ['subtotal' => 1999, 'use_points' => -10],
    'use_points array'   => ['subtotal' => 1999, 'use_points' => []],
];
foreach ($carts as $label => $cart) {
    try {
        $r = $e->evaluate($cart, ['points' => 20, 'orders' => 1], 1790000000);
        echo "$label: no exception (total {$r->total})\n";
    } catch (Loyalty\InputException $x) {
        echo "$label: ", $x->getCode(), ' ', $x instanceof Loyalty\Exception ? 'ok' : 'not a Loyalty\Exception', ' ', $x->getMessage(), PHP_EOL;
    }
}
// a valid cart still works after all that
// (PHP_INT_MAX by name: its digits are the platform's, as the bits of the overflow messages above)
echo PHP_INT_MAX - $e->evaluate(['lines' => [['sku' => 'a', 'qty' => 2, 'price' => PHP_INT_MAX >> 1]], 'use_points' => false], [], 1790000000)->subtotal === 1
    ? 'PHP_INT_MAX - 1' : 'wrong', PHP_EOL;
// wrong PHP types for the parameters are TypeErrors
try { $e->evaluate('cart', []); } catch (TypeError $t) { echo get_class($t), PHP_EOL; }
try { $e->evaluate([], 'customer'); } catch (TypeError $t) { echo get_class($t), PHP_EOL; }
?>
--EXPECTF--
price float: 3 ok cart.lines[1].price: expected int (minor units), got float
price whole float: 3 ok cart.lines[0].price: expected int (minor units), got float
price string: 3 ok cart.lines[0].price: expected int (minor units), got string
price bool: 3 ok cart.lines[0].price: expected int (minor units), got bool
price negative: 3 ok cart.lines[0].price: must be >= 0, got -1
price missing: 3 ok cart.lines[0].price: is required
qty float: 3 ok cart.lines[3].qty: expected int, got float
qty string: 3 ok cart.lines[0].qty: expected int, got string
qty negative: 3 ok cart.lines[0].qty: must be >= 0, got -1
qty missing: 3 ok cart.lines[0].qty: is required
qty null: 3 ok cart.lines[0].qty: is required
line string: 3 ok cart.lines[0]: expected array, got string
line int: 3 ok cart.lines[1]: expected array, got int
lines string: 3 ok cart.lines: expected list of lines, got string
sku float: 3 ok cart.lines[0].sku: expected string, got float
category int: no exception (total 0)
qty * price: 3 ok cart.lines[1]: qty * price overflows %d-bit minor units
qty * price max: 3 ok cart.lines[0]: qty * price overflows %d-bit minor units
sum of lines: 3 ok cart.lines[2]: subtotal overflows %d-bit minor units
subtotal float: 3 ok cart.subtotal: expected int (minor units), got float
subtotal string: 3 ok cart.subtotal: expected int (minor units), got string
subtotal negative: 3 ok cart.subtotal: must be >= 0, got -1999
shipping float: 3 ok cart.shipping: expected int (minor units), got float
shipping string: 3 ok cart.shipping: expected int (minor units), got string
shipping negative: 3 ok cart.shipping: must be >= 0, got -690
total overflow: 3 ok cart: total overflows %d-bit minor units
carrier int: 3 ok cart.carrier: expected string, got int
carrier list: 3 ok cart.carrier: expected string, got array
vouchers string: 3 ok cart.vouchers: expected list of strings, got string
vouchers int item: 3 ok cart.vouchers[1]: expected string, got int
voucher_discount float: 3 ok cart.voucher_discount: expected int (minor units), got float
voucher_discount string: 3 ok cart.voucher_discount: expected int (minor units), got string
voucher_discount negative: 3 ok cart.voucher_discount: must be >= 0, got -500
use_points string: 3 ok cart.use_points: expected bool or int, got string
use_points numeric: 3 ok cart.use_points: expected bool or int, got string
use_points float: 3 ok cart.use_points: expected bool or int, got float
use_points negative: 3 ok cart.use_points: must be >= 0, got -10
use_points array: 3 ok cart.use_points: expected bool or int, got array
PHP_INT_MAX - 1
TypeError
TypeError
