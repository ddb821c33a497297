--TEST--
Checkout: fixed-discount brackets consume `cost` points (default `from`); a cost above usable points is no_points with no fallback (SPEC 7, 10)
--EXTENSIONS--
loyalty
--FILE--
<?php
$now = 1790000000;
function show($label, $r) {
    echo $label, ': discount ', $r->discount, ' total ', $r->total, ' spent ', $r->pointsSpent, ' balance ', $r->pointsBalance;
    foreach ($r->applied as $a) { echo " +{$a['source']} {$a['id']} '{$a['label']}' {$a['discount']} pts {$a['points_spent']}"; }
    foreach ($r->rejected as $x) { echo " -{$x['id']} {$x['reason']}", array_key_exists('missing', $x) ? " missing {$x['missing']}" : ''; }
    echo PHP_EOL;
}
function eng(array $brackets) { return new Loyalty\Engine(['loyalty' => ['brackets' => $brackets]]); }
$cart = ['subtotal' => 5000, 'shipping' => 690];

$e = eng([['from' => 100, 'discount' => 500]]);
show('130 points', $e->evaluate($cart, ['points' => 130], $now));
show('100 points', $e->evaluate($cart, ['points' => 100], $now));
show('99 points', $e->evaluate($cart, ['points' => 99], $now));
show('no points', $e->evaluate($cart, [], $now));
// the discount never exceeds what is payable; the bracket's cost is consumed
show('3.00 cart', $e->evaluate(['subtotal' => 300], ['points' => 130], $now));

show('cost 50', eng([['from' => 100, 'discount' => 500, 'cost' => 50]])->evaluate($cart, ['points' => 130], $now));
show('cost 0', eng([['from' => 100, 'discount' => 500, 'cost' => 0]])->evaluate($cart, ['points' => 130], $now));
// cost above the usable points: no_points, missing = cost - points
show('cost 200', eng([['from' => 100, 'discount' => 500, 'cost' => 200]])->evaluate($cart, ['points' => 150], $now));

// highest from <= points, and no fallback to a lower bracket when its cost fails
$e = eng([['from' => 10, 'discount' => 100], ['from' => 100, 'discount' => 500, 'cost' => 200]]);
show('no fallback', $e->evaluate($cart, ['points' => 150], $now));
show('lower bracket', $e->evaluate($cart, ['points' => 99], $now));
show('higher bracket', $e->evaluate($cart, ['points' => 230], $now));
show('below all', $e->evaluate($cart, ['points' => 3], $now));
?>
--EXPECT--
130 points: discount 500 total 5190 spent 100 balance 30 +loyalty loyalty 'Loyalty points' 500 pts 100
100 points: discount 500 total 5190 spent 100 balance 0 +loyalty loyalty 'Loyalty points' 500 pts 100
99 points: discount 0 total 5690 spent 0 balance 99 -loyalty no_points missing 1
no points: discount 0 total 5690 spent 0 balance 0 -loyalty no_points missing 100
3.00 cart: discount 300 total 0 spent 100 balance 30 +loyalty loyalty 'Loyalty points' 300 pts 100
cost 50: discount 500 total 5190 spent 50 balance 80 +loyalty loyalty 'Loyalty points' 500 pts 50
cost 0: discount 500 total 5190 spent 0 balance 130 +loyalty loyalty 'Loyalty points' 500 pts 0
cost 200: discount 0 total 5690 spent 0 balance 150 -loyalty no_points missing 50
no fallback: discount 0 total 5690 spent 0 balance 150 -loyalty no_points missing 50
lower bracket: discount 100 total 5590 spent 10 balance 89 +loyalty loyalty 'Loyalty points' 100 pts 10
higher bracket: discount 500 total 5190 spent 200 balance 30 +loyalty loyalty 'Loyalty points' 500 pts 200
below all: discount 0 total 5690 spent 0 balance 3 -loyalty no_points missing 7
