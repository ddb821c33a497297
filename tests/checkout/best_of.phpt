--TEST--
Checkout: of non-combinable advantages only the one worth most applies: capped discount + shipping saved; ties to the earlier (SPEC 6, 10)
--EXTENSIONS--
loyalty
--FILE--
<?php
$now = 1790000000;
function show($label, $r) {
    echo $label, ': discount ', $r->discount, ' shippingDiscount ', $r->shippingDiscount, ' total ', $r->total;
    foreach ($r->applied as $a) { echo ' +', $a['id'], ' ', $a['discount'], $a['free_shipping'] ? ' fs' : ''; }
    foreach ($r->rejected as $x) { echo ' -', $x['id'], ' ', $x['reason']; }
    echo PHP_EOL;
}
function eng(array ...$advs) { return new Loyalty\Engine(['advantages' => $advs]); }
$fixed1000 = ['id' => 'A', 'tiers' => [['discount' => 1000]]];
$pct10     = ['id' => 'B', 'tiers' => [['discount_percent' => 10]]];
$fs500     = ['id' => 'B', 'tiers' => [['discount' => 500, 'free_shipping' => true]]];

show('percent worth more', eng($fixed1000, $pct10)->evaluate(['subtotal' => 15000], [], $now));
show('percent worth less', eng($fixed1000, $pct10)->evaluate(['subtotal' => 9000], [], $now));
// B = 5.00 + 6.90 shipping = 11.90 > 10.00
show('shipping counts', eng($fixed1000, $fs500)->evaluate(['subtotal' => 15000, 'shipping' => 690], [], $now));
// B = 5.00 + 4.00 = 9.00 < 10.00
show('shipping too small', eng($fixed1000, $fs500)->evaluate(['subtotal' => 15000, 'shipping' => 400], [], $now));
// tie: 10.00 = 5.00 + 5.00: the earlier one wins, whichever it is
show('tie, A first', eng($fixed1000, $fs500)->evaluate(['subtotal' => 15000, 'shipping' => 500], [], $now));
show('tie, B first', eng($fs500, $fixed1000)->evaluate(['subtotal' => 15000, 'shipping' => 500], [], $now));
$p5 = ['id' => 'P', 'tiers' => [['discount_percent' => 5]]];
show('tie, fixed vs percent', eng($p5, ['id' => 'F', 'tiers' => [['discount' => 500]]])->evaluate(['subtotal' => 10000], [], $now));

// value uses the discount capped at what is payable: A = min(50.00, 30.00) = 30.00 < B = 20.00 + 15.00
$big = ['id' => 'A', 'tiers' => [['discount' => 5000]]];
$mid = ['id' => 'B', 'tiers' => [['discount' => 2000, 'free_shipping' => true]]];
show('capped by subtotal', eng($big, $mid)->evaluate(['subtotal' => 3000, 'shipping' => 1500], [], $now));
// with a voucher: payable 30.00 - 20.00 = 10.00; A = 10.00 < B = 8.00 + 3.00
$bigv = ['id' => 'A', 'with_voucher' => true, 'tiers' => [['discount' => 2500]]];
$midv = ['id' => 'B', 'with_voucher' => true, 'tiers' => [['discount' => 800, 'free_shipping' => true]]];
show('capped by voucher', eng($bigv, $midv)->evaluate(['subtotal' => 3000, 'voucher_discount' => 2000, 'shipping' => 300], [], $now));

// carrier-limited free shipping saves nothing with another carrier
$colB = ['id' => 'B', 'tiers' => [['discount' => 800, 'free_shipping' => true, 'carriers' => ['Colissimo']]]];
show('other carrier', eng($fixed1000, $colB)->evaluate(['subtotal' => 15000, 'carrier' => 'Chronopost', 'shipping' => 690], [], $now));
show('listed carrier', eng($fixed1000, $colB)->evaluate(['subtotal' => 15000, 'carrier' => 'Colissimo', 'shipping' => 690], [], $now));

// only eligible advantages compete
$e = eng(
    ['id' => 'vip', 'segment' => "'VIP' in groups", 'tiers' => [['discount' => 9000]]],
    ['id' => 'tier', 'tiers' => [['from' => 20000, 'discount' => 8000]]],
    ['id' => 'small', 'tiers' => [['discount' => 100]]],
    ['id' => 'mid', 'tiers' => [['discount' => 300]]],
);
show('eligible only', $e->evaluate(['subtotal' => 15000], [], $now));
show('eligible VIP', $e->evaluate(['subtotal' => 15000], ['groups' => ['VIP']], $now));
?>
--EXPECT--
percent worth more: discount 1500 shippingDiscount 0 total 13500 +B 1500 -A not_best
percent worth less: discount 1000 shippingDiscount 0 total 8000 +A 1000 -B not_best
shipping counts: discount 500 shippingDiscount 690 total 14500 +B 500 fs -A not_best
shipping too small: discount 1000 shippingDiscount 0 total 14400 +A 1000 -B not_best
tie, A first: discount 1000 shippingDiscount 0 total 14500 +A 1000 -B not_best
tie, B first: discount 500 shippingDiscount 500 total 14500 +B 500 fs -A not_best
tie, fixed vs percent: discount 500 shippingDiscount 0 total 9500 +P 500 -F not_best
capped by subtotal: discount 2000 shippingDiscount 1500 total 1000 +B 2000 fs -A not_best
capped by voucher: discount 800 shippingDiscount 300 total 200 +B 800 fs -A not_best
other carrier: discount 1000 shippingDiscount 0 total 14690 +A 1000 -B not_best
listed carrier: discount 800 shippingDiscount 690 total 14200 +B 800 fs -A not_best
eligible only: discount 300 shippingDiscount 0 total 14700 +mid 300 -vip not_in_segment -tier below_tier -small not_best
eligible VIP: discount 9000 shippingDiscount 0 total 6000 +vip 9000 -tier below_tier -small not_best -mid not_best
