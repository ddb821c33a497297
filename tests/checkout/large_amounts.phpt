--TEST--
Checkout: arithmetic is exact near PHP_INT_MAX; overflows are InputExceptions, never wraps (SPEC 2)
--EXTENSIONS--
loyalty
--SKIPIF--
<?php
// its numbers are 64-bit PHP's extremes; large_amounts_32bit.phpt has 32-bit PHP's
if (PHP_INT_SIZE === 4) die('skip 64-bit PHP only');
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
10%: 922337203685477581 8301034833169298226
33.33%: 3074149899883696776 6149222136971079031
99.99%: 9222449699651090329 922337203685478
0.01%: 922337203685478 9222449699651090329
9223372036854775806 4611686018427387903 1537228672809129301 1537228672809129301 1537228672809129301
9223372036854775806 3074457345618258602 6148914691236517205 1
total: InputException 3 cart
earned: InputException 3 cart
balance: InputException 3 customer.points
