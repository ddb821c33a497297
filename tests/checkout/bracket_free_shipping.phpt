--TEST--
Checkout: free-shipping brackets: cost 0 unless `cost` says, carriers, and they count as a loyalty discount used (SPEC 7, 10)
--EXTENSIONS--
loyalty
--FILE--
<?php
$now = 1790000000;
function show($label, $r) {
    echo $label, ': discount ', $r->discount, ' shippingDiscount ', $r->shippingDiscount, ' free ', var_export($r->freeShipping, true),
        ' total ', $r->total, ' earned ', $r->pointsEarned, ' spent ', $r->pointsSpent, ' balance ', $r->pointsBalance;
    foreach ($r->applied as $a) { echo " +{$a['id']} {$a['discount']}", $a['free_shipping'] ? ' fs' : '', " pts {$a['points_spent']}"; }
    foreach ($r->rejected as $x) { echo " -{$x['id']} {$x['reason']}", array_key_exists('missing', $x) ? " missing {$x['missing']}" : ''; }
    echo PHP_EOL;
}
function eng(array $loyalty) { return new Loyalty\Engine(['loyalty' => $loyalty + ['earn' => ['per_amount' => 100]]]); }
$fs = ['brackets' => [['from' => 150, 'free_shipping' => true, 'carriers' => ['Colissimo']]]];
$col = ['subtotal' => 5000, 'carrier' => 'Colissimo', 'shipping' => 690];
$c = ['points' => 230, 'orders' => 4];
show('Colissimo', eng($fs)->evaluate($col, $c, $now));
show('earn_with_loyalty_discount', eng($fs + ['earn_with_loyalty_discount' => true])->evaluate($col, $c, $now));
show('Chronopost', eng($fs)->evaluate(['carrier' => 'Chronopost', 'shipping' => 1290] + $col, $c, $now));
show('149 points', eng($fs)->evaluate($col, ['points' => 149], $now));
show('use_points false', eng($fs)->evaluate($col + ['use_points' => false], $c, $now));
show('cost 20', eng(['brackets' => [['from' => 150, 'free_shipping' => true, 'cost' => 20]]])->evaluate($col, $c, $now));
show('discount + shipping', eng(['brackets' => [['from' => 100, 'discount' => 500, 'free_shipping' => true]]])->evaluate($col, $c, $now));
// nothing left to pay on the products, but shipping is still offered
$v = ['spend' => ['with_voucher' => true], 'earn_with_voucher' => true, 'brackets' => [['from' => 150, 'free_shipping' => true]]];
show('voucher covers all', eng($v)->evaluate(['subtotal' => 1000, 'voucher_discount' => 1000, 'shipping' => 690], $c, $now));
?>
--EXPECT--
Colissimo: discount 0 shippingDiscount 690 free true total 5000 earned 0 spent 0 balance 230 +loyalty 0 fs pts 0
earn_with_loyalty_discount: discount 0 shippingDiscount 690 free true total 5000 earned 50 spent 0 balance 280 +loyalty 0 fs pts 0
Chronopost: discount 0 shippingDiscount 0 free false total 6290 earned 50 spent 0 balance 280 -loyalty carrier
149 points: discount 0 shippingDiscount 0 free false total 5690 earned 50 spent 0 balance 199 -loyalty no_points missing 1
use_points false: discount 0 shippingDiscount 0 free false total 5690 earned 50 spent 0 balance 280
cost 20: discount 0 shippingDiscount 690 free true total 5000 earned 0 spent 20 balance 210 +loyalty 0 fs pts 20
discount + shipping: discount 500 shippingDiscount 690 free true total 4500 earned 0 spent 100 balance 130 +loyalty 500 fs pts 100
voucher covers all: discount 0 shippingDiscount 690 free true total 0 earned 0 spent 0 balance 230 +loyalty 0 fs pts 0
