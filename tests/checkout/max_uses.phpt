--TEST--
Checkout: max_uses per customer with the customer's uses (id => times used): used_up after disabled, before not_in_segment; a used-up advantage blocks nothing (SPEC 11)
--EXTENSIONS--
loyalty
--FILE--
<?php
use Loyalty\Engine;

$now = 1795000000;
$e = new Engine(['segments' => ['vip' => "'VIP' in groups"], 'advantages' => [
    ['id' => 'welcome', 'max_uses' => 1, 'tiers' => [['discount' => 500]]],
    ['id' => '42', 'segment' => 'vip', 'max_uses' => 3, 'tiers' => [['discount' => 100]]],
    ['id' => 'always', 'combinable' => true, 'tiers' => [['discount' => 10]]],
], 'loyalty' => ['brackets' => [['from' => 10, 'discount' => 200]]]]);
function show(string $title, Loyalty\Result $r): void
{
    printf("%s: discount %d | %s | %s\n", $title, $r->discount, implode(',', array_column($r->applied, 'id')),
        implode(' ', array_map(fn($x) => "{$x['id']}:{$x['reason']}" . (isset($x['missing']) ? "({$x['missing']})" : ''), $r->rejected)));
}
$cart = ['subtotal' => 1000];
show('never used', $e->evaluate($cart, ['groups' => ['VIP']], $now));
show('welcome used once', $e->evaluate($cart, ['groups' => ['VIP'], 'uses' => ['welcome' => 1]], $now));
show('digits as an int key', $e->evaluate($cart, ['groups' => ['VIP'], 'uses' => ['welcome' => 1, 42 => 2]], $now));
show('42 used up', $e->evaluate($cart, ['groups' => ['VIP'], 'uses' => ['welcome' => 5, '42' => 3]], $now));
show('used up, not in segment', $e->evaluate($cart, ['uses' => ['42' => 3, 'welcome' => 0, 'other' => 9]], $now));
show('disabled first', $e->evaluate($cart, ['active' => false, 'uses' => ['welcome' => 1]], $now));
// a used-up advantage does not block loyalty (advantage_wins needs an applied advantage)
$solo = new Engine(['advantages' => [['id' => 'welcome', 'max_uses' => 1, 'tiers' => [['discount' => 500]]]],
    'loyalty' => ['brackets' => [['from' => 10, 'discount' => 200]]]]);
show('loyalty after used_up', $solo->evaluate($cart, ['points' => 50, 'uses' => ['welcome' => 1]], $now));
echo $solo->evaluate($cart, ['uses' => ['welcome' => 2]], $now)->rejected[0]['message'], "\n";
echo $e->evaluate($cart, ['groups' => ['VIP'], 'uses' => ['42' => 3, 'welcome' => null]], $now)->rejected[0]['message'], "\n";
echo json_encode($solo->program()->toArray()['advantages'][0]), "\n";
echo json_encode((new Engine(['advantages' => [['id' => 'a', 'tiers' => [['discount' => 1]]]]]))->program()->toArray()['advantages'][0]), "\n";

// bad input, checked whatever the program reads
foreach ([['uses' => 'welcome'], ['uses' => ['welcome' => '1']], ['uses' => ['x' => -1]], ['uses' => ['welcome' => 1.0]], ['uses' => [7 => null]], ['uses' => [7 => []]]] as $c) {
    try {
        (new Engine([]))->evaluate($cart, $c, $now);
        echo "accepted\n";
    } catch (Loyalty\InputException $t) {
        echo $t->getMessage(), "\n";
    }
}
// bad settings
foreach ([0, -1, '1', 1.5, true] as $max) {
    try {
        Loyalty\Program::fromArray(['advantages' => [['id' => 'a', 'max_uses' => $max, 'tiers' => [['discount' => 1]]]]]);
        echo "accepted\n";
    } catch (Loyalty\ConfigException $t) {
        echo $t->getMessage(), "\n";
    }
}
?>
--EXPECT--
never used: discount 510 | welcome,always | 42:not_best loyalty:advantage_wins
welcome used once: discount 110 | 42,always | welcome:used_up loyalty:advantage_wins
digits as an int key: discount 110 | 42,always | welcome:used_up loyalty:advantage_wins
42 used up: discount 10 | always | welcome:used_up 42:used_up loyalty:advantage_wins
used up, not in segment: discount 510 | welcome,always | 42:used_up loyalty:advantage_wins
disabled first: discount 0 |  | welcome:disabled 42:disabled always:disabled loyalty:disabled
loyalty after used_up: discount 200 | loyalty | welcome:used_up
used_up: already used 2 times, at most 1 per customer
used_up: already used 3 times, at most 3 per customer
{"id":"welcome","label":"welcome","segment":"all","earn_points":true,"with_voucher":false,"combinable":false,"tiers_on":"amount","max_uses":1,"tiers":[{"from":0,"discount":500,"free_shipping":false}]}
{"id":"a","label":"a","segment":"all","earn_points":true,"with_voucher":false,"combinable":false,"tiers_on":"amount","tiers":[{"from":0,"discount":1,"free_shipping":false}]}
customer.uses: expected array of advantage id => int, got string
customer.uses.welcome: expected int, got string
customer.uses.x: must be >= 0, got -1
customer.uses.welcome: expected int, got float
accepted
customer.uses.7: expected int, got array
advantages[0].max_uses: must be >= 1, got 0
advantages[0].max_uses: must be >= 1, got -1
advantages[0].max_uses: expected int, got string
advantages[0].max_uses: expected int, got float
advantages[0].max_uses: expected int, got bool
