--TEST--
Hostile: objects with __toString() or ArrayAccess where strings or arrays are expected: refused naming the path, or read as PHP's weak mode reads a parameter
--EXTENSIONS--
loyalty
--INI--
date.timezone=UTC
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
enum Town: string { case Paris = 'Paris'; }
class S { function __construct(public string $s) {} function __toString(): string { return $this->s; } }
class T { function __toString(): string { throw new RuntimeException('__toString failed'); } }
class AA implements ArrayAccess, IteratorAggregate, Countable {
    function __construct(public array $a) {}
    function offsetExists($o): bool { return isset($this->a[$o]); }
    function offsetGet($o): mixed { return $this->a[$o]; }
    function offsetSet($o, $v): void { $this->a[$o] = $v; }
    function offsetUnset($o): void { unset($this->a[$o]); }
    function getIterator(): Iterator { return new ArrayIterator($this->a); }
    function count(): int { return count($this->a); }
}
$e = new Engine(['segments' => ['vip' => "'VIP' in groups", 'p' => "city == 'Paris'", 'a' => "attr.t == 'x'", 'rich' => 'points > 1'],
    'advantages' => [['id' => 'a', 'tiers' => [['discount' => 1, 'free_shipping' => true, 'carriers' => ['C']]]]]]);

echo "--- inside arrays: never converted (settings, customers, carts, rows, entries)\n";
show('settings Stringable expr', fn() => Program::fromArray(['segments' => ['x' => new S('true')]]));
show('settings AA segments', fn() => Program::fromArray(['segments' => new AA(['x' => 'true'])]));
show('settings AA advantage', fn() => Program::fromArray(['advantages' => [new AA(['id' => 'a'])]]));
show('settings ArrayObject', fn() => Program::fromArray(['advantages' => new ArrayObject([])]));
show('settings id Stringable', fn() => Program::fromArray(['advantages' => [['id' => new S('a'), 'tiers' => [['discount' => 1]]]]]));
show('fromJson Stringable', fn() => Program::fromJson(new S('{"segments":{"x":"true"}}'))->segmentNames());
show('city Stringable', fn() => $e->segmentsOf(['city' => new S('Paris')], 1));
show('groups AA', fn() => $e->segmentsOf(['groups' => new AA(['VIP'])], 1));
show('groups item Stringable', fn() => $e->segmentsOf(['groups' => [new S('VIP')]], 1));
show('attributes AA', fn() => $e->segmentsOf(['attributes' => new AA(['t' => 'x'])], 1));
show('attr Stringable', fn() => $e->segmentsOf(['attributes' => ['t' => new S('x')]], 1));
show('active Stringable', fn() => $e->segmentsOf(['active' => new S('1')], 1));
show('orders Stringable', fn() => $e->segmentsOf(['orders' => new S('1')], 1));
show('date Stringable', fn() => $e->segmentsOf(['last_order' => new S('2020-01-01')], 1));
show('ledger AA', fn() => $e->segmentsOf(['ledger' => new AA([])], 1));
show('ledger entry AA', fn() => $e->segmentsOf(['ledger' => [new AA(['type' => 'earn', 'points' => 1, 'at' => 1])]], 1));
show('cart lines AA', fn() => $e->evaluate(['lines' => new AA([['qty' => 1, 'price' => 1]])], [], 1));
show('cart line AA', fn() => $e->evaluate(['lines' => [new AA(['qty' => 1, 'price' => 1])]], [], 1));
show('cart sku Stringable', fn() => $e->evaluate(['lines' => [['sku' => new S('x'), 'qty' => 1, 'price' => 1]]], [], 1));
show('cart carrier Stringable', fn() => $e->evaluate(['subtotal' => 1, 'carrier' => new S('C')], [], 1));
show('cart vouchers AA', fn() => $e->evaluate(['subtotal' => 1, 'vouchers' => new AA(['V'])], [], 1));
show('cart voucher Stringable', fn() => $e->evaluate(['subtotal' => 1, 'vouchers' => [new S('V')]], [], 1));
show('cart price Stringable', fn() => $e->evaluate(['subtotal' => new S('100')], [], 1));
show('filter AA rows', fn() => $e->filter('vip', new AA(['k' => ['groups' => ['VIP']]]), 1));
show('filter row AA', fn() => $e->filter('vip', [new AA(['groups' => ['VIP']])], 1));
show('filter id Stringable', fn() => $e->filter('vip', [['id' => new S('x'), 'groups' => ['VIP']]], 1));
$p = Program::fromArray([]);
show('entry AA', fn() => new Ledger($p, [new AA(['type' => 'earn', 'points' => 1, 'at' => 1])]));
show('entry type Stringable', fn() => new Ledger($p, [['type' => new S('earn'), 'points' => 1, 'at' => 1]]));
show('entry ref Stringable', fn() => new Ledger($p, [['type' => 'earn', 'points' => 1, 'at' => 1, 'ref' => new S('r')]]));
show('entry at Stringable', fn() => new Ledger($p, [['type' => 'earn', 'points' => 1, 'at' => new S('2020-01-01')]]));
show('resource in settings', fn() => Program::fromArray(['segments' => ['x' => STDIN]]));
show('resource city', fn() => $e->segmentsOf(['city' => STDIN], 1));
show('enum city', fn() => $e->segmentsOf(['city' => Town::Paris], 1));

echo "--- as parameters: PHP's weak-mode rules (a Stringable is a string; ArrayAccess is not an array)\n";
show('settings', fn() => Program::fromJson(new S('{"segments":{"x":"true"}}'))->segmentNames()[6]);
show('engine settings', fn() => (new Engine(new S('{}')))->segmentsOf([], 1));
show('segment', fn() => $e->inSegment(new S('vip'), ['groups' => ['VIP']], 1));
show('now', fn() => $e->segmentsOf(['orders' => 1, 'first_order' => '-3 days'], new S('2020-01-10')));
show('now unreadable', fn() => $e->segmentsOf([], new S('not a date')));
show('now throws', fn() => $e->filter('vip', [['groups' => ['VIP']]], new T));
show('customer AA', fn() => $e->segmentsOf(new AA(['groups' => ['VIP']]), 1));
show('rows AA', fn() => $e->filter('vip', new AA(['k' => ['groups' => ['VIP']]]), 1));
show('entries AA', fn() => new Ledger(Program::fromArray([]), new AA([])));
$l = new Ledger(Program::fromArray([]));
show('at', fn() => $l->earn(1, new S('@100'), new S('ref-1')));
show('at throws', fn() => $l->spend(1, new T));
show('ref throws', fn() => $l->grant(1, 200, new T));
show('balance at', fn() => $l->balance(new S('@300')));
show('entries', fn() => $l->entries());
?>
--EXPECT--
--- inside arrays: never converted (settings, customers, carts, rows, entries)
settings Stringable expr: Loyalty\ConfigException segments.x: expected string (expression), got object
settings AA segments: Loyalty\ConfigException segments: expected an object of name => expression, got object
settings AA advantage: Loyalty\ConfigException advantages[0]: expected an object (array with string keys), got object
settings ArrayObject: Loyalty\ConfigException advantages: expected a list of advantages, got object
settings id Stringable: Loyalty\ConfigException advantages[0].id: expected string, got object
fromJson Stringable: ["all","disabled","no_orders","first_order_recent","loyal","customers","x"]
city Stringable: Loyalty\InputException customer.city: expected string, got S
groups AA: Loyalty\InputException customer.groups: expected list of strings, got AA
groups item Stringable: Loyalty\InputException customer.groups[0]: expected string, got S
attributes AA: Loyalty\InputException customer.attributes: expected array of scalars, got AA
attr Stringable: Loyalty\InputException customer.attributes.t: expected a scalar, got S
active Stringable: Loyalty\InputException customer.active: expected bool, got S
orders Stringable: Loyalty\InputException customer.orders: expected int, got S
date Stringable: Loyalty\InputException customer.last_order: expected int, DateTimeInterface or date string, got S
ledger AA: Loyalty\InputException customer.ledger: expected Loyalty\Ledger or its entries, got AA
ledger entry AA: Loyalty\InputException customer.ledger[0]: expected array, got AA
cart lines AA: Loyalty\InputException cart.lines: expected list of lines, got AA
cart line AA: Loyalty\InputException cart.lines[0]: expected array, got AA
cart sku Stringable: Loyalty\InputException cart.lines[0].sku: expected string, got S
cart carrier Stringable: Loyalty\InputException cart.carrier: expected string, got S
cart vouchers AA: Loyalty\InputException cart.vouchers: expected list of strings, got AA
cart voucher Stringable: Loyalty\InputException cart.vouchers[0]: expected string, got S
cart price Stringable: Loyalty\InputException cart.subtotal: expected int (minor units), got S
filter AA rows: ["k"]
filter row AA: Loyalty\InputException customers[0]: expected array, got AA
filter id Stringable: Loyalty\InputException customers[0].id: expected int or string, got S
entry AA: Loyalty\InputException entries[0]: expected array, got AA
entry type Stringable: Loyalty\InputException entries[0].type: expected 'earn', 'grant', 'spend' or 'reward', got S
entry ref Stringable: Loyalty\InputException entries[0].ref: expected string, got S
entry at Stringable: Loyalty\InputException entries[0].at: expected int, DateTimeInterface or date string, got S
resource in settings: Loyalty\ConfigException segments.x: expected string (expression), got resource
resource city: Loyalty\InputException customer.city: expected string, got resource
enum city: Loyalty\InputException customer.city: expected string, got Town
--- as parameters: PHP's weak-mode rules (a Stringable is a string; ArrayAccess is not an array)
settings: "x"
engine settings: ["all","no_orders"]
segment: true
now: ["all","customers","first_order_recent"]
now unreadable: Loyalty\InputException now: invalid date 'not a date'
now throws: RuntimeException __toString failed
customer AA: TypeError Loyalty\Engine::segmentsOf(): Argument #1 ($customer) must be of type array, AA given
rows AA: ["k"]
entries AA: TypeError Loyalty\Ledger::__construct(): Argument #2 ($entries) must be of type array, AA given
at: null
at throws: RuntimeException __toString failed
ref throws: RuntimeException __toString failed
balance at: 1
entries: [{"type":"earn","points":1,"at":100,"ref":"ref-1"}]
