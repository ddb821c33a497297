--TEST--
Engine::inSegment() with an unknown segment name raises ConfigException
--EXTENSIONS--
loyalty
--FILE--
<?php
use Loyalty\Engine;

$e = new Engine(['segments' => ['vip' => "'VIP' in groups"]]);
function show(callable $f) {
    try {
        var_dump($f());
    } catch (Throwable $t) {
        printf("%s (%d): %s\n", get_class($t), $t->getCode(), $t->getMessage());
    }
}
$c = ['groups' => ['VIP'], 'orders' => 3];
show(fn() => $e->inSegment('x', $c, 1700000000));
show(fn() => $e->inSegment('VIP', $c, 1700000000));      // names are case-sensitive
show(fn() => $e->inSegment('Loyal', $c, 1700000000));
show(fn() => $e->inSegment('', $c, 1700000000));
show(fn() => $e->inSegment(' vip', $c, 1700000000));
show(fn() => $e->inSegment("'VIP' in groups", $c, 1700000000)); // not an inline expression
// unknown segment with an otherwise invalid customer: still a clean exception
show(fn() => $e->inSegment('nope', ['orders' => 'x'], 1700000000));
// long and NUL-containing names do not crash
try { $e->inSegment(str_repeat('y', 1000), $c, 1700000000); } catch (Loyalty\ConfigException $t) { echo "long: ", get_class($t), "\n"; }
try { $e->inSegment("vip\0x", $c, 1700000000); } catch (Loyalty\ConfigException $t) { echo "nul: ", get_class($t), "\n"; }

// an unknown segment is a config error, not an input error
try { $e->inSegment('x', $c); } catch (Loyalty\ConfigException $t) {
    var_dump($t instanceof Loyalty\Exception, $t instanceof Loyalty\InputException);
}
// wrong PHP types
show(fn() => $e->inSegment(['vip'], $c));
show(fn() => $e->inSegment('vip', 'customer'));
show(fn() => $e->inSegment('vip'));
?>
--EXPECTF--
Loyalty\ConfigException (1): segment: unknown segment 'x'
Loyalty\ConfigException (1): segment: unknown segment 'VIP'
Loyalty\ConfigException (1): segment: unknown segment 'Loyal'
Loyalty\ConfigException (1): segment: unknown segment ''
Loyalty\ConfigException (1): segment: unknown segment ' vip'
Loyalty\ConfigException (1): segment: unknown segment ''VIP' in groups'
Loyalty\ConfigException (1): segment: unknown segment 'nope'
long: Loyalty\ConfigException
nul: Loyalty\ConfigException
bool(true)
bool(false)
TypeError (0): Loyalty\Engine::inSegment(): Argument #1 ($segment) must be of type string, array given
TypeError (0): Loyalty\Engine::inSegment(): Argument #2 ($customer) must be of type array, string given
ArgumentCountError (0): Loyalty\Engine::inSegment() expects at least 2 arguments, 1 given
