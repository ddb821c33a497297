--TEST--
Engine::sql(): comparisons of lists are exact for two list literals (same length, each pair equal, a null pair unequal) and for a list field against [] (count() == 0); a list field against another list stays in PHP; on SQLite the rows selected are those filter() keeps (SPEC 15)
--EXTENSIONS--
loyalty
pdo_sqlite
--FILE--
<?php
$db = new PDO('sqlite::memory:');
$db->setAttribute(PDO::ATTR_ERRMODE, PDO::ERRMODE_EXCEPTION);
$db->exec('CREATE TABLE c (id INT, active INT, n, s TEXT)');
$db->exec('CREATE TABLE g (cid INT, name TEXT)');
$rows = [[1, 1, 3, 'a'], [2, 1, null, 'b'], [3, 1, 'x', null], [4, 0, 3, 'a'], [5, null, 4, 'a']];
foreach ($rows as $r) {
    $st = $db->prepare('INSERT INTO c VALUES (?, ?, ?, ?)');
    foreach ($r as $i => $v) {
        $st->bindValue($i + 1, $v, is_int($v) ? PDO::PARAM_INT : ($v === null ? PDO::PARAM_NULL : PDO::PARAM_STR));
    }
    $st->execute();
}
$groups = [1 => ['pro'], 3 => ['pro', 'vip']];
foreach ($groups as $id => $names) {
    foreach ($names as $name) {
        $db->prepare('INSERT INTO g VALUES (?, ?)')->execute([$id, $name]);
    }
}
$customers = [];
foreach ($rows as [$id, $active, $n, $s]) {
    $c = ['id' => $id, 'groups' => $groups[$id] ?? [], 'attributes' => array_filter(['n' => $n, 's' => $s], fn($v) => $v !== null)];
    if ($active !== null) {
        $c['active'] = $active !== 0;
    }
    $customers[] = $c;
}
$cols = ['active' => 'c.active', 'attr.n' => 'c.n', 'attr.s' => 'c.s', 'groups' => [
    'contains' => 'EXISTS (SELECT 1 FROM g WHERE g.cid = c.id AND g.name = ? COLLATE BINARY)',
    'count' => '(SELECT COUNT(*) FROM g WHERE g.cid = c.id)']];
foreach ([
    "[attr.n, 1] == [3, 1]",
    "[attr.n] != [3]",
    "[attr.s, lower(attr.s)] == ['a', 'a']",
    "[attr.n] == [3, 4]",
    "[1, 2] == [1, 2] and attr.n > 0",
    "groups == []",
    "not (groups != [])",
    "[] != groups",
    "groups == groups",
    "groups == ['pro']",
] as $segment) {
    $e = new Loyalty\Engine(['segments' => ['t' => $segment]]);
    $f = $e->sql('t', $cols, 'sqlite');
    $st = $db->prepare("SELECT c.id FROM c WHERE {$f->where} ORDER BY c.id");
    $st->execute($f->params);
    $ids = array_map('intval', $st->fetchAll(PDO::FETCH_COLUMN));
    if (!$f->exact) {
        $ids = $e->filter('t', array_values(array_filter($customers, fn($c) => in_array($c['id'], $ids, true))));
    }
    $want = $e->filter('t', $customers);
    echo $segment, ': ', var_export($f->exact, true), ' [', implode(',', $ids), ']', $ids === $want ? '' : ' MISMATCH [' . implode(',', $want) . ']', "\n";
}
?>
--EXPECT--
[attr.n, 1] == [3, 1]: true [1]
[attr.n] != [3]: true [2,3,5]
[attr.s, lower(attr.s)] == ['a', 'a']: true [1,5]
[attr.n] == [3, 4]: true []
[1, 2] == [1, 2] and attr.n > 0: true [1,5]
groups == []: true [2,5]
not (groups != []): true [2,5]
[] != groups: true [1,3]
groups == groups: true [1,2,3,5]
groups == ['pro']: false [1]
