--TEST--
Engine::__construct() with an object that is not a Program raises TypeError (no crash)
--EXTENSIONS--
loyalty
--FILE--
<?php
use Loyalty\Engine;

foreach ([new stdClass, new DateTimeImmutable('@0'), fn() => 1, new ArrayObject([]), new Engine([])] as $arg) {
    try {
        new Engine($arg);
        echo get_debug_type($arg), ": no exception\n";
    } catch (TypeError $t) {
        echo get_debug_type($arg), ": ", $t->getMessage(), "\n";
    }
}
echo "done\n";
?>
--EXPECTF--
stdClass: Loyalty\Engine::__construct(): Argument #1 ($program) must be of type %s, stdClass given
DateTimeImmutable: Loyalty\Engine::__construct(): Argument #1 ($program) must be of type %s, DateTimeImmutable given
Closure: Loyalty\Engine::__construct(): Argument #1 ($program) must be of type %s, Closure given
ArrayObject: Loyalty\Engine::__construct(): Argument #1 ($program) must be of type %s, ArrayObject given
Loyalty\Engine: Loyalty\Engine::__construct(): Argument #1 ($program) must be of type %s, Loyalty\Engine given
done
