--TEST--
Expressions: lower(), count(), segment() and function errors
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

$c = ['city' => 'PaRiS', 'country' => 'fr', 'groups' => ['VIP', 'pro', 'b2b'], 'carriers' => ['DHL'],
      'orders' => 3, 'attributes' => ['tier' => 'GOLD', 'n' => 5]];
echo "--- lower(): ASCII only, like PHP 8.2 strtolower()\n";
show("lower(city) == 'paris'", $c);
show("lower(city) == 'PaRiS'", $c);
show("lower(city) == city", $c);
show("'paris' == lower(city)", $c);
show("lower(city) != 'paris'", $c);
show("lower(city) in ['lyon', 'paris']", $c);
show("lower(city) < 'q'", $c);
show("lower(lower(city)) == 'paris'", $c);
show("lower('ABC-123_xyz') == 'abc-123_xyz'", $c);
show("lower('') == ''", $c);
show("lower(country) == 'fr'", $c);
show("lower(attr.tier) == 'gold'", $c);
show("lower(attr.n) == '5'", $c);                       // not a string at run time: null
show("lower('ÉCOLE') == 'École'", $c);
show("lower('ÉCOLE') == 'école'", $c);
show("lower(city) == 'x'", []);
show("lower(city) != 'x'", []);
var_dump(strtolower('ÉCOLE') === 'École');
echo "--- count()\n";
show('count(groups) == 3', $c);
show('count(carriers) == 1', $c);
show('count(bought) == 0', $c);
show('count(groups) > count(carriers)', $c);
show('count(groups) + count(carriers) == 4', $c);
show('count([1, 2, 3]) == 3', $c);
show("count(['a']) == 1", $c);
show('count([]) == 0', $c);
show('count([orders, orders]) == 2', $c);
show('count(groups) == 0', []);
echo "--- segment()\n";
show("segment('all')", $c);
show("segment('customers')", $c);
show("segment('loyal')", $c);
show("segment('no_orders')", $c);
show("segment(\"loyal\")", $c);
show("not segment('no_orders')", $c);
show("segment('loyal') == true", $c);
show("segment('loyal') and lower(city) == 'paris' and count(groups) >= 3", $c);
echo "--- errors\n";
err('bar(1)');
err('LOWER(city) == "x"');
err("Count(groups) == 1");
err("segments('all')");
err('count() == 0');
err('count(groups, carriers) == 0');
err("lower() == 'x'");
err("lower(city, country) == 'x'");
err("segment()");
err("segment('all', 'loyal')");
err("segment(city)");
err("segment(1)");
err("segment('nope')");
err("segment('ALL')");
err("lower(1) == 'a'");
err("lower(groups) == 'a'");
err("count(city) == 1");
err("count(attr.list) == 1");
err("count(groups)");
err("lower(city)");
err("segment('loyal') > 1");
err("lower city == 'x'");
err("count[groups] == 1");
?>
--EXPECT--
--- lower(): ASCII only, like PHP 8.2 strtolower()
lower(city) == 'paris' => true
lower(city) == 'PaRiS' => false
lower(city) == city => false
'paris' == lower(city) => true
lower(city) != 'paris' => false
lower(city) in ['lyon', 'paris'] => true
lower(city) < 'q' => true
lower(lower(city)) == 'paris' => true
lower('ABC-123_xyz') == 'abc-123_xyz' => true
lower('') == '' => true
lower(country) == 'fr' => true
lower(attr.tier) == 'gold' => true
lower(attr.n) == '5' => false
lower('ÉCOLE') == 'École' => true
lower('ÉCOLE') == 'école' => false
lower(city) == 'x' => false
lower(city) != 'x' => false
bool(true)
--- count()
count(groups) == 3 => true
count(carriers) == 1 => true
count(bought) == 0 => true
count(groups) > count(carriers) => true
count(groups) + count(carriers) == 4 => true
count([1, 2, 3]) == 3 => true
count(['a']) == 1 => true
count([]) == 0 => true
count([orders, orders]) == 2 => true
count(groups) == 0 => true
--- segment()
segment('all') => true
segment('customers') => true
segment('loyal') => true
segment('no_orders') => false
segment("loyal") => true
not segment('no_orders') => true
segment('loyal') == true => true
segment('loyal') and lower(city) == 'paris' and count(groups) >= 3 => true
--- errors
segments.s: unknown function 'bar' at column 1
bar(1)
^
segments.s: unknown function 'LOWER' at column 1
LOWER(city) == "x"
^
segments.s: unknown function 'Count' at column 1
Count(groups) == 1
^
segments.s: unknown function 'segments' at column 1
segments('all')
^
segments.s: count() takes 1 argument at column 7
count() == 0
      ^
segments.s: count() takes 1 argument at column 13
count(groups, carriers) == 0
            ^
segments.s: lower() takes 1 argument at column 7
lower() == 'x'
      ^
segments.s: lower() takes 1 argument at column 11
lower(city, country) == 'x'
          ^
segments.s: segment() takes 1 argument at column 9
segment()
        ^
segments.s: segment() takes 1 argument at column 14
segment('all', 'loyal')
             ^
segments.s: segment() takes a string literal at column 9
segment(city)
        ^
segments.s: segment() takes a string literal at column 9
segment(1)
        ^
segments.s: unknown segment 'nope' at column 9
segment('nope')
        ^
segments.s: unknown segment 'ALL' at column 9
segment('ALL')
        ^
segments.s: lower() needs a string, got number at column 7
lower(1) == 'a'
      ^
segments.s: lower() needs a string, got list of strings at column 7
lower(groups) == 'a'
      ^
segments.s: count() needs a list, got string at column 7
count(city) == 1
      ^
segments.s: count() needs a list, got attribute at column 7
count(attr.list) == 1
      ^
segments.s: expression must be a condition, got number at column 1
count(groups)
^
segments.s: expression must be a condition, got string at column 1
lower(city)
^
segments.s: cannot compare bool with number at column 18
segment('loyal') > 1
                 ^
segments.s: unknown field 'lower' at column 1
lower city == 'x'
^
segments.s: unknown field 'count' at column 1
count[groups] == 1
^
