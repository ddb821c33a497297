--TEST--
Checkout: the tier applied is the one with the highest from <= subtotal (SPEC 6), in any written order
--EXTENSIONS--
loyalty
--FILE--
<?php
$now = 1790000000;
$e = new Loyalty\Engine(['advantages' => [
    // written out of order on purpose: selection is by `from`, not by position
    ['id' => 'a', 'tiers' => [
        ['from' => 10000, 'discount' => 1500],
        ['from' => 5000, 'discount' => 500],
        ['from' => 20000, 'discount_percent' => 10],
    ]],
]]);
foreach ([0, 4999, 5000, 9999, 10000, 19999, 20000, 35000] as $sub) {
    $r = $e->evaluate(['subtotal' => $sub], [], $now);
    echo $sub, ': discount ', $r->discount, ' total ', $r->total;
    foreach ($r->applied as $a) { echo ' applied ', $a['id'], ' ', $a['discount']; }
    foreach ($r->rejected as $x) { echo ' rejected ', $x['id'], ' ', $x['reason'], ' missing ', $x['missing'] ?? '-'; }
    echo PHP_EOL;
}

// Equal `from`: the first written wins
$e = new Loyalty\Engine(['advantages' => [
    ['id' => 'b', 'tiers' => [['from' => 1000, 'discount' => 100], ['from' => 1000, 'discount' => 700]]],
]]);
echo $e->evaluate(['subtotal' => 5000], [], $now)->discount, PHP_EOL;

// `from` defaults to 0; a fixed discount never exceeds the subtotal
$e = new Loyalty\Engine(['advantages' => [['id' => 'c', 'tiers' => [['discount' => 800]]]]]);
foreach ([10000, 800, 799, 1] as $sub) {
    $r = $e->evaluate(['subtotal' => $sub, 'shipping' => 100], [], $now);
    echo $sub, ': ', $r->discount, ' ', $r->total, PHP_EOL;
}
?>
--EXPECT--
0: discount 0 total 0 rejected a below_tier missing 5000
4999: discount 0 total 4999 rejected a below_tier missing 1
5000: discount 500 total 4500 applied a 500
9999: discount 500 total 9499 applied a 500
10000: discount 1500 total 8500 applied a 1500
19999: discount 1500 total 18499 applied a 1500
20000: discount 2000 total 18000 applied a 2000
35000: discount 3500 total 31500 applied a 3500
100
10000: 800 9300
800: 800 100
799: 799 100
1: 1 100
