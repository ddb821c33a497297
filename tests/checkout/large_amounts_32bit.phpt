--TEST--
Checkout: arithmetic is exact near PHP_INT_MAX; overflows are InputExceptions, never wraps (SPEC 2) - 32-bit PHP: its extremes
--EXTENSIONS--
loyalty
--SKIPIF--
<?php
// large_amounts.phpt on 32-bit PHP, whose ints have 32 bits (docs/money.md, "32-bit PHP"): the
// core still counts in 64, what it gives back must fit 32: refused with the same messages, saying
// 32-bit, or (times) saturated
if (PHP_INT_SIZE !== 4) die('skip 32-bit PHP only');
?>
--FILE--
<?php
$now = 1790000000;
$M = PHP_INT_MAX;
foreach ([10, 33.33, 99.99, 0.01] as $pct) {
    $e = new Loyalty\Engine(['advantages' => [['id' => 'a', 'tiers' => [['discount_percent' => $pct]]]]]);
    $r = $e->evaluate(['subtotal' => $M], [], $now);
    echo $pct, '%: ', $r->discount, ' ', $r->total, PHP_EOL;
}
// lines near the limit: allocation stays exact
$e = new Loyalty\Engine(['advantages' => [['id' => 'a', 'tiers' => [['discount_percent' => 50]]]]]);
$third = intdiv($M, 3);
$r = $e->evaluate(['lines' => [['qty' => 1, 'price' => $third], ['qty' => 1, 'price' => $third], ['qty' => 1, 'price' => $third]]], [], $now);
echo $r->subtotal, ' ', $r->discount, ' ', implode(' ', array_column($r->lines, 'discount')), PHP_EOL;
// rate blocks on huge balances
$e = new Loyalty\Engine(['loyalty' => ['brackets' => [['from' => 1, 'rate' => ['points' => 1, 'value' => 3]]]]]);
$r = $e->evaluate(['subtotal' => $M], ['points' => $M], $now);
echo $r->discount, ' ', $r->pointsSpent, ' ', $r->pointsBalance, ' ', $r->total, PHP_EOL;

foreach ([
    'total'   => [['loyalty' => ['earn' => ['per_amount' => 1]]], ['subtotal' => $M, 'shipping' => 1], []],
    'earned'  => [['loyalty' => ['earn' => ['per_amount' => 1, 'points' => 1000]]], ['subtotal' => $M], []],
    'balance' => [['loyalty' => ['earn' => ['per_amount' => 1]]], ['subtotal' => 100], ['points' => $M]],
] as $label => [$s, $cart, $customer]) {
    try {
        $r = (new Loyalty\Engine($s))->evaluate($cart, $customer, $now);
        echo "$label: no exception ({$r->total} {$r->pointsEarned} {$r->pointsBalance})\n";
    } catch (Loyalty\InputException $x) {
        echo "$label: InputException ", $x->getCode(), ' ', strstr($x->getMessage(), ':', true), PHP_EOL;
    }
}
?>
--EXPECT--
10%: 214748365 1932735282
33.33%: 715756300 1431727347
99.99%: 2147268899 214748
0.01%: 214748 2147268899
2147483646 1073741823 357913941 357913941 357913941
2147483646 715827882 1431655765 1
total: InputException 3 cart
earned: InputException 3 cart
balance: InputException 3 customer.points
