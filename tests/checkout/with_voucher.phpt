--TEST--
Checkout: advantages and vouchers: with_voucher false (default) rejects, true applies within subtotal - voucher_discount (SPEC 6, 10)
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
$no = new Loyalty\Engine(['advantages' => [['id' => 'no', 'tiers' => [['discount' => 500]]]]]);
show('default, voucher code', $no->evaluate(['subtotal' => 5000, 'vouchers' => ['WELCOME5']], [], $now));
show('default, voucher amount', $no->evaluate(['subtotal' => 5000, 'voucher_discount' => 300], [], $now));
show('default, code and amount', $no->evaluate(['subtotal' => 5000, 'vouchers' => ['A'], 'voucher_discount' => 300, 'shipping' => 100], [], $now));
show('default, empty voucher', $no->evaluate(['subtotal' => 5000, 'vouchers' => [], 'voucher_discount' => 0], [], $now));
$no = new Loyalty\Engine(['advantages' => [['id' => 'no', 'with_voucher' => false, 'tiers' => [['discount' => 500]]]]]);
show('explicit false', $no->evaluate(['subtotal' => 5000, 'vouchers' => ['A']], [], $now));

$yes = new Loyalty\Engine(['advantages' => [['id' => 'yes', 'with_voucher' => true, 'tiers' => [['discount' => 500]]]]]);
show('with_voucher', $yes->evaluate(['subtotal' => 5000, 'vouchers' => ['A'], 'voucher_discount' => 300], [], $now));
// payable = 1000 - 800 = 200: the 5.00 discount is capped at 2.00
show('capped', $yes->evaluate(['subtotal' => 1000, 'vouchers' => ['A'], 'voucher_discount' => 800, 'shipping' => 100], [], $now));
// voucher beyond the subtotal: nothing payable, total = max(0, ...) + shipping
$r = $yes->evaluate(['subtotal' => 1000, 'voucher_discount' => 1500, 'shipping' => 100], [], $now);
echo 'voucher above subtotal: discount ', $r->discount, ' total ', $r->total, PHP_EOL;

// percents are taken of the full subtotal, then capped
$pct = new Loyalty\Engine(['advantages' => [['id' => 'pct', 'with_voucher' => true, 'tiers' => [['discount_percent' => 10]]]]]);
show('percent', $pct->evaluate(['subtotal' => 10000, 'voucher_discount' => 2000], [], $now));
show('percent capped', $pct->evaluate(['subtotal' => 10000, 'voucher_discount' => 9950], [], $now));
?>
--EXPECT--
default, voucher code: discount 0 total 5000 -no voucher
default, voucher amount: discount 0 total 4700 -no voucher
default, code and amount: discount 0 total 4800 -no voucher
default, empty voucher: discount 500 total 4500 +no 500
explicit false: discount 0 total 5000 -no voucher
with_voucher: discount 500 total 4200 +yes 500
capped: discount 200 total 100 +yes 200
voucher above subtotal: discount 0 total 100
percent: discount 1000 total 7000 +pct 1000
percent capped: discount 50 total 0 +pct 50
