--TEST--
Checkout: keep_all never deducts, so cost never gates it: the bracket reached applies whatever its cost; no_points only when none is reached (SPEC 14)
--EXTENSIONS--
loyalty
--FILE--
<?php
use Loyalty\Engine;

$now = 1795000000;
function show(string $title, Loyalty\Result $r): void
{
    $applied = array_map(fn($a) => "+{$a['id']} {$a['discount']}" . ($a['free_shipping'] ? ' ship' : '') . " pts {$a['points_spent']}", $r->applied);
    $rejected = array_map(fn($x) => "-{$x['id']} {$x['reason']}" . (isset($x['missing']) ? " missing {$x['missing']}" : ''), $r->rejected);
    printf("%s: discount %d total %d earned %d spent %d balance %d | %s\n", $title, $r->discount, $r->total,
        $r->pointsEarned, $r->pointsSpent, $r->pointsBalance, implode(' ', array_merge($applied, $rejected)));
}
$cart = ['lines' => [['sku' => 'x', 'qty' => 1, 'price' => 1000]]];

// The issue's reproducer: 20 points, a bracket from 7 costing 32
$e = new Engine('{"loyalty":{"spend":{"policy":"keep_all"},"brackets":[{"from":7,"discount":1089,"cost":32}]}}');
show('keep_all, cost 32', $e->evaluate($cart, ['orders' => 1, 'points' => 20], $now));
show('keep_all, use_points 1', $e->evaluate($cart + ['use_points' => 1], ['orders' => 1, 'points' => 20], $now));
show('keep_all, below the bracket', $e->evaluate($cart, ['orders' => 1, 'points' => 6], $now));
// The same bracket under the other policies is gated by its cost
foreach (['lose_used', 'lose_all'] as $policy) {
    $e = new Engine(['loyalty' => ['spend' => ['policy' => $policy], 'brackets' => [['from' => 7, 'discount' => 1089, 'cost' => 32]]]]);
    show("$policy, cost 32", $e->evaluate($cart, ['orders' => 1, 'points' => 20], $now));
}
// Default cost (from) under keep_all, ranked by points: applies, nothing deducted
$e = new Engine(['loyalty' => ['spend' => ['policy' => 'keep_all'], 'brackets' => [['from' => 100, 'discount_percent' => 5]]]]);
show('keep_all, default cost', $e->evaluate($cart + ['use_points' => 10], ['points' => 150], $now));
// Ranked by orders: rank for life, whatever the points
$e = new Engine(['loyalty' => ['rank_by' => 'orders', 'spend' => ['policy' => 'keep_all'],
    'brackets' => [['from' => 10, 'discount_percent' => 5, 'cost' => 1000], ['from' => 25, 'discount_percent' => 10]]]]);
show('keep_all by orders, 12', $e->evaluate($cart, ['orders' => 12, 'points' => 0], $now));
show('keep_all by orders, 30', $e->evaluate($cart, ['orders' => 30], $now));
show('keep_all by orders, 3', $e->evaluate($cart, ['orders' => 3], $now));

// warnings(): a cost written under keep_all has no effect, named where it differs from the default
$p = Loyalty\Program::fromArray(['loyalty' => ['spend' => ['policy' => 'keep_all'], 'brackets' => [
    ['from' => 7, 'discount' => 1089, 'cost' => 32], ['from' => 100, 'discount' => 2000, 'cost' => 100]]]]);
foreach ($p->warnings() as $w) {
    echo $w['path'], ': ', $w['message'], "\n";
}
foreach ($e->program()->warnings() as $w) {   // ranked by orders: the default cost is 0
    echo $w['path'], ': ', $w['message'], "\n";
}
echo count(Loyalty\Program::fromArray(['loyalty' => ['spend' => ['policy' => 'lose_used'], 'brackets' => [
    ['from' => 7, 'discount' => 1089, 'cost' => 32]]]])->warnings()), " warnings under lose_used\n";
?>
--EXPECT--
keep_all, cost 32: discount 1000 total 0 earned 0 spent 0 balance 20 | +loyalty 1000 pts 0
keep_all, use_points 1: discount 1000 total 0 earned 0 spent 0 balance 20 | +loyalty 1000 pts 0
keep_all, below the bracket: discount 0 total 1000 earned 0 spent 0 balance 6 | -loyalty no_points missing 1
lose_used, cost 32: discount 0 total 1000 earned 0 spent 0 balance 20 | -loyalty no_points missing 12
lose_all, cost 32: discount 0 total 1000 earned 0 spent 0 balance 20 | -loyalty no_points missing 12
keep_all, default cost: discount 50 total 950 earned 0 spent 0 balance 150 | +loyalty 50 pts 0
keep_all by orders, 12: discount 50 total 950 earned 0 spent 0 balance 0 | +loyalty 50 pts 0
keep_all by orders, 30: discount 100 total 900 earned 0 spent 0 balance 0 | +loyalty 100 pts 0
keep_all by orders, 3: discount 0 total 1000 earned 0 spent 0 balance 0 | -loyalty no_points missing 7
loyalty.brackets[0]: cost 32 has no effect: keep_all never deducts points
loyalty.brackets[0]: cost 1000 has no effect: keep_all never deducts points
1 warnings under lose_used
