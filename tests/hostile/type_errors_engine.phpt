--TEST--
Hostile: every Engine method fed wrong PHP types throws TypeError / ArgumentCountError with PHP's own wording
--EXTENSIONS--
loyalty
--FILE--
<?php
use Loyalty\{Engine, Program};
class Str { public function __toString(): string { return 'vip'; } }
$e = new Engine(['segments' => ['vip' => "'VIP' in groups"]]);
$calls = [
    'construct null'       => fn() => new Engine(null),
    'construct float'      => fn() => new Engine(1.5),
    'construct bool'       => fn() => new Engine(true),
    'construct object'     => fn() => new Engine(new stdClass),
    'construct closure'    => fn() => new Engine(fn() => []),
    'construct resource'   => fn() => new Engine(STDIN),
    'construct none'       => fn() => new Engine(),
    'construct two'        => fn() => new Engine([], []),
    'program arg'          => fn() => $e->program(1),
    'segmentsOf string'    => fn() => $e->segmentsOf('customer'),
    'segmentsOf null'      => fn() => $e->segmentsOf(null),
    'segmentsOf object'    => fn() => $e->segmentsOf(new ArrayObject(['groups' => ['VIP']])),
    'segmentsOf now array' => fn() => $e->segmentsOf([], []),
    'segmentsOf now float' => fn() => $e->segmentsOf([], NAN),
    'segmentsOf now obj'   => fn() => $e->segmentsOf([], new ArrayObject([])),
    'segmentsOf three'     => fn() => $e->segmentsOf([], 1, 2),
    'inSegment array'      => fn() => $e->inSegment(['vip'], []),
    'inSegment null'       => fn() => $e->inSegment('vip', null),
    'inSegment one'        => fn() => $e->inSegment('vip'),
    'inSegment now'        => fn() => $e->inSegment('vip', [], INF),
    'filter string'        => fn() => $e->filter('vip', 'customers'),
    'filter int'           => fn() => $e->filter('vip', 5),
    'filter object'        => fn() => $e->filter('vip', new stdClass),
    'filter closure'       => fn() => $e->filter('vip', fn() => yield []),
    'filter segment'       => fn() => $e->filter(new stdClass, []),
    'filter now'           => fn() => $e->filter('vip', [], [1]),
    'evaluate cart'        => fn() => $e->evaluate('cart', []),
    'evaluate customer'    => fn() => $e->evaluate([], new ArrayObject()),
    'evaluate now'         => fn() => $e->evaluate([], [], new DateTimeZone('UTC')),
    'evaluate one'         => fn() => $e->evaluate([]),
];
foreach ($calls as $label => $call) {
    try {
        $r = $call();
        echo "$label: no exception, ", get_debug_type($r), "\n";
    } catch (Throwable $t) {
        echo "$label: ", get_class($t), ': ', $t->getMessage(), "\n";
    }
}
// accepted by PHP's usual coercions: a Stringable segment name, a numeric string or Stringable settings
var_dump($e->inSegment(new Str, ['groups' => ['VIP']], 1));
echo implode(',', (new Engine(new class { public function __toString(): string { return '{"segments":{"x":"true"}}'; } }))->segmentsOf([], 1)), "\n";
try { new Engine(12); } catch (Loyalty\ConfigException $x) { echo get_class($x), ': ', $x->getMessage(), "\n"; }
// the engine is unharmed
echo implode(',', $e->segmentsOf(['groups' => ['VIP']], 1)), "\n";
?>
--EXPECTF--
Deprecated: Loyalty\Engine::__construct(): Passing null to parameter #1 ($program) of type Loyalty\Program|array|string is deprecated in %s on line %d
construct null: Loyalty\ConfigException: settings: invalid JSON: Syntax error
construct float: Loyalty\ConfigException: settings: expected an object, got float
construct bool: Loyalty\ConfigException: settings: expected an object, got int
construct object: TypeError: Loyalty\Engine::__construct(): Argument #1 ($program) must be of type Loyalty\Program|array|string, stdClass given
construct closure: TypeError: Loyalty\Engine::__construct(): Argument #1 ($program) must be of type Loyalty\Program|array|string, Closure given
construct resource: TypeError: Loyalty\Engine::__construct(): Argument #1 ($program) must be of type Loyalty\Program|array|string, resource given
construct none: ArgumentCountError: Loyalty\Engine::__construct() expects exactly 1 argument, 0 given
construct two: ArgumentCountError: Loyalty\Engine::__construct() expects exactly 1 argument, 2 given
program arg: ArgumentCountError: Loyalty\Engine::program() expects exactly 0 arguments, 1 given
segmentsOf string: TypeError: Loyalty\Engine::segmentsOf(): Argument #1 ($customer) must be of type array, string given
segmentsOf null: TypeError: Loyalty\Engine::segmentsOf(): Argument #1 ($customer) must be of type array, null given
segmentsOf object: TypeError: Loyalty\Engine::segmentsOf(): Argument #1 ($customer) must be of type array, ArrayObject given
segmentsOf now array: TypeError: Loyalty\Engine::segmentsOf(): Argument #2 ($now) must be of type DateTimeInterface|string|int|null, array given
segmentsOf now float: TypeError: Loyalty\Engine::segmentsOf(): Argument #2 ($now) must be of type DateTimeInterface|string|int|null, float given
segmentsOf now obj: TypeError: Loyalty\Engine::segmentsOf(): Argument #2 ($now) must be of type DateTimeInterface|string|int|null, ArrayObject given
segmentsOf three: ArgumentCountError: Loyalty\Engine::segmentsOf() expects at most 2 arguments, 3 given
inSegment array: TypeError: Loyalty\Engine::inSegment(): Argument #1 ($segment) must be of type string, array given
inSegment null: TypeError: Loyalty\Engine::inSegment(): Argument #2 ($customer) must be of type array, null given
inSegment one: ArgumentCountError: Loyalty\Engine::inSegment() expects at least 2 arguments, 1 given
inSegment now: TypeError: Loyalty\Engine::inSegment(): Argument #3 ($now) must be of type DateTimeInterface|string|int|null, float given
filter string: TypeError: Loyalty\Engine::filter(): Argument #2 ($customers) must be of type Traversable|array, string given
filter int: TypeError: Loyalty\Engine::filter(): Argument #2 ($customers) must be of type Traversable|array, int given
filter object: TypeError: Loyalty\Engine::filter(): Argument #2 ($customers) must be of type Traversable|array, stdClass given
filter closure: TypeError: Loyalty\Engine::filter(): Argument #2 ($customers) must be of type Traversable|array, Closure given
filter segment: TypeError: Loyalty\Engine::filter(): Argument #1 ($segment) must be of type string, stdClass given
filter now: TypeError: Loyalty\Engine::filter(): Argument #3 ($now) must be of type DateTimeInterface|string|int|null, array given
evaluate cart: TypeError: Loyalty\Engine::evaluate(): Argument #1 ($cart) must be of type array, string given
evaluate customer: TypeError: Loyalty\Engine::evaluate(): Argument #2 ($customer) must be of type array, ArrayObject given
evaluate now: TypeError: Loyalty\Engine::evaluate(): Argument #3 ($now) must be of type DateTimeInterface|string|int|null, DateTimeZone given
evaluate one: ArgumentCountError: Loyalty\Engine::evaluate() expects at least 2 arguments, 1 given
bool(true)
all,no_orders,x
Loyalty\ConfigException: settings: expected an object, got int
all,no_orders,vip
