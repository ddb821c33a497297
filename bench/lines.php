<?php
// Rules on products (SPEC 11): the typical settings plus 8 item-scoped advantages of 3 tiers
// (4 distinct `lines` texts, so that sharing shows), over carts of 30 lines with categories and
// attributes; the same without the item-scoped advantages for the cost of the new keys.
declare(strict_types=1);

namespace Loyalty\Bench;

require __DIR__ . '/lib.php';

$categories = ['books', 'toys', 'tea', 'gift', 'comics'];
mt_srand(7);
$pairs = [];
foreach (pairs((int) (getenv('BENCH_PAIRS') ?: 2000), 42) as [$cart, $customer]) {
    $lines = [];
    for ($i = 0; $i < 30; $i++) {
        $lines[] = ['sku' => 'SKU-' . mt_rand(1, 5000), 'qty' => mt_rand(1, 4), 'price' => mt_rand(99, 4999),
            'category' => pick($categories), 'attributes' => ['brand' => pick(['Lego', 'Hasbro', 'Ravensburger'])]];
    }
    $pairs[] = [['lines' => $lines] + $cart, $customer];
}
$texts = ["category == 'books'", "category in ['toys', 'comics']", "attr.brand == 'Lego' and price >= 1000", "not (category == 'gift')"];
$plain = typical_settings();
$items = $plain;
for ($i = 0; $i < 8; $i++) {
    $quantity = $i % 4 === 1;
    $items['advantages'][] = ['id' => "item$i", 'segment' => pick(['all', 'customers', 'loyal']), 'lines' => $texts[$i % 4],
        'combinable' => $i % 2 === 0, 'tiers_on' => $quantity ? 'quantity' : 'amount',
        'tiers' => $quantity ? [['from' => 3, 'free_units' => 1], ['from' => 6, 'free_units' => 2], ['from' => 12, 'free_units' => 5]]
            : [['from' => 0, 'discount_percent' => 5], ['from' => 5000, 'discount_percent' => 10], ['from' => 15000, 'discount' => 2000]]];
}
$ops = count($pairs);
$rows = [];
foreach (['typical, 30-line carts' => $plain, '+ 8 item-scoped advantages' => $items] as $name => $settings) {
    $json = json_encode($settings);
    $byImpl = [];
    foreach (implementations() as $impl => $engineClass) {
        $engine = new $engineClass($json);
        $byImpl[$impl] = measure(function () use ($engine, $pairs) {
            $out = [];
            foreach ($pairs as [$cart, $customer]) {
                $out[] = $engine->evaluate($cart, $customer, NOW)->toArray();
            }
            return $out;
        }, $ops);
    }
    $rows[] = row("evaluate, $name", $ops, $byImpl);
}
report('lines', $rows);
