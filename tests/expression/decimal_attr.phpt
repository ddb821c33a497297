--TEST--
Expressions: a float attr.NAME is the decimal PHP prints for it, cut to 6 decimals; strings stay strings
--EXTENSIONS--
loyalty
--SKIPIF--
<?php
// its attributes are 64-bit PHP ints (PHP_INT_MAX at the int64 edge); tests/expression/int64_edges.phpt reaches the same edges with literals on every platform
if (PHP_INT_SIZE === 4) die('skip 64-bit PHP only');
?>
--INI--
date.timezone=UTC
serialize_precision=17
precision=10
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

// The shortest digits of the float whatever serialize_precision says (17 here), then cut
// toward zero to 6 decimals; beyond +-9223372036854.775807: null.
$floats = [
    '0.3' => [0.3, 'attr.x == 0.3'],
    '0.1 + 0.2' => [0.1 + 0.2, 'attr.x == 0.3'],
    '19.99' => [19.99, 'attr.x == 19.99 and attr.x * 100 == 1999'],
    '1 / 3' => [1 / 3, 'attr.x == 0.333333'],
    '2 / 3' => [2 / 3, 'attr.x == 0.666666 and attr.x < 0.666667'],
    '-2 / 3' => [-2 / 3, 'attr.x == 0 - 0.666666'],
    '1.0E-7' => [1.0E-7, 'attr.x == 0 and not (attr.x > 0)'],
    '1.5E-6' => [1.5E-6, 'attr.x == 0.000001'],
    '-1.5E-6' => [-1.5E-6, 'attr.x == 0 - 0.000001'],
    '123456.7890123' => [123456.7890123, 'attr.x == 123456.789012'],
    '-0.0' => [-0.0, 'attr.x == 0'],
    '5.0' => [5.0, 'attr.x == 5 and attr.x / 2 == 2.5'],
    '9223372036854.775' => [9223372036854.775, 'attr.x == 9223372036854.775'],
    '-9223372036854.775' => [-9223372036854.775, 'attr.x == 0 - 9223372036854.775'],
    '9300000000000.0 (beyond)' => [9300000000000.0, 'attr.x > 0 or attr.x <= 0'],
    '1.0E+15 (beyond)' => [1.0E+15, 'attr.x > 0 or attr.x <= 0'],
    '1.0E+300 (beyond)' => [1.0E+300, 'attr.x > 5 or attr.x <= 5'],
    '-1.0E+300 (beyond)' => [-1.0E+300, 'not (attr.x < 0)'],
    '1.0E-300' => [1.0E-300, 'attr.x == 0'],
    'PHP_FLOAT_EPSILON' => [PHP_FLOAT_EPSILON, 'attr.x == 0'],
    'PHP_FLOAT_MAX' => [PHP_FLOAT_MAX, 'not (attr.x > 0)'],
];
foreach ($floats as $label => [$x, $expr]) {
    echo str_pad($label, 26), $expr, ' => ', var_export(check($expr, ['attributes' => ['x' => $x]]), true), "\n";
}

echo "--- ints are ints; a numeric string stays a string (null against a number)\n";
$c = ['attributes' => ['n' => 7, 'big' => PHP_INT_MAX, 's' => '0.3', 'i' => '42']];
show('attr.n / 2 == 3', $c);
show('attr.n / 2.0 == 3.5', $c);
show('attr.big > 9223372036854.775807', $c);
show('attr.big * 1.0 > 0 or attr.big * 1.0 <= 0', $c);
show('attr.s == 0.3', $c);
show('attr.s != 0.3', $c);
show("attr.s == '0.3'", $c);
show('attr.s + 0.1 > 0', $c);
show('attr.i == 42', $c);
show("attr.i in ['42']", $c);

echo "--- INF and NAN are refused, as before\n";
$engine = new Loyalty\Engine(['segments' => ['s' => 'attr.x > 0']]);
foreach ([INF, -INF, NAN] as $x) {
    try {
        $engine->inSegment('s', ['attributes' => ['x' => $x]]);
    } catch (Loyalty\InputException $e) {
        echo $e->getMessage(), "\n";
    }
    try {
        $engine->filter('s', [7 => ['id' => 7, 'attributes' => ['x' => $x]]]);
    } catch (Loyalty\InputException $e) {
        echo $e->getMessage(), "\n";
    }
}
?>
--EXPECT--
0.3                       attr.x == 0.3 => true
0.1 + 0.2                 attr.x == 0.3 => true
19.99                     attr.x == 19.99 and attr.x * 100 == 1999 => true
1 / 3                     attr.x == 0.333333 => true
2 / 3                     attr.x == 0.666666 and attr.x < 0.666667 => true
-2 / 3                    attr.x == 0 - 0.666666 => true
1.0E-7                    attr.x == 0 and not (attr.x > 0) => true
1.5E-6                    attr.x == 0.000001 => true
-1.5E-6                   attr.x == 0 - 0.000001 => true
123456.7890123            attr.x == 123456.789012 => true
-0.0                      attr.x == 0 => true
5.0                       attr.x == 5 and attr.x / 2 == 2.5 => true
9223372036854.775         attr.x == 9223372036854.775 => true
-9223372036854.775        attr.x == 0 - 9223372036854.775 => true
9300000000000.0 (beyond)  attr.x > 0 or attr.x <= 0 => false
1.0E+15 (beyond)          attr.x > 0 or attr.x <= 0 => false
1.0E+300 (beyond)         attr.x > 5 or attr.x <= 5 => false
-1.0E+300 (beyond)        not (attr.x < 0) => true
1.0E-300                  attr.x == 0 => true
PHP_FLOAT_EPSILON         attr.x == 0 => true
PHP_FLOAT_MAX             not (attr.x > 0) => true
--- ints are ints; a numeric string stays a string (null against a number)
attr.n / 2 == 3 => true
attr.n / 2.0 == 3.5 => true
attr.big > 9223372036854.775807 => true
attr.big * 1.0 > 0 or attr.big * 1.0 <= 0 => false
attr.s == 0.3 => false
attr.s != 0.3 => false
attr.s == '0.3' => true
attr.s + 0.1 > 0 => false
attr.i == 42 => false
attr.i in ['42'] => true
--- INF and NAN are refused, as before
customer.attributes.x: expected a finite number, got INF
customers[7].attributes.x: expected a finite number, got INF
customer.attributes.x: expected a finite number, got -INF
customers[7].attributes.x: expected a finite number, got -INF
customer.attributes.x: expected a finite number, got NAN
customers[7].attributes.x: expected a finite number, got NAN
