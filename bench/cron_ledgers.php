<?php
/*
 * Fills customer_ledger of a MySQL/MariaDB database with COUNT customers for the expiry cron
 * (scripts/exports-mariadb.sh): each a seeded history of 1 to 6 earns and spends over the last
 * two years, validated by Loyalty\Ledger, stored as examples/expiry-cron.php stores them.
 *   php bench/cron_ledgers.php DSN COUNT TODAY
 */
declare(strict_types=1);

[, $dsn, $count, $today] = $argv + [null, null, '100000', '2026-11-22'];
$db = new PDO($dsn, 'root', '', [PDO::ATTR_ERRMODE => PDO::ERRMODE_EXCEPTION]);
$db->exec('CREATE TABLE IF NOT EXISTS customer_ledger (customer_id INT UNSIGNED PRIMARY KEY,
    email VARCHAR(255) NOT NULL, entries MEDIUMTEXT NOT NULL) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4');
$program = Loyalty\Program::fromJson((string) file_get_contents(__DIR__ . '/../examples/shop.json'));
$end = strtotime("$today 06:00:00 UTC");
mt_srand(20261122);
$values = [];
$db->beginTransaction();
for ($id = 1; $id <= (int) $count; $id++) {
    $ledger = new Loyalty\Ledger($program);
    $at = $end - mt_rand(30, 730) * 86400;
    for ($i = mt_rand(1, 6); $i > 0 && $at < $end; $i--) {
        $ledger->earn(mt_rand(20, 900), $at, "order-$id-$i");
        if (mt_rand(0, 3) === 0 && $ledger->balance($at + 20 * 86400) > 100) {
            $ledger->spend(100, $at + 20 * 86400, "order-$id-$i-spend");
        }
        $at += mt_rand(10, 200) * 86400;
    }
    array_push($values, $id, "c$id@example.com", json_encode($ledger->entries()));
    if (count($values) === 1500 || $id === (int) $count) {
        $db->prepare('INSERT INTO customer_ledger VALUES ' . implode(',', array_fill(0, count($values) / 3, '(?, ?, ?)')))
            ->execute($values);
        $values = [];
    }
}
$db->commit();
echo "$count ledgers\n";
