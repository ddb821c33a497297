--TEST--
evaluate() and segmentsOf() check every documented customer key whatever the program reads; filter() and inSegment() only the fields the program's segments use (decisions); null is a missing key
--EXTENSIONS--
loyalty
--FILE--
<?php
use Loyalty\Engine;

$now = 1700000000;
$bad = [
    'city' => 1, 'postcode' => [], 'country' => 3.5, 'groups' => 'VIP', 'carriers' => 7,
    'bought' => [1, 2], 'spent' => 99.5, 'points' => '10', 'lifetime_points' => -1, 'orders' => '2',
    'active' => 1, 'first_order' => [], 'last_order' => 1.5,
    'attributes' => 'nope', 'id' => [], 'ledger' => 'none',
];
$cart = ['lines' => [['sku' => 'A', 'qty' => 1, 'price' => 4000]]];

// The issue's case: one advantage for `all` reads no customer field, yet a float `spent` is refused.
$e = new Engine(['advantages' => [['id' => 'a', 'segment' => 'all', 'tiers' => [['discount' => 100]]]]]);
foreach ($bad as $key => $value) {
    foreach (['segmentsOf', 'evaluate'] as $method) {
        try {
            $method === 'evaluate' ? $e->evaluate($cart, [$key => $value], $now) : $e->segmentsOf([$key => $value], $now);
            echo "$method $key: accepted\n";
        } catch (Loyalty\InputException $t) {
            echo "$method: ", $t->getMessage(), "\n";
        }
    }
}
// Attributes no expression reads are checked too; list items as well.
foreach ([['attributes' => ['unused' => NAN]], ['attributes' => ['nested' => ['x']]], ['attributes' => [3 => INF]],
          ['groups' => ['VIP', 2]], ['ledger' => [['type' => 'earn', 'points' => -1, 'at' => 1]]]] as $c) {
    try {
        $e->segmentsOf($c, $now);
        echo "accepted\n";
    } catch (Loyalty\InputException $t) {
        echo $t->getMessage(), "\n";
    }
}

// The batch paths read only what the program's segments read: built-ins read active, orders and the dates.
$batch = array_diff_key($bad, array_flip(['orders', 'active', 'first_order', 'last_order', 'id']));
var_dump($e->inSegment('all', $batch, $now));
echo json_encode($e->filter('all', [7 => $batch], $now)), "\n";
$paris = new Engine(['segments' => ['paris' => "city == 'Paris'"]]);
echo json_encode($paris->filter('paris', [['id' => 1, 'city' => 'Paris', 'spent' => 1.5, 'groups' => 'VIP']], $now)), "\n";
try {
    $paris->filter('paris', [['city' => 75]], $now);
} catch (Loyalty\InputException $t) {
    echo $t->getMessage(), "\n";
}

// Valid values of every key pass, and null is a missing key, for every field.
$good = ['id' => 'c1', 'active' => true, 'groups' => ['VIP'], 'orders' => 2, 'spent' => 9950,
    'first_order' => '2023-01-01 10:00:00', 'last_order' => 1690000000, 'city' => 'Paris', 'postcode' => '75011',
    'country' => 'FR', 'carriers' => ['DHL'], 'bought' => ['REF-1'], 'points' => 10, 'lifetime_points' => 50,
    'attributes' => ['rate' => 0.5, 'ok' => true, 'n' => null, 'name' => 'x', 3 => 4]];
echo implode(',', $e->segmentsOf($good, $now)), "\n";
echo $e->evaluate($cart, $good, $now)->pointsBalance, "\n";
$nulls = array_fill_keys(array_keys($bad), null);
echo implode(',', $e->segmentsOf($nulls, $now)), "\n";
echo $e->evaluate($cart, $nulls, $now)->total, "\n";
$all = new Engine(['segments' => ['defaults' => "active and orders == 0 and spent == 0 and points == 0 and lifetime_points == 0"
    . " and count(groups) == 0 and count(carriers) == 0 and count(bought) == 0 and not (city == 'x')"]]);
echo implode(',', $all->segmentsOf($nulls, $now)), "\n";
echo implode(',', $all->segmentsOf(['attributes' => ['x' => null]], $now)), "\n";
?>
--EXPECT--
segmentsOf: customer.city: expected string, got int
evaluate: customer.city: expected string, got int
segmentsOf: customer.postcode: expected string, got array
evaluate: customer.postcode: expected string, got array
segmentsOf: customer.country: expected string, got float
evaluate: customer.country: expected string, got float
segmentsOf: customer.groups: expected list of strings, got string
evaluate: customer.groups: expected list of strings, got string
segmentsOf: customer.carriers: expected list of strings, got int
evaluate: customer.carriers: expected list of strings, got int
segmentsOf: customer.bought[0]: expected string, got int
evaluate: customer.bought[0]: expected string, got int
segmentsOf: customer.spent: expected int (minor units), got float
evaluate: customer.spent: expected int (minor units), got float
segmentsOf: customer.points: expected int, got string
evaluate: customer.points: expected int, got string
segmentsOf: customer.lifetime_points: must be >= 0, got -1
evaluate: customer.lifetime_points: must be >= 0, got -1
segmentsOf: customer.orders: expected int, got string
evaluate: customer.orders: expected int, got string
segmentsOf: customer.active: expected bool, got int
evaluate: customer.active: expected bool, got int
segmentsOf: customer.first_order: expected int, DateTimeInterface or date string, got array
evaluate: customer.first_order: expected int, DateTimeInterface or date string, got array
segmentsOf: customer.last_order: expected int, DateTimeInterface or date string, got float
evaluate: customer.last_order: expected int, DateTimeInterface or date string, got float
segmentsOf: customer.attributes: expected array of scalars, got string
evaluate: customer.attributes: expected array of scalars, got string
segmentsOf: customer.id: expected int or string, got array
evaluate: customer.id: expected int or string, got array
segmentsOf: customer.ledger: expected Loyalty\Ledger or its entries, got string
evaluate: customer.ledger: expected Loyalty\Ledger or its entries, got string
customer.attributes.unused: expected a finite number, got NAN
customer.attributes.nested: expected a scalar, got array
customer.attributes.3: expected a finite number, got INF
customer.groups[1]: expected string, got int
customer.ledger[0].points: expected int >= 0, got a negative int
bool(true)
[7]
[1]
customers[0].city: expected string, got int
all,customers,loyal
10
all,no_orders
3900
all,defaults,no_orders
all,defaults,no_orders
