<?php
/*
 * Differential testing of the extension's JSON reader (src/base/lty_json.c): for random and
 * hostile JSON texts, Program::fromJson($j) against what json_decode($j, true) and
 * Program::fromArray() give, on toArray(), segmentNames() and warnings(), or on the
 * exception's class, code and message.
 *
 *   php -d extension=modules/loyalty.so scripts/differential_json.php [--seed=N] [--cases=N] [--show=N]
 *   ... --dump      one line per case (the outcome of fromJson() and json_last_error() after it),
 *                   to compare two builds of the extension: diff the outputs
 *
 * The texts: settings whose strings, numbers and keys surface in toArray() or in messages
 * (labels, carriers, ids, amounts and percents at the int64 and float edges, segment names,
 * unknown keys), written with random escapes, \u escapes (surrogate pairs, lone surrogates,
 * \u0000), raw UTF-8 and invalid bytes, control characters, numeric and repeated keys,
 * objects keyed "0".."n-1", deep nesting (the 32 levels of settings, json_decode()'s 512),
 * top-level scalars, random whitespace; then now and then truncated or mutated at the byte
 * level. When json_decode() fails, fromJson() must throw ConfigException "settings: invalid
 * JSON: " . json_last_error_msg(); when it gives a scalar, "settings: expected an object, got
 * TYPE". Ends with "N cases, M mismatches" and "N passed, M failed"; exits 1 on a mismatch.
 */
declare(strict_types=1);

use Loyalty\Program;

if (!class_exists(Program::class)) {  /* the extension, or the polyfill in the suite's polyfill mode */
    fwrite(STDERR, "differential_json.php: neither the loyalty extension nor the polyfill is loaded\n");
    exit(2);
}

/* tests/program/fromJson_differential.phpt sets $differential_json_options and includes this file */
$options = $differential_json_options ?? getopt('', ['seed:', 'cases:', 'show:', 'dump']);
$seed = (int) ($options['seed'] ?? 1);
$cases = (int) ($options['cases'] ?? 10000);
$show = (int) ($options['show'] ?? 10);
$dump = isset($options['dump']);
mt_srand($seed);

function chance(int $percent): bool
{
    return mt_rand(1, 100) <= $percent;
}

function pick(array $items)
{
    return $items[mt_rand(0, count($items) - 1)];
}

/* ---- JSON text, written by hand: the writer chooses escapes, spacing and repeated keys ---- */

/* An object is ['{}', [[key, value], ...]] (keys may repeat), a list is ['[]', [values]], a
 * string ['"', raw text] (escaped on writing), a number or literal ['#', its text]. */
function obj(array $pairs): array { return ['{}', $pairs]; }
function lst(array $items): array { return ['[]', $items]; }
function str(string $s): array { return ['"', $s]; }
function num(string $text): array { return ['#', $text]; }

function ws(): string
{
    if (!chance(15)) {
        return '';
    }
    $s = '';
    for ($i = mt_rand(1, 3); $i > 0; $i--) {
        $s .= pick([' ', ' ', "\n", "\t", "\r", "\r\n"]);
    }
    if ($GLOBALS['hostile'] && chance(2)) {
        $s .= pick(["\f", "\v", "\xc2\xa0", "\0", "\x01", "\xff"]);  /* not JSON whitespace */
    }
    return $s;
}

/* One UTF-8 character of $s at $i, escaped one way or another. */
function escape_char(string $c): string
{
    $cp = ord($c[0]);  /* the code point of one well-formed UTF-8 character */
    $n = strlen($c);
    if ($n > 1) {
        $cp &= [2 => 0x1F, 3 => 0x0F, 4 => 0x07][$n];
        for ($i = 1; $i < $n; $i++) {
            $cp = ($cp << 6) | (ord($c[$i]) & 0x3F);
        }
    }
    if ($c === '"' || $c === '\\') {
        return '\\' . $c;
    }
    if ($c === '/' && chance(50)) {
        return '\\/';
    }
    $short = ["\x08" => '\\b', "\f" => '\\f', "\n" => '\\n', "\r" => '\\r', "\t" => '\\t'];
    if (isset($short[$c]) && chance(70)) {
        return $short[$c];
    }
    if ($cp < 0x20 || chance(20)) {
        $hex = fn(int $u) => sprintf(chance(50) ? '\\u%04x' : '\\u%04X', $u);
        if ($cp >= 0x10000) {
            $cp -= 0x10000;
            return $hex(0xD800 | ($cp >> 10)) . $hex(0xDC00 | ($cp & 0x3FF));
        }
        return $hex($cp);
    }
    return $c;
}

function write_string(string $s): string
{
    $out = '';
    $chars = preg_split('//u', $s, -1, PREG_SPLIT_NO_EMPTY);
    if ($chars !== false) {
        foreach ($chars as $c) {
            $out .= escape_char($c);
        }
    } else {
        $out = addcslashes($s, "\"\\");  /* invalid bytes stay raw: json_decode() refuses them */
    }
    if ($GLOBALS['hostile'] && chance(3)) {
        /* hostile escapes: lone surrogates, bad hex, unknown escapes, raw controls */
        $at = mt_rand(0, strlen($out));
        $out = substr($out, 0, $at) . pick(['\\ud800', '\\udc00', '\\uD83D\\u0041', '\\uDBFF\\uDFFF', '\\u12', '\\u12G4',
            '\\x', '\\', '\\U0041', "\x01", "\x1f", "\x7f", '\\u0000', "\xc3", "\xe2\x82", "\xed\xa0\x80", "\xc0\x80",
            "\xf4\x90\x80\x80", "\xf0\x9f\x98\x80"]) . substr($out, $at);
    }
    return '"' . $out . '"';
}

function write(array $v): string
{
    switch ($v[0]) {
        case '#':
            return $v[1];
        case '"':
            return write_string($v[1]);
        case '[]':
            $parts = array_map(fn($x) => ws() . write($x) . ws(), $v[1]);
            return '[' . ($parts ? implode(',', $parts) : ws()) . ']';
        default:
            $parts = array_map(fn($p) => ws() . write_string($p[0]) . ws() . ':' . ws() . write($p[1]) . ws(), $v[1]);
            return '{' . ($parts ? implode(',', $parts) : ws()) . '}';
    }
}

/* ---- values ---- */

function random_text(): string
{
    $s = '';
    for ($i = mt_rand(0, 12); $i > 0; $i--) {
        $s .= pick(['a', 'b', 'Z', '0', '9', ' ', '_', '-', '"', '\\', '/', "\n", "\t", "\x08", "\f", "\r", "\x01", "\x1f",
            "\0", "\x7f", 'é', 'ß', '€', '中', "\u{FFFF}", "\u{10000}", '😀', "\u{10FFFF}", "\u{D7FF}", "\u{E000}", "'", '.']);
    }
    if ($GLOBALS['hostile'] && chance(3)) {
        $s .= pick(["\xff", "\xc3", "\x80", "\xe0\x80\x80", "\xed\xa0\x80", "\xf5\x80\x80\x80"]);
    }
    return $s;
}

function random_int_text(): string
{
    return pick([
        (string) mt_rand(0, 100000), (string) mt_rand(-1000, 1000), '0', '-0', '1', '100', '5000',
        '9223372036854775807', '-9223372036854775807', '-9223372036854775808', '9223372036854775808',
        '-9223372036854775809', '9223372036854775806', '18446744073709551615', '18446744073709551616',
        '99999999999999999999', '-99999999999999999999', '10000000000000000000', '1000000000000000000',
        '2147483647', '2147483648', '-2147483648', '-2147483649', '4294967296',
        str_repeat('9', mt_rand(18, 40)), '1' . str_repeat('0', mt_rand(17, 25)),
    ]);
}

function random_float_text(): string
{
    return pick([
        '0.0', '-0.0', '1.5', '2.5', '10.5', '99.99', '100.0', '12.34', '0.1', '0.01', '10.005', '1.234',
        '1e2', '1E2', '1e+2', '1e-2', '1.5e1', '2.5E+1', '1e400', '-1e400', '1e-400', '4.9e-324', '2.2250738585072014e-308',
        '1.7976931348623157e308', '1.7976931348623159e308', '0.1000000000000000055511151231257827', '9007199254740993',
        '9007199254740993.0', '123456789012345678901234567890e-28', '0.000001e7', '5e-1', '50e-1', '1.00000000000000011102230246251565404236316680908203125',
        mt_rand(0, 100) . '.' . mt_rand(0, 99), mt_rand(0, 1000) . 'e' . mt_rand(-5, 5),
    ]);
}

function bad_number_text(): string
{
    return pick(['01', '1.', '.5', '+1', '1e', '1e+', '-', '--1', '0x10', '1.5.2', 'NaN', 'Infinity', '-Infinity', '1_000', '١']);
}

function random_scalar(): array
{
    switch (mt_rand(0, 9)) {
        case 0: return num(pick(['null', 'true', 'false']));
        case 1: case 2: return num(random_int_text());
        case 3: return num(random_float_text());
        case 4: return chance(10) ? num(bad_number_text()) : num((string) mt_rand(0, 50));
        default: return str(random_text());
    }
}

function random_key(): string
{
    return pick(['0', '1', '2', '00', '-1', '-0', '01', '9223372036854775808', '', "\0", "\0x", 'a', 'b', 'id', 'é', (string) mt_rand(0, 5), random_text()]);
}

function random_value(int $depth): array
{
    if ($depth > 4 || chance(55)) {
        return random_scalar();
    }
    $n = mt_rand(0, 4);
    if (chance(50)) {
        return lst(array_map(fn() => random_value($depth + 1), $n ? range(1, $n) : []));
    }
    $pairs = [];
    $indexed = chance(30);
    for ($i = 0; $i < $n; $i++) {
        $pairs[] = [$indexed ? (string) $i : random_key(), random_value($depth + 1)];
    }
    return obj(maybe_repeat($pairs));
}

/* Repeated keys (the later value replaces the earlier one at its place), reorders. */
function maybe_repeat(array $pairs): array
{
    if ($pairs && chance(15)) {
        $p = pick($pairs);
        $pairs[] = [$p[0], chance(50) ? random_value(3) : $p[1]];
    }
    if (count($pairs) > 1 && chance(10)) {
        shuffle($pairs);
    }
    return $pairs;
}

function nested(int $levels, array $inner, bool $objects): array
{
    for ($i = 0; $i < $levels; $i++) {
        $inner = $objects && chance(50) ? obj([[chance(50) ? 'k' : '0', $inner]]) : lst([$inner]);
    }
    return $inner;
}

/* A keyed list: a list, or an object keyed "0".."n-1" (a list to PHP), or keyed otherwise. */
function keyed_list(array $items): array
{
    if (chance(80)) {
        return lst($items);
    }
    $pairs = [];
    foreach ($items as $i => $item) {
        $pairs[] = [chance(90) ? (string) $i : random_key(), $item];
    }
    return obj(chance(20) ? maybe_repeat($pairs) : $pairs);
}

function segment_name(): string
{
    return chance(85) ? pick(['vip', 'pro', 'big', 'a', 'b_1', 'x-y', 'loyal', 'Z9']) : random_key();
}

function expression(): string
{
    return pick([
        'true', 'orders >= 3', "'VIP' in groups", "city == '" . str_replace(["'", '\\'], '', random_text()) . "'",
        "postcode like '75*'", 'spent > ' . random_int_text(), 'orders > 1.5', random_text(),
    ]);
}

function tier(): array
{
    $pairs = [['from', chance(85) ? num((string) mt_rand(0, 50000)) : random_scalar()]];
    switch (mt_rand(0, 3)) {
        case 0: $pairs[] = ['discount', chance(70) ? num((string) mt_rand(1, 5000)) : num(random_int_text())]; break;
        case 1: $pairs[] = ['discount_percent', num(chance(50) ? random_float_text() : (string) mt_rand(0, 100))]; break;
        case 2:
            $pairs[] = ['free_shipping', num('true')];
            if (chance(60)) {
                $pairs[] = ['carriers', lst(array_map(fn() => chance(90) ? str(random_text()) : random_scalar(), range(0, mt_rand(0, 3))))];
            }
            break;
        default: $pairs[] = [random_key(), random_value(3)];
    }
    return obj(maybe_repeat($pairs));
}

function advantage(int $i): array
{
    $pairs = [['id', str(chance(80) ? "a$i" : random_text())], ['tiers', keyed_list(array_map(fn() => tier(), range(0, mt_rand(0, 2))))]];
    if (chance(60)) {
        $pairs[] = ['label', str(random_text())];
    }
    if (chance(40)) {
        $pairs[] = ['segment', str(chance(50) ? segment_name() : expression())];
    }
    if (chance(20)) {
        $pairs[] = [pick(['combinable', 'with_voucher', 'earn_points']), chance(80) ? num(pick(['true', 'false'])) : random_scalar()];
    }
    if (chance(5)) {
        $pairs[] = [random_key(), random_value(2)];
    }
    if (chance(10)) {
        shuffle($pairs);
    }
    return obj(maybe_repeat($pairs));
}

function loyalty(): array
{
    $pairs = [['earn', obj([['per_amount', num((string) mt_rand(1, 1000))], ['points', chance(80) ? num((string) mt_rand(1, 10)) : random_scalar()]])]];
    if (chance(50)) {
        $pairs[] = ['spend', obj([['policy', str(pick(['lose_used', 'keep_all', 'lose_all', random_text()]))]])];
    }
    if (chance(50)) {
        $pairs[] = ['brackets', keyed_list([obj([['from', num((string) mt_rand(1, 500))], ['discount_percent', num(random_float_text())]])])];
    }
    return obj(maybe_repeat($pairs));
}

function settings(): array
{
    $pairs = [];
    if (chance(80)) {
        $segments = [];
        for ($i = mt_rand(0, 4); $i > 0; $i--) {
            $segments[] = [segment_name(), chance(90) ? str(expression()) : random_value(2)];
        }
        $pairs[] = ['segments', chance(95) ? obj(maybe_repeat($segments)) : random_value(1)];
    }
    if (chance(80)) {
        $pairs[] = ['advantages', keyed_list(array_map(fn($i) => advantage($i), range(0, mt_rand(0, 3))))];
    }
    if (chance(40)) {
        $pairs[] = ['loyalty', loyalty()];
    }
    if (chance(15)) {
        $pairs[] = [pick(['rounding', 'timezone']), chance(70) ? str(pick(['half_up', 'half_even', 'down', 'Europe/Paris', 'UTC'])) : random_scalar()];
    }
    if (chance(5)) {
        $pairs[] = [random_key(), random_value(1)];
    }
    if (chance(10)) {
        shuffle($pairs);
    }
    return obj(maybe_repeat($pairs));
}

function mutate(string $j): string
{
    $at = mt_rand(0, strlen($j));
    switch (mt_rand(0, 5)) {
        case 0: return substr($j, 0, $at);
        case 1: return substr($j, 0, $at) . substr($j, min(strlen($j), $at + mt_rand(1, 3)));
        case 2: return substr($j, 0, $at) . pick(['{', '}', '[', ']', ',', ':', '"', '\\', "\0", "\x01", "\xff", "\xc3", 'é', ' ', 'x', '1', '-', '.', 'e', 'null']) . substr($j, $at);
        case 3: return $j . pick([' x', ',', ']', '}', "\0", "\xff", ' 1', '{}', "\n"]);
        case 4: return substr($j, 0, $at) . substr($j, mt_rand(0, strlen($j)), mt_rand(1, 8)) . substr($j, $at);
        default:
            if ($j === '') {
                return $j;
            }
            $j[min($at, strlen($j) - 1)] = chr(mt_rand(0, 255));
            return $j;
    }
}

/* Whether this case's writer slips invalid bytes, controls and bad escapes in (now and then). */
$hostile = false;

function random_json(): string
{
    $GLOBALS['hostile'] = chance(25);
    switch (mt_rand(0, 19)) {
        case 0: return write(random_value(0));
        case 1: return write(random_scalar());
        case 2: /* past the 32 levels of settings, or near json_decode()'s 511 */
            $levels = pick([mt_rand(28, 36), mt_rand(505, 515), mt_rand(40, 200)]);
            $inner = chance(50) ? random_scalar() : random_value(3);
            $deep = nested($levels, $inner, chance(50));
            return write(obj([['segments', obj([['a', $deep]])]]));
        case 3:
            $n = mt_rand(505, 515);
            return str_repeat('[', $n) . pick(['', '1', "\xff", '"', ']', '}', "\x01"]) . str_repeat(']', mt_rand($n - 2, $n));
        case 4: return pick(['', ' ', "\n", '{}', '[]', '{ }', '[ ]', 'null', '0', '""', "\xef\xbb\xbf{}", '{}' . str_repeat(' ', mt_rand(0, 100)), "{}\0", '{"":1}']);
        default:
            $j = write(settings());
            return chance(25) ? mutate($j) : $j;
    }
}

/* ---- the two ways ---- */

function outcome(callable $f): string
{
    try {
        $p = $f();
        return 'ok ' . serialize([$p->toArray(), $p->segmentNames(), $p->warnings()]);
    } catch (Throwable $t) {
        return get_class($t) . ' ' . $t->getCode() . ' ' . $t->getMessage();
    }
}

function expected(string $j): string
{
    $d = json_decode($j, true);
    if (json_last_error() !== JSON_ERROR_NONE) {
        return 'Loyalty\\ConfigException 1 settings: invalid JSON: ' . json_last_error_msg();
    }
    if (!is_array($d)) {
        $type = ['NULL' => 'null', 'boolean' => 'bool', 'integer' => 'int', 'double' => 'float', 'string' => 'string'][gettype($d)];
        return "Loyalty\\ConfigException 1 settings: expected an object, got $type";
    }
    return outcome(fn() => Program::fromArray($d));
}

$mismatches = 0;
$kinds = [];  /* outcomes by kind, to see what the cases reach */
for ($case = 1; $case <= $cases; $case++) {
    $j = random_json();
    if ($dump) {
        json_decode('[');  /* an error left by the shop's code: what fromJson() does to it is compared */
        $got = outcome(fn() => Program::fromJson($j));
        echo $case, ' ', md5($j), ' ', json_last_error(), ' ', md5($got), ' ', substr(str_replace("\n", ' ', $got), 0, 120), "\n";
        continue;
    }
    $got = outcome(fn() => Program::fromJson($j));
    $want = expected($j);
    $kind = str_starts_with($got, 'ok ') ? 'accepted' : (preg_match('/invalid JSON: (.*)$/', $got, $m) ? 'JSON: ' . $m[1]
        : (str_contains($got, 'nested too deep') ? 'nested too deep' : 'refused by the loader'));
    $kinds[$kind] = ($kinds[$kind] ?? 0) + 1;
    if ($got !== $want) {
        $mismatches++;
        if ($mismatches <= $show) {
            echo "mismatch in case $case (seed $seed)\n  json:       ", json_encode($j, JSON_INVALID_UTF8_SUBSTITUTE | JSON_UNESCAPED_UNICODE),
                "\n  fromJson:   ", substr($got, 0, 400), "\n  json_decode: ", substr($want, 0, 400), "\n";
        }
    }
}
if ($dump) {
    exit(0);
}
ksort($kinds);
foreach ($kinds as $kind => $n) {
    echo "  $kind: $n\n";
}
echo "$cases cases, $mismatches mismatches\n";
echo $mismatches === 0 ? "1 passed, 0 failed\n" : "0 passed, 1 failed\n";
exit($mismatches === 0 ? 0 : 1);
