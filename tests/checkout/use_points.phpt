--TEST--
Checkout: cart use_points: true (default) as many as allowed, an int at most that many, false or 0 skips loyalty without a rejection (SPEC 4, decisions)
--EXTENSIONS--
loyalty
--FILE--
<?php
$now = 1790000000;
function show($label, $r) {
    echo $label, ': discount ', $r->discount, ' spent ', $r->pointsSpent, ' balance ', $r->pointsBalance, ' applied ', count($r->applied);
    foreach ($r->rejected as $x) { echo " -{$x['id']} {$x['reason']}", array_key_exists('missing', $x) ? " missing {$x['missing']}" : ''; }
    echo PHP_EOL;
}
$rate = new Loyalty\Engine(['loyalty' => ['brackets' => [['from' => 10, 'rate' => ['points' => 10, 'value' => 100]]]]]);
$cart = ['subtotal' => 5000];
$c = ['points' => 64];
show('default', $rate->evaluate($cart, $c, $now));
show('true', $rate->evaluate($cart + ['use_points' => true], $c, $now));
show('null', $rate->evaluate($cart + ['use_points' => null], $c, $now));
show('false', $rate->evaluate($cart + ['use_points' => false], $c, $now));
show('0', $rate->evaluate($cart + ['use_points' => 0], $c, $now));
show('25', $rate->evaluate($cart + ['use_points' => 25], $c, $now));
show('30', $rate->evaluate($cart + ['use_points' => 30], $c, $now));
show('1000', $rate->evaluate($cart + ['use_points' => 1000], $c, $now));
// fewer than one block allowed: no_points (cost - usable points)
show('9', $rate->evaluate($cart + ['use_points' => 9], $c, $now));
// false skips even a condition that would fail
show('false, voucher', $rate->evaluate($cart + ['use_points' => false, 'vouchers' => ['X']], $c, $now));
show('0, no points', $rate->evaluate($cart + ['use_points' => 0], [], $now));

// fixed bracket (cost 100): the bracket is reached by the balance; the limit is what fails
$fixed = new Loyalty\Engine(['loyalty' => ['brackets' => [['from' => 100, 'discount' => 500]]]]);
show('fixed, 50', $fixed->evaluate($cart + ['use_points' => 50], ['points' => 130], $now));
show('fixed, 100', $fixed->evaluate($cart + ['use_points' => 100], ['points' => 130], $now));
show('fixed, true', $fixed->evaluate($cart, ['points' => 130], $now));
?>
--EXPECT--
default: discount 600 spent 60 balance 4 applied 1
true: discount 600 spent 60 balance 4 applied 1
null: discount 600 spent 60 balance 4 applied 1
false: discount 0 spent 0 balance 64 applied 0
0: discount 0 spent 0 balance 64 applied 0
25: discount 200 spent 20 balance 44 applied 1
30: discount 300 spent 30 balance 34 applied 1
1000: discount 600 spent 60 balance 4 applied 1
9: discount 0 spent 0 balance 64 applied 0 -loyalty zero_value
false, voucher: discount 0 spent 0 balance 64 applied 0
0, no points: discount 0 spent 0 balance 0 applied 0
fixed, 50: discount 0 spent 0 balance 130 applied 0 -loyalty no_points missing 50
fixed, 100: discount 500 spent 100 balance 30 applied 1
fixed, true: discount 500 spent 100 balance 30 applied 1
