<?php
// Cost as rules grow: 10, 1,000 and 100,000 advantages, each with its own inline segment:
// compile time and memory, evaluate time (totals read; rejected read separately).
declare(strict_types=1);

namespace Loyalty\Bench;

require __DIR__ . '/lib.php';

$sizes = array_map('intval', explode(',', getenv('BENCH_SIZES') ?: '10,1000,100000'));
$pairs = pairs(20, 99);
$rows = [];
foreach ($sizes as $size) {
    $json = json_encode(scaling_settings($size));
    $byImpl = ['compile' => [], 'evaluate' => [], 'evaluate+rejected' => []];
    $memory = [];
    foreach (implementations() as $impl => $engineClass) {
        if ($impl === 'extension') {
            ini_set('loyalty.cache_size', '0'); // compile for real every time
        }
        gc_collect_cycles();
        $before = memory_get_usage();
        $t = hrtime(true);
        $engine = new $engineClass($json);
        $byImpl['compile'][$impl] = [hrtime(true) - $t, $engine->program()->segmentNames()];
        // the extension's program lives outside PHP's allocator: read the process RSS too
        $memory[$impl] = ['php_bytes' => memory_get_usage() - $before, 'rss_bytes' => rss()];
        $byImpl['evaluate'][$impl] = measure(function () use ($engine, $pairs) {
            $out = [];
            foreach ($pairs as [$cart, $customer]) {
                $r = $engine->evaluate($cart, $customer, NOW);
                $out[] = [$r->discount, $r->total, $r->pointsEarned];
            }
            return $out;
        }, count($pairs));
        $byImpl['evaluate+rejected'][$impl] = measure(function () use ($engine, $pairs) {
            $out = [];
            foreach ($pairs as [$cart, $customer]) {
                $out[] = count($engine->evaluate($cart, $customer, NOW)->rejected);
            }
            return $out;
        }, count($pairs));
        unset($engine);
    }
    foreach ($byImpl as $name => $results) {
        $extra = $name === 'compile' ? ['memory' => $memory] : [];
        $rows[] = row("$name, $size advantages", $name === 'compile' ? 1 : count($pairs), $results, $extra);
    }
}
report('scaling', $rows);

function rss(): int
{
    preg_match('/^VmRSS:\s+(\d+) kB/m', (string) file_get_contents('/proc/self/status'), $m);
    return (int) ($m[1] ?? 0) * 1024;
}
