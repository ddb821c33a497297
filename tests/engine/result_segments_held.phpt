--TEST--
Result::$segments read late, from the customer array the Result holds: each kind of PHP reference alone (a string, a list, a list's item, the attributes, an attribute) and each way of changing the array in place (append, sort, foreach by reference, string concatenation, array_walk) leaves the answer of evaluate() time
--EXTENSIONS--
loyalty
--FILE--
<?php
$engine = new Loyalty\Engine([
    'segments' => [
        'paris' => "city == 'Paris'",
        'pro' => "'pro' in groups",
        'staff' => "attr.role == 'Staff'",
        'colis' => "'Colissimo' in carriers",
        'two' => "count(groups) == 2",
    ],
    'advantages' => [['id' => 'a', 'segment' => 'all', 'tiers' => [['discount' => 100]]]],
]);
$s = fn(string $x) => implode('', str_split($x)); // not interned: changed in place when alone
$make = fn() => ['orders' => 3, 'city' => $s('Paris'), 'groups' => [$s('pro'), $s('x')],
    'carriers' => [$s('Colissimo')], 'attributes' => ['role' => $s('Staff')]];
$cart = ['subtotal' => 5000];
$expected = $engine->segmentsOf($make(), 1700000000);
echo implode(' ', $expected), "\n";

$cases = [
    'city by reference' => function (&$c, &$hold) use ($s) { $hold = $s('Paris'); $c['city'] = &$hold; },
    'groups by reference' => function (&$c, &$hold) use ($s) { $hold = [$s('pro'), $s('x')]; $c['groups'] = &$hold; },
    'a group by reference' => function (&$c, &$hold) use ($s) { $hold = $s('pro'); $c['groups'][0] = &$hold; },
    'attributes by reference' => function (&$c, &$hold) use ($s) { $hold = ['role' => $s('Staff')]; $c['attributes'] = &$hold; },
    'an attribute by reference' => function (&$c, &$hold) use ($s) { $hold = $s('Staff'); $c['attributes']['role'] = &$hold; },
    'a carrier by reference' => function (&$c, &$hold) use ($s) { $hold = $s('Colissimo'); $c['carriers'][0] = &$hold; },
];
$changes = [
    'city by reference' => function (&$hold) { $hold .= 'X'; },
    'groups by reference' => function (&$hold) { $hold[0] .= 'X'; $hold[] = 'y'; },
    'a group by reference' => function (&$hold) { $hold .= 'X'; },
    'attributes by reference' => function (&$hold) { $hold['role'] .= 'X'; },
    'an attribute by reference' => function (&$hold) { $hold .= 'X'; },
    'a carrier by reference' => function (&$hold) { $hold .= 'X'; },
];
foreach ($cases as $name => $set) {
    $c = $make();
    $hold = null;
    $set($c, $hold);
    $r = $engine->evaluate($cart, $c, 1700000000);
    $changes[$name]($hold);
    unset($c, $hold);
    echo $name, ': ', $r->segments === $expected ? 'same' : 'changed: ' . implode(' ', $r->segments), "\n";
}

$inPlace = [
    'append' => function (&$c) { $c['groups'][] = 'z'; },
    'sort' => function (&$c) { rsort($c['groups']); $c['groups'][0] = 'none'; },
    'foreach by reference' => function (&$c) { foreach ($c['groups'] as &$g) { $g .= 'X'; } unset($g); },
    'concatenation' => function (&$c) { $c['city'] .= 'X'; $c['attributes']['role'] .= 'X'; },
    'array_walk' => function (&$c) { array_walk($c['carriers'], function (&$v) { $v = 'UPS'; }); },
];
foreach ($inPlace as $name => $change) {
    $c = $make();
    $r = $engine->evaluate($cart, $c, 1700000000);
    $change($c);
    unset($c);
    echo $name, ': ', $r->segments === $expected ? 'same' : 'changed: ' . implode(' ', $r->segments), "\n";
}

// the held array goes with the Result (no leak: run-tests -m), read or not
$r = $engine->evaluate($cart, $make(), 1700000000);
unset($r);
$r = $engine->evaluate($cart, $make(), 1700000000);
$copy = clone $r;
unset($r);
var_dump($copy->segments === $expected);
?>
--EXPECT--
all colis customers loyal paris pro staff two
city by reference: same
groups by reference: same
a group by reference: same
attributes by reference: same
an attribute by reference: same
a carrier by reference: same
append: same
sort: same
foreach by reference: same
concatenation: same
array_walk: same
bool(true)
