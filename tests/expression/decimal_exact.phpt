--TEST--
Expressions: decimals compute as written (0.1 + 0.2 == 0.3), in segmentsOf(), inSegment() and filter()
--EXTENSIONS--
loyalty
--INI--
date.timezone=UTC
--FILE--
<?php
const NOW = 1700000000; // 2023-11-14 22:13:20 UTC

function check(string $expr, array $customer = [], $now = NOW): bool {
    $p = Loyalty\Program::fromArray(['segments' => ['s' => $expr]]);
    return (new Loyalty\Engine($p))->inSegment('s', $customer, $now);
}
function show(string $expr, array $customer = []): void {
    echo $expr, ' => ', var_export(check($expr, $customer), true), "\n";
}

// Each of these is false with binary floats (PHP: 0.1 + 0.2 == 0.3 is false).
echo "--- literals\n";
show('0.1 + 0.2 == 0.3');
show('0.1 + 0.2 - 0.3 == 0');
show('0.3 - 0.1 == 0.2');
show('1.1 * 3 == 3.3');
show('0.07 * 100 == 7');
show('4.35 * 100 == 435');
show('1.15 * 100 >= 115');
show('0.1 + 0.7 >= 0.8');
show('(0.1 + 0.7) * 10 >= 8');
show('0.3 / 0.1 == 3');
show('9.95 / 0.05 == 199');
show('0.000001 * 1000000 == 1');
$ten = implode(' + ', array_fill(0, 10, '0.1'));
show("$ten == 1");

echo "--- attr.rate given as a PHP float\n";
foreach ([0.3, 0.1 + 0.2, 0.30000000000000004, 3 / 10, 0.29999999999999999] as $rate) {
    $c = ['attributes' => ['rate' => $rate]];
    echo var_export($rate, true), ': == 0.3 ', var_export(check('attr.rate == 0.3', $c), true),
        ', * 10 == 3 ', var_export(check('attr.rate * 10 == 3', $c), true),
        ', + 0.7 == 1 ', var_export(check('attr.rate + 0.7 == 1', $c), true), "\n";
}

echo "--- spent is int cents: average basket in euros at the boundary\n";
// 24045 cents over 3 orders is exactly 80.15 euros; with floats 80.14999999999999.
foreach ([24044, 24045, 24046] as $spent) {
    $c = ['orders' => 3, 'spent' => $spent];
    echo "spent $spent: ",
        '/ 100.0 / orders >= 80.15 ', var_export(check('spent / 100.0 / orders >= 80.15', $c), true),
        ', / orders / 100.0 >= 80.15 ', var_export(check('spent / orders / 100.0 >= 80.15', $c), true),
        ', * 0.01 / orders >= 80.15 ', var_export(check('spent * 0.01 / orders >= 80.15', $c), true),
        ', / orders >= 8015 ', var_export(check('spent / orders >= 8015', $c), true), "\n";
}
// int / int stays an int, truncated: 16101 / 2 is 8050, so >= 80.5 (in cents) is true and
// == 8050.5 false; a decimal on one side makes it exact.
$c = ['orders' => 2, 'spent' => 16101];
show('spent / orders >= 80.5', $c);
show('spent / orders == 8050', $c);
show('spent / orders == 8050.5', $c);
show('spent / 2.0 == 8050.5', $c);
show('spent / orders * 1.0 == 8050', $c);
show('spent >= 50000', ['spent' => 50000]);
show('spent >= 500.00 * 100', ['spent' => 50000]);
show('spent >= 500.01 * 100', ['spent' => 50000]);

echo "--- segmentsOf() and filter()\n";
$engine = new Loyalty\Engine(['segments' => [
    'exact'   => '0.1 + 0.2 == 0.3',
    'rate'    => 'attr.rate == 0.3',
    'average' => 'orders > 0 and spent / 100.0 / orders >= 80.15',
    'cheap'   => 'attr.price * 3 <= 59.97',
]]);
$customers = [
    'a' => ['id' => 'a', 'orders' => 3, 'spent' => 24045, 'attributes' => ['rate' => 0.1 + 0.2, 'price' => 19.99]],
    'b' => ['id' => 'b', 'orders' => 3, 'spent' => 24044, 'attributes' => ['rate' => 0.31, 'price' => 19.990001]],
    'c' => ['id' => 'c', 'orders' => 7, 'spent' => 56105, 'attributes' => ['rate' => 3 / 10, 'price' => 19.989]],
];
foreach ($customers as $k => $c) {
    echo "$k: ", implode(', ', $engine->segmentsOf($c, NOW)), "\n";
}
foreach (['exact', 'rate', 'average', 'cheap'] as $s) {
    echo "filter($s): ", implode(', ', $engine->filter($s, $customers, NOW)), "\n";
}
?>
--EXPECT--
--- literals
0.1 + 0.2 == 0.3 => true
0.1 + 0.2 - 0.3 == 0 => true
0.3 - 0.1 == 0.2 => true
1.1 * 3 == 3.3 => true
0.07 * 100 == 7 => true
4.35 * 100 == 435 => true
1.15 * 100 >= 115 => true
0.1 + 0.7 >= 0.8 => true
(0.1 + 0.7) * 10 >= 8 => true
0.3 / 0.1 == 3 => true
9.95 / 0.05 == 199 => true
0.000001 * 1000000 == 1 => true
0.1 + 0.1 + 0.1 + 0.1 + 0.1 + 0.1 + 0.1 + 0.1 + 0.1 + 0.1 == 1 => true
--- attr.rate given as a PHP float
0.3: == 0.3 true, * 10 == 3 true, + 0.7 == 1 true
0.30000000000000004: == 0.3 true, * 10 == 3 true, + 0.7 == 1 true
0.30000000000000004: == 0.3 true, * 10 == 3 true, + 0.7 == 1 true
0.3: == 0.3 true, * 10 == 3 true, + 0.7 == 1 true
0.3: == 0.3 true, * 10 == 3 true, + 0.7 == 1 true
--- spent is int cents: average basket in euros at the boundary
spent 24044: / 100.0 / orders >= 80.15 false, / orders / 100.0 >= 80.15 false, * 0.01 / orders >= 80.15 false, / orders >= 8015 false
spent 24045: / 100.0 / orders >= 80.15 true, / orders / 100.0 >= 80.15 true, * 0.01 / orders >= 80.15 true, / orders >= 8015 true
spent 24046: / 100.0 / orders >= 80.15 true, / orders / 100.0 >= 80.15 true, * 0.01 / orders >= 80.15 true, / orders >= 8015 true
spent / orders >= 80.5 => true
spent / orders == 8050 => true
spent / orders == 8050.5 => false
spent / 2.0 == 8050.5 => true
spent / orders * 1.0 == 8050 => true
spent >= 50000 => true
spent >= 500.00 * 100 => true
spent >= 500.01 * 100 => false
--- segmentsOf() and filter()
a: all, average, cheap, customers, exact, loyal, rate
b: all, customers, exact, loyal
c: all, average, cheap, customers, exact, loyal, rate
filter(exact): a, b, c
filter(rate): a, c
filter(average): a, c
filter(cheap): a, c
