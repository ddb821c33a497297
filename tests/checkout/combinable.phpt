--TEST--
Checkout: combinable advantages all apply with the best other one, in settings order, with a running cap (SPEC 6, 10)
--EXTENSIONS--
loyalty
--FILE--
<?php
$now = 1790000000;
function show($label, $r) {
    echo $label, ': discount ', $r->discount, ' total ', $r->total;
    foreach ($r->applied as $a) { echo ' +', $a['id'], ' ', $a['discount']; }
    foreach ($r->rejected as $x) { echo ' -', $x['id'], ' ', $x['reason']; }
    echo PHP_EOL;
}
function eng(array ...$advs) { return new Loyalty\Engine(['advantages' => $advs]); }
$e = eng(
    ['id' => 'A', 'combinable' => true, 'tiers' => [['discount' => 300]]],
    ['id' => 'C', 'tiers' => [['discount' => 1000]]],
    ['id' => 'B', 'combinable' => true, 'tiers' => [['discount' => 200]]],
    ['id' => 'D', 'combinable' => false, 'tiers' => [['discount' => 500]]],
);
show('two combinable + best', $e->evaluate(['subtotal' => 10000, 'shipping' => 500], [], $now));

// percents are each of the full subtotal (not compounded)
$e = eng(
    ['id' => 'P', 'combinable' => true, 'tiers' => [['discount_percent' => 10]]],
    ['id' => 'Q', 'combinable' => true, 'tiers' => [['discount_percent' => 15]]],
);
show('percents', $e->evaluate(['subtotal' => 10000], [], $now));

// running cap: payable = 30.00 - 5.00 = 25.00
$e = eng(
    ['id' => 'A', 'combinable' => true, 'with_voucher' => true, 'tiers' => [['discount' => 2000]]],
    ['id' => 'B', 'combinable' => true, 'with_voucher' => true, 'tiers' => [['discount' => 1000]]],
);
show('running cap with voucher', $e->evaluate(['subtotal' => 3000, 'voucher_discount' => 500, 'shipping' => 200], [], $now));
show('no cap needed', $e->evaluate(['subtotal' => 5000, 'voucher_discount' => 500], [], $now));

// settings order decides which one the cap cuts
$comb = ['id' => 'comb', 'combinable' => true, 'tiers' => [['discount' => 500]]];
$best = ['id' => 'best', 'tiers' => [['discount' => 800]]];
show('combinable first', eng($comb, $best)->evaluate(['subtotal' => 1000], [], $now));
show('best first', eng($best, $comb)->evaluate(['subtotal' => 1000], [], $now));

// discounts never exceed subtotal - voucher_discount
$e = eng(
    ['id' => 'X', 'combinable' => true, 'with_voucher' => true, 'tiers' => [['discount_percent' => 60]]],
    ['id' => 'Y', 'combinable' => true, 'with_voucher' => true, 'tiers' => [['discount_percent' => 60]]],
);
$r = $e->evaluate(['lines' => [['sku' => 'a', 'qty' => 3, 'price' => 333], ['sku' => 'b', 'qty' => 1, 'price' => 1]], 'voucher_discount' => 100, 'shipping' => 50], [], $now);
show('two 60%', $r);
echo 'lines ', implode(',', array_column($r->lines, 'discount')), PHP_EOL;
?>
--EXPECT--
two combinable + best: discount 1500 total 9000 +A 300 +C 1000 +B 200 -D not_best
percents: discount 2500 total 7500 +P 1000 +Q 1500
running cap with voucher: discount 2500 total 200 +A 2000 +B 500
no cap needed: discount 3000 total 1500 +A 2000 +B 1000
combinable first: discount 1000 total 0 +comb 500 +best 500
best first: discount 1000 total 0 +best 800 +comb 200
two 60%: discount 900 total 50 +X 600 +Y 300
lines 899,1
