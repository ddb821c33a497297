--TEST--
Docs: every relative link of README.md, docs/*.md, bench/README.md and polyfill/INTERFACE.md points to a file (and heading) of the repository, and no page sends the reader to SPEC.md
--SKIPIF--
<?php if (!is_file(__DIR__ . '/../../polyfill/INTERFACE.md')) die('skip a full checkout only (the PECL tarball ships neither polyfill/ nor bench/)'); ?>
--FILE--
<?php
$root = realpath(__DIR__ . '/../..');
$pages = array_merge(['README.md', 'bench/README.md', 'polyfill/INTERFACE.md'],
    array_map(fn($p) => 'docs/' . basename($p), glob("$root/docs/*.md")));

/** The text outside fenced code blocks and inline code spans. */
function prose(string $markdown): string
{
    $markdown = preg_replace('/^(```|~~~).*?^\1[^\n]*$/ms', '', $markdown);
    return preg_replace('/(`+).+?\1/s', '', $markdown);
}

/** The anchors of a page's headings, as GitHub makes them (lowercase, punctuation dropped, spaces to -, -1 for repeats). */
function anchors(string $markdown): array
{
    $seen = [];
    $anchors = [];
    $markdown = preg_replace('/^(```|~~~).*?^\1[^\n]*$/ms', '', $markdown);
    preg_match_all('/^#{1,6}\s+(.+?)\s*#*\s*$/m', $markdown, $m);
    foreach ($m[1] as $heading) {
        $slug = str_replace(' ', '-', preg_replace('/[^\p{L}\p{N}_\- ]/u', '', strtolower(strip_tags($heading))));
        $n = $seen[$slug] = isset($seen[$slug]) ? $seen[$slug] + 1 : 0;
        $anchors[$n === 0 ? $slug : "$slug-$n"] = true;
    }
    return $anchors;
}

/** A path with its `.` and `..` resolved as written (the polyfill runner links the checkout's folders). */
function normalize(string $path): string
{
    $parts = [];
    foreach (explode('/', $path) as $part) {
        if ($part === '..') {
            array_pop($parts);
        } elseif ($part !== '.' && $part !== '') {
            $parts[] = $part;
        }
    }
    return '/' . implode('/', $parts);
}

$links = 0;
$bad = 0;
foreach ($pages as $page) {
    $text = file_get_contents("$root/$page");
    if (preg_match_all('/SPEC(?:\.md|\s+\d+)/', $text, $m)) {
        echo "$page: mentions ", implode(', ', array_unique($m[0])), "\n";
        $bad++;
    }
    preg_match_all('/\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/', prose($text), $m);
    foreach ($m[1] as $target) {
        if (preg_match('#^[a-z][a-z0-9+.-]*:#i', $target)) {
            continue;   // https:, mailto:
        }
        $links++;
        [$path, $anchor] = array_pad(explode('#', $target, 2), 2, null);
        $file = normalize($path === '' ? "$root/$page" : dirname("$root/$page") . '/' . rawurldecode($path));
        $real = file_exists($file) ? $file : false;
        if ($real === false || !str_starts_with($real, $root . '/')) {
            echo "$page: link to a missing file: $target\n";
            $bad++;
            continue;
        }
        if ($anchor !== null && $anchor !== '' && (is_dir($real) || !isset(anchors(file_get_contents($real))[$anchor]))) {
            echo "$page: link to a missing heading: $target\n";
            $bad++;
        }
    }
}
echo $links > 50 ? "links checked\n" : "only $links links found\n";
echo "$bad bad\n";
?>
--EXPECT--
links checked
0 bad
