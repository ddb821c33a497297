--TEST--
Engine::__construct() with an int in coercive mode: a clean exception, never a crash
--EXTENSIONS--
loyalty
--FILE--
<?php
use Loyalty\Engine;

// Coercive mode: an int may be coerced to the string "1" (then the settings are refused
// as "expected an object, got int") or refused as a wrong type. Either way, no crash.
foreach ([1, 1.5, true] as $arg) {
    try {
        new Engine($arg);
        echo get_debug_type($arg), ": no exception\n";
    } catch (TypeError | Loyalty\ConfigException $t) {
        echo get_debug_type($arg), ": ", $t instanceof TypeError ? 'TypeError' : 'ConfigException', "\n";
    }
}
echo "done\n";
?>
--EXPECTF--
int: %rTypeError|ConfigException%r
float: %rTypeError|ConfigException%r
bool: %rTypeError|ConfigException%r
done
