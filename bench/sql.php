<?php
/*
 * Engine::sql() against filter() over every row (issue 20): a campaign list from a customer table of
 * BENCH_CUSTOMERS (1,000,000) rows, indexes on last_order and postcode.
 *   php -d extension=modules/loyalty.so bench/sql.php [sqlite|mysql]      (mysql: under scripts/mariadb.sh)
 * For each segment: `filter` streams every row (unbuffered on MySQL) through Engine::filter();
 * `sql` runs SELECT id ... WHERE sql()->where (then filter() over the selected rows when not exact).
 * Both must give the same ids. Prints one JSON line a segment: seconds, rows read by PHP, peak MB.
 */
declare(strict_types=1);

$dialect = $argv[1] ?? 'sqlite';
$count = (int) (getenv('BENCH_CUSTOMERS') ?: 1000000);
date_default_timezone_set('UTC');
$now = 1795000000; // 2026-11-18
if ($dialect === 'mysql') {
    $db = new PDO('mysql:unix_socket=' . getenv('LOYALTY_MYSQL_SOCKET') . ';charset=utf8mb4', 'root', '');
    $db->exec('CREATE DATABASE IF NOT EXISTS loyalty_bench');
    $db->exec('USE loyalty_bench');
    $db->setAttribute(PDO::MYSQL_ATTR_USE_BUFFERED_QUERY, false);
} else {
    $file = tempnam(sys_get_temp_dir(), 'loyalty-bench-sql');
    $db = new PDO("sqlite:$file");
}
$db->setAttribute(PDO::ATTR_ERRMODE, PDO::ERRMODE_EXCEPTION);

$fill = hrtime(true);
$db->exec('DROP TABLE IF EXISTS c');
$db->exec('CREATE TABLE c (id INT PRIMARY KEY, active INT NOT NULL, orders INT NOT NULL, spent BIGINT NOT NULL,
    city VARCHAR(40), postcode VARCHAR(10), last_order ' . ($dialect === 'mysql' ? 'DATETIME' : 'TEXT') . ')');
mt_srand(20);
$cities = [['Paris', 75001, 20], ['Lyon', 69001, 9], ['Marseille', 13001, 16], ['Lille', 59000, 1], ['Nantes', 44000, 1],
    ['Bordeaux', 33000, 1], ['Toulouse', 31000, 1], ['Nice', 6000, 1], ['Rennes', 35000, 1], ['Brest', 29200, 1]];
$db->beginTransaction();
$batch = [];
$flush = function () use ($db, &$batch): void {
    if ($batch) {
        $db->prepare('INSERT INTO c VALUES ' . implode(',', array_fill(0, count($batch) / 7, '(?,?,?,?,?,?,?)')))->execute($batch);
        $batch = [];
    }
};
for ($id = 1; $id <= $count; $id++) {
    [$city, $pc, $n] = $cities[mt_rand(0, count($cities) - 1)];
    $orders = mt_rand(0, 12);
    array_push($batch, $id, mt_rand(0, 49) ? 1 : 0, $orders, $orders * mt_rand(1000, 15000), $city,
        sprintf('%05d', $pc + mt_rand(0, $n - 1)), $orders ? date('Y-m-d H:i:s', $now - mt_rand(0, 3 * 365 * 86400)) : null);
    if (count($batch) === 7 * 500) {
        $flush();
    }
}
$flush();
$db->commit();
$db->exec('CREATE INDEX c_last_order ON c (last_order)');
$db->exec('CREATE INDEX c_postcode ON c (postcode)');
$fill = (hrtime(true) - $fill) / 1e9;

$engine = new Loyalty\Engine(['segments' => [
    'paris_big' => "postcode like '7501*' and spent >= 50000",                 // ~5%, through the postcode index
    'lapsed_recent' => 'days_since_last_order > 30 and days_since_last_order <= 60', // ~2.5%, through the last_order index
    'lapsed_big' => 'days_since_last_order > 180 and spent >= 50000',         // ~60%: most rows anyway
]]);
$columns = ['active' => 'c.active', 'orders' => 'c.orders', 'spent' => 'c.spent', 'city' => 'c.city', 'postcode' => 'c.postcode',
    'last_order' => ['expr' => 'c.last_order', 'type' => 'datetime']];

function rows(PDO $db, string $sql, array $params): Generator
{
    $st = $db->prepare($sql);
    $st->execute($params);
    while (($r = $st->fetch(PDO::FETCH_ASSOC)) !== false) {
        yield ['id' => $r['id'], 'active' => $r['active'] != 0, 'orders' => (int) $r['orders'], 'spent' => (int) $r['spent'],
            'city' => $r['city'], 'postcode' => $r['postcode'], 'last_order' => $r['last_order']];
    }
}

echo json_encode(['dialect' => $dialect, 'customers' => $count, 'fill_seconds' => round($fill, 1)]), "\n";
foreach (['paris_big', 'lapsed_recent', 'lapsed_big'] as $segment) {
    $result = ['segment' => $segment];
    $ids = [];
    foreach (['filter', 'sql'] as $mode) {
        $best = INF;
        for ($run = 0; $run < 3; $run++) {
            memory_reset_peak_usage();
            $base = memory_get_usage();
            $t = hrtime(true);
            $read = 0;
            if ($mode === 'filter') {
                $found = $engine->filter($segment, (function () use ($db, &$read) {
                    foreach (rows($db, 'SELECT * FROM c ORDER BY id', []) as $r) {
                        $read++;
                        yield $r;
                    }
                })(), $now);
            } else {
                $f = $engine->sql($segment, $columns, $dialect, $now);
                $st = $db->prepare("SELECT c.id FROM c WHERE {$f->where} ORDER BY c.id");
                $st->execute($f->params);
                $found = array_map('intval', $st->fetchAll(PDO::FETCH_COLUMN));
                $read = count($found);
                $result['exact'] = $f->exact;
            }
            $best = min($best, (hrtime(true) - $t) / 1e9);
            $peak = (memory_get_peak_usage() - $base) / 1048576;
        }
        $ids[$mode] = array_map('intval', $found);
        $result[$mode] = ['seconds' => round($best, 3), 'rows_read' => $read, 'peak_mb' => round($peak, 1)];
    }
    $result['found'] = count($ids['sql']);
    $result['share'] = round(100 * count($ids['sql']) / $count, 1) . '%';
    $result['same_ids'] = $ids['sql'] === $ids['filter'];
    $result['speedup'] = round($result['filter']['seconds'] / max($result['sql']['seconds'], 1e-9), 1);
    echo json_encode($result), "\n";
}
if (isset($file)) {
    unlink($file);
}
