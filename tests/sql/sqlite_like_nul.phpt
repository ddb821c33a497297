--TEST--
Engine::sql() in SQLite: like is exact on values holding NUL bytes, which SQLite's LIKE reads only up to (LIKE for values without one, the bytes by substr() and instr() for others); more than 3 literals between stars stay a superset; the polyfill gives the same
--EXTENSIONS--
loyalty
pdo_sqlite
--FILE--
<?php
require_once __DIR__ . "/../../polyfill/bootstrap.php";
$db = new PDO('sqlite::memory:');
$db->setAttribute(PDO::ATTR_ERRMODE, PDO::ERRMODE_EXCEPTION);
$db->exec('CREATE TABLE c (id INT, city TEXT, s)');
$cities = ["ab\0c", "AB\0C", "\0", "a\0", "\0a", "ab\0", 'ab', 'abc', "a\0b\0c", "x\0Paris\0y", "pa\0ris", "PAR\0IS",
    '', null, 'Paris', "é\0É", "a%\0_b", "b\0a\0b\0a", "abc\0abc", "a\0bca\0bc", 'abcdefghij', "a\0b\0c\0d\0e\0f\0g\0h\0i\0j"];
foreach ($cities as $i => $city) {
    $db->prepare('INSERT INTO c VALUES (?, ?, ?)')->execute([$i + 1, $city, $city]);
}
$customers = [];
foreach ($cities as $i => $city) {
    $customers[] = ['id' => $i + 1] + ($city === null ? [] : ['city' => $city, 'attributes' => ['s' => $city]]);
}
$patterns = ['ab*c', 'ab', '', '*', 'a*', '*a', '*c', 'ab*', 'a*b*c', '*b*a*', 'x*paris*y', '*paris*', 'PA*RIS', 'pa*ris',
    'ab?c', 'a?', '?', '??', '?a', '*?*', 'a*?*c', 'a?*c', '*a?b*', 'é*é', 'é*', 'É*', 'a%*_b', '*b*a*b*', 'abc*abc', 'a*bc*bc',
    'a*b*c*d*j', '*a*b*c*d*', 'a*b*c*d*e*f*g*h*i*j', 'a*b*c*d*e*f*g*h*i*j*', '*a*b*c*d*e*f*g*h*i*j*'];
$ok = true;
foreach ($patterns as $p) {
    $flags = '';
    foreach (["city like '$p'", "city not like '$p'", "not (city like '$p')", "lower(city) like '$p'", "attr.s like '$p'"] as $expr) {
        $engine = new Loyalty\Engine(['segments' => ['s' => $expr]]);
        $columns = ['active' => '1', 'city' => 'c.city', 'attr.s' => 'c.s'];
        $f = $engine->sql('s', $columns, 'sqlite');
        $g = (new Loyalty\Polyfill\Engine(['segments' => ['s' => $expr]]))->sql('s', $columns, 'sqlite');
        $st = $db->prepare("SELECT id FROM c WHERE {$f->where} ORDER BY id");
        $st->execute($f->params);
        $ids = array_map('intval', $st->fetchAll(PDO::FETCH_COLUMN));
        if (!$f->exact) {
            $ids = $engine->filter('s', array_values(array_filter($customers, fn($c) => in_array($c['id'], $ids, true))));
        }
        $want = $engine->filter('s', $customers);
        $same = [$f->where, $f->params, $f->exact, $f->explain()] === [$g->where, $g->params, $g->exact, $g->explain()];
        if ($ids !== $want || !$same) {
            $ok = false;
            echo "$expr: ", json_encode($ids), ' want ', json_encode($want), $f->exact ? ' (exact)' : '', $same ? '' : ' (the polyfill differs)', "\n";
        }
        $flags .= $f->exact ? 'e' : '-';
        if ($expr === "city like '$p'") {
            $rows = $want;
        }
    }
    printf("%-22s %s %s\n", $p, $flags, json_encode($rows));
}
var_dump($ok);
$e = new Loyalty\Engine(['segments' => ['s' => "city like 'a*b*c*d*e*f*g*h*i*j'"]]);
echo $e->sql('s', ['active' => '1', 'city' => 'c.city'], 'sqlite')->explain();
$f = $e->sql('s', ['active' => '1', 'city' => 'c.city'], 'mysql');
var_dump($f->exact);
// the shapes of the condition: PRE* stays one LIKE; others a prefix LIKE and a CASE
foreach (['ab*', 'ab', 'ab*c', '*b*c'] as $p) {
    $f = (new Loyalty\Engine(['segments' => ['s' => "city like '$p'"]]))->sql('s', ['active' => '1', 'city' => 'c.city'], 'sqlite');
    echo $f->where, "\n", json_encode($f->params), "\n";
}
?>
--EXPECT--
ab*c                   eeeee [1,2,8,19]
ab                     eeeee [7]
                       eeeee [13]
*                      eeeee [1,2,3,4,5,6,7,8,9,10,11,12,13,15,16,17,18,19,20,21,22]
a*                     eeeee [1,2,4,6,7,8,9,17,19,20,21,22]
*a                     eeeee [5,18]
*c                     eeeee [1,2,8,9,19,20]
ab*                    eeeee [1,2,6,7,8,19,21]
a*b*c                  eeeee [1,2,8,9,19,20]
*b*a*                  eeeee [18,19,20]
x*paris*y              eeeee [10]
*paris*                eeeee [10,15]
PA*RIS                 eeeee [11,15]
pa*ris                 eeeee [11,15]
ab?c                   eeeee [1,2]
a?                     eeeee [4,7]
?                      eeeee [3]
??                     eeeee [4,5,7]
?a                     eeeee [5]
*?*                    eeeee [1,2,3,4,5,6,7,8,9,10,11,12,15,16,17,18,19,20,21,22]
a*?*c                  eeeee [1,2,8,9,19,20]
a?*c                   eeeee [1,2,8,9,19,20]
*a?b*                  ----- [9,18,20,22]
é*é                  eeeee []
é*                    eeeee [16]
É*                    eeeee []
a%*_b                  eeeee [17]
*b*a*b*                eeeee [18,19,20]
abc*abc                eeeee [19]
a*bc*bc                eeeee [19,20]
a*b*c*d*j              eeeee [21,22]
*a*b*c*d*              ----- [21,22]
a*b*c*d*e*f*g*h*i*j    ----- [21,22]
a*b*c*d*e*f*g*h*i*j*   ----- [21,22]
*a*b*c*d*e*f*g*h*i*j*  ----- [21,22]
bool(true)
segment 's' (sqlite): not exact, the condition selects every row filter() keeps and maybe more;
pass the selected rows to filter() with these fields: active, city
in PHP: like in SQLite with more than 3 literals between stars: a value holding a NUL byte, which SQLite's LIKE reads only up to, is checked in PHP
bool(true)
(((1) IS NULL OR (1) <> 0) AND ((c.city) LIKE ? ESCAPE '!'))
["ab%"]
(((1) IS NULL OR (1) <> 0) AND (((c.city) LIKE ? ESCAPE '!') AND (CASE WHEN instr(CAST((c.city) AS BLOB), X'00') > 0 THEN ((length(CAST((c.city) AS BLOB)) = CAST(? AS INTEGER)) AND (lower(substr(CAST((c.city) AS BLOB), CAST(? AS INTEGER), CAST(? AS INTEGER))) = ?)) ELSE ((c.city) LIKE ? ESCAPE '!') END)))
["ab%",2,1,2,"ab","ab"]
(((1) IS NULL OR (1) <> 0) AND (((c.city) LIKE ? ESCAPE '!') AND (CASE WHEN instr(CAST((c.city) AS BLOB), X'00') > 0 THEN ((length(CAST((c.city) AS BLOB)) >= CAST(? AS INTEGER)) AND (lower(substr(CAST((c.city) AS BLOB), CAST(? AS INTEGER), CAST(? AS INTEGER))) = ?) AND (lower(substr(CAST((c.city) AS BLOB), CAST(? AS INTEGER), CAST(? AS INTEGER))) = ?)) ELSE ((c.city) LIKE ? ESCAPE '!') END)))
["ab%",3,1,2,"ab",-1,1,"c","ab%c"]
(((1) IS NULL OR (1) <> 0) AND (CASE WHEN instr(CAST((c.city) AS BLOB), X'00') > 0 THEN ((length(CAST((c.city) AS BLOB)) >= CAST(? AS INTEGER)) AND (lower(substr(CAST((c.city) AS BLOB), CAST(? AS INTEGER), CAST(? AS INTEGER))) = ?) AND ((NULLIF(instr(substr(CAST(lower((c.city)) AS BLOB), CAST(? AS INTEGER) + CAST(? AS INTEGER)), CAST(? AS BLOB)), 0) + CAST(? AS INTEGER) + CAST(? AS INTEGER)) <= length(CAST((c.city) AS BLOB)) + CAST(? AS INTEGER))) ELSE ((c.city) LIKE ? ESCAPE '!') END))
[2,-1,1,"c",1,0,"b",1,0,0,"%b%c"]