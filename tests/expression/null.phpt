--TEST--
Expressions: null semantics (missing values, overflow, division by zero)
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

// SPEC 10: null (missing field, missing attr.*, days_since_* with no order, run-time overflow,
// division by zero): every comparison with null is false, != / not in / not like included;
// not (x > 1) is true when x is null.
$c = ['orders' => 3, 'spent' => PHP_INT_MAX, 'attributes' => ['big' => 1.0e308]];
// (an attribute of the wrong kind is covered by in_attr_wrong_kind.phpt)
$nulls = [
    'city' => ['string', "'Paris'"],
    'postcode' => ['string', "'75011'"],
    'country' => ['string', "'FR'"],
    'lower(city)' => ['string', "'paris'"],
    'days_since_first_order' => ['number', '1'],
    'days_since_last_order' => ['number', '1'],
    'attr.missing' => ['any', '1'],
    'orders / 0' => ['number', '1'],
    'orders / (orders - 3)' => ['number', '1'],
    'orders / 0.0' => ['number', '1'],
    'spent + 1' => ['number', '1'],
    'spent * 2' => ['number', '1'],
    '0 - spent - 2' => ['number', '1'],
    '(0 - spent - 1) / (0 - 1)' => ['number', '1'],
    'attr.big * 10.0' => ['number', '1'],
    'attr.missing + 1' => ['number', '1'],
    '(orders / 0) * 0' => ['number', '0'],
];
foreach ($nulls as $x => [$type, $v]) {
    $ops = ['==', '!=', '<', '<=', '>', '>='];
    $exprs = [];
    foreach ($ops as $op) {
        $exprs[] = "$x $op $v";
    }
    if ($type !== 'number') {
        $exprs[] = "$x in [$v]";
        $exprs[] = "$x not in [$v]";
    }
    if ($type === 'string') {
        $exprs[] = "$x like '*'";
        $exprs[] = "$x not like '*'";
    }
    if ($type === 'number') {
        $exprs[] = "$x in [$v]";
        $exprs[] = "$x not in [$v]";
    }
    $true = $notFalse = [];
    foreach ($exprs as $e) {
        if (check($e, $c)) {
            $true[] = $e;
        }
        if (!check("not ($e)", $c)) {
            $notFalse[] = "not ($e)";
        }
    }
    printf("%-26s %d comparisons, true: %s; negations false: %s\n", $x, count($exprs),
        $true ? implode(', ', $true) : 'none', $notFalse ? implode(', ', $notFalse) : 'none');
}

echo "--- null against null\n";
show('city == postcode', []);
show('city != postcode', []);
show('days_since_first_order == days_since_last_order', []);
show('attr.a == attr.b', []);
show('attr.a != attr.b', []);
echo "--- in and/or, and as a condition\n";
show("city == 'x' or true", []);
show("city != 'x' and true", []);
show("not (city == 'x') and not (city != 'x')", []);
show('not (days_since_last_order > 1)', []);
show('not (days_since_last_order <= 1)', []);
show('attr.flag', []);
show('not attr.flag', []);
show('attr.flag or attr.other', []);
echo "--- the same expressions are true once the value exists\n";
$full = ['city' => 'Paris', 'last_order' => NOW - 2 * 86400];
show("city != 'x'", $full);
show("city not in ['x']", $full);
show("city not like 'x*'", $full);
show('days_since_last_order > 1', $full);
?>
--EXPECT--
city                       10 comparisons, true: none; negations false: none
postcode                   10 comparisons, true: none; negations false: none
country                    10 comparisons, true: none; negations false: none
lower(city)                10 comparisons, true: none; negations false: none
days_since_first_order     8 comparisons, true: none; negations false: none
days_since_last_order      8 comparisons, true: none; negations false: none
attr.missing               8 comparisons, true: none; negations false: none
orders / 0                 8 comparisons, true: none; negations false: none
orders / (orders - 3)      8 comparisons, true: none; negations false: none
orders / 0.0               8 comparisons, true: none; negations false: none
spent + 1                  8 comparisons, true: none; negations false: none
spent * 2                  8 comparisons, true: none; negations false: none
0 - spent - 2              8 comparisons, true: none; negations false: none
(0 - spent - 1) / (0 - 1)  8 comparisons, true: none; negations false: none
attr.big * 10.0            8 comparisons, true: none; negations false: none
attr.missing + 1           8 comparisons, true: none; negations false: none
(orders / 0) * 0           8 comparisons, true: none; negations false: none
--- null against null
city == postcode => false
city != postcode => false
days_since_first_order == days_since_last_order => false
attr.a == attr.b => false
attr.a != attr.b => false
--- in and/or, and as a condition
city == 'x' or true => true
city != 'x' and true => false
not (city == 'x') and not (city != 'x') => true
not (days_since_last_order > 1) => true
not (days_since_last_order <= 1) => true
attr.flag => false
not attr.flag => true
attr.flag or attr.other => false
--- the same expressions are true once the value exists
city != 'x' => true
city not in ['x'] => true
city not like 'x*' => true
days_since_last_order > 1 => true
