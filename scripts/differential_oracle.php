<?php
/*
 * Differential testing against an INDEPENDENT oracle (tests/oracle/Oracle.php, written from
 * SPEC.md alone): the extension (Loyalty\Engine) and/or the polyfill (Loyalty\Polyfill\Engine)
 * are each compared with the oracle on random valid programs, carts and customers.
 *
 *   php -d extension=modules/loyalty.so scripts/differential_oracle.php [--cases=N] [--seed=S]
 *       [--show=K] [--against=extension|polyfill|both] [--quiet]
 *
 * Compared: money, points, segments, applied (source, id, label of advantages, discount,
 * free_shipping, points_spent), rejected (source, id, reason, missing), lines; not messages.
 * An exception is compared by its short class name. Each difference has a signature (the
 * result keys that differ, or the exception classes); the first K differences are shrunk
 * (keys, list items and lines dropped while the same signature remains) and printed as JSON.
 * Ends with "N passed, M failed"; exits 1 on any difference. Without the extension loaded,
 * only the polyfill is compared.
 */
declare(strict_types=1);

require_once __DIR__ . '/../polyfill/bootstrap.php';
require_once __DIR__ . '/../tests/oracle/Oracle.php';
require_once __DIR__ . '/../tests/oracle/Generator.php';

use LoyaltyOracle\Generator;
use LoyaltyOracle\Oracle;
use LoyaltyOracle\OracleException;

$options = getopt('', ['cases:', 'seed:', 'show:', 'against:', 'quiet', 'only:']);
$only = $options['only'] ?? null; // show only the differences whose signature matches this regex
$cases = (int) ($options['cases'] ?? 10000);
$seed = (int) ($options['seed'] ?? 1);
$show = (int) ($options['show'] ?? 10);
$quiet = isset($options['quiet']);
$against = $options['against'] ?? 'both';
if (!in_array($against, ['extension', 'polyfill', 'both'], true)) {
    fwrite(STDERR, "--against: extension, polyfill or both\n");
    exit(2);
}
if (!extension_loaded('loyalty')) {
    if ($against === 'extension') {
        fwrite(STDERR, "differential_oracle.php: the loyalty extension is not loaded (php -d extension=modules/loyalty.so ...)\n");
        exit(2);
    }
    if ($against === 'both') {
        fwrite(STDERR, "differential_oracle.php: extension not loaded, comparing the polyfill only\n");
    }
    $against = 'polyfill';
}
$targets = $against === 'both' ? ['extension', 'polyfill'] : [$against];

/** What the oracle or a target gives for a case, in comparable form. */
function outcome(string $who, array $case): array
{
    [$settings, $cart, $customer, $now] = $case;
    try {
        $r = match ($who) {
            'oracle' => Oracle::evaluate($settings, $cart, $customer, $now),
            'oracle-pre14' => Oracle::evaluate($settings, $cart, $customer, $now, true),
            'extension' => (new \Loyalty\Engine($settings))->evaluate($cart, $customer, $now)->toArray(),
            'polyfill' => (new \Loyalty\Polyfill\Engine($settings))->evaluate($cart, $customer, $now)->toArray(),
        };
    } catch (OracleException $e) {
        return ['error' => $e->kind, 'message' => $e->getMessage()];
    } catch (\Throwable $e) {
        $class = get_class($e);
        return ['error' => substr($class, strrpos($class, '\\') === false ? 0 : strrpos($class, '\\') + 1), 'message' => $e->getMessage()];
    }
    foreach ($r['applied'] as &$a) {
        if ($a['source'] === 'loyalty') {
            unset($a['label']); // not in SPEC
        }
    }
    unset($a);
    foreach ($r['rejected'] as &$j) {
        unset($j['message']); // wording is not contract
    }
    unset($j);
    return $r;
}

/**
 * '' when they agree, else a short signature of how they differ, prefixed "[section 14]" when
 * the oracle reading the points SPEC 14 decided as the engines did before it agrees with the
 * target (the difference is what section 14 changed), else "[NOT section 14]": those are the
 * differences to look at (a bug in the target or in the oracle).
 */
function signature(array $oracle, array $target, array $case, string $who): string
{
    unset($oracle['_spec14']);
    $sig = signature2($oracle, $target);
    if ($sig === '') {
        return '';
    }
    $pre = outcome('oracle-pre14', $case);
    unset($pre['_spec14']);
    // Before section 14, pointsBalance without a loyalty section was 0, or the customer's points
    // when some segment read `points` (the oracle's pre-14 reading gives -1: either).
    if (($pre['points_balance'] ?? null) === -1 && in_array($target['points_balance'] ?? null, [0, $oracle['points_balance'] ?? 0], true)) {
        $pre['points_balance'] = $target['points_balance'];
    }
    return (signature2($pre, $target) === '' ? '[section 14] ' : '[NOT section 14] ') . $sig;
}

function signature2(array $oracle, array $target): string
{
    if (isset($oracle['error']) || isset($target['error'])) {
        $o = $oracle['error'] ?? 'ok';
        $t = $target['error'] ?? 'ok';
        return $o === $t ? '' : "exception oracle=$o target=$t";
    }
    $keys = [];
    foreach ($oracle as $k => $v) {
        if (!array_key_exists($k, $target) || json_encode($target[$k]) !== json_encode($v)) {
            $keys[] = $k;
        }
    }
    foreach ($target as $k => $_) {
        if (!array_key_exists($k, $oracle)) {
            $keys[] = $k;
        }
    }
    if ($keys === []) {
        return '';
    }
    // Refine by the rejection reasons that differ, the usual cause of a difference.
    $detail = [];
    if (in_array('rejected', $keys, true)) {
        $reasons = fn (array $r) => array_map(fn ($j) => $j['source'] . ':' . $j['reason'], $r['rejected']);
        $o = $reasons($oracle);
        $t = $reasons($target);
        $detail[] = 'reasons oracle+[' . implode(',', array_unique(array_diff($o, $t))) . '] target+[' . implode(',', array_unique(array_diff($t, $o))) . ']';
    }
    return implode(',', $keys) . ($detail ? ' ' . implode(' ', $detail) : '');
}

function differs(string $who, array $case): string
{
    return signature(outcome('oracle', $case), outcome($who, $case), $case, $who);
}

/**
 * The smallest case with the same signature: drop keys and list items (lines included), one at
 * a time, repeatedly, while the difference keeps its signature.
 */
function shrink(string $who, array $case, string $sig): array
{
    $paths = static function (array $a, array $prefix) use (&$paths): array {
        $out = [];
        foreach ($a as $k => $v) {
            $out[] = [...$prefix, $k];
            if (is_array($v)) {
                array_push($out, ...$paths($v, [...$prefix, $k]));
            }
        }
        return $out;
    };
    $without = static function (array $a, array $path) use (&$without): array {
        $k = array_shift($path);
        if ($path === []) {
            $list = array_is_list($a);
            unset($a[$k]);
            return $list ? array_values($a) : $a;
        }
        $a[$k] = $without($a[$k], $path);
        return $a;
    };
    for ($changed = true, $budget = 3000; $changed && $budget > 0;) {
        $changed = false;
        // Deepest first is slow on 120 lines; outer items first removes whole lines at once.
        foreach ($paths($case, []) as $path) {
            if (count($path) < 2 || $budget-- <= 0) {
                continue; // the four parts of a case stay
            }
            try {
                $smaller = $without($case, $path);
            } catch (\Throwable) {
                continue;
            }
            if (differs($who, $smaller) === $sig) {
                $case = $smaller;
                $changed = true;
                break;
            }
        }
    }
    return $case;
}

function show(string $who, array $case, string $sig, int $n, int $index): void
{
    $case = shrink($who, $case, $sig);
    [$settings, $cart, $customer, $now] = $case;
    $o = outcome('oracle', $case);
    $rules = $o['_spec14'] ?? [];
    unset($o['_spec14']);
    $t = outcome($who, $case);
    $flags = JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE | JSON_PRESERVE_ZERO_FRACTION;
    echo "--- difference #$n against $who (case $index of the seed): $sig\n";
    echo 'SPEC 14 rules the case meets: ', $rules === [] ? 'none' : implode(', ', $rules), "\n";
    echo 'settings: ', json_encode((object) $settings, $flags), "\n";
    echo 'cart:     ', json_encode((object) $cart, $flags), "\n";
    echo 'customer: ', json_encode((object) $customer, $flags), "\n";
    echo 'now:      ', json_encode($now), "\n";
    foreach ($o as $k => $v) {
        if (json_encode($v) !== json_encode($t[$k] ?? null)) {
            echo "  $k: oracle ", json_encode($v, $flags), "\n";
            echo str_repeat(' ', strlen($k) + 3), "$who ", json_encode($t[$k] ?? null, $flags), "\n";
        }
    }
    foreach ($t as $k => $v) {
        if (!array_key_exists($k, $o)) {
            echo "  $k: $who ", json_encode($v, $flags), " (oracle has none)\n";
        }
    }
}

mt_srand($seed);
$start = microtime(true);
$failed = 0;
$shown = 0;
$stats = array_fill_keys($targets, ['differences' => 0, 'signatures' => []]);
$skipped = 0;
$coverage = [];
for ($i = 0; $i < $cases; $i++) {
    $settings = Generator::settings();
    $case = [$settings, Generator::cart(), Generator::customer($settings), Generator::now()];
    $case[0] = Generator::boundaries($case[0], $case[1], $case[2]);
    $o = outcome('oracle', $case);
    if (($o['error'] ?? null) === 'ConfigException') {
        $skipped++; // the generator made an invalid program (counted, still compared)
    }
    // What the cases exercise, as the oracle sees them.
    if (isset($o['error'])) {
        $coverage['error:' . $o['error']] = ($coverage['error:' . $o['error']] ?? 0) + 1;
    } else {
        foreach ($o['applied'] as $a) {
            $k = 'applied:' . $a['source'] . ($a['free_shipping'] ? '+fs' : '') . ($a['points_spent'] > 0 ? '+spent' : '');
            $coverage[$k] = ($coverage[$k] ?? 0) + 1;
        }
        foreach ($o['rejected'] as $j) {
            $k = $j['source'] . ':' . $j['reason'];
            $coverage[$k] = ($coverage[$k] ?? 0) + 1;
        }
        if ($o['points_earned'] > 0) {
            $coverage['earned'] = ($coverage['earned'] ?? 0) + 1;
        }
        if ($o['lines'] !== [] && $o['discount'] > 0) {
            $coverage['allocated'] = ($coverage['allocated'] ?? 0) + 1;
        }
    }
    $bad = false;
    foreach ($targets as $who) {
        $sig = signature($o, outcome($who, $case), $case, $who);
        if ($sig === '') {
            continue;
        }
        $bad = true;
        $stats[$who]['differences']++;
        $first = !isset($stats[$who]['signatures'][$sig]);
        $stats[$who]['signatures'][$sig] = ($stats[$who]['signatures'][$sig] ?? 0) + 1;
        // Show first each new signature, up to --show.
        if ($first && $shown < $show && ($only === null || preg_match("\x01$only\x01", $sig))) {
            show($who, $case, $sig, ++$shown, $i);
        }
    }
    $failed += $bad ? 1 : 0;
    if (!$quiet && ($i + 1) % 10000 === 0) {
        fprintf(STDERR, "%d cases, %d failed, %.0f cases/s\n", $i + 1, $failed, ($i + 1) / (microtime(true) - $start));
    }
}
$elapsed = microtime(true) - $start;
echo "\n";
ksort($coverage);
echo 'coverage (oracle side):';
foreach ($coverage as $k => $n) {
    echo " $k=$n";
}
echo "\n";
foreach ($stats as $who => $s) {
    $not = array_sum(array_filter($s['signatures'], fn ($sig) => str_starts_with($sig, '[NOT'), ARRAY_FILTER_USE_KEY));
    echo "$who: $cases cases, {$s['differences']} differences: ", $s['differences'] - $not,
        " explained by SPEC section 14 (the engines' pre-14 behaviour), $not NOT explained\n";
    arsort($s['signatures']);
    $listed = 0;
    foreach ($s['signatures'] as $sig => $count) {
        if (str_starts_with($sig, '[NOT') || $listed++ < 12) {
            echo "  $count  $sig\n";
        }
    }
    if ($listed > 12) {
        echo '  ... and ', $listed - 12, " more section-14 signatures\n";
    }
}
if ($skipped > 0) {
    echo "$skipped cases the oracle found invalid (ConfigException)\n";
}
printf("seed %d, %.1f s, %.0f cases/s\n", $seed, $elapsed, $cases / max($elapsed, 1e-9));
echo $cases - $failed, " passed, $failed failed\n";
exit($failed > 0 ? 1 : 0);
