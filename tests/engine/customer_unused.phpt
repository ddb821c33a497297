--TEST--
Customer fields the program does not read are not checked; null is the same as a missing key
--EXTENSIONS--
loyalty
--FILE--
<?php
use Loyalty\Engine;

$now = 1700000000;
$bad = [
    'city' => 1, 'postcode' => [], 'country' => 3.5, 'groups' => 'VIP', 'carriers' => 7,
    'bought' => [1, 2], 'spent' => 1.5, 'points' => '10', 'lifetime_points' => -1,
    'attributes' => 'nope', 'id' => [],
];

// built-ins only: they read active, orders, first_order, last_order and nothing else
$b = new Engine([]);
echo implode(',', $b->segmentsOf($bad + ['orders' => 2], $now)), "\n";
var_dump($b->inSegment('loyal', $bad + ['orders' => 2], $now));

// a program that reads only city: a bad groups/spent does not throw, a bad city does
$e = new Engine(['segments' => ['paris' => "city == 'Paris'"]]);
$ok = ['city' => 'Paris', 'groups' => 'VIP', 'spent' => 1.5, 'points' => '10', 'attributes' => ['x' => NAN]];
echo implode(',', $e->segmentsOf($ok, $now)), "\n";
try {
    $e->segmentsOf(['city' => 75], $now);
} catch (Loyalty\InputException $t) {
    echo $t->getMessage(), "\n";
}

// a program that reads groups only: a bad city passes
$g = new Engine(['segments' => ['vip' => "'VIP' in groups"]]);
echo implode(',', $g->segmentsOf(['groups' => ['VIP'], 'city' => ['not', 'a', 'string']], $now)), "\n";

// null is a missing key, for every field
$all = new Engine(['segments' => ['s' =>
    "not active or orders > 0 or spent > 0 or points > 0 or lifetime_points > 0 or city == 'x' or postcode == 'x'"
    . " or country == 'x' or 'a' in groups or 'a' in carriers or 'a' in bought or days_since_first_order >= 0"
    . " or days_since_last_order >= 0 or attr.x == 1",
    'defaults' => "active and orders == 0 and spent == 0 and points == 0 and lifetime_points == 0"
    . " and count(groups) == 0 and count(carriers) == 0 and count(bought) == 0",
]]);
$nulls = array_fill_keys(['active', 'orders', 'spent', 'points', 'lifetime_points', 'city', 'postcode', 'country',
    'groups', 'carriers', 'bought', 'first_order', 'last_order', 'attributes'], null);
echo implode(',', $all->segmentsOf($nulls, $now)), "\n";
echo implode(',', $all->segmentsOf([], $now)), "\n";
echo implode(',', $all->segmentsOf(['attributes' => ['x' => null]], $now)), "\n";
?>
--EXPECT--
all,customers,loyal
bool(true)
all,no_orders,paris
customer.city: expected string, got int
all,no_orders,vip
all,defaults,no_orders
all,defaults,no_orders
all,defaults,no_orders
