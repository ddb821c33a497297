<?php
// Driver for bench/callgrind.sh: evaluates the typical workload's first N pairs (argv[1])
// with the extension. Run twice with two N, the difference gives instructions per evaluate.
declare(strict_types=1);

namespace Loyalty\Bench;

require __DIR__ . '/workload.php';

$n = (int) ($argv[1] ?? 100);
$op = $argv[2] ?? 'evaluate';
$pairs = pairs(200, 42);
$settings = typical_settings();
if (preg_match('/^(evaluate|compile)@(\d+)(?:x(\d+))?$/', $op, $m)) { // many rules apply: advantages x segments
    $settings = many_rules_settings((int) $m[2], (int) ($m[3] ?? 100));
    $pairs = many_rules_pairs(20, 7);
    $op = $m[1];
}
if (preg_match('/^inline@(\d+)$/', $op, $m)) { // N advantages, each with its own inline segment (scaling.php)
    $settings = scaling_settings((int) $m[1]);
    $pairs = pairs(20, 99);
    $op = 'evaluate';
}
if ($op === 'compile') { // Program::fromJson() of the same text, cache off
    $json = json_encode($settings);
    for ($i = 0; $i < $n; $i++) {
        \Loyalty\Program::fromJson($json);
    }
    exit(0);
}
$engine = new \Loyalty\Engine(json_encode($settings));
if ($op === 'filter') { // filter('lapsed', ...) over N MySQL-shaped customer rows, from an array
    $rows = iterator_to_array(customers($n, 7), false);
    $engine->filter('lapsed', $rows, NOW);
    exit(0);
}
if ($op === 'backtest') { // one row of Engine::backtest(), from a generator
    $engine->backtest((function () use ($n, $pairs) {
        for ($i = 0; $i < $n; $i++) {
            yield ['cart' => $pairs[$i % count($pairs)][0], 'customer' => $pairs[$i % count($pairs)][1], 'at' => NOW];
        }
    })());
    exit(0);
}
for ($i = 0; $i < $n; $i++) {
    [$cart, $customer] = $pairs[$i % count($pairs)];
    match ($op) {
        'evaluate' => $engine->evaluate($cart, $customer, NOW),
        'evaluate+read' => $engine->evaluate($cart, $customer, NOW)->toArray(),
        'segmentsOf' => $engine->segmentsOf($customer, NOW),
        'inSegment' => $engine->inSegment('vip_paris', $customer, NOW),
    };
}
