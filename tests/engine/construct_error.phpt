--TEST--
Engine::__construct() rejects invalid settings with a ConfigException; engines cannot be cloned or serialized
--EXTENSIONS--
loyalty
--FILE--
<?php
use Loyalty\Engine;

function show(callable $f) {
    try {
        $r = $f();
        echo "no exception: ", get_debug_type($r), "\n";
    } catch (Throwable $t) {
        printf("%s (%d)%s: %s\n", get_class($t), $t->getCode(),
            $t instanceof Loyalty\Exception ? ' [Loyalty\Exception]' : '', $t->getMessage());
    }
}

// invalid JSON / wrong JSON root
show(fn() => new Engine('{bad'));
show(fn() => new Engine(''));
show(fn() => new Engine('[1]'));
show(fn() => new Engine('"x"'));
show(fn() => new Engine('1'));
show(fn() => new Engine('null'));
// bad settings, array and JSON forms
show(fn() => new Engine(['foo' => 1]));
show(fn() => new Engine('{"foo": 1}'));
show(fn() => new Engine(['segments' => ['vip' => 1]]));
show(fn() => new Engine(['segments' => ['loyal' => 'orders > 1']]));
show(fn() => new Engine(['segments' => ['1x' => 'orders > 1']]));
// expression errors are ExpressionException, a ConfigException
try {
    new Engine(['segments' => ['vip' => 'orders >']]);
} catch (Loyalty\ConfigException $e) {
    echo get_class($e), " ", $e->getCode(), "\n";
    var_dump($e instanceof Loyalty\ExpressionException);
    var_dump(str_starts_with($e->getMessage(), 'segments.vip: '));
}

// clone / serialize / unserialize
$e = new Engine([]);
show(fn() => clone $e);
show(fn() => serialize($e));
show(fn() => unserialize('O:14:"Loyalty\Engine":0:{}'));
// constructing twice is refused, and the engine keeps working
show(fn() => $e->__construct(['segments' => ['x' => 'true']]));
echo implode(',', $e->segmentsOf([], 1700000000)), "\n";
// (an engine cannot be made without its constructor: tests/program/construct_internal.phpt)
echo "done\n";
?>
--EXPECTF--
Loyalty\ConfigException (1) [Loyalty\Exception]: settings: invalid JSON: Syntax error
Loyalty\ConfigException (1) [Loyalty\Exception]: settings: invalid JSON: Syntax error
Loyalty\ConfigException (1) [Loyalty\Exception]: settings: expected an object, got list
Loyalty\ConfigException (1) [Loyalty\Exception]: settings: expected an object, got string
Loyalty\ConfigException (1) [Loyalty\Exception]: settings: expected an object, got int
Loyalty\ConfigException (1) [Loyalty\Exception]: settings: expected an object, got null
Loyalty\ConfigException (1) [Loyalty\Exception]: foo: unknown key
Loyalty\ConfigException (1) [Loyalty\Exception]: foo: unknown key
Loyalty\ConfigException (1) [Loyalty\Exception]: segments.vip: expected string (expression), got int
Loyalty\ConfigException (1) [Loyalty\Exception]: segments: 'loyal' is a built-in segment name
Loyalty\ConfigException (1) [Loyalty\Exception]: segments: invalid segment name '1x'%A
Loyalty\ExpressionException 2
bool(true)
bool(true)
Error (0): Trying to clone an uncloneable object of class Loyalty\Engine
Exception (0): Serialization of 'Loyalty\Engine' is not allowed
Exception (0): Unserialization of 'Loyalty\Engine' is not allowed
Error (0): Loyalty\Engine is already constructed
all,no_orders
done
