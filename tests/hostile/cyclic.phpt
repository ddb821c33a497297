--TEST--
Hostile: cyclic arrays ($a['self'] = &$a) and arrays shared many times over, in settings, customers, carts, rows and entries
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
$a = ['segments' => []]; $a['self'] = &$a;
show('settings self', fn() => Program::fromArray($a));
$b = ['segments' => ['x' => 'true']]; $b['segments']['y'] = &$b;
show('settings nested', fn() => Program::fromArray($b));
$c = []; $c['advantages'] = [['id' => 'a', 'tiers' => &$c]];
show('tiers', fn() => new Engine($c));
$d = []; $d[0] = &$d;
show('list self', fn() => Program::fromArray($d));
$e = new Engine(['segments' => ['vip' => "'VIP' in groups", 'a' => 'attr.x == 1', 'rich' => 'points > 0']]);
$cu = ['groups' => ['VIP']]; $cu['self'] = &$cu;
show('customer self', fn() => $e->segmentsOf($cu, 1));
$cu = []; $cu['groups'] = &$cu;
show('groups self', fn() => $e->segmentsOf($cu, 1));
$cu = []; $cu['attributes'] = &$cu;
show('attributes self', fn() => $e->segmentsOf($cu, 1));
$cu = ['attributes' => []]; $cu['attributes']['x'] = &$cu['attributes'];
show('attr x self', fn() => $e->segmentsOf($cu, 1));
$cart = ['lines' => []]; $cart['lines'][0] = &$cart;
show('cart line self', fn() => $e->evaluate($cart, [], 1));
$cart = ['subtotal' => 5]; $cart['lines'] = &$cart;
show('cart lines self', fn() => $e->evaluate($cart, [], 1));
$line = ['qty' => 1, 'price' => 5]; $line['sku'] = &$line;
show('sku self', fn() => $e->evaluate(['lines' => [$line]], [], 1));
$cart = ['subtotal' => 5, 'vouchers' => []]; $cart['vouchers'][0] = &$cart['vouchers'];
show('vouchers self', fn() => $e->evaluate($cart, [], 1));
$rows = [['groups' => ['VIP']]]; $rows[1] = &$rows;
show('filter rows self', fn() => $e->filter('vip', $rows, 1));
$rows = []; $rows['me'] = ['groups' => ['VIP']]; $rows['me']['id'] = &$rows;
show('filter id self', fn() => $e->filter('vip', $rows, 1));
$en = [['type' => 'earn', 'points' => 1, 'at' => 1]]; $en[1] = &$en;
show('entries self', fn() => new Ledger(Program::fromArray([]), $en));
$en = [['type' => 'earn', 'points' => 1, 'at' => 1]]; $en[0]['ref'] = &$en;
show('ref self', fn() => new Ledger(Program::fromArray([]), $en));
$cu = ['ledger' => []]; $cu['ledger'][0] = &$cu['ledger'];
show('customer ledger self', fn() => $e->segmentsOf($cu + ['points' => 0], 1));
$o = new stdClass; $o->self = $o;
show('object cycle in settings', fn() => Program::fromArray(['segments' => ['x' => $o]]));

// 2^30 leaves from 30 arrays: refused before any memory is spent on them
$x = ['a'];
for ($i = 0; $i < 30; $i++) {
    $x = [$x, $x];
}
$before = memory_get_usage();
show('shared 2^30', fn() => Program::fromArray(['segments' => $x]));
show('shared in engine', fn() => new Engine(['advantages' => [['id' => 'a', 'tiers' => $x]]]));
echo 'memory kept: ', memory_get_usage() - $before < 1024 * 1024 ? 'small' : 'large', ', peak under limit: ',
    memory_get_peak_usage() < 64 * 1024 * 1024 ? 'yes' : 'no', "\n";
// a cycle through two arrays
$p = ['segments' => []];
$q = ['p' => &$p];
$p['q'] = &$q;
show('two-array cycle', fn() => Program::fromArray($p));
echo "engine still works: ", implode(',', $e->segmentsOf(['groups' => ['VIP']], 1)), "\n";
?>
--EXPECT--
settings self: Loyalty\ConfigException self: unknown key
settings nested: Loyalty\ConfigException segments.y: expected string (expression), got array
tiers: Loyalty\ConfigException advantages[0].tiers: expected a list of tiers, got array
list self: Loyalty\ConfigException settings: expected an object, got list
customer self: ["all","no_orders","vip"]
groups self: Loyalty\InputException customer.groups[0]: expected string, got array
attributes self: Loyalty\InputException customer.attributes.attributes: expected a scalar, got array
attr x self: Loyalty\InputException customer.attributes.x: expected a scalar, got array
cart line self: Loyalty\InputException cart.lines[0].qty: is required
cart lines self: Loyalty\InputException cart.lines[0]: expected array, got int
sku self: Loyalty\InputException cart.lines[0].sku: expected string, got array
vouchers self: Loyalty\InputException cart.vouchers[0]: expected string, got array
filter rows self: [0]
filter id self: Loyalty\InputException customers[me].id: expected int or string, got array
entries self: Loyalty\InputException entries[1].0: unknown key
ref self: Loyalty\InputException entries[0].ref: expected string, got array
customer ledger self: Loyalty\InputException customer.ledger[0].0: unknown key
object cycle in settings: Loyalty\ConfigException segments.x: expected string (expression), got object
shared 2^30: Loyalty\ConfigException settings: more than 4000000 values
shared in engine: Loyalty\ConfigException settings: more than 4000000 values
memory kept: small, peak under limit: yes
two-array cycle: Loyalty\ConfigException q: unknown key
engine still works: all,no_orders,vip
