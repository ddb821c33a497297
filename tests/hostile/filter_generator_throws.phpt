--TEST--
Hostile: filter() over generators that throw in odd places (yield from, finally, re-entered, holding the only engine reference, exit): exceptions pass through, the engine stays usable
--EXTENSIONS--
loyalty
--FILE--
<?php
use Loyalty\Engine;
$now = 1700000000;
$vip = ['groups' => ['VIP']];
function engine(): Engine { return new Engine(['segments' => ['vip' => "'VIP' in groups"]]); }
function attempt(string $label, callable $f) {
    try {
        $r = $f();
        echo "$label: returned ", json_encode($r), "\n";
    } catch (Throwable $t) {
        echo "$label: ", get_class($t), ' ', $t->getMessage(), $t->getPrevious() ? ' (previous: ' . $t->getPrevious()->getMessage() . ')' : '', "\n";
    }
}
$e = engine();

// thrown by an inner generator of yield from, after many customers (nothing of them is kept)
$inner = function () use ($vip) { for ($i = 0; $i < 20000; $i++) { yield "i$i" => $vip; } throw new LengthException('inner'); };
attempt('yield from', fn() => $e->filter('vip', (function () use ($inner, $vip) { yield 'o' => $vip; yield from $inner(); })(), $now));

// a finally block that throws while the first exception unwinds: chained as PHP chains them
$gen = function () use ($vip) {
    try { yield 'a' => $vip; throw new RuntimeException('first'); }
    finally { throw new LogicException('from finally'); }
};
attempt('finally', fn() => $e->filter('vip', $gen(), $now));

// a generator abandoned by filter() (an item is refused) runs its finally when destroyed
$log = [];
$gen = function () use ($vip, &$log) {
    try { yield 'a' => $vip; yield 'b' => 'not a customer'; yield 'c' => $vip; }
    finally { $log[] = 'finally ran'; }
};
attempt('refused item', fn() => $e->filter('vip', $gen(), $now));
echo implode(',', $log), "\n";

// the generator re-enters itself through the same filter() call
$self = null;
$gen = function () use (&$self, $e, $vip, $now) {
    yield 'a' => $vip;
    yield 'b' => $e->filter('vip', $self, $now);
};
$self = $gen();
attempt('re-entered', fn() => $e->filter('vip', $self, $now));

// the generator holds the only reference to the engine and drops it, then throws
$gen = function () use ($vip) {
    yield 'a' => $vip;
    unset($GLOBALS['temp']);
    yield 'b' => $vip;
    throw new DomainException('after dropping the engine');
};
$temp = engine();
attempt('engine dropped', fn() => $temp->filter('vip', $gen(), $now));
var_dump(isset($temp));

// a generator sent values and advanced by user code before filter() takes over
$gen = (function () use ($vip) { $x = yield 'first' => $vip; yield 'second' => $vip + ['id' => $x]; throw new Exception('late'); })();
$gen->current();
$gen->send('sent');
attempt('advanced', fn() => $e->filter('vip', $gen, $now));

// by-reference generators: the yielded row changed by the consumer side is read as it is
$gen = function & () use ($vip) { $row = $vip; yield 'r' => $row; $row = ['groups' => 'not a list']; yield 's' => $row; };
attempt('by reference', fn() => $e->filter('vip', $gen(), $now));

// the engine answers normally after all of that
echo json_encode($e->filter('vip', ['x' => $vip, 'y' => []], $now)), "\n";

// exit() in the middle of filter(): the script ends cleanly (no leak under valgrind/ASan)
register_shutdown_function(function () use ($e, $vip, $now) { echo 'shutdown: ', json_encode($e->filter('vip', [$vip], $now)), "\n"; });
$e->filter('vip', (function () use ($vip) { yield $vip; exit("exit inside the generator\n"); })(), $now);
echo "not reached\n";
?>
--EXPECT--
yield from: LengthException inner
finally: LogicException from finally (previous: first)
refused item: Loyalty\InputException customers[b]: expected array, got string
finally ran
re-entered: Exception Cannot rewind a generator that was already run
engine dropped: DomainException after dropping the engine
bool(false)
advanced: Exception Cannot rewind a generator that was already run
by reference: Loyalty\InputException customers[s].groups: expected list of strings, got string
["x"]
exit inside the generator
shutdown: [0]
