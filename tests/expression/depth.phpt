--TEST--
Expressions: nesting depth limit of 64, flat chains unlimited
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
function err(string $expr): void {
    try {
        check($expr);
        echo "compiled: $expr\n";
    } catch (Loyalty\ExpressionException $e) {
        echo $e->getMessage(), "\n";
    }
}

// SPEC 10: depth counts nested (), [], call parentheses and `not`: 64 levels compile, 65 fail;
// flat `a and b and c` chains do not nest.
function first(string $expr): string {
    try {
        return 'ok ' . var_export(check($expr, ['orders' => 1, 'groups' => ['g']]), true);
    } catch (Loyalty\ExpressionException $e) {
        return strtok($e->getMessage(), "\n");
    }
}
$wrap = fn(int $n, string $open, string $x, string $close = ')') => str_repeat($open, $n) . $x . str_repeat($close, $n);
foreach ([63, 64, 65] as $n) {
    echo "--- $n levels\n";
    echo "parens: ", first($wrap($n, '(', 'orders > 0')), "\n";
    echo "not:    ", first(str_repeat('not ', $n) . 'orders > 0'), "\n";
    echo "calls:  ", first($wrap($n, 'lower(', 'city') . " == 'x'"), "\n";
    echo "list:   ", first('orders in ' . $wrap($n - 1, '(', '[1]')), "\n";
    echo "not ( : ", first($wrap(intdiv($n, 2), 'not (', ($n % 2 ? 'not ' : '') . 'orders > 0')), "\n";
    echo "count([]): ", first($wrap($n - 2, '(', 'count([1]) == 1')), "\n";
    echo "segment(): ", first($wrap($n - 1, '(', "segment('loyal')")), "\n";
}
echo "--- siblings do not add up\n";
echo first($wrap(64, '(', 'orders > 0') . ' and ' . $wrap(64, '(', 'true') . ' or ' . $wrap(64, '(', 'false')), "\n";
echo first('orders in ' . $wrap(63, '(', '[1]') . ' and ' . $wrap(64, 'lower(', 'city') . " == 'x'"), "\n";
echo "--- the full message at 65\n";
err($wrap(65, '(', 'true'));
echo "--- flat chains of hundreds of terms\n";
$and = implode(' and ', array_fill(0, 270, 'orders > 0'));
echo strlen($and), ' ', first($and), "\n";
$or = implode(' or ', array_fill(0, 280, 'orders > 5')) . ' or true';
echo strlen($or), ' ', first($or), "\n";
$sum = implode(' + ', array_fill(0, 1000, '1')) . ' == 1000';
echo strlen($sum), ' ', first($sum), "\n";
$prod = implode('*', array_fill(0, 2000, '1')) . ' == 1';
echo strlen($prod), ' ', first($prod), "\n";
$list = "orders in [" . implode(',', array_fill(0, 2000, '2')) . ",1]";
echo strlen($list), ' ', first($list), "\n";
$mixed = implode(' or ', array_fill(0, 140, 'orders > 0 and orders < 5'));
$bools = implode(' and ', array_fill(0, 450, 'true'));
echo strlen($bools), ' ', first($bools), "\n";
echo strlen($mixed), ' ', first($mixed), "\n";
?>
--EXPECT--
--- 63 levels
parens: ok true
not:    ok false
calls:  ok false
list:   ok true
not ( : ok true
count([]): ok true
segment(): ok false
--- 64 levels
parens: ok true
not:    ok true
calls:  ok false
list:   ok true
not ( : ok true
count([]): ok true
segment(): ok false
--- 65 levels
parens: segments.s: expression is nested deeper than 64 levels at column 65
not:    segments.s: expression is nested deeper than 64 levels at column 257
calls:  segments.s: expression is nested deeper than 64 levels at column 390
list:   segments.s: expression is nested deeper than 64 levels at column 75
not ( : segments.s: expression is nested deeper than 64 levels at column 161
count([]): segments.s: expression is nested deeper than 64 levels at column 70
segment(): segments.s: expression is nested deeper than 64 levels at column 72
--- siblings do not add up
ok true
ok false
--- the full message at 65
segments.s: expression is nested deeper than 64 levels at column 65
(((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((true)))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))
                                                                ^
--- flat chains of hundreds of terms
4045 ok true
3924 ok true
4005 ok true
4004 ok true
4013 ok true
4045 ok true
4056 ok true
