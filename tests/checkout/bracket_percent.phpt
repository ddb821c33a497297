--TEST--
Checkout: percent brackets: percent of the full subtotal, rounded like advantages, capped by what is payable; cost default from (SPEC 7, 10)
--EXTENSIONS--
loyalty
--FILE--
<?php
$now = 1790000000;
function show($label, $r) {
    echo $label, ': discount ', $r->discount, ' total ', $r->total, ' spent ', $r->pointsSpent, ' balance ', $r->pointsBalance;
    foreach ($r->rejected as $x) { echo " -{$x['id']} {$x['reason']}", array_key_exists('missing', $x) ? " missing {$x['missing']}" : ''; }
    echo PHP_EOL;
}
function eng(array $loyalty, $rounding = 'half_up') { return new Loyalty\Engine(['rounding' => $rounding, 'loyalty' => $loyalty]); }
$ten = ['brackets' => [['from' => 100, 'discount_percent' => 10]]];
show('10% of 123.45', eng($ten)->evaluate(['subtotal' => 12345], ['points' => 250], $now));
show('half_even', eng($ten, 'half_even')->evaluate(['subtotal' => 12345], ['points' => 250], $now));
show('down', eng($ten, 'down')->evaluate(['subtotal' => 12355], ['points' => 250], $now));
show('99 points', eng($ten)->evaluate(['subtotal' => 12345], ['points' => 99], $now));
show('2.5% of 13.00', eng(['brackets' => [['from' => 100, 'discount_percent' => 2.5]]])->evaluate(['subtotal' => 1300], ['points' => 100], $now));
show('cost 30', eng(['brackets' => [['from' => 100, 'discount_percent' => 10, 'cost' => 30]]])->evaluate(['subtotal' => 10000], ['points' => 100], $now));
// of the full subtotal, capped at subtotal - voucher_discount
$v = ['spend' => ['with_voucher' => true], 'brackets' => [['from' => 100, 'discount_percent' => 10]]];
show('with voucher', eng($v)->evaluate(['subtotal' => 10000, 'voucher_discount' => 2000], ['points' => 100], $now));
show('voucher cap', eng($v)->evaluate(['subtotal' => 10000, 'voucher_discount' => 9500], ['points' => 100], $now));
// ranking by orders: cost defaults to 0
$o = ['rank_by' => 'orders', 'brackets' => [['from' => 10, 'discount_percent' => 5]]];
show('by orders', eng($o)->evaluate(['subtotal' => 10000], ['points' => 40, 'orders' => 10], $now));
?>
--EXPECT--
10% of 123.45: discount 1235 total 11110 spent 100 balance 150
half_even: discount 1234 total 11111 spent 100 balance 150
down: discount 1235 total 11120 spent 100 balance 150
99 points: discount 0 total 12345 spent 0 balance 99 -loyalty no_points missing 1
2.5% of 13.00: discount 33 total 1267 spent 100 balance 0
cost 30: discount 1000 total 9000 spent 30 balance 70
with voucher: discount 1000 total 7000 spent 100 balance 0
voucher cap: discount 500 total 0 spent 100 balance 0
by orders: discount 500 total 9500 spent 0 balance 40
