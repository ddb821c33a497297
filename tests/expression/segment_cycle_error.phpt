--TEST--
Expressions: segment() cycles are compile errors
--EXTENSIONS--
loyalty
--INI--
date.timezone=UTC
--FILE--
<?php
function compile(array $segments): void {
    try {
        Loyalty\Program::fromArray(['segments' => $segments]);
        echo "compiled\n";
    } catch (Loyalty\ExpressionException $e) {
        echo get_class($e), ' code=', $e->getCode(), "\n", $e->getMessage(), "\n";
    }
}
echo "--- a segment referencing itself\n";
compile(['a' => "segment('a')"]);
compile(['ok' => 'orders > 1', 'self' => "orders > 1 and (true or segment('self'))"]);

echo "--- longer cycles are compile errors too\n";
foreach ([
    ['a' => "segment('b')", 'b' => "segment('a')"],
    ['b' => "segment('a')", 'a' => "segment('b')"],
    ['a' => "segment('b')", 'b' => "segment('c') and orders > 1", 'c' => "orders > 0 or segment('a')"],
    ['x' => 'orders > 1', 'a' => "segment('x') and segment('b')", 'b' => "not segment('a')"],
    // the cycle is not reachable from the first segment
    ['root' => "segment('loyal')", 'p' => "segment('q') or true", 'q' => "segment('p')"],
] as $segments) {
    try {
        Loyalty\Program::fromArray(['segments' => $segments]);
        echo "compiled\n";
    } catch (Loyalty\ExpressionException $e) {
        $first = strtok($e->getMessage(), "\n");
        echo preg_match('/^segments\.[a-z]+: segment cycle: [a-z]+( -> [a-z]+)+ at column \d+$/', $first)
            ? 'cycle error' : "unexpected: $first", ' code=', $e->getCode(), "\n";
    }
}

echo "--- sharing is not a cycle\n";
compile(['base' => 'orders > 1', 'l' => "segment('base')", 'r' => "segment('base')",
         'top' => "segment('l') and segment('r') and segment('base')"]);
compile(['a' => "segment('b') or segment('b')", 'b' => "segment('loyal')"]);

echo "--- an advantage's inline expression may reference custom segments\n";
$p = Loyalty\Program::fromArray(['segments' => ['a' => 'orders > 1'],
    'advantages' => [['id' => 'x', 'segment' => "segment('a') and city == 'Paris'", 'tiers' => [['discount' => 100]]]]]);
echo get_class($p), "\n";
?>
--EXPECT--
--- a segment referencing itself
Loyalty\ExpressionException code=2
segments.a: segment cycle: a -> a at column 1
segment('a')
^
Loyalty\ExpressionException code=2
segments.self: segment cycle: self -> self at column 25
orders > 1 and (true or segment('self'))
                        ^
--- longer cycles are compile errors too
cycle error code=2
cycle error code=2
cycle error code=2
cycle error code=2
cycle error code=2
--- sharing is not a cycle
compiled
compiled
--- an advantage's inline expression may reference custom segments
Loyalty\Program
