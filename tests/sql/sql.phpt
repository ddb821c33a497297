--TEST--
Engine::sql(): a segment as a WHERE condition with ? placeholders, exact where every field is mapped, index-friendly bounds computed for now, built-ins, a superset with residual fields otherwise (SPEC 15)
--EXTENSIONS--
loyalty
--FILE--
<?php
// A bound beyond a 32-bit PHP int is a string of its digits there: printed the same everywhere.
function params(array $p): string
{
    return preg_replace('/"(-?\d+)"/', '$1', json_encode($p));
}
date_default_timezone_set('Europe/Paris');
$engine = new Loyalty\Engine(['segments' => [
    'lapsed' => 'days_since_last_order > 180 and spent >= 50000',
    'paris' => "postcode like '75*' and city == 'Paris'",
    'pro' => "'pro' in groups and count(groups) >= 2",
    'vip' => 'attr.vip == 1 or orders / 0 > 1',
    'neg' => 'not (orders < 3)',
    'dec' => 'spent > 12.5 and orders != 1.5',
    'lists' => "country in ['FR', 'BE'] and 'x' not in carriers",
    'ref' => "segment('paris') or segment('loyal')",
]]);
$columns = ['active' => 'c.active', 'orders' => 'c.orders', 'spent' => 'c.spent', 'city' => 'c.city', 'postcode' => 'c.postcode',
    'country' => 'c.country', 'last_order' => ['expr' => 'c.last_order', 'type' => 'datetime'],
    'groups' => ['contains' => 'EXISTS (SELECT 1 FROM g WHERE g.c = c.id AND g.name = BINARY ?)', 'count' => '(SELECT COUNT(*) FROM g WHERE g.c = c.id)'],
    'carriers' => ['contains' => '? IN (SELECT name FROM k WHERE k.c = c.id)'], 'attr.vip' => 'c.vip'];
$now = 1790000000; // 2026-09-21 14:13:20 UTC
foreach (['lapsed', 'paris', 'pro', 'vip', 'neg', 'dec', 'lists', 'ref', 'all', 'disabled', 'no_orders', 'loyal', 'customers', 'first_order_recent'] as $s) {
    foreach (['mysql', 'sqlite'] as $d) {
        $f = $engine->sql($s, $columns, $d, $now);
        echo "$s/$d: {$f->where}\n  ", params($f->params), ' ', $f->exact ? 'exact' : 'not exact ' . json_encode($f->residual), "\n";
    }
}
// Timestamps as ints; the default dialect is mysql; now as a date string
$f = $engine->sql('lapsed', ['active' => 'a', 'spent' => 's', 'last_order' => ['expr' => 'l', 'type' => 'timestamp']], now: '2026-09-21 18:53:20');
echo $f->where, ' ', params($f->params), "\n";
// Nothing mapped: 1=1, every field in residual
$f = $engine->sql('paris', [], 'sqlite', $now);
echo $f->where, ' ', params($f->params), ' ', var_export($f->exact, true), ' ', json_encode($f->residual), "\n";
// Unmapped active: a custom segment is never exact
$f = $engine->sql('neg', ['orders' => 'o'], 'sqlite', $now);
echo $f->where, ' ', var_export($f->exact, true), ' ', json_encode($f->residual), "\n", $f->explain();
echo $engine->sql('lapsed', $columns, 'mysql', $now)->explain();
?>
--EXPECT--
lapsed/mysql: (((c.active) IS NULL OR (c.active) <> 0) AND (((c.last_order) <= ?) AND ((c.spent) >= CAST(? AS SIGNED))))
  ["2026-03-24 15:13:20",50000] exact
lapsed/sqlite: (((c.active) IS NULL OR (c.active) <> 0) AND (((c.last_order) <= ?) AND ((c.spent) >= CAST(? AS INTEGER))))
  ["2026-03-24 15:13:20",50000] exact
paris/mysql: (((c.active) IS NULL OR (c.active) <> 0) AND ((((c.postcode) LIKE ? ESCAPE '!') AND (CAST((c.postcode) AS BINARY) LIKE ? ESCAPE '!')) AND (((c.city) = ?) AND (CAST((c.city) AS BINARY) = CAST(? AS BINARY)))))
  ["75%","75%","Paris","Paris"] exact
paris/sqlite: (((c.active) IS NULL OR (c.active) <> 0) AND (((c.postcode) LIKE ? ESCAPE '!') AND ((c.city) COLLATE BINARY = ?)))
  ["75%","Paris"] exact
pro/mysql: (((c.active) IS NULL OR (c.active) <> 0) AND ((EXISTS (SELECT 1 FROM g WHERE g.c = c.id AND g.name = BINARY ?)) AND (((SELECT COUNT(*) FROM g WHERE g.c = c.id)) >= CAST(? AS SIGNED))))
  ["pro",2] exact
pro/sqlite: (((c.active) IS NULL OR (c.active) <> 0) AND ((EXISTS (SELECT 1 FROM g WHERE g.c = c.id AND g.name = BINARY ?)) AND (((SELECT COUNT(*) FROM g WHERE g.c = c.id)) >= CAST(? AS INTEGER))))
  ["pro",2] exact
vip/mysql: (((c.active) IS NULL OR (c.active) <> 0) AND (((CASE WHEN COLLATION((c.vip)) = 'binary' THEN (c.vip) END) = CAST(? AS SIGNED)) OR ((CASE WHEN TRUNCATE(CAST(CAST(COALESCE((c.orders), 0) AS DECIMAL(65,0)) AS DECIMAL(65,30)) / NULLIF(CAST(? AS SIGNED), 0), 0) NOT BETWEEN -9223372036854775808 AND 9223372036854775807 THEN NULL ELSE TRUNCATE(CAST(CAST(COALESCE((c.orders), 0) AS DECIMAL(65,0)) AS DECIMAL(65,30)) / NULLIF(CAST(? AS SIGNED), 0), 0) END) > CAST(? AS SIGNED))))
  [1,0,0,1] exact
vip/sqlite: (((c.active) IS NULL OR (c.active) <> 0) AND (((CASE WHEN typeof((c.vip)) = 'integer' THEN (c.vip) END) = CAST(? AS INTEGER)) OR ((CASE WHEN typeof((COALESCE((c.orders), 0) / CAST(? AS INTEGER))) <> 'integer' THEN NULL ELSE (COALESCE((c.orders), 0) / CAST(? AS INTEGER)) END) > CAST(? AS INTEGER))))
  [1,0,0,1] exact
neg/mysql: (((c.active) IS NULL OR (c.active) <> 0) AND ((((c.orders) < CAST(? AS SIGNED)) OR (c.orders) IS NULL) IS NOT TRUE))
  [3] exact
neg/sqlite: (((c.active) IS NULL OR (c.active) <> 0) AND ((((c.orders) < CAST(? AS INTEGER)) OR (c.orders) IS NULL) IS NOT TRUE))
  [3] exact
dec/mysql: (((c.active) IS NULL OR (c.active) <> 0) AND ((c.spent) >= CAST(? AS SIGNED)))
  [13] exact
dec/sqlite: (((c.active) IS NULL OR (c.active) <> 0) AND ((c.spent) >= CAST(? AS INTEGER)))
  [13] exact
lists/mysql: (((c.active) IS NULL OR (c.active) <> 0) AND (((((c.country) = ?) AND (CAST((c.country) AS BINARY) = CAST(? AS BINARY))) OR (((c.country) = ?) AND (CAST((c.country) AS BINARY) = CAST(? AS BINARY)))) AND ((? IN (SELECT name FROM k WHERE k.c = c.id)) IS NOT TRUE)))
  ["FR","FR","BE","BE","x"] exact
lists/sqlite: (((c.active) IS NULL OR (c.active) <> 0) AND ((((c.country) COLLATE BINARY = ?) OR ((c.country) COLLATE BINARY = ?)) AND ((? IN (SELECT name FROM k WHERE k.c = c.id)) IS NOT TRUE)))
  ["FR","BE","x"] exact
ref/mysql: (((c.active) IS NULL OR (c.active) <> 0) AND ((((c.active) IS NULL OR (c.active) <> 0) AND ((((c.postcode) LIKE ? ESCAPE '!') AND (CAST((c.postcode) AS BINARY) LIKE ? ESCAPE '!')) AND (((c.city) = ?) AND (CAST((c.city) AS BINARY) = CAST(? AS BINARY))))) OR (((c.active) IS NULL OR (c.active) <> 0) AND ((c.orders) >= CAST(? AS SIGNED)))))
  ["75%","75%","Paris","Paris",2] exact
ref/sqlite: (((c.active) IS NULL OR (c.active) <> 0) AND ((((c.active) IS NULL OR (c.active) <> 0) AND (((c.postcode) LIKE ? ESCAPE '!') AND ((c.city) COLLATE BINARY = ?))) OR (((c.active) IS NULL OR (c.active) <> 0) AND ((c.orders) >= CAST(? AS INTEGER)))))
  ["75%","Paris",2] exact
all/mysql: 1=1
  [] exact
all/sqlite: 1=1
  [] exact
disabled/mysql: ((c.active) IS NOT NULL AND (c.active) = 0)
  [] exact
disabled/sqlite: ((c.active) IS NOT NULL AND (c.active) = 0)
  [] exact
no_orders/mysql: (((c.active) IS NULL OR (c.active) <> 0) AND (((c.orders) = CAST(? AS SIGNED)) OR (c.orders) IS NULL))
  [0] exact
no_orders/sqlite: (((c.active) IS NULL OR (c.active) <> 0) AND (((c.orders) = CAST(? AS INTEGER)) OR (c.orders) IS NULL))
  [0] exact
loyal/mysql: (((c.active) IS NULL OR (c.active) <> 0) AND ((c.orders) >= CAST(? AS SIGNED)))
  [2] exact
loyal/sqlite: (((c.active) IS NULL OR (c.active) <> 0) AND ((c.orders) >= CAST(? AS INTEGER)))
  [2] exact
customers/mysql: (((c.active) IS NULL OR (c.active) <> 0) AND ((c.orders) >= CAST(? AS SIGNED)))
  [1] exact
customers/sqlite: (((c.active) IS NULL OR (c.active) <> 0) AND ((c.orders) >= CAST(? AS INTEGER)))
  [1] exact
first_order_recent/mysql: (((c.active) IS NULL OR (c.active) <> 0) AND ((c.orders) = CAST(? AS SIGNED)))
  [1] not exact ["active","orders","first_order","last_order"]
first_order_recent/sqlite: (((c.active) IS NULL OR (c.active) <> 0) AND ((c.orders) = CAST(? AS INTEGER)))
  [1] not exact ["active","orders","first_order","last_order"]
(((a) IS NULL OR (a) <> 0) AND ((((l) >= CAST(? AS SIGNED)) AND ((l) <= CAST(? AS SIGNED))) AND ((s) >= CAST(? AS SIGNED)))) [-9223372035064766207,1774371200,50000]
1=1 [] false ["active","city","postcode"]
((((o) < CAST(? AS INTEGER)) OR (o) IS NULL) IS NOT TRUE) false ["active","orders"]
segment 'neg' (sqlite): not exact, the condition selects every row filter() keeps and maybe more;
pass the selected rows to filter() with these fields: active, orders
in PHP: active: not in the column map (a disabled customer is in no segment but disabled and all)
segment 'lapsed' (mysql): exact, the condition selects exactly the rows filter() keeps
