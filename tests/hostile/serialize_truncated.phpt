--TEST--
Hostile: a Program that unserialize() made but never initialized (its data cut short), caught by a destructor, cannot be completed later
--EXTENSIONS--
loyalty
--SKIPIF--
<?php if (!extension_loaded('loyalty')) die('skip extension only: a PHP class cannot tell that unserialize() gave up on it'); ?>
--FILE--
<?php
use Loyalty\{Engine, Program};
class Keeper { public $p; public static $kept; public function __destruct() { self::$kept = $this->p; } }
var_dump(@unserialize('O:6:"Keeper":1:{s:1:"p";O:15:"Loyalty\Program":1:{s:8:"settings";a:1:{'));
$half = Keeper::$kept;
echo get_debug_type($half), "\n";
foreach ([fn() => $half->segmentNames(), fn() => new Engine($half), fn() => $half->__unserialize(['settings' => []])] as $f) {
    try {
        $f();
        echo "usable\n";
    } catch (Error $e) {
        echo get_class($e), ' ', $e->getMessage(), "\n";
    }
}
?>
--EXPECT--
bool(false)
Loyalty\Program
Error Loyalty\Program is not initialized
Error Loyalty\Program is not initialized
Error Loyalty\Program is unusable: its unserialization failed
