--TEST--
Hostile: every limit of docs/limits.md is a clean exception naming the path (one past each limit), and the limit itself is accepted where cheap
--EXTENSIONS--
loyalty
--INI--
memory_limit=256M
--FILE--
<?php
use Loyalty\{Engine, Program, Ledger};
function attempt(string $label, callable $f) {
    try {
        $r = $f();
        echo "$label: ", is_object($r) ? get_class($r) : json_encode($r), "\n";
    } catch (Throwable $t) {
        echo "$label: ", get_class($t), ' ', strtok($t->getMessage(), "\n"), "\n";
    }
}
$tier = ['discount' => 1];

echo "--- settings size\n";
attempt('JSON 16 MiB + 1', fn() => Program::fromJson('{}' . str_repeat(' ', 16 * 1024 * 1024 - 1)));
attempt('JSON 16 MiB', fn() => Program::fromJson('{}' . str_repeat(' ', 16 * 1024 * 1024 - 2)));
attempt('JSON 64 MiB', fn() => Program::fromJson(str_repeat(' ', 64 * 1024 * 1024)));
$wide = array_fill(0, 2000, 0);
attempt('4,000,001 values', fn() => Program::fromArray(['segments' => array_fill(0, 2000, $wide), 'x' => 1]));
// no settings value is legitimately nested this deep: conversion stops at 32 levels (no deep recursion)
attempt('nesting 10,000', fn() => Program::fromArray(['segments' => ['x' => array_reduce(range(1, 10000), fn($c) => [$c], 'true')]]));
attempt('JSON nesting 600', fn() => Program::fromJson(str_repeat('[', 600) . str_repeat(']', 600)));

echo "--- expressions\n";
attempt('4096 bytes', fn() => Program::fromArray(['segments' => ['x' => 'true' . str_repeat(' ', 4092)]]));
attempt('4097 bytes', fn() => Program::fromArray(['segments' => ['x' => 'true' . str_repeat(' ', 4093)]]));
attempt('64 levels', fn() => Program::fromArray(['segments' => ['x' => str_repeat('(', 64) . 'true' . str_repeat(')', 64)]]));
attempt('65 levels', fn() => Program::fromArray(['segments' => ['x' => str_repeat('(', 65) . 'true' . str_repeat(')', 65)]]));

// evaluation recurses along segment() chains and into each expression: chains are bounded
$chain = fn(int $n, int $nots) => array_combine(array_map(fn($i) => "s$i", range(0, $n)),
    array_map(fn($i) => $i === $n ? 'orders > 1' : str_repeat('not ', $nots) . "segment('s" . ($i + 1) . "')", range(0, $n)));
attempt('chain of 32 references', fn() => (new Engine(['segments' => $chain(32, 62)]))->inSegment('s0', ['orders' => 2], 1));
attempt('chain of 33 references', fn() => new Engine(['segments' => $chain(33, 0)]));
attempt('chain of 9,999 references', fn() => new Engine(['segments' => $chain(9999, 60)]));

echo "--- settings counts\n";
$segments = [];
for ($i = 0; $i < 10000; $i++) {
    $segments["s$i"] = 'true';
}
attempt('10,000 segments', fn() => count(Program::fromArray(['segments' => $segments])->segmentNames()));
$segments['one_more'] = 'true';
attempt('10,001 segments', fn() => Program::fromArray(['segments' => $segments]));
attempt('200,001 advantages', fn() => Program::fromArray(['advantages' => array_fill(0, 200001, ['id' => 'a', 'tiers' => [$tier]])]));
attempt('1,000 tiers', fn() => count(Program::fromArray(['advantages' => [['id' => 'a', 'tiers' => array_fill(0, 1000, $tier)]]])->toArray()['advantages'][0]['tiers']));
attempt('1,001 tiers', fn() => Program::fromArray(['advantages' => [['id' => 'a', 'tiers' => array_fill(0, 1001, $tier)]]]));
attempt('1,000 brackets', fn() => count(Program::fromArray(['loyalty' => ['brackets' => array_fill(0, 1000, ['from' => 1, 'discount' => 1])]])->toArray()['loyalty']['brackets']));
attempt('1,001 brackets', fn() => Program::fromArray(['loyalty' => ['brackets' => array_fill(0, 1001, ['from' => 1, 'discount' => 1])]]));
attempt('10,000 carriers', fn() => count(Program::fromArray(['advantages' => [['id' => 'a', 'tiers' => [['free_shipping' => true, 'carriers' => array_fill(0, 10000, 'C')]]]]])->toArray()['advantages'][0]['tiers'][0]['carriers']));
attempt('10,001 carriers', fn() => Program::fromArray(['advantages' => [['id' => 'a', 'tiers' => [['free_shipping' => true, 'carriers' => array_fill(0, 10001, 'C')]]]]]));
attempt('10,001 warn_days', fn() => Program::fromArray(['loyalty' => ['expiry' => ['days' => 10, 'warn_days' => array_fill(0, 10001, 1)]]]));

echo "--- inputs\n";
$e = new Engine(['segments' => ['vip' => "'VIP' in groups", 'c' => "'X' in carriers", 'b' => "'R' in bought"],
    'advantages' => [['id' => 'a', 'tiers' => [['discount_percent' => 10]]]]]);
$line = ['sku' => 'A', 'qty' => 1, 'price' => 1];
attempt('100,000 lines', fn() => $e->evaluate(['lines' => array_fill(0, 100000, $line)], [], 1)->discount);
attempt('100,001 lines', fn() => $e->evaluate(['lines' => array_fill(0, 100001, $line)], [], 1));
attempt('1,000,000 lines', fn() => $e->evaluate(['lines' => array_fill(0, 1000000, $line)], [], 1));
foreach (['groups', 'carriers', 'bought'] as $key) {
    attempt("1,000,001 $key", fn() => $e->segmentsOf([$key => array_fill(0, 1000001, 'G')], 1));
}
attempt('1,000,000 groups', fn() => $e->segmentsOf(['groups' => array_fill(0, 1000000, 'VIP')], 1));
attempt('1,000,001 groups in filter', fn() => $e->filter('vip', ['k' => ['groups' => array_fill(0, 1000001, 'G')]], 1));

echo "--- ledger\n";
$p = Program::fromArray(['loyalty' => ['rewards' => ['threshold' => 1, 'coupon' => ['discount' => 1]]]]);
$entry = ['type' => 'grant', 'points' => 1, 'at' => 1];
attempt('1,000,001 entries', fn() => new Ledger($p, array_fill(0, 1000001, $entry)));
attempt('1,000,001 entries of a customer', fn() => (new Engine(['segments' => ['r' => 'points > 0']]))->segmentsOf(['ledger' => array_fill(0, 1000001, $entry)], 1));
$l = new Ledger($p);
$l->grant(2500, 1);
attempt('coupons, first call', fn() => count($l->issueRewards(2)));
attempt('coupons, second call', fn() => count($l->issueRewards(3)));
attempt('coupons, third call', fn() => count($l->issueRewards(4)));
attempt('balance', fn() => $l->balance(5));
?>
--EXPECT--
--- settings size
JSON 16 MiB + 1: Loyalty\ConfigException settings: 16777217 bytes of JSON, at most 16777216
JSON 16 MiB: Loyalty\Program
JSON 64 MiB: Loyalty\ConfigException settings: 67108864 bytes of JSON, at most 16777216
4,000,001 values: Loyalty\ConfigException settings: more than 4000000 values
nesting 10,000: Loyalty\ConfigException segments.x: expected string (expression), got list
JSON nesting 600: Loyalty\ConfigException settings: invalid JSON: Maximum stack depth exceeded
--- expressions
4096 bytes: Loyalty\Program
4097 bytes: Loyalty\ExpressionException segments.x: expression is longer than 4096 bytes at column 4097
64 levels: Loyalty\Program
65 levels: Loyalty\ExpressionException segments.x: expression is nested deeper than 64 levels at column 65
chain of 32 references: true
chain of 33 references: Loyalty\ExpressionException segments.s32: segment() references nested deeper than 32 levels at column 1
chain of 9,999 references: Loyalty\ExpressionException segments.s32: segment() references nested deeper than 32 levels at column 241
--- settings counts
10,000 segments: 10006
10,001 segments: Loyalty\ConfigException segments: too many segments (10001, at most 10000)
200,001 advantages: Loyalty\ConfigException advantages: too many advantages (200001, at most 200000)
1,000 tiers: 1000
1,001 tiers: Loyalty\ConfigException advantages[0].tiers: too many tiers (1001, at most 1000)
1,000 brackets: 1000
1,001 brackets: Loyalty\ConfigException loyalty.brackets: too many brackets (1001, at most 1000)
10,000 carriers: 10000
10,001 carriers: Loyalty\ConfigException advantages[0].tiers[0].carriers: too many values (10001, at most 10000)
10,001 warn_days: Loyalty\ConfigException loyalty.expiry.warn_days: too many values (10001, at most 10000)
--- inputs
100,000 lines: 10000
100,001 lines: Loyalty\InputException cart.lines: too many lines (100001, at most 100000)
1,000,000 lines: Loyalty\InputException cart.lines: too many lines (1000000, at most 100000)
1,000,001 groups: Loyalty\InputException customer.groups: too many values (1000001, at most 1000000)
1,000,001 carriers: Loyalty\InputException customer.carriers: too many values (1000001, at most 1000000)
1,000,001 bought: Loyalty\InputException customer.bought: too many values (1000001, at most 1000000)
1,000,000 groups: ["all","no_orders","vip"]
1,000,001 groups in filter: Loyalty\InputException customers[k].groups: too many values (1000001, at most 1000000)
--- ledger
1,000,001 entries: Loyalty\InputException entries: too many entries (1000001, at most 1000000)
1,000,001 entries of a customer: Loyalty\InputException customer.ledger: too many entries (1000001, at most 1000000)
coupons, first call: 1000
coupons, second call: 1000
coupons, third call: 500
balance: 0
