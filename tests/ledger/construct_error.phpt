--TEST--
Ledger::__construct(): malformed entries are InputExceptions naming entries[N].KEY; wrong argument types are TypeErrors
--EXTENSIONS--
loyalty
--FILE--
<?php
use Loyalty\{Program, Ledger, InputException};
$b = gmmktime(0, 0, 0, 1, 1, 2026);
$p = Program::fromArray([]);
$ok = ['type' => 'earn', 'points' => 10, 'at' => $b, 'ref' => 'o'];

function attempt(callable $f): void {
    try {
        $f();
        echo "no exception\n";
    } catch (InputException $e) {
        // the path, then the message
        echo get_class($e), ' ', $e->getCode(), ' ', explode(': ', $e->getMessage(), 2)[0], "\n";
    } catch (Throwable $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
}
$cases = [
    'negative points'     => [$ok, $ok, ['type' => 'earn', 'points' => -1, 'at' => $b]],
    'float points'        => [$ok, ['type' => 'grant', 'points' => 1.5, 'at' => $b]],
    'string points'       => [['type' => 'grant', 'points' => '5', 'at' => $b]],
    'missing points'      => [$ok, $ok, $ok, ['type' => 'earn', 'at' => $b]],
    'unknown key'         => [$ok, $ok + ['note' => 'x']],
    'unknown type'        => [['type' => 'redeem', 'points' => 1, 'at' => $b]],
    'type not a string'   => [['type' => 1, 'points' => 1, 'at' => $b]],
    'missing type'        => [$ok, ['points' => 1, 'at' => $b]],
    'missing at'          => [['type' => 'earn', 'points' => 1]],
    'at of a wrong type'  => [['type' => 'earn', 'points' => 1, 'at' => 1.5]],
    'at an array'         => [$ok, ['type' => 'earn', 'points' => 1, 'at' => []]],
    'ref not a string'    => [['type' => 'earn', 'points' => 1, 'at' => $b, 'ref' => 5]],
    'entry not an array'  => [$ok, 'earn 5'],
    'entry null'          => [null],
];
foreach ($cases as $name => $entries) {
    echo str_pad($name, 20), ': ';
    attempt(fn() => new Ledger($p, $entries));
}
// a date it cannot read: message names the path and the value
try {
    new Ledger($p, [$ok, $ok, $ok, ['type' => 'earn', 'points' => 1, 'at' => 'not a date']]);
} catch (InputException $e) {
    echo $e->getMessage(), "\n";
}
// the exception implements Loyalty\Exception
try {
    new Ledger($p, [['type' => 'earn', 'points' => -5, 'at' => $b]]);
} catch (Loyalty\Exception $e) {
    echo get_class($e), "\n";
}
// wrong argument types
attempt(fn() => new Ledger([]));
attempt(fn() => new Ledger($p, 'entries'));
attempt(fn() => new Ledger());
attempt(fn() => new Ledger(new stdClass));
?>
--EXPECT--
negative points     : Loyalty\InputException 3 entries[2].points
float points        : Loyalty\InputException 3 entries[1].points
string points       : Loyalty\InputException 3 entries[0].points
missing points      : Loyalty\InputException 3 entries[3].points
unknown key         : Loyalty\InputException 3 entries[1].note
unknown type        : Loyalty\InputException 3 entries[0].type
type not a string   : Loyalty\InputException 3 entries[0].type
missing type        : Loyalty\InputException 3 entries[1].type
missing at          : Loyalty\InputException 3 entries[0].at
at of a wrong type  : Loyalty\InputException 3 entries[0].at
at an array         : Loyalty\InputException 3 entries[1].at
ref not a string    : Loyalty\InputException 3 entries[0].ref
entry not an array  : Loyalty\InputException 3 entries[1]
entry null          : Loyalty\InputException 3 entries[0]
entries[3].at: invalid date 'not a date'
Loyalty\InputException
TypeError: Loyalty\Ledger::__construct(): Argument #1 ($program) must be of type Loyalty\Program, array given
TypeError: Loyalty\Ledger::__construct(): Argument #2 ($entries) must be of type array, string given
ArgumentCountError: Loyalty\Ledger::__construct() expects at least 1 argument, 0 given
TypeError: Loyalty\Ledger::__construct(): Argument #1 ($program) must be of type Loyalty\Program, stdClass given
