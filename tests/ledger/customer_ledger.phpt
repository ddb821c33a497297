--TEST--
Engine: a customer's `ledger` (object or entries) stands for `points`: its balance at $now, in segments and at checkout
--EXTENSIONS--
loyalty
--FILE--
<?php
use Loyalty\{Program, Ledger, Engine};
const D = 86400;
$b = gmmktime(0, 0, 0, 1, 1, 2026);
$settings = ['segments' => ['rich' => 'points >= 100'], 'loyalty' => [
    'earn' => ['per_amount' => 100, 'points' => 1],
    'brackets' => [['from' => 100, 'discount' => 500]],
    'expiry' => ['days' => 30],
]];
$p = Program::fromArray($settings);
$e = new Engine($p);
$l = new Ledger($p);
$l->earn(150, $b, 'o1');

foreach ([$b + D, $b + 30 * D - 1, $b + 30 * D] as $now) {
    echo implode(',', $e->segmentsOf(['orders' => 1, 'ledger' => $l], $now)), ' | ',
        implode(',', $e->segmentsOf(['orders' => 1, 'ledger' => $l->entries()], $now)), ' | ',
        var_export($e->inSegment('rich', ['orders' => 1, 'ledger' => $l], $now), true), ' | ',
        implode(',', $e->filter('rich', ['a' => ['ledger' => $l], 'b' => ['ledger' => $l->entries(), 'id' => 7], 'c' => ['points' => 100]], $now)), "\n";
}
// the balance at $now, not the latest one: a spend after $now does not count yet
$l->spend(60, $b + 2 * D);
echo implode(',', $e->segmentsOf(['ledger' => $l], $b + 2 * D - 1)), ' | ', implode(',', $e->segmentsOf(['ledger' => $l], $b + 2 * D)), "\n";
// the ledger stands for points: a `points` key next to it is not used
echo implode(',', $e->segmentsOf(['points' => 500, 'ledger' => $l], $b + 2 * D)), "\n";
// date forms for $now
echo implode(',', $e->segmentsOf(['ledger' => $l], new DateTimeImmutable('@' . ($b + D)))), "\n";

// checkout: balance 150 at day 1, bracket 100 costs 100 points
$r = $e->evaluate(['subtotal' => 10000], ['orders' => 1, 'ledger' => $l], $b + D);
echo $r->discount, ' ', $r->pointsSpent, ' ', $r->pointsEarned, ' ', $r->pointsBalance, ' ', $r->total, "\n";
$r2 = $e->evaluate(['subtotal' => 10000], ['orders' => 1, 'ledger' => $l->entries()], $b + D);
var_dump($r2->toArray() === $r->toArray());
// day 2: 90 points, not enough for the bracket; 100 points earned on 100.00
$r = $e->evaluate(['subtotal' => 10000], ['orders' => 1, 'ledger' => $l], $b + 2 * D);
echo $r->discount, ' ', $r->pointsSpent, ' ', $r->pointsEarned, ' ', $r->pointsBalance, ' ',
    json_encode(array_map(fn($x) => [$x['id'], $x['reason'], $x['missing'] ?? null], $r->rejected)), "\n";
// after expiry
$r = $e->evaluate(['subtotal' => 10000], ['orders' => 1, 'ledger' => $l], $b + 30 * D);
echo $r->pointsBalance, ' ', json_encode(array_map(fn($x) => [$x['reason'], $x['missing'] ?? null], $r->rejected)), "\n";
// evaluate() does not change the ledger
echo count($l->entries()), "\n";

// pending points are not counted (balance, not balance + pending)
$pp = Program::fromArray(['segments' => ['rich' => 'points >= 100'], 'loyalty' => ['pending_days' => 14]]);
$pl = new Ledger($pp);
$pl->earn(150, $b);
$pe = new Engine($pp);
echo implode(',', $pe->segmentsOf(['ledger' => $pl], $b + 13 * D)), ' | ', implode(',', $pe->segmentsOf(['ledger' => $pl], $b + 14 * D)), "\n";

// a Ledger object follows its own program; entries given as an array follow the engine's
$free = new Ledger(Program::fromArray([]));          // no expiry
$free->earn(150, $b);
echo implode(',', $e->segmentsOf(['ledger' => $free], $b + 40 * D)), ' | ',
    implode(',', $e->segmentsOf(['ledger' => $free->entries()], $b + 40 * D)), "\n";

// a ledger of the wrong kind is an InputException with the path
foreach ([fn() => $e->segmentsOf(['ledger' => 'x'], $b), fn() => $e->evaluate(['subtotal' => 1], ['ledger' => 5], $b),
    fn() => $e->filter('rich', ['k' => ['ledger' => new stdClass]], $b),
    fn() => $e->segmentsOf(['ledger' => [['type' => 'earn', 'points' => -1, 'at' => $b]]], $b),
    fn() => $e->segmentsOf(['ledger' => [['type' => 'spend', 'points' => 1, 'at' => $b]]], $b)] as $f) {
    try {
        $f();
        echo "no exception\n";
    } catch (Loyalty\Exception $x) {
        echo get_class($x), ' ', explode(': ', $x->getMessage(), 2)[0], "\n";
    }
}
// A customer's entries read relative dates against the $now of the question, as its other dates.
$rel = ['orders' => 1, 'ledger' => [['type' => 'grant', 'points' => 200, 'at' => '-1 day']]];
echo implode(',', $e->segmentsOf($rel, $b + 10 * D)), ' | ', implode(',', $e->segmentsOf($rel, 1000)), "\n";
?>
--EXPECT--
all,customers,rich | all,customers,rich | true | a,7,c
all,customers,rich | all,customers,rich | true | a,7,c
all,customers | all,customers | false | c
all,no_orders,rich | all,no_orders
all,no_orders
all,no_orders,rich
500 100 0 50 9500
bool(true)
0 0 100 190 [["loyalty","no_points",10]]
100 [["no_points",100]]
2
all,no_orders | all,no_orders,rich
all,no_orders,rich | all,no_orders
Loyalty\InputException customer.ledger
Loyalty\InputException customer.ledger
Loyalty\InputException customers[k].ledger
Loyalty\InputException customer.ledger[0].points
Loyalty\LedgerException customer.ledger[0]
all,customers,rich | all,customers,rich
