<?php
// Typical shop: 12 segments, 8 advantages with 3 tiers, 4 loyalty brackets, carts of 5 to
// 30 lines, 2,000 cart/customer pairs: evaluate, segmentsOf, inSegment.
declare(strict_types=1);

namespace Loyalty\Bench;

require __DIR__ . '/lib.php';

$pairs = pairs((int) (getenv('BENCH_PAIRS') ?: 2000), 42);
$settings = json_encode(typical_settings());
$ops = count($pairs);
$rows = ['evaluate' => [], 'segmentsOf' => [], 'inSegment' => []];
foreach (implementations() as $impl => $engineClass) {
    $engine = new $engineClass($settings);
    $rows['evaluate'][$impl] = measure(function () use ($engine, $pairs) {
        $out = [];
        foreach ($pairs as [$cart, $customer]) {
            $out[] = $engine->evaluate($cart, $customer, NOW);
        }
        return $out;
    }, $ops);
    // the checksum covers every field, rejections and line allocations included
    $rows['evaluate'][$impl][1] = array_map(fn($r) => $r->toArray(), $rows['evaluate'][$impl][1]);
    $rows['segmentsOf'][$impl] = measure(function () use ($engine, $pairs) {
        $out = [];
        foreach ($pairs as [, $customer]) {
            $out[] = $engine->segmentsOf($customer, NOW);
        }
        return $out;
    }, $ops);
    $rows['inSegment'][$impl] = measure(function () use ($engine, $pairs) {
        $out = [];
        foreach ($pairs as [, $customer]) {
            $out[] = $engine->inSegment('vip_paris', $customer, NOW);
        }
        return $out;
    }, $ops);
}
report('typical', array_map(fn($name) => row($name, $ops, $rows[$name]), array_keys($rows)));
