--TEST--
Result::$segments, built on first read, gives the customer's segments at evaluate() time, whatever happened to the customer array since (changed, freed, behind references)
--EXTENSIONS--
loyalty
--FILE--
<?php
// Segments no advantage names: evaluate() does not test them, the Result does when read.
$settings = [
    'segments' => [
        'paris' => "city == 'Paris'",
        'pro' => "'pro' in groups",
        'staff' => "lower(attr.role) == 'staff'",
        'code75' => "postcode like '75*'",
        'far' => "country in ['BE', 'NL']",
        'ref' => "'REF-42' in bought",
        'colis' => "'Colissimo' in carriers",
    ],
    'advantages' => [['id' => 'a', 'segment' => 'all', 'tiers' => [['discount' => 100]]]],
];
$engine = new Loyalty\Engine($settings);
// strings made at run time (not interned), so that changing the array frees them
$s = fn(string $x) => implode('', str_split($x));
$customer = function () use ($s) {
    return ['orders' => 3, 'city' => $s('Paris'), 'postcode' => $s('75011'), 'country' => $s('BE'),
        'groups' => [$s('pro'), $s('x')], 'carriers' => [$s('Colissimo')], 'bought' => [$s('REF-42')],
        'attributes' => ['role' => $s('Staff')]];
};
$cart = ['subtotal' => 5000];
$expected = $engine->segmentsOf($customer(), 1700000000);
echo implode(' ', $expected), "\n";

// 1. the array changed in every borrowed string, then freed
$c = $customer();
$r = $engine->evaluate($cart, $c, 1700000000);
$c['city'] = $s('Lyon'); $c['groups'][0] = $s('none'); $c['attributes']['role'] = $s('buyer');
$c['postcode'] = $s('13000'); $c['country'] = $s('FR'); $c['bought'] = []; $c['carriers'][0] = $s('UPS');
unset($c);
var_dump($r->segments === $expected);

// 2. the values behind PHP references, changed after evaluate()
$c = $customer();
$city = $s('Paris'); $role = $s('Staff'); $group = $s('pro');
$c['city'] = &$city; $c['attributes']['role'] = &$role; $c['groups'][0] = &$group;
$r = $engine->evaluate($cart, $c, 1700000000);
$city = $s('Lyon'); $role = $s('buyer'); $group = $s('none');
unset($c, $city, $role, $group);
var_dump($r->segments === $expected);

// 3. read through toArray(), after the engine is gone; and a customer in none of them
$r = $engine->evaluate($cart, $customer(), 1700000000);
$q = $engine->evaluate($cart, ['city' => $s('Nice')], 1700000000);
unset($engine);
var_dump($r->toArray()['segments'] === $expected, $q->segments);

// 4. the segments the checkout tested and those it did not, together
$engine = new Loyalty\Engine(['segments' => $settings['segments'],
    'advantages' => [['id' => 'p', 'segment' => 'paris', 'tiers' => [['discount' => 100]]]]]);
$c = $customer();
$r = $engine->evaluate($cart, $c, 1700000000);
$c['groups'] = []; unset($c);
var_dump($r->discount, $r->segments === $expected);
?>
--EXPECT--
all code75 colis customers far loyal paris pro ref staff
bool(true)
bool(true)
bool(true)
array(2) {
  [0]=>
  string(3) "all"
  [1]=>
  string(9) "no_orders"
}
int(100)
bool(true)
