--TEST--
Program: unserialize() of tampered data throws
--EXTENSIONS--
loyalty
--FILE--
<?php
function try_unserialize(string $s): void {
    try {
        $r = unserialize($s);
        echo 'returned ', get_debug_type($r), "\n";
    } catch (Throwable $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
}
$good = serialize(Loyalty\Program::fromArray(['segments' => ['vip' => "'VIP' in groups"]]));
var_dump(unserialize($good)->segmentNames()[6]);

// tampered settings are validated again
try_unserialize(str_replace('s:8:"rounding";s:7:"half_up"', 's:8:"rounding";s:2:"up"', $good));
try_unserialize(str_replace('s:8:"rounding"', 's:8:"rounundo"', $good));
try_unserialize(str_replace("s:15:\"'VIP' in groups\"", "s:15:\"'VIP' in groupz\"", $good));
try_unserialize('O:15:"Loyalty\Program":1:{s:8:"settings";a:1:{s:3:"foo";i:1;}}');
try_unserialize('O:15:"Loyalty\Program":1:{s:8:"settings";a:1:{s:8:"segments";a:1:{s:1:"x";s:6:"orders";}}}');
// missing or malformed payload
try_unserialize('O:15:"Loyalty\Program":0:{}');
try_unserialize('O:15:"Loyalty\Program":1:{s:8:"settings";i:1;}');
try_unserialize('O:15:"Loyalty\Program":1:{s:8:"settings";s:2:"{}";}');
try_unserialize('O:15:"Loyalty\Program":1:{s:1:"x";a:0:{}}');

// a program cannot be re-initialized through __unserialize()
$p = Loyalty\Program::fromArray([]);
try {
    $p->__unserialize(['settings' => ['rounding' => 'down']]);
} catch (Error $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
var_dump($p->toArray()['rounding']);

// the old "C:" format is refused inside unserialize(): no object comes out of it
try_unserialize('C:15:"Loyalty\Program":0:{}');
--EXPECT--
string(3) "vip"
Loyalty\ConfigException: rounding: must be one of 'half_up', 'half_even', 'down', got 'up'
Loyalty\ConfigException: rounundo: unknown key
Loyalty\ExpressionException: segments.vip: unknown field 'groupz' at column 10
'VIP' in groupz
         ^
Loyalty\ConfigException: foo: unknown key
Loyalty\ExpressionException: segments.x: expression must be a condition, got number at column 1
orders
^
Loyalty\ConfigException: settings: invalid serialized Loyalty\Program
Loyalty\ConfigException: settings: invalid serialized Loyalty\Program
Loyalty\ConfigException: settings: invalid serialized Loyalty\Program
Loyalty\ConfigException: settings: invalid serialized Loyalty\Program
Error: Loyalty\Program is immutable: it cannot be unserialized again
string(7) "half_up"
Loyalty\ConfigException: settings: invalid serialized Loyalty\Program
