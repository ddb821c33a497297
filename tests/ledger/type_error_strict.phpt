--TEST--
Ledger methods under strict_types: a numeric string or a float for points is a TypeError
--EXTENSIONS--
loyalty
--FILE--
<?php
declare(strict_types=1);
use Loyalty\{Program, Ledger};
$b = gmmktime(0, 0, 0, 1, 1, 2026);
$l = new Ledger(Program::fromArray([]));
foreach ([fn() => $l->earn('5', $b), fn() => $l->grant(5.0, $b), fn() => $l->spend(true, $b), fn() => $l->earn(5, $b, 7)] as $i => $call) {
    try {
        $call();
        echo "$i: no exception\n";
    } catch (TypeError $e) {
        echo "$i: ", $e->getMessage(), "\n";
    }
}
var_dump($l->entries());
?>
--EXPECTF--
0: Loyalty\Ledger::earn(): Argument #1 ($points) must be of type int, string given
1: Loyalty\Ledger::grant(): Argument #1 ($points) must be of type int, float given
2: Loyalty\Ledger::spend(): Argument #1 ($points) must be of type int, %r(bool|true)%r given
3: Loyalty\Ledger::earn(): Argument #3 ($ref) must be of type string, int given
array(0) {
}
