--TEST--
Checkout: spend.max_percent caps the loyalty discount at a percent of the subtotal, rounding down (SPEC 7, 10)
--EXTENSIONS--
loyalty
--FILE--
<?php
$now = 1790000000;
function show($label, $r) {
    echo $label, ': discount ', $r->discount, ' spent ', $r->pointsSpent, ' balance ', $r->pointsBalance;
    foreach ($r->rejected as $x) { echo " -{$x['id']} {$x['reason']}", array_key_exists('missing', $x) ? " missing {$x['missing']}" : ''; }
    echo PHP_EOL;
}
function eng($max, array $bracket, $rounding = 'half_up') {
    return new Loyalty\Engine(['rounding' => $rounding, 'loyalty' => ['spend' => ['max_percent' => $max], 'brackets' => [$bracket]]]);
}
$fixed = ['from' => 100, 'discount' => 1500];
// 50% of 19.99 = 9.995 -> 9.99 (down, even with half_up rounding)
show('fixed, 50% of 19.99', eng(50, $fixed)->evaluate(['subtotal' => 1999], ['points' => 200], $now));
show('fixed, under the cap', eng(50, $fixed)->evaluate(['subtotal' => 5000], ['points' => 200], $now));
// 12.5% of 9.99 = 1.24875 -> 1.24
show('fixed, 12.5% of 9.99', eng(12.5, $fixed)->evaluate(['subtotal' => 999], ['points' => 200], $now));
show('fixed, 12.5% half_even', eng(12.5, $fixed, 'half_even')->evaluate(['subtotal' => 999], ['points' => 200], $now));
// 80% of 10.01 = 8.008 -> 8.01 (half_up); capped at 25% = 2.5025 -> 2.50
$pct = ['from' => 100, 'discount_percent' => 80];
show('percent capped', eng(25, $pct)->evaluate(['subtotal' => 1001], ['points' => 200], $now));
show('percent under the cap', eng(90, $pct)->evaluate(['subtotal' => 1001], ['points' => 200], $now));
// rate: 10% of 55.00 = 5.50: 5 whole blocks, 50 points
$rate = ['from' => 10, 'rate' => ['points' => 10, 'value' => 100]];
show('rate, 10% of 55.00', eng(10, $rate)->evaluate(['subtotal' => 5500], ['points' => 64], $now));
show('rate, 100%', eng(100, $rate)->evaluate(['subtotal' => 5500], ['points' => 64], $now));
// a cap of 0: nothing left to pay with points -> min_cart without missing
show('max_percent 0', eng(0, $fixed)->evaluate(['subtotal' => 5000], ['points' => 200], $now));
?>
--EXPECT--
fixed, 50% of 19.99: discount 999 spent 100 balance 100
fixed, under the cap: discount 1500 spent 100 balance 100
fixed, 12.5% of 9.99: discount 124 spent 100 balance 100
fixed, 12.5% half_even: discount 124 spent 100 balance 100
percent capped: discount 250 spent 100 balance 100
percent under the cap: discount 801 spent 100 balance 100
rate, 10% of 55.00: discount 500 spent 50 balance 14
rate, 100%: discount 600 spent 60 balance 4
max_percent 0: discount 0 spent 0 balance 200 -loyalty zero_value
