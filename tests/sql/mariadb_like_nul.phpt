--TEST--
Engine::sql() on MariaDB: like is exact on values holding NUL bytes (LIKE on CAST(x AS BINARY) reads every byte), whatever the pattern; the polyfill gives the same (SPEC 15; run under scripts/mariadb.sh)
--EXTENSIONS--
loyalty
pdo_mysql
--SKIPIF--
<?php if (!getenv('LOYALTY_MYSQL_SOCKET')) die('skip no MariaDB: run with bash scripts/mariadb.sh bash scripts/test.sh tests/sql'); ?>
--FILE--
<?php
require_once __DIR__ . "/../../polyfill/bootstrap.php";
$db = new PDO('mysql:unix_socket=' . getenv('LOYALTY_MYSQL_SOCKET') . ';charset=utf8mb4', 'root', '');
$db->setAttribute(PDO::ATTR_ERRMODE, PDO::ERRMODE_EXCEPTION);
$db->exec('CREATE DATABASE IF NOT EXISTS loyalty_like_nul');
$db->exec('USE loyalty_like_nul');
$db->exec('DROP TABLE IF EXISTS c');
$db->exec('CREATE TABLE c (id INT PRIMARY KEY, city VARCHAR(40) CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci)');
$cities = ["ab\0c", "AB\0C", "\0", "a\0", "\0a", "ab\0", 'ab', 'abc', "a\0b\0c", "x\0Paris\0y", "pa\0ris", "PAR\0IS",
    '', null, 'Paris', "é\0É", "a%\0_b", "b\0a\0b\0a", "abc\0abc", "a\0bca\0bc", 'abcdefghij', "a\0b\0c\0d\0e\0f\0g\0h\0i\0j"];
foreach ($cities as $i => $city) {
    $db->prepare('INSERT INTO c VALUES (?, ?)')->execute([$i + 1, $city]);
}
$customers = [];
foreach ($db->query('SELECT id, city FROM c ORDER BY id')->fetchAll(PDO::FETCH_ASSOC) as $r) {
    $customers[] = ['id' => (int) $r['id']] + ($r['city'] === null ? [] : ['city' => $r['city']]);
}
var_dump(array_column($customers, 'city') === array_values(array_filter($cities, 'is_string')));
$patterns = ['ab*c', 'ab', '', '*', '*a', '*c', 'a*b*c', 'x*paris*y', '*paris*', 'PA*RIS', 'ab?c', '?', '??', '*?*',
    'a*?*c', '*a?b*', 'é*', 'a%*_b', '*b*a*b*', 'a*bc*bc', '*a*b*c*d*', 'a*b*c*d*e*f*g*h*i*j'];
$ok = true;
foreach ($patterns as $p) {
    foreach (["city like '$p'", "city not like '$p'", "not (lower(city) like '$p')"] as $expr) {
        $engine = new Loyalty\Engine(['segments' => ['s' => $expr]]);
        $f = $engine->sql('s', ['active' => '1', 'city' => 'c.city'], 'mysql');
        $g = (new Loyalty\Polyfill\Engine(['segments' => ['s' => $expr]]))->sql('s', ['active' => '1', 'city' => 'c.city'], 'mysql');
        $st = $db->prepare("SELECT id FROM c WHERE {$f->where} ORDER BY id");
        $st->execute($f->params);
        $ids = array_map('intval', $st->fetchAll(PDO::FETCH_COLUMN));
        $want = $engine->filter('s', $customers);
        if ($ids !== $want || !$f->exact || [$f->where, $f->params, $f->exact] !== [$g->where, $g->params, $g->exact]) {
            $ok = false;
            echo "$expr: ", json_encode($ids), ' want ', json_encode($want), $f->exact ? '' : ' (not exact)', "\n";
        }
    }
}
var_dump($ok);
$db->exec('DROP DATABASE loyalty_like_nul');
?>
--EXPECT--
bool(true)
bool(true)
