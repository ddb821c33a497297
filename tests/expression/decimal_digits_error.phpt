--TEST--
Expressions: a decimal literal that cannot be held exactly (more than 6 decimals, beyond the range) is a compile error
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
function err(string $expr): void {
    try {
        check($expr);
        echo "compiled: $expr\n";
    } catch (Loyalty\ExpressionException $e) {
        echo $e->getMessage(), " [code ", $e->getCode(), "]\n";
    }
}

// docs/expressions.md, Decimals: 6 digits after the point, trailing zeros aside;
// at most 9223372036854.775807 (INT64_MAX millionths).
err('attr.x > 1.123456');
err('attr.x > 0.000001');
err('attr.x > 1.1234560000000000000000');
err('attr.x > 0000000000000000000001.5');
err('attr.x > 9223372036854.775807');
err('attr.x > 1.1234567');
err('attr.x > 0.0000001');
err('attr.x > 1.12345678901234567890');
err('orders == 2 and attr.x > 9223372036854.775808');
err('attr.x > 9223372036855.0');
err('attr.x > 99999999999999999999.5');
// the engine, filter() and the inline segment of an advantage report it the same way
try {
    new Loyalty\Engine(['segments' => ['vip' => 'attr.rate >= 0.0000005']]);
} catch (Loyalty\ExpressionException $e) {
    echo $e->getMessage(), "\n";
}
try {
    new Loyalty\Engine(['advantages' => [['id' => 'a', 'segment' => 'attr.rate * 1.3333333 > 1', 'tiers' => [['discount' => 100]]]]]);
} catch (Loyalty\ExpressionException $e) {
    echo $e->getMessage(), "\n";
}
?>
--EXPECT--
compiled: attr.x > 1.123456
compiled: attr.x > 0.000001
compiled: attr.x > 1.1234560000000000000000
compiled: attr.x > 0000000000000000000001.5
compiled: attr.x > 9223372036854.775807
segments.s: decimal literal has more than 6 digits after the point at column 10
attr.x > 1.1234567
         ^ [code 2]
segments.s: decimal literal has more than 6 digits after the point at column 10
attr.x > 0.0000001
         ^ [code 2]
segments.s: decimal literal has more than 6 digits after the point at column 10
attr.x > 1.12345678901234567890
         ^ [code 2]
segments.s: decimal literal exceeds 9223372036854.775807 at column 26
orders == 2 and attr.x > 9223372036854.775808
                         ^ [code 2]
segments.s: decimal literal exceeds 9223372036854.775807 at column 10
attr.x > 9223372036855.0
         ^ [code 2]
segments.s: decimal literal exceeds 9223372036854.775807 at column 10
attr.x > 99999999999999999999.5
         ^ [code 2]
segments.vip: decimal literal has more than 6 digits after the point at column 14
attr.rate >= 0.0000005
             ^
advantages[0].segment: decimal literal has more than 6 digits after the point at column 13
attr.rate * 1.3333333 > 1
            ^
