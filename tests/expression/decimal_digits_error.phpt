--TEST--
Expressions: decimal literals above 19 significant digits are compile errors
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

// decisions.md: decimal literals are limited to 19 significant digits.
err('attr.x > 1.234567890123456789');      // 19: compiles
err('attr.x > 1234567890.123456789');      // 19: compiles
err('attr.x > 0.0000001234567890123456789'); // 19 significant, leading zeros do not count
err('attr.x > 1.2345678901234567891');     // 20
err('attr.x > 12345678901.234567891');     // 20
err('attr.x > 1.0000000000000000000');     // 20
err('attr.x > 1.12345678901234567890');    // 21
?>
--EXPECT--
compiled: attr.x > 1.234567890123456789
compiled: attr.x > 1234567890.123456789
compiled: attr.x > 0.0000001234567890123456789
segments.s: decimal literal has too many digits at column 10
attr.x > 1.2345678901234567891
         ^
segments.s: decimal literal has too many digits at column 10
attr.x > 12345678901.234567891
         ^
segments.s: decimal literal has too many digits at column 10
attr.x > 1.0000000000000000000
         ^
segments.s: decimal literal has too many digits at column 10
attr.x > 1.12345678901234567890
         ^
