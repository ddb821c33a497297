--TEST--
Checkout: rank_by lifetime_points ranks on points ever earned; cost defaults to 0 so the rank does not fall (SPEC 7, 10)
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
$e = new Loyalty\Engine(['loyalty' => ['rank_by' => 'lifetime_points',
    'brackets' => [['from' => 1000, 'discount_percent' => 5], ['from' => 5000, 'discount_percent' => 10]]]]);
$cart = ['subtotal' => 10000];
show('lifetime 1500, 10 points', $e->evaluate($cart, ['points' => 10, 'lifetime_points' => 1500], $now));
show('lifetime 999, 5000 points', $e->evaluate($cart, ['points' => 5000, 'lifetime_points' => 999], $now));
show('no lifetime', $e->evaluate($cart, ['points' => 5000], $now));
show('lifetime 5000, 0 points', $e->evaluate($cart, ['points' => 0, 'lifetime_points' => 5000], $now));
show('lifetime null', $e->evaluate($cart, ['points' => 0, 'lifetime_points' => null], $now));
// an explicit cost is paid from the balance; short of it, missing = cost - usable points
$e = new Loyalty\Engine(['loyalty' => ['rank_by' => 'lifetime_points',
    'brackets' => [['from' => 1000, 'discount' => 500, 'cost' => 50]]]]);
show('cost 50, 30 points', $e->evaluate($cart, ['points' => 30, 'lifetime_points' => 2000], $now));
show('cost 50, 80 points', $e->evaluate($cart, ['points' => 80, 'lifetime_points' => 2000], $now));
?>
--EXPECT--
lifetime 1500, 10 points: discount 500 spent 0 balance 10
lifetime 999, 5000 points: discount 0 spent 0 balance 5000 -loyalty no_points missing 1
no lifetime: discount 0 spent 0 balance 5000 -loyalty no_points missing 1000
lifetime 5000, 0 points: discount 1000 spent 0 balance 0
lifetime null: discount 0 spent 0 balance 0 -loyalty no_points missing 1000
cost 50, 30 points: discount 0 spent 0 balance 30 -loyalty no_points missing 20
cost 50, 80 points: discount 500 spent 50 balance 30
