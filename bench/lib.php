<?php
// Shared by the benchmark scripts: which implementations to run, timing (median of
// several runs, in ns per operation), checksums of the answers, JSON output.
declare(strict_types=1);

namespace Loyalty\Bench;

require_once __DIR__ . '/workload.php';

const RUNS = 5;

/** @return array<string, string> name => Engine class: the extension and, when present, the polyfill */
function implementations(): array
{
    $impls = [];
    if (extension_loaded('loyalty')) {
        $impls['extension'] = \Loyalty\Engine::class;
    }
    $bootstrap = __DIR__ . '/../polyfill/bootstrap.php';
    if (getenv('BENCH_NO_POLYFILL') === false && is_file($bootstrap)) {
        require_once $bootstrap;
        if (class_exists(\Loyalty\Polyfill\Engine::class)) {
            $impls['polyfill'] = \Loyalty\Polyfill\Engine::class;
        }
    }
    if ($impls === []) {
        fwrite(STDERR, "neither the extension nor the polyfill is available\n");
        exit(1);
    }
    return $impls;
}

/**
 * Runs $batch RUNS times (after one warm-up run) and returns the median time per
 * operation in ns and what the last run returned (for the checksum).
 * @return array{0: float, 1: mixed}
 */
function measure(callable $batch, int $ops): array
{
    $answers = $batch();
    $times = [];
    for ($i = 0; $i < RUNS; $i++) {
        $t = hrtime(true);
        $answers = $batch();
        $times[] = (hrtime(true) - $t) / $ops;
    }
    sort($times);
    return [$times[intdiv(RUNS, 2)], $answers];
}

function checksum(mixed $answers): string
{
    return hash('crc32b', json_encode($answers, JSON_THROW_ON_ERROR));
}

/**
 * One line of the report: the same operation on every implementation, with the
 * polyfill/extension ratio and whether their answers agree.
 * @param array<string, array{0: float, 1: mixed}> $byImpl
 */
function row(string $name, int $ops, array $byImpl, array $extra = []): array
{
    $row = ['name' => $name, 'ops' => $ops];
    $sums = [];
    foreach ($byImpl as $impl => [$ns, $answers]) {
        $row["{$impl}_ns"] = round($ns, 1);
        $sums[$impl] = checksum($answers);
        $row["{$impl}_checksum"] = $sums[$impl];
    }
    if (isset($row['extension_ns'], $row['polyfill_ns'])) {
        $row['ratio'] = round($row['polyfill_ns'] / max($row['extension_ns'], 0.001), 1);
        $row['same_answers'] = $sums['extension'] === $sums['polyfill'];
    }
    return $row + $extra;
}

function report(string $benchmark, array $rows): void
{
    $out = [
        'benchmark' => $benchmark,
        'php' => PHP_VERSION,
        'jit' => function_exists('opcache_get_status') && (opcache_get_status(false)['jit']['on'] ?? false),
        'rows' => $rows,
    ];
    echo json_encode($out, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES), "\n";
    foreach ($rows as $row) {
        if (($row['same_answers'] ?? true) === false) {
            fwrite(STDERR, "{$benchmark}/{$row['name']}: the implementations disagree\n");
            exit(2);
        }
    }
}
