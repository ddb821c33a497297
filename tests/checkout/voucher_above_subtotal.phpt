--TEST--
Checkout: vouchers reduce merchandise only: the voucher used is min(voucher_discount, subtotal); total never below shipping - shippingDiscount; earning and the cap use the voucher used (SPEC 14)
--EXTENSIONS--
loyalty
--FILE--
<?php
use Loyalty\Engine;

$now = 1795000000;
$e = new Engine(['advantages' => [['id' => 'w', 'with_voucher' => true, 'combinable' => true, 'tiers' => [['discount' => 300]]],
                                  ['id' => 'ship', 'with_voucher' => true, 'tiers' => [['from' => 1, 'free_shipping' => true]]]],
    'loyalty' => ['earn' => ['per_amount' => 100, 'points' => 1], 'earn_with_voucher' => true]]);
foreach ([0, 400, 999, 1000, 1001, 5000, PHP_INT_MAX] as $voucher) {
    $r = $e->evaluate(['subtotal' => 1000, 'voucher_discount' => $voucher, 'shipping' => 690, 'carrier' => 'DHL'], [], $now);
    printf("voucher %s: discount %d shipping %d-%d total %d earned %d %s\n", $voucher === PHP_INT_MAX ? 'PHP_INT_MAX' : $voucher,
        $r->discount, $r->shipping,
        $r->shippingDiscount, $r->total, $r->pointsEarned,
        implode(',', array_map(fn($a) => "{$a['id']}:{$a['discount']}", $r->applied)) . ' ' .
        implode(',', array_map(fn($x) => "{$x['id']}:{$x['reason']}", $r->rejected)));
}
// Shipping not offered: a voucher above the cart leaves the whole shipping to pay
$plain = new Engine([]);
foreach ([[0, 690], [2500, 690], [2500, 0]] as [$voucher, $shipping]) {
    $r = $plain->evaluate(['lines' => [['sku' => 'A', 'qty' => 2, 'price' => 1000]], 'voucher_discount' => $voucher, 'shipping' => $shipping], [], $now);
    printf("plain voucher %d shipping %d: total %d\n", $voucher, $shipping, $r->total);
}
// Lines: the allocation covers the engine's discount only, never the voucher
$r = $e->evaluate(['lines' => [['sku' => 'A', 'qty' => 1, 'price' => 700], ['sku' => 'B', 'qty' => 1, 'price' => 300]],
    'voucher_discount' => 800, 'shipping' => 100], [], $now);
echo json_encode($r->lines), " total {$r->total}\n";
?>
--EXPECT--
voucher 0: discount 300 shipping 690-690 total 700 earned 7 w:300,ship:0 
voucher 400: discount 300 shipping 690-690 total 300 earned 3 w:300,ship:0 
voucher 999: discount 1 shipping 690-690 total 0 earned 0 w:1,ship:0 
voucher 1000: discount 0 shipping 690-690 total 0 earned 0 ship:0 w:zero_value
voucher 1001: discount 0 shipping 690-690 total 0 earned 0 ship:0 w:zero_value
voucher 5000: discount 0 shipping 690-690 total 0 earned 0 ship:0 w:zero_value
voucher PHP_INT_MAX: discount 0 shipping 690-690 total 0 earned 0 ship:0 w:zero_value
plain voucher 0 shipping 690: total 2690
plain voucher 2500 shipping 690: total 690
plain voucher 2500 shipping 0: total 0
[{"sku":"A","amount":700,"discount":140},{"sku":"B","amount":300,"discount":60}] total 0
