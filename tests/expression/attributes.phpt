--TEST--
Expressions: attr.NAME dynamic typing
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

// decisions.md: attr.NAME has a dynamic type; a value of the wrong kind at run time behaves as
// null (every comparison false); used as a condition it is true only when it is boolean true.
$c = ['attributes' => ['age' => 42, 'score' => 4.5, 'tier' => 'Gold', 'vip' => true, 'off' => false,
                       'one' => 1, 'str1' => '1', 'zero' => 0, 'empty' => '', 'Mixed_Case9' => 'x']];
echo "--- values of the right kind\n";
foreach ([
    'attr.age == 42', 'attr.age > 40', 'attr.age <= 41', 'attr.age != 41', 'attr.age == 42.0',
    'attr.score == 4.5', 'attr.score < 5', 'attr.score * 2 == 9', 'attr.age + attr.score == 46.5',
    "attr.tier == 'Gold'", "attr.tier != 'gold'", "attr.tier < 'H'", "attr.tier like 'g*'",
    "attr.tier in ['Gold', 'Silver']", "lower(attr.tier) == 'gold'",
    'attr.vip', 'attr.vip == true', 'attr.off == false', 'attr.vip != attr.off', 'not attr.off',
    "attr.empty == ''", "attr.Mixed_Case9 == 'x'", 'attr.one == attr.one', 'attr.age > attr.one',
] as $e) {
    show($e, $c);
}
echo "--- used as a condition: only boolean true is true\n";
foreach (['vip', 'off', 'one', 'str1', 'zero', 'tier', 'empty', 'missing'] as $k) {
    echo "attr.$k => ", var_export(check("attr.$k", $c), true), ', not => ',
        var_export(check("not attr.$k", $c), true), "\n";
}
echo "--- wrong kind at run time: every comparison false\n";
foreach ([
    "attr.age == '42'", "attr.age != '42'", "attr.age < 'z'", "attr.age like '4*'", "attr.age not like 'x'",
    "attr.str1 == 1", "attr.str1 != 1", "attr.str1 >= 0", "attr.str1 in [1]",
    "attr.vip == 1", "attr.vip != 1", "attr.one == true", "attr.one != true",
    "attr.tier == 0", "attr.tier != 0", "attr.tier + 1 > 0", "attr.tier * 0 == 0",
    "attr.one == attr.str1", "attr.one != attr.str1", "attr.vip != attr.tier",
    "lower(attr.age) == '42'", "lower(attr.age) != '42'",
] as $e) {
    show($e, $c);
}
echo "--- no attributes at all\n";
show('attr.age == 42', []);
show('attr.age != 42', []);
show('attr.age == 42', ['attributes' => []]);
show("attr.tier like '*'", []);
echo "--- names\n";
err('attr.x-y == 1');
err('attr.1x == 1');
err('attr. == 1');
err('attr == 1');
err('attr.a.b == 1');
err('attr.a in attr.b');
err('count(attr.a) == 1');
err('attr.a == groups');
err('attr.a < true');
?>
--EXPECT--
--- values of the right kind
attr.age == 42 => true
attr.age > 40 => true
attr.age <= 41 => false
attr.age != 41 => true
attr.age == 42.0 => true
attr.score == 4.5 => true
attr.score < 5 => true
attr.score * 2 == 9 => true
attr.age + attr.score == 46.5 => true
attr.tier == 'Gold' => true
attr.tier != 'gold' => true
attr.tier < 'H' => true
attr.tier like 'g*' => true
attr.tier in ['Gold', 'Silver'] => true
lower(attr.tier) == 'gold' => true
attr.vip => true
attr.vip == true => true
attr.off == false => true
attr.vip != attr.off => true
not attr.off => true
attr.empty == '' => true
attr.Mixed_Case9 == 'x' => true
attr.one == attr.one => true
attr.age > attr.one => true
--- used as a condition: only boolean true is true
attr.vip => true, not => false
attr.off => false, not => true
attr.one => false, not => true
attr.str1 => false, not => true
attr.zero => false, not => true
attr.tier => false, not => true
attr.empty => false, not => true
attr.missing => false, not => true
--- wrong kind at run time: every comparison false
attr.age == '42' => false
attr.age != '42' => false
attr.age < 'z' => false
attr.age like '4*' => false
attr.age not like 'x' => false
attr.str1 == 1 => false
attr.str1 != 1 => false
attr.str1 >= 0 => false
attr.str1 in [1] => false
attr.vip == 1 => false
attr.vip != 1 => false
attr.one == true => false
attr.one != true => false
attr.tier == 0 => false
attr.tier != 0 => false
attr.tier + 1 > 0 => false
attr.tier * 0 == 0 => false
attr.one == attr.str1 => false
attr.one != attr.str1 => false
attr.vip != attr.tier => false
lower(attr.age) == '42' => false
lower(attr.age) != '42' => false
--- no attributes at all
attr.age == 42 => false
attr.age != 42 => false
attr.age == 42 => false
attr.tier like '*' => false
--- names
segments.s: unknown field 'y' at column 8
attr.x-y == 1
       ^
segments.s: unknown field 'attr' at column 1
attr.1x == 1
^
segments.s: unknown field 'attr' at column 1
attr. == 1
^
segments.s: unknown field 'attr' at column 1
attr == 1
^
segments.s: unexpected character '.' at column 7
attr.a.b == 1
      ^
segments.s: 'in' needs a list on the right, got attribute at column 8
attr.a in attr.b
       ^
segments.s: count() needs a list, got attribute at column 7
count(attr.a) == 1
      ^
segments.s: cannot compare attribute with list of strings at column 8
attr.a == groups
       ^
segments.s: cannot order bools at column 8
attr.a < true
       ^
