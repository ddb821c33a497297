<?php
/*
 * Differential testing of Engine::sql() (SPEC 15) on real databases:
 *
 *   php -d extension=modules/loyalty.so scripts/differential_sql.php [--seed=N] [--cases=N] [--rows=N] [--db=sqlite,mysql]
 *   (mysql: run under scripts/mariadb.sh, which gives LOYALTY_MYSQL_SOCKET)
 *
 * Random segments from the expression generator of the differentials (scripts/expression_generator.php),
 * random customer tables with NULLs, empty strings, trailing spaces, accented and mixed-case names,
 * % and _ in the data, NUL bytes, dates around DST changes and the 30- and 180-day bounds, int extremes in
 * attributes, and column maps that now and then leave a field out. For each segment and database:
 * the extension and the polyfill give the same SqlFilter; the ids the SQL selects (then filter()
 * over them when not exact) equal filter() over every row. Prints the share of exact answers and
 * ends with "N passed, M failed" (for .ci/run); exits 1 on a failure.
 */
declare(strict_types=1);

if (!extension_loaded('loyalty')) {
    fwrite(STDERR, "differential_sql.php: the loyalty extension is not loaded\n");
    exit(2);
}
require_once __DIR__ . '/../polyfill/bootstrap.php';

$options = getopt('', ['seed:', 'cases:', 'rows:', 'db:', 'show:']);
$seed = (int) ($options['seed'] ?? 1);
$cases = (int) ($options['cases'] ?? 2000);
$rowCount = (int) ($options['rows'] ?? 120);
$dbs = explode(',', $options['db'] ?? 'sqlite');
$show = (int) ($options['show'] ?? 5);
mt_srand($seed);
require_once __DIR__ . '/expression_generator.php';
date_default_timezone_set('Europe/Paris');

const NAMES = ['Paris', 'paris', 'PARIS', 'Paris ', ' Paris', '', 'Île', 'île', 'ÎLE', 'Évry', 'evry', '75001', '75011', '7500',
    '75%', '7_0', '100%', 'a_b', 'a\\b', "it's", 'VIP', 'vip', 'pro', 'FR', 'BE', 'fr', 'Colissimo', 'colissimo', '*', '?', 'Straße',
    // NUL bytes, which SQLite's LIKE reads a text value only up to
    "Paris\0", "\0", "pa\0ris", "PA\0RIS\0x", "\0Paris", "7\0000", "75\0001", "VIP\0pro", "Col\0issimo"];

/** Instants around DST changes in Europe/Paris and around the 30- and 180-day bounds of `now`. */
function dateValue(int $now): ?int
{
    $dst = [1774746000, 1792890000, 1806195600, 1824944400]; // 2026-03-29 01:00 UTC, 2026-10-25 01:00 UTC, ...
    return match (mt_rand(0, 7)) {
        0 => null,
        1 => pick($dst) + mt_rand(-7200, 7200),
        2 => $now - 180 * 86400 + mt_rand(-2, 2) * 43200 + mt_rand(-1, 1),
        3 => $now - 181 * 86400 + mt_rand(-2, 2),
        4 => $now - 30 * 86400 + mt_rand(-2, 2),
        5 => $now + mt_rand(-86400, 86400),
        default => $now - mt_rand(0, 400) * 86400 - mt_rand(0, 86399),
    };
}

function nowValue(): int
{
    $dst = [1774746000, 1792890000, 1806195600];
    return match (mt_rand(0, 3)) {
        // the 180- and 30-day bounds land on a DST change
        0 => pick($dst) + 180 * 86400 + mt_rand(-7200, 7200),
        1 => pick($dst) + 30 * 86400 + mt_rand(-7200, 7200),
        default => 1790000000 + mt_rand(-5000000, 5000000),
    };
}

function intValue(int $max, bool $signed = true): ?int
{
    return match (mt_rand(0, 9)) {
        0 => null,
        1 => $signed ? pick([PHP_INT_MAX, PHP_INT_MIN, PHP_INT_MAX - 1, -1, 0]) : pick([PHP_INT_MAX, PHP_INT_MAX - 1, 0]),
        default => mt_rand(0, $max),
    };
}

/** A table of customers: rows as the database holds them. */
function table(int $n, int $now): array
{
    $rows = [];
    for ($id = 1; $id <= $n; $id++) {
        $r = ['id' => $id, 'active' => pick([null, 1, 1, 1, 0]), 'orders' => chance(15) ? null : mt_rand(0, 4),
            'spent' => chance(10) ? null : mt_rand(0, 100000), 'points' => intValue(1000, false), 'lp' => intValue(2000, false)];
        foreach (['city', 'postcode', 'country'] as $k) {
            $r[$k] = chance(15) ? null : pick(NAMES);
        }
        $fo = dateValue($now);
        $lo = dateValue($now);
        $r['first_order'] = $fo;
        $r['last_order'] = $lo;
        $r['n'] = intValue(100);
        $r['big'] = chance(50) ? pick([PHP_INT_MAX, PHP_INT_MIN, 9223372036854, -9223372036854, 3037000500]) : intValue(10);
        $r['s'] = chance(20) ? null : pick(NAMES);
        $r['b'] = chance(30) ? null : mt_rand(0, 1);
        $r['x'] = chance(20) ? null : (chance(50) ? mt_rand(-3, 12) : pick(NAMES));
        foreach (['groups', 'carriers', 'bought'] as $k) {
            $r[$k] = [];
            for ($i = 0, $m = mt_rand(0, 3); $i < $m; $i++) {
                $r[$k][] = pick(NAMES);
            }
            $r[$k] = array_values(array_unique($r[$k]));
        }
        $rows[] = $r;
    }
    return $rows;
}

/** The row as a customer, as the database gives it to PHP: every field (the truth). */
function customer(array $r, array $lists): array
{
    $c = ['id' => $r['id']];
    foreach (['orders', 'spent', 'points', 'city', 'postcode', 'country'] as $k) {
        if ($r[$k] !== null) {
            $c[$k] = $r[$k];
        }
    }
    if ($r['lp'] !== null) {
        $c['lifetime_points'] = $r['lp'];
    }
    if ($r['active'] !== null) {
        $c['active'] = $r['active'] !== 0;
    }
    foreach (['first_order', 'last_order'] as $k) {
        if ($r[$k] !== null) {
            $c[$k] = $r[$k];
        }
    }
    foreach (['groups', 'carriers', 'bought'] as $k) {
        $c[$k] = $lists[$k];
    }
    $c['attributes'] = [];
    foreach (['n', 'big', 's', 'b', 'x'] as $k) {
        if ($r[$k] !== null) {
            $c['attributes'][$k] = $r[$k];
        }
    }
    return $c;
}

function fill(PDO $db, string $dialect, array $rows, bool $timestamps): void
{
    $date = $timestamps ? 'BIGINT' : ($dialect === 'mysql' ? 'DATETIME' : 'TEXT');
    $text = $dialect === 'mysql' ? 'VARCHAR(40) CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci' : 'TEXT';
    $x = $dialect === 'mysql' ? 'BIGINT' : ''; // SQLite: a column of any type (ints and strings)
    foreach (['c', 'groups', 'carriers', 'bought'] as $t) {
        $db->exec("DROP TABLE IF EXISTS $t");
    }
    $db->exec("CREATE TABLE c (id INT PRIMARY KEY, active INT, orders INT, spent BIGINT, points BIGINT, lp BIGINT,
        city $text, postcode $text, country $text, first_order $date, last_order $date, n BIGINT, big BIGINT, s $text, b INT, x $x)");
    foreach (['groups', 'carriers', 'bought'] as $t) {
        $db->exec("CREATE TABLE $t (cid INT, name $text)");
    }
    $ins = $db->prepare('INSERT INTO c VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
    $db->beginTransaction();
    foreach ($rows as $r) {
        $v = [$r['id'], $r['active'], $r['orders'], $r['spent'], $r['points'], $r['lp'], $r['city'], $r['postcode'], $r['country']];
        foreach (['first_order', 'last_order'] as $k) {
            $v[] = $r[$k] === null ? null : ($timestamps ? $r[$k] : date('Y-m-d H:i:s', $r[$k]));
        }
        array_push($v, $r['n'], $r['big'], $r['s'], $r['b'], $dialect === 'mysql' && is_string($r['x']) ? null : $r['x']);
        foreach ($v as $i => $value) {
            $ins->bindValue($i + 1, $value, is_int($value) ? PDO::PARAM_INT : ($value === null ? PDO::PARAM_NULL : PDO::PARAM_STR));
        }
        $ins->execute();
        foreach (['groups', 'carriers', 'bought'] as $t) {
            foreach ($r[$t] as $name) {
                $db->prepare("INSERT INTO $t VALUES (?, ?)")->execute([$r['id'], $name]);
            }
        }
    }
    $db->commit();
}

function columns(string $dialect, bool $timestamps): array
{
    $bin = $dialect === 'mysql' ? 'BINARY ?' : '? COLLATE BINARY';
    $type = $timestamps ? 'timestamp' : 'datetime';
    $map = ['active' => 'c.active', 'orders' => 'c.orders', 'spent' => 'c.spent', 'points' => 'c.points', 'lifetime_points' => 'c.lp',
        'city' => 'c.city', 'postcode' => 'c.postcode', 'country' => 'c.country',
        'first_order' => ['expr' => 'c.first_order', 'type' => $type], 'last_order' => ['expr' => 'c.last_order', 'type' => $type],
        'attr.n' => 'c.n', 'attr.big' => 'c.big', 'attr.s' => 'c.s', 'attr.b' => 'c.b', 'attr.x' => 'c.x'];
    foreach (['groups', 'carriers', 'bought'] as $t) {
        $map[$t] = ['contains' => "EXISTS (SELECT 1 FROM $t l WHERE l.cid = c.id AND l.name = $bin)",
            'count' => "(SELECT COUNT(*) FROM $t l WHERE l.cid = c.id)"];
    }
    return $map;
}

$connections = [];
foreach ($dbs as $d) {
    if ($d === 'sqlite') {
        $connections['sqlite'] = new PDO('sqlite::memory:');
    } elseif ($d === 'mysql') {
        $socket = getenv('LOYALTY_MYSQL_SOCKET') ?: throw new RuntimeException('mysql: run under scripts/mariadb.sh');
        $pdo = new PDO("mysql:unix_socket=$socket;charset=utf8mb4", 'root', '');
        $pdo->exec('CREATE DATABASE IF NOT EXISTS loyalty_differential');
        $pdo->exec('USE loyalty_differential');
        $pdo->exec("SET SESSION sql_mode = 'STRICT_ALL_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_ZERO_DATE,ONLY_FULL_GROUP_BY'");
        $connections['mysql'] = $pdo;
    }
}
foreach ($connections as $db) {
    $db->setAttribute(PDO::ATTR_ERRMODE, PDO::ERRMODE_EXCEPTION);
}

$passed = $failed = $exact = $mapped = $mappedExact = $total = 0;
$shapes = $shapeExample = [];
$started = microtime(true);
$rows = [];
$now = 0;
$timestamps = false;
for ($case = 0; $case < $cases; $case++) {
    if ($case % 50 === 0) { // a new table every 50 segments
        $now = nowValue();
        $timestamps = chance(30);
        $rows = table($rowCount, $now);
        foreach ($connections as $d => $db) {
            fill($db, $d, $rows, $timestamps);
        }
    }
    $settings = ['segments' => ['a' => condition(3), 'b' => condition(3), 't' => condition(0)]];
    try {
        $ext = new Loyalty\Engine($settings);
        $poly = new Loyalty\Polyfill\Engine($settings);
    } catch (Loyalty\Exception $e) {
        continue;
    }
    $segment = chance(90) ? 't' : pick(['a', 'disabled', 'loyal', 'first_order_recent', 'no_orders', 'all']);
    foreach ($connections as $d => $db) {
        $customers = [];
        foreach ($db->query('SELECT * FROM c ORDER BY id')->fetchAll(PDO::FETCH_ASSOC) as $i => $r) {
            $customers[] = customer($r, $rows[$i]);
        }
        $truth = $ext->filter($segment, $customers, $now);
        $map = columns($d, $timestamps);
        $full = true;
        if (chance(15)) {
            unset($map[array_rand($map)]);
            $full = false;
        }
        $total++;
        $f = $ext->sql($segment, $map, $d, $now);
        $g = $poly->sql($segment, $map, $d, $now);
        $why = null;
        if ([$f->where, $f->params, $f->exact, $f->residual] !== [$g->where, $g->params, $g->exact, $g->residual]) {
            $why = 'the extension and the polyfill differ';
        } else {
            try {
                $st = $db->prepare("SELECT c.id FROM c WHERE {$f->where} ORDER BY c.id");
                $st->execute($f->params);
                $ids = array_map('intval', $st->fetchAll(PDO::FETCH_COLUMN));
                if (!$f->exact) {
                    $byId = array_column($customers, null, 'id');
                    $ids = $ext->filter($segment, array_map(static fn(int $id): array => $byId[$id], $ids), $now);
                }
                sort($ids);
                $want = $truth;
                sort($want);
                if ($ids !== $want) {
                    $why = sprintf('ids differ: SQL%s gives %d, filter() %d (missing %s, extra %s)', $f->exact ? '' : ' then filter()',
                        count($ids), count($want), json_encode(array_values(array_diff($want, $ids))), json_encode(array_values(array_diff($ids, $want))));
                }
            } catch (PDOException $e) {
                $why = 'SQL error: ' . $e->getMessage();
            }
        }
        $exact += $f->exact ? 1 : 0;
        if ($full) {
            $mapped++;
            $mappedExact += $f->exact ? 1 : 0;
            // what stays inexact with every field mapped: explain()'s reasons, counted
            if (!$f->exact && preg_match_all('/^in PHP: (.*)$/m', $f->explain(), $m)) {
                foreach (array_unique($m[1]) as $reason) {
                    $shapes[$reason] = ($shapes[$reason] ?? 0) + 1;
                    $shapeExample[$reason] ??= $settings['segments'][$segment] ?? $segment;
                }
            }
        }
        if ($why === null) {
            $passed++;
            continue;
        }
        $failed++;
        if ($failed <= $show) {
            echo "case $case ($d, now $now, " . ($timestamps ? 'timestamps' : 'datetimes') . ", segment $segment): $why\n"
                . '  settings: ' . json_encode($settings, JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES) . "\n"
                . "  where: {$f->where}\n  params: " . json_encode($f->params, JSON_UNESCAPED_UNICODE) . "\n";
        }
    }
}
$time = microtime(true) - $started;
printf("%d segments on %s, %d rows a table, %.1f s\n", $total, implode(', ', array_keys($connections)), $rowCount, $time);
printf("exact: %d of %d (%.1f%%); with every field mapped: %d of %d (%.1f%%)\n", $exact, $total, $total ? 100 * $exact / $total : 0,
    $mappedExact, $mapped, $mapped ? 100 * $mappedExact / $mapped : 0);
arsort($shapes);
foreach ($shapes as $reason => $n) {
    printf("  inexact with every field mapped: %d x %s (e.g. %s)\n", $n, $reason,
        json_encode($shapeExample[$reason], JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES));
}
echo "$passed passed, $failed failed\n";
exit($failed ? 1 : 0);
