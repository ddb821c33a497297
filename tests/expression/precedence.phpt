--TEST--
Expressions: operator precedence and associativity
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

$c = ['orders' => 3, 'groups' => ['pro'], 'city' => 'Paris'];
echo "--- and binds tighter than or\n";
show('true or false and false', $c);          // true or (false and false)
show('(true or false) and false', $c);
show('false and false or true', $c);          // (false and false) or true
show('false and (false or true)', $c);
echo "--- not binds tighter than and / or, looser than comparisons\n";
show('not true or true', $c);                 // (not true) or true
show('not (true or true)', $c);
show('not false and false', $c);              // (not false) and false
show('not (false and false)', $c);
show('not orders > 5', $c);                   // not (orders > 5)
show("not 'pro' in groups", $c);              // not ('pro' in groups)
show("not city like 'p*'", $c);
show("not city == 'Lyon' and orders == 3", $c);
show('not not true', $c);
show('not not not true', $c);
echo "--- arithmetic binds tighter than comparisons; * and / tighter than + and -\n";
show('1 + 2 * 3 == 7', $c);
show('(1 + 2) * 3 == 9', $c);
show('2 * 3 + 1 == 7', $c);
show('orders + 1 > 3', $c);
show('1 + orders * 2 == 7', $c);
show('10 - 4 / 2 == 8', $c);
show('(10 - 4) / 2 == 3', $c);
show('orders * 2 in [6]', $c);
echo "--- left associativity\n";
show('10 - 4 - 3 == 3', $c);                  // (10 - 4) - 3
show('10 - (4 - 3) == 9', $c);
show('24 / 4 / 2 == 3', $c);                  // (24 / 4) / 2
show('24 / (4 / 2) == 12', $c);
show('8 / 2 * 2 == 8', $c);                   // (8 / 2) * 2
show('2 * 7 / 2 == 7', $c);                   // (2 * 7) / 2, not 2 * 3
show('7 / 2 * 2 == 6', $c);
echo "--- or/and chains\n";
show('false or false or false or true', $c);
show('true and true and true and false', $c);
show('false and true or true and true', $c);
show('(false and true or true) and false', $c);
?>
--EXPECT--
--- and binds tighter than or
true or false and false => true
(true or false) and false => false
false and false or true => true
false and (false or true) => false
--- not binds tighter than and / or, looser than comparisons
not true or true => true
not (true or true) => false
not false and false => false
not (false and false) => true
not orders > 5 => true
not 'pro' in groups => false
not city like 'p*' => false
not city == 'Lyon' and orders == 3 => true
not not true => true
not not not true => false
--- arithmetic binds tighter than comparisons; * and / tighter than + and -
1 + 2 * 3 == 7 => true
(1 + 2) * 3 == 9 => true
2 * 3 + 1 == 7 => true
orders + 1 > 3 => true
1 + orders * 2 == 7 => true
10 - 4 / 2 == 8 => true
(10 - 4) / 2 == 3 => true
orders * 2 in [6] => true
--- left associativity
10 - 4 - 3 == 3 => true
10 - (4 - 3) == 9 => true
24 / 4 / 2 == 3 => true
24 / (4 / 2) == 12 => true
8 / 2 * 2 == 8 => true
2 * 7 / 2 == 7 => true
7 / 2 * 2 == 6 => true
--- or/and chains
false or false or false or true => true
true and true and true and false => false
false and true or true and true => true
(false and true or true) and false => false
