--TEST--
bin/loyalty segment --columns MAP.json: --sql prints Engine::sql()'s condition (explain and params as SQL comments, or --json); --dsn runs it on the database and lists the same ids as the customers file, through filter() when not exact; usage errors
--EXTENSIONS--
loyalty
pdo_sqlite
--SKIPIF--
<?php if (!is_file(__DIR__ . '/../../polyfill/bin/loyalty')) die('skip the command line ships with the polyfill, not in the PECL package'); ?>
--INI--
date.timezone=UTC
--FILE--
<?php
require __DIR__ . '/cli.inc';
$map = 'examples/cli/columns.json';
show(cli('segment', 'examples/shop.json', 'lapsed_big_spenders', '--columns', $map, '--sql', '--at', '2026-11-22'));
show(cli('segment', 'examples/shop.json', 'pro_paris', "--columns=$map", '--sql', '--dialect=sqlite'));
[$code, $json] = cli('segment', 'examples/shop.json', 'colissimo_regulars', "--columns=$map", '--sql', '--json');
echo "exit $code\n", $json;

// The sample customers in an SQLite table: --dsn lists the ids the customers file gives
$path = tempnam(sys_get_temp_dir(), 'loyalty-cli-db');
$db = new PDO("sqlite:$path");
$db->exec('CREATE TABLE customer (id INTEGER PRIMARY KEY, active INTEGER, orders INTEGER, spent INTEGER, city TEXT,
    postcode TEXT, country TEXT, last_order TEXT, points INTEGER)');
$db->exec('CREATE TABLE customer_group (id_customer INTEGER, name TEXT)');
foreach (file('examples/cli/customers.jsonl') as $line) {
    $c = json_decode($line, true);
    $db->prepare('INSERT INTO customer VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?)')->execute([$c['id'], $c['orders'] ?? null, $c['spent'] ?? null,
        $c['city'] ?? null, $c['postcode'] ?? null, $c['country'] ?? null, isset($c['last_order']) ? "{$c['last_order']} 00:00:00" : null, $c['id'] * 100]);
    foreach ($c['groups'] ?? [] as $g) {
        $db->prepare('INSERT INTO customer_group VALUES (?, ?)')->execute([$c['id'], $g]);
    }
}
$db = null;
$settings = tmp('settings.json', json_encode(['segments' => [
    'decimal' => 'spent * 1.5 > 100000',                     // not exact: decimal arithmetic goes through filter()
    'points' => 'points >= 200',                            // points is not in the map
]]));
foreach (['vip', 'vip_paris', 'pro_paris', 'lapsed_big_spenders', 'benelux'] as $segment) {
    [, $file] = cli('segment', 'examples/shop.json', $segment, 'examples/cli/customers.jsonl', '--at', '2026-11-22', '--quiet');
    [$code, $ids, $err] = cli('segment', 'examples/shop.json', $segment, "--columns=$map", "--dsn=sqlite:$path", '--from=customer c', '--at', '2026-11-22', '--quiet');
    printf("%s: exit %d, %s %s%s\n", $segment, $code, str_replace("\n", ' ', trim($ids)), $ids === $file ? '(as the file)' : "(the file: $file)", $err);
}
[, $text] = cli('segment', $settings, 'decimal', "--columns=$map", '--sql');
echo strtok($text, "\n"), "\n";
show(cli('segment', $settings, 'decimal', "--columns=$map", "--dsn=sqlite:$path", '--from=customer c', '--quiet'));
$out = cli('segment', $settings, 'points', "--columns=$map", "--dsn=sqlite:$path", '--from=customer c', '--quiet');
show(array_map(fn($s) => is_string($s) ? str_replace($settings, 'settings.json', $s) : $s, $out));
// progress on stderr
[, , $err] = cli('segment', 'examples/shop.json', 'vip', "--columns=$map", "--dsn=sqlite:$path", '--from=customer c');
echo preg_match('/^\r1 rows, [0-9,]+ rows\/s */', $err) ? "progress shown\n" : "no progress: $err\n";

echo "--- errors\n";
$bad = tmp('bad.json', '{"city": "c.city", "cty": "c.cty"}');
foreach ([
    ['segment', 'examples/shop.json', 'vip', "--columns=$bad", '--sql'],
    ['segment', 'examples/shop.json', 'vip', "--columns=$map", '--sql', '--dialect=oracle'],
    ['segment', 'examples/shop.json', 'nosuch', "--columns=$map", '--sql'],
    ['segment', 'examples/shop.json', 'vip', "--columns=$map"],
    ['segment', 'examples/shop.json', 'vip', "--columns=$map", '--sql', "--dsn=sqlite:$path"],
    ['segment', 'examples/shop.json', 'vip', "--columns=$map", '--sql', 'examples/cli/customers.csv'],
    ['segment', 'examples/shop.json', 'vip', 'examples/cli/customers.csv', '--sql'],
    ['segment', 'examples/shop.json', 'vip', "--columns=$map", "--dsn=sqlite:$path"],
    ['segment', 'examples/shop.json', 'vip', "--columns=$map", "--dsn=sqlite:$path", '--from=nosuch c'],
    ['check', 'examples/shop.json', "--columns=$map"],
] as $argv) {
    [$code, $o, $e] = cli(...$argv);
    echo "exit $code: ", strtok(str_replace([$bad, $path], ['bad.json', 'DB'], $e), "\n"), "\n";
}
foreach ([$settings, $bad, $path] as $f) unlink($f);
?>
--EXPECT--
exit 0
-- segment 'lapsed_big_spenders' (mysql): exact, the condition selects exactly the rows filter() keeps
-- params: ["2026-05-25 00:00:00",50000]
WHERE (((c.active) IS NULL OR (c.active) <> 0) AND (((c.last_order) <= ?) AND ((c.spent) >= CAST(? AS SIGNED))))
exit 0
-- segment 'pro_paris' (sqlite): exact, the condition selects exactly the rows filter() keeps
-- params: ["pro","75%"]
WHERE (((c.active) IS NULL OR (c.active) <> 0) AND ((EXISTS (SELECT 1 FROM customer_group g WHERE g.id_customer = c.id AND g.name = ?)) AND ((c.postcode) LIKE ? ESCAPE '!')))
exit 0
{
    "where": "(((c.active) IS NULL OR (c.active) <> 0) AND ((c.orders) >= CAST(? AS SIGNED)))",
    "params": [
        5
    ],
    "exact": false,
    "residual": [
        "active",
        "orders",
        "carriers"
    ],
    "explain": "segment 'colissimo_regulars' (mysql): not exact, the condition selects every row filter() keeps and maybe more;\npass the selected rows to filter() with these fields: active, orders, carriers\nin PHP: carriers: no 'contains' in the column map\n"
}
vip: exit 0, 1 (as the file)
vip_paris: exit 0, 1 (as the file)
pro_paris: exit 0, 1 3 (as the file)
lapsed_big_spenders: exit 0, 5 (as the file)
benelux: exit 0, 5 (as the file)
-- segment 'decimal' (mysql): not exact, the condition selects every row filter() keeps and maybe more;
exit 0
1
5
exit 1
stderr: loyalty: segment 'points' is not exact and filter() needs points, which examples/cli/columns.json cannot give (not in the column map); map it as a column, or export the customers to a file
progress shown
--- errors
exit 1: loyalty: bad.json: columns.cty: unknown customer field
exit 2: loyalty: Loyalty\Engine::sql(): Argument #3 ($dialect) must be "mysql" or "sqlite"
exit 1: loyalty: Loyalty\ConfigException: segment: unknown segment 'nosuch'
exit 2: loyalty: segment --columns: give --sql (print the condition) or --dsn (run it)
exit 2: loyalty: segment --columns: give --sql (print the condition) or --dsn (run it)
exit 2: loyalty: segment: wrong number of arguments
exit 2: loyalty: --sql goes with segment --columns
exit 1: loyalty: --dsn needs --from=TABLE (the FROM clause the column map is written for: customer c)
exit 1: loyalty: --dsn: the query failed: SQLSTATE[HY000]: General error: 1 no such table: nosuch
exit 2: loyalty: --columns goes with segment