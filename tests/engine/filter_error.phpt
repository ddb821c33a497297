--TEST--
Engine::filter() errors: non-array items, bad fields with path, exceptions from the iterable, unknown segment
--EXTENSIONS--
loyalty
--FILE--
<?php
use Loyalty\Engine;

$now = 1700000000;
$e = new Engine(['segments' => ['vip' => "'VIP' in groups"]]);
$vip = ['groups' => ['VIP']];
$show = function (string $seg, $list) use ($e, $now) {
    try {
        $r = $e->filter($seg, $list, $now);
        echo "no exception: ", json_encode($r), "\n";
    } catch (Throwable $t) {
        printf("%s (%d): %s\n", get_class($t), $t->getCode(), $t->getMessage());
    }
};

// non-array items, with their key
$show('vip', [$vip, 5]);
$show('vip', ['a' => $vip, 'b' => null]);
$show('vip', ['k' => 'customer']);
$show('vip', ['k' => 1.5]);
$show('vip', ['k' => true]);
$show('vip', ['k' => new ArrayObject($vip)]);
$show('all', [7 => new stdClass]);
$show('vip', (function () use ($vip) { yield 'g' => $vip; yield 'h' => 42; })());

// field errors name the customer by key (for the fields the asked segment reads)
$show('loyal', [[], [], [], ['orders' => 'x']]);
$show('loyal', [0 => $vip, 1 => $vip, 2 => $vip, 3 => ['orders' => 3.0]]);
$show('loyal', ['k' => ['orders' => -1]]);
$show('vip', [['groups' => ['VIP', 2]]]);
$show('first_order_recent', ['bob' => ['last_order' => 'garbage']]);
$show('vip', ['bob' => ['active' => 'no']]);
// the fields it does not read are not checked: `vip` reads groups and active only
$show('vip', [['orders' => 'x', 'last_order' => 'garbage'] + $vip]);
$show('vip', (function () { yield 'gk' => ['groups' => 'VIP']; })());
// a bad customer after a matching one: an exception, not a partial result
$show('vip', [['id' => 1] + $vip, ['id' => 2, 'groups' => [3]]]);

// a generator that throws mid-iteration: the exception passes through unchanged, no partial result
$thrown = new DomainException('db connection lost', 42);
$gen = function () use ($vip, $thrown) {
    yield ['id' => 1] + $vip;
    yield ['id' => 2] + $vip;
    throw $thrown;
};
$r = 'unset';
try {
    $r = $e->filter('vip', $gen(), $now);
} catch (DomainException $t) {
    var_dump($t === $thrown, $t->getMessage(), $t->getCode(), $t->getPrevious());
}
var_dump($r);

// Iterator methods that throw
class Rows implements Iterator {
    private int $i = 0;
    public function __construct(private array $rows, private string $throwIn, private int $at) {}
    private function maybe(string $m) { if ($m === $this->throwIn && $this->i === $this->at) throw new UnexpectedValueException("$m failed"); }
    public function current(): mixed { $this->maybe('current'); return $this->rows[$this->i]; }
    public function key(): mixed { $this->maybe('key'); return $this->i; }
    public function next(): void { $this->maybe('next'); $this->i++; }
    public function rewind(): void { $this->maybe('rewind'); $this->i = 0; }
    public function valid(): bool { $this->maybe('valid'); return $this->i < count($this->rows); }
}
foreach (['rewind' => 0, 'valid' => 1, 'current' => 1, 'next' => 0] as $m => $at) {
    $show('vip', new Rows([$vip, $vip, $vip], $m, $at));
}
class BadTable implements IteratorAggregate {
    public function getIterator(): Traversable { throw new LengthException('no table'); }
}
$show('vip', new BadTable);

// unknown segment: ConfigException, and the generator is not even started
$started = false;
$gen = function () use (&$started) { $started = true; yield []; };
$show('nope', $gen());
var_dump($started);
$show('nope', []);
$show('VIP', [$vip]);
// unknown segment wins over bad input
$show('nope', [5]);

// wrong PHP types
$show('vip', 'not iterable');
$show('vip', new stdClass);
$show('vip', null);
try { $e->filter(['vip'], []); } catch (TypeError $t) { echo $t->getMessage(), "\n"; }
?>
--EXPECTF--
Loyalty\InputException (3): customers[1]: expected array, got int
Loyalty\InputException (3): customers[b]: expected array, got null
Loyalty\InputException (3): customers[k]: expected array, got string
Loyalty\InputException (3): customers[k]: expected array, got float
Loyalty\InputException (3): customers[k]: expected array, got bool
Loyalty\InputException (3): customers[k]: expected array, got ArrayObject
Loyalty\InputException (3): customers[7]: expected array, got stdClass
Loyalty\InputException (3): customers[h]: expected array, got int
Loyalty\InputException (3): customers[3].orders: expected int, got string
Loyalty\InputException (3): customers[3].orders: expected int, got float
Loyalty\InputException (3): customers[k].orders: must be >= 0, got -1
Loyalty\InputException (3): customers[0].groups[1]: expected string, got int
Loyalty\InputException (3): customers[bob].last_order: invalid date 'garbage'
Loyalty\InputException (3): customers[bob].active: expected bool, got string
no exception: [0]
Loyalty\InputException (3): customers[gk].groups: expected list of strings, got string
Loyalty\InputException (3): customers[1].groups[0]: expected string, got int
bool(true)
string(18) "db connection lost"
int(42)
NULL
string(5) "unset"
UnexpectedValueException (0): rewind failed
UnexpectedValueException (0): valid failed
UnexpectedValueException (0): current failed
UnexpectedValueException (0): next failed
LengthException (0): no table
Loyalty\ConfigException (1): segment: unknown segment 'nope'
bool(false)
Loyalty\ConfigException (1): segment: unknown segment 'nope'
Loyalty\ConfigException (1): segment: unknown segment 'VIP'
Loyalty\ConfigException (1): segment: unknown segment 'nope'
TypeError (0): Loyalty\Engine::filter(): Argument #2 ($customers) must be of type %s, string given
TypeError (0): Loyalty\Engine::filter(): Argument #2 ($customers) must be of type %s, stdClass given
TypeError (0): Loyalty\Engine::filter(): Argument #2 ($customers) must be of type %s, null given
Loyalty\Engine::filter(): Argument #1 ($segment) must be of type string, array given
