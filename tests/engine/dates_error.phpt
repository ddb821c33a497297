--TEST--
Customer date errors: unreadable strings, wrong types, a DateTimeInterface whose getTimestamp() throws
--EXTENSIONS--
loyalty
--INI--
date.timezone=UTC
--FILE--
<?php
use Loyalty\Engine;

class FakeDate { public function getTimestamp() { return 1; } }
class BadDate extends DateTimeImmutable {
    public function getTimestamp(): int { throw new RuntimeException('boom', 7); }
}
class BadMutable extends DateTime {
    public function getTimestamp(): int { throw new LogicException('mutable boom'); }
}

$now = 1700000000;
$b = new Engine([]);   // built-ins always read first_order and last_order
$show = function (callable $f) {
    try {
        $r = $f();
        echo "no exception: ", json_encode($r), "\n";
    } catch (Throwable $t) {
        printf("%s (%d): %s\n", get_class($t), $t->getCode(), $t->getMessage());
    }
};
foreach ([
    ['first_order' => 'not a date'],
    ['last_order' => 'garbage'],
    ['last_order' => ''],
    ['last_order' => '2023-13-45'],
    ['first_order' => 1.5],
    ['first_order' => 1700000000.0],
    ['first_order' => []],
    ['first_order' => true],
    ['first_order' => new FakeDate],
    ['last_order' => new stdClass],
    ['last_order' => fn() => 1],
] as $c) {
    $show(fn() => $b->segmentsOf(['orders' => 1] + $c, $now));
}
// long and NUL-containing strings do not crash
try { $b->segmentsOf(['last_order' => str_repeat('x', 5000)], $now); } catch (Loyalty\InputException $t) { echo "long: ", substr($t->getMessage(), 0, 38), "\n"; }
try { $b->segmentsOf(['last_order' => "2023-11-14\0x"], $now); } catch (Loyalty\InputException $t) { echo "nul: ", substr($t->getMessage(), 0, 31), "\n"; }

// the exception thrown by getTimestamp() passes through unchanged
$show(fn() => $b->segmentsOf(['orders' => 1, 'first_order' => new BadDate('@1')], $now));
$show(fn() => $b->segmentsOf(['orders' => 1, 'last_order' => new BadMutable('@1')], $now));
$show(fn() => $b->inSegment('first_order_recent', ['first_order' => new BadDate('@1')], $now));
$show(fn() => $b->filter('first_order_recent', [['id' => 1], ['id' => 2, 'last_order' => new BadDate('@1')]], $now));
// the batch paths read only what the asked segment reads: `all` reads no date
$show(fn() => $b->inSegment('all', ['first_order' => new BadDate('@1')], $now));
$e = new Engine(['segments' => ['recent' => 'days_since_last_order < 10']]);
try {
    $e->segmentsOf(['last_order' => new BadDate('@1')], $now);
} catch (RuntimeException $t) {
    var_dump($t->getMessage() === 'boom', $t->getCode() === 7, $t->getPrevious() === null);
}
// the engine still works afterwards
echo implode(',', $e->segmentsOf(['last_order' => $now - 86400], $now)), "\n";

// getTimestamp() of a subclass is what counts
class OddDate extends DateTimeImmutable { public function getTimestamp(): int { return 5; } }
echo implode(',', $b->segmentsOf(['orders' => 1, 'first_order' => new OddDate('@' . ($now - 60))], $now)), "\n";
?>
--EXPECT--
Loyalty\InputException (3): customer.first_order: invalid date 'not a date'
Loyalty\InputException (3): customer.last_order: invalid date 'garbage'
Loyalty\InputException (3): customer.last_order: invalid date ''
Loyalty\InputException (3): customer.last_order: invalid date '2023-13-45'
Loyalty\InputException (3): customer.first_order: expected int, DateTimeInterface or date string, got float
Loyalty\InputException (3): customer.first_order: expected int, DateTimeInterface or date string, got float
Loyalty\InputException (3): customer.first_order: expected int, DateTimeInterface or date string, got array
Loyalty\InputException (3): customer.first_order: expected int, DateTimeInterface or date string, got bool
Loyalty\InputException (3): customer.first_order: expected int, DateTimeInterface or date string, got FakeDate
Loyalty\InputException (3): customer.last_order: expected int, DateTimeInterface or date string, got stdClass
Loyalty\InputException (3): customer.last_order: expected int, DateTimeInterface or date string, got Closure
long: customer.last_order: invalid date 'xxx
nul: customer.last_order: invalid da
RuntimeException (7): boom
LogicException (0): mutable boom
RuntimeException (7): boom
RuntimeException (7): boom
no exception: true
bool(true)
bool(true)
bool(true)
all,no_orders,recent
all,customers
