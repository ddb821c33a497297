--TEST--
Checkout: per-line allocation: proportional shares, floors first, largest remainders get the rest (ties: earlier line), sums exactly (SPEC 6, decisions)
--EXTENSIONS--
loyalty
--FILE--
<?php
$now = 1790000000;
function alloc(array $amounts, $discount, array $extra = []) {
    global $now;
    $lines = [];
    foreach ($amounts as $i => $a) { $lines[] = ['sku' => "L$i", 'qty' => 1, 'price' => $a]; }
    $e = new Loyalty\Engine(['advantages' => [['id' => 'a', 'with_voucher' => true, 'tiers' => [['discount' => $discount]]]]]);
    $r = $e->evaluate(['lines' => $lines] + $extra, [], $now);
    echo implode('+', $amounts), ' -', $discount, ': ', implode(' ', array_column($r->lines, 'discount')), ' = ', $r->discount, PHP_EOL;
}
alloc([1000, 1000, 1000], 100);   // 33.33 each: the spare unit to the first
alloc([1000, 1000, 1000], 200);   // 66.67 each: two spare units to the first two
alloc([1, 1, 1], 2);
alloc([100, 300, 200], 100);      // 16.67 50 33.33
alloc([200, 300, 100], 100);      // 33.33 50 16.67
alloc([2500, 5500], 500);         // 156.25 343.75
alloc([999, 1], 900);             // 899.1 0.9
alloc([0, 700, 0, 300], 10);
alloc([3, 3, 4], 10);             // the whole amount
alloc([7, 11, 13, 17, 19], 23);   // 67: 2.40 3.78 4.46 5.84 6.52 -> 2 4 4 6 7
alloc([5000, 1000], 50000);       // capped at the subtotal
alloc([5000, 1000], 400, ['voucher_discount' => 5800]); // the voucher is not spread: 200 left
alloc([5000, 1000], 400, ['voucher_discount' => 6000]);

// qty * price, sku echoed (string, int or null), category accepted
$e = new Loyalty\Engine(['advantages' => [['id' => 'p', 'tiers' => [['discount_percent' => 10]]]]]);
$r = $e->evaluate(['lines' => [
    ['sku' => 'TEA-01', 'qty' => 4, 'price' => 1250, 'category' => 'tea'],
    ['sku' => 42, 'qty' => 1, 'price' => 11000],
    ['qty' => 3, 'price' => 333],
    ['sku' => 'FREE', 'qty' => 0, 'price' => 999],
]], [], $now);
echo $r->subtotal, ' ', $r->discount, PHP_EOL;
foreach ($r->lines as $l) { echo var_export($l['sku'], true), ' ', $l['amount'], ' ', $l['discount'], PHP_EOL; }

// advantages and the loyalty discount are spread together
$e = new Loyalty\Engine(['advantages' => [['id' => 'a', 'tiers' => [['discount' => 100]]]],
    'loyalty' => ['spend' => ['with_advantage' => true], 'brackets' => [['from' => 10, 'rate' => ['points' => 10, 'value' => 100]]]]]);
$r = $e->evaluate(['lines' => [['sku' => 'a', 'qty' => 1, 'price' => 2000], ['sku' => 'b', 'qty' => 1, 'price' => 1000]], 'shipping' => 500], ['points' => 64], $now);
echo $r->discount, ': ', implode(' ', array_column($r->lines, 'discount')), PHP_EOL;

// a cart given by subtotal has no lines; `lines` given (even empty) wins over `subtotal`
$r = $e->evaluate(['subtotal' => 3000], [], $now);
echo json_encode($r->lines), ' ', $r->subtotal, PHP_EOL;
$r = $e->evaluate(['lines' => [], 'subtotal' => 3000], [], $now);
echo json_encode($r->lines), ' ', $r->subtotal, PHP_EOL;

// property: the line discounts always sum to the discount and never exceed their line
mt_srand(42);
$bad = 0;
for ($i = 0; $i < 300; $i++) {
    $lines = [];
    for ($j = 0, $n = mt_rand(1, 9); $j < $n; $j++) { $lines[] = ['qty' => mt_rand(0, 5), 'price' => mt_rand(0, 100000)]; }
    $pct = mt_rand(1, 10000) / 100;
    $e = new Loyalty\Engine(['advantages' => [['id' => 'p', 'tiers' => [['discount_percent' => $pct]]]]]);
    $r = $e->evaluate(['lines' => $lines], [], $now);
    $sum = 0;
    foreach ($r->lines as $k => $l) {
        $sum += $l['discount'];
        if ($l['discount'] < 0 || $l['discount'] > $l['amount'] || $l['amount'] !== $lines[$k]['qty'] * $lines[$k]['price']) { $bad++; }
    }
    if ($sum !== $r->discount || count($r->lines) !== count($lines)) { $bad++; }
}
echo "bad: $bad\n";
?>
--EXPECT--
1000+1000+1000 -100: 34 33 33 = 100
1000+1000+1000 -200: 67 67 66 = 200
1+1+1 -2: 1 1 0 = 2
100+300+200 -100: 17 50 33 = 100
200+300+100 -100: 33 50 17 = 100
2500+5500 -500: 156 344 = 500
999+1 -900: 899 1 = 900
0+700+0+300 -10: 0 7 0 3 = 10
3+3+4 -10: 3 3 4 = 10
7+11+13+17+19 -23: 2 4 4 6 7 = 23
5000+1000 -50000: 5000 1000 = 6000
5000+1000 -400: 167 33 = 200
5000+1000 -400: 0 0 = 0
16999 1700
'TEA-01' 5000 500
42 11000 1100
NULL 999 100
'FREE' 0 0
700: 467 233
[] 3000
[] 0
bad: 0
