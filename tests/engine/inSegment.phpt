--TEST--
Engine::inSegment() with built-in and custom segment names
--EXTENSIONS--
loyalty
--FILE--
<?php
use Loyalty\Engine;

$now = 1700000000;
$e = new Engine(['segments' => [
    'vip'       => "'VIP' in groups",
    'vip_paris' => "segment('vip') and city == 'Paris'",
    'big'       => 'spent >= 50000',
    'lapsed'    => 'days_since_last_order > 180',
]]);

$customers = [
    'new'      => [],
    'one'      => ['orders' => 1, 'first_order' => $now - 86400, 'last_order' => $now - 86400],
    'vipparis' => ['orders' => 4, 'groups' => ['VIP'], 'city' => 'Paris', 'spent' => 50000, 'last_order' => $now - 181 * 86400],
    'viplyon'  => ['orders' => 2, 'groups' => ['pro', 'VIP'], 'city' => 'Lyon', 'spent' => 49999, 'last_order' => $now - 180 * 86400],
    'off'      => ['active' => false, 'orders' => 4, 'groups' => ['VIP'], 'city' => 'Paris', 'spent' => 90000],
];
$names = ['all', 'disabled', 'no_orders', 'first_order_recent', 'loyal', 'customers', 'vip', 'vip_paris', 'big', 'lapsed'];
foreach ($customers as $label => $c) {
    $in = [];
    foreach ($names as $n) {
        $r = $e->inSegment($n, $c, $now);
        if (!is_bool($r)) { echo "not a bool\n"; }
        if ($r) { $in[] = $n; }
    }
    echo str_pad($label, 9), ': ', implode(',', $in), "\n";
    // inSegment agrees with segmentsOf
    $s = $in; sort($s, SORT_STRING);
    if ($s !== $e->segmentsOf($c, $now)) { echo "  mismatch with segmentsOf\n"; }
}
?>
--EXPECT--
new      : all,no_orders
one      : all,first_order_recent,customers
vipparis : all,loyal,customers,vip,vip_paris,big,lapsed
viplyon  : all,loyal,customers,vip
off      : all,disabled
