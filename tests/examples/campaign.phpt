--TEST--
examples/campaign.php: lapsed big spenders in Paris from a generated SQLite database, as CSV, with progress on stderr
--EXTENSIONS--
loyalty
pdo_sqlite
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

$db = tempnam(sys_get_temp_dir(), 'campaign-test');
unlink($db);
[$rc, $csv, $progress] = run(['--customers=300', "--db=$db", '--now=2026-11-22 10:00:00', '--progress=120']);
var_dump($rc);
echo $csv, $progress;

// The same selection written independently in SQL: active, in Paris, 500.00 spent or more,
// last order at least 181 whole days before the campaign date.
$pdo = new PDO('sqlite:' . $db);
$ids = $pdo->query("SELECT c.id FROM customer c JOIN orders o ON o.id_customer = c.id
    WHERE c.active = 1 AND c.city = 'Paris' GROUP BY c.id
    HAVING SUM(o.total_paid) >= 50000 AND MAX(o.date_add) <= '2026-05-25 10:00:00' ORDER BY c.id")->fetchAll(PDO::FETCH_COLUMN);
var_dump(implode(',', $ids) === implode(',', array_map(fn($l) => strtok($l, ','), array_slice(explode("\n", trim($csv)), 1))));
$pdo = null;

echo "-- existing database, shop.json's segment, CSV to a file, no progress\n";
$file = tempnam(sys_get_temp_dir(), 'campaign-csv');
[$rc, $csv, $progress] = run(["--db=$db", "--out=$file", '--now=2026-11-22 10:00:00', '--progress=0',
    '--settings=' . __DIR__ . '/../../examples/shop.json', '--segment=lapsed_big_spenders']);
var_dump($rc, $csv, count(file($file)), $progress);
echo implode('', array_slice(file($file), 0, 3));
unlink($file);
unlink($db);

echo "-- a temporary database is removed, a bad option is refused\n";
$before = count(glob(sys_get_temp_dir() . '/loyalty-campaign*'));
[$rc, $csv, $progress] = run(['--customers=10', '--now=2026-11-22', '--progress=4']);
echo $csv, $progress;
var_dump(count(glob(sys_get_temp_dir() . '/loyalty-campaign*')) === $before);
var_dump(run(['--customer=10']));
?>
--EXPECT--
int(0)
id,email,city,spent
52,gaelle.52@example.com,Paris,505.11
97,emma.97@example.com,Paris,682.93
127,emma.127@example.com,Paris,502.75
136,jules.136@example.com,Paris,1171.49
141,ines.141@example.com,Paris,864.84
165,gaelle.165@example.com,Paris,588.51
176,alice.176@example.com,Paris,743.64
240,alice.240@example.com,Paris,677.10
257,emma.257@example.com,Paris,1823.85
120/300 customers read (40%)
240/300 customers read (80%)
9 of 300 customers in segment 'lapsed_big_spenders_paris' (T s)
bool(true)
-- existing database, shop.json's segment, CSV to a file, no progress
int(0)
string(0) ""
int(31)
string(59) "30 of 300 customers in segment 'lapsed_big_spenders' (T s)
"
id,email,city,spent
24,farid.24@example.com,Bruxelles,1708.88
27,david.27@example.com,Bruxelles,618.52
-- a temporary database is removed, a bad option is refused
id,email,city,spent
4/10 customers read (40%)
8/10 customers read (80%)
0 of 10 customers in segment 'lapsed_big_spenders_paris' (T s)
bool(true)
array(3) {
  [0]=>
  int(2)
  [1]=>
  string(0) ""
  [2]=>
  string(145) "bad option --customer=10 (expected --sql or --NAME=VALUE, NAME one of customers, db, dsn, user, password, out, now, settings, segment, progress)
"
}
