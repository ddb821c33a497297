--TEST--
Program: new Loyalty\Program() fails (private constructor, final class)
--EXTENSIONS--
loyalty
--FILE--
<?php
$r = new ReflectionClass('Loyalty\Program');
var_dump($r->isFinal());
var_dump($r->getConstructor()->isPrivate());
try {
    $p = new Loyalty\Program();
    echo "constructed\n";
} catch (Error $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
try {
    $p = new Loyalty\Program(['rounding' => 'down']);
    echo "constructed\n";
} catch (Error $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
// (newInstanceWithoutConstructor(): tests/program/construct_internal.phpt)
--EXPECT--
bool(true)
bool(true)
Error: Call to private Loyalty\Program::__construct() from global scope
Error: Call to private Loyalty\Program::__construct() from global scope
