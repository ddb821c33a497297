<?php
// Settings compile from JSON: cold (cache off) and cached (the same JSON string again).
declare(strict_types=1);

namespace Loyalty\Bench;

require __DIR__ . '/lib.php';

$json = json_encode(typical_settings());
$ops = 2000;
$rows = [];
foreach (implementations() as $impl => $engineClass) {
    $programClass = $impl === 'extension' ? \Loyalty\Program::class : \Loyalty\Polyfill\Program::class;
    if ($impl === 'extension') {
        ini_set('loyalty.cache_size', '0');
    }
    $rows['cold'][$impl] = measure(function () use ($programClass, $json, $ops) {
        for ($i = 0; $i < $ops; $i++) {
            $p = $programClass::fromJson($json);
        }
        return $p->toArray();
    }, $ops);
    if ($impl === 'extension') {
        ini_set('loyalty.cache_size', '64');
    }
    $rows['cached'][$impl] = measure(function () use ($engineClass, $json, $ops) {
        for ($i = 0; $i < $ops; $i++) {
            $e = new $engineClass($json);
        }
        return $e->program()->toArray();
    }, $ops);
}
report('compile', [row('cold', $ops, $rows['cold']), row('cached (new Engine($sameJson))', $ops, $rows['cached'])]);
