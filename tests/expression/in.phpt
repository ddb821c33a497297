--TEST--
Expressions: in / not in with literal lists and customer lists
--EXTENSIONS--
loyalty
--INI--
date.timezone=UTC
--FILE--
<?php
const NOW = 1700000000; // 2023-11-14 22:13:20 UTC

function check(string $expr, array $customer = [], $now = NOW): bool {
    $p = Loyalty\Program::fromArray(['segments' => ['s' => $expr]]);
    return (new Loyalty\Engine($p))->inSegment('s', $customer, $now);
}
function show(string $expr, array $customer = []): void {
    echo $expr, ' => ', var_export(check($expr, $customer), true), "\n";
}
function err(string $expr): void {
    try {
        check($expr);
        echo "compiled: $expr\n";
    } catch (Loyalty\ExpressionException $e) {
        echo $e->getMessage(), "\n";
    }
}

$c = ['orders' => 2, 'city' => 'Paris', 'country' => 'BE', 'groups' => ['VIP', 'pro'],
      'carriers' => ['SoColissimo', 'Paris'], 'bought' => ['REF-42', 'REF-7'], 'active' => true,
      'attributes' => ['tier' => 'gold', 'level' => 3, 'flag' => true]];

echo "--- literal lists\n";
show("country in ['FR', 'BE']", $c);
show("country in ['FR', 'DE']", $c);
show("country not in ['FR', 'BE']", $c);
show("country not in ['FR', 'DE']", $c);
show("country in ['be']", $c);                 // byte-exact
show("country in []", $c);
show("country not in []", $c);
show("country in ['BE', 'BE']", $c);
show('orders in [1, 2, 3]', $c);
show('orders in [1, 3]', $c);
show('orders not in [1, 3]', $c);
show('orders in [1.5, 2.0]', $c);              // numbers by value
show('orders in [orders]', $c);
show('orders in [1 + 1]', $c);
show('orders * 2 in [3, 4]', $c);
show('active in [true]', $c);
show('active in [false]', $c);
show('active not in [false]', $c);
show("city in [country, 'Paris']", $c);
show("'Paris' in [city]", $c);

echo "--- customer lists\n";
show("'pro' in groups", $c);
show("'PRO' in groups", $c);
show("'pro' not in groups", $c);
show("'wholesale' in groups", $c);
show("'wholesale' not in groups", $c);
show("'SoColissimo' in carriers", $c);
show("'REF-42' in bought", $c);
show("'REF-4' in bought", $c);
show('city in carriers', $c);
show('country in carriers', $c);
show('country not in carriers', $c);
show("lower('VIP') in groups", $c);
show("'pro' in groups and 'VIP' in groups and 'x' not in groups", $c);
show("'x' in groups", []);
show("'x' not in groups", []);
show("'x' not in carriers and 'x' not in bought", []);

echo "--- attributes\n";
show("attr.tier in ['gold', 'silver']", $c);
show("attr.tier not in ['gold', 'silver']", $c);
show('attr.level in [1, 2, 3]', $c);
show('attr.flag in [true]', $c);
show('attr.tier in groups', ['attributes' => ['tier' => 'pro'], 'groups' => ['pro']]);
show("attr.level in ['3']", $c);               // wrong kind at run time: null

echo "--- type errors\n";
err('3 in groups');
err("'a' in ['b', 1]");
err("city in [1, 2]");
err("'pro' in city");
err('groups in [1]');
err("orders not in ['a']");
err("active in ['a']");
err("'a' in attr.list");
err("'a' not groups");
err("[1, [2]] == [1]");
?>
--EXPECT--
--- literal lists
country in ['FR', 'BE'] => true
country in ['FR', 'DE'] => false
country not in ['FR', 'BE'] => false
country not in ['FR', 'DE'] => true
country in ['be'] => false
country in [] => false
country not in [] => true
country in ['BE', 'BE'] => true
orders in [1, 2, 3] => true
orders in [1, 3] => false
orders not in [1, 3] => true
orders in [1.5, 2.0] => true
orders in [orders] => true
orders in [1 + 1] => true
orders * 2 in [3, 4] => true
active in [true] => true
active in [false] => false
active not in [false] => true
city in [country, 'Paris'] => true
'Paris' in [city] => true
--- customer lists
'pro' in groups => true
'PRO' in groups => false
'pro' not in groups => false
'wholesale' in groups => false
'wholesale' not in groups => true
'SoColissimo' in carriers => true
'REF-42' in bought => true
'REF-4' in bought => false
city in carriers => true
country in carriers => false
country not in carriers => true
lower('VIP') in groups => false
'pro' in groups and 'VIP' in groups and 'x' not in groups => true
'x' in groups => false
'x' not in groups => true
'x' not in carriers and 'x' not in bought => true
--- attributes
attr.tier in ['gold', 'silver'] => true
attr.tier not in ['gold', 'silver'] => false
attr.level in [1, 2, 3] => true
attr.flag in [true] => true
attr.tier in groups => true
attr.level in ['3'] => false
--- type errors
segments.s: 'in' needs a list of numbers on the right, got list of strings at column 3
3 in groups
  ^
segments.s: list elements must have one type: number after string at column 14
'a' in ['b', 1]
             ^
segments.s: 'in' needs a list of strings on the right, got list of numbers at column 6
city in [1, 2]
     ^
segments.s: 'in' needs a list on the right, got string at column 7
'pro' in city
      ^
segments.s: 'in' needs a value on the left, got list of strings at column 8
groups in [1]
       ^
segments.s: 'in' needs a list of numbers on the right, got list of strings at column 8
orders not in ['a']
       ^
segments.s: 'in' needs a list of bools on the right, got list of strings at column 8
active in ['a']
       ^
segments.s: 'in' needs a list on the right, got attribute at column 5
'a' in attr.list
    ^
segments.s: expected 'in' or 'like' after 'not' at column 9
'a' not groups
        ^
segments.s: lists cannot be nested at column 5
[1, [2]] == [1]
    ^
