--TEST--
Expressions: hostile input (huge strings, NUL, invalid UTF-8, control bytes, deep nesting, segment diamonds)
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

function first(string $expr, array $c = []): string {
    try {
        return 'ok ' . var_export(check($expr, $c), true);
    } catch (Loyalty\ExpressionException $e) {
        return strtok($e->getMessage(), "\n");
    }
}
function full(string $expr): string {
    try {
        check($expr);
        return "compiled\n";
    } catch (Loyalty\ExpressionException $e) {
        return $e->getMessage() . "\n";
    }
}
$t0 = microtime(true);
$big = str_repeat('a', 10240);

echo "--- 10 KiB strings\n";
echo first("city == '$big'", ['city' => $big]), "\n";
echo first("city == 'a' or city == '$big'"), "\n";
echo first("city == 'a'", ['city' => $big]), "\n";
echo first("city like 'a*a'", ['city' => $big]), "\n";
echo first("lower(city) like '*A'", ['city' => $big . 'A']), "\n";
echo first("city like '" . str_repeat('*a', 60) . "*b'", ['city' => $big]), "\n";
echo first("city like '" . str_repeat('*?', 100) . "*b'", ['city' => $big]), "\n";
echo first("city like '*" . str_repeat('a', 2000) . "*'", ['city' => $big]), "\n";
echo first("city not like '" . str_repeat('a*', 500) . "b'", ['city' => $big]), "\n";
echo first("'$big' in groups"), "\n";
echo first("'x' in groups", ['groups' => array_fill(0, 100000, 'y')]), "\n";
echo first("count(groups) == 100000", ['groups' => array_fill(0, 100000, 'y')]), "\n";

echo "--- NUL bytes\n";
echo json_encode(full("city == 'a\0b'")), "\n";
echo json_encode(full("\0city == 'ab'")), "\n";
echo json_encode(full("city ==\0 'ab'")), "\n";
echo json_encode(full("city == 'ab'\0")), "\n";
echo first("city == 'ab'", ['city' => "ab\0"]), "\n";
echo first("city like 'a?b'", ['city' => "a\0b"]), "\n";

echo "--- invalid UTF-8\n";
echo first("city == '\xff\xfe'", ['city' => "\xff\xfe"]), "\n";
echo first("city == '\xc3'", ['city' => "\xc3\xa9"]), "\n";
echo first("city like '\xc3*'", ['city' => "\xc3\xa9"]), "\n";
echo first("lower(city) == '\xff'", ['city' => "\xff"]), "\n";
echo json_encode(full("city == 'ab' \xff"), JSON_INVALID_UTF8_SUBSTITUTE), "\n";
echo json_encode(full("\xc3\xa9 == 'ab'"), JSON_INVALID_UTF8_SUBSTITUTE), "\n";
echo json_encode(full("city == 'é' and orders > 'x'")), "\n";  // columns count bytes

echo "--- control characters\n";
echo first("city == 'a\x01\x1f\x7fb'", ['city' => "a\x01\x1f\x7fb"]), "\n";
echo json_encode(full("city\x01== 'a'")), "\n";
echo json_encode(full("city == 'a\x1b' and\x7f true")), "\n";
echo json_encode(full("orders >\n\t'x'")), "\n";
echo first("city\n==\t'a'\r\n", ['city' => 'a']), "\n";
echo first("city\v== 'a'", ['city' => 'a']), "\n";

echo "--- very long identifiers\n";
$id = str_repeat('x', 4000);
echo substr(first("$id == 1"), 0, 40), "\n";
echo substr(first("$id(1) == 1"), 0, 43), "\n";
echo first("attr.$id == 1", ['attributes' => [$id => 1]]), "\n";
echo first("attr.$id == 1", ['attributes' => [$id . 'y' => 1]]), "\n";
echo substr(first("segment('$id')"), 0, 40), "\n";

echo "--- deep nesting\n";
echo first(str_repeat('(', 2000) . 'true' . str_repeat(')', 2000)), "\n";
echo first(str_repeat('(', 4090)), "\n";
echo first(str_repeat('not ', 1000) . 'true'), "\n";
echo first(str_repeat('lower(', 600)), "\n";
echo first('orders in ' . str_repeat('[', 2000)), "\n";
echo first(str_repeat('[', 4096)), "\n";
echo first(str_repeat(')', 4096)), "\n";
echo first(str_repeat("'", 4096)), "\n";
echo first(str_repeat('\\', 4096)), "\n";

echo "--- a diamond of segment() references, 30 levels deep\n";
$segs = [];
for ($i = 0; $i < 30; $i++) {
    $n = $i + 1;
    $segs["a$i"] = "segment('a$n') and segment('b$n')";   // both sides evaluated when true
    $segs["b$i"] = "segment('a$n') or segment('b$n')";    // both sides evaluated when false
}
$segs['a30'] = 'orders >= 2';
$segs['b30'] = 'orders >= 1';
$segs['many'] = implode(' and ', array_fill(0, 200, "segment('a0')"));
$t1 = microtime(true);
$p = Loyalty\Program::fromArray(['segments' => $segs]);
$e = new Loyalty\Engine($p);
var_dump($e->inSegment('a0', ['orders' => 2], NOW), $e->inSegment('a0', ['orders' => 1], NOW));
var_dump($e->inSegment('b0', ['orders' => 1], NOW), $e->inSegment('b0', ['orders' => 0], NOW));
var_dump($e->inSegment('many', ['orders' => 2], NOW));
echo count($e->segmentsOf(['orders' => 1], NOW)), ' ', count($e->segmentsOf(['orders' => 2], NOW)), "\n";
$rows = [];
for ($i = 0; $i < 1000; $i++) {
    $rows[] = ['orders' => $i % 3];
}
echo count($e->filter('a0', $rows, NOW)), ' ', count($e->filter('b0', $rows, NOW)), ' ', count($e->filter('many', $rows, NOW)), "\n";
$dt = microtime(true) - $t1;
echo 'diamond fast: ', var_export($dt < 5.0, true), "\n";
echo 'whole test fast: ', var_export(microtime(true) - $t0 < 10.0, true), "\n";
?>
--EXPECT--
--- 10 KiB strings
segments.s: expression is longer than 4096 bytes at column 4097
segments.s: expression is longer than 4096 bytes at column 4097
ok false
ok true
ok true
ok false
ok false
ok true
ok true
segments.s: expression is longer than 4096 bytes at column 4097
ok false
ok true
--- NUL bytes
"segments.s: NUL byte in expression at column 11\ncity == 'a b'\n          ^\n"
"segments.s: NUL byte in expression at column 1\n city == 'ab'\n^\n"
"segments.s: NUL byte in expression at column 8\ncity ==  'ab'\n       ^\n"
"segments.s: NUL byte in expression at column 13\ncity == 'ab' \n            ^\n"
ok false
ok true
--- invalid UTF-8
ok true
ok false
ok true
ok true
"segments.s: unexpected byte 0xFF at column 14\ncity == 'ab' \ufffd\n             ^\n"
"segments.s: unexpected byte 0xC3 at column 1\n\u00e9 == 'ab'\n^\n"
"segments.s: cannot compare number with string at column 25\ncity == '\u00e9' and orders > 'x'\n                        ^\n"
--- control characters
ok true
"segments.s: unexpected byte 0x01 at column 5\ncity == 'a'\n    ^\n"
"segments.s: unexpected byte 0x7F at column 17\ncity == 'a ' and  true\n                ^\n"
"segments.s: cannot compare number with string at column 8\norders >  'x'\n       ^\n"
ok true
segments.s: unexpected byte 0x0B at column 5
--- very long identifiers
segments.s: unknown field 'xxxxxxxxxxxxx
segments.s: unknown function 'xxxxxxxxxxxxx
ok true
ok false
segments.s: unknown segment 'xxxxxxxxxxx
--- deep nesting
segments.s: expression is nested deeper than 64 levels at column 65
segments.s: expression is nested deeper than 64 levels at column 65
segments.s: expression is nested deeper than 64 levels at column 257
segments.s: expression is nested deeper than 64 levels at column 390
segments.s: expression is nested deeper than 64 levels at column 75
segments.s: expression is nested deeper than 64 levels at column 65
segments.s: unexpected ')' at column 1
segments.s: unexpected string at column 3
segments.s: unexpected character '\' at column 1
--- a diamond of segment() references, 30 levels deep
bool(true)
bool(false)
bool(true)
bool(false)
bool(true)
33 66
333 666 333
diamond fast: true
whole test fast: true
