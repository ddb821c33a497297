--TEST--
Engine::__construct() with a scalar or null under strict_types raises TypeError (no crash)
--EXTENSIONS--
loyalty
--FILE--
<?php
declare(strict_types=1);
use Loyalty\Engine;

foreach ([1, 1.5, true, null] as $arg) {
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
int: Loyalty\Engine::__construct(): Argument #1 ($program) must be of type %s, int given
float: Loyalty\Engine::__construct(): Argument #1 ($program) must be of type %s, float given
bool: Loyalty\Engine::__construct(): Argument #1 ($program) must be of type %s, bool given
null: Loyalty\Engine::__construct(): Argument #1 ($program) must be of type %s, null given
done
