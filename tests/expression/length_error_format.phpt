--TEST--
Expressions: the too-long error has the usual source and caret lines
--EXTENSIONS--
loyalty
--INI--
date.timezone=UTC
--FILE--
<?php
// SPEC 10: error messages are `PATH: MESSAGE at column N`, then the source and a caret line.
// The too-long error must follow the same format (today it ends with a bare newline).
$expr = str_repeat(' ', 4087) . 'orders > 0';
try {
    Loyalty\Program::fromArray(['segments' => ['s' => $expr]]);
    echo "compiled\n";
} catch (Loyalty\ExpressionException $e) {
    $m = $e->getMessage();
    $lines = explode("\n", $m);
    echo $lines[0], "\n";
    echo 'lines: ', count($lines), "\n";
    echo 'ends with newline: ', var_export(str_ends_with($m, "\n"), true), "\n";
    echo 'source echoed: ', var_export(($lines[1] ?? null) === $expr, true), "\n";
    echo 'caret at column 4097: ', var_export(($lines[2] ?? null) === str_repeat(' ', 4096) . '^', true), "\n";
}
?>
--EXPECT--
segments.s: expression is longer than 4096 bytes at column 4097
lines: 3
ends with newline: false
source echoed: true
caret at column 4097: true
