--TEST--
Hostile: every crafted serialized form of Program, Engine, Ledger and Result fails inside unserialize() (ConfigException for Program, the refusal for the others), and nothing usable comes out of a failure, even caught by a destructor
--EXTENSIONS--
loyalty
--FILE--
<?php
use Loyalty\{Engine, Program, Ledger, Result};
/** Keeps whatever unserialize() put in it when its destructor runs, failure or not. */
class Keeper { public $p; public static array $kept = []; public function __destruct() { self::$kept[] = $this->p; } }

/** Whether an object caught half-built can be used or completed in any way. */
function usable(mixed $o): ?string {
    $uses = match (true) {
        $o instanceof Program => ['segmentNames' => fn() => $o->segmentNames(), '__unserialize' => fn() => $o->__unserialize(['settings' => []]),
            'Engine' => fn() => new Engine($o)],
        $o instanceof Engine => ['program' => fn() => $o->program(), '__construct' => fn() => $o->__construct([])],
        $o instanceof Ledger => ['entries' => fn() => $o->entries(), '__construct' => fn() => $o->__construct(Program::fromArray([]))],
        $o instanceof Result => ['total' => fn() => $o->total],
        default => [],
    };
    foreach ($uses as $name => $use) {
        try {
            $use();
            return $name;
        } catch (Error) {
        }
    }
    return null;
}

function attempt(string $label, string $s): void {
    Keeper::$kept = [];
    try {
        $r = @unserialize($s);
        echo "$label: ", get_debug_type($r), "\n";
    } catch (Throwable $t) {
        echo "$label: ", get_class($t), ' ', substr(strtok($t->getMessage(), "\n"), 0, 100), "\n";
    }
    unset($r);
    foreach (Keeper::$kept as $k) {
        if (is_object($k) && ($how = usable($k)) !== null) {
            echo "  kept ", get_debug_type($k), ", USABLE through $how\n";
        }
    }
}

$ok = serialize(Program::fromArray(['segments' => ['vip' => "'VIP' in groups"]]));
$P = 'O:15:"Loyalty\Program"';
echo "--- the C: (Serializable) format\n";
attempt('Program', 'C:15:"Loyalty\Program":2:{xx}');
attempt('Program, empty', 'C:15:"Loyalty\Program":0:{}');
attempt('Program, the O: payload', 'C:15:"Loyalty\Program":' . strlen(substr($ok, 25, -1)) . ':{' . substr($ok, 25, -1) . '}');
attempt('Program in an array', 'a:1:{i:0;C:15:"Loyalty\Program":2:{xx}}');
foreach (['Engine', 'Ledger', 'Result'] as $c) {
    attempt($c, 'C:14:"Loyalty\\' . $c . '":0:{}');
}

echo "--- O: with missing, extra or bad members\n";
attempt('no member', "$P:0:{}");
attempt('extra member', "$P:2:{s:8:\"settings\";a:0:{}s:5:\"other\";i:1;}");
attempt('extra member first', "$P:2:{s:5:\"other\";i:1;s:8:\"settings\";a:0:{}}");
attempt('only another member', "$P:1:{s:5:\"other\";a:0:{}}");
attempt('int key', "$P:1:{i:0;a:0:{}}");
attempt('private name', "$P:1:{s:25:\"\0Loyalty\\Program\0settings\";a:0:{}}");
attempt('protected name', "$P:1:{s:11:\"\0*\0settings\";a:0:{}}");
attempt('name with a NUL', "$P:1:{s:9:\"settings\0\";a:0:{}}");
foreach (['N;' => 'null', 's:2:"{}";' => 'string', 'i:0;' => 'int', 'b:1;' => 'bool', 'd:1.5;' => 'float',
    'O:8:"stdClass":0:{}' => 'object'] as $v => $type) {
    attempt("settings $type", "$P:1:{s:8:\"settings\";$v}");
}
attempt('settings invalid', "$P:1:{s:8:\"settings\";a:1:{s:8:\"rounding\";s:4:\"up!!\";}}");
attempt('settings a Program', "$P:1:{s:8:\"settings\";$P:1:{s:8:\"settings\";a:0:{}}}");

echo "--- huge strings\n";
attempt('huge expression', "$P:1:{s:8:\"settings\";a:1:{s:8:\"segments\";a:1:{s:1:\"x\";s:100000:\"" . str_repeat('(', 100000) . "\";}}}");
attempt('huge key', "$P:1:{s:8:\"settings\";a:1:{s:100000:\"" . str_repeat('k', 100000) . "\";i:1;}}");
attempt('huge member name', "$P:1:{s:100000:\"" . str_repeat('k', 100000) . "\";a:0:{}}");
attempt('length past the end', "$P:1:{s:8:\"settings\";a:1:{s:8:\"rounding\";s:99999999:\"down\";}}");
attempt('C: length past the end', 'C:15:"Loyalty\Program":99999999:{}');

echo "--- references\n";
attempt('settings a reference to an earlier array', "a:2:{i:0;a:1:{s:8:\"segments\";a:1:{s:1:\"x\";s:4:\"true\";}}i:1;$P:1:{s:8:\"settings\";R:2;}}");
attempt('settings a reference to the program', "$P:1:{s:8:\"settings\";R:1;}");
attempt('settings an object reference to the program', "$P:1:{s:8:\"settings\";r:1;}");
attempt('members referencing each other', "$P:2:{s:8:\"settings\";a:0:{}s:1:\"x\";R:2;}");
attempt('reference to a failed program', "a:2:{i:0;$P:0:{}i:1;r:2;}");

echo "--- caught by a destructor\n";
attempt('bad settings', "O:6:\"Keeper\":1:{s:1:\"p\";$P:1:{s:8:\"settings\";a:1:{s:3:\"bad\";i:1;}}}");
echo '  kept: ', implode(', ', array_map('get_debug_type', Keeper::$kept)), "\n"; // caught indeed, and unusable
attempt('extra member', "O:6:\"Keeper\":1:{s:1:\"p\";$P:2:{s:8:\"settings\";a:0:{}s:1:\"x\";i:1;}}");
attempt('C: format', 'O:6:"Keeper":1:{s:1:"p";C:15:"Loyalty\Program":2:{xx}}');
attempt('failed program kept before', "a:2:{i:0;$P:0:{}i:1;O:6:\"Keeper\":1:{s:1:\"p\";r:2;}}");
foreach (['Engine', 'Ledger', 'Result'] as $c) {
    attempt("$c O:", 'O:6:"Keeper":1:{s:1:"p";O:14:"Loyalty\\' . $c . '":0:{}}');
    attempt("$c C:", 'O:6:"Keeper":1:{s:1:"p";C:14:"Loyalty\\' . $c . '":0:{}}');
}
attempt('Engine holding a program', 'O:6:"Keeper":1:{s:1:"p";O:14:"Loyalty\Engine":1:{s:7:"program";' . $ok . '}}');

echo "--- __unserialize() called with garbage\n";
$live = unserialize($ok);
foreach ([[], ['settings' => [], 'x' => 1]] as $garbage) {
    try {
        $live->__unserialize($garbage);
        echo "accepted\n";
    } catch (Throwable $t) {
        echo get_class($t), ' ', $t->getMessage(), "\n";
    }
}
echo json_encode($live->segmentNames()), "\n";
// the legitimate forms still work
attempt('valid', $ok);
attempt('valid twice, same object', "a:2:{i:0;$ok" . 'i:1;r:2;}');
?>
--EXPECT--
--- the C: (Serializable) format
Program: Loyalty\ConfigException settings: invalid serialized Loyalty\Program
Program, empty: Loyalty\ConfigException settings: invalid serialized Loyalty\Program
Program, the O: payload: Loyalty\ConfigException settings: invalid serialized Loyalty\Program
Program in an array: Loyalty\ConfigException settings: invalid serialized Loyalty\Program
Engine: Exception Unserialization of 'Loyalty\Engine' is not allowed
Ledger: Exception Unserialization of 'Loyalty\Ledger' is not allowed
Result: Exception Unserialization of 'Loyalty\Result' is not allowed
--- O: with missing, extra or bad members
no member: Loyalty\ConfigException settings: invalid serialized Loyalty\Program
extra member: Loyalty\ConfigException settings: invalid serialized Loyalty\Program
extra member first: Loyalty\ConfigException settings: invalid serialized Loyalty\Program
only another member: Loyalty\ConfigException settings: invalid serialized Loyalty\Program
int key: Loyalty\ConfigException settings: invalid serialized Loyalty\Program
private name: Loyalty\ConfigException settings: invalid serialized Loyalty\Program
protected name: Loyalty\ConfigException settings: invalid serialized Loyalty\Program
name with a NUL: Loyalty\ConfigException settings: invalid serialized Loyalty\Program
settings null: Loyalty\ConfigException settings: invalid serialized Loyalty\Program
settings string: Loyalty\ConfigException settings: invalid serialized Loyalty\Program
settings int: Loyalty\ConfigException settings: invalid serialized Loyalty\Program
settings bool: Loyalty\ConfigException settings: invalid serialized Loyalty\Program
settings float: Loyalty\ConfigException settings: invalid serialized Loyalty\Program
settings object: Loyalty\ConfigException settings: invalid serialized Loyalty\Program
settings invalid: Loyalty\ConfigException rounding: must be one of 'half_up', 'half_even', 'down', got 'up!!'
settings a Program: Loyalty\ConfigException settings: invalid serialized Loyalty\Program
--- huge strings
huge expression: Loyalty\ExpressionException segments.x: expression is longer than 4096 bytes at column 4097
huge key: Loyalty\ConfigException kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk
huge member name: Loyalty\ConfigException settings: invalid serialized Loyalty\Program
length past the end: bool
C: length past the end: bool
--- references
settings a reference to an earlier array: array
settings a reference to the program: Loyalty\ConfigException settings: invalid serialized Loyalty\Program
settings an object reference to the program: Loyalty\ConfigException settings: invalid serialized Loyalty\Program
members referencing each other: Loyalty\ConfigException settings: invalid serialized Loyalty\Program
reference to a failed program: Loyalty\ConfigException settings: invalid serialized Loyalty\Program
--- caught by a destructor
bad settings: Loyalty\ConfigException bad: unknown key
  kept: Loyalty\Program
extra member: Loyalty\ConfigException settings: invalid serialized Loyalty\Program
C: format: Loyalty\ConfigException settings: invalid serialized Loyalty\Program
failed program kept before: Loyalty\ConfigException settings: invalid serialized Loyalty\Program
Engine O:: Exception Unserialization of 'Loyalty\Engine' is not allowed
Engine C:: Exception Unserialization of 'Loyalty\Engine' is not allowed
Ledger O:: Exception Unserialization of 'Loyalty\Ledger' is not allowed
Ledger C:: Exception Unserialization of 'Loyalty\Ledger' is not allowed
Result O:: Exception Unserialization of 'Loyalty\Result' is not allowed
Result C:: Exception Unserialization of 'Loyalty\Result' is not allowed
Engine holding a program: Exception Unserialization of 'Loyalty\Engine' is not allowed
--- __unserialize() called with garbage
Error Loyalty\Program is immutable: it cannot be unserialized again
Error Loyalty\Program is immutable: it cannot be unserialized again
["all","disabled","no_orders","first_order_recent","loyal","customers","vip"]
valid: Loyalty\Program
valid twice, same object: array
