--TEST--
examples/campaign.php --sql --dsn on MariaDB: the same CSV as filter() over the unbuffered stream and as SQLite's, the selected rows streamed unbuffered (run under scripts/mariadb.sh)
--EXTENSIONS--
loyalty
pdo_mysql
pdo_sqlite
--SKIPIF--
<?php if (!getenv('LOYALTY_MYSQL_SOCKET')) die('skip no MariaDB: run with bash scripts/mariadb.sh bash scripts/test.sh tests/examples'); ?>
--INI--
date.timezone=UTC
--FILE--
<?php
include __DIR__ . '/../../examples/campaign.php';

function run(array $args): array
{
    $out = fopen('php://memory', 'w+');
    $err = fopen('php://memory', 'w+');
    $rc = campaign_main(array_merge(['campaign.php'], $args), $out, $err);
    rewind($out);
    rewind($err);
    return [$rc, stream_get_contents($out), preg_replace('/\(\d+\.\d\d s\)/', '(T s)', stream_get_contents($err))];
}

$socket = getenv('LOYALTY_MYSQL_SOCKET');
$pdo = new PDO("mysql:unix_socket=$socket", 'root', '');
$pdo->exec('DROP DATABASE IF EXISTS loyalty_campaign_sql');
$pdo->exec('CREATE DATABASE loyalty_campaign_sql');
$dsn = "--dsn=mysql:unix_socket=$socket;dbname=loyalty_campaign_sql;charset=utf8mb4";
$sqlite = tempnam(sys_get_temp_dir(), 'campaign-sql-maria');
unlink($sqlite);
$now = '--now=2026-11-22 10:00:00';
[, $fromSqlite] = run(['--customers=400', "--db=$sqlite", $now, '--progress=0']);
[$rc, $plain] = run(['--customers=400', $dsn, $now, '--progress=0']);
[$rc, $csv, $progress] = run([$dsn, $now, '--sql', '--progress=5']);
var_dump($rc, $csv === $plain, $csv === $fromSqlite, substr_count($csv, "\n") - 1);
echo $progress;

// Every shop.json segment: the same list with --sql (exact or through filter()), on both databases
foreach (['lapsed_big_spenders', 'pro_paris', 'loyal', 'vip', 'first_order_recent', 'disabled'] as $segment) {
    $args = [$now, '--settings=' . __DIR__ . '/../../examples/shop.json', "--segment=$segment", '--progress=0'];
    [, $plain] = run([$dsn, ...$args]);
    [, $maria, $err] = run([$dsn, ...$args, '--sql']);
    [, $lite] = run(["--db=$sqlite", ...$args, '--sql']);
    printf("%s: %s, %d customers; %s", $segment, $maria === $plain && $lite === $plain ? 'same CSV' : 'CSV differs',
        substr_count($plain, "\n") - 1, strtok($err, "\n") . "\n");
}

// The cursor is unbuffered while the rows stream: no other query can run on the connection meanwhile
$db = new PDO(substr($dsn, 6), 'root', '', [PDO::ATTR_ERRMODE => PDO::ERRMODE_EXCEPTION]);
$probe = fopen('php://memory', 'w+');
$engine = new Loyalty\Engine(CAMPAIGN_SETTINGS);
stream_filter_register('probe', 'Probe');
final class Probe extends php_user_filter
{
    public static ?PDO $db = null;
    public static ?string $seen = null;

    public function filter($in, $out, &$consumed, bool $closing): int
    {
        while ($bucket = stream_bucket_make_writeable($in)) {
            $consumed += $bucket->datalen;
            stream_bucket_append($out, $bucket);
        }
        if (self::$seen === null && self::$db !== null) {
            try {
                self::$db->query('SELECT 1')->fetchAll();
                self::$seen = 'buffered';
            } catch (PDOException $e) {
                self::$seen = str_contains($e->getMessage(), 'unbuffered') ? 'unbuffered' : $e->getMessage();
            }
        }
        return PSFS_PASS_ON;
    }
}
Probe::$db = $db;
stream_filter_append($probe, 'probe', STREAM_FILTER_WRITE);
$n = campaign_sql($db, $engine, 'lapsed_big_spenders_paris', '2026-11-22 10:00:00', $probe, 0, fopen('php://memory', 'w'));
echo "$n written, the connection was ", Probe::$seen, " while they streamed; buffered again after: ",
    var_export((bool) $db->getAttribute(PDO::MYSQL_ATTR_USE_BUFFERED_QUERY), true), "\n";
$pdo->exec('DROP DATABASE loyalty_campaign_sql');
unlink($sqlite);
?>
--EXPECT--
int(0)
bool(true)
bool(true)
int(11)
sql: segment 'lapsed_big_spenders_paris' (mysql): exact, the condition selects exactly the rows filter() keeps
5 customers written, at id 141 of 400 (35%)
10 customers written, at id 311 of 400 (77%)
11 of 400 customers in segment 'lapsed_big_spenders_paris' (T s)
lapsed_big_spenders: same CSV, 39 customers; sql: segment 'lapsed_big_spenders' (mysql): exact, the condition selects exactly the rows filter() keeps
pro_paris: same CSV, 21 customers; sql: segment 'pro_paris' (mysql): exact, the condition selects exactly the rows filter() keeps
loyal: same CSV, 241 customers; sql: segment 'loyal' (mysql): exact, the condition selects exactly the rows filter() keeps
vip: same CSV, 157 customers; sql: segment 'vip' (mysql): exact, the condition selects exactly the rows filter() keeps
first_order_recent: same CSV, 2 customers; sql: segment 'first_order_recent' (mysql): exact, the condition selects exactly the rows filter() keeps
disabled: same CSV, 8 customers; sql: segment 'disabled' (mysql): exact, the condition selects exactly the rows filter() keeps
11 written, the connection was unbuffered while they streamed; buffered again after: true