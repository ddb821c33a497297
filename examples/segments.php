<?php
/*
 * Demo: load a merchant's settings and show which segments sample customers are in,
 * then build a campaign list. Run it with scripts/demo.sh.
 */
declare(strict_types=1);

$engine = new Loyalty\Engine(file_get_contents(__DIR__ . '/shop.json'));
$now = '2026-11-22 10:00:00';

$customers = [
    ['id' => 1, 'groups' => ['VIP'], 'city' => 'Paris', 'orders' => 12, 'spent' => 184000,
     'first_order' => '2021-03-02', 'last_order' => '2026-11-01', 'carriers' => ['Colissimo']],
    ['id' => 2, 'groups' => ['pro', 'wholesale'], 'postcode' => '75011', 'orders' => 1,
     'first_order' => '2026-11-10 15:30:00', 'spent' => 62000, 'country' => 'FR'],
    ['id' => 3, 'orders' => 0, 'country' => 'BE'],
    ['id' => 4, 'orders' => 7, 'spent' => 91000, 'last_order' => '2026-02-14',
     'carriers' => ['Colissimo', 'SoColissimo'], 'bought' => ['REF-42'], 'country' => 'NL'],
    ['id' => 5, 'active' => false, 'orders' => 9, 'groups' => ['VIP']],
];

printf("Segments of %s (at %s)\n", 'shop.json', $now);
foreach ($customers as $customer) {
    printf("  customer %d: %s\n", $customer['id'], implode(', ', $engine->segmentsOf($customer, $now)));
}

// Campaign lists stream from any iterable: here a generator, as from a database cursor.
$rows = (function () use ($customers) {
    yield from $customers;
})();
printf("Campaign 'lapsed_big_spenders': customers %s\n",
    implode(', ', $engine->filter('lapsed_big_spenders', $rows, $now)) ?: 'none');
printf("Is customer 2 in 'pro_paris'? %s\n", $engine->inSegment('pro_paris', $customers[1], $now) ? 'yes' : 'no');

try {
    Loyalty\Program::fromArray(['segments' => ['broken' => "orders >= 5 and city like 3"]]);
} catch (Loyalty\ExpressionException $e) {
    echo "A merchant's typo is reported with its place:\n", $e->getMessage(), "\n";
}
