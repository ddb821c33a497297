<?php
/*
 * Campaign export, Store Commander style: stream every customer of a shop database through
 * Engine::filter() and write the members of one segment as CSV (id, email, city, spent).
 *
 *   php -d extension=loyalty examples/campaign.php [options]
 *     --customers=N    sample customers to create (default 20000)
 *     --db=FILE        SQLite database to read; created with sample data when missing
 *                      (default: a temporary database, deleted at the end)
 *     --dsn=DSN        a MySQL/MariaDB database instead (PDO DSN: mysql:unix_socket=...;dbname=shop),
 *                      with --user=NAME (default root) and --password=TEXT (default none); the
 *                      sample tables are created when missing
 *     --out=FILE       CSV file to write (default: stdout)
 *     --now=DATE       the date of the campaign, as strtotime() reads it (default: now)
 *     --settings=FILE  merchant settings JSON (default: one segment, lapsed big spenders in Paris)
 *     --segment=NAME   segment to export (default lapsed_big_spenders_paris)
 *     --progress=N     a progress line on stderr every N customers (default 5000, 0 = none)
 *     --sql            let the database select the customers: Engine::sql() turns the segment
 *                      into a WHERE condition on the shop's tables (campaign_columns()), the
 *                      selected rows stream from the cursor straight into the CSV; when the
 *                      condition is not exact, the selected rows go through filter() first
 *
 * Rows are fetched one at a time from the PDO cursor by a generator, so memory stays flat
 * whatever the number of customers; `spent` in the CSV is a decimal amount (2 decimals).
 * On MySQL the cursor is unbuffered (PDO's default buffers the whole result in the PHP
 * process: 93 MB instead of 15 MB for 1,000,000 customers). Needs pdo_sqlite or pdo_mysql.
 * With --sql only the segment's rows leave the database (docs/sql.md); the CSV is the same.
 */
declare(strict_types=1);

const CAMPAIGN_SETTINGS = <<<'JSON'
{"segments": {"lapsed_big_spenders_paris": "days_since_last_order > 180 and spent >= 50000 and city == 'Paris'"}}
JSON;

/** Sample cities: [city, first postcode, postcodes, country]. Paris comes up more often, as it would. */
const CAMPAIGN_CITIES = [
    ['Paris', 75001, 20, 'FR'], ['Paris', 75001, 20, 'FR'], ['Paris', 75001, 20, 'FR'], ['Lyon', 69001, 9, 'FR'],
    ['Marseille', 13001, 16, 'FR'], ['Bordeaux', 33000, 1, 'FR'], ['Lille', 59000, 1, 'FR'], ['Nantes', 44000, 1, 'FR'],
    ['Bruxelles', 1000, 1, 'BE'], ['Liège', 4000, 1, 'BE'], ['Genève', 1201, 9, 'CH'], ['Luxembourg', 1111, 9, 'LU'],
];
const CAMPAIGN_GROUPS = ['', '', '', '', 'VIP', 'pro', 'wholesale', 'VIP,pro'];
const CAMPAIGN_NAMES = ['alice', 'bruno', 'chloe', 'david', 'emma', 'farid', 'gaelle', 'hugo', 'ines', 'jules'];

/**
 * @param list<string> $known the option names
 * @return array<string, string> the --name=VALUE options
 */
function campaign_options(array $argv, array $known = ['customers', 'db', 'dsn', 'user', 'password', 'out', 'now', 'settings',
    'segment', 'progress', 'sql']): array
{
    $options = [];
    foreach (array_slice($argv, 1) as $arg) {
        if ($arg === '--sql' && in_array('sql', $known, true)) {
            $options['sql'] = '1';
            continue;
        }
        if (!preg_match('/^--([a-z]+)=(.+)$/s', $arg, $m) || !in_array($m[1], $known, true)) {
            throw new InvalidArgumentException("bad option $arg (expected --sql or --NAME=VALUE, NAME one of "
                . implode(', ', array_diff($known, ['sql'])) . ')');
        }
        $options[$m[1]] = $m[2];
    }
    return $options;
}

/**
 * Creates the tables and fills them with $count customers and their orders. The data depend
 * only on $count (a seeded Mersenne Twister), so a test can expect an exact CSV.
 */
function campaign_create_database(PDO $db, int $count): void
{
    if ($db->getAttribute(PDO::ATTR_DRIVER_NAME) === 'mysql') {
        $db->exec('CREATE TABLE customer (id INT UNSIGNED PRIMARY KEY, email VARCHAR(255) NOT NULL,
            city VARCHAR(64), postcode VARCHAR(16), country CHAR(2), `groups` VARCHAR(255) NOT NULL,
            active TINYINT NOT NULL, KEY customer_city (city), KEY customer_postcode (postcode)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4');
        $db->exec('CREATE TABLE orders (id INT UNSIGNED AUTO_INCREMENT PRIMARY KEY, id_customer INT UNSIGNED NOT NULL,
            total_paid BIGINT NOT NULL, date_add DATETIME NOT NULL, KEY orders_customer (id_customer)) ENGINE=InnoDB');
    } else {
        $db->exec('CREATE TABLE customer (id INTEGER PRIMARY KEY, email TEXT NOT NULL, city TEXT,
            postcode TEXT, country TEXT, groups TEXT NOT NULL, active INTEGER NOT NULL)');
        $db->exec('CREATE TABLE orders (id INTEGER PRIMARY KEY, id_customer INTEGER NOT NULL,
            total_paid INTEGER NOT NULL, date_add TEXT NOT NULL)');
        $db->exec('CREATE INDEX orders_customer ON orders (id_customer)');
        $db->exec('CREATE INDEX customer_city ON customer (city)');
        $db->exec('CREATE INDEX customer_postcode ON customer (postcode)');
    }
    mt_srand(20261122);
    // rows go in by 500 per INSERT (one statement per row takes minutes for 1,000,000 on MySQL)
    $customer = new CampaignBatch($db, 'INSERT INTO customer VALUES', 7);
    $order = new CampaignBatch($db, 'INSERT INTO orders (id_customer, total_paid, date_add) VALUES', 3);
    $start = gmmktime(0, 0, 0, 1, 1, 2021);
    $span = gmmktime(0, 0, 0, 11, 20, 2026) - $start;
    $db->beginTransaction();
    for ($id = 1; $id <= $count; $id++) {
        [$city, $postcode, $postcodes, $country] = CAMPAIGN_CITIES[mt_rand(0, count(CAMPAIGN_CITIES) - 1)];
        $postcode = sprintf('%0' . strlen((string) $postcode) . 'd', $postcode + mt_rand(0, $postcodes - 1));
        $email = CAMPAIGN_NAMES[mt_rand(0, count(CAMPAIGN_NAMES) - 1)] . ".$id@example.com";
        $customer->execute([$id, $email, $city, $postcode, $country,
            CAMPAIGN_GROUPS[mt_rand(0, count(CAMPAIGN_GROUPS) - 1)], mt_rand(0, 49) === 0 ? 0 : 1]);
        // Most customers order a few times; some never did, a few are big spenders.
        $orders = [0, 1, 1, 2, 3, 5, 8, 13][mt_rand(0, 7)];
        $basket = [2500, 6000, 15000][mt_rand(0, 2)];
        $first = $start + mt_rand(0, $span);
        $gap = $start + $span - $first;
        for ($i = 0; $i < $orders; $i++) {
            // $gap * $i / $orders, without the product (past a 32-bit PHP's ints)
            $at = $first + intdiv($gap, $orders) * $i + intdiv($gap % $orders * $i, $orders) + mt_rand(0, 86399);
            $order->execute([$id, $basket + mt_rand(0, $basket), gmdate('Y-m-d H:i:s', $at)]);
        }
    }
    $customer->flush();
    $order->flush();
    $db->commit();
}

/** Rows of one table, inserted 500 at a time with one prepared multi-row INSERT. */
final class CampaignBatch
{
    private array $values = [];
    private ?PDOStatement $full = null;

    public function __construct(private PDO $db, private string $insert, private int $columns, private int $rows = 500)
    {
    }

    public function execute(array $row): void
    {
        array_push($this->values, ...$row);
        if (count($this->values) === $this->columns * $this->rows) {
            $this->full ??= $this->db->prepare($this->sql($this->rows));
            $this->full->execute($this->values);
            $this->values = [];
        }
    }

    public function flush(): void
    {
        if ($this->values) {
            $this->db->prepare($this->sql(intdiv(count($this->values), $this->columns)))->execute($this->values);
            $this->values = [];
        }
    }

    private function sql(int $rows): string
    {
        $row = '(' . implode(', ', array_fill(0, $this->columns, '?')) . ')';
        return $this->insert . ' ' . implode(', ', array_fill(0, $rows, $row));
    }
}

/** A row of the customer query as the engine reads a customer. */
function campaign_customer(array $row): array
{
    return [
        'id' => (int) $row['id'], 'active' => (bool) $row['active'],
        'groups' => $row['groups'] === '' ? [] : explode(',', $row['groups']),
        'orders' => (int) $row['orders'], 'spent' => (int) $row['spent'],
        'first_order' => $row['first_order'], 'last_order' => $row['last_order'],
        'city' => $row['city'], 'postcode' => $row['postcode'], 'country' => $row['country'],
    ];
}

/**
 * One customer array per row, fetched one at a time from the cursor: the engine's customer
 * shape from the shop's tables (dates stay MySQL-style strings: the engine reads them).
 */
function campaign_customers(PDO $db, ?Loyalty\SqlFilter $filter = null): Generator
{
    $rows = $db->prepare('SELECT c.id, c.city, c.postcode, c.country, c.`groups`, c.active,
            COUNT(o.id) AS orders, COALESCE(SUM(o.total_paid), 0) AS spent,
            MIN(o.date_add) AS first_order, MAX(o.date_add) AS last_order
        FROM customer c LEFT JOIN orders o ON o.id_customer = c.id
        ' . ($filter === null ? '' : "WHERE $filter->where") . '
        GROUP BY c.id, c.city, c.postcode, c.country, c.`groups`, c.active ORDER BY c.id'); // ONLY_FULL_GROUP_BY
    $buffered = campaign_unbuffered($db);
    try {
        $rows->execute($filter?->params ?? []);
    } finally {
        campaign_buffered($db, $buffered);
    }
    while (($row = $rows->fetch(PDO::FETCH_ASSOC)) !== false) {
        yield campaign_customer($row);
    }
    $rows->closeCursor();   // the connection is free for the next query
}

/**
 * On MySQL, the next query unbuffered: rows come from the server as they are fetched (PDO's
 * default copies the whole result into PHP's memory first; a statement option is not enough,
 * the connection's attribute decides when the query runs). SQLite steps through its cursor
 * anyway. Returns the attribute to put back with campaign_buffered(), null on SQLite.
 */
function campaign_unbuffered(PDO $db): ?bool
{
    if ($db->getAttribute(PDO::ATTR_DRIVER_NAME) !== 'mysql') {
        return null;
    }
    $was = (bool) $db->getAttribute(PDO::MYSQL_ATTR_USE_BUFFERED_QUERY);
    $db->setAttribute(PDO::MYSQL_ATTR_USE_BUFFERED_QUERY, false);
    return $was;
}

function campaign_buffered(PDO $db, ?bool $was): void
{
    if ($was !== null) {
        $db->setAttribute(PDO::MYSQL_ATTR_USE_BUFFERED_QUERY, $was);
    }
}

/** The shop database of the options: MySQL with --dsn, else SQLite (a temporary file without --db). */
function campaign_connect(array $opt): array
{
    $options = [PDO::ATTR_ERRMODE => PDO::ERRMODE_EXCEPTION];
    if (isset($opt['dsn'])) {
        $db = new PDO($opt['dsn'], $opt['user'] ?? 'root', $opt['password'] ?? '', $options);
        $exists = $db->query("SHOW TABLES LIKE 'customer'")->fetchColumn() !== false;
        return [$db, $exists, null];
    }
    $path = $opt['db'] ?? tempnam(sys_get_temp_dir(), 'loyalty-campaign');
    $db = new PDO('sqlite:' . $path, null, null, $options);
    $exists = (bool) $db->query("SELECT 1 FROM sqlite_master WHERE name = 'customer'")->fetchColumn();
    return [$db, $exists, isset($opt['db']) ? null : $path];
}

/** Passes $rows through, writing a progress line to $stderr every $every rows. */
function campaign_progress(iterable $rows, int $every, int $total, $stderr): Generator
{
    $n = 0;
    foreach ($rows as $key => $row) {
        yield $key => $row;
        if ($every > 0 && ++$n % $every === 0) {
            fprintf($stderr, "%d/%d customers read (%d%%)\n", $n, $total, intdiv(100 * $n, max(1, $total)));
        }
    }
}

/** Writes the CSV of the selected ids, fetched back by chunks of 500 in id order. */
function campaign_write_csv(PDO $db, array $ids, $out): void
{
    // RFC 4180 quoting, no escape character: said explicitly (PHP 8.4 deprecates relying on
    // fputcsv()'s default escape, which is to change)
    fputcsv($out, ['id', 'email', 'city', 'spent'], ',', '"', '');
    foreach (array_chunk($ids, 500) as $chunk) {
        $rows = $db->prepare('SELECT c.id, c.email, c.city, COALESCE(SUM(o.total_paid), 0) AS spent
            FROM customer c LEFT JOIN orders o ON o.id_customer = c.id
            WHERE c.id IN (' . implode(',', array_fill(0, count($chunk), '?')) . ')
            GROUP BY c.id, c.email, c.city ORDER BY c.id');
        $rows->execute($chunk);
        while (($row = $rows->fetch(PDO::FETCH_ASSOC)) !== false) {
            $spent = (int) $row['spent'];
            fputcsv($out, [$row['id'], $row['email'], $row['city'], sprintf('%d.%02d', intdiv($spent, 100), $spent % 100)],
                ',', '"', '');
        }
    }
}

/**
 * The column map of the sample shop for Engine::sql() (docs/sql.md): the customer's own columns,
 * the order figures as subqueries on `orders` (by its index on id_customer), `groups` as the
 * comma-separated column it is (byte-exact search; a group name never holds a comma).
 */
function campaign_columns(string $dialect): array
{
    $orders = fn(string $what): string => "(SELECT $what FROM orders o WHERE o.id_customer = c.id)";
    $groups = $dialect === 'mysql'
        ? "LOCATE(CONCAT(',', CAST(? AS BINARY), ','), CONCAT(',', CAST(c.`groups` AS BINARY), ',')) > 0"
        : "instr(',' || c.groups || ',', ',' || ? || ',') > 0";
    return [
        'id' => 'c.id', 'active' => 'c.active', 'city' => 'c.city', 'postcode' => 'c.postcode', 'country' => 'c.country',
        'orders' => $orders('COUNT(*)'), 'spent' => $orders('COALESCE(SUM(o.total_paid), 0)'),
        'first_order' => ['expr' => $orders('MIN(o.date_add)'), 'type' => 'datetime'],
        'last_order' => ['expr' => $orders('MAX(o.date_add)'), 'type' => 'datetime'],
        'groups' => ['contains' => $groups,
            'count' => "(CASE WHEN c.`groups` = '' THEN 0 ELSE LENGTH(c.`groups`) - LENGTH(REPLACE(c.`groups`, ',', '')) + 1 END)"],
    ];
}

/**
 * --sql: the database selects the segment's customers. An exact condition streams the selected
 * rows (unbuffered on MySQL) straight into the CSV, with a progress line every $every rows (the
 * share is of the ids, which come in order); otherwise the selected rows go through filter()
 * and the CSV is written as without --sql. Returns the number of customers written.
 */
function campaign_sql(PDO $db, Loyalty\Engine $engine, string $segment, int|string $now, $out, int $every, $stderr): int
{
    $dialect = $db->getAttribute(PDO::ATTR_DRIVER_NAME) === 'mysql' ? 'mysql' : 'sqlite';
    $filter = $engine->sql($segment, campaign_columns($dialect), $dialect, $now);
    fwrite($stderr, 'sql: ' . strtok($filter->explain(), "\n") . "\n");
    if (!$filter->exact) {
        $ids = $engine->filter($segment, campaign_customers($db, $filter), $now);
        campaign_write_csv($db, $ids, $out);
        return count($ids);
    }
    $last = (int) $db->query('SELECT MAX(id) FROM customer')->fetchColumn();
    $rows = $db->prepare("SELECT c.id, c.email, c.city, COALESCE((SELECT SUM(o.total_paid) FROM orders o WHERE o.id_customer = c.id), 0) AS spent
        FROM customer c WHERE $filter->where ORDER BY c.id");
    $buffered = campaign_unbuffered($db);
    try {
        $rows->execute($filter->params);
    } finally {
        campaign_buffered($db, $buffered);
    }
    fputcsv($out, ['id', 'email', 'city', 'spent'], ',', '"', '');
    $n = 0;
    while (($row = $rows->fetch(PDO::FETCH_ASSOC)) !== false) {
        $spent = (int) $row['spent'];
        fputcsv($out, [$row['id'], $row['email'], $row['city'], sprintf('%d.%02d', intdiv($spent, 100), $spent % 100)], ',', '"', '');
        if (++$n % max($every, 1) === 0 && $every > 0) {
            fprintf($stderr, "%d customers written, at id %d of %d (%d%%)\n", $n, $row['id'], $last, intdiv(100 * (int) $row['id'], max(1, $last)));
        }
    }
    $rows->closeCursor();
    return $n;
}

/** The whole export; returns the exit status. */
function campaign_main(array $argv, $stdout, $stderr): int
{
    try {
        $opt = campaign_options($argv);
    } catch (InvalidArgumentException $e) {
        fwrite($stderr, $e->getMessage() . "\n");
        return 2;
    }
    $settings = isset($opt['settings']) ? file_get_contents($opt['settings']) : CAMPAIGN_SETTINGS;
    $engine = new Loyalty\Engine($settings);
    $segment = $opt['segment'] ?? 'lapsed_big_spenders_paris';
    $now = $opt['now'] ?? time();

    [$db, $exists, $temporary] = campaign_connect($opt);
    if (!$exists) {
        campaign_create_database($db, (int) ($opt['customers'] ?? 20000));
    }
    $total = (int) $db->query('SELECT COUNT(*) FROM customer')->fetchColumn();

    $started = hrtime(true);
    $every = (int) ($opt['progress'] ?? 5000);
    $out = isset($opt['out']) ? fopen($opt['out'], 'w') : $stdout;
    if (isset($opt['sql'])) {
        $found = campaign_sql($db, $engine, $segment, $now, $out, $every, $stderr);
    } else {
        $ids = $engine->filter($segment, campaign_progress(campaign_customers($db), $every, $total, $stderr), $now);
        campaign_write_csv($db, $ids, $out);
        $found = count($ids);
    }
    if (isset($opt['out'])) {
        fclose($out);
    }
    fprintf($stderr, "%d of %d customers in segment '%s' (%.2f s)\n", $found, $total, $segment,
        (hrtime(true) - $started) / 1e9);
    $db = null;
    if ($temporary !== null) {
        unlink($temporary);
    }
    return 0;
}

// Run when called as a script; a test includes this file and calls campaign_main() itself.
if (realpath($_SERVER['SCRIPT_FILENAME'] ?? '') === __FILE__) {
    exit(campaign_main($argv, STDOUT, STDERR));
}
