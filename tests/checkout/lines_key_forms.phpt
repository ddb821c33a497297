--TEST--
Cart lines give the same answer and the same errors however their arrays were made: written in PHP code (interned keys, read in one pass), decoded from JSON, in another key order, with other keys, behind references
--EXTENSIONS--
loyalty
--FILE--
<?php
$engine = new Loyalty\Engine(['advantages' => [
    ['id' => 'book', 'segment' => 'all', 'lines' => "category == 'books'", 'tiers' => [['discount_percent' => 10]]],
    ['id' => 'big', 'segment' => 'all', 'tiers' => [['from' => 5000, 'discount' => 300]]],
]]);
$now = 1700000000;
$show = function (array $cart) use ($engine, $now) {
    try {
        $r = $engine->evaluate($cart, ['orders' => 2], $now);
        return json_encode([$r->subtotal, $r->discount, $r->lines]);
    } catch (Loyalty\InputException $e) {
        return $e->getMessage();
    }
};
$literal = ['lines' => [['sku' => 'A', 'qty' => 2, 'price' => 1500], ['sku' => 'B', 'qty' => 1, 'price' => 2500]]];
$forms = [
    'literal' => $literal,
    'json' => json_decode(json_encode($literal), true),
    'order' => ['lines' => [['price' => 1500, 'qty' => 2, 'sku' => 'A'], ['qty' => 1, 'price' => 2500, 'sku' => 'B']]],
    'extra' => ['lines' => [['sku' => 'A', 'qty' => 2, 'price' => 1500, 'name' => 'x'], ['sku' => 'B', 'qty' => 1, 'price' => 2500]]],
    'deleted' => (function () use ($literal) { $c = $literal; $c['lines'][0]['tmp'] = 1; unset($c['lines'][0]['tmp']); return $c; })(),
    'reference' => (function () use ($literal) { $c = $literal; $q = 2; $c['lines'][0]['qty'] = &$q; return $c; })(),
];
$expected = $show($literal);
echo $expected, "\n";
foreach ($forms as $name => $cart) {
    echo $name, ': ', $show($cart) === $expected ? 'same' : $show($cart), "\n";
}
// a category on a line counts whatever the form (the books advantage wins the tie, first written)
$books = ['lines' => [['sku' => 'A', 'qty' => 2, 'price' => 1500, 'category' => 'books'], ['sku' => 'B', 'qty' => 1, 'price' => 2500]]];
echo $show($books), "\n", $show(json_decode(json_encode($books), true)) === $show($books) ? 'same' : 'differ', "\n";
// errors name the line and key in every form
$bad = [
    ['sku' => 'A', 'qty' => '2', 'price' => 1500],
    ['sku' => 'A', 'qty' => 2, 'price' => -1],
    ['sku' => 1.5, 'qty' => 2, 'price' => 1500],
    ['sku' => 'A', 'qty' => 2, 'cost' => 1500],
    ['sku' => 'A', 'qty' => 2, 'price' => null],
    ['sku' => 7, 'qty' => 2.5, 'price' => 1],
];
foreach ($bad as $line) {
    $a = $show(['lines' => [['sku' => 'Z', 'qty' => 1, 'price' => 1], $line]]);
    $b = $show(json_decode(json_encode(['lines' => [['sku' => 'Z', 'qty' => 1, 'price' => 1], $line]]), true));
    echo $a, $a === $b ? '' : " / json: $b", "\n";
}
?>
--EXPECT--
[5500,300,[{"sku":"A","amount":3000,"discount":164},{"sku":"B","amount":2500,"discount":136}]]
literal: same
json: same
order: same
extra: same
deleted: same
reference: same
[5500,300,[{"sku":"A","amount":3000,"discount":300},{"sku":"B","amount":2500,"discount":0}]]
same
cart.lines[1].qty: expected int, got string
cart.lines[1].price: must be >= 0, got -1
cart.lines[1].sku: expected string, got float
cart.lines[1].price: is required
cart.lines[1].price: is required
cart.lines[1].qty: expected int, got float
