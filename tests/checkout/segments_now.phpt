--TEST--
Checkout: Result::$segments lists every segment (all included) in byte order; $now (int, string, DateTimeInterface) decides date segments
--EXTENSIONS--
loyalty
--FILE--
<?php
$e = new Loyalty\Engine([
    'segments' => ['zeta' => 'orders >= 0', 'Zeta' => 'orders >= 0', 'alpha' => 'orders >= 0', '_x' => 'orders >= 0',
                   'recent' => 'days_since_last_order < 10'],
    'advantages' => [['id' => 'r', 'segment' => 'recent', 'tiers' => [['discount' => 100]]]],
]);
$c = ['orders' => 1, 'last_order' => 1795132800]; // 2026-11-20 00:00:00 UTC
foreach ([1795341600, '2026-11-22 10:00:00 UTC', new DateTimeImmutable('2026-11-22 10:00:00 UTC'), 1795132800 + 10 * 86400] as $now) {
    $r = $e->evaluate(['subtotal' => 1000], $c, $now);
    echo implode(',', $r->segments), ' ', $r->discount, PHP_EOL;
}
?>
--EXPECT--
Zeta,_x,all,alpha,customers,first_order_recent,recent,zeta 100
Zeta,_x,all,alpha,customers,first_order_recent,recent,zeta 100
Zeta,_x,all,alpha,customers,first_order_recent,recent,zeta 100
Zeta,_x,all,alpha,customers,first_order_recent,zeta 0
