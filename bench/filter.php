<?php
// filter() over 1,000,000 customers, from an array and from a generator (memory stays flat).
declare(strict_types=1);

namespace Loyalty\Bench;

require __DIR__ . '/lib.php';

$count = (int) (getenv('BENCH_CUSTOMERS') ?: 1000000);
$settings = json_encode(typical_settings());
$rows = [];
$array = iterator_to_array(customers($count, 7), false);
foreach (implementations() as $impl => $engineClass) {
    $engine = new $engineClass($settings);
    $rows['array'][$impl] = measure(fn() => $engine->filter('lapsed', $array, NOW), $count);
}
unset($array);
$peak = [];
foreach (implementations() as $impl => $engineClass) {
    $engine = new $engineClass($settings);
    memory_reset_peak_usage();
    $before = memory_get_usage();
    $rows['generator'][$impl] = measure(fn() => $engine->filter('lapsed', customers($count, 7), NOW), $count);
    $peak[$impl] = memory_get_peak_usage() - $before;
}
$generator = row('generator', $count, $rows['generator']);
foreach ($peak as $impl => $bytes) {
    $generator["{$impl}_peak_bytes_above_start"] = $bytes; // the ids found, not the customers
}
report('filter', [row('array', $count, $rows['array']), $generator]);
