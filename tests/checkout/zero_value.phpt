--TEST--
Checkout: an advantage that gives nothing is not applied: zero_value, out of the best-of, no advantage_wins, earning kept; carrier first (SPEC 14)
--EXTENSIONS--
loyalty
--FILE--
<?php
use Loyalty\Engine;

$now = 1795000000;
function show(string $title, Loyalty\Result $r): void
{
    $applied = array_map(fn($a) => "+{$a['id']} {$a['discount']}" . ($a['free_shipping'] ? ' ship' : ''), $r->applied);
    $rejected = array_map(fn($x) => "-{$x['id']} {$x['reason']}" . (isset($x['missing']) ? " missing {$x['missing']}" : ''), $r->rejected);
    printf("%s: discount %d total %d earned %d spent %d | %s\n", $title, $r->discount, $r->total, $r->pointsEarned,
        $r->pointsSpent, implode(' ', array_merge($applied, $rejected)));
}
$cart = ['lines' => [['sku' => 'A', 'qty' => 1, 'price' => 4000]]];

// The issue's reproducer: 0.01% of 40.00 rounds to 0 and must not block the loyalty discount.
$e = new Engine('{"advantages":[{"id":"a","segment":"all","tiers":[{"discount_percent":0.01}]}],"loyalty":{"brackets":[{"from":10,"discount":500}]}}');
show('0-cent advantage', $e->evaluate($cart, ['orders' => 1, 'points' => 100], $now));
echo $e->evaluate($cart, ['orders' => 1, 'points' => 100], $now)->rejected[0]['message'], "\n";

// Rounding down, half_even: 0.01% of 49.99 is 0.4999 cents
foreach (['half_up', 'half_even', 'down'] as $rounding) {
    $e = new Engine(['rounding' => $rounding, 'advantages' => [['id' => 'p', 'tiers' => [['discount_percent' => 1]]]]]);
    show("1% of 0.50 $rounding", $e->evaluate(['subtotal' => 50], [], $now));
}

// Not in the best-of: a 0-cent discount does not win a tie against free shipping with 0 shipping.
$e = new Engine(['advantages' => [
    ['id' => 'zero', 'tiers' => [['discount_percent' => 0.01]]],
    ['id' => 'ship', 'tiers' => [['free_shipping' => true]]],
]]);
show('tie against free shipping', $e->evaluate(['subtotal' => 1000, 'shipping' => 0], [], $now));
// Free shipping the carrier allows is a gift whatever the shipping cost passed.
show('free shipping at 0.00', (new Engine(['advantages' => [['id' => 'ship', 'tiers' => [['free_shipping' => true]]]]]))
    ->evaluate(['subtotal' => 1000], [], $now));

// not_best only for advantages that give something
$e = new Engine(['advantages' => [
    ['id' => 'zero', 'tiers' => [['discount' => 0, 'free_shipping' => true, 'carriers' => ['DHL']]]],
    ['id' => 'small', 'tiers' => [['discount' => 100]]],
    ['id' => 'big', 'tiers' => [['discount' => 200]]],
]]);
show('not_best', $e->evaluate(['subtotal' => 1000, 'carrier' => 'UPS', 'shipping' => 500], [], $now));

// Order: carrier comes before zero_value; a percent tier with carrier-limited shipping
$e = new Engine(['advantages' => [
    ['id' => 'pc', 'tiers' => [['discount_percent' => 0.01, 'free_shipping' => true, 'carriers' => ['DHL']]]],
    ['id' => 'p0', 'tiers' => [['discount_percent' => 0.01]]],
]]);
show('carrier first', $e->evaluate(['subtotal' => 1000, 'carrier' => 'UPS', 'shipping' => 500], [], $now));
show('carrier allowed', $e->evaluate(['subtotal' => 1000, 'carrier' => 'DHL', 'shipping' => 500], [], $now));
// Before them: voucher and below_tier
$e = new Engine(['advantages' => [
    ['id' => 'v', 'tiers' => [['discount_percent' => 0.01]]],
    ['id' => 'b', 'with_voucher' => true, 'tiers' => [['from' => 5000, 'discount_percent' => 0.01]]],
]]);
show('voucher, below_tier', $e->evaluate(['subtotal' => 1000, 'vouchers' => ['X']], [], $now));

// A voucher that leaves nothing: the advantage's capped discount is 0
$e = new Engine(['advantages' => [['id' => 'w', 'with_voucher' => true, 'tiers' => [['discount' => 500]]]]]);
show('voucher took it all', $e->evaluate(['subtotal' => 1000, 'voucher_discount' => 1000, 'shipping' => 300], [], $now));

// The running cap: combinable ones apply in settings order; one left at 0 is zero_value, the best-of is not rerun
$e = new Engine(['advantages' => [
    ['id' => 'all', 'combinable' => true, 'tiers' => [['discount_percent' => 100]]],
    ['id' => 'more', 'combinable' => true, 'tiers' => [['discount' => 300]]],
    ['id' => 'best', 'tiers' => [['discount' => 400]]],
    ['id' => 'second', 'tiers' => [['discount' => 100, 'free_shipping' => true]]],
    ['id' => 'ship', 'combinable' => true, 'tiers' => [['discount' => 100, 'free_shipping' => true, 'carriers' => ['DHL']]]],
]]);
show('running cap', $e->evaluate(['subtotal' => 1000, 'carrier' => 'UPS', 'shipping' => 50], [], $now));
show('running cap, DHL', $e->evaluate(['subtotal' => 1000, 'carrier' => 'DHL', 'shipping' => 50], [], $now));

// Earning: a 0-cent advantage does not make the order "with a loyalty discount", and a 0-cent
// loyalty bracket does not block earning either
$e = new Engine(['advantages' => [['id' => 'z', 'tiers' => [['discount_percent' => 0.01]]]],
    'loyalty' => ['earn' => ['per_amount' => 100, 'points' => 1], 'spend' => ['max_percent' => 0.01],
        'brackets' => [['from' => 10, 'discount' => 500]]]]);
show('earning kept', $e->evaluate($cart, ['orders' => 1, 'points' => 100], $now));
?>
--EXPECT--
0-cent advantage: discount 500 total 3500 earned 0 spent 10 | +loyalty 500 -a zero_value
zero_value: gives 0.00 on this cart
1% of 0.50 half_up: discount 1 total 49 earned 0 spent 0 | +p 1
1% of 0.50 half_even: discount 0 total 50 earned 0 spent 0 | -p zero_value
1% of 0.50 down: discount 0 total 50 earned 0 spent 0 | -p zero_value
tie against free shipping: discount 0 total 1000 earned 0 spent 0 | +ship 0 ship -zero zero_value
free shipping at 0.00: discount 0 total 1000 earned 0 spent 0 | +ship 0 ship
not_best: discount 200 total 1300 earned 0 spent 0 | +big 200 -zero carrier -small not_best
carrier first: discount 0 total 1500 earned 0 spent 0 | -pc carrier -p0 zero_value
carrier allowed: discount 0 total 1000 earned 0 spent 0 | +pc 0 ship -p0 zero_value
voucher, below_tier: discount 0 total 1000 earned 0 spent 0 | -v voucher -b below_tier missing 4000
voucher took it all: discount 0 total 300 earned 0 spent 0 | -w zero_value
running cap: discount 1000 total 50 earned 0 spent 0 | +all 1000 -more zero_value -best zero_value -second not_best -ship carrier
running cap, DHL: discount 1000 total 0 earned 0 spent 0 | +all 1000 +ship 0 ship -more zero_value -best zero_value -second not_best
earning kept: discount 0 total 4000 earned 40 spent 0 | -z zero_value -loyalty zero_value
