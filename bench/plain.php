<?php
// Issue 13's comparison: the extension, an independent idiomatic plain-PHP implementation of
// the contract (bench/plain/) and the polyfill, side by side in one run, with the same
// checksum on every answer. Ratios are against plain PHP: ext/plain < 1 means the extension
// is faster; the speed-up is plain/ext.
//   bash bench/run.sh plain
//   BENCH_CUSTOMERS=100000 BENCH_ADVANTAGES=3000 BENCH_SEGMENTS=1000 bash bench/run.sh plain
declare(strict_types=1);

namespace Loyalty\Bench;

require __DIR__ . '/lib.php';
require_once __DIR__ . '/plain/autoload.php';

$impls = ['extension' => [\Loyalty\Engine::class, \Loyalty\Program::class],
    'plain' => [\Loyalty\Plain\Engine::class, \Loyalty\Plain\Program::class]];
if (isset(implementations()['polyfill'])) {
    $impls['polyfill'] = [\Loyalty\Polyfill\Engine::class, \Loyalty\Polyfill\Program::class];
}
ini_set('loyalty.cache_size', '0'); // every compile is cold
$rows = [];

// ---- the typical workload -----------------------------------------------------------
$pairs = pairs((int) (getenv('BENCH_PAIRS') ?: 2000), 42);
$json = json_encode(typical_settings());
$ops = count($pairs);
$by = [];
foreach ($impls as $impl => [$engineClass, $programClass]) {
    $engine = new $engineClass($json);
    $by['evaluate, typical'][$impl] = measure(function () use ($engine, $pairs) {
        $out = [];
        foreach ($pairs as [$cart, $customer]) {
            $out[] = $engine->evaluate($cart, $customer, NOW);
        }
        return $out;
    }, $ops);
    $by['evaluate, typical'][$impl][1] = array_map(fn($r) => $r->toArray(), $by['evaluate, typical'][$impl][1]);
    $by['segmentsOf, typical'][$impl] = measure(function () use ($engine, $pairs) {
        $out = [];
        foreach ($pairs as [, $customer]) {
            $out[] = $engine->segmentsOf($customer, NOW);
        }
        return $out;
    }, $ops);
    $by['inSegment vip_paris, typical'][$impl] = measure(function () use ($engine, $pairs) {
        $out = [];
        foreach ($pairs as [, $customer]) {
            $out[] = $engine->inSegment('vip_paris', $customer, NOW);
        }
        return $out;
    }, $ops);
    $compiles = 200;
    $by['compile from JSON, cold, typical'][$impl] = measure(function () use ($programClass, $json, $compiles) {
        for ($i = 0; $i < $compiles; $i++) {
            $p = $programClass::fromJson($json);
        }
        return [$p->segmentNames(), $p->toArray()];
    }, $compiles);
}
foreach ($by as $name => $results) {
    $rows[] = baseline_row($name, str_starts_with($name, 'compile') ? 200 : $ops, $results);
}

// ---- filter over MySQL-shaped rows: 'lapsed' reads two fields ---------------------------
$count = (int) (getenv('BENCH_CUSTOMERS') ?: 1000000);
$array = iterator_to_array(customers($count, 7), false);
$by = [];
foreach ($impls as $impl => [$engineClass]) {
    $engine = new $engineClass($json);
    $by[$impl] = measure(fn() => $engine->filter('lapsed', $array, NOW), $count);
}
unset($array);
$rows[] = baseline_row("filter('lapsed'), per customer row", $count, $by);

// ---- many rules that apply: N advantages of 3 tiers over S segments --------------------
$manyPairs = many_rules_pairs(20, 99);
$cases = [];
foreach (array_map('intval', explode(',', getenv('BENCH_ADVANTAGES') ?: '3000,30000')) as $n) {
    $cases["$n advantages, 100 segments"] = many_rules_settings($n);
}
foreach (array_map('intval', explode(',', getenv('BENCH_SEGMENTS') ?: '1000,10000')) as $s) {
    $cases["$s segments, 1 advantage each"] = many_rules_settings($s, $s);
}
foreach ($cases as $case => $settings) {
    $caseJson = json_encode($settings);
    unset($settings);
    $by = ['compile' => [], 'evaluate' => []];
    foreach ($impls as $impl => [$engineClass, $programClass]) {
        gc_collect_cycles();
        $by['compile'][$impl] = measure(function () use ($programClass, $caseJson) {
            $p = $programClass::fromJson($caseJson);
            return $p->segmentNames();
        }, 1);
        $engine = new $engineClass($caseJson);
        $by['evaluate'][$impl] = measure(function () use ($engine, $manyPairs) {
            $out = [];
            foreach ($manyPairs as [$cart, $customer]) {
                $r = $engine->evaluate($cart, $customer, NOW);
                $out[] = [$r->discount, $r->total, $r->pointsEarned];
            }
            return $out;
        }, count($manyPairs));
        // the checksum reads more than the timed loop: what applied and how many were rejected
        foreach ($manyPairs as $k => [$cart, $customer]) {
            $r = $engine->evaluate($cart, $customer, NOW);
            $by['evaluate'][$impl][1][$k][] = [$r->applied, count($r->rejected), $r->segments];
        }
        unset($engine);
    }
    $rows[] = baseline_row("compile, $case", 1, $by['compile']);
    $rows[] = baseline_row("evaluate, $case", count($manyPairs), $by['evaluate']);
}
report('plain', $rows);

/**
 * A row with the three implementations, ext/plain and polyfill/plain, and whether every
 * implementation gave the same checksum.
 * @param array<string, array{0: float, 1: mixed}> $byImpl
 */
function baseline_row(string $name, int $ops, array $byImpl): array
{
    $row = row($name, $ops, $byImpl);
    unset($row['ratio']);
    $plain = max($row['plain_ns'], 0.001);
    $row['ext/plain'] = round($row['extension_ns'] / $plain, 3);
    $row['speed-up over plain'] = round($plain / max($row['extension_ns'], 0.001), 1);
    if (isset($row['polyfill_ns'])) {
        $row['polyfill/plain'] = round($row['polyfill_ns'] / $plain, 2);
    }
    $sums = array_unique(array_map(fn($impl) => $row["{$impl}_checksum"], array_keys($byImpl)));
    $row['same_answers'] = count($sums) === 1;
    return $row;
}
