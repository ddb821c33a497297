--TEST--
Expressions: syntax errors, exact messages with column and caret
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

foreach ([
    '', '   ', 'orders >', '(orders > 1', 'orders > 1)', '()', "[1, 2", "orders in [1,]", "orders in [,1]",
    'orders > 1 and', 'and orders > 1', 'orders > 1 or or orders < 2', 'not',
    'orders = 1', 'orders === 1', 'orders <> 1', 'orders >> 1', 'orders ** 2 > 1',
    'orders > 1 && orders < 3', 'orders > 1 || true', '!active', 'orders % 2 == 0', 'orders ^ 2 > 1',
    'orders > 1;', 'city @ 1', 'orders 1', "city 'x'", 'orders not > 1', "'a' not groups",
    "city like 'a' + 'b'", 'orders in', 'city like', "city == 'x' city == 'y'",
    "orders > 1 AND orders < 3", "lower(city == 'x'", "count groups", '[', ']', ',', 'orders > 1,',
    "active and (orders > 1))",
] as $e) {
    echo '[', json_encode($e), "]\n";
    err($e);
}
?>
--EXPECT--
[""]
segments.s: empty expression at column 1

^
["   "]
segments.s: empty expression at column 4
   
   ^
["orders >"]
segments.s: unexpected end of expression at column 9
orders >
        ^
["(orders > 1"]
segments.s: expected ')', found end of expression at column 12
(orders > 1
           ^
["orders > 1)"]
segments.s: unexpected ')' at column 11
orders > 1)
          ^
["()"]
segments.s: unexpected ')' at column 2
()
 ^
["[1, 2"]
segments.s: expected ']', found end of expression at column 6
[1, 2
     ^
["orders in [1,]"]
segments.s: unexpected ']' at column 14
orders in [1,]
             ^
["orders in [,1]"]
segments.s: unexpected ',' at column 12
orders in [,1]
           ^
["orders > 1 and"]
segments.s: unexpected end of expression at column 15
orders > 1 and
              ^
["and orders > 1"]
segments.s: unexpected 'and' at column 1
and orders > 1
^
["orders > 1 or or orders < 2"]
segments.s: unexpected 'or' at column 15
orders > 1 or or orders < 2
              ^
["not"]
segments.s: unexpected end of expression at column 4
not
   ^
["orders = 1"]
segments.s: unexpected character '=' at column 8
orders = 1
       ^
["orders === 1"]
segments.s: unexpected character '=' at column 10
orders === 1
         ^
["orders <> 1"]
segments.s: unexpected '>' at column 9
orders <> 1
        ^
["orders >> 1"]
segments.s: unexpected '>' at column 9
orders >> 1
        ^
["orders ** 2 > 1"]
segments.s: unexpected '*' at column 9
orders ** 2 > 1
        ^
["orders > 1 && orders < 3"]
segments.s: unexpected character '&' at column 12
orders > 1 && orders < 3
           ^
["orders > 1 || true"]
segments.s: unexpected character '|' at column 12
orders > 1 || true
           ^
["!active"]
segments.s: unexpected character '!' at column 1
!active
^
["orders % 2 == 0"]
segments.s: unexpected character '%' at column 8
orders % 2 == 0
       ^
["orders ^ 2 > 1"]
segments.s: unexpected character '^' at column 8
orders ^ 2 > 1
       ^
["orders > 1;"]
segments.s: unexpected character ';' at column 11
orders > 1;
          ^
["city @ 1"]
segments.s: unexpected character '@' at column 6
city @ 1
     ^
["orders 1"]
segments.s: unexpected number '1' at column 8
orders 1
       ^
["city 'x'"]
segments.s: unexpected string at column 6
city 'x'
     ^
["orders not > 1"]
segments.s: expected 'in' or 'like' after 'not' at column 12
orders not > 1
           ^
["'a' not groups"]
segments.s: expected 'in' or 'like' after 'not' at column 9
'a' not groups
        ^
["city like 'a' + 'b'"]
segments.s: unexpected '+' at column 15
city like 'a' + 'b'
              ^
["orders in"]
segments.s: unexpected end of expression at column 10
orders in
         ^
["city like"]
segments.s: 'like' needs a string literal pattern at column 10
city like
         ^
["city == 'x' city == 'y'"]
segments.s: unexpected name 'city' at column 13
city == 'x' city == 'y'
            ^
["orders > 1 AND orders < 3"]
segments.s: unexpected name 'AND' at column 12
orders > 1 AND orders < 3
           ^
["lower(city == 'x'"]
segments.s: lower() needs a string, got bool at column 7
lower(city == 'x'
      ^
["count groups"]
segments.s: unknown field 'count' at column 1
count groups
^
["["]
segments.s: unexpected end of expression at column 2
[
 ^
["]"]
segments.s: unexpected ']' at column 1
]
^
[","]
segments.s: unexpected ',' at column 1
,
^
["orders > 1,"]
segments.s: unexpected ',' at column 11
orders > 1,
          ^
["active and (orders > 1))"]
segments.s: unexpected ')' at column 24
active and (orders > 1))
                       ^
