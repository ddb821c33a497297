--TEST--
Hostile: serialize/unserialize of every class; crafted strings for Program throw or give a valid program, never a crash; a Program left half-built stays unusable for good
--EXTENSIONS--
loyalty
--FILE--
<?php
use Loyalty\{Engine, Program, Ledger, Result};
function attempt(string $label, callable $f) {
    try {
        $r = $f();
        echo "$label: ", get_debug_type($r), $r instanceof Program ? ' ' . json_encode($r->segmentNames()) : '', "\n";
    } catch (Throwable $t) {
        echo "$label: ", get_class($t), ' ', $t->getMessage(), "\n";
    }
}
$p = Program::fromArray(['segments' => ['vip' => "'VIP' in groups"]]);
$e = new Engine($p);
$l = new Ledger($p);
$r = $e->evaluate(['subtotal' => 100], [], 1);

echo "--- every class\n";
attempt('Program', fn() => unserialize(serialize($p)));
attempt('Engine', fn() => serialize($e));
attempt('Ledger', fn() => serialize($l));
attempt('Result', fn() => serialize($r));
attempt('Result in an array', fn() => serialize(['quote' => [$r]]));
attempt('Result crafted', fn() => unserialize('O:14:"Loyalty\Result":1:{s:8:"subtotal";i:-5;}'));
attempt('Result empty', fn() => unserialize('O:14:"Loyalty\Result":0:{}'));
attempt('Engine crafted', fn() => unserialize('O:14:"Loyalty\Engine":1:{s:7:"program";O:15:"Loyalty\Program":1:{s:8:"settings";a:0:{}}}'));
attempt('Ledger crafted', fn() => unserialize('a:1:{i:0;O:14:"Loyalty\Ledger":0:{}}'));
attempt('Result json', fn() => json_decode(json_encode($r), true)['total']);
var_export(unserialize(serialize($r->toArray())) === $r->toArray());
echo "\n";

echo "--- crafted Program strings\n";
attempt('same object twice', fn() => (function () { [$a, $b] = unserialize('a:2:{i:0;O:15:"Loyalty\Program":1:{s:8:"settings";a:0:{}}i:1;r:2;}'); return $a === $b ? $a : null; })());
attempt('class name case', fn() => unserialize('O:15:"loyalty\program":1:{s:8:"settings";a:0:{}}'));
attempt('settings twice', fn() => unserialize('O:15:"Loyalty\Program":2:{s:8:"settings";a:0:{}s:8:"settings";a:1:{s:1:"x";i:1;}}'));
attempt('extra member', fn() => unserialize('O:15:"Loyalty\Program":2:{s:8:"settings";a:0:{}s:5:"other";i:1;}'));
attempt('int member', fn() => unserialize('O:15:"Loyalty\Program":1:{i:0;a:0:{}}'));
attempt('settings a reference', fn() => unserialize('a:2:{i:0;a:1:{s:8:"segments";a:1:{s:1:"x";s:4:"true";}}i:1;O:15:"Loyalty\Program":1:{s:8:"settings";R:2;}}')[1]);
attempt('settings contain themselves', fn() => unserialize('O:15:"Loyalty\Program":1:{s:8:"settings";a:1:{s:8:"segments";R:2;}}'));
attempt('settings contain the program', fn() => unserialize('O:15:"Loyalty\Program":1:{s:8:"settings";a:1:{s:8:"segments";a:1:{s:1:"x";r:1;}}}'));
attempt('nested program', fn() => unserialize('O:15:"Loyalty\Program":1:{s:8:"settings";a:1:{s:8:"segments";a:1:{s:1:"x";O:15:"Loyalty\Program":1:{s:8:"settings";a:0:{}}}}}'));
attempt('stdClass inside', fn() => unserialize('O:15:"Loyalty\Program":1:{s:8:"settings";a:1:{s:8:"segments";O:8:"stdClass":0:{}}}'));
attempt('NUL in a key', fn() => unserialize("O:15:\"Loyalty\\Program\":1:{s:8:\"settings\";a:1:{s:9:\"round\0ing\";s:4:\"down\";}}"));
attempt('deep', fn() => unserialize('O:15:"Loyalty\Program":1:{s:8:"settings";' . str_repeat('a:1:{i:0;', 100) . 'i:1;' . str_repeat('}', 100) . '}'));
attempt('truncated', fn() => @unserialize('O:15:"Loyalty\Program":1:{s:8:"settings";a:1:{'));
attempt('huge count', fn() => @unserialize('O:15:"Loyalty\Program":1:{s:8:"settings";a:99999999:{}}'));
attempt('not allowed', fn() => unserialize(serialize($p), ['allowed_classes' => false]));
attempt('__unserialize on a live program', fn() => $p->__unserialize(['settings' => []]));
echo json_encode($p->segmentNames()), "\n";

echo "--- a Program whose __unserialize() failed, kept by a destructor\n";
class Keeper { public $p; public static $kept; public function __destruct() { self::$kept = $this->p; } }
attempt('unserialize', fn() => unserialize('O:6:"Keeper":1:{s:1:"p";O:15:"Loyalty\Program":1:{s:8:"settings";a:1:{s:3:"bad";i:1;}}}'));
$half = Keeper::$kept;
echo get_debug_type($half), "\n";
foreach (['toArray', 'segmentNames', 'warnings', '__serialize'] as $m) {
    attempt($m, fn() => $half->$m());
}
attempt('serialize', fn() => serialize($half));
attempt('Engine', fn() => new Engine($half));
attempt('Ledger', fn() => new Ledger($half));
var_dump($half == $p, $half == $half);
attempt('completed later', fn() => $half->__unserialize(['settings' => ['segments' => ['late' => 'true']]]) ?? $half);
?>
--EXPECT--
--- every class
Program: Loyalty\Program ["all","disabled","no_orders","first_order_recent","loyal","customers","vip"]
Engine: Exception Serialization of 'Loyalty\Engine' is not allowed
Ledger: Exception Serialization of 'Loyalty\Ledger' is not allowed
Result: Exception Serialization of 'Loyalty\Result' is not allowed
Result in an array: Exception Serialization of 'Loyalty\Result' is not allowed
Result crafted: Exception Unserialization of 'Loyalty\Result' is not allowed
Result empty: Exception Unserialization of 'Loyalty\Result' is not allowed
Engine crafted: Exception Unserialization of 'Loyalty\Engine' is not allowed
Ledger crafted: Exception Unserialization of 'Loyalty\Ledger' is not allowed
Result json: int
true
--- crafted Program strings
same object twice: Loyalty\Program ["all","disabled","no_orders","first_order_recent","loyal","customers"]
class name case: Loyalty\Program ["all","disabled","no_orders","first_order_recent","loyal","customers"]
settings twice: Loyalty\ConfigException x: unknown key
extra member: Loyalty\ConfigException settings: invalid serialized Loyalty\Program
int member: Loyalty\ConfigException settings: invalid serialized Loyalty\Program
settings a reference: Loyalty\Program ["all","disabled","no_orders","first_order_recent","loyal","customers","x"]
settings contain themselves: Loyalty\ConfigException segments.segments: expected string (expression), got array
settings contain the program: Loyalty\ConfigException segments.x: expected string (expression), got object
nested program: Loyalty\ConfigException segments.x: expected string (expression), got object
stdClass inside: Loyalty\ConfigException segments: expected an object of name => expression, got object
NUL in a key: Loyalty\ConfigException round\x00ing: unknown key
deep: Loyalty\ConfigException settings: expected an object, got list
truncated: bool
huge count: bool
not allowed: __PHP_Incomplete_Class
__unserialize on a live program: Error Loyalty\Program is immutable: it cannot be unserialized again
["all","disabled","no_orders","first_order_recent","loyal","customers","vip"]
--- a Program whose __unserialize() failed, kept by a destructor
unserialize: Loyalty\ConfigException bad: unknown key
Loyalty\Program
toArray: Error Loyalty\Program is not initialized
segmentNames: Error Loyalty\Program is not initialized
warnings: Error Loyalty\Program is not initialized
__serialize: Error Loyalty\Program is not initialized
serialize: Error Loyalty\Program is not initialized
Engine: Error Loyalty\Program is not initialized
Ledger: Error Loyalty\Program is not initialized
bool(false)
bool(true)
completed later: Error Loyalty\Program is unusable: its unserialization failed
