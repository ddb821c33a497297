--TEST--
Expressions: comparison type errors, exact message, column and caret
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

// Both sides of a comparison have the same static type; lists and bools cannot be ordered.
foreach ([
    "orders == 'a'",
    "'a' != orders",
    'city < 3',
    'orders == true',
    'active < true',
    'active >= active',
    '(orders > 1) <= false',
    'groups < carriers',
    '[1] > [2]',
    'groups == [1]',
    'groups != orders',
    'attr.tier == groups',
    "lower(city) == 1",
    'count(groups) == groups',
    '1 < orders < 3',
    "city == 'a' == true",
] as $e) {
    err($e);
}
?>
--EXPECT--
segments.s: cannot compare number with string at column 8
orders == 'a'
       ^
segments.s: cannot compare string with number at column 5
'a' != orders
    ^
segments.s: cannot compare string with number at column 6
city < 3
     ^
segments.s: cannot compare number with bool at column 8
orders == true
       ^
segments.s: cannot order bools at column 8
active < true
       ^
segments.s: cannot order bools at column 8
active >= active
       ^
segments.s: cannot order bools at column 14
(orders > 1) <= false
             ^
segments.s: cannot order lists at column 8
groups < carriers
       ^
segments.s: cannot order lists at column 5
[1] > [2]
    ^
segments.s: cannot compare list of strings with list of numbers at column 8
groups == [1]
       ^
segments.s: cannot compare list of strings with number at column 8
groups != orders
       ^
segments.s: cannot compare attribute with list of strings at column 11
attr.tier == groups
          ^
segments.s: cannot compare string with number at column 13
lower(city) == 1
            ^
segments.s: cannot compare number with list of strings at column 15
count(groups) == groups
              ^
segments.s: comparisons cannot be chained; use 'and' at column 12
1 < orders < 3
           ^
segments.s: comparisons cannot be chained; use 'and' at column 13
city == 'a' == true
            ^
