--TEST--
Hostile: Program, Ledger and Result cannot be made by newInstanceWithoutConstructor() (final internal classes), so never half-built that way
--EXTENSIONS--
loyalty
--SKIPIF--
<?php if (!extension_loaded('loyalty')) die('skip extension only: a userland class (the polyfill) can always be made by newInstanceWithoutConstructor()'); ?>
--FILE--
<?php
use Loyalty\{Program, Ledger, Result};
foreach ([Program::class, Ledger::class, Result::class] as $class) {
    try {
        $r = (new ReflectionClass($class))->newInstanceWithoutConstructor();
        echo "$class without constructor: returned ", get_class($r), "\n";
    } catch (Throwable $t) {
        echo "$class without constructor: ", get_class($t), ' ', $t->getMessage(), "\n";
    }
}
?>
--EXPECT--
Loyalty\Program without constructor: ReflectionException Class Loyalty\Program is an internal class marked as final that cannot be instantiated without invoking its constructor
Loyalty\Ledger without constructor: ReflectionException Class Loyalty\Ledger is an internal class marked as final that cannot be instantiated without invoking its constructor
Loyalty\Result without constructor: ReflectionException Class Loyalty\Result is an internal class marked as final that cannot be instantiated without invoking its constructor
