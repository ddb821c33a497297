--TEST--
Hostile: objects caught half-built (their constructor failed or has not finished) throw an Error from every method, and are refused as arguments
--EXTENSIONS--
loyalty
--INI--
date.timezone=UTC
--FILE--
<?php
use Loyalty\{Engine, Program, Ledger};
function under_construction(string $class): ?object {
    foreach (debug_backtrace(DEBUG_BACKTRACE_PROVIDE_OBJECT) as $frame) {
        if (isset($frame['object']) && $frame['object'] instanceof $class) {
            return $frame['object'];
        }
    }
    return null;
}
function attempt(string $label, callable $f) {
    try {
        $r = $f();
        echo "$label: returned ", get_debug_type($r), "\n";
    } catch (Throwable $t) {
        echo "$label: ", get_class($t), ' ', $t->getMessage(), "\n";
    }
}

// An engine whose settings (a Stringable) are bad JSON: kept by __toString(), the constructor then fails.
class BadSettings {
    public static ?Engine $kept = null;
    public function __toString(): string { self::$kept = under_construction(Engine::class); return '{bad'; }
}
attempt('new Engine', fn() => new Engine(new BadSettings));
$engine = BadSettings::$kept;
foreach (['program' => [], 'segmentsOf' => [[]], 'inSegment' => ['all', []], 'filter' => ['all', [[]]],
    'evaluate' => [['subtotal' => 1], []]] as $method => $args) {
    attempt("engine $method", fn() => $engine->$method(...$args));
}
attempt('engine clone', fn() => clone $engine);
attempt('engine serialize', fn() => serialize($engine));
var_dump($engine == $engine, json_encode($engine));
// it can still be constructed properly afterwards
$engine->__construct(['segments' => ['x' => 'true']]);
echo implode(',', $engine->segmentsOf([], 1)), "\n";

// A ledger whose entries' date throws: kept by getTimestamp(), the constructor then fails.
class KeepAndThrow extends DateTimeImmutable {
    public static ?Ledger $kept = null;
    public function getTimestamp(): int {
        self::$kept = under_construction(Ledger::class);
        throw new RuntimeException('no date');
    }
}
$p = Program::fromArray([]);
attempt('new Ledger', fn() => new Ledger($p, [['type' => 'earn', 'points' => 1, 'at' => new KeepAndThrow('@1')]]));
$ledger = KeepAndThrow::$kept;
foreach (['earn' => [1, 1], 'grant' => [1, 1], 'spend' => [1, 1], 'balance' => [], 'pending' => [1], 'expiring' => [1],
    'warningsDue' => [1, 2], 'issueRewards' => [1], 'entries' => []] as $method => $args) {
    attempt("ledger $method", fn() => $ledger->$method(...$args));
}
$copy = clone $ledger;
attempt('clone balance', fn() => $copy->balance(1));
attempt('as customer ledger', fn() => (new Engine(['segments' => ['r' => 'points > 0']]))->segmentsOf(['ledger' => $ledger], 1));
attempt('as customer ledger (evaluate)', fn() => (new Engine(['loyalty' => ['earn' => ['per_order' => 1]]]))->evaluate(['subtotal' => 1], ['ledger' => $copy], 1));
$ledger->__construct($p, [['type' => 'grant', 'points' => 3, 'at' => 1]]);
echo $ledger->balance(2), "\n";
// (Program, Ledger and Result refused by newInstanceWithoutConstructor(): failed_constructor_internal.phpt)
?>
--EXPECT--
new Engine: Loyalty\ConfigException settings: invalid JSON: Syntax error
engine program: Error Loyalty\Engine is not initialized
engine segmentsOf: Error Loyalty\Engine is not initialized
engine inSegment: Error Loyalty\Engine is not initialized
engine filter: Error Loyalty\Engine is not initialized
engine evaluate: Error Loyalty\Engine is not initialized
engine clone: Error Trying to clone an uncloneable object of class Loyalty\Engine
engine serialize: Exception Serialization of 'Loyalty\Engine' is not allowed
bool(true)
string(2) "{}"
all,no_orders,x
new Ledger: RuntimeException no date
ledger earn: Error Loyalty\Ledger is not initialized
ledger grant: Error Loyalty\Ledger is not initialized
ledger spend: Error Loyalty\Ledger is not initialized
ledger balance: Error Loyalty\Ledger is not initialized
ledger pending: Error Loyalty\Ledger is not initialized
ledger expiring: Error Loyalty\Ledger is not initialized
ledger warningsDue: Error Loyalty\Ledger is not initialized
ledger issueRewards: Error Loyalty\Ledger is not initialized
ledger entries: Error Loyalty\Ledger is not initialized
clone balance: Error Loyalty\Ledger is not initialized
as customer ledger: Error Loyalty\Ledger is not initialized
as customer ledger (evaluate): Error Loyalty\Ledger is not initialized
3
