--TEST--
Engine::backtest(): a bad row is counted by class with its row number (first 10 messages) and never stops the run; a row failing under either program counts in neither; progress every 10,000 rows; a totals overflow throws; the iterator's own exceptions propagate (SPEC 12, 13)
--EXTENSIONS--
loyalty
--FILE--
<?php
use Loyalty\Engine;
use Loyalty\Program;

$engine = new Engine(['advantages' => [['id' => 'a', 'tiers' => [['discount' => 100]]]]]);
$good = ['cart' => ['subtotal' => 1000], 'customer' => []];
$rows = [$good, 'x', ['cart' => 5, 'customer' => []], ['customer' => []], ['cart' => [], 'customer' => null],
    ['cart' => ['subtotal' => -1], 'customer' => []], ['cart' => [], 'customer' => ['orders' => '3']], $good + ['at' => 'not a date'],
    ['cart' => ['lines' => [['qty' => 1]]], 'customer' => []], $good, ['cart' => [], 'customer' => ['ledger' => [['type' => 'spend', 'points' => 5, 'at' => 1]]]],
    ['cart' => [], 'customer' => ['points' => 1.5]], $good];
$r = $engine->backtest($rows);
echo $r->orders, ' rows, ', $r->failed['count'], " failed\n", json_encode($r->failed['by_class']), "\n";
foreach ($r->failed['messages'] as $m) {
    echo $m['row'], ' ', $m['class'], ': ', $m['message'], "\n";
}
echo 'applied ', $r->current['advantages']['a']['applied'], ', discount ', $r->current['discount'], "\n";

// A row failing under the draft only counts in neither
$draft = Program::fromArray(['loyalty' => ['earn' => ['per_amount' => 1, 'points' => PHP_INT_MAX]]]);
$r = $engine->backtest([$good, ['cart' => ['subtotal' => 3], 'customer' => []]], $draft);
echo $r->failed['count'], ' ', $r->failed['messages'][0]['message'] ?? '', ' | current applied ', $r->current['advantages']['a']['applied'], "\n";

// Progress at each multiple of 10,000 rows, with the rows done
$calls = [];
$engine->backtest((function () use ($good) { for ($i = 0; $i < 25000; $i++) yield $good; })(), null, function (int $done) use (&$calls) { $calls[] = $done; });
echo json_encode($calls), "\n";
// Totals past PHP_INT_MAX: no row's fault, an InputException and no Report
$huge = new Engine(['loyalty' => ['earn' => ['per_order' => PHP_INT_MAX]]]);
try {
    $huge->backtest([$good, $good, $good]);
} catch (Loyalty\InputException $e) {
    echo $e->getMessage(), "\n";
}
// The iterator's own exception and the progress callback's propagate
try {
    $engine->backtest((function () use ($good) { yield $good; throw new RuntimeException('database gone'); })());
} catch (RuntimeException $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
try {
    $engine->backtest(array_fill(0, 10000, $good), null, function () { throw new LogicException('stop'); });
} catch (LogicException $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
// Argument types
foreach ([fn() => $engine->backtest(5), fn() => $engine->backtest([], new stdClass), fn() => $engine->backtest([], null, 'no_such_function'),
          fn() => $engine->backtest([], null, 5)] as $f) {
    try {
        $f();
    } catch (TypeError $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
}
// Many failures: 10 messages kept, all counted
$r = $engine->backtest(array_fill(0, 25, 'x'));
echo $r->failed['count'], ' ', count($r->failed['messages']), ' ', $r->failed['messages'][9]['row'], "\n";
// The report is read-only
try {
    $r->orders = 1;
} catch (Error $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
?>
--EXPECTF--
13 rows, 10 failed
{"Loyalty\\InputException":9,"Loyalty\\LedgerException":1}
1 Loyalty\InputException: orders[1]: expected array, got string
2 Loyalty\InputException: orders[2].cart: expected array, got int
3 Loyalty\InputException: orders[3].cart: is required
4 Loyalty\InputException: orders[4].customer: is required
5 Loyalty\InputException: cart.subtotal: must be >= 0, got -1
6 Loyalty\InputException: customer.orders: expected int, got string
7 Loyalty\InputException: orders[7].at: invalid date 'not a date'
8 Loyalty\InputException: cart.lines[0].price: is required
10 Loyalty\LedgerException: customer.ledger[0]: 5 points to spend at 1970-01-01 00:00:01 UTC, only 0 available
11 Loyalty\InputException: customer.points: expected int, got float
applied 3, discount 300
2 cart: points earned overflow %d bits | current applied 0
[10000,20000]
backtest: totals overflow at row 1
RuntimeException: database gone
LogicException: stop
TypeError: Loyalty\Engine::backtest(): Argument #1 ($orders) must be of type Traversable|array, int given
TypeError: Loyalty\Engine::backtest(): Argument #2 ($draft) must be of type ?Loyalty\Program, stdClass given
TypeError: Loyalty\Engine::backtest(): Argument #3 ($progress) must be a valid callback or null, function "no_such_function" not found or invalid function name
TypeError: Loyalty\Engine::backtest(): Argument #3 ($progress) must be a valid callback or null, no array or string given
25 10 9
Error: Cannot modify readonly property Loyalty\Report::$orders
