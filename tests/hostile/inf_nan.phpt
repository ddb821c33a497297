--TEST--
Hostile: INF, -INF and NAN wherever a number is taken (settings, cart, customer, ledger, dates) are refused naming the path
--EXTENSIONS--
loyalty
--FILE--
<?php
use Loyalty\{Engine, Program, Ledger};
function show(string $label, callable $f) {
    try {
        $r = json_encode($f());
        echo "$label: $r\n";
    } catch (Throwable $x) {
        echo "$label: ", get_class($x), ' ', $x->getMessage(), "\n";
    }
}

echo "--- settings arrays\n";
foreach ([NAN, INF, -INF] as $v) {
    $n = var_export($v, true);
    show("percent $n", fn() => Program::fromArray(['advantages' => [['id' => 'a', 'tiers' => [['discount_percent' => $v]]]]]));
    show("from $n", fn() => Program::fromArray(['advantages' => [['id' => 'a', 'tiers' => [['from' => $v, 'discount' => 1]]]]]));
    show("max_percent $n", fn() => Program::fromArray(['loyalty' => ['spend' => ['max_percent' => $v]]]));
    show("coupon percent $n", fn() => Program::fromArray(['loyalty' => ['rewards' => ['threshold' => 1, 'coupon' => ['discount_percent' => $v]]]]));
    show("segment $n", fn() => Program::fromArray(['segments' => ['x' => $v]]));
    show("rounding $n", fn() => Program::fromArray(['rounding' => $v]));
}
echo "--- settings JSON (1e999 decodes to INF)\n";
show('json percent', fn() => Program::fromJson('{"advantages": [{"id": "a", "tiers": [{"discount_percent": 1e999}]}]}'));
show('json -percent', fn() => Program::fromJson('{"advantages": [{"id": "a", "tiers": [{"discount_percent": -1e999}]}]}'));
show('json tiny', fn() => Program::fromJson('{"advantages": [{"id": "a", "tiers": [{"discount_percent": 1e-999}]}]}')->toArray()['advantages'][0]['tiers']);
show('json NaN literal', fn() => Program::fromJson('{"rounding": NaN}'));

echo "--- cart and customer\n";
$e = new Engine(['segments' => ['big' => 'attr.score > 1', 'rich' => 'spent > 1'],
    'loyalty' => ['brackets' => [['from' => 1, 'discount' => 1]]]]);
foreach ([NAN, INF, -INF] as $v) {
    $n = var_export($v, true);
    show("price $n", fn() => $e->evaluate(['lines' => [['qty' => 1, 'price' => $v]]], []));
    show("qty $n", fn() => $e->evaluate(['lines' => [['qty' => $v, 'price' => 1]]], []));
    show("subtotal $n", fn() => $e->evaluate(['subtotal' => $v], []));
    show("use_points $n", fn() => $e->evaluate(['subtotal' => 1, 'use_points' => $v], []));
    show("spent $n", fn() => $e->segmentsOf(['spent' => $v], 1));
    show("orders $n", fn() => $e->segmentsOf(['orders' => $v], 1));
    show("attr $n", fn() => $e->segmentsOf(['attributes' => ['score' => $v]], 1));
    show("date $n", fn() => $e->segmentsOf(['last_order' => $v], 1));
    show("groups $n", fn() => $e->segmentsOf(['groups' => [$v]], 1));
}

echo "--- ledger\n";
$l = new Ledger(Program::fromArray([]));
$l->earn(5, 100);
show('entry points NAN', fn() => new Ledger(Program::fromArray([]), [['type' => 'earn', 'points' => NAN, 'at' => 1]]));
show('entry at INF', fn() => new Ledger(Program::fromArray([]), [['type' => 'earn', 'points' => 1, 'at' => INF]]));
show('entry ref NAN', fn() => new Ledger(Program::fromArray([]), [['type' => 'earn', 'points' => 1, 'at' => 1, 'ref' => NAN]]));
show('spend NAN', fn() => $l->spend(NAN, 200));
show('spend at -INF', fn() => $l->spend(1, -INF));
show('customer ledger', fn() => $e->segmentsOf(['ledger' => [['type' => 'grant', 'points' => INF, 'at' => 1]]], 1));
show('ledger of one customer among many', fn() => (new Engine(['segments' => ['pts' => 'points > 0']]))
    ->filter('pts', ['ann' => [], 'bob' => ['ledger' => [['type' => 'grant', 'points' => 1, 'at' => NAN]]]], 1));
show('unchanged', fn() => $l->balance(200));
?>
--EXPECT--
--- settings arrays
percent NAN: Loyalty\ConfigException advantages[0].tiers[0].discount_percent: must be between 0 and 100, got NAN
from NAN: Loyalty\ConfigException advantages[0].tiers[0].from: expected int (minor units), got float
max_percent NAN: Loyalty\ConfigException loyalty.spend.max_percent: must be between 0 and 100, got NAN
coupon percent NAN: Loyalty\ConfigException loyalty.rewards.coupon.discount_percent: must be between 0 and 100, got NAN
segment NAN: Loyalty\ConfigException segments.x: expected string (expression), got float
rounding NAN: Loyalty\ConfigException rounding: expected string, got float
percent INF: Loyalty\ConfigException advantages[0].tiers[0].discount_percent: must be between 0 and 100, got INF
from INF: Loyalty\ConfigException advantages[0].tiers[0].from: expected int (minor units), got float
max_percent INF: Loyalty\ConfigException loyalty.spend.max_percent: must be between 0 and 100, got INF
coupon percent INF: Loyalty\ConfigException loyalty.rewards.coupon.discount_percent: must be between 0 and 100, got INF
segment INF: Loyalty\ConfigException segments.x: expected string (expression), got float
rounding INF: Loyalty\ConfigException rounding: expected string, got float
percent -INF: Loyalty\ConfigException advantages[0].tiers[0].discount_percent: must be between 0 and 100, got -INF
from -INF: Loyalty\ConfigException advantages[0].tiers[0].from: expected int (minor units), got float
max_percent -INF: Loyalty\ConfigException loyalty.spend.max_percent: must be between 0 and 100, got -INF
coupon percent -INF: Loyalty\ConfigException loyalty.rewards.coupon.discount_percent: must be between 0 and 100, got -INF
segment -INF: Loyalty\ConfigException segments.x: expected string (expression), got float
rounding -INF: Loyalty\ConfigException rounding: expected string, got float
--- settings JSON (1e999 decodes to INF)
json percent: Loyalty\ConfigException advantages[0].tiers[0].discount_percent: must be between 0 and 100, got INF
json -percent: Loyalty\ConfigException advantages[0].tiers[0].discount_percent: must be between 0 and 100, got -INF
json tiny: [{"from":0,"discount_percent":0,"free_shipping":false}]
json NaN literal: Loyalty\ConfigException settings: invalid JSON: Syntax error
--- cart and customer
price NAN: Loyalty\InputException cart.lines[0].price: expected int (minor units), got float
qty NAN: Loyalty\InputException cart.lines[0].qty: expected int, got float
subtotal NAN: Loyalty\InputException cart.subtotal: expected int (minor units), got float
use_points NAN: Loyalty\InputException cart.use_points: expected bool or int, got float
spent NAN: Loyalty\InputException customer.spent: expected int (minor units), got float
orders NAN: Loyalty\InputException customer.orders: expected int, got float
attr NAN: Loyalty\InputException customer.attributes.score: expected a finite number, got NAN
date NAN: Loyalty\InputException customer.last_order: expected int, DateTimeInterface or date string, got float
groups NAN: Loyalty\InputException customer.groups[0]: expected string, got float
price INF: Loyalty\InputException cart.lines[0].price: expected int (minor units), got float
qty INF: Loyalty\InputException cart.lines[0].qty: expected int, got float
subtotal INF: Loyalty\InputException cart.subtotal: expected int (minor units), got float
use_points INF: Loyalty\InputException cart.use_points: expected bool or int, got float
spent INF: Loyalty\InputException customer.spent: expected int (minor units), got float
orders INF: Loyalty\InputException customer.orders: expected int, got float
attr INF: Loyalty\InputException customer.attributes.score: expected a finite number, got INF
date INF: Loyalty\InputException customer.last_order: expected int, DateTimeInterface or date string, got float
groups INF: Loyalty\InputException customer.groups[0]: expected string, got float
price -INF: Loyalty\InputException cart.lines[0].price: expected int (minor units), got float
qty -INF: Loyalty\InputException cart.lines[0].qty: expected int, got float
subtotal -INF: Loyalty\InputException cart.subtotal: expected int (minor units), got float
use_points -INF: Loyalty\InputException cart.use_points: expected bool or int, got float
spent -INF: Loyalty\InputException customer.spent: expected int (minor units), got float
orders -INF: Loyalty\InputException customer.orders: expected int, got float
attr -INF: Loyalty\InputException customer.attributes.score: expected a finite number, got -INF
date -INF: Loyalty\InputException customer.last_order: expected int, DateTimeInterface or date string, got float
groups -INF: Loyalty\InputException customer.groups[0]: expected string, got float
--- ledger
entry points NAN: Loyalty\InputException entries[0].points: expected int >= 0, got float
entry at INF: Loyalty\InputException entries[0].at: expected int, DateTimeInterface or date string, got float
entry ref NAN: Loyalty\InputException entries[0].ref: expected string, got float
spend NAN: TypeError Loyalty\Ledger::spend(): Argument #1 ($points) must be of type int, float given
spend at -INF: TypeError Loyalty\Ledger::spend(): Argument #2 ($at) must be of type DateTimeInterface|string|int, float given
customer ledger: Loyalty\InputException customer.ledger[0].points: expected int >= 0, got float
ledger of one customer among many: Loyalty\InputException customers[bob].ledger[0].at: expected int, DateTimeInterface or date string, got float
unchanged: 5
