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

require_once __DIR__ . '/expression_generator.php';

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
