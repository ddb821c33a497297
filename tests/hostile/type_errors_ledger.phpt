--TEST--
Hostile: every Ledger method fed wrong PHP types throws TypeError / ArgumentCountError with PHP's own wording, ledger unchanged
--EXTENSIONS--
loyalty
--FILE--
<?php
use Loyalty\{Ledger, Program};
$p = Program::fromArray(['loyalty' => ['rewards' => ['threshold' => 1, 'coupon' => ['discount' => 1]]]]);
$l = new Ledger($p);
$l->earn(10, 1000);
$before = $l->entries();
$calls = [
    'construct none'      => fn() => new Ledger(),
    'construct array'     => fn() => new Ledger([]),
    'construct engine'    => fn() => new Ledger(new Loyalty\Engine([])),
    'construct entries'   => fn() => new Ledger($p, 'entries'),
    'construct iterator'  => fn() => new Ledger($p, new ArrayIterator([])),
    'construct null'      => fn() => new Ledger($p, null),
    'earn points NAN'     => fn() => $l->earn(NAN, 1),
    'earn points INF'     => fn() => $l->earn(-INF, 1),
    'earn points big'     => fn() => $l->earn(1e20, 1),
    'earn points string'  => fn() => $l->earn('10 points', 1),
    'earn at null'        => fn() => $l->earn(1, null),
    'earn at float'       => fn() => $l->earn(1, NAN),
    'earn at array'       => fn() => $l->earn(1, [1]),
    'earn at zone'        => fn() => $l->earn(1, new DateTimeZone('UTC')),
    'earn ref array'      => fn() => $l->earn(1, 1, []),
    'grant ref object'    => fn() => $l->grant(1, 1, new stdClass),
    'spend one'           => fn() => $l->spend(1),
    'spend four'          => fn() => $l->spend(1, 1, '', 1),
    'balance array'       => fn() => $l->balance([]),
    'balance INF'         => fn() => $l->balance(INF),
    'pending object'      => fn() => $l->pending(new stdClass),
    'expiring two'        => fn() => $l->expiring(1, 2),
    'warningsDue null'    => fn() => $l->warningsDue(null, 1),
    'warningsDue to'      => fn() => $l->warningsDue(1, NAN),
    'warningsDue one'     => fn() => $l->warningsDue(1),
    'issueRewards none'   => fn() => $l->issueRewards(),
    'issueRewards bool'   => fn() => $l->issueRewards(false),
    'issueRewards float'  => fn() => $l->issueRewards(-INF),
    'entries arg'         => fn() => $l->entries(0),
];
foreach ($calls as $label => $call) {
    try {
        $r = $call();
        echo "$label: no exception, ", get_debug_type($r), "\n";
    } catch (Throwable $t) {
        echo "$label: ", get_class($t), ': ', $t->getMessage(), "\n";
    }
}
var_dump($l->entries() === $before);
// PHP's weak-mode coercions still apply: numeric strings, integral floats, a Stringable ref
$l->earn('5', 2000.0, new class { public function __toString(): string { return 'order-7'; } });
echo json_encode(array_slice($l->entries(), -1)), "\n";
?>
--EXPECT--
construct none: ArgumentCountError: Loyalty\Ledger::__construct() expects at least 1 argument, 0 given
construct array: TypeError: Loyalty\Ledger::__construct(): Argument #1 ($program) must be of type Loyalty\Program, array given
construct engine: TypeError: Loyalty\Ledger::__construct(): Argument #1 ($program) must be of type Loyalty\Program, Loyalty\Engine given
construct entries: TypeError: Loyalty\Ledger::__construct(): Argument #2 ($entries) must be of type array, string given
construct iterator: TypeError: Loyalty\Ledger::__construct(): Argument #2 ($entries) must be of type array, ArrayIterator given
construct null: TypeError: Loyalty\Ledger::__construct(): Argument #2 ($entries) must be of type array, null given
earn points NAN: TypeError: Loyalty\Ledger::earn(): Argument #1 ($points) must be of type int, float given
earn points INF: TypeError: Loyalty\Ledger::earn(): Argument #1 ($points) must be of type int, float given
earn points big: TypeError: Loyalty\Ledger::earn(): Argument #1 ($points) must be of type int, float given
earn points string: TypeError: Loyalty\Ledger::earn(): Argument #1 ($points) must be of type int, string given
earn at null: TypeError: Loyalty\Ledger::earn(): Argument #2 ($at) must be of type DateTimeInterface|string|int, null given
earn at float: TypeError: Loyalty\Ledger::earn(): Argument #2 ($at) must be of type DateTimeInterface|string|int, float given
earn at array: TypeError: Loyalty\Ledger::earn(): Argument #2 ($at) must be of type DateTimeInterface|string|int, array given
earn at zone: TypeError: Loyalty\Ledger::earn(): Argument #2 ($at) must be of type DateTimeInterface|string|int, DateTimeZone given
earn ref array: TypeError: Loyalty\Ledger::earn(): Argument #3 ($ref) must be of type string, array given
grant ref object: TypeError: Loyalty\Ledger::grant(): Argument #3 ($reason) must be of type string, stdClass given
spend one: ArgumentCountError: Loyalty\Ledger::spend() expects at least 2 arguments, 1 given
spend four: ArgumentCountError: Loyalty\Ledger::spend() expects at most 3 arguments, 4 given
balance array: TypeError: Loyalty\Ledger::balance(): Argument #1 ($at) must be of type DateTimeInterface|string|int|null, array given
balance INF: TypeError: Loyalty\Ledger::balance(): Argument #1 ($at) must be of type DateTimeInterface|string|int|null, float given
pending object: TypeError: Loyalty\Ledger::pending(): Argument #1 ($at) must be of type DateTimeInterface|string|int|null, stdClass given
expiring two: ArgumentCountError: Loyalty\Ledger::expiring() expects at most 1 argument, 2 given
warningsDue null: TypeError: Loyalty\Ledger::warningsDue(): Argument #1 ($from) must be of type DateTimeInterface|string|int, null given
warningsDue to: TypeError: Loyalty\Ledger::warningsDue(): Argument #2 ($to) must be of type DateTimeInterface|string|int, float given
warningsDue one: ArgumentCountError: Loyalty\Ledger::warningsDue() expects exactly 2 arguments, 1 given
issueRewards none: ArgumentCountError: Loyalty\Ledger::issueRewards() expects exactly 1 argument, 0 given
issueRewards bool: no exception, array
issueRewards float: TypeError: Loyalty\Ledger::issueRewards(): Argument #1 ($at) must be of type DateTimeInterface|string|int, float given
entries arg: ArgumentCountError: Loyalty\Ledger::entries() expects exactly 0 arguments, 1 given
bool(true)
[{"type":"earn","points":5,"at":2000,"ref":"order-7"}]
