--TEST--
Engine::sql() on MariaDB: EXPLAIN shows the index on last_order used for days_since_last_order > 180 and the index on postcode for postcode like '75*'; the rows are filter()'s (SPEC 15; run under scripts/mariadb.sh)
--EXTENSIONS--
loyalty
pdo_mysql
--SKIPIF--
<?php if (!getenv('LOYALTY_MYSQL_SOCKET')) die('skip no MariaDB: run with bash scripts/mariadb.sh bash scripts/test.sh tests/sql'); ?>
--FILE--
<?php
date_default_timezone_set('Europe/Paris');
$db = new PDO('mysql:unix_socket=' . getenv('LOYALTY_MYSQL_SOCKET') . ';charset=utf8mb4', 'root', '');
$db->setAttribute(PDO::ATTR_ERRMODE, PDO::ERRMODE_EXCEPTION);
$db->exec('CREATE DATABASE IF NOT EXISTS loyalty_explain');
$db->exec('USE loyalty_explain');
$db->exec('DROP TABLE IF EXISTS c');
$db->exec('CREATE TABLE c (id INT PRIMARY KEY, active TINYINT, orders INT, postcode VARCHAR(10), last_order DATETIME,
    KEY last_order (last_order), KEY postcode (postcode)) ENGINE=InnoDB');
$now = 1790000000;
$ins = $db->prepare('INSERT INTO c VALUES (?, ?, ?, ?, ?)');
$db->beginTransaction();
for ($i = 1; $i <= 20000; $i++) {
    $ins->execute([$i, $i % 50 ? 1 : 0, $i % 7, sprintf('%05d', ($i * 7919) % 95000 + 1000), date('Y-m-d H:i:s', $now - ($i % 200) * 86400 - $i)]);
}
$db->commit();
$db->query('ANALYZE TABLE c')->fetchAll();
$engine = new Loyalty\Engine(['segments' => ['lapsed' => 'days_since_last_order > 180', 'paris' => "postcode like '75*'"]]);
$columns = ['active' => 'c.active', 'orders' => 'c.orders', 'postcode' => 'c.postcode', 'last_order' => 'c.last_order'];
$customers = [];
foreach ($db->query('SELECT * FROM c')->fetchAll(PDO::FETCH_ASSOC) as $r) {
    $customers[] = ['id' => $r['id'], 'active' => $r['active'] !== 0, 'orders' => $r['orders'], 'postcode' => $r['postcode'], 'last_order' => $r['last_order']];
}
foreach (['lapsed' => 'last_order', 'paris' => 'postcode'] as $segment => $index) {
    $f = $engine->sql($segment, $columns, 'mysql', $now);
    $st = $db->prepare("EXPLAIN SELECT id FROM c WHERE {$f->where}");
    $st->execute($f->params);
    $plan = $st->fetch(PDO::FETCH_ASSOC);
    $st = $db->prepare("SELECT id FROM c WHERE {$f->where} ORDER BY id");
    $st->execute($f->params);
    $ids = array_map('intval', $st->fetchAll(PDO::FETCH_COLUMN));
    $want = $engine->filter($segment, $customers, $now);
    sort($want);
    printf("%s: exact %s, type %s, key %s, %s\n", $segment, var_export($f->exact, true), $plan['type'], $plan['key'],
        $ids === $want ? count($ids) . ' rows as filter()' : 'MISMATCH');
}
$db->exec('DROP DATABASE loyalty_explain');
?>
--EXPECT--
lapsed: exact true, type range, key last_order, 1900 rows as filter()
paris: exact true, type range, key postcode, 211 rows as filter()
