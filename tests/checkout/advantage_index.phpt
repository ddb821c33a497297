--TEST--
Advantages indexed by the city, postcode or country their inline segment requires give the same answers as evaluating every segment
--EXTENSIONS--
loyalty
--FILE--
<?php
// Program A: inline segments the engine indexes (`city == 'X'` alone, or as a term of a
// top-level `and`, either way round). Program B: the same conditions as `(...) or false`,
// which it cannot index. Every answer but the quoted segment text must be the same.
mt_srand(5);
$cities = ['Paris', 'Lyon', 'Nice', 'paris', 'Paris ', ''];
$conditions = [];
for ($i = 0; $i < 300; $i++) {
    $city = $cities[mt_rand(0, count($cities) - 1)];
    $conditions[] = match (mt_rand(0, 5)) {
        0 => "city == '$city'",
        1 => "'$city' == city",
        2 => "orders >= " . mt_rand(0, 5) . " and city == '$city'",
        3 => "country == 'FR' and postcode == '750" . mt_rand(0, 3) . "' and orders > 0",
        4 => "city == '$city' and not (country == 'BE')",
        5 => "country == '" . ['FR', 'BE', 'fr'][mt_rand(0, 2)] . "'",
    };
}
$program = function (callable $wrap) use ($conditions) {
    $advantages = [];
    foreach ($conditions as $i => $c) {
        $advantages[] = ['id' => "a$i", 'segment' => $wrap($c), 'combinable' => $i % 7 === 0,
            'tiers' => [['from' => ($i % 5) * 1000, 'discount' => 100 + $i]]];
    }
    return new Loyalty\Engine(['advantages' => $advantages]);
};
$indexed = $program(fn($c) => $c);
$plain = $program(fn($c) => "($c) or false");
$strip = function (Loyalty\Result $r) {
    $a = $r->toArray();
    foreach ($a['rejected'] as &$x) { unset($x['message']); }
    return $a;
};
$same = $differ = $matched = 0;
for ($i = 0; $i < 400; $i++) {
    $customer = ['orders' => mt_rand(0, 6)];
    foreach (['city' => $cities, 'country' => ['FR', 'BE', 'fr'], 'postcode' => ['7500', '7501', '7502', '75']] as $k => $values) {
        if (mt_rand(0, 4) > 0) { $customer[$k] = $values[mt_rand(0, count($values) - 1)]; }
    }
    if (mt_rand(0, 20) === 0) { $customer['active'] = false; }
    $cart = ['subtotal' => mt_rand(0, 6000), 'vouchers' => mt_rand(0, 9) ? [] : ['X']];
    $a = $strip($indexed->evaluate($cart, $customer, 0));
    $b = $strip($plain->evaluate($cart, $customer, 0));
    $a === $b ? $same++ : $differ++;
    $matched += count($a['applied']);
}
echo "$same same, $differ differ\n";
var_dump($matched > 100);
// the messages still quote the segment as written
$r = $indexed->evaluate(['subtotal' => 5000], ['city' => 'Nowhere'], 0);
echo $r->rejected[0]['message'], "\n";
?>
--EXPECT--
400 same, 0 differ
bool(true)
not_in_segment: does not match city == ''
