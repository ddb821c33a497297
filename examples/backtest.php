<?php
/*
 * What would the draft rules have cost? Every order of the SQLite demo shop (the database
 * examples/campaign.php creates) backtested under the current settings and a draft:
 *
 *   php -d extension=loyalty examples/backtest.php [--customers=N] [--db=FILE] [--current=FILE] [--draft=FILE]
 *
 * Defaults: 5,000 sample customers in a temporary database, examples/shop.json against
 * examples/cli/draft.json. Each order is read with the customer as it stood before it (orders,
 * spent, first and last order so far), one row at a time from the cursor. Needs pdo_sqlite.
 */
declare(strict_types=1);

require_once __DIR__ . '/campaign.php';

/**
 * Orders in date order, each with its customer as it stood then (window functions: what came
 * before the order in the customer's own history).
 */
function backtest_orders(PDO $db): Generator
{
    $rows = $db->query('SELECT o.date_add, o.total_paid, c.id, c.city, c.postcode, c.country, c.groups, c.active,
            COUNT(*) OVER w - 1 AS orders_before, SUM(o.total_paid) OVER w - o.total_paid AS spent_before,
            FIRST_VALUE(o.date_add) OVER w AS first_order, LAG(o.date_add) OVER w AS last_order
        FROM orders o JOIN customer c ON c.id = o.id_customer
        WINDOW w AS (PARTITION BY o.id_customer ORDER BY o.date_add, o.id ROWS UNBOUNDED PRECEDING)
        ORDER BY o.date_add, o.id');
    while (($row = $rows->fetch(PDO::FETCH_ASSOC)) !== false) {
        $orders = (int) $row['orders_before'];
        yield ['at' => $row['date_add'],
            'cart' => ['subtotal' => (int) $row['total_paid'], 'carrier' => 'Colissimo', 'shipping' => 690],
            'customer' => ['id' => (int) $row['id'], 'active' => (bool) $row['active'],
                'groups' => $row['groups'] === '' ? [] : explode(',', $row['groups']),
                'orders' => $orders, 'spent' => (int) $row['spent_before'],
                'first_order' => $orders > 0 ? $row['first_order'] : null, 'last_order' => $row['last_order'],
                'city' => $row['city'], 'postcode' => $row['postcode'], 'country' => $row['country']]];
    }
}

function backtest_money(int $minor): string
{
    return sprintf('%s%d.%02d', $minor < 0 ? '-' : '', intdiv(abs($minor), 100), abs($minor) % 100);
}

function backtest_main(array $argv, $stdout, $stderr): int
{
    try {
        $opt = campaign_options($argv, ['customers', 'db', 'current', 'draft']);
    } catch (InvalidArgumentException $e) {
        fwrite($stderr, $e->getMessage() . "\n");
        return 2;
    }
    $engine = new Loyalty\Engine(file_get_contents($opt['current'] ?? __DIR__ . '/shop.json'));
    $draft = Loyalty\Program::fromJson(file_get_contents($opt['draft'] ?? __DIR__ . '/cli/draft.json'));
    $path = $opt['db'] ?? tempnam(sys_get_temp_dir(), 'loyalty-backtest');
    $db = new PDO('sqlite:' . $path, null, null, [PDO::ATTR_ERRMODE => PDO::ERRMODE_EXCEPTION]);
    if (!$db->query("SELECT 1 FROM sqlite_master WHERE name = 'customer'")->fetchColumn()) {
        campaign_create_database($db, (int) ($opt['customers'] ?? 5000));
    }
    $started = hrtime(true);
    $r = $engine->backtest(backtest_orders($db), $draft, fn(int $done) => fprintf($stderr, "%d orders\n", $done));
    fprintf($stdout, "%d orders, %d failed\n", $r->orders, $r->failed['count']);
    fprintf($stdout, "%-20s %14s %14s %14s\n", '', 'current', 'draft', 'delta');
    foreach (['discount' => true, 'shipping_saved' => true, 'loyalty_discount' => true, 'points_earned' => false,
              'points_spent' => false, 'orders_discounted' => false] as $key => $money) {
        $f = $money ? 'backtest_money' : 'strval';
        fprintf($stdout, "%-20s %14s %14s %14s\n", str_replace('_', ' ', $key), $f($r->current[$key]), $f($r->draft[$key]), $f($r->delta[$key]));
    }
    fprintf($stderr, "%.2f s\n", (hrtime(true) - $started) / 1e9);
    $db = null;
    if (!isset($opt['db'])) {
        unlink($path);
    }
    return 0;
}

if (realpath($_SERVER['SCRIPT_FILENAME'] ?? '') === __FILE__) {
    exit(backtest_main($argv, STDOUT, STDERR));
}
