--TEST--
Expressions: arithmetic, int truncation, overflow and division by zero
--EXTENSIONS--
loyalty
--SKIPIF--
<?php
// its customer fields are 64-bit PHP ints (spent = PHP_INT_MAX at the int64 edge); tests/expression/int64_edges.phpt reaches the same edges with literals on every platform
if (PHP_INT_SIZE === 4) die('skip 64-bit PHP only');
?>
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
function err(string $expr): void {
    try {
        check($expr);
        echo "compiled: $expr\n";
    } catch (Loyalty\ExpressionException $e) {
        echo $e->getMessage(), "\n";
    }
}

$c = ['orders' => 7, 'spent' => 1299, 'points' => 0, 'attributes' => ['rate' => 1.5, 'n' => 4]];
echo "--- + - * /\n";
show('orders + 3 == 10', $c);
show('orders - 10 == 0 - 3', $c);
show('orders * 3 == 21', $c);
show('orders / 7 == 1', $c);
show('spent + orders - points * 2 == 1306', $c);
show('orders + orders + orders + orders == 28', $c);
show('count(groups) + 1 == 1', $c);
echo "--- int / int truncates toward zero\n";
show('orders / 2 == 3', $c);
show('orders / 2 == 3.5', $c);
show('(0 - orders) / 2 == 0 - 3', $c);
show('(0 - orders) / 2 == 0 - 4', $c);
show('orders / (0 - 2) == 0 - 3', $c);
show('(0 - orders) / (0 - 2) == 3', $c);
show('2 / 3 == 0', $c);
show('spent / 100 == 12', $c);
show('spent / 100 >= 12.5', $c);
show('spent / 100 * 100 == 1200', $c);
echo "--- a decimal operand gives a decimal result\n";
show('orders / 2.0 == 3.5', $c);
show('spent / 100.0 > 12.98', $c);
show('orders * 1.5 == 10.5', $c);
show('1.5 + 1.5 == 3', $c);
show('12.5 * 2 == 25', $c);
show('1 / 4.0 == 0.25', $c);
show('attr.rate * 2 == 3', $c);
show('attr.n / 3 == 1', $c);
show('attr.n + attr.rate == 5.5', $c);
echo "--- overflow gives null (never a wrap)\n";
$max = ['spent' => PHP_INT_MAX, 'orders' => 2, 'points' => 0];
foreach ([
    'spent + 1 > 0', 'spent + 1 < 0', 'spent + 1 != 0', 'not (spent + 1 > 0)',
    'spent + 1 - 1 == spent',
    'spent * orders > 0', 'spent * orders < 0', 'not (spent * orders < 0)',
    '0 - spent - 2 < 0', 'not (0 - spent - 2 < 0)',
    '0 - spent - 1 < 0',
    '(0 - spent - 1) / (0 - 1) > 0', '(0 - spent - 1) / (0 - 1) < 0',
    '(0 - spent - 1) * (0 - 1) > 0',
    '9223372036854775807 + 1 > 0', 'not (9223372036854775807 + 1 > 0)',
    'spent - 1 + 1 == spent',
    'spent / orders * orders == spent - 1',
] as $e) {
    show($e, $max);
}
show('attr.big * 10.0 > 0', ['attributes' => ['big' => 1.0e308]]);
show('not (attr.big * 10.0 > 0)', ['attributes' => ['big' => 1.0e308]]);
echo "--- division by zero gives null\n";
foreach ([
    'orders / 0 == 0', 'orders / 0 != 0', 'not (orders / 0 == 0)',
    'orders / points > 0', 'orders / points <= 0', 'not (orders / points <= 0)',
    'orders / 0.0 == 0', 'orders / 0.0 >= 0', 'not (orders / 0.0 >= 0)',
    '0 / 0 == 0', '0.0 / 0.0 == 0',
    'orders / 0 + 1 > 0', 'orders / 0 * 0 == 0', 'orders / 0 in [0, 1, 2]',
    'orders / 0 not in [0, 1, 2]',
    '0 / orders == 0',
] as $e) {
    show($e, $max);
}
echo "--- type errors\n";
err("'a' + 'b' == 'ab'");
err("city * 2 == 2");
err("orders - true > 0");
err("groups + 1 > 0");
err("orders / [1] > 0");
?>
--EXPECT--
--- + - * /
orders + 3 == 10 => true
orders - 10 == 0 - 3 => true
orders * 3 == 21 => true
orders / 7 == 1 => true
spent + orders - points * 2 == 1306 => true
orders + orders + orders + orders == 28 => true
count(groups) + 1 == 1 => true
--- int / int truncates toward zero
orders / 2 == 3 => true
orders / 2 == 3.5 => false
(0 - orders) / 2 == 0 - 3 => true
(0 - orders) / 2 == 0 - 4 => false
orders / (0 - 2) == 0 - 3 => true
(0 - orders) / (0 - 2) == 3 => true
2 / 3 == 0 => true
spent / 100 == 12 => true
spent / 100 >= 12.5 => false
spent / 100 * 100 == 1200 => true
--- a decimal operand gives a decimal result
orders / 2.0 == 3.5 => true
spent / 100.0 > 12.98 => true
orders * 1.5 == 10.5 => true
1.5 + 1.5 == 3 => true
12.5 * 2 == 25 => true
1 / 4.0 == 0.25 => true
attr.rate * 2 == 3 => true
attr.n / 3 == 1 => true
attr.n + attr.rate == 5.5 => true
--- overflow gives null (never a wrap)
spent + 1 > 0 => false
spent + 1 < 0 => false
spent + 1 != 0 => false
not (spent + 1 > 0) => true
spent + 1 - 1 == spent => false
spent * orders > 0 => false
spent * orders < 0 => false
not (spent * orders < 0) => true
0 - spent - 2 < 0 => false
not (0 - spent - 2 < 0) => true
0 - spent - 1 < 0 => true
(0 - spent - 1) / (0 - 1) > 0 => false
(0 - spent - 1) / (0 - 1) < 0 => false
(0 - spent - 1) * (0 - 1) > 0 => false
9223372036854775807 + 1 > 0 => false
not (9223372036854775807 + 1 > 0) => true
spent - 1 + 1 == spent => true
spent / orders * orders == spent - 1 => true
attr.big * 10.0 > 0 => false
not (attr.big * 10.0 > 0) => true
--- division by zero gives null
orders / 0 == 0 => false
orders / 0 != 0 => false
not (orders / 0 == 0) => true
orders / points > 0 => false
orders / points <= 0 => false
not (orders / points <= 0) => true
orders / 0.0 == 0 => false
orders / 0.0 >= 0 => false
not (orders / 0.0 >= 0) => true
0 / 0 == 0 => false
0.0 / 0.0 == 0 => false
orders / 0 + 1 > 0 => false
orders / 0 * 0 == 0 => false
orders / 0 in [0, 1, 2] => false
orders / 0 not in [0, 1, 2] => false
0 / orders == 0 => true
--- type errors
segments.s: '+' needs numbers, got string at column 5
'a' + 'b' == 'ab'
    ^
segments.s: '*' needs numbers, got string at column 6
city * 2 == 2
     ^
segments.s: '-' needs numbers, got bool at column 8
orders - true > 0
       ^
segments.s: '+' needs numbers, got list of strings at column 8
groups + 1 > 0
       ^
segments.s: '/' needs numbers, got list of numbers at column 8
orders / [1] > 0
       ^
