--TEST--
Hostile: Program and Result methods fed wrong PHP types throw TypeError / ArgumentCountError with PHP's own wording
--EXTENSIONS--
loyalty
--FILE--
<?php
use Loyalty\{Engine, Program, Result};
$p = Program::fromArray([]);
$r = (new Engine([]))->evaluate(['subtotal' => 100], [], 1);
$calls = [
    'fromArray string'     => fn() => Program::fromArray('{}'),
    'fromArray object'     => fn() => Program::fromArray(new ArrayObject([])),
    'fromArray null'       => fn() => Program::fromArray(null),
    'fromArray none'       => fn() => Program::fromArray(),
    'fromJson array'       => fn() => Program::fromJson([]),
    'fromJson object'      => fn() => Program::fromJson(new stdClass),
    'fromJson two'         => fn() => Program::fromJson('{}', 1),
    'new Program'          => fn() => new Program(),
    'toArray arg'          => fn() => $p->toArray(true),
    'segmentNames arg'     => fn() => $p->segmentNames(1),
    'warnings arg'         => fn() => $p->warnings([]),
    '__serialize arg'      => fn() => $p->__serialize(1),
    '__unserialize string' => fn() => $p->__unserialize('settings'),
    '__unserialize none'   => fn() => $p->__unserialize(),
    'new Result'           => fn() => new Result(),
    'Result toArray arg'   => fn() => $r->toArray(1),
    'Result json arg'      => fn() => $r->jsonSerialize(null),
    'Result write'         => fn() => $r->total = 0,
    'Result dynamic'       => fn() => $r->extra = 1,
];
foreach ($calls as $label => $call) {
    try {
        $x = $call();
        echo "$label: no exception, ", get_debug_type($x), "\n";
    } catch (Throwable $t) {
        echo "$label: ", get_class($t), ': ', $t->getMessage(), "\n";
    }
}
try { unset($r->total); } catch (Error $t) { echo 'unset: ', $t->getMessage(), "\n"; }
// weak-mode coercion: an int is a JSON document too, and not an object
try { Program::fromJson(42); } catch (Loyalty\ConfigException $x) { echo get_class($x), ': ', $x->getMessage(), "\n"; }
echo $r->total, "\n";
?>
--EXPECT--
fromArray string: TypeError: Loyalty\Program::fromArray(): Argument #1 ($settings) must be of type array, string given
fromArray object: TypeError: Loyalty\Program::fromArray(): Argument #1 ($settings) must be of type array, ArrayObject given
fromArray null: TypeError: Loyalty\Program::fromArray(): Argument #1 ($settings) must be of type array, null given
fromArray none: ArgumentCountError: Loyalty\Program::fromArray() expects exactly 1 argument, 0 given
fromJson array: TypeError: Loyalty\Program::fromJson(): Argument #1 ($json) must be of type string, array given
fromJson object: TypeError: Loyalty\Program::fromJson(): Argument #1 ($json) must be of type string, stdClass given
fromJson two: ArgumentCountError: Loyalty\Program::fromJson() expects exactly 1 argument, 2 given
new Program: Error: Call to private Loyalty\Program::__construct() from global scope
toArray arg: ArgumentCountError: Loyalty\Program::toArray() expects exactly 0 arguments, 1 given
segmentNames arg: ArgumentCountError: Loyalty\Program::segmentNames() expects exactly 0 arguments, 1 given
warnings arg: ArgumentCountError: Loyalty\Program::warnings() expects exactly 0 arguments, 1 given
__serialize arg: ArgumentCountError: Loyalty\Program::__serialize() expects exactly 0 arguments, 1 given
__unserialize string: TypeError: Loyalty\Program::__unserialize(): Argument #1 ($data) must be of type array, string given
__unserialize none: ArgumentCountError: Loyalty\Program::__unserialize() expects exactly 1 argument, 0 given
new Result: Error: Call to private Loyalty\Result::__construct() from global scope
Result toArray arg: ArgumentCountError: Loyalty\Result::toArray() expects exactly 0 arguments, 1 given
Result json arg: ArgumentCountError: Loyalty\Result::jsonSerialize() expects exactly 0 arguments, 1 given
Result write: Error: Cannot modify readonly property Loyalty\Result::$total
Result dynamic: Error: Cannot create dynamic property Loyalty\Result::$extra
unset: Cannot unset readonly property Loyalty\Result::$total
Loyalty\ConfigException: settings: expected an object, got int
100
