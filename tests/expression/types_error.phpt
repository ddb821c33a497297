--TEST--
Expressions: static type errors and unknown names, exact messages
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

// SPEC 10 static types: bool, number, string, list, dynamic (attr.*)
foreach ([
    // x in L needs a list of x's type
    '3 in groups',
    // like takes a string and a string literal
    "orders like 'x'",
    // both sides of a comparison have the same type
    "orders == 'a'",
    // lists and bools cannot be ordered
    'active > false',
    'groups <= bought',
    // and / or / not take conditions
    '1 and 2',
    'orders > 1 and spent',
    "true or city",
    'not count(groups)',
    // the whole expression is a condition
    'orders',
    'orders + 1',
    "'Paris'",
    'bought',
    '[true]',
    // unknown field / function / segment
    'foo == 1',
    'Orders > 1',
    "attr == 'x'",
    'days_since_order > 3',
    'frobnicate(city)',
    "segment('vip')",
    // wrong arity
    'count(groups, bought) > 0',
    // int literal above PHP_INT_MAX
    'spent > 9223372036854775808',
    // unary minus, exponent
    'orders > -5',
    'spent > 5e3',
    // keywords are lowercase: AND is an unknown field
    'active and AND',
    'AND',
    'active == TRUE',
    'NOT active',
    "city In ['a']",
    "city Like 'a'",
] as $e) {
    err($e);
}
?>
--EXPECT--
segments.s: 'in' needs a list of numbers on the right, got list of strings at column 3
3 in groups
  ^
segments.s: 'like' needs a string on the left, got number at column 8
orders like 'x'
       ^
segments.s: cannot compare number with string at column 8
orders == 'a'
       ^
segments.s: cannot order bools at column 8
active > false
       ^
segments.s: cannot order lists at column 8
groups <= bought
       ^
segments.s: 'and' needs conditions, got number at column 1
1 and 2
^
segments.s: 'and' needs conditions, got number at column 16
orders > 1 and spent
               ^
segments.s: 'or' needs conditions, got string at column 9
true or city
        ^
segments.s: 'not' needs a condition, got number at column 1
not count(groups)
^
segments.s: expression must be a condition, got number at column 1
orders
^
segments.s: expression must be a condition, got number at column 1
orders + 1
^
segments.s: expression must be a condition, got string at column 1
'Paris'
^
segments.s: expression must be a condition, got list of strings at column 1
bought
^
segments.s: expression must be a condition, got list of bools at column 1
[true]
^
segments.s: unknown field 'foo' at column 1
foo == 1
^
segments.s: unknown field 'Orders' at column 1
Orders > 1
^
segments.s: unknown field 'attr' at column 1
attr == 'x'
^
segments.s: unknown field 'days_since_order' at column 1
days_since_order > 3
^
segments.s: unknown function 'frobnicate' at column 1
frobnicate(city)
^
segments.s: unknown segment 'vip' at column 9
segment('vip')
        ^
segments.s: count() takes 1 argument at column 13
count(groups, bought) > 0
            ^
segments.s: integer literal exceeds PHP_INT_MAX at column 9
spent > 9223372036854775808
        ^
segments.s: unary minus is not supported at column 10
orders > -5
         ^
segments.s: unexpected name 'e3' at column 10
spent > 5e3
         ^
segments.s: unknown field 'AND' at column 12
active and AND
           ^
segments.s: unknown field 'AND' at column 1
AND
^
segments.s: unknown field 'TRUE' at column 11
active == TRUE
          ^
segments.s: unknown field 'NOT' at column 1
NOT active
^
segments.s: unexpected name 'In' at column 6
city In ['a']
     ^
segments.s: unexpected name 'Like' at column 6
city Like 'a'
     ^
