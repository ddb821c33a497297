--TEST--
Expressions: a segment() cycle error names a consistent path, source and caret
--EXTENSIONS--
loyalty
--INI--
date.timezone=UTC
--FILE--
<?php
// decisions.md: a cycle is "reported on the segment where the cycle closes:
// `segments.a: segment cycle: a -> b -> a at column N`". Whatever the rotation chosen, the
// message must be self-consistent: the segment named in the path prefix is the one the
// printed cycle starts and ends with, the echoed source is that segment's expression, and the
// caret points at its reference to the next segment of the cycle.
function cycle(array $segments): void {
    try {
        Loyalty\Program::fromArray(['segments' => $segments]);
        echo "compiled\n";
        return;
    } catch (Loyalty\ExpressionException $e) {
        $lines = explode("\n", $e->getMessage());
    }
    if (count($lines) !== 3 || !preg_match('/^segments\.(\w+): segment cycle: (\w+(?: -> \w+)+) at column (\d+)$/', $lines[0], $m)) {
        echo "bad format: ", json_encode($lines), "\n";
        return;
    }
    [, $at, $path, $col] = $m;
    $names = explode(' -> ', $path);
    $ok = [];
    $ok['starts at the reported segment'] = $names[0] === $at;
    $ok['ends where it starts'] = end($names) === $names[0];
    $ok['visits each segment once'] = count(array_unique(array_slice($names, 1))) === count($names) - 1;
    $ok['each step is a reference'] = true;
    for ($i = 0; $i + 1 < count($names); $i++) {
        if (!preg_match("/segment\\(['\"]" . $names[$i + 1] . "['\"]\\)/", $segments[$names[$i]] ?? '')) {
            $ok['each step is a reference'] = false;
        }
    }
    $ok['source is the reported segment'] = $lines[1] === ($segments[$at] ?? null);
    $ok['caret under the column'] = $lines[2] === str_repeat(' ', $col - 1) . '^';
    $rest = substr($segments[$at] ?? '', $col - 1);
    $next = $names[1] ?? '';
    $ok['caret on the closing reference'] = (bool) preg_match("/^(segment\\(\\s*)?['\"]" . preg_quote($next, '/') . "['\"]/", $rest);
    foreach ($ok as $what => $yes) {
        if (!$yes) {
            echo "FAILED: $what: ", $lines[0], "\n";
        }
    }
    $set = array_unique($names);
    sort($set);
    echo "checked cycle over ", implode(', ', $set), "\n";
}
cycle(['a' => "segment('b')", 'b' => "segment('a')"]);
cycle(['b' => "segment('a')", 'a' => "segment('b')"]);
cycle(['a' => "segment('b')", 'b' => "segment('c') and orders > 1", 'c' => "orders > 0 or segment('a')"]);
cycle(['x' => 'orders > 1', 'a' => "segment('x') and segment('b')", 'b' => "not segment('a')"]);
cycle(['a' => "segment('a')"]);
?>
--EXPECT--
checked cycle over a, b
checked cycle over a, b
checked cycle over a, b, c
checked cycle over a, b
checked cycle over a
