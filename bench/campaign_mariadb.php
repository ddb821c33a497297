<?php
/*
 * The campaign export's read side on MySQL/MariaDB (scripts/exports-mariadb.sh runs it):
 *   php bench/campaign_mariadb.php DSN MODE [NOW]
 * MODE: engine    the customers streamed (unbuffered cursor) through Engine::filter()
 *       iterate   the same rows streamed and only counted: the database's and PDO's share
 *       buffered  PDO's default (the whole result copied into PHP first), through filter()
 * Prints one JSON line: mode, rows, found, seconds, rows_per_s, peak_mb (memory_get_peak_usage()),
 * and a crc32 of the ids found (the modes must agree).
 */
declare(strict_types=1);
require __DIR__ . '/../examples/campaign.php';

[, $dsn, $mode] = $argv + [null, null, 'engine'];
$now = $argv[3] ?? '2026-11-22';
$db = new PDO($dsn, 'root', '', [PDO::ATTR_ERRMODE => PDO::ERRMODE_EXCEPTION]);
if ($mode === 'buffered') {
    $db->setAttribute(PDO::MYSQL_ATTR_USE_BUFFERED_QUERY, true);
}
$rows = 0;
$counted = (function () use ($db, &$rows, $mode) {
    $customers = $mode === 'buffered' ? campaign_customers_buffered($db) : campaign_customers($db);
    foreach ($customers as $key => $customer) {
        $rows++;
        yield $key => $customer;
    }
})();
memory_reset_peak_usage();
$base = memory_get_usage();
$started = hrtime(true);
if ($mode === 'iterate') {
    $ids = [];
    foreach ($counted as $customer) {
    }
} else {
    $engine = new Loyalty\Engine(CAMPAIGN_SETTINGS);
    $ids = $engine->filter('lapsed_big_spenders_paris', $counted, $now);
}
$seconds = (hrtime(true) - $started) / 1e9;
echo json_encode(['mode' => $mode, 'rows' => $rows, 'found' => count($ids), 'seconds' => round($seconds, 3),
    'rows_per_s' => (int) ($rows / max($seconds, 1e-9)), 'peak_mb' => round((memory_get_peak_usage() - $base) / 1048576, 1),
    'ids_crc' => crc32(implode(',', $ids))]), "\n";

/** campaign_customers() with PDO's default, buffered: what a straight port from SQLite does. */
function campaign_customers_buffered(PDO $db): Generator
{
    $rows = $db->query('SELECT c.id, c.city, c.postcode, c.country, c.`groups`, c.active,
            COUNT(o.id) AS orders, COALESCE(SUM(o.total_paid), 0) AS spent,
            MIN(o.date_add) AS first_order, MAX(o.date_add) AS last_order
        FROM customer c LEFT JOIN orders o ON o.id_customer = c.id
        GROUP BY c.id ORDER BY c.id');
    while (($row = $rows->fetch(PDO::FETCH_ASSOC)) !== false) {
        yield campaign_customer($row);
    }
}
