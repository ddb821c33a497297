--TEST--
examples/backtest.php: every order of the generated SQLite shop backtested under shop.json and the draft, each with its customer as it stood then
--EXTENSIONS--
loyalty
pdo_sqlite
--INI--
date.timezone=UTC
--FILE--
<?php
include __DIR__ . '/../../examples/backtest.php';
$out = fopen('php://memory', 'w+');
$err = fopen('php://memory', 'w+');
$code = backtest_main(['backtest.php', '--customers=300'], $out, $err);
rewind($out);
echo "exit $code\n", stream_get_contents($out);
// the same sums as evaluate() order by order
$db = new PDO('sqlite::memory:', null, null, [PDO::ATTR_ERRMODE => PDO::ERRMODE_EXCEPTION]);
campaign_create_database($db, 300);
$engine = new Loyalty\Engine(file_get_contents(__DIR__ . '/../../examples/shop.json'));
$discount = 0;
$rows = 0;
foreach (backtest_orders($db) as $row) {
    $discount += $engine->evaluate($row['cart'], $row['customer'], $row['at'])->discount;
    $rows++;
}
echo "$rows orders, discount $discount\n";
var_dump(backtest_main(['backtest.php', '--nope=1'], $out, $err));
?>
--EXPECT--
exit 0
1232 orders, 0 failed
                            current          draft          delta
discount                    4569.00        3866.71        -702.29
shipping saved              1414.50        1918.20         503.70
loyalty discount               0.00           0.00           0.00
points earned                122020         133691          11671
points spent                      0              0              0
orders discounted               331            278            -53
1232 orders, discount 456900
int(2)
