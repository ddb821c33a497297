--TEST--
Engine::sql() in SQLite: like with ? is exact, byte for byte (the engine's ? is one byte, SQLite's _ one character): lengths and literal runs at their byte offsets for PRE and PRE*SUF patterns, runs between stars with ? at their ends by instr(); a ? inside a literal between two stars stays a superset
--EXTENSIONS--
loyalty
pdo_sqlite
--FILE--
<?php
require_once __DIR__ . "/../../polyfill/bootstrap.php";
$db = new PDO('sqlite::memory:');
$db->setAttribute(PDO::ATTR_ERRMODE, PDO::ERRMODE_EXCEPTION);
$db->exec('CREATE TABLE c (id INT, city TEXT)');
$cities = ['Île', 'île', 'Ile', 'ÎLE', 'Ele', 'Straße', 'Strasse', '7500', '75%0', '7_0', '750', 'é', 'ab', 'a', '', null, 'xÉy', 'X?Y', "aéb"];
foreach ($cities as $i => $city) {
    $db->prepare('INSERT INTO c VALUES (?, ?)')->execute([$i + 1, $city]);
}
$customers = [];
foreach ($cities as $i => $city) {
    $customers[] = ['id' => $i + 1] + ($city === null ? [] : ['city' => $city]);
}
$patterns = ['?le', '??le', '???', '?', '??', '7?0*', '*?e', '?*?', 'stra??e', 'STRA?SE', '*?', 'x??y', '*?y', 'x*?', '7%?', '?_?', 'a?b', 'a??b', 'a*?*b', '*', '*?b*', 's*?a?*e', '*a?b*', 'x*?*y'];
$ok = true;
foreach ($patterns as $p) {
    foreach (["city like '$p'", "city not like '$p'", "not (city like '$p')"] as $expr) {
        $engine = new Loyalty\Engine(['segments' => ['s' => $expr]]);
        $f = $engine->sql('s', ['active' => '1', 'city' => 'c.city'], 'sqlite');
        $g = (new Loyalty\Polyfill\Engine(['segments' => ['s' => $expr]]))->sql('s', ['active' => '1', 'city' => 'c.city'], 'sqlite');
        $st = $db->prepare("SELECT id FROM c WHERE {$f->where} ORDER BY id");
        $st->execute($f->params);
        $ids = array_map('intval', $st->fetchAll(PDO::FETCH_COLUMN));
        if (!$f->exact) {
            $ids = $engine->filter('s', array_values(array_filter($customers, fn($c) => in_array($c['id'], $ids, true))));
        }
        $want = $engine->filter('s', $customers);
        $same = [$f->where, $f->params, $f->exact] === [$g->where, $g->params, $g->exact];
        if ($ids !== $want || !$same) {
            $ok = false;
            echo "$expr: ", json_encode($ids), ' want ', json_encode($want), $same ? '' : ' (the polyfill differs)', "\n";
        }
        if ($expr === "city like '$p'") {
            printf("%-8s %s %s\n", $p, $f->exact ? 'exact  ' : 'inexact', json_encode($want, JSON_UNESCAPED_UNICODE));
        }
    }
}
var_dump($ok);
$f = (new Loyalty\Engine(['segments' => ['s' => "city like 'x?y*'"]]))->sql('s', ['active' => 'c.a', 'city' => 'c.city'], 'sqlite');
echo $f->where, "\n", json_encode($f->params), "\n";
?>
--EXPECT--
?le      exact   [3,5]
??le     exact   [1,2,4]
???      exact   [3,5,10,11,18]
?        exact   [14]
??       exact   [12,13]
7?0*     exact   [8,10,11]
*?e      exact   [1,2,3,4,5,6,7]
?*?      exact   [1,2,3,4,5,6,7,8,9,10,11,12,13,17,18,19]
stra??e  exact   [6,7]
STRA?SE  exact   [7]
*?       exact   [1,2,3,4,5,6,7,8,9,10,11,12,13,14,17,18,19]
x??y     exact   [17]
*?y      exact   [17,18]
x*?      exact   [17,18]
7%?      exact   []
?_?      exact   [10]
a?b      exact   []
a??b     exact   [19]
a*?*b    exact   [19]
*        exact   [1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,17,18,19]
*?b*     exact   [13,19]
s*?a?*e  exact   [6,7]
*a?b*    inexact []
x*?*y    exact   [17,18]
bool(true)
(((c.a) IS NULL OR (c.a) <> 0) AND ((length(CAST((c.city) AS BLOB)) >= CAST(? AS INTEGER)) AND (lower(substr(CAST((c.city) AS BLOB), CAST(? AS INTEGER), CAST(? AS INTEGER))) = ?) AND (lower(substr(CAST((c.city) AS BLOB), CAST(? AS INTEGER), CAST(? AS INTEGER))) = ?)))
[3,1,1,"x",3,1,"y"]