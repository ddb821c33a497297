--TEST--
A disabled customer (active = false) is in no segment but disabled and all, custom ones included
--EXTENSIONS--
loyalty
--FILE--
<?php
use Loyalty\Engine;

$now = 1700000000;
$e = new Engine(['segments' => [
    'always'   => 'true',
    'inactive' => 'not active',
    'anyone'   => 'orders >= 0',
    'vip'      => "'VIP' in groups",
    'reuse'    => "segment('always')",
    'notvip'   => "not ('VIP' in groups)",
]]);
$off = ['active' => false, 'orders' => 7, 'spent' => 100000, 'groups' => ['VIP'], 'first_order' => $now - 60, 'last_order' => $now - 60];

echo implode(',', $e->segmentsOf($off, $now)), "\n";
foreach ($e->program()->segmentNames() as $n) {
    printf("%-18s %s\n", $n, var_export($e->inSegment($n, $off, $now), true));
}
// the same customer enabled
echo implode(',', $e->segmentsOf(['active' => true] + $off, $now)), "\n";

// filter honours it too
$list = ['on' => ['orders' => 2], 'off' => ['active' => false, 'orders' => 2]];
foreach (['all', 'disabled', 'loyal', 'always', 'inactive', 'anyone'] as $n) {
    echo "$n: ", implode(',', $e->filter($n, $list, $now)), "\n";
}
?>
--EXPECT--
all,disabled
all                true
disabled           true
no_orders          false
first_order_recent false
loyal              false
customers          false
always             false
inactive           false
anyone             false
vip                false
reuse              false
notvip             false
all,always,anyone,customers,loyal,reuse,vip
all: on,off
disabled: off
loyal: on
always: on
inactive: 
anyone: on
