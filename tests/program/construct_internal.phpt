--TEST--
Program and Engine cannot be made without their constructor (final internal classes)
--EXTENSIONS--
loyalty
--SKIPIF--
<?php if (!extension_loaded('loyalty')) die('skip extension only: a userland class (the polyfill) can always be made by newInstanceWithoutConstructor()'); ?>
--FILE--
<?php
foreach (['Loyalty\Program', 'Loyalty\Engine'] as $class) {
    try {
        (new ReflectionClass($class))->newInstanceWithoutConstructor();
        echo "constructed\n";
    } catch (ReflectionException $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
}
?>
--EXPECT--
ReflectionException: Class Loyalty\Program is an internal class marked as final that cannot be instantiated without invoking its constructor
ReflectionException: Class Loyalty\Engine is an internal class marked as final that cannot be instantiated without invoking its constructor
