--TEST--
bin/loyalty explain (the checkout in words), backtest (current | draft | delta, --json, bad rows by line, JSONL and CSV alike), segment (ids one a line, CSV and JSONL alike); malformed files name the line
--EXTENSIONS--
loyalty
--SKIPIF--
<?php if (!is_file(__DIR__ . '/../../polyfill/bin/loyalty')) die('skip the command line ships with the polyfill, not in the PECL package'); ?>
--FILE--
<?php
require __DIR__ . '/cli.inc';
show(cli('explain', 'examples/shop.json', 'examples/cli/cart.json', 'examples/cli/customer.json', '--at', '2026-11-22 10:00:00'));
echo "--- backtest\n";
[$code, $jsonl, $err] = cli('backtest', 'examples/shop.json', 'examples/cli/draft.json', 'examples/cli/orders.jsonl', '--quiet');
echo "exit $code\n", $jsonl;
[, $csv] = cli('backtest', 'examples/shop.json', 'examples/cli/draft.json', 'examples/cli/orders.csv', '--quiet');
var_dump($csv === $jsonl);
[$code, $json] = cli('backtest', 'examples/shop.json', 'examples/cli/orders.jsonl', '--json', '--quiet');
$report = json_decode($json, true);
echo "exit $code, orders {$report['orders']}, discount {$report['current']['discount']}, draft ", var_export($report['draft'], true), "\n";
// the same sums as the API
$rows = array_map(fn($l) => json_decode($l, true), file('examples/cli/orders.jsonl'));
var_dump($report['current'] === (new Loyalty\Engine(file_get_contents('examples/shop.json')))->backtest($rows)->current);
// bad rows are counted and named by their line; the run goes on
$bad = tmp('bad.jsonl', file_get_contents('examples/cli/orders.jsonl') . '{"cart": {"subtotal": 1.5}, "customer": {}}' . "\n" . '{"cart": [], "customer": {"orders": "3"}}' . "\n");
[$code, $out] = cli('backtest', 'examples/shop.json', $bad, '--quiet');
echo "exit $code\n", str_replace($bad, 'bad.jsonl', $out);
// malformed files: the line, no PHP warning
$broken = tmp('broken.jsonl', "{\"cart\": {}, \"customer\": {}}\n{\"cart\": \n");
show(array_map(fn($s) => is_string($s) ? str_replace($broken, 'broken.jsonl', $s) : $s, cli('backtest', 'examples/shop.json', $broken, '--quiet')));
$csv = tmp('broken.csv', "at,cart.subtotal,customer.orders\n2026-01-01,100,1\n2026-01-02,12.50,1\n");
show(array_map(fn($s) => is_string($s) ? str_replace($csv, 'broken.csv', $s) : $s, cli('backtest', 'examples/shop.json', $csv, '--quiet')));
$short = tmp('short.csv', "id,orders\n1,2\n3\n");
show(array_map(fn($s) => is_string($s) ? str_replace($short, 'short.csv', $s) : $s, cli('segment', 'examples/shop.json', 'loyal', $short, '--quiet')));
echo "--- segment\n";
show(cli('segment', 'examples/shop.json', 'pro_paris', 'examples/cli/customers.csv', '--quiet'));
show(cli('segment', 'examples/shop.json', 'lapsed_big_spenders', 'examples/cli/customers.jsonl', '--at', '2026-11-22', '--quiet'));
show(cli('segment', 'examples/shop.json', 'nosuch', 'examples/cli/customers.jsonl', '--quiet'));
$typed = tmp('typed.jsonl', "{\"id\": 1, \"orders\": 2}\n{\"id\": 2, \"orders\": \"many\"}\n");
show(array_map(fn($s) => is_string($s) ? str_replace($typed, 'typed.jsonl', $s) : $s, cli('segment', 'examples/shop.json', 'loyal', $typed, '--quiet')));
// progress on stderr: rows, rate, time left
[, , $err] = cli('segment', 'examples/shop.json', 'loyal', 'examples/cli/customers.csv');
echo preg_match('/4 rows, [0-9,]+ rows\/s, 100%, 0s left/', $err) ? "progress shown\n" : "no progress: $err\n";
foreach ([$bad, $broken, $csv, $short, $typed] as $f) unlink($f);
?>
--EXPECT--
exit 0
segments: all, customers, loyal, vip
  TEA-01  50.00  discount 3.49
  BOOK-9  24.00  discount 3.91
subtotal 74.00
+ VIP advantage: -5.00
+ 10% on books: -2.40
- wholesale not applied: not_in_segment: does not match 'wholesale' in groups
- welcome not applied: not_in_segment: not in segment 'lapsed_big_spenders'
- friday not applied: schedule: only on fri 18:00-23:00
- loyalty not applied: advantage_wins: a segment advantage applied and points do not combine with it
shipping 6.90
TOTAL 73.50
points: +66 earned, -0 spent, balance 296
--- backtest
exit 0
5 orders, 0 failed

                   current  draft   delta
discount             40.80   8.80  -32.00
shipping saved        0.00   6.90   +6.90
loyalty discount      0.00   0.00    0.00
points earned          138    709    +571
points spent             0      0       0
orders discounted        3      2      -1

advantage  applied  discount  draft applied  draft discount   delta
vip              1      5.00              1            4.00   -1.00
wholesale        1     31.00              -               -  -31.00
welcome          0      0.00              -               -    0.00
books            1      4.80              1            4.80    0.00
friday           0      0.00              -               -    0.00
bool(true)
exit 0, orders 5, discount 4080, draft NULL
bool(true)
exit 0
7 orders, 2 failed

                   current
discount             40.80
shipping saved        0.00
loyalty discount      0.00
points earned          138
points spent             0
orders discounted        3

advantage  applied  discount
vip              1      5.00
wholesale        1     31.00
welcome          0      0.00
books            1      4.80
friday           0      0.00

bad.jsonl:6: Loyalty\InputException: cart.subtotal: expected int (minor units), got float
bad.jsonl:7: Loyalty\InputException: customer.orders: expected int, got string
exit 1
stderr: loyalty: broken.jsonl:2: invalid JSON: Syntax error
exit 1
stderr: loyalty: broken.csv:3: column cart.subtotal: expected an int (minor units or a count), got '12.50'
exit 1
stderr: loyalty: short.csv:3: expected 2 fields (as the header), got 1
--- segment
exit 0
1
3
exit 0
5
exit 1
stderr: loyalty: Loyalty\ConfigException: segment: unknown segment 'nosuch'
exit 1
stderr: loyalty: typed.jsonl:2: customer.orders: expected int, got string
progress shown
