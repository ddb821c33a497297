--TEST--
Checkout: policy lose_used (default) deducts only the points used: balance = points - spent + earned (SPEC 7, decisions)
--EXTENSIONS--
loyalty
--FILE--
<?php
$now = 1790000000;
function show($label, $r) {
    echo $label, ': discount ', $r->discount, ' earned ', $r->pointsEarned, ' spent ', $r->pointsSpent, ' balance ', $r->pointsBalance, PHP_EOL;
}
function eng(array $loyalty) { return new Loyalty\Engine(['loyalty' => $loyalty]); }
$fixed = ['brackets' => [['from' => 100, 'discount' => 500]]];
show('default policy', eng($fixed)->evaluate(['subtotal' => 5000], ['points' => 130], $now));
show('lose_used', eng($fixed + ['spend' => ['policy' => 'lose_used']])->evaluate(['subtotal' => 5000], ['points' => 130], $now));
$rate = ['spend' => ['policy' => 'lose_used'], 'brackets' => [['from' => 10, 'rate' => ['points' => 10, 'value' => 100]]]];
show('rate', eng($rate)->evaluate(['subtotal' => 4400], ['points' => 64], $now));
show('rate, small cart', eng($rate)->evaluate(['subtotal' => 250], ['points' => 64], $now));
show('rate, use_points 30', eng($rate)->evaluate(['subtotal' => 4400, 'use_points' => 30], ['points' => 64], $now));
// earned points are added after the deduction
$earn = $rate + ['earn' => ['per_amount' => 100], 'earn_with_loyalty_discount' => true];
show('rate + earn', eng($earn)->evaluate(['subtotal' => 4400, 'shipping' => 690], ['points' => 64], $now));
// a cost-0 free-shipping bracket deducts nothing
show('free shipping', eng(['brackets' => [['from' => 100, 'free_shipping' => true]]])->evaluate(['subtotal' => 4400, 'shipping' => 690], ['points' => 130], $now));
?>
--EXPECT--
default policy: discount 500 earned 0 spent 100 balance 30
lose_used: discount 500 earned 0 spent 100 balance 30
rate: discount 600 earned 0 spent 60 balance 4
rate, small cart: discount 200 earned 0 spent 20 balance 44
rate, use_points 30: discount 300 earned 0 spent 30 balance 34
rate + earn: discount 600 earned 38 spent 60 balance 42
free shipping: discount 0 earned 0 spent 0 balance 130
