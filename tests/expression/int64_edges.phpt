--TEST--
Expressions: the int64 and decimal edges reached with literals, so that 32-bit PHP tests them too (overflow is null, never a wrap)
--EXTENSIONS--
loyalty
--INI--
date.timezone=UTC
--FILE--
<?php
// The expression language counts in 64 bits on every platform. arithmetic.phpt, null.phpt,
// literals.phpt and the decimal tests reach its edges through customer fields holding 64-bit
// PHP ints, which a 32-bit PHP cannot pass (they skip there); the same edges as literals:
function show(string $expr, array $customer = []): void {
    $p = Loyalty\Program::fromArray(['segments' => ['s' => $expr]]);
    echo $expr, ' => ', var_export((new Loyalty\Engine($p))->inSegment('s', $customer, 1700000000), true), "\n";
}
const MAX = '9223372036854775807';
echo "--- int64\n";
foreach ([
    'MAX + 1 > 0', 'MAX + 1 < 0', 'MAX + 1 != 0', 'not (MAX + 1 > 0)', 'MAX + 1 - 1 == MAX',
    'MAX * 2 > 0', 'MAX * 2 < 0', 'not (MAX * 2 < 0)',
    '0 - MAX - 2 < 0', 'not (0 - MAX - 2 < 0)', '0 - MAX - 1 < 0',
    '(0 - MAX - 1) / (0 - 1) > 0', '(0 - MAX - 1) / (0 - 1) < 0', '(0 - MAX - 1) * (0 - 1) > 0',
    'MAX - 1 + 1 == MAX', 'MAX / 2 * 2 == MAX - 1', 'MAX > MAX - 1', 'MAX == 9223372036854775807',
    'orders + MAX > 0', 'orders + MAX - MAX == orders',
] as $e) {
    show(str_replace('MAX', MAX, $e), ['orders' => 3]);
}
echo "--- decimals\n";
foreach ([
    '9223372036854.775807 + 0.000001 > 0', 'not (9223372036854.775807 + 0.000001 > 0)',
    '0 - 9223372036854.775807 - 0.000001 < 0', '0 - 9223372036854.775807 < 0',
    '9223372036854.775807 * 1.000001 > 0', 'not (9223372036854.775807 * 1.000001 > 0)',
    '3037000.5 * 3037000.5 > 0', '3037000.4 * 3037000.4 == 9223371429600.16',
    '9223372036854.775807 / 0.1 > 0', '9223372036854 * 1.0 == 9223372036854', '9223372036855 * 1.0 > 0',
] as $e) {
    show($e);
}
?>
--EXPECT--
--- int64
9223372036854775807 + 1 > 0 => false
9223372036854775807 + 1 < 0 => false
9223372036854775807 + 1 != 0 => false
not (9223372036854775807 + 1 > 0) => true
9223372036854775807 + 1 - 1 == 9223372036854775807 => false
9223372036854775807 * 2 > 0 => false
9223372036854775807 * 2 < 0 => false
not (9223372036854775807 * 2 < 0) => true
0 - 9223372036854775807 - 2 < 0 => false
not (0 - 9223372036854775807 - 2 < 0) => true
0 - 9223372036854775807 - 1 < 0 => true
(0 - 9223372036854775807 - 1) / (0 - 1) > 0 => false
(0 - 9223372036854775807 - 1) / (0 - 1) < 0 => false
(0 - 9223372036854775807 - 1) * (0 - 1) > 0 => false
9223372036854775807 - 1 + 1 == 9223372036854775807 => true
9223372036854775807 / 2 * 2 == 9223372036854775807 - 1 => true
9223372036854775807 > 9223372036854775807 - 1 => true
9223372036854775807 == 9223372036854775807 => true
orders + 9223372036854775807 > 0 => false
orders + 9223372036854775807 - 9223372036854775807 == orders => false
--- decimals
9223372036854.775807 + 0.000001 > 0 => false
not (9223372036854.775807 + 0.000001 > 0) => true
0 - 9223372036854.775807 - 0.000001 < 0 => false
0 - 9223372036854.775807 < 0 => true
9223372036854.775807 * 1.000001 > 0 => false
not (9223372036854.775807 * 1.000001 > 0) => true
3037000.5 * 3037000.5 > 0 => false
3037000.4 * 3037000.4 == 9223371429600.16 => true
9223372036854.775807 / 0.1 > 0 => false
9223372036854 * 1.0 == 9223372036854 => true
9223372036855 * 1.0 > 0 => false