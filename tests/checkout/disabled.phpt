--TEST--
Checkout: a disabled customer gets no advantage (each rejected `disabled`), no loyalty discount and earns nothing (SPEC 5, 10, decisions)
--EXTENSIONS--
loyalty
--FILE--
<?php
$now = 1790000000;
function show($label, $r) {
    echo $label, ': [', implode(',', $r->segments), '] discount ', $r->discount, ' shippingDiscount ', $r->shippingDiscount,
        ' total ', $r->total, ' earned ', $r->pointsEarned, ' spent ', $r->pointsSpent, ' balance ', $r->pointsBalance,
        ' applied ', count($r->applied), PHP_EOL;
    foreach ($r->rejected as $x) { echo "  {$x['source']} {$x['id']} {$x['reason']}\n"; }
}
$settings = [
    'segments' => ['vip' => "'VIP' in groups"],
    'advantages' => [
        ['id' => 'vip', 'segment' => 'vip', 'tiers' => [['discount_percent' => 10, 'free_shipping' => true]]],
        ['id' => 'everyone', 'segment' => 'all', 'combinable' => true, 'with_voucher' => true, 'tiers' => [['discount' => 100]]],
        ['id' => 'wholesale', 'segment' => "'wholesale' in groups", 'tiers' => [['from' => 50000, 'discount_percent' => 5]]],
    ],
    'loyalty' => ['earn' => ['per_amount' => 100], 'brackets' => [['from' => 10, 'rate' => ['points' => 10, 'value' => 100]]]],
];
$e = new Loyalty\Engine($settings);
$cart = ['subtotal' => 5000, 'shipping' => 690];
$c = ['active' => false, 'groups' => ['VIP'], 'orders' => 5, 'points' => 64];
show('disabled', $e->evaluate($cart, $c, $now));
show('disabled, voucher', $e->evaluate($cart + ['voucher_discount' => 700], $c, $now));
show('disabled, use_points false', $e->evaluate($cart + ['use_points' => false], $c, $now));
show('active', $e->evaluate($cart, ['active' => true] + $c, $now));

// loyalty without brackets only earns: no loyalty entry for a disabled customer either
$e = new Loyalty\Engine(['loyalty' => ['earn' => ['per_order' => 50]]]);
show('earn only', $e->evaluate($cart, ['active' => false, 'points' => 10], $now));
?>
--EXPECT--
disabled: [all,disabled] discount 0 shippingDiscount 0 total 5690 earned 0 spent 0 balance 64 applied 0
  advantage vip disabled
  advantage everyone disabled
  advantage wholesale disabled
  loyalty loyalty disabled
disabled, voucher: [all,disabled] discount 0 shippingDiscount 0 total 4990 earned 0 spent 0 balance 64 applied 0
  advantage vip disabled
  advantage everyone disabled
  advantage wholesale disabled
  loyalty loyalty disabled
disabled, use_points false: [all,disabled] discount 0 shippingDiscount 0 total 5690 earned 0 spent 0 balance 64 applied 0
  advantage vip disabled
  advantage everyone disabled
  advantage wholesale disabled
active: [all,customers,loyal,vip] discount 600 shippingDiscount 690 total 4400 earned 44 spent 0 balance 108 applied 2
  advantage wholesale not_in_segment
  loyalty loyalty advantage_wins
earn only: [all,disabled] discount 0 shippingDiscount 0 total 5690 earned 0 spent 0 balance 10 applied 0
