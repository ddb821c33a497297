--TEST--
Expressions: 'not in' with an attribute of the wrong kind is false (null semantics)
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

// decisions.md: an attribute of the wrong kind at run time behaves as null;
// SPEC 10: every comparison with null is false, `not in` included.
$c = ['attributes' => ['level' => 3, 'tier' => 'gold', 'flag' => true], 'groups' => ['gold']];
foreach ([
    "attr.level in ['3']",
    "attr.level not in ['3']",
    "attr.tier not in [1, 2]",
    "attr.flag not in ['x']",
    "attr.level not in groups",
    "attr.missing not in groups",
    "attr.missing not in [1]",
    "not (attr.level in ['3'])",
] as $e) {
    show($e, $c);
}
?>
--EXPECT--
attr.level in ['3'] => false
attr.level not in ['3'] => false
attr.tier not in [1, 2] => false
attr.flag not in ['x'] => false
attr.level not in groups => false
attr.missing not in groups => false
attr.missing not in [1] => false
not (attr.level in ['3']) => true
