--TEST--
Checkout: rate brackets: each whole block of points is worth value; blocks capped by what is payable (SPEC 7, 10)
--EXTENSIONS--
loyalty
--FILE--
<?php
$now = 1790000000;
function show($label, $r) {
    echo $label, ': discount ', $r->discount, ' total ', $r->total, ' spent ', $r->pointsSpent, ' balance ', $r->pointsBalance;
    foreach ($r->applied as $a) { echo " +{$a['id']} {$a['discount']} pts {$a['points_spent']}"; }
    foreach ($r->rejected as $x) { echo " -{$x['id']} {$x['reason']}", array_key_exists('missing', $x) ? " missing {$x['missing']}" : ''; }
    echo PHP_EOL;
}
function eng(array $loyalty, array $advantages = []) { return new Loyalty\Engine(['loyalty' => $loyalty, 'advantages' => $advantages]); }
$rate = ['brackets' => [['from' => 10, 'rate' => ['points' => 10, 'value' => 100]]]];
$c = ['points' => 64];
// 10 points = 1.00: 64 points -> 6.00 and 4 points left
show('44.00 cart', eng($rate)->evaluate(['subtotal' => 4400, 'shipping' => 690], $c, $now));
show('3.50 cart', eng($rate)->evaluate(['subtotal' => 350], $c, $now));
show('2.99 cart', eng($rate)->evaluate(['subtotal' => 299], $c, $now));
show('6.00 cart', eng($rate)->evaluate(['subtotal' => 600], $c, $now));
// nothing payable for one block: rejected min_cart without missing
show('0.99 cart', eng($rate)->evaluate(['subtotal' => 99, 'shipping' => 100], $c, $now));
// the voucher and the advantages reduce what is payable
$rv = $rate; $rv['spend'] = ['with_voucher' => true, 'with_advantage' => true];
show('after voucher', eng($rv)->evaluate(['subtotal' => 1000, 'voucher_discount' => 750], $c, $now));
show('after advantage', eng($rv, [['id' => 'a', 'tiers' => [['discount' => 650]]]])->evaluate(['subtotal' => 1000], $c, $now));
// a block costs rate.points: fewer usable points is no_points
show('9 points', eng(['brackets' => [['from' => 5, 'rate' => ['points' => 10, 'value' => 100]]]])->evaluate(['subtotal' => 5000], ['points' => 9], $now));
show('exactly one block', eng($rate)->evaluate(['subtotal' => 5000], ['points' => 10], $now));
// odd block sizes: 64 points, 3 points = 0.07 -> 21 blocks = 1.47, 1 point left
show('3 = 0.07', eng(['brackets' => [['from' => 3, 'rate' => ['points' => 3, 'value' => 7]]]])->evaluate(['subtotal' => 10000], $c, $now));
// 0.50 a point, 14.99 payable: 29 blocks
show('1 = 0.50', eng(['brackets' => [['from' => 1, 'rate' => ['points' => 1, 'value' => 50]]]])->evaluate(['subtotal' => 1499], $c, $now));
?>
--EXPECT--
44.00 cart: discount 600 total 4490 spent 60 balance 4 +loyalty 600 pts 60
3.50 cart: discount 300 total 50 spent 30 balance 34 +loyalty 300 pts 30
2.99 cart: discount 200 total 99 spent 20 balance 44 +loyalty 200 pts 20
6.00 cart: discount 600 total 0 spent 60 balance 4 +loyalty 600 pts 60
0.99 cart: discount 0 total 199 spent 0 balance 64 -loyalty zero_value
after voucher: discount 200 total 50 spent 20 balance 44 +loyalty 200 pts 20
after advantage: discount 950 total 50 spent 30 balance 34 +a 650 pts 0 +loyalty 300 pts 30
9 points: discount 0 total 5000 spent 0 balance 9 -loyalty zero_value
exactly one block: discount 100 total 4900 spent 10 balance 0 +loyalty 100 pts 10
3 = 0.07: discount 147 total 9853 spent 63 balance 1 +loyalty 147 pts 63
1 = 0.50: discount 1450 total 49 spent 29 balance 35 +loyalty 1450 pts 29
