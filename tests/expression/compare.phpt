--TEST--
Expressions: ==, !=, <, <=, >, >= on numbers, strings, bools and lists
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

$c = ['orders' => 5, 'spent' => 1250, 'city' => 'Paris', 'country' => 'FR', 'postcode' => '75011',
      'groups' => ['VIP', 'pro'], 'carriers' => ['VIP', 'pro'], 'bought' => ['pro', 'VIP'], 'active' => true];

echo "--- numbers, all six operators\n";
foreach (['==', '!=', '<', '<=', '>', '>='] as $op) {
    $r = [];
    foreach ([4, 5, 6] as $n) {
        $r[] = "$n:" . var_export(check("orders $op $n", $c), true);
    }
    echo "orders $op N: ", implode(' ', $r), "\n";
}
show('5 == orders', $c);
show('6 > orders', $c);
show('spent > orders', $c);
show('orders * 250 == spent', $c);

echo "--- int and decimal compare by value\n";
show('orders == 5.0', $c);
show('orders != 5.0', $c);
show('orders < 5.5', $c);
show('orders > 4.99', $c);
show('orders >= 5.01', $c);
show('2.50 == 2.5', $c);
show('orders in [4.0, 5.0]', $c);

echo "--- strings: byte-exact, case-sensitive, ordered by bytes\n";
foreach (['==', '!=', '<', '<=', '>', '>='] as $op) {
    $r = [];
    foreach (['Lyon', 'Paris', 'Rome'] as $s) {
        $r[] = "$s:" . var_export(check("city $op '$s'", $c), true);
    }
    echo "city $op S: ", implode(' ', $r), "\n";
}
show("city == 'paris'", $c);
show("city != 'paris'", $c);
show("city == 'Paris '", $c);
show("city < 'Parisx'", $c);   // a prefix sorts first
show("city < 'paris'", $c);    // 'P' (0x50) < 'p' (0x70)
show("city == \"Paris\"", $c);
show("'Paris' == city", $c);
show("postcode < '8'", $c);
show("postcode > '750'", $c);
show("'é' == 'é'", $c);
show("'é' == 'É'", $c);
show("'é' > 'z'", $c);         // 0xC3 > 'z'
show("city == country", $c);
show("city != country", $c);

echo "--- bools: == and != only\n";
show('active == true', $c);
show('active != true', $c);
show('active == false', $c);
show('active != false', $c);
show('true == true', $c);
show('true != false', $c);
show('(orders > 1) == (spent > 1)', $c);
show('(orders > 9) == (spent > 1)', $c);
show('(orders > 9) != (spent > 1)', $c);

echo "--- lists: same elements, same order\n";
show("groups == ['VIP', 'pro']", $c);
show("groups == ['pro', 'VIP']", $c);
show("groups != ['pro', 'VIP']", $c);
show("groups == ['VIP']", $c);
show("groups != ['VIP', 'pro']", $c);
show("groups == ['VIP', 'pro', 'pro']", $c);
show('groups == carriers', $c);
show('groups == bought', $c);
show('groups != bought', $c);
show('groups == []', $c);
show('groups == []', []);
show('groups != []', []);
show('[1, 2] == [1, 2.0]', $c);
show('[1, 2] == [2, 1]', $c);
show('[] == []', $c);
show('[true, false] == [true, false]', $c);
show('[orders, spent] == [5, 1250]', $c);
?>
--EXPECT--
--- numbers, all six operators
orders == N: 4:false 5:true 6:false
orders != N: 4:true 5:false 6:true
orders < N: 4:false 5:false 6:true
orders <= N: 4:false 5:true 6:true
orders > N: 4:true 5:false 6:false
orders >= N: 4:true 5:true 6:false
5 == orders => true
6 > orders => true
spent > orders => true
orders * 250 == spent => true
--- int and decimal compare by value
orders == 5.0 => true
orders != 5.0 => false
orders < 5.5 => true
orders > 4.99 => true
orders >= 5.01 => false
2.50 == 2.5 => true
orders in [4.0, 5.0] => true
--- strings: byte-exact, case-sensitive, ordered by bytes
city == S: Lyon:false Paris:true Rome:false
city != S: Lyon:true Paris:false Rome:true
city < S: Lyon:false Paris:false Rome:true
city <= S: Lyon:false Paris:true Rome:true
city > S: Lyon:true Paris:false Rome:false
city >= S: Lyon:true Paris:true Rome:false
city == 'paris' => false
city != 'paris' => true
city == 'Paris ' => false
city < 'Parisx' => true
city < 'paris' => true
city == "Paris" => true
'Paris' == city => true
postcode < '8' => true
postcode > '750' => true
'é' == 'é' => true
'é' == 'É' => false
'é' > 'z' => true
city == country => false
city != country => true
--- bools: == and != only
active == true => true
active != true => false
active == false => false
active != false => true
true == true => true
true != false => true
(orders > 1) == (spent > 1) => true
(orders > 9) == (spent > 1) => false
(orders > 9) != (spent > 1) => true
--- lists: same elements, same order
groups == ['VIP', 'pro'] => true
groups == ['pro', 'VIP'] => false
groups != ['pro', 'VIP'] => true
groups == ['VIP'] => false
groups != ['VIP', 'pro'] => false
groups == ['VIP', 'pro', 'pro'] => false
groups == carriers => true
groups == bought => false
groups != bought => true
groups == [] => false
groups == [] => true
groups != [] => false
[1, 2] == [1, 2.0] => true
[1, 2] == [2, 1] => false
[] == [] => true
[true, false] == [true, false] => true
[orders, spent] == [5, 1250] => true
