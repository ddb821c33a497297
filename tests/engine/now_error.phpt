--TEST--
$now errors: an unreadable string is an InputException at path now; a wrong PHP type is a TypeError
--EXTENSIONS--
loyalty
--FILE--
<?php
use Loyalty\Engine;

$e = new Engine([]);
$show = function (callable $f) {
    try {
        $r = $f();
        echo "no exception: ", json_encode($r), "\n";
    } catch (Throwable $t) {
        printf("%s (%d): %s\n", get_class($t), $t->getCode(), $t->getMessage());
    }
};
// unreadable strings, in each method
$show(fn() => $e->segmentsOf([], 'garbage'));
$show(fn() => $e->inSegment('all', [], 'garbage'));
$show(fn() => $e->filter('all', [[]], 'garbage'));
$show(fn() => $e->segmentsOf([], ''));
// checked even when the customer list is empty
$show(fn() => $e->filter('all', [], 'not a date'));

// a DateTimeInterface whose getTimestamp() throws: passed through
class BadDate extends DateTimeImmutable { public function getTimestamp(): int { throw new RuntimeException('boom'); } }
$show(fn() => $e->segmentsOf([], new BadDate('@1')));
$show(fn() => $e->inSegment('all', [], new BadDate('@1')));
$show(fn() => $e->filter('all', [[]], new BadDate('@1')));

// wrong PHP types for int|string|DateTimeInterface|null: TypeError (SPEC 2)
$show(fn() => $e->segmentsOf([], []));
$show(fn() => $e->segmentsOf([], new stdClass));
$show(fn() => $e->inSegment('all', [], [1]));
$show(fn() => $e->filter('all', [], new ArrayObject([])));
?>
--EXPECTF--
Loyalty\InputException (3): now: invalid date 'garbage'
Loyalty\InputException (3): now: invalid date 'garbage'
Loyalty\InputException (3): now: invalid date 'garbage'
Loyalty\InputException (3): now: invalid date ''
Loyalty\InputException (3): now: invalid date 'not a date'
RuntimeException (0): boom
RuntimeException (0): boom
RuntimeException (0): boom
TypeError (0): Loyalty\Engine::segmentsOf(): Argument #2 ($now) must be of type %s, array given
TypeError (0): Loyalty\Engine::segmentsOf(): Argument #2 ($now) must be of type %s, stdClass given
TypeError (0): Loyalty\Engine::inSegment(): Argument #3 ($now) must be of type %s, array given
TypeError (0): Loyalty\Engine::filter(): Argument #3 ($now) must be of type %s, ArrayObject given
