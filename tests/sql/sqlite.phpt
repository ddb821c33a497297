--TEST--
Engine::sql() on SQLite (pdo_sqlite): NULLs, empty strings, trailing spaces, case, accents, % and _ in the data, int extremes, timestamps and DATETIME texts around the 180-day bound: the rows selected are exactly the rows filter() keeps (SPEC 15)
--EXTENSIONS--
loyalty
pdo_sqlite
--SKIPIF--
<?php if (PHP_INT_SIZE < 8) die('skip 64-bit only: its rows hold PHP_INT_MAX, whose overflows (attr.n + 1, orders * 2) are what it checks'); ?>
--FILE--
<?php
date_default_timezone_set('Europe/Paris');
$db = new PDO('sqlite::memory:');
$db->setAttribute(PDO::ATTR_ERRMODE, PDO::ERRMODE_EXCEPTION);
$db->exec('CREATE TABLE c (id INT PRIMARY KEY, active INT, orders INT, spent INT, city TEXT, postcode TEXT, last_order TEXT, ts INT, n INT, x)');
$db->exec('CREATE TABLE g (cid INT, name TEXT)');
$now = 1790000000;
$rows = [
    [1, 1, 3, 60000, 'Paris', '75011', date('Y-m-d H:i:s', $now - 181 * 86400), $now - 181 * 86400, PHP_INT_MAX, 5],
    [2, null, null, null, 'paris', '75%', date('Y-m-d H:i:s', $now - 181 * 86400 + 1), $now - 181 * 86400 + 1, PHP_INT_MIN, 'Paris'],
    [3, 0, 7, 90000, 'Paris ', '7_011', null, null, null, null],
    [4, 1, 0, 0, '', '750', date('Y-m-d H:i:s', $now - 400 * 86400), $now - 400 * 86400, 2, '5'],
    [5, 1, PHP_INT_MAX, PHP_INT_MAX, 'Île', 'x75', date('Y-m-d H:i:s', $now), $now, -1, 'île'],
    [6, 1, 2, 1, 'PARIS', 'a_b', null, null, 0, 12],
];
$ins = $db->prepare('INSERT INTO c VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
foreach ($rows as $r) {
    $ins->execute($r);
}
foreach ([[1, 'VIP'], [1, 'pro'], [2, 'vip'], [5, 'pro%'], [6, 'pro']] as $g) {
    $db->prepare('INSERT INTO g VALUES (?, ?)')->execute($g);
}
$columns = ['active' => 'c.active', 'orders' => 'c.orders', 'spent' => 'c.spent', 'city' => 'c.city', 'postcode' => 'c.postcode',
    'last_order' => 'c.last_order', 'attr.n' => 'c.n', 'attr.x' => 'c.x',
    'groups' => ['contains' => 'EXISTS (SELECT 1 FROM g WHERE g.cid = c.id AND g.name = ? COLLATE BINARY)', 'count' => '(SELECT COUNT(*) FROM g WHERE g.cid = c.id)']];
$segments = [
    'lapsed' => 'days_since_last_order > 180 and spent >= 50000',
    'recent' => 'days_since_last_order <= 180',
    'never' => 'not (days_since_last_order <= 180)',
    'paris' => "city == 'Paris'", 'lower' => "lower(city) == 'paris'", 'ne' => "city != 'Paris'",
    'like' => "postcode like '75*'", 'like_pct' => "postcode like '7_*'", 'notlike' => "city not like 'p*'",
    'vip' => "'VIP' in groups", 'notvip' => "'pro' not in groups", 'count' => 'count(groups) >= 2',
    'big' => 'attr.n + 1 > 0', 'mul' => 'orders * 2 > 5', 'div' => 'spent / orders >= 20000',
    'xs' => "attr.x == 'Paris' or attr.x > 4", 'in' => "city in ['Paris', 'PARIS', '']",
    'cmp' => "city < 'P'", 'refs' => "segment('paris') or segment('loyal')", 'loyal2' => 'segment("loyal")',
];
$engine = new Loyalty\Engine(['segments' => $segments]);
$customers = [];
foreach ($db->query('SELECT * FROM c ORDER BY id')->fetchAll(PDO::FETCH_ASSOC) as $r) {
    $c = ['id' => $r['id']];
    foreach (['orders', 'spent', 'city', 'postcode', 'last_order'] as $k) {
        if ($r[$k] !== null) {
            $c[$k] = $r[$k];
        }
    }
    if ($r['active'] !== null) {
        $c['active'] = $r['active'] !== 0;
    }
    $c['groups'] = $db->query('SELECT name FROM g WHERE cid = ' . $r['id'])->fetchAll(PDO::FETCH_COLUMN);
    $c['attributes'] = array_filter(['n' => $r['n'], 'x' => $r['x']], fn($v) => $v !== null);
    $customers[] = $c;
}
foreach (array_merge(array_keys($segments), ['disabled', 'no_orders', 'customers']) as $s) {
    foreach ([$columns, ['last_order' => ['expr' => 'c.ts', 'type' => 'timestamp']] + $columns] as $map) {
        $f = $engine->sql($s, $map, 'sqlite', $now);
        $st = $db->prepare("SELECT id FROM c WHERE {$f->where} ORDER BY id");
        $st->execute($f->params);
        $ids = array_map('intval', $st->fetchAll(PDO::FETCH_COLUMN));
        $want = $engine->filter($s, $customers, $now);
        printf("%-9s %s %s%s\n", $s, json_encode($ids), $f->exact ? 'exact' : 'superset', $ids === $want ? '' : ' MISMATCH ' . json_encode($want));
    }
}
?>
--EXPECT--
lapsed    [1] exact
lapsed    [1] exact
recent    [2,5] exact
recent    [2,5] exact
never     [1,4,6] exact
never     [1,4,6] exact
paris     [1] exact
paris     [1] exact
lower     [1,2,6] exact
lower     [1,2,6] exact
ne        [2,4,5,6] exact
ne        [2,4,5,6] exact
like      [1,2,4] exact
like      [1,2,4] exact
like_pct  [] exact
like_pct  [] exact
notlike   [4,5] exact
notlike   [4,5] exact
vip       [1] exact
vip       [1] exact
notvip    [2,4,5] exact
notvip    [2,4,5] exact
count     [1] exact
count     [1] exact
big       [4,6] exact
big       [4,6] exact
mul       [1] exact
mul       [1] exact
div       [1] exact
div       [1] exact
xs        [2] exact
xs        [2] exact
in        [1,4,6] exact
in        [1,4,6] exact
cmp       [4] exact
cmp       [4] exact
refs      [1,5,6] exact
refs      [1,5,6] exact
loyal2    [1,5,6] exact
loyal2    [1,5,6] exact
disabled  [3] exact
disabled  [3] exact
no_orders [2,4] exact
no_orders [2,4] exact
customers [1,5,6] exact
customers [1,5,6] exact
