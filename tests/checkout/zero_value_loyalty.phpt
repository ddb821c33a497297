--TEST--
Checkout: loyalty that gives nothing is zero_value, never min_cart; a rate below one block; carrier-only brackets are carrier; earning kept (SPEC 14)
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

// The issue's reproducer: max_percent leaves 0 of a 0.01 cart; no min_cart is configured.
$e = new Engine('{"loyalty":{"spend":{"max_percent":69},"brackets":[{"from":10,"discount_percent":76}]}}');
show('max_percent leaves 0', $e->evaluate(['lines' => [['sku' => 'x', 'qty' => 1, 'price' => 1]]], ['orders' => 1, 'points' => 100], $now));
echo $e->evaluate(['subtotal' => 1], ['points' => 100], $now)->rejected[0]['message'], "\n";
// min_cart still means a configured min_cart not reached
$e = new Engine(['loyalty' => ['spend' => ['min_cart' => 500], 'brackets' => [['from' => 10, 'discount' => 100]]]]);
show('min_cart', $e->evaluate(['subtotal' => 499], ['points' => 100], $now));
show('empty cart', (new Engine(['loyalty' => ['brackets' => [['from' => 10, 'discount' => 100]]]]))->evaluate(['subtotal' => 0], ['points' => 100], $now));

// Nothing left to pay after the advantages (with_advantage) or the voucher (with_voucher)
$e = new Engine(['advantages' => [['id' => 'all', 'with_voucher' => true, 'tiers' => [['discount_percent' => 100]]]],
    'loyalty' => ['spend' => ['with_advantage' => true, 'with_voucher' => true], 'earn' => ['per_order' => 5],
        'brackets' => [['from' => 10, 'discount' => 100]]]]);
show('advantages took it all', $e->evaluate(['subtotal' => 1000], ['points' => 100], $now));
$e = new Engine(['loyalty' => ['spend' => ['with_voucher' => true], 'earn' => ['per_order' => 5], 'earn_with_voucher' => true,
    'brackets' => [['from' => 10, 'discount' => 100]]]]);
show('voucher took it all', $e->evaluate(['subtotal' => 1000, 'voucher_discount' => 1500, 'shipping' => 200], ['points' => 100], $now));

// A rate bracket reached with fewer usable points than one block: zero_value, under every policy
foreach (['lose_used', 'lose_all', 'keep_all'] as $policy) {
    $e = new Engine(['loyalty' => ['rank_by' => 'orders', 'spend' => ['policy' => $policy],
        'brackets' => [['from' => 1, 'rate' => ['points' => 10, 'value' => 100]]]]]);
    show("rate, 9 points, $policy", $e->evaluate(['subtotal' => 5000], ['orders' => 3, 'points' => 9], $now));
    show("rate, use_points 5, $policy", $e->evaluate(['subtotal' => 5000, 'use_points' => 5], ['orders' => 3, 'points' => 90], $now));
}
// A block worth more than the cart: no whole block fits
$e = new Engine(['loyalty' => ['brackets' => [['from' => 1, 'rate' => ['points' => 1, 'value' => 5000]]]]]);
show('block above the cart', $e->evaluate(['subtotal' => 4000], ['points' => 100], $now));

// Free shipping for other carriers as the only gift: carrier; with a discount left at 0: carrier too
$e = new Engine(['loyalty' => ['brackets' => [['from' => 10, 'free_shipping' => true, 'carriers' => ['DHL']]]]]);
show('carrier only', $e->evaluate(['subtotal' => 1000, 'carrier' => 'UPS', 'shipping' => 500], ['points' => 100], $now));
show('carrier allowed', $e->evaluate(['subtotal' => 1000, 'carrier' => 'DHL', 'shipping' => 500], ['points' => 100], $now));
$e = new Engine(['loyalty' => ['spend' => ['max_percent' => 0], 'brackets' => [['from' => 10, 'discount' => 100, 'free_shipping' => true, 'carriers' => ['DHL']]]]]);
show('discount 0, other carrier', $e->evaluate(['subtotal' => 1000, 'carrier' => 'UPS', 'shipping' => 500], ['points' => 100], $now));
show('discount 0, its carrier', $e->evaluate(['subtotal' => 1000, 'carrier' => 'DHL', 'shipping' => 500], ['points' => 100], $now));

// Order: the conditions and no_points come first
$e = new Engine(['loyalty' => ['spend' => ['max_percent' => 0, 'from_order' => 2], 'brackets' => [['from' => 10, 'discount' => 100]]]]);
show('order_number first', $e->evaluate(['subtotal' => 1000], ['orders' => 0, 'points' => 100], $now));
show('no_points first', $e->evaluate(['subtotal' => 1000], ['orders' => 1, 'points' => 5], $now));

// Earning: a bracket that gives nothing is not "a loyalty discount used"
$e = new Engine(['loyalty' => ['earn' => ['per_amount' => 100, 'points' => 1], 'spend' => ['max_percent' => 0.01],
    'brackets' => [['from' => 10, 'discount' => 500]]]]);
show('earning kept', $e->evaluate(['subtotal' => 4000], ['points' => 100], $now));
?>
--EXPECT--
max_percent leaves 0: discount 0 total 1 earned 0 spent 0 balance 100 | -loyalty zero_value
zero_value: gives 0.00 on this cart
min_cart: discount 0 total 499 earned 0 spent 0 balance 100 | -loyalty min_cart missing 1
empty cart: discount 0 total 0 earned 0 spent 0 balance 100 | -loyalty zero_value
advantages took it all: discount 1000 total 0 earned 5 spent 0 balance 105 | +all 1000 pts 0 -loyalty zero_value
voucher took it all: discount 0 total 200 earned 5 spent 0 balance 105 | -loyalty zero_value
rate, 9 points, lose_used: discount 0 total 5000 earned 0 spent 0 balance 9 | -loyalty zero_value
rate, use_points 5, lose_used: discount 0 total 5000 earned 0 spent 0 balance 90 | -loyalty zero_value
rate, 9 points, lose_all: discount 0 total 5000 earned 0 spent 0 balance 9 | -loyalty zero_value
rate, use_points 5, lose_all: discount 0 total 5000 earned 0 spent 0 balance 90 | -loyalty zero_value
rate, 9 points, keep_all: discount 0 total 5000 earned 0 spent 0 balance 9 | -loyalty zero_value
rate, use_points 5, keep_all: discount 0 total 5000 earned 0 spent 0 balance 90 | -loyalty zero_value
block above the cart: discount 0 total 4000 earned 0 spent 0 balance 100 | -loyalty zero_value
carrier only: discount 0 total 1500 earned 0 spent 0 balance 100 | -loyalty carrier
carrier allowed: discount 0 total 1000 earned 0 spent 0 balance 100 | +loyalty 0 ship pts 0
discount 0, other carrier: discount 0 total 1500 earned 0 spent 0 balance 100 | -loyalty carrier
discount 0, its carrier: discount 0 total 1000 earned 0 spent 10 balance 90 | +loyalty 0 ship pts 10
order_number first: discount 0 total 1000 earned 0 spent 0 balance 100 | -loyalty order_number missing 1
no_points first: discount 0 total 1000 earned 0 spent 0 balance 5 | -loyalty no_points missing 5
earning kept: discount 0 total 4000 earned 40 spent 0 balance 140 | -loyalty zero_value
