--TEST--
Expressions: segment('name') references to custom and built-in segments
--EXTENSIONS--
loyalty
--INI--
date.timezone=UTC
--FILE--
<?php
const NOW = 1700000000;
$p = Loyalty\Program::fromArray(['segments' => [
    'paris'     => "city == 'Paris'",
    'vip_paris' => "segment('vip') and segment('paris')",   // forward reference
    'vip'       => "'VIP' in groups or spent >= 100000",
    'not_vip'   => "not segment('vip')",
    'big_loyal' => "segment('loyal') and spent > 50000",
    'newbie'    => "segment('first_order_recent') or segment('no_orders')",
    'everyone'  => "segment('all')",
    'off'       => "segment('disabled')",
    'twice'     => "segment('paris') and segment(\"paris\") and not not segment('paris')",
    'either'    => "segment('vip_paris') or segment('big_loyal')",
]]);
$e = new Loyalty\Engine($p);
$customers = [
    'a' => ['id' => 'a', 'groups' => ['VIP'], 'city' => 'Paris', 'orders' => 1, 'first_order' => NOW - 86400],
    'b' => ['id' => 'b', 'city' => 'Paris', 'orders' => 4, 'spent' => 60000],
    'c' => ['id' => 'c', 'city' => 'Lyon', 'spent' => 150000, 'orders' => 9],
    'd' => ['id' => 'd'],
    'e' => ['id' => 'e', 'active' => false, 'groups' => ['VIP'], 'city' => 'Paris', 'orders' => 3, 'spent' => 99999],
];
foreach ($customers as $k => $c) {
    echo $k, ': ', implode(' ', $e->segmentsOf($c, NOW)), "\n";
}
echo "--- inSegment\n";
foreach (['vip_paris', 'not_vip', 'either', 'off', 'everyone'] as $s) {
    $r = [];
    foreach ($customers as $k => $c) {
        $r[] = $k . '=' . ($e->inSegment($s, $c, NOW) ? 'y' : 'n');
    }
    echo str_pad($s, 10), implode(' ', $r), "\n";
}
echo "--- filter: each customer evaluated afresh\n";
foreach (['vip_paris', 'not_vip', 'either', 'twice', 'newbie'] as $s) {
    echo str_pad($s, 10), json_encode($e->filter($s, array_values($customers), NOW)), "\n";
}
// alternating customers: a memo leaking from one customer to the next would show here
$rows = [];
for ($i = 0; $i < 6; $i++) {
    $rows[] = $i % 2 ? ['city' => 'Lyon'] : ['city' => 'Paris', 'groups' => ['VIP']];
}
echo json_encode($e->filter('vip_paris', $rows, NOW)), ' ', json_encode($e->filter('not_vip', $rows, NOW)), "\n";
echo implode(',', $p->segmentNames()), "\n";
?>
--EXPECT--
a: all customers either everyone first_order_recent newbie paris twice vip vip_paris
b: all big_loyal customers either everyone loyal not_vip paris twice
c: all big_loyal customers either everyone loyal vip
d: all everyone newbie no_orders not_vip
e: all disabled
--- inSegment
vip_paris a=y b=n c=n d=n e=n
not_vip   a=n b=y c=n d=y e=n
either    a=y b=y c=y d=n e=n
off       a=n b=n c=n d=n e=n
everyone  a=y b=y c=y d=y e=n
--- filter: each customer evaluated afresh
vip_paris ["a"]
not_vip   ["b","d"]
either    ["a","b","c"]
twice     ["a","b"]
newbie    ["a","d"]
[0,2,4] [1,3,5]
all,disabled,no_orders,first_order_recent,loyal,customers,paris,vip_paris,vip,not_vip,big_loyal,newbie,everyone,off,twice,either
