<?php
/*
 * The daily loyalty cron job of a shop: for every customer's points ledger stored in the
 * database, print the expiry warnings due today and the reward coupons to issue, then write
 * the updated ledgers back in one transaction.
 *
 *   php -d extension=loyalty examples/expiry-cron.php [database.sqlite | mysql:DSN] [today]
 *
 * Without a database it creates a temporary SQLite one with sample customers (pdo_sqlite). A
 * MySQL/MariaDB DSN (mysql:unix_socket=/run/mysqld/mysqld.sock;dbname=shop, user from
 * LOYALTY_DB_USER, default root, password from LOYALTY_DB_PASSWORD) works the same (pdo_mysql).
 * The ledgers are read 1,000 customers at a time (by id, from the last one read), each batch
 * written back in its own transaction: memory stays flat whatever the number of customers, and
 * no transaction holds a million rows.
 */
declare(strict_types=1);

use Loyalty\Ledger;
use Loyalty\Program;

$program = Program::fromJson(file_get_contents(__DIR__ . '/shop.json'));
$today = strtotime(($argv[2] ?? '2026-11-22') . ' 06:00:00 UTC');
$day = 86400;

$path = $argv[1] ?? tempnam(sys_get_temp_dir(), 'loyalty-cron');
if (str_starts_with($path, 'mysql:')) {
    $db = new PDO($path, getenv('LOYALTY_DB_USER') ?: 'root', (string) getenv('LOYALTY_DB_PASSWORD'),
        [PDO::ATTR_ERRMODE => PDO::ERRMODE_EXCEPTION]);
    $db->exec('CREATE TABLE IF NOT EXISTS customer_ledger (customer_id INT UNSIGNED PRIMARY KEY,
        email VARCHAR(255) NOT NULL, entries MEDIUMTEXT NOT NULL) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4');
} else {
    $db = new PDO('sqlite:' . $path, null, null, [PDO::ATTR_ERRMODE => PDO::ERRMODE_EXCEPTION]);
    $db->exec('CREATE TABLE IF NOT EXISTS customer_ledger (
        customer_id INTEGER PRIMARY KEY, email TEXT NOT NULL, entries TEXT NOT NULL)');
}

if ((int) $db->query('SELECT COUNT(*) FROM customer_ledger')->fetchColumn() === 0) {
    // Sample histories, dated relative to today so that the demo always has something to say.
    $samples = [
        1 => ['alice@example.com', [   // rolling expiry: 365 days after the last order
            ['type' => 'earn', 'points' => 420, 'at' => $today - 335 * $day, 'ref' => 'order-1001'],
            ['type' => 'spend', 'points' => 100, 'at' => $today - 200 * $day, 'ref' => 'order-1042'],
        ]],
        2 => ['bob@example.com', [     // enough for a reward coupon (threshold 5000)
            ['type' => 'earn', 'points' => 3200, 'at' => $today - 90 * $day, 'ref' => 'order-2001'],
            ['type' => 'earn', 'points' => 2100, 'at' => $today - 20 * $day, 'ref' => 'order-2077'],
            ['type' => 'grant', 'points' => 150, 'at' => $today - 10 * $day, 'ref' => 'late delivery'],
        ]],
        3 => ['carol@example.com', [   // her points expire in a week
            ['type' => 'earn', 'points' => 75, 'at' => $today - 358 * $day, 'ref' => 'order-3001'],
        ]],
        4 => ['dave@example.com', [    // an order last week: nothing due
            ['type' => 'earn', 'points' => 60, 'at' => $today - 7 * $day, 'ref' => 'order-4001'],
        ]],
    ];
    $insert = $db->prepare('INSERT INTO customer_ledger (customer_id, email, entries) VALUES (?, ?, ?)');
    foreach ($samples as $id => [$email, $entries]) {
        $insert->execute([$id, $email, json_encode((new Ledger($program, $entries))->entries())]);
    }
}

printf("Loyalty cron for %s (database %s)\n", gmdate('Y-m-d', $today), preg_replace('/password=[^;]*/', 'password=...', $path));
$update = $db->prepare('UPDATE customer_ledger SET entries = ? WHERE customer_id = ?');
$batch = $db->prepare('SELECT customer_id, email, entries FROM customer_ledger WHERE customer_id > ?
    ORDER BY customer_id LIMIT 1000');
for ($after = 0; ; ) {
    $batch->execute([$after]);
    $rows = $batch->fetchAll(PDO::FETCH_ASSOC);
    if (!$rows) {
        break;
    }
    $after = (int) end($rows)['customer_id'];
    $db->beginTransaction();
    try {
        foreach ($rows as $row) {
            $ledger = new Ledger($program, json_decode($row['entries'], true, 512, JSON_THROW_ON_ERROR));
            // (yesterday's run, today's run]: each warning is sent exactly once by a daily job.
            foreach ($ledger->warningsDue($today - $day, $today) as $w) {
                printf("  mail %s: %d points expire on %s (%d days left)\n",
                    $row['email'], $w['points'], gmdate('Y-m-d', $w['expires_at']), $w['days_before']);
            }
            $coupons = $ledger->issueRewards($today);
            foreach ($coupons as $c) {
                printf("  mail %s: coupon %s, %s off from %s, valid until %s\n", $row['email'], $c['code'],
                    isset($c['discount']) ? sprintf('%.2f', $c['discount'] / 100) : $c['discount_percent'] . '%',
                    sprintf('%.2f', $c['min_cart'] / 100), $c['expires_at'] === null ? 'forever' : gmdate('Y-m-d', $c['expires_at']));
            }
            if ($coupons) {
                $update->execute([json_encode($ledger->entries()), $row['customer_id']]);
            }
            printf("  customer %d: balance %d, pending %d\n", $row['customer_id'], $ledger->balance($today), $ledger->pending($today));
        }
        $db->commit();
    } catch (Throwable $e) {
        $db->rollBack();
        throw $e;
    }
}
if (!isset($argv[1])) {
    $db = null;
    unlink($path);
}
