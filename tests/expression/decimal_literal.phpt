--TEST--
Expressions: a decimal literal equals the PHP float written the same way
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

// A decimal literal has the value PHP gives the same text: an attribute holding 19.99
// equals the literal 19.99: a float attribute is read by the digits PHP prints for it
// (docs/expressions.md, Decimals).
foreach (['0.07', '0.1', '0.11', '0.3', '1.15', '2.675', '4.35', '19.99', '0.123456', '1234.5678', '99.95'] as $lit) {
    $c = ['attributes' => ['x' => (float) $lit]];
    printf("%-12s == %s  >= %s  <= %s\n", $lit,
        var_export(check("attr.x == $lit", $c), true),
        var_export(check("attr.x >= $lit", $c), true),
        var_export(check("attr.x <= $lit", $c), true));
}
// every two-decimal price from 0.00 to 99.99
$bad = [];
$segments = [];
for ($i = 0; $i < 10000; $i++) {
    $segments["p$i"] = sprintf('attr.x == %d.%02d', intdiv($i, 100), $i % 100);
}
$e = new Loyalty\Engine(Loyalty\Program::fromArray(['segments' => $segments]));
for ($i = 0; $i < 10000; $i++) {
    $x = (float) sprintf('%d.%02d', intdiv($i, 100), $i % 100);
    if (!$e->inSegment("p$i", ['attributes' => ['x' => $x]], NOW)) {
        $bad[] = $segments["p$i"];
    }
}
echo count($bad), " mismatches\n";
?>
--EXPECT--
0.07         == true  >= true  <= true
0.1          == true  >= true  <= true
0.11         == true  >= true  <= true
0.3          == true  >= true  <= true
1.15         == true  >= true  <= true
2.675        == true  >= true  <= true
4.35         == true  >= true  <= true
19.99        == true  >= true  <= true
0.123456     == true  >= true  <= true
1234.5678    == true  >= true  <= true
99.95        == true  >= true  <= true
0 mismatches
