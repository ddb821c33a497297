--TEST--
Ledger::earn()/grant()/spend(): negative points are InputExceptions (message pinned), the ledger unchanged
--EXTENSIONS--
loyalty
--FILE--
<?php
use Loyalty\{Program, Ledger, InputException};
$b = gmmktime(0, 0, 0, 1, 1, 2026);
$l = new Ledger(Program::fromArray([]));
$l->earn(10, $b);
$before = $l->entries();
foreach (['earn' => -5, 'grant' => -1, 'spend' => PHP_INT_MIN] as $method => $points) {
    try {
        $l->$method($points, $b + 1, 'x');
        echo "no exception\n";
    } catch (InputException $e) {
        // (PHP_INT_MIN by name: its digits are the platform's)
        echo $method, ': ', get_class($e), ' ', $e->getCode(), ' ', str_replace((string) PHP_INT_MIN, 'PHP_INT_MIN', $e->getMessage()), ' ',
            $e instanceof Loyalty\Exception ? 'Loyalty\Exception' : 'not a Loyalty\Exception', "\n";
    }
}
var_dump($l->entries() === $before, $l->balance($b + 1));
?>
--EXPECT--
earn: Loyalty\InputException 3 points: must be >= 0, got -5 Loyalty\Exception
grant: Loyalty\InputException 3 points: must be >= 0, got -1 Loyalty\Exception
spend: Loyalty\InputException 3 points: must be >= 0, got PHP_INT_MIN Loyalty\Exception
bool(true)
int(10)
