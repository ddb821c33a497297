<?php
// Ledger appends (issue 12): 100,000 entries (orders, some grants, spends) appended one by one
// with earn()/grant()/spend(), once in time order and once at random dates (backdated), for
// each expiry setting; time per append for the extension and the polyfill, and whether both
// gave the same answers (every refusal's message, entries() and balances at the end).
//   php -d extension=modules/loyalty.so bench/ledger_backdated.php
//   BENCH_ENTRIES=20000 BENCH_ORDERS=random BENCH_SETTINGS=rolling,per_lot php ... (a smaller run:
//   backdated only, two of the settings below); BENCH_NO_POLYFILL=1: the extension alone
//   bash bench/callgrind_ledger.sh: instructions per append (extension)
// One timed run per figure, not the median of 5 of the other scripts: a polyfill run of
// 100,000 backdated appends takes tens of seconds.
declare(strict_types=1);

namespace Loyalty\Bench;

require __DIR__ . '/lib.php';

const DAY = 86400;

$n = (int) (getenv('BENCH_ENTRIES') ?: 100000);
$orders = explode(',', getenv('BENCH_ORDERS') ?: 'time,random');
$settings = [ // id => [name, loyalty section]
    'rolling' => ['rolling 365 days', ['expiry' => ['days' => 365]]],
    'rolling_pending' => ['rolling 365 days, pending 14', ['expiry' => ['days' => 365], 'pending_days' => 14]],
    'per_lot' => ['per_lot 365 days', ['expiry' => ['days' => 365, 'mode' => 'per_lot']]],
    'per_lot_pending' => ['per_lot 365 days, pending 14 (no grants)', ['expiry' => ['days' => 365, 'mode' => 'per_lot'], 'pending_days' => 14]],
    'none' => ['no expiry', []],
];

/** The appends: [method, points, at, ref], over five years from 2020, seeded. */
function appends(int $n, bool $grants): array
{
    mt_srand(12);
    $start = gmmktime(0, 0, 0, 1, 1, 2020);
    $list = [];
    for ($i = 0; $i < $n; $i++) {
        $at = $start + intdiv($i * 5 * 365 * DAY, $n);
        $r = mt_rand(1, 100);
        $list[] = match (true) {
            $r <= 60 => ['earn', mt_rand(1, 100), $at, "o$i"],
            $r <= 65 && $grants => ['grant', mt_rand(1, 50), $at, "g$i"],
            default => ['spend', mt_rand(1, 60), $at, "s$i"],
        };
    }
    return $list;
}

$implementations = [];
foreach (array_keys(implementations()) as $impl) {
    $implementations[$impl] = $impl === 'extension' ? ['\Loyalty\Program', '\Loyalty\Ledger'] : ['\Loyalty\Polyfill\Program', '\Loyalty\Polyfill\Ledger'];
}
$only = getenv('BENCH_SETTINGS') ? explode(',', getenv('BENCH_SETTINGS')) : array_keys($settings);
$rows = [];
foreach ($settings as $id => [$name, $loyalty]) {
    if (!in_array($id, $only, true)) {
        continue;
    }
    $list = appends($n, $id !== 'per_lot_pending');
    foreach ($orders as $order) {
        if ($order === 'random') {
            mt_srand(34);
            shuffle($list); // every entry at a random place in time: most go before the last one
        }
        $byImpl = [];
        foreach ($implementations as $impl => [$programClass, $ledgerClass]) {
            $ledger = new $ledgerClass($programClass::fromArray(['loyalty' => $loyalty]));
            $refused = [];
            $t = hrtime(true);
            foreach ($list as $k => [$method, $points, $at, $ref]) {
                try {
                    $ledger->$method($points, $at, $ref);
                } catch (\Loyalty\LedgerException $e) {
                    $refused[$k] = $e->getMessage();
                }
            }
            $ns = (hrtime(true) - $t) / $n;
            $end = gmmktime(0, 0, 0, 1, 1, 2025);
            $byImpl[$impl] = [$ns, [$refused, $ledger->entries(), $ledger->balance($end), $ledger->expiring($end)]];
        }
        $rows[] = row("$name, $order order", $n, $byImpl, ['refused' => count($byImpl[array_key_first($byImpl)][1][0])]);
    }
}
report('ledger_backdated', $rows);
