--TEST--
Ledger methods: wrong PHP types for parameters raise TypeError (ArgumentCountError for missing ones), the ledger unchanged
--EXTENSIONS--
loyalty
--FILE--
<?php
use Loyalty\{Program, Ledger};
$b = gmmktime(0, 0, 0, 1, 1, 2026);
$l = new Ledger(Program::fromArray(['loyalty' => ['rewards' => ['threshold' => 1, 'coupon' => ['discount' => 1]]]]));
$l->earn(10, $b);
$before = $l->entries();
$calls = [
    fn() => $l->earn('ten', $b),
    fn() => $l->earn([], $b),
    fn() => $l->earn(1, []),
    fn() => $l->earn(1, null),
    fn() => $l->earn(1, new stdClass),
    fn() => $l->earn(1, $b, []),
    fn() => $l->grant(1, 1.5e300),
    fn() => $l->grant(1, $b, new stdClass),
    fn() => $l->spend(new stdClass, $b),
    fn() => $l->spend(1),
    fn() => $l->balance([]),
    fn() => $l->balance(new stdClass),
    fn() => $l->pending([1]),
    fn() => $l->expiring(new ArrayObject()),
    fn() => $l->warningsDue($b),
    fn() => $l->warningsDue(null, $b),
    fn() => $l->warningsDue($b, []),
    fn() => $l->issueRewards(null),
    fn() => $l->issueRewards([]),
    fn() => $l->issueRewards(),
    fn() => $l->entries(1),
];
foreach ($calls as $i => $call) {
    try {
        $call();
        echo "$i: no exception\n";
    } catch (TypeError $e) {
        echo "$i: ", get_class($e), "\n";
    }
}
var_dump($l->entries() === $before);
?>
--EXPECT--
0: TypeError
1: TypeError
2: TypeError
3: TypeError
4: TypeError
5: TypeError
6: TypeError
7: TypeError
8: TypeError
9: ArgumentCountError
10: TypeError
11: TypeError
12: TypeError
13: TypeError
14: ArgumentCountError
15: TypeError
16: TypeError
17: TypeError
18: TypeError
19: ArgumentCountError
20: ArgumentCountError
bool(true)
