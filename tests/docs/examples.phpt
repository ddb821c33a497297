--TEST--
Docs: the runnable examples of docs/*.md print what their "// =>" comments say
--EXTENSIONS--
loyalty
--INI--
date.timezone=UTC
--FILE--
<?php
/* A ```php block preceded by a `<!-- run -->` line (blank lines allowed in between) is run
 * (without `<?php`, in its own scope). Its output must be the lines of its `// => ` comments:
 * each `// => TEXT` is one output line; `//    TEXT` lines (two slashes, four spaces) right
 * after it are further lines of the same output (multi-line messages keep their caret aligned).
 * Lines are compared without trailing spaces. See docs/index.md. */
$files = ['expressions.md', 'reasons.md', 'money.md', 'settings.md'];
$docs = __DIR__ . '/../../docs/';
$total = 0;
$failed = 0;

function runnable_blocks(string $text): array
{
    $lines = preg_split('/\R/', $text);
    $blocks = [];
    $armed = false;
    for ($i = 0; $i < count($lines); $i++) {
        $line = $lines[$i];
        // (a 64-bit PHP block quotes the limits of 64-bit ints: not run on 32-bit PHP)
        if (trim($line) === '<!-- run -->' || (trim($line) === '<!-- run: 64-bit PHP -->' && PHP_INT_SIZE === 8)) {
            $armed = true;
            continue;
        }
        if ($armed && trim($line) === '') {
            continue;
        }
        if ($armed && preg_match('/^```php\s*$/', $line)) {
            $start = $i + 1;
            $code = [];
            for ($i++; $i < count($lines) && !preg_match('/^```\s*$/', $lines[$i]); $i++) {
                $code[] = $lines[$i];
            }
            $blocks[] = ['line' => $start, 'code' => $code];
        }
        $armed = false;
    }
    return $blocks;
}

function expected_output(array $code): string
{
    $out = [];
    $in = false;
    foreach ($code as $line) {
        if (preg_match('~// => ?(.*)$~', $line, $m)) {
            $out[] = rtrim($m[1]);
            $in = true;
        } elseif ($in && preg_match('~^\s*//(?:    (.*))?$~', $line, $m)) {
            $out[] = rtrim($m[1] ?? '');
        } else {
            $in = false;
        }
    }
    return $out ? implode("\n", $out) . "\n" : '';
}

foreach ($files as $file) {
    $text = @file_get_contents($docs . $file);
    if ($text === false) {
        echo "missing docs/$file\n";
        $failed++;
        continue;
    }
    foreach (runnable_blocks($text) as $block) {
        $total++;
        $expected = expected_output($block['code']);
        ob_start();
        try {
            (static function (string $__code) { eval($__code); })(implode("\n", $block['code']));
        } catch (Throwable $e) {
            echo "UNCAUGHT ", get_class($e), ': ', $e->getMessage(), "\n";
        }
        $actual = implode("\n", array_map('rtrim', explode("\n", rtrim(ob_get_clean(), "\n")))) . "\n";
        if ($actual === "\n") {
            $actual = '';
        }
        if ($actual !== $expected) {
            $failed++;
            echo "docs/$file:{$block['line']}: output differs\n--- expected\n$expected--- actual\n$actual\n";
        }
    }
}
echo $total >= 20 ? "enough examples\n" : "only $total runnable examples\n";
echo "$failed failed\n";
?>
--EXPECT--
enough examples
0 failed
