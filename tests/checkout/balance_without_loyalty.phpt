--TEST--
Checkout: without a loyalty section pointsBalance is the customer's usable points as given (an int or a Ledger's balance at now), unchanged; earned and spent 0 (SPEC 14)
--EXTENSIONS--
loyalty
--FILE--
<?php
use Loyalty\Engine;
use Loyalty\Ledger;
use Loyalty\Program;

$now = 1795000000;
$cart = ['subtotal' => 4000];
// The issue's case: a program with no loyalty section, a customer with points
$e = new Engine(['advantages' => [['id' => 'a', 'tiers' => [['discount' => 500]]]]]);
$r = $e->evaluate($cart, ['orders' => 1, 'points' => 100], $now);
printf("int: balance %d earned %d spent %d\n", $r->pointsBalance, $r->pointsEarned, $r->pointsSpent);
$r = (new Engine([]))->evaluate($cart, ['points' => PHP_INT_MAX], $now);
printf("max: balance %s\n", $r->pointsBalance === PHP_INT_MAX ? 'PHP_INT_MAX' : $r->pointsBalance); // the platform's
$r = (new Engine([]))->evaluate($cart, [], $now);
printf("none: balance %d\n", $r->pointsBalance);

// A Ledger (its own program has expiry) and a ledger's entries: the balance at $now
$withExpiry = Program::fromArray(['loyalty' => ['expiry' => ['days' => 30, 'mode' => 'per_lot']]]);
$ledger = new Ledger($withExpiry);
$ledger->earn(70, $now - 40 * 86400, 'old');   // expired at $now
$ledger->earn(25, $now - 86400, 'recent');
$ledger->spend(5, $now - 3600, 'order');
$r = $e->evaluate($cart, ['ledger' => $ledger, 'points' => 999], $now);
printf("Ledger: balance %d (Ledger says %d)\n", $r->pointsBalance, $ledger->balance($now));
// entries are read with the engine's program, which has no expiry: the old lot still counts
$r = $e->evaluate($cart, ['ledger' => $ledger->entries()], $now);
printf("entries: balance %d\n", $r->pointsBalance);
$r = $e->evaluate($cart, ['ledger' => $ledger], $now - 20 * 86400);
printf("Ledger 20 days earlier: balance %d\n", $r->pointsBalance);

// A loyalty section that only earns keeps its own arithmetic: points - spent + earned
$earn = new Engine(['loyalty' => ['earn' => ['per_amount' => 100, 'points' => 1]]]);
$r = $earn->evaluate($cart, ['points' => 100], $now);
printf("earning only: balance %d earned %d\n", $r->pointsBalance, $r->pointsEarned);
// Bad points are refused even though no rule reads them
try {
    $e->evaluate($cart, ['points' => -1], $now);
} catch (Loyalty\InputException $t) {
    echo $t->getMessage(), "\n";
}
?>
--EXPECT--
int: balance 100 earned 0 spent 0
max: balance PHP_INT_MAX
none: balance 0
Ledger: balance 20 (Ledger says 20)
entries: balance 90
Ledger 20 days earlier: balance 70
earning only: balance 140 earned 40
customer.points: must be >= 0, got -1
