<?php
/*
 * The shop of scripts/soak.sh, on MariaDB: its tables, its sample customers, and the checkout
 * transaction that checkout.php runs on every request (and verify.php replays afterwards).
 *
 * Tables: loyalty_settings (one row per version of the merchant's JSON; the newest is in force),
 * customer, orders (what each checkout was granted, with what it needs to be evaluated again),
 * loyalty_ledger (one row per grant, earn and spend; an order's earn and spend are unique).
 */
declare(strict_types=1);

const SOAK_HOT_CUSTOMERS = 16;   // the customers that parallel requests share (soak.sh's "same customer" phase)

/** PDO on the soak's MariaDB: the socket from STACK_DIR (FPM's env, or the CLI's). */
function soak_db(bool $persistent = false): PDO
{
    $dir = getenv('STACK_DIR') ?: ($_SERVER['STACK_DIR'] ?? '');
    return new PDO("mysql:unix_socket=$dir/mysqld.sock;dbname=shop;charset=utf8mb4", 'root', '', [
        PDO::ATTR_ERRMODE => PDO::ERRMODE_EXCEPTION,
        PDO::ATTR_PERSISTENT => $persistent,
        PDO::ATTR_EMULATE_PREPARES => false,
    ]);
}

function soak_schema(PDO $db): void
{
    $db->exec('CREATE TABLE loyalty_settings (version INT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
        json MEDIUMTEXT NOT NULL, committed_us BIGINT NULL) ENGINE=InnoDB');
    $db->exec('CREATE TABLE customer (id INT UNSIGNED PRIMARY KEY, email VARCHAR(128) NOT NULL,
        city VARCHAR(64) NOT NULL, postcode VARCHAR(16) NOT NULL, country CHAR(2) NOT NULL,
        `groups` VARCHAR(64) NOT NULL, active TINYINT NOT NULL, orders INT UNSIGNED NOT NULL,
        spent BIGINT NOT NULL, first_order DATETIME NULL, last_order DATETIME NULL) ENGINE=InnoDB');
    $db->exec('CREATE TABLE orders (id INT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
        customer_id INT UNSIGNED NOT NULL, seed INT UNSIGNED NOT NULL, use_points BIGINT NOT NULL,
        settings_version INT UNSIGNED NOT NULL, read_us BIGINT NOT NULL, at INT NOT NULL,
        customer_json TEXT NOT NULL, total BIGINT NOT NULL, points_earned INT UNSIGNED NOT NULL,
        points_spent INT UNSIGNED NOT NULL, worker INT UNSIGNED NOT NULL, retries TINYINT UNSIGNED NOT NULL,
        KEY (customer_id)) ENGINE=InnoDB');
    $db->exec("CREATE TABLE loyalty_ledger (id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
        customer_id INT UNSIGNED NOT NULL, order_id INT UNSIGNED NULL,
        kind ENUM('grant', 'earn', 'spend') NOT NULL, points INT UNSIGNED NOT NULL, at INT NOT NULL,
        ref VARCHAR(64) NOT NULL, KEY (customer_id, at), UNIQUE KEY (order_id, kind)) ENGINE=InnoDB");
}

/** $count customers, each with a grant of points 60 days ago (spendable: not pending, not expired). */
function soak_seed(PDO $db, int $count, int $now): void
{
    mt_srand(20261207);
    $cities = [['Paris', '75011', 'FR'], ['Paris', '75002', 'FR'], ['Lyon', '69002', 'FR'], ['Lille', '59000', 'FR'],
        ['Bruxelles', '1000', 'BE']];
    $groups = ['', '', '', 'VIP', 'wholesale', 'pro'];
    $db->beginTransaction();
    $customers = [];
    $grants = [];
    for ($id = 1; $id <= $count; $id++) {
        [$city, $postcode, $country] = $cities[mt_rand(0, count($cities) - 1)];
        $orders = mt_rand(0, 12);
        $first = $orders ? date('Y-m-d H:i:s', $now - mt_rand(200, 900) * 86400) : null;
        $last = $orders ? date('Y-m-d H:i:s', $now - mt_rand(1, 199) * 86400) : null;
        array_push($customers, $id, "c$id@example.com", $city, $postcode, $country, $groups[mt_rand(0, count($groups) - 1)],
            mt_rand(0, 49) ? 1 : 0, $orders, $orders * mt_rand(2000, 9000), $first, $last);
        // the shared customers get enough points for hundreds of orders in parallel
        array_push($grants, $id, $id <= SOAK_HOT_CUSTOMERS ? 200000 : mt_rand(0, 3000), $now - 60 * 86400, 'welcome');
        if ($id % 500 === 0 || $id === $count) {
            $rows = intdiv(count($customers), 11);
            $db->prepare('INSERT INTO customer VALUES ' . implode(',', array_fill(0, $rows, '(?,?,?,?,?,?,?,?,?,?,?)')))
                ->execute($customers);
            $db->prepare("INSERT INTO loyalty_ledger (customer_id, kind, points, at, ref) VALUES "
                . implode(',', array_fill(0, $rows, "(?, 'grant', ?, ?, ?)")))->execute($grants);
            $customers = $grants = [];
        }
    }
    $db->commit();
}

/** A new settings version, validated by the engine first (a bad JSON throws and is not stored). */
function soak_publish_settings(PDO $db, string $json): int
{
    Loyalty\Program::fromJson($json);
    $db->prepare('INSERT INTO loyalty_settings (json) VALUES (?)')->execute([$json]);
    $version = (int) $db->lastInsertId();
    // committed: from now on every read of the settings sees this version
    $db->prepare('UPDATE loyalty_settings SET committed_us = ? WHERE version = ?')
        ->execute([(int) (microtime(true) * 1e6), $version]);
    return $version;
}

/** The settings in force: [version, json]. */
function soak_settings(PDO $db): array
{
    $row = $db->query('SELECT version, json FROM loyalty_settings ORDER BY version DESC LIMIT 1')->fetch(PDO::FETCH_NUM);
    return [(int) $row[0], $row[1]];
}

/** The cart of a seed: 1 to 12 lines, three carriers, a voucher now and then. */
function soak_cart(int $seed, int|bool $usePoints): array
{
    $lines = [];
    for ($i = 0; $i < 1 + $seed % 12; $i++) {
        $lines[] = ['sku' => "SKU-$i", 'qty' => 1 + ($seed + $i) % 3, 'price' => 199 + (($seed * 37 + $i * 101) % 9000)];
    }
    $cart = ['lines' => $lines, 'carrier' => ['Colissimo', 'Chronopost', 'Mondial Relay'][$seed % 3], 'shipping' => 690,
        'use_points' => $usePoints];
    if ($seed % 9 === 0) {
        $cart['vouchers'] = ['WELCOME'];
        $cart['voucher_discount'] = 300;
    }
    return $cart;
}

/** The engine's customer from a customer row and the points balance read from the ledger. */
function soak_customer(array $row, int $points): array
{
    return [
        'id' => (int) $row['id'], 'active' => (bool) $row['active'],
        'groups' => $row['groups'] === '' ? [] : explode(',', $row['groups']),
        'orders' => (int) $row['orders'], 'spent' => (int) $row['spent'],
        'first_order' => $row['first_order'], 'last_order' => $row['last_order'],
        'city' => $row['city'], 'postcode' => $row['postcode'], 'country' => $row['country'], 'points' => $points,
    ];
}

/** The ledger entries of a customer, as Loyalty\Ledger takes them. */
function soak_entries(PDO $db, int $customerId): array
{
    $rows = $db->prepare('SELECT kind AS type, points, at, ref FROM loyalty_ledger WHERE customer_id = ? ORDER BY at, id');
    $rows->execute([$customerId]);
    $entries = $rows->fetchAll(PDO::FETCH_ASSOC);
    foreach ($entries as &$e) {
        $e['points'] = (int) $e['points'];
        $e['at'] = (int) $e['at'];
    }
    return $entries;
}

/**
 * One checkout: the settings in force, then in one transaction the customer's row locked
 * (SELECT ... FOR UPDATE: two checkouts of one customer wait for each other, so they cannot
 * spend the same points), the balance from the ledger, evaluate(), the order and its ledger
 * entries written. A deadlock or lock timeout is retried (the transaction rolled back first).
 * @return array{order: int, version: int, result: Loyalty\Result, retries: int}
 */
function soak_checkout(PDO $db, int $customerId, int $seed, int|bool $usePoints): array
{
    for ($retries = 0; ; $retries++) {
        $readUs = (int) (microtime(true) * 1e6);
        [$version, $json] = soak_settings($db);
        $engine = new Loyalty\Engine($json);   // the worker's cache answers after the first time
        $db->beginTransaction();
        try {
            $out = soak_order($db, $engine, $version, $readUs, $customerId, $seed, $usePoints, $retries);
            $db->commit();
            return $out;
        } catch (PDOException $e) {
            $db->rollBack();
            // 1213 deadlock, 1205 lock wait timeout: InnoDB asks for the transaction again
            if ($retries >= 5 || !in_array((int) ($e->errorInfo[1] ?? 0), [1213, 1205], true)) {
                throw $e;
            }
        } catch (Throwable $e) {
            $db->rollBack();
            throw $e;
        }
    }
}

function soak_order(PDO $db, Loyalty\Engine $engine, int $version, int $readUs, int $customerId, int $seed,
    int|bool $usePoints, int $retries): array
{
    $now = time();
    $select = $db->prepare('SELECT * FROM customer WHERE id = ? FOR UPDATE');
    $select->execute([$customerId]);
    $row = $select->fetch(PDO::FETCH_ASSOC);
    if ($row === false) {
        throw new RuntimeException("no customer $customerId");
    }
    $ledger = new Loyalty\Ledger($engine->program(), soak_entries($db, $customerId));
    // the balance comes from the ledger, never from the request: use_points is an upper bound
    $customer = soak_customer($row, $ledger->balance($now));
    $result = $engine->evaluate(soak_cart($seed, $usePoints), $customer, $now);

    $db->prepare('INSERT INTO orders (customer_id, seed, use_points, settings_version, read_us, at, customer_json,
            total, points_earned, points_spent, worker, retries) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
        ->execute([$customerId, $seed, is_bool($usePoints) ? -(int) $usePoints : $usePoints, $version, $readUs, $now,
            json_encode($customer), $result->total, $result->pointsEarned, $result->pointsSpent, getmypid(), $retries]);
    $order = (int) $db->lastInsertId();
    $entry = $db->prepare('INSERT INTO loyalty_ledger (customer_id, order_id, kind, points, at, ref) VALUES (?, ?, ?, ?, ?, ?)');
    if ($result->pointsSpent > 0) {
        $ledger->spend($result->pointsSpent, $now, "order-$order");   // LedgerException if short: nothing is written
        $entry->execute([$customerId, $order, 'spend', $result->pointsSpent, $now, "order-$order"]);
    }
    if ($result->pointsEarned > 0) {
        $entry->execute([$customerId, $order, 'earn', $result->pointsEarned, $now, "order-$order"]);
    }
    $db->prepare('UPDATE customer SET orders = orders + 1, spent = spent + ?, first_order = COALESCE(first_order, FROM_UNIXTIME(?)),
            last_order = FROM_UNIXTIME(?) WHERE id = ?')
        ->execute([$result->total, $now, $now, $customerId]);
    return ['order' => $order, 'version' => $version, 'result' => $result, 'retries' => $retries];
}
