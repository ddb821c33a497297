--TEST--
Checkout: policy lose_all resets the balance to 0 when a loyalty advantage is used: entitled 60.00 on a 45.00 cart loses everything (SPEC 7, 10)
--EXTENSIONS--
loyalty
--FILE--
<?php
$now = 1790000000;
function show($label, $r) {
    echo $label, ': discount ', $r->discount, ' total ', $r->total, ' earned ', $r->pointsEarned, ' spent ', $r->pointsSpent, ' balance ', $r->pointsBalance;
    foreach ($r->applied as $a) { echo " +{$a['id']} {$a['discount']} pts {$a['points_spent']}"; }
    foreach ($r->rejected as $x) { echo " -{$x['id']} {$x['reason']}"; }
    echo PHP_EOL;
}
function eng(array $loyalty) { return new Loyalty\Engine(['loyalty' => ['spend' => ['policy' => 'lose_all']] + $loyalty]); }
// 600 points at 10 points = 1.00: entitled to 60.00, the cart is 45.00
$rate = ['brackets' => [['from' => 10, 'rate' => ['points' => 10, 'value' => 100]]]];
show('rate, 45.00 cart', eng($rate)->evaluate(['subtotal' => 4500, 'shipping' => 690], ['points' => 600], $now));
show('rate, 100.00 cart', eng($rate)->evaluate(['subtotal' => 10000], ['points' => 600], $now));
show('rate, 64 points', eng($rate)->evaluate(['subtotal' => 10000], ['points' => 64], $now));
// fixed 60.00 bracket (cost 100) on a 45.00 cart: the whole balance goes
$fixed = ['brackets' => [['from' => 100, 'discount' => 6000]]];
show('fixed, 45.00 cart', eng($fixed)->evaluate(['subtotal' => 4500], ['points' => 250], $now));
// free shipping only: still a loyalty advantage used
show('free shipping', eng(['brackets' => [['from' => 150, 'free_shipping' => true]]])->evaluate(['subtotal' => 4500, 'shipping' => 690], ['points' => 230], $now));
// earned points come after the reset
show('earn', eng($rate + ['earn' => ['per_amount' => 100], 'earn_with_loyalty_discount' => true])->evaluate(['subtotal' => 10000], ['points' => 600], $now));
// not used: nothing lost
show('use_points false', eng($rate)->evaluate(['subtotal' => 4500, 'use_points' => false], ['points' => 600], $now));
show('rejected', eng($rate)->evaluate(['subtotal' => 4500, 'vouchers' => ['X']], ['points' => 600], $now));
?>
--EXPECT--
rate, 45.00 cart: discount 4500 total 690 earned 0 spent 600 balance 0 +loyalty 4500 pts 600
rate, 100.00 cart: discount 6000 total 4000 earned 0 spent 600 balance 0 +loyalty 6000 pts 600
rate, 64 points: discount 600 total 9400 earned 0 spent 64 balance 0 +loyalty 600 pts 64
fixed, 45.00 cart: discount 4500 total 0 earned 0 spent 250 balance 0 +loyalty 4500 pts 250
free shipping: discount 0 total 4500 earned 0 spent 230 balance 0 +loyalty 0 pts 230
earn: discount 6000 total 4000 earned 40 spent 600 balance 40 +loyalty 6000 pts 600
use_points false: discount 0 total 4500 earned 0 spent 0 balance 600
rejected: discount 0 total 4500 earned 0 spent 0 balance 600 -loyalty voucher
