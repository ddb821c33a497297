--TEST--
examples/campaign.php --sql: the database selects the segment's customers through Engine::sql(), the same CSV as filter() over every row, progress on stderr; an inexact condition goes through filter() (SQLite)
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

$db = tempnam(sys_get_temp_dir(), 'campaign-sql-test');
unlink($db);
$base = ["--db=$db", '--now=2026-11-22 10:00:00'];
[$rc, $plain] = run([...$base, '--customers=300', '--progress=0']);
[$rc, $csv, $progress] = run([...$base, '--sql', '--progress=4']);
var_dump($rc, $csv === $plain);
echo $progress;

$settings = tempnam(sys_get_temp_dir(), 'campaign-sql-settings');
file_put_contents($settings, json_encode(['segments' => [
    'groups' => "'pro' in groups and count(groups) >= 2 and postcode like '750*'",
    'recent' => 'days_since_first_order <= 400 or lower(city) == "lyon"',
    'points' => "points >= 0 and city == 'Lyon'", // points is not in the column map: filter() decides
]]));
foreach (['groups', 'recent', 'points', 'first_order_recent', 'disabled'] as $segment) {
    [, $plain, $e1] = run([...$base, "--settings=$settings", "--segment=$segment", '--progress=0']);
    [$rc, $csv, $e2] = run([...$base, "--settings=$settings", "--segment=$segment", '--progress=0', '--sql']);
    printf("%s: exit %d, %s, %d customers\n  %s", $segment, $rc, $csv === $plain ? 'same CSV' : "CSV differs:\n$plain---\n$csv",
        count(file('data:text/plain,' . rawurlencode($csv))) - 1, $e2);
}
unlink($settings);
unlink($db);
?>
--EXPECT--
int(0)
bool(true)
sql: segment 'lapsed_big_spenders_paris' (sqlite): exact, the condition selects exactly the rows filter() keeps
4 customers written, at id 136 of 300 (45%)
8 customers written, at id 240 of 300 (80%)
9 of 300 customers in segment 'lapsed_big_spenders_paris' (T s)
groups: exit 0, same CSV, 9 customers
  sql: segment 'groups' (sqlite): exact, the condition selects exactly the rows filter() keeps
9 of 300 customers in segment 'groups' (T s)
recent: exit 0, same CSV, 75 customers
  sql: segment 'recent' (sqlite): exact, the condition selects exactly the rows filter() keeps
75 of 300 customers in segment 'recent' (T s)
points: exit 0, same CSV, 27 customers
  sql: segment 'points' (sqlite): not exact, the condition selects every row filter() keeps and maybe more;
27 of 300 customers in segment 'points' (T s)
first_order_recent: exit 0, same CSV, 2 customers
  sql: segment 'first_order_recent' (sqlite): exact, the condition selects exactly the rows filter() keeps
2 of 300 customers in segment 'first_order_recent' (T s)
disabled: exit 0, same CSV, 8 customers
  sql: segment 'disabled' (sqlite): exact, the condition selects exactly the rows filter() keeps
8 of 300 customers in segment 'disabled' (T s)