<?php
// Driver for bench/callgrind.sh: evaluates the typical workload's first N pairs (argv[1])
// with the extension. Run twice with two N, the difference gives instructions per evaluate.
declare(strict_types=1);

namespace Loyalty\Bench;

require __DIR__ . '/workload.php';

$n = (int) ($argv[1] ?? 100);
$op = $argv[2] ?? 'evaluate';
$pairs = pairs(200, 42);
$engine = new \Loyalty\Engine(json_encode(typical_settings()));
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
