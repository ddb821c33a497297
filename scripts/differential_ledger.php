<?php
/*
 * Differential testing of the ledger: the extension's \Loyalty\Ledger against
 * \Loyalty\Polyfill\Ledger, in one process.
 *
 *   php -d extension=modules/loyalty.so scripts/differential_ledger.php [--seed=N] [--cases=N] [--quiet]
 *
 * From the seed, generates random valid loyalty sections (expiry rolling / per_lot / none,
 * warn_days, pending_days, rewards) and random histories: stored entries given to the
 * constructor (shuffled, now and then malformed), then earn/grant/spend/issueRewards calls in
 * and out of time order (equal times, spends that are short, points near PHP_INT_MAX, date
 * strings and objects, wrong argument types), questions (balance, pending, expiring,
 * warningsDue) at dates before, between and after the entries, clones and reloads from
 * entries(). Every answer is compared: return values, or the exception class, code and
 * message. Coupon codes are random, so they are compared by their shape only.
 * On a mismatch it shrinks the case (drops operations, entries and settings while the
 * mismatch remains) and prints a minimal reproducer as a PHP script.
 * Shows the first 10 mismatches; ends with "N cases, M mismatches" and "N passed, M failed"; exits 1 when there is one.
 * A long run: --cases=1000000 (about 17 minutes of CPU; progress on stderr every 10,000 cases).
 *
 * No strict_types here on purpose: shop code mostly runs in coercive mode, and a userland
 * method cannot tell the caller's mode for a `mixed` date parameter (a float or bool `$at`
 * is coerced as an int parameter takes it in coercive mode; the extension refuses it under
 * strict_types).
 */

if (!extension_loaded('loyalty')) {
    fwrite(STDERR, "differential_ledger.php: the loyalty extension is not loaded (php -d extension=modules/loyalty.so ...)\n");
    exit(2);
}
$options = getopt('', ['seed:', 'cases:', 'quiet', 'stats', 'bootstrap:']);
$seed = (int) ($options['seed'] ?? 1);
$cases = (int) ($options['cases'] ?? 10000);
$quiet = isset($options['quiet']);
if (!class_exists('Loyalty\\Polyfill\\Ledger')) {
    require_once $options['bootstrap'] ?? __DIR__ . '/../polyfill/bootstrap.php';
}

const B = 1767225600; // 2026-01-01 00:00:00 UTC
const D = 86400;

/** Random loyalty sections and ledger histories from the seeded generator. */
final class LedgerCases
{
    public static function settings(): array
    {
        if (mt_rand(1, 12) === 1) {
            return mt_rand(0, 1) ? [] : ['loyalty' => []];
        }
        $y = [];
        if (mt_rand(1, 10) <= 7) {
            $days = [1, 2, 7, 10, 30, 60, 90, 365, mt_rand(1, 120), 36500][mt_rand(0, 9)];
            $e = ['days' => $days];
            if (mt_rand(0, 2)) {
                $e['mode'] = mt_rand(0, 1) ? 'rolling' : 'per_lot';
            }
            if (mt_rand(0, 3)) {
                $warn = [];
                for ($i = mt_rand(1, 4); $i > 0; $i--) {
                    $warn[] = mt_rand(0, 4) ? mt_rand(1, max(1, min($days + 2, 400))) : [1, 7, 14, 30][mt_rand(0, 3)];
                }
                $e['warn_days'] = $warn;
            }
            $y['expiry'] = $e;
        }
        if (mt_rand(0, 1)) {
            $y['pending_days'] = [0, 1, 3, 14, mt_rand(0, 40)][mt_rand(0, 4)];
        }
        if (mt_rand(1, 10) <= 4) {
            $c = mt_rand(0, 1) ? ['discount' => mt_rand(1, 5000)]
                : ['discount_percent' => mt_rand(0, 1) ? mt_rand(1, 50) : mt_rand(1, 9999) / 100];
            if (mt_rand(0, 1)) {
                $c['min_cart'] = mt_rand(0, 20000);
            }
            if (mt_rand(0, 1)) {
                $c['valid_days'] = mt_rand(1, 400);
            }
            $y['rewards'] = ['threshold' => mt_rand(0, 9) ? mt_rand(1, 300) : mt_rand(1, PHP_INT_MAX), 'coupon' => $c];
        }
        return ['loyalty' => $y];
    }

    /** A date: mostly whole days (equal times happen), some seconds, now and then extreme. */
    public static function time(): int
    {
        $r = mt_rand(1, 100);
        if ($r <= 2) {
            return PHP_INT_MAX - mt_rand(0, 400 * D);
        }
        if ($r <= 3) {
            return -mt_rand(0, 4000000000);
        }
        $t = B + mt_rand(-5, 400) * D;
        return match (mt_rand(0, 4)) {
            0 => $t + mt_rand(0, D - 1),
            1 => $t - 1,
            default => $t,
        };
    }

    /** A date in one of the forms the API takes (mostly an int). */
    public static function dateValue(int $t): mixed
    {
        if ($t < 0 || $t > B + 1000 * D || mt_rand(0, 9)) {
            return $t;
        }
        return match (mt_rand(0, 2)) {
            0 => gmdate('Y-m-d H:i:s', $t) . ' UTC',
            1 => new DateTimeImmutable('@' . $t),
            default => '@' . $t,
        };
    }

    public static function points(): int
    {
        $r = mt_rand(1, 100);
        return match (true) {
            $r <= 3 => PHP_INT_MAX - mt_rand(0, 10),
            $r <= 8 => 0,
            $r <= 15 => mt_rand(0, 5000),
            default => mt_rand(1, 200),
        };
    }

    /** Stored entries for the constructor: null (none), in time order or shuffled, now and then malformed. */
    public static function entries(): ?array
    {
        if (mt_rand(0, 2) === 0) {
            return null;
        }
        if (mt_rand(1, 40) === 1) {
            return self::longHistory();
        }
        $list = [];
        for ($i = mt_rand(0, 12); $i > 0; $i--) {
            $type = ['earn', 'earn', 'earn', 'earn', 'grant', 'grant', 'spend', 'spend', 'reward'][mt_rand(0, 8)];
            $points = $type === 'spend' || $type === 'reward' ? mt_rand(0, 60) : self::points();
            $list[] = ['type' => $type, 'points' => $points, 'at' => self::time(), 'ref' => mt_rand(0, 1) ? "r$i" : ''];
        }
        if (mt_rand(0, 1)) {
            usort($list, fn($a, $b) => $a['at'] <=> $b['at']);
        }
        if ($list && mt_rand(1, 10) === 1) {
            $k = array_rand($list);
            $bad = [
                fn($e) => ['points' => -1] + $e, fn($e) => ['points' => 1.5] + $e, fn($e) => ['type' => 'redeem'] + $e,
                fn($e) => $e + ['note' => 'x'], fn($e) => array_diff_key($e, ['at' => 1]), fn($e) => ['at' => 'not a date'] + $e,
                fn($e) => ['ref' => 5] + $e, fn($e) => 'entry', fn($e) => ['type' => null] + $e, fn($e) => $e + [3 => 'x'],
                fn($e) => ['at' => null] + $e, fn($e) => array_diff_key($e, ['ref' => 1]), fn($e) => ['ref' => null] + $e,
            ];
            $list[$k] = $bad[mt_rand(0, count($bad) - 1)]($list[$k]);
        }
        return $list;
    }

    /** A long history (hundreds of entries, many on the same days): where the caching and the walks over lots show. */
    private static function longHistory(): array
    {
        $list = [];
        $t = B + mt_rand(-5, 5) * D;
        for ($i = mt_rand(100, 600); $i > 0; $i--) {
            $t += [0, 0, 60, 3600, D, 2 * D, 7 * D][mt_rand(0, 6)];
            $type = ['earn', 'earn', 'earn', 'grant', 'spend', 'spend'][mt_rand(0, 5)];
            $list[] = ['type' => $type, 'points' => $type === 'spend' ? mt_rand(0, 15) : mt_rand(0, 60), 'at' => $t, 'ref' => "h$i"];
        }
        if (mt_rand(0, 1)) {
            shuffle($list);
        }
        return $list;
    }

    /** Operations on the ledger: [method, args...]. */
    public static function ops(): array
    {
        $ops = [];
        $last = B;
        for ($i = mt_rand(1, 25); $i > 0; $i--) {
            // mostly forward in time, now and then back (out of order)
            $t = mt_rand(0, 3) ? $last + mt_rand(0, 30) * D + (mt_rand(0, 3) ? 0 : mt_rand(0, D)) : self::time();
            if ($t >= B - 10 * D && $t <= B + 1000 * D) {
                $last = $t;
            }
            $r = mt_rand(1, 100);
            $ops[] = match (true) {
                $r <= 30 => ['earn', self::points(), $t, "o$i"],
                $r <= 40 => ['grant', self::points(), $t, "g$i"],
                $r <= 58 => ['spend', mt_rand(0, 9) ? mt_rand(0, 300) : self::points(), $t, "s$i"],
                $r <= 66 => ['issueRewards', $t],
                $r <= 74 => ['balance', self::time()],
                $r <= 78 => ['pending', self::time()],
                $r <= 83 => ['expiring', self::time()],
                $r <= 88 => ['warningsDue', $a = self::time(), mt_rand(0, 5) ? $a + mt_rand(0, 200) * D : self::time()],
                $r <= 90 => ['entries'],
                $r <= 92 => ['clone'],
                $r <= 94 => ['reload'],
                $r <= 95 => ['customer', self::time(), ['object', 'entries', 'entries', 'bad'][mt_rand(0, 3)], mt_rand(0, 300)],
                $r <= 97 => [['earn', 'grant', 'spend'][mt_rand(0, 2)], -mt_rand(1, 100), $t, 'neg'],
                default => self::badCall($t),
            };
        }
        return $ops;
    }

    private static function badCall(int $t): array
    {
        return [
            ['earn', 1, null], ['earn', 1, []], ['spend', 1, new stdClass()], ['grant', 1, 1.5e300], ['balance', []],
            ['pending', new ArrayObject()], ['warningsDue', $t, []], ['issueRewards', null], ['earn', 1, 'the day after'],
            ['balance', 'nope'], ['warningsDue', 'never', $t], ['earn', 1, true], ['grant', 1, (float) $t],
        ][mt_rand(0, 12)];
    }
}

/** Runs one case on both implementations, step by step. */
final class LedgerRun
{
    /** @var array<string, int> outcomes seen on the extension's side: "method ok" / "method ExceptionClass" */
    public static array $stats = [];

    /** @return array|null the first step whose answers differ: [step, extension, polyfill, the final question in PHP?] */
    public static function mismatch(array $case): ?array
    {
        [$settings, $entries, $ops] = $case;
        $sides = [];
        foreach (['Loyalty\\', 'Loyalty\\Polyfill\\'] as $ns) {
            try {
                $program = ($ns . 'Program')::fromArray($settings);
            } catch (Throwable $e) { // the generator makes valid settings only
                return ['Program::fromArray', self::call(fn() => throw $e), null];
            }
            $sides[] = ['ns' => $ns, 'program' => $program, 'settings' => $settings, 'ledger' => null];
        }
        $answers = [];
        foreach ($sides as $k => &$side) {
            $class = $side['ns'] . 'Ledger';
            $p = $side['program'];
            $answers[$k] = self::call(function () use (&$side, $class, $p, $entries) {
                $side['ledger'] = $entries === null ? new $class($p) : new $class($p, $entries);
                return $side['ledger']->entries();
            });
        }
        unset($side);
        self::count('new Ledger', $answers[0]);
        if ($answers[0] !== $answers[1]) {
            return ['new Ledger', $answers[0], $answers[1]];
        }
        if ($sides[0]['ledger'] === null) {
            return null;
        }
        foreach ($ops as $i => $op) {
            $answers = [];
            foreach ($sides as $k => &$side) {
                $answers[$k] = self::call(fn() => self::apply($side, $op));
            }
            unset($side);
            self::count($op[0], $answers[0]);
            if ($answers[0] !== $answers[1]) {
                return ["ops[$i]", $answers[0], $answers[1]];
            }
        }
        // A final sweep of questions over the whole history.
        $times = [PHP_INT_MIN, -1, PHP_INT_MAX];
        foreach ($sides[0]['ledger']->entries() as $e) {
            array_push($times, $e['at'] - 1, $e['at'], $e['at'] + 1);
        }
        for ($t = B - 2 * D; $t < B + 500 * D; $t += 3 * D + 3600) {
            $times[] = $t;
        }
        foreach ($times as $t) {
            $answers = [];
            foreach ($sides as $k => $side) {
                $l = $side['ledger'];
                $answers[$k] = self::call(fn() => [$l->balance($t), $l->pending($t), $l->expiring($t)]);
            }
            if ($answers[0] !== $answers[1]) {
                return ["final balance/pending/expiring at $t", $answers[0], $answers[1],
                    "var_dump(\$l->balance($t), \$l->pending($t), \$l->expiring($t));\n"];
            }
        }
        foreach ([[PHP_INT_MIN, PHP_INT_MAX], [B - 10 * D, B + 900 * D], [B + 30 * D, B + 31 * D]] as [$from, $to]) {
            $answers = [];
            foreach ($sides as $k => $side) {
                $l = $side['ledger'];
                $answers[$k] = self::call(fn() => $l->warningsDue($from, $to));
            }
            if ($answers[0] !== $answers[1]) {
                return ["final warningsDue($from, $to)", $answers[0], $answers[1], "var_dump(\$l->warningsDue($from, $to));\n"];
            }
        }
        return null;
    }

    private static function count(string $what, array $answer): void
    {
        $key = $what . ' ' . ($answer[0] === 'ok' ? 'ok' : $answer[1]);
        self::$stats[$key] = (self::$stats[$key] ?? 0) + 1;
    }

    private static function apply(array &$side, array $op): mixed
    {
        $l = $side['ledger'];
        $method = $op[0];
        switch ($method) {
            case 'clone':
                $side['ledger'] = clone $l;
                return $side['ledger']->entries();
            case 'customer':
                // the customer's `ledger` (the object or its entries) stands for `points`
                [, $t, $kind, $min] = $op;
                $settings = $side['settings'] + ['segments' => ['rich' => "points >= $min"]];
                $engine = new ($side['ns'] . 'Engine')($settings);
                $customer = ['orders' => 1, 'ledger' => match ($kind) { 'object' => $l, 'entries' => $l->entries(), default => 5 }];
                $result = $engine->evaluate(['subtotal' => 1000], $customer, $t);
                return [$engine->segmentsOf($customer, $t), $result->pointsBalance, $result->pointsEarned];
            case 'reload':
                $class = $side['ns'] . 'Ledger';
                $side['ledger'] = new $class($side['program'], $l->entries());
                return $side['ledger']->entries();
            default:
                $args = array_map(fn($a) => is_object($a) ? clone $a : $a, array_slice($op, 1));
                $result = $l->$method(...$args);
                return in_array($method, ['earn', 'grant', 'spend', 'issueRewards'], true) ? [$result, $l->entries()] : $result;
        }
    }

    /** ['ok', value] or ['exception', class, code, message], with coupon codes and class names made comparable. */
    private static function call(callable $f): array
    {
        try {
            $out = ['ok', $f()];
        } catch (Throwable $e) {
            $out = ['exception', get_class($e), $e->getCode(), $e->getMessage()];
        }
        return self::normalize($out);
    }

    private static function normalize(mixed $v): mixed
    {
        if (is_array($v)) {
            return array_map([self::class, 'normalize'], $v);
        }
        if (is_string($v)) {
            $v = preg_replace('/LTY-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}/', 'LTY-code', $v);
            $v = str_replace('Loyalty\\Polyfill\\', 'Loyalty\\', $v);
            return preg_replace('/, called in .* on line \d+$/', '', $v);
        }
        if (is_object($v)) {
            return get_class($v);
        }
        return $v;
    }
}

/** Drops operations, entries and settings while the mismatch remains. */
function shrinkLedgerCase(array $case): array
{
    $still = fn(array $c) => LedgerRun::mismatch($c) !== null;
    $changed = true;
    while ($changed) {
        $changed = false;
        // operations, from the end
        for ($i = count($case[2]) - 1; $i >= 0; $i--) {
            $try = $case;
            array_splice($try[2], $i, 1);
            if ($still($try)) {
                $case = $try;
                $changed = true;
            }
        }
        // stored entries
        if ($case[1] !== null) {
            $try = $case;
            $try[1] = null;
            if ($still($try)) {
                $case = $try;
                $changed = true;
            } else {
                for ($i = count($case[1]) - 1; $i >= 0; $i--) {
                    $try = $case;
                    array_splice($try[1], $i, 1);
                    if ($still($try)) {
                        $case = $try;
                        $changed = true;
                    }
                }
            }
        }
        // settings: loyalty keys, expiry keys, warn days, coupon keys
        $paths = [['loyalty', 'rewards'], ['loyalty', 'pending_days'], ['loyalty', 'expiry'], ['loyalty', 'expiry', 'mode'],
            ['loyalty', 'expiry', 'warn_days'], ['loyalty', 'rewards', 'coupon', 'min_cart'], ['loyalty', 'rewards', 'coupon', 'valid_days']];
        foreach ($case[0]['loyalty']['expiry']['warn_days'] ?? [] as $j => $_) {
            $paths[] = ['loyalty', 'expiry', 'warn_days', $j];
        }
        foreach ($paths as $path) {
            $try = $case;
            $ref = &$try[0];
            foreach (array_slice($path, 0, -1) as $key) {
                if (!is_array($ref) || !array_key_exists($key, $ref)) {
                    continue 2;
                }
                $ref = &$ref[$key];
            }
            $last = end($path);
            if (!is_array($ref) || !array_key_exists($last, $ref)) {
                continue;
            }
            unset($ref[$last]);
            if (is_int($last)) {
                $ref = array_values($ref);
            }
            unset($ref);
            if ($still($try)) {
                $case = $try;
                $changed = true;
            }
        }
    }
    return $case;
}

function ledgerReproducer(array $case): string
{
    [$settings, $entries, $ops] = $case;
    $export = fn($v) => is_object($v) ? ($v instanceof DateTimeInterface ? "new DateTimeImmutable('@" . $v->getTimestamp() . "')" : 'new ' . get_class($v) . '()')
        : str_replace("\n", '', var_export($v, true));
    $php = "use Loyalty\\{Program, Ledger};\n\$p = Program::fromArray(" . $export($settings) . ");\n";
    $php .= '$l = new Ledger($p' . ($entries === null ? '' : ', ' . $export($entries)) . ");\n";
    foreach ($ops as $op) {
        $php .= match ($op[0]) {
            'clone' => "\$l = clone \$l;\n",
            'reload' => "\$l = new Ledger(\$p, \$l->entries());\n",
            'customer' => '$e = new Loyalty\\Engine(' . $export($settings + ['segments' => ['rich' => "points >= $op[3]"]]) . ");\n"
                . '$c = [\'orders\' => 1, \'ledger\' => ' . ['object' => '$l', 'entries' => '$l->entries()', 'bad' => '5'][$op[2]] . "];\n"
                . "\$r = \$e->evaluate(['subtotal' => 1000], \$c, $op[1]);\n"
                . "var_dump(\$e->segmentsOf(\$c, $op[1]), \$r->pointsBalance, \$r->pointsEarned);\n",
            default => '$l->' . $op[0] . '(' . implode(', ', array_map($export, array_slice($op, 1))) . ");\n",
        };
    }
    return $php;
}

mt_srand($seed);
$mismatches = 0;
$started = microtime(true);
for ($n = 0; $n < $cases; $n++) {
    $case = [LedgerCases::settings(), LedgerCases::entries(), LedgerCases::ops()];
    $found = LedgerRun::mismatch($case);
    if (!$quiet && $n % 10000 === 9999) {
        fprintf(STDERR, "%d cases, %d mismatches, %.0fs\n", $n + 1, $mismatches + ($found !== null), microtime(true) - $started);
    }
    if ($found === null) {
        continue;
    }
    $mismatches++;
    if ($mismatches <= 10) {
        $small = shrinkLedgerCase($case);
        $at = LedgerRun::mismatch($small) ?? $found;
        echo "=== mismatch in case $n (seed $seed): $at[0]\n", ledgerReproducer($small), $at[3] ?? '',
            "// extension: ", json_encode($at[1], JSON_PARTIAL_OUTPUT_ON_ERROR), "\n// polyfill:  ", json_encode($at[2], JSON_PARTIAL_OUTPUT_ON_ERROR), "\n";
    }
}
if (isset($options['stats'])) {
    ksort(LedgerRun::$stats);
    foreach (LedgerRun::$stats as $key => $count) {
        printf("%-40s %d\n", $key, $count);
    }
}
echo "$cases cases, $mismatches mismatches\n";
echo ($cases - $mismatches) . " passed, $mismatches failed\n"; // for .ci/run
exit($mismatches ? 1 : 0);
