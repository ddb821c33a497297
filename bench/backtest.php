<?php
// Engine::backtest() (SPEC 12) over the typical workload's orders from a generator (the shape
// of an unbuffered query): BENCH_ORDERS rows (default 1,000,000) for the extension, a tenth of
// them for the polyfill; rows per second, total time and peak memory, a draft program beside.
declare(strict_types=1);

namespace Loyalty\Bench;

require __DIR__ . '/lib.php';

$count = (int) (getenv('BENCH_ORDERS') ?: 1000000);
$pairs = pairs(2000, 42);
$orders = function (int $n) use ($pairs): \Generator {
    for ($i = 0; $i < $n; $i++) {
        [$cart, $customer] = $pairs[$i % 2000];
        yield ['cart' => $cart, 'customer' => $customer, 'at' => NOW - $i * 60];
    }
};
$settings = json_encode(typical_settings());
$draft = typical_settings();
foreach ($draft['advantages'] as &$a) {
    $a['combinable'] = true;
}
unset($a);
$results = [];
foreach (implementations() as $impl => $engineClass) {
    $n = $impl === 'polyfill' ? intdiv($count, 10) : $count;
    $engine = new $engineClass($settings);
    $programClass = $impl === 'polyfill' ? \Loyalty\Polyfill\Program::class : \Loyalty\Program::class;
    $draftProgram = $programClass::fromArray($draft);
    foreach (['alone' => null, 'with a draft' => $draftProgram] as $label => $d) {
        gc_collect_cycles();
        memory_reset_peak_usage();
        $base = memory_get_usage();
        $t = hrtime(true);
        $report = $engine->backtest($orders($n), $d);
        $s = (hrtime(true) - $t) / 1e9;
        $results[] = ['implementation' => $impl, 'run' => $label, 'orders' => $n, 'seconds' => round($s, 3),
            'rows_per_s' => (int) round($n / $s), 'peak_mb' => round((memory_get_peak_usage() - $base) / 1048576, 1),
            'checksum' => checksum([$report->current, $report->failed['count']])];
    }
}
echo json_encode(['benchmark' => 'backtest', 'results' => $results], JSON_PRETTY_PRINT), "\n";
