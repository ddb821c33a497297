--TEST--
Engine::backtest(): memory stays flat over any number of rows from a generator (2,000 rows and 40,000 rows peak the same), with a draft too (SPEC 12)
--EXTENSIONS--
loyalty
--FILE--
<?php
$engine = new Loyalty\Engine(['segments' => ['vip' => "'VIP' in groups"], 'advantages' => [
    ['id' => 'vip', 'segment' => 'vip', 'tiers' => [['from' => 5000, 'discount_percent' => 10, 'free_shipping' => true]]]],
    'loyalty' => ['earn' => ['per_amount' => 100, 'points' => 1], 'brackets' => [['from' => 100, 'discount' => 500]]]]);
$draft = Loyalty\Program::fromArray(['advantages' => [['id' => 'all', 'tiers' => [['discount_percent' => 5]]]]]);
$orders = function (int $n) {
    for ($i = 0; $i < $n; $i++) {
        yield ['cart' => ['lines' => [['sku' => "SKU-$i", 'qty' => 1 + $i % 3, 'price' => 1000 + $i % 7000]], 'shipping' => 490],
               'customer' => ['id' => $i, 'groups' => $i % 2 ? ['VIP'] : [], 'orders' => $i % 5, 'points' => $i % 400,
                   'last_order' => '2026-01-' . sprintf('%02d', 1 + $i % 28) . ' 10:00:00'],
               'at' => 1790000000 + $i];
    }
};
$peaks = [];
foreach ([2000, 40000] as $n) {
    gc_collect_cycles();
    memory_reset_peak_usage();
    $base = memory_get_usage();
    $r = $engine->backtest($orders($n), $draft);
    $peaks[$n] = memory_get_peak_usage() - $base;
    unset($r);
}
echo $peaks[40000] <= $peaks[2000] + 16384 ? "flat\n" : "grows: " . json_encode($peaks) . "\n";
echo $engine->backtest($orders(3))->orders, "\n";
?>
--EXPECT--
flat
3
