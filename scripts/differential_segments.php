<?php
/*
 * Differential testing of the foundation: expressions and settings, the extension against the
 * pure-PHP polyfill in one process.
 *
 *   php -d extension=modules/loyalty.so scripts/differential_segments.php [--seed=N] [--cases=N] [--show=N]
 *
 * Each case is either a random expression (generated from the grammar, then now and then
 * mutated at the byte level: insertions, deletions, stray bytes, deep nesting, long names;
 * decimal literals and float attributes where binary floats would round)
 * compiled as a segment and, when it compiles, evaluated for random customers at a random
 * `now` (segmentsOf() and inSegment()); or random settings mutated at one place (a key dropped,
 * a value replaced by another type, an unknown key) compared on toArray(), segmentNames(),
 * warnings(). Exceptions are compared by class, code and message.
 * Ends with "N cases, M mismatches" and "N passed, M failed" (for .ci/run); exits 1 on a mismatch.
 * A long run: --cases=1000000 (about 15 minutes).
 */
declare(strict_types=1);

if (!extension_loaded('loyalty')) {
    fwrite(STDERR, "differential_segments.php: the loyalty extension is not loaded\n");
    exit(2);
}
require_once __DIR__ . '/../polyfill/bootstrap.php';

$options = getopt('', ['seed:', 'cases:', 'show:']);
$seed = (int) ($options['seed'] ?? 1);
$cases = (int) ($options['cases'] ?? 10000);
$show = (int) ($options['show'] ?? 10);
mt_srand($seed);

const FIELDS_NUM = ['orders', 'spent', 'points', 'lifetime_points', 'days_since_first_order', 'days_since_last_order'];
const FIELDS_STR = ['city', 'postcode', 'country'];
const FIELDS_LIST = ['groups', 'carriers', 'bought'];
const WORDS = ['VIP', 'pro', 'Paris', 'paris', 'PARIS', '75001', '75*', '7?0*', '*', '', 'FR', 'BE', 'Colissimo', "it's", 'a\\b', 'Île'];

function pick(array $a): mixed
{
    return $a[array_rand($a)];
}

function chance(int $p): bool
{
    return mt_rand(1, 100) <= $p;
}

function str(string $s): string
{
    return chance(50) ? "'" . str_replace(['\\', "'"], ['\\\\', "\\'"], $s) . "'"
        : '"' . str_replace(['\\', '"'], ['\\\\', '\\"'], $s) . '"';
}

function number(): string
{
    return match (mt_rand(0, 11)) {
        0 => (string) PHP_INT_MAX,
        1 => '9223372036854775808',
        2 => mt_rand(0, 99) . '.' . mt_rand(0, 99),
        3 => '0.' . str_repeat('0', mt_rand(0, 20)) . mt_rand(1, 9),
        4 => '1234567890123456789.5',
        5 => '12345678901234567890.5',
        6, 7 => decimal(),
        default => (string) mt_rand(0, 1000),
    };
}

/**
 * Decimal literals where binary floats go wrong (0.1, 4.35, 80.15, ...), with up to 6 decimals
 * (7 is a compile error), trailing zeros, and around the decimal range (9223372036854.775807).
 */
function decimal(): string
{
    return match (mt_rand(0, 9)) {
        0 => pick(['0.1', '0.2', '0.3', '0.7', '1.1', '1.15', '2.675', '4.35', '19.99', '80.15', '0.000001', '0.30']),
        1 => mt_rand(0, 999) . '.' . str_pad((string) mt_rand(0, 999999), mt_rand(6, 7), '0', STR_PAD_LEFT),
        2 => mt_rand(0, 99) . '.' . mt_rand(0, 99) . str_repeat('0', mt_rand(0, 12)),
        3 => pick(['9223372036854.775807', '9223372036854.775808', '9223372036854', '9223372036855', '9223372036854.5',
            '3037000.5', '3037000.4', '0.0000005']),
        4 => mt_rand(0, 9223372) . '.' . mt_rand(0, 999999),
        5 => longLiteral(),
        default => mt_rand(0, 100) . '.' . mt_rand(0, 99),
    };
}

/** 16 to 19 digits with 0 to 9 decimals (the literals binary floats cannot hold: issue 19). */
function longLiteral(): string
{
    $n = mt_rand(16, 19);
    $digits = (string) mt_rand(1, 9);
    for ($i = 1; $i < $n; $i++) {
        $digits .= mt_rand(0, 9);
    }
    $decimals = mt_rand(0, 9);
    return $decimals ? substr($digits, 0, $n - $decimals) . '.' . substr($digits, $n - $decimals) : $digits;
}

/** A float attribute that binary rounding or its printed digits make interesting. */
function floatAttr(): float
{
    return match (mt_rand(0, 7)) {
        0 => pick([0.1 + 0.2, 0.3, 1 / 3, 2 / 3, -2 / 3, 19.99, 4.35, 80.15, 24045 / 300, 0.1 + 0.7, 1.15 * 100]),
        1 => mt_rand(-100000, 100000) / 100,
        2 => mt_rand(0, 1000000) / mt_rand(1, 9999),
        3 => mt_rand() / mt_getrandmax() * pick([1, 1000, 1e9, 1e13]),
        4 => pick([1.5e-6, -1.5e-6, 1e-7, 9223372036854.775, -9223372036854.775, 9.3e12, -0.0, 1e-300, 1e15,
            PHP_FLOAT_EPSILON, PHP_FLOAT_MAX, 5.0]),
        5 => neighbour((float) longLiteral()),
        default => mt_rand(0, 999999) / 1000000 + mt_rand(0, 100),
    };
}

/** $x or one of the two floats next to it. */
function neighbour(float $x): float
{
    return unpack('d', pack('q', unpack('q', pack('d', $x))[1] + mt_rand(-1, 1)))[1];
}

/** A random value expression of a kind: num, str, list, bool, dyn. */
function value(string $kind, int $depth): string
{
    $deep = $depth > 3;
    switch ($kind) {
        case 'num':
            return match ($deep ? mt_rand(0, 1) : mt_rand(0, 6)) {
                0 => number(),
                1 => pick(FIELDS_NUM),
                2 => value('num', $depth + 1) . ' ' . pick(['+', '-', '*', '/']) . ' ' . value('num', $depth + 1),
                3 => '(' . value('num', $depth + 1) . ')',
                4 => 'count(' . value('list', $depth + 1) . ')',
                5 => 'attr.' . pick(['n', 'x', 'big']),
                default => pick(FIELDS_NUM),
            };
        case 'str':
            return match ($deep ? mt_rand(0, 1) : mt_rand(0, 3)) {
                0 => str(pick(WORDS)),
                1 => pick(FIELDS_STR),
                2 => 'lower(' . value('str', $depth + 1) . ')',
                default => 'attr.' . pick(['s', 'x']),
            };
        case 'list':
            if ($deep || chance(50)) {
                return pick(FIELDS_LIST);
            }
            $k = pick(['num', 'str', 'bool']);
            $items = [];
            for ($i = 0, $n = mt_rand(0, 3); $i < $n; $i++) {
                $items[] = value($k, $depth + 1);
            }
            return '[' . implode(', ', $items) . ']';
        case 'dyn':
            return 'attr.' . pick(['n', 's', 'b', 'x', 'big']);
        default:
            return condition($depth + 1);
    }
}

function condition(int $depth): string
{
    if ($depth > 5) {
        return pick(['true', 'false', 'active', "segment('a')", 'attr.b']);
    }
    switch (mt_rand(0, 12)) {
        case 0:
            return condition($depth + 1) . ' and ' . condition($depth + 1);
        case 1:
            return condition($depth + 1) . ' or ' . condition($depth + 1);
        case 2:
            return 'not ' . condition($depth + 1);
        case 3:
            return '(' . condition($depth + 1) . ')';
        case 4:
        case 5:
            $k = pick(['num', 'num', 'str', 'bool', 'dyn', 'list']);
            $op = $k === 'list' || $k === 'bool' ? pick(['==', '!=']) : pick(['==', '!=', '<', '<=', '>', '>=']);
            return value($k, $depth + 1) . " $op " . value($k === 'dyn' ? pick(['num', 'str', 'dyn']) : $k, $depth + 1);
        case 6:
            $k = pick(['num', 'str', 'bool']);
            return value($k, $depth + 1) . pick([' in ', ' not in ']) . value('list', $depth + 1);
        case 7:
            return value('str', $depth + 1) . pick([' like ', ' not like ']) . str(pick(WORDS));
        case 8:
            return "segment('" . pick(['a', 'b', 'loyal', 'all', 'first_order_recent', 'disabled']) . "')";
        case 9:
            // decimal arithmetic against a decimal: where float rounding would show
            $operand = static fn(): string => chance(30) ? 'attr.' . pick(['n', 'x']) : (chance(20) ? pick(FIELDS_NUM) : decimal());
            $e = $operand();
            for ($i = 0, $n = mt_rand(1, 3); $i < $n; $i++) {
                $e .= ' ' . pick(['+', '-', '*', '/']) . ' ' . $operand();
            }
            return $e . ' ' . pick(['==', '!=', '<', '<=', '>', '>=']) . ' ' . decimal();
        default:
            return pick(['active', 'true', 'false', 'attr.b', "'VIP' in groups", 'orders >= 2']);
    }
}

function mutate(string $e): string
{
    switch (mt_rand(0, 9)) {
        case 0:
            $at = mt_rand(0, strlen($e));
            return substr($e, 0, $at) . pick(['(', ')', '[', ']', ',', "'", '"', '=', '!', '-', "\0", "\t", "\n", "\xc3", '.', 'not ', 'and ', 'x']) . substr($e, $at);
        case 1:
            $at = mt_rand(0, max(0, strlen($e) - 1));
            return substr($e, 0, $at) . substr($e, $at + mt_rand(1, 3));
        case 2:
            $n = mt_rand(60, 70);
            return str_repeat(pick(['(', 'not ', '[']), $n) . 'true' . str_repeat(pick([')', ']']), $n);
        case 3:
            return pick(['orders', 'x_' . str_repeat('y', mt_rand(100, 600))]) . ' > 1';
        case 4:
            return $e . str_repeat(' or true', mt_rand(500, 700));
        default:
            return $e;
    }
}

function customer(): array
{
    $c = [];
    foreach (['orders' => 50, 'spent' => 100000, 'points' => 1000, 'lifetime_points' => 2000] as $k => $max) {
        if (chance(70)) {
            $c[$k] = chance(5) ? PHP_INT_MAX : mt_rand(0, $max);
        }
    }
    foreach (FIELDS_STR as $k) {
        if (chance(60)) {
            $c[$k] = pick(WORDS);
        }
    }
    foreach (FIELDS_LIST as $k) {
        if (chance(60)) {
            $c[$k] = array_slice(WORDS, mt_rand(0, 10), mt_rand(0, 4));
        }
    }
    foreach (['first_order', 'last_order'] as $k) {
        if (chance(60)) {
            $c[$k] = pick([1790000000 - mt_rand(0, 400) * 86400 - mt_rand(0, 86399), '-3 days', 1790000000 + 86400, PHP_INT_MIN, 0]);
        }
    }
    if (chance(10)) {
        $c['active'] = false;
    }
    if (chance(10)) {
        // one wrong value: the same InputException is expected from both
        $key = pick(['orders', 'spent', 'points', 'lifetime_points', 'city', 'groups', 'bought', 'first_order',
            'last_order', 'active', 'attributes', 'ledger']);
        $c[$key] = pick(['5', 1.5, -1, 'garbage', [1], ['a' => 'x', 'b' => 2], new stdClass, true, "x\0y", ['x' => NAN]]);
    }
    if (chance(70)) {
        $a = [];
        foreach (['n', 's', 'b', 'x', 'big'] as $k) {
            if (chance(60)) {
                $a[$k] = chance(40) ? floatAttr()
                    : pick([1, 2.5, -3, 'Paris', '10', '0.3', true, false, null, PHP_INT_MAX, 1e300, 0.1, 9223372036855]);
            }
        }
        $c['attributes'] = $a;
    }
    return $c;
}

/** What one implementation says, as a comparable array. */
function run(callable $f): array
{
    try {
        return ['ok' => $f()];
    } catch (Throwable $t) {
        return ['error' => get_class($t), 'code' => $t->getCode(),
            'message' => str_replace('Loyalty\\Polyfill\\', 'Loyalty\\', $t->getMessage())];
    }
}

/** Random valid settings to mutate. */
function settings(): array
{
    $s = ['segments' => ['a' => condition(3), 'b' => "segment('a') or orders > 1"]];
    if (chance(50)) {
        $s['rounding'] = pick(['half_up', 'down', 'half_even']);
    }
    $s['advantages'] = [];
    for ($i = 0, $n = mt_rand(0, 2); $i < $n; $i++) {
        $tiers = [];
        for ($j = 0, $m = mt_rand(1, 3); $j < $m; $j++) {
            $t = ['from' => pick([0, 5000, 10000, 5000])];
            $t += pick([['discount' => mt_rand(0, 2000)], ['discount_percent' => pick([0, 5, 2.5, 10.25, 100])], ['free_shipping' => true, 'carriers' => ['DHL']], ['discount' => 100, 'free_shipping' => true]]);
            $tiers[] = $t;
        }
        $s['advantages'][] = ['id' => "adv$i", 'segment' => pick(['a', 'all', "'VIP' in groups", 'loyal']), 'tiers' => $tiers]
            + (chance(50) ? ['label' => 'L', 'combinable' => true] : []);
    }
    if (chance(70)) {
        $s['loyalty'] = [
            'earn' => pick([['per_amount' => 100, 'points' => 2], ['per_order' => 10], ['per_amount' => 100]]),
            'spend' => ['policy' => pick(['lose_used', 'keep_all']), 'max_percent' => pick([0, 50, 12.5]), 'from_order' => 2],
            'rank_by' => pick(['points', 'orders', 'lifetime_points']),
            'brackets' => [['from' => 10, 'discount' => 500, 'cost' => pick([5, 20])], ['from' => 5, 'rate' => ['points' => 10, 'value' => 100]],
                ['from' => 10, 'free_shipping' => true]],
            'expiry' => ['days' => 365, 'mode' => pick(['rolling', 'per_lot']), 'warn_days' => [400, 30]],
            'rewards' => ['threshold' => 100, 'coupon' => ['discount_percent' => 10, 'valid_days' => 30]],
            'pending_days' => 14,
        ];
    }
    return $s;
}

/** Replaces or drops one value somewhere in $v. */
function mutateSettings(array $v, int $depth = 0): array
{
    if ($v === [] || chance(25 + 10 * $depth)) {
        $junk = [null, 1, -1, 1.5, 'x', true, [], [1, 2], ['k' => 1], PHP_INT_MAX, 1e300, 100.001, "a\0b", str_repeat('z', 200)];
        $key = chance(20) ? pick(['tirs', "bad\nkey", 'extra', 0]) : array_rand($v ?: [0 => null]);
        if (chance(20)) {
            unset($v[$key]);
        } else {
            $v[$key] = pick($junk);
        }
        return $v;
    }
    $key = array_rand($v);
    if (is_array($v[$key])) {
        $v[$key] = mutateSettings($v[$key], $depth + 1);
    } else {
        $v[$key] = pick([null, 'x', 2, 2.25, false, []]);
    }
    return $v;
}

$mismatches = 0;
$stats = [];
for ($n = 1; $n <= $cases; $n++) {
    $caseSeed = mt_rand();
    mt_srand($caseSeed);
    if ($n % 2 === 0) {
        $expr = condition(0);
        if (chance(40)) {
            $expr = mutate($expr);
        }
        $settings = ['segments' => ['a' => 'orders > 2', 'b' => "segment('a')", 'x' => $expr]];
        $customers = [];
        for ($i = 0; $i < 4; $i++) {
            $customers[] = customer();
        }
        $now = pick([1790000000, 1790000000 + mt_rand(-86400, 86400), PHP_INT_MAX, 0]);
        $answer = static function (string $program, string $engine) use ($settings, $customers, $now): array {
            return run(static function () use ($program, $engine, $settings, $customers, $now): array {
                $p = $program::fromArray($settings);
                $e = new $engine($p);
                $out = ['toArray' => $p->toArray(), 'warnings' => $p->warnings()];
                foreach ($customers as $i => $c) {
                    $out[$i] = run(fn() => [$e->segmentsOf($c, $now), $e->inSegment('x', $c, $now)]);
                }
                $out['filter'] = run(fn() => $e->filter('x', $customers, $now));
                return $out;
            });
        };
        $what = ['expression' => $expr, 'customers' => $customers, 'now' => $now];
    } else {
        $settings = settings();
        if (chance(85)) {
            $settings = mutateSettings($settings);
        }
        $answer = static function (string $program, string $engine) use ($settings): array {
            return run(static function () use ($program, $settings): array {
                $p = $program::fromArray($settings);
                $q = $program::fromJson(json_encode($settings, JSON_PARTIAL_OUTPUT_ON_ERROR | JSON_PRESERVE_ZERO_FRACTION));
                return [$p->toArray(), $p->segmentNames(), $p->warnings(), $q->toArray() === $p->toArray(),
                    $program::fromArray($p->toArray()) == $p];
            });
        };
        $what = ['settings' => $settings];
    }
    $ext = $answer('Loyalty\\Program', 'Loyalty\\Engine');
    $stats[($n % 2 === 0 ? 'expressions ' : 'settings ') . (isset($ext['ok']) ? 'accepted' : 'refused')] ??= 0;
    $stats[($n % 2 === 0 ? 'expressions ' : 'settings ') . (isset($ext['ok']) ? 'accepted' : 'refused')]++;
    $poly = $answer('Loyalty\\Polyfill\\Program', 'Loyalty\\Polyfill\\Engine');
    if ($ext !== $poly) {
        $mismatches++;
        if ($mismatches <= $show) {
            echo "mismatch in case $n (case seed $caseSeed):\n";
            echo '  input:     ', json_encode($what, JSON_PARTIAL_OUTPUT_ON_ERROR | JSON_INVALID_UTF8_SUBSTITUTE), "\n";
            echo '  extension: ', json_encode($ext, JSON_PARTIAL_OUTPUT_ON_ERROR | JSON_INVALID_UTF8_SUBSTITUTE), "\n";
            echo '  polyfill:  ', json_encode($poly, JSON_PARTIAL_OUTPUT_ON_ERROR | JSON_INVALID_UTF8_SUBSTITUTE), "\n";
        }
    }
    mt_srand($caseSeed + 1);
}
ksort($stats);
foreach ($stats as $k => $v) {
    echo "  $k: $v\n";
}
echo "$cases cases, $mismatches mismatches\n";
echo ($cases - $mismatches) . " passed, $mismatches failed\n";
exit($mismatches > 0 ? 1 : 0);
