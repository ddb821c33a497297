--TEST--
Expressions: 4096 bytes compile, 4097 bytes are a compile error
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

// SPEC 5: expressions longer than 4 KiB are compile errors; 4096 bytes compile.
function first(string $expr, array $c = []): string {
    try {
        return 'ok ' . var_export(check($expr, $c), true);
    } catch (Loyalty\ExpressionException $e) {
        return strtok($e->getMessage(), "\n") . ' (code ' . $e->getCode() . ')';
    }
}
foreach ([4095, 4096, 4097, 4098, 10240] as $len) {
    $prefix = "city == '";
    $expr = $prefix . str_repeat('x', $len - strlen($prefix) - 1) . "'";
    echo strlen($expr), ': ', first($expr, ['city' => str_repeat('x', $len - strlen($prefix) - 1)]), "\n";
}
// padding counts: whitespace is part of the source
foreach ([4096, 4097] as $len) {
    $expr = str_repeat(' ', $len - 10) . 'orders > 0';
    echo strlen($expr), ': ', first($expr, ['orders' => 1]), "\n";
}
// multi-byte characters count in bytes
$expr = "city == '" . str_repeat('é', 2043) . "'";
echo strlen($expr), ': ', first($expr, ['city' => str_repeat('é', 2043)]), "\n";
$expr = "city == '" . str_repeat('é', 2044) . "'";
echo strlen($expr), ': ', first($expr), "\n";
// the limit also holds for an advantage's inline expression
try {
    new Loyalty\Engine(['advantages' => [['id' => 'a', 'segment' => str_repeat(' ', 4090) . 'orders > 0', 'tiers' => [['discount' => 1]]]]]);
} catch (Loyalty\ExpressionException $e) {
    echo strtok($e->getMessage(), "\n"), "\n";
}
?>
--EXPECT--
4095: ok true
4096: ok true
4097: segments.s: expression is longer than 4096 bytes at column 4097 (code 2)
4098: segments.s: expression is longer than 4096 bytes at column 4097 (code 2)
10240: segments.s: expression is longer than 4096 bytes at column 4097 (code 2)
4096: ok true
4097: segments.s: expression is longer than 4096 bytes at column 4097 (code 2)
4096: ok true
4098: segments.s: expression is longer than 4096 bytes at column 4097 (code 2)
advantages[0].segment: expression is longer than 4096 bytes at column 4097
