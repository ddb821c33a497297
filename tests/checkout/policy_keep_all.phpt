--TEST--
Checkout: policy keep_all never deducts: rank advantages by orders, 10 orders -> 5% for life, 25 -> 10% (SPEC 7, 10)
--EXTENSIONS--
loyalty
--FILE--
<?php
$now = 1790000000;
function show($label, $r) {
    echo $label, ': discount ', $r->discount, ' total ', $r->total, ' earned ', $r->pointsEarned, ' spent ', $r->pointsSpent, ' balance ', $r->pointsBalance;
    foreach ($r->applied as $a) { echo " +{$a['id']} {$a['discount']} pts {$a['points_spent']}"; }
    foreach ($r->rejected as $x) { echo " -{$x['id']} {$x['reason']}", array_key_exists('missing', $x) ? " missing {$x['missing']}" : ''; }
    echo PHP_EOL;
}
$rank = ['spend' => ['policy' => 'keep_all'], 'rank_by' => 'orders', 'earn' => ['per_amount' => 100],
         'brackets' => [['from' => 10, 'discount_percent' => 5], ['from' => 25, 'discount_percent' => 10]]];
$e = new Loyalty\Engine(['loyalty' => $rank]);
foreach ([0, 9, 10, 24, 25, 100] as $orders) {
    show("$orders orders", $e->evaluate(['subtotal' => 10000], ['orders' => $orders, 'points' => 40], $now));
}
// the rank advantage counts as a loyalty discount used for earning
$e = new Loyalty\Engine(['loyalty' => $rank + ['earn_with_loyalty_discount' => true]]);
show('earn allowed', $e->evaluate(['subtotal' => 10000], ['orders' => 25, 'points' => 40], $now));
// keep_all with points ranking: the cost is not deducted
$e = new Loyalty\Engine(['loyalty' => ['spend' => ['policy' => 'keep_all'], 'brackets' => [['from' => 100, 'discount' => 500]]]]);
show('by points', $e->evaluate(['subtotal' => 10000], ['points' => 130], $now));
?>
--EXPECT--
0 orders: discount 0 total 10000 earned 100 spent 0 balance 140 -loyalty no_points missing 10
9 orders: discount 0 total 10000 earned 100 spent 0 balance 140 -loyalty no_points missing 1
10 orders: discount 500 total 9500 earned 0 spent 0 balance 40 +loyalty 500 pts 0
24 orders: discount 500 total 9500 earned 0 spent 0 balance 40 +loyalty 500 pts 0
25 orders: discount 1000 total 9000 earned 0 spent 0 balance 40 +loyalty 1000 pts 0
100 orders: discount 1000 total 9000 earned 0 spent 0 balance 40 +loyalty 1000 pts 0
earn allowed: discount 1000 total 9000 earned 90 spent 0 balance 130 +loyalty 1000 pts 0
by points: discount 500 total 9500 earned 0 spent 0 balance 130 +loyalty 500 pts 0
