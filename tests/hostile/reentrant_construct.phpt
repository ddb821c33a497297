--TEST--
Hostile: a constructor re-entered from user code it runs (__toString(), getTimestamp()) is refused, without leaks
--EXTENSIONS--
loyalty
--FILE--
<?php
use Loyalty\{Engine, Program, Ledger};

// The object under construction, found through debug_backtrace() by user code it runs.
function under_construction(string $class): object {
    foreach (debug_backtrace(DEBUG_BACKTRACE_PROVIDE_OBJECT) as $frame) {
        if (isset($frame['object']) && $frame['object'] instanceof $class) {
            return $frame['object'];
        }
    }
    throw new LogicException("no $class on the stack");
}

// Engine: settings given as a Stringable; __toString() constructs the engine itself first.
class Settings {
    public static ?Engine $seen = null;
    public function __toString(): string {
        $engine = self::$seen = under_construction(Engine::class);
        try { $engine->segmentsOf([], 1); } catch (Error $e) { echo 'inside: ', $e->getMessage(), "\n"; }
        $engine->__construct(['segments' => ['inner' => 'true']]);
        return '{"segments": {"outer": "true"}}';
    }
}
try {
    $e = new Engine(new Settings);
    echo "outer constructor returned\n";
} catch (Error $t) {
    echo get_class($t), ': ', $t->getMessage(), "\n";
}
// the engine keeps the program of the constructor that completed
echo implode(',', Settings::$seen->segmentsOf([], 1)), "\n";

// Ledger: an entry's date constructs the ledger itself while the entries are read.
class Reenter extends DateTimeImmutable {
    public static Program $p;
    public static ?Ledger $seen = null;
    public function getTimestamp(): int {
        self::$seen = under_construction(Ledger::class);
        try { self::$seen->balance(1); } catch (Error $e) { echo 'inside: ', $e->getMessage(), "\n"; }
        self::$seen->__construct(self::$p, [['type' => 'grant', 'points' => 7, 'at' => 100]]);
        return 1000;
    }
}
Reenter::$p = Program::fromArray(['loyalty' => ['expiry' => ['days' => 30]]]);
try {
    new Ledger(Reenter::$p, [['type' => 'earn', 'points' => 5, 'at' => new Reenter('@1')]]);
    echo "outer constructor returned\n";
} catch (Error $t) {
    echo get_class($t), ': ', $t->getMessage(), "\n";
}
// the ledger holds what the inner constructor gave it, nothing mixed in
echo json_encode(Reenter::$seen->entries()), ' ', Reenter::$seen->balance(200), "\n";
Reenter::$seen->earn(3, 300);
echo Reenter::$seen->balance(300), "\n";
?>
--EXPECT--
inside: Loyalty\Engine is not initialized
Error: Loyalty\Engine is already constructed
all,inner,no_orders
inside: Loyalty\Ledger is not initialized
Error: Loyalty\Ledger is already constructed
[{"type":"grant","points":7,"at":100,"ref":""}] 7
10
