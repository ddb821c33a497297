--TEST--
Expressions: decimal * and / cut toward zero to 6 decimals; overflow and division by zero are null
--EXTENSIONS--
loyalty
--SKIPIF--
<?php
// its customer fields are 64-bit PHP ints (orders and points past 2^31); tests/expression/int64_edges.phpt reaches the same edges with literals on every platform
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

echo "--- / cuts toward zero to 6 decimals\n";
show('1 / 3.0 == 0.333333');
show('2 / 3.0 == 0.666666');
show('2 / 3.0 == 0.666667');
show('0 - 2 / 3.0 == 0 - 0.666666');
show('(0 - 2) / 3.0 == 0 - 0.666666');
show('2 / (0 - 3.0) == 0 - 0.666666');
show('1 / 3.0 * 3 == 0.999999');
show('10 / 4.0 == 2.5');
show('0.000001 / 2 == 0');
show('0.000003 / 2 == 0.000001');
show('1 / 0.000001 == 1000000');
show('9223372036854.775807 / 3 == 3074457345618.258602');
show('9223372036854.775807 / 1.5 == 6148914691236.517204');
show('9223372036854.775807 / 9223372036854.775806 == 1');
show('9223372036854.775806 / 9223372036854.775807 == 0.999999');
echo "--- * cuts toward zero to 6 decimals\n";
show('0.000001 * 0.5 == 0');
show('0.000003 * 0.5 == 0.000001');
show('(0 - 0.000003) * 0.5 == 0 - 0.000001');
show('1.5 * 1.5 == 2.25');
show('9223372036854.775807 * 0.999999 == 9223362813482.738952');
show('4000000000.5 * 2000.25 == 8001000001000.125');
echo "--- int / int is unchanged: an int, truncated toward zero\n";
show('7 / 2 == 3');
show('7 / 2 == 3.5');
show('7 / 2.0 == 3.5');
show('7.0 / 2 == 3.5');
show('(0 - 7) / 2 == 0 - 3');
echo "--- overflow is null\n";
$max = ['spent' => PHP_INT_MAX, 'orders' => 9223372036854, 'points' => 9223372036855];
foreach ([
    '9223372036854.775807 + 0.000001 > 0', 'not (9223372036854.775807 + 0.000001 > 0)',
    '0 - 9223372036854.775807 - 0.000001 < 0', 'not (0 - 9223372036854.775807 - 0.000001 < 0)',
    '0 - 9223372036854.775807 < 0',
    '9223372036854.775807 * 1.000001 > 0', 'not (9223372036854.775807 * 1.000001 > 0)',
    '3037000.5 * 3037000.5 > 0', '3037000.5 * 3037000.5 < 0', '3037000.4 * 3037000.4 == 9223371429600.16',
    '9223372036854.775807 / 0.1 > 0', 'not (9223372036854.775807 / 0.1 > 0)',
    'orders * 1.0 == orders', 'orders + 0.5 > orders', 'points * 1.0 > 0', 'not (points * 1.0 > 0)',
    'points + 0.5 > 0', 'spent / 2.0 > 0', 'spent * 0.5 > 0', 'not (spent * 0.5 > 0)',
    'points / 2 * 1.5 > 0', 'spent - spent + 0.5 == 0.5',
] as $e) {
    show($e, $max);
}
echo "--- division by zero is null\n";
foreach ([
    'orders / 0.0 == 0', 'orders / 0.0 != 0', 'not (orders / 0.0 == 0)',
    '1.5 / 0 == 0', '1.5 / 0 != 0', '1.5 / (orders - orders) >= 0', '1.5 / 0.0 + 1 > 0',
    '0.0 / 0.0 == 0', '1.5 / 0.0 in [0, 1.5]', '1.5 / 0.0 not in [0, 1.5]',
    'attr.x / 0 > 0', 'attr.x / 0.000000 < 1', '0 / 1.5 == 0',
] as $e) {
    show($e, $max + ['attributes' => ['x' => 2.5]]);
}
echo "--- comparisons are exact whatever the size, never null\n";
foreach ([
    'spent > 9223372036854.775807', 'spent > 0.5', 'spent != 9223372036854.775807',
    'orders == 9223372036854.0', 'orders < 9223372036854.000001', 'orders > 9223372036853.999999',
    'points > 9223372036854.775807', '0 - spent < 0 - 9223372036854.775807',
    '0.000001 > 0', '0 - 0.000001 < 0', '0.1 + 0.2 in [0.3]', '0.30 == 0.3',
] as $e) {
    show($e, $max);
}
?>
--EXPECT--
--- / cuts toward zero to 6 decimals
1 / 3.0 == 0.333333 => true
2 / 3.0 == 0.666666 => true
2 / 3.0 == 0.666667 => false
0 - 2 / 3.0 == 0 - 0.666666 => true
(0 - 2) / 3.0 == 0 - 0.666666 => true
2 / (0 - 3.0) == 0 - 0.666666 => true
1 / 3.0 * 3 == 0.999999 => true
10 / 4.0 == 2.5 => true
0.000001 / 2 == 0 => true
0.000003 / 2 == 0.000001 => true
1 / 0.000001 == 1000000 => true
9223372036854.775807 / 3 == 3074457345618.258602 => true
9223372036854.775807 / 1.5 == 6148914691236.517204 => true
9223372036854.775807 / 9223372036854.775806 == 1 => true
9223372036854.775806 / 9223372036854.775807 == 0.999999 => true
--- * cuts toward zero to 6 decimals
0.000001 * 0.5 == 0 => true
0.000003 * 0.5 == 0.000001 => true
(0 - 0.000003) * 0.5 == 0 - 0.000001 => true
1.5 * 1.5 == 2.25 => true
9223372036854.775807 * 0.999999 == 9223362813482.738952 => true
4000000000.5 * 2000.25 == 8001000001000.125 => true
--- int / int is unchanged: an int, truncated toward zero
7 / 2 == 3 => true
7 / 2 == 3.5 => false
7 / 2.0 == 3.5 => true
7.0 / 2 == 3.5 => true
(0 - 7) / 2 == 0 - 3 => true
--- overflow is null
9223372036854.775807 + 0.000001 > 0 => false
not (9223372036854.775807 + 0.000001 > 0) => true
0 - 9223372036854.775807 - 0.000001 < 0 => false
not (0 - 9223372036854.775807 - 0.000001 < 0) => true
0 - 9223372036854.775807 < 0 => true
9223372036854.775807 * 1.000001 > 0 => false
not (9223372036854.775807 * 1.000001 > 0) => true
3037000.5 * 3037000.5 > 0 => false
3037000.5 * 3037000.5 < 0 => false
3037000.4 * 3037000.4 == 9223371429600.16 => true
9223372036854.775807 / 0.1 > 0 => false
not (9223372036854.775807 / 0.1 > 0) => true
orders * 1.0 == orders => true
orders + 0.5 > orders => true
points * 1.0 > 0 => false
not (points * 1.0 > 0) => true
points + 0.5 > 0 => false
spent / 2.0 > 0 => false
spent * 0.5 > 0 => false
not (spent * 0.5 > 0) => true
points / 2 * 1.5 > 0 => true
spent - spent + 0.5 == 0.5 => true
--- division by zero is null
orders / 0.0 == 0 => false
orders / 0.0 != 0 => false
not (orders / 0.0 == 0) => true
1.5 / 0 == 0 => false
1.5 / 0 != 0 => false
1.5 / (orders - orders) >= 0 => false
1.5 / 0.0 + 1 > 0 => false
0.0 / 0.0 == 0 => false
1.5 / 0.0 in [0, 1.5] => false
1.5 / 0.0 not in [0, 1.5] => false
attr.x / 0 > 0 => false
attr.x / 0.000000 < 1 => false
0 / 1.5 == 0 => true
--- comparisons are exact whatever the size, never null
spent > 9223372036854.775807 => true
spent > 0.5 => true
spent != 9223372036854.775807 => true
orders == 9223372036854.0 => true
orders < 9223372036854.000001 => true
orders > 9223372036853.999999 => true
points > 9223372036854.775807 => true
0 - spent < 0 - 9223372036854.775807 => true
0.000001 > 0 => true
0 - 0.000001 < 0 => true
0.1 + 0.2 in [0.3] => true
0.30 == 0.3 => true
