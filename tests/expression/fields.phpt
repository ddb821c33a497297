--TEST--
Expressions: every customer field, present, missing and null (SPEC 5, SPEC 10 defaults)
--EXTENSIONS--
loyalty
--INI--
date.timezone=UTC
--FILE--
<?php
const NOW = 1700000000; // 2023-11-14 22:13:20 UTC

function check(string $expr, array $customer, $now = NOW): bool {
    $p = Loyalty\Program::fromArray(['segments' => ['s' => $expr]]);
    return (new Loyalty\Engine($p))->inSegment('s', $customer, $now);
}
function show(string $expr, array $customer, $now = NOW): void {
    echo $expr, ' => ', var_export(check($expr, $customer, $now), true), "\n";
}

$full = [
    'id' => 7,
    'active' => true,
    'groups' => ['VIP', 'pro'],
    'orders' => 5,
    'spent' => 123456,
    'first_order' => NOW - 100 * 86400,
    'last_order' => NOW - 3 * 86400 - 1,
    'city' => 'Paris',
    'postcode' => '75011',
    'country' => 'FR',
    'carriers' => ['Colissimo', 'DHL'],
    'bought' => ['REF-42'],
    'points' => 250,
    'lifetime_points' => 900,
    'attributes' => ['age' => 42, 'newsletter' => true, 'tier' => 'gold', 'score' => 4.5],
];

echo "--- present\n";
foreach ([
    'active', 'active == true',
    "groups == ['VIP', 'pro']", 'count(groups) == 2', "'VIP' in groups",
    'orders == 5', 'spent == 123456', 'points == 250', 'lifetime_points == 900',
    "city == 'Paris'", "postcode == '75011'", "country == 'FR'",
    "carriers == ['Colissimo', 'DHL']", "'DHL' in carriers", "'REF-42' in bought", 'count(bought) == 1',
    'days_since_first_order == 100', 'days_since_last_order == 3',
    'attr.age == 42', 'attr.newsletter', "attr.tier == 'gold'", 'attr.score == 4.5',
] as $e) {
    show($e, $full);
}

echo "--- missing keys\n";
foreach ([
    'active', 'count(groups) == 0', 'groups == []', "'VIP' not in groups",
    'count(carriers) == 0', "'DHL' not in carriers", 'count(bought) == 0', "'REF-42' not in bought",
    'orders == 0', 'spent == 0', 'points == 0', 'lifetime_points == 0',
    "city == 'Paris'", "city != 'Paris'", "not (city == 'Paris')",
    "postcode == '75011'", "postcode != '75011'", "country == 'FR'", "country != 'FR'",
    'days_since_first_order >= 0', 'days_since_first_order < 0', 'days_since_first_order != 0',
    'days_since_last_order >= 0', 'days_since_last_order < 0', 'days_since_last_order != 0',
    'attr.age == 42', 'attr.age != 42', 'attr.newsletter', 'not attr.newsletter',
] as $e) {
    show($e, []);
}

echo "--- null values are the same as missing keys\n";
$nulls = ['active' => null, 'groups' => null, 'orders' => null, 'spent' => null, 'first_order' => null,
    'last_order' => null, 'city' => null, 'postcode' => null, 'country' => null, 'carriers' => null,
    'bought' => null, 'points' => null, 'lifetime_points' => null, 'attributes' => ['age' => null]];
foreach ([
    'active', 'count(groups) == 0', 'orders == 0', 'spent == 0', 'points == 0', 'lifetime_points == 0',
    "city != 'Paris'", 'days_since_first_order >= 0', 'days_since_last_order >= 0', 'attr.age != 42',
    "count(carriers) + count(bought) == 0",
] as $e) {
    show($e, $nulls);
}
show('attr.age == 42', ['attributes' => []]);

echo "--- active\n";
show('active', ['active' => false]);
show('active == false', ['active' => false]);
show('not active', ['active' => false]); // disabled: in no custom segment
show('not active', ['active' => true]);

echo "--- days_since_X = floor((now - X) / 86400)\n";
show('days_since_last_order == 0', ['last_order' => NOW]);
show('days_since_last_order == 0', ['last_order' => NOW - 86399]);
show('days_since_last_order == 1', ['last_order' => NOW - 86400]);
show('days_since_last_order == 0 - 1', ['last_order' => NOW + 1]);
show('days_since_last_order == 0 - 1', ['last_order' => NOW + 86400]);
show('days_since_last_order == 0 - 2', ['last_order' => NOW + 86401]);
show('days_since_first_order == 365', ['first_order' => NOW - 365 * 86400 - 86399]);
show('days_since_first_order == 10 and days_since_last_order == 2',
    ['first_order' => '2023-11-04 22:13:20', 'last_order' => '2023-11-12 12:00:00']);
show('days_since_last_order == 3', ['last_order' => '-3 days']);

echo "--- \$now forms\n";
$c = ['last_order' => NOW - 5 * 86400];
show('days_since_last_order == 5', $c, NOW);
show('days_since_last_order == 5', $c, '2023-11-14 22:13:20');
show('days_since_last_order == 5', $c, new DateTimeImmutable('@' . NOW));
show('days_since_last_order == 6', $c, NOW + 86400);
?>
--EXPECT--
--- present
active => true
active == true => true
groups == ['VIP', 'pro'] => true
count(groups) == 2 => true
'VIP' in groups => true
orders == 5 => true
spent == 123456 => true
points == 250 => true
lifetime_points == 900 => true
city == 'Paris' => true
postcode == '75011' => true
country == 'FR' => true
carriers == ['Colissimo', 'DHL'] => true
'DHL' in carriers => true
'REF-42' in bought => true
count(bought) == 1 => true
days_since_first_order == 100 => true
days_since_last_order == 3 => true
attr.age == 42 => true
attr.newsletter => true
attr.tier == 'gold' => true
attr.score == 4.5 => true
--- missing keys
active => true
count(groups) == 0 => true
groups == [] => true
'VIP' not in groups => true
count(carriers) == 0 => true
'DHL' not in carriers => true
count(bought) == 0 => true
'REF-42' not in bought => true
orders == 0 => true
spent == 0 => true
points == 0 => true
lifetime_points == 0 => true
city == 'Paris' => false
city != 'Paris' => false
not (city == 'Paris') => true
postcode == '75011' => false
postcode != '75011' => false
country == 'FR' => false
country != 'FR' => false
days_since_first_order >= 0 => false
days_since_first_order < 0 => false
days_since_first_order != 0 => false
days_since_last_order >= 0 => false
days_since_last_order < 0 => false
days_since_last_order != 0 => false
attr.age == 42 => false
attr.age != 42 => false
attr.newsletter => false
not attr.newsletter => true
--- null values are the same as missing keys
active => true
count(groups) == 0 => true
orders == 0 => true
spent == 0 => true
points == 0 => true
lifetime_points == 0 => true
city != 'Paris' => false
days_since_first_order >= 0 => false
days_since_last_order >= 0 => false
attr.age != 42 => false
count(carriers) + count(bought) == 0 => true
attr.age == 42 => false
--- active
active => false
active == false => false
not active => false
not active => false
--- days_since_X = floor((now - X) / 86400)
days_since_last_order == 0 => true
days_since_last_order == 0 => true
days_since_last_order == 1 => true
days_since_last_order == 0 - 1 => true
days_since_last_order == 0 - 1 => true
days_since_last_order == 0 - 2 => true
days_since_first_order == 365 => true
days_since_first_order == 10 and days_since_last_order == 2 => true
days_since_last_order == 3 => true
--- $now forms
days_since_last_order == 5 => true
days_since_last_order == 5 => true
days_since_last_order == 5 => true
days_since_last_order == 6 => true
