--TEST--
Built-in segments: all, disabled, no_orders, first_order_recent, loyal, customers (SPEC 5 and 10)
--EXTENSIONS--
loyalty
--FILE--
<?php
use Loyalty\Engine;

$now = 1700000000;
$D = 86400;
$e = new Engine([]);
$builtins = ['all', 'disabled', 'no_orders', 'first_order_recent', 'loyal', 'customers'];
$cases = [
    'no keys'                 => [],
    'orders 0'                => ['orders' => 0],
    'orders null'             => ['orders' => null],
    'orders 1, no date'       => ['orders' => 1],
    'orders 1, first 1d'      => ['orders' => 1, 'first_order' => $now - $D],
    'orders 1, first 40d'     => ['orders' => 1, 'first_order' => $now - 40 * $D],
    'orders 1, last 1d'       => ['orders' => 1, 'last_order' => $now - $D],
    'orders 1, first null, last 1d' => ['orders' => 1, 'first_order' => null, 'last_order' => $now - $D],
    'orders 1, last 40d'      => ['orders' => 1, 'last_order' => $now - 40 * $D],
    'orders 1, first 40d last 1d' => ['orders' => 1, 'first_order' => $now - 40 * $D, 'last_order' => $now - $D],
    'orders 1, first 1d last 40d' => ['orders' => 1, 'first_order' => $now - $D, 'last_order' => $now - 40 * $D],
    'orders 2, first 1d'      => ['orders' => 2, 'first_order' => $now - $D, 'last_order' => $now - $D],
    'orders 2'                => ['orders' => 2],
    'orders 1000'             => ['orders' => 1000],
    'active true'             => ['active' => true, 'orders' => 0],
    'active null'             => ['active' => null, 'orders' => 2],
    'disabled, 0 orders'      => ['active' => false],
    'disabled, 1 recent'      => ['active' => false, 'orders' => 1, 'first_order' => $now - $D],
    'disabled, 5 orders'      => ['active' => false, 'orders' => 5],
];
foreach ($cases as $label => $c) {
    $in = [];
    foreach ($builtins as $n) {
        if ($e->inSegment($n, $c, $now)) { $in[] = $n; }
    }
    printf("%-32s %-45s %s\n", $label, implode(',', $in), implode(',', $e->segmentsOf($c, $now)));
}
?>
--EXPECT--
no keys                          all,no_orders                                 all,no_orders
orders 0                         all,no_orders                                 all,no_orders
orders null                      all,no_orders                                 all,no_orders
orders 1, no date                all,customers                                 all,customers
orders 1, first 1d               all,first_order_recent,customers              all,customers,first_order_recent
orders 1, first 40d              all,customers                                 all,customers
orders 1, last 1d                all,first_order_recent,customers              all,customers,first_order_recent
orders 1, first null, last 1d    all,first_order_recent,customers              all,customers,first_order_recent
orders 1, last 40d               all,customers                                 all,customers
orders 1, first 40d last 1d      all,customers                                 all,customers
orders 1, first 1d last 40d      all,first_order_recent,customers              all,customers,first_order_recent
orders 2, first 1d               all,loyal,customers                           all,customers,loyal
orders 2                         all,loyal,customers                           all,customers,loyal
orders 1000                      all,loyal,customers                           all,customers,loyal
active true                      all,no_orders                                 all,no_orders
active null                      all,loyal,customers                           all,customers,loyal
disabled, 0 orders               all,disabled                                  all,disabled
disabled, 1 recent               all,disabled                                  all,disabled
disabled, 5 orders               all,disabled                                  all,disabled
