--TEST--
Hostile: clone of every class: Program and Engine refused with an Error, Ledger an independent copy that outlives its originals, Result a read-only copy
--EXTENSIONS--
loyalty
--FILE--
<?php
use Loyalty\{Engine, Program, Ledger, Result};
function attempt(string $label, callable $f) {
    try {
        $r = $f();
        echo "$label: ", get_debug_type($r), "\n";
    } catch (Throwable $t) {
        echo "$label: ", get_class($t), ' ', $t->getMessage(), "\n";
    }
}
$p = Program::fromArray(['segments' => ['rich' => 'points >= 10'], 'loyalty' => ['expiry' => ['days' => 30], 'brackets' => [['from' => 10, 'discount' => 100]]]]);
$e = new Engine($p);
$l = new Ledger($p);
$l->earn(15, 1000, 'o1');
$r = $e->evaluate(['subtotal' => 5000], ['points' => 15, 'orders' => 1], 2000);
attempt('Program', fn() => clone $p);
attempt('Engine', fn() => clone $e);
attempt('Ledger', fn() => clone $l);
attempt('Result', fn() => clone $r);
attempt('ConfigException', function () { try { Program::fromArray(['x' => 1]); } catch (Loyalty\ConfigException $x) { return clone $x; } });
attempt('Engine::program()', fn() => clone $e->program());

// a ledger clone is independent both ways, and outlives the ledger, program and engine it came from
$copy = clone $l;
$copy->spend(5, 1500, 'copy');
$l->grant(100, 1600, 'original');
echo $l->balance(1700), ' ', $copy->balance(1700), ' ', count($l->entries()), ' ', count($copy->entries()), "\n";
$copy2 = clone $copy;
unset($l, $p, $e);
gc_collect_cycles();
$copy2->earn(1, 1800);
echo $copy2->balance(1800), ' ', $copy2->balance(1000 + 30 * 86400 + 1), ' ', json_encode(array_column($copy2->entries(), 'ref')), "\n";
echo implode(',', (new Engine(Program::fromArray(['segments' => ['rich' => 'points >= 10']])))->segmentsOf(['ledger' => $copy2], 1800)), "\n";

// a clone taken from inside getTimestamp() while the ledger is adding an entry sees it as it was before
class CloneNow extends DateTimeImmutable {
    public static Ledger $of;
    public static ?Ledger $copy = null;
    public function getTimestamp(): int { self::$copy = clone self::$of; return 2000; }
}
CloneNow::$of = $copy2;
$copy2->earn(7, new CloneNow('@1'));
echo count($copy2->entries()), ' ', count(CloneNow::$copy->entries()), "\n";

// a Result clone keeps its read-only values
$rc = clone $r;
attempt('write clone', fn() => $rc->total = 1);
var_dump($rc->toArray() === $r->toArray(), $rc == $r, $rc === $r);
?>
--EXPECT--
Program: Error Trying to clone an uncloneable object of class Loyalty\Program
Engine: Error Trying to clone an uncloneable object of class Loyalty\Engine
Ledger: Loyalty\Ledger
Result: Loyalty\Result
ConfigException: Error Trying to clone an uncloneable object of class Loyalty\ConfigException
Engine::program(): Error Trying to clone an uncloneable object of class Loyalty\Program
115 10 2 2
11 11 ["o1","copy",""]
all,no_orders,rich
4 3
write clone: Error Cannot modify readonly property Loyalty\Result::$total
bool(true)
bool(true)
bool(false)
