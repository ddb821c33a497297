--TEST--
Hostile: PHP_INT_MIN / PHP_INT_MAX in carts, customers and settings are exact or refused naming the path, never wrapped
--EXTENSIONS--
loyalty
--SKIPIF--
<?php
// its numbers are 64-bit PHP's extremes; int_extremes_checkout_32bit.phpt has 32-bit PHP's
if (PHP_INT_SIZE === 4) die('skip 64-bit PHP only');
?>
--FILE--
<?php
use Loyalty\{Engine, Program};
const M = PHP_INT_MAX;
const N = PHP_INT_MIN;
$now = 1790000000;
function show(string $label, callable $f) {
    try {
        $r = $f();
        echo "$label: ", is_object($r) ? json_encode([$r->subtotal, $r->discount, $r->shippingDiscount, $r->total,
            $r->pointsEarned, $r->pointsSpent, $r->pointsBalance, array_column($r->rejected, 'message')]) : json_encode($r), "\n";
    } catch (Loyalty\Exception $x) {
        echo "$label: ", get_class($x), ' ', $x->getMessage(), "\n";
    }
}

echo "--- cart\n";
$e = new Engine(['advantages' => [['id' => 'ship', 'tiers' => [['free_shipping' => true]]]]]);
show('qty min', fn() => $e->evaluate(['lines' => [['qty' => N, 'price' => 1]]], [], $now));
show('price min', fn() => $e->evaluate(['lines' => [['qty' => 1, 'price' => N]]], [], $now));
show('shipping min', fn() => $e->evaluate(['subtotal' => 1, 'shipping' => N], [], $now));
show('zero times max', fn() => $e->evaluate(['lines' => [['qty' => 0, 'price' => M], ['qty' => M, 'price' => 0], ['qty' => 1, 'price' => M]]], [], $now));
show('max qty * 1', fn() => $e->evaluate(['lines' => [['qty' => M, 'price' => 1]]], [], $now));
show('max + 1 line', fn() => $e->evaluate(['lines' => [['qty' => M, 'price' => 1], ['qty' => 1, 'price' => 1]]], [], $now));
show('min * min', fn() => $e->evaluate(['lines' => [['qty' => 3037000500, 'price' => 3037000500]]], [], $now));
show('shipping max free', fn() => $e->evaluate(['subtotal' => M, 'shipping' => M], [], $now));
show('voucher max', fn() => $e->evaluate(['subtotal' => 5, 'voucher_discount' => M, 'shipping' => M, 'vouchers' => ['V']], [], $now));
show('use_points max', fn() => $e->evaluate(['subtotal' => 5, 'use_points' => M], [], $now));
show('use_points min', fn() => $e->evaluate(['subtotal' => 5, 'use_points' => N], [], $now));

echo "--- customer\n";
$e = new Engine(['segments' => ['sum' => 'spent + points > 10', 'product' => 'spent * 2 > 10', 'diff' => 'orders - spent < 0',
        'quot' => 'spent / 1 == spent'],
    'loyalty' => ['earn' => ['per_amount' => 100], 'spend' => ['from_order' => 2], 'brackets' => [['from' => 10, 'discount' => 100]]]]);
show('orders max', fn() => $e->evaluate(['subtotal' => 1000], ['orders' => M, 'points' => 50], $now));
show('orders max - 1', fn() => $e->evaluate(['subtotal' => 1000, 'use_points' => false], ['orders' => M - 1], $now));
show('orders min', fn() => $e->evaluate(['subtotal' => 1000], ['orders' => N], $now));
show('spent min', fn() => $e->segmentsOf(['spent' => N], $now));
show('points min', fn() => $e->segmentsOf(['points' => N], $now));
show('lifetime min', fn() => (new Engine(['segments' => ['x' => 'lifetime_points > 0']]))->segmentsOf(['lifetime_points' => N], $now));
show('arithmetic', fn() => $e->segmentsOf(['orders' => 1, 'spent' => M, 'points' => M], $now));
show('points max spent', fn() => $e->evaluate(['subtotal' => 1000, 'use_points' => M], ['orders' => 3, 'points' => M], $now));
show('points max earned', fn() => $e->evaluate(['subtotal' => 1000, 'use_points' => false], ['orders' => 3, 'points' => M], $now));
show('ledger max', fn() => $e->evaluate(['subtotal' => 10], ['ledger' => [['type' => 'grant', 'points' => M, 'at' => 1]]], $now));
show('ledger max + 1', fn() => $e->segmentsOf(['ledger' => [['type' => 'grant', 'points' => M, 'at' => 1], ['type' => 'grant', 'points' => 1, 'at' => 2]]], $now));
show('attr max', fn() => (new Engine(['segments' => ['x' => 'attr.n + 1 > 0', 'y' => 'attr.n * attr.n > 0', 'z' => 'attr.n - 1 < 0']]))
    ->segmentsOf(['attributes' => ['n' => N]], $now));

echo "--- settings\n";
foreach ([
    'tier from min' => ['advantages' => [['id' => 'a', 'tiers' => [['from' => N, 'discount' => 1]]]]],
    'tier discount min' => ['advantages' => [['id' => 'a', 'tiers' => [['discount' => N]]]]],
    'expiry days max' => ['loyalty' => ['expiry' => ['days' => M]]],
    'warn_days min' => ['loyalty' => ['expiry' => ['days' => 10, 'warn_days' => [N]]]],
    'pending min' => ['loyalty' => ['pending_days' => N]],
    'valid_days max' => ['loyalty' => ['rewards' => ['threshold' => 1, 'coupon' => ['discount' => 1, 'valid_days' => M]]]],
    'threshold min' => ['loyalty' => ['rewards' => ['threshold' => N, 'coupon' => ['discount' => 1]]]],
    'rate points min' => ['loyalty' => ['brackets' => [['from' => 1, 'rate' => ['points' => N, 'value' => 1]]]]],
] as $label => $settings) {
    show($label, fn() => Program::fromArray($settings)->toArray());
}
show('json above max', fn() => Program::fromJson('{"loyalty": {"earn": {"per_amount": 9223372036854775808}}}'));
show('json below min', fn() => Program::fromJson('{"loyalty": {"pending_days": -9223372036854775809}}'));

echo "--- PHP_INT_MIN / PHP_INT_MAX as array keys, printed as PHP prints them\n";
show('segment name', fn() => Program::fromArray(['segments' => [N => 'true']]));
show('settings key', fn() => Program::fromArray([M => 1]));
show('entry key', fn() => new Loyalty\Ledger(Program::fromArray([]), [['type' => 'earn', 'points' => 1, 'at' => 1, N => 1]]));
show('entry key -1', fn() => new Loyalty\Ledger(Program::fromArray([]), [['type' => 'earn', 'points' => 1, 'at' => 1, -1 => 1]]));
show('filter key', fn() => (new Engine([]))->filter('all', [N => 'x'], $now));
show('filter key as id', fn() => (new Engine([]))->filter('all', [N => [], M => []], $now));

echo "--- the largest settings work\n";
$e = new Engine(['advantages' => [['id' => 'big', 'tiers' => [['from' => M, 'discount' => M, 'free_shipping' => true]]]],
    'loyalty' => ['earn' => ['per_amount' => 1], 'brackets' => [['from' => 1, 'rate' => ['points' => 1, 'value' => M]]]]]);
show('tier at max', fn() => $e->evaluate(['subtotal' => M, 'shipping' => M], ['points' => M - 1], $now));
show('rate value max', fn() => $e->evaluate(['subtotal' => M - 1, 'use_points' => 1], ['points' => 1, 'orders' => 1], $now));
show('earned overflow', fn() => $e->evaluate(['subtotal' => M - 1, 'use_points' => false], ['points' => 2], $now));

echo "--- percents, caps and rounding modes at the top of the range\n";
foreach (['half_up', 'half_even', 'down'] as $rounding) {
    $e = new Engine(['rounding' => $rounding,
        'advantages' => [['id' => 'p', 'combinable' => true, 'tiers' => [['from' => M - 1, 'discount_percent' => 99.99, 'free_shipping' => true]]],
            ['id' => 'q', 'combinable' => true, 'tiers' => [['discount_percent' => 0.01]]]],
        'loyalty' => ['earn' => ['per_amount' => M], 'spend' => ['max_percent' => 99.99, 'with_advantage' => true, 'policy' => 'lose_all'],
            'brackets' => [['from' => 1, 'discount_percent' => 50], ['from' => M, 'rate' => ['points' => 1, 'value' => M]]]]]);
    show("$rounding max", fn() => $e->evaluate(['subtotal' => M, 'shipping' => M], ['points' => M, 'orders' => 1], $now));
    show("$rounding lines", fn() => $e->evaluate(['lines' => [['qty' => 1, 'price' => M - 2], ['qty' => 1, 'price' => 1], ['qty' => 1, 'price' => 1]]], ['points' => 1, 'orders' => 1], $now));
    show("$rounding voucher", fn() => $e->evaluate(['subtotal' => M, 'voucher_discount' => M - 1, 'vouchers' => ['V']], ['points' => 5, 'orders' => 1], $now));
}
$e = new Engine(['loyalty' => ['rank_by' => 'lifetime_points', 'spend' => ['policy' => 'keep_all'], 'earn' => ['per_order' => M],
    'brackets' => [['from' => M, 'free_shipping' => true, 'cost' => M]]]]);
show('keep_all per_order max', fn() => $e->evaluate(['subtotal' => 1, 'shipping' => M], ['lifetime_points' => M, 'points' => M], $now));
show('per_order max earned', fn() => $e->evaluate(['subtotal' => 1, 'use_points' => false], ['points' => 1], $now));
?>
--EXPECT--
--- cart
qty min: Loyalty\InputException cart.lines[0].qty: must be >= 0, got -9223372036854775808
price min: Loyalty\InputException cart.lines[0].price: must be >= 0, got -9223372036854775808
shipping min: Loyalty\InputException cart.shipping: must be >= 0, got -9223372036854775808
zero times max: [9223372036854775807,0,0,9223372036854775807,0,0,0,[]]
max qty * 1: [9223372036854775807,0,0,9223372036854775807,0,0,0,[]]
max + 1 line: Loyalty\InputException cart.lines[1]: subtotal overflows 64-bit minor units
min * min: Loyalty\InputException cart.lines[0]: qty * price overflows 64-bit minor units
shipping max free: [9223372036854775807,0,9223372036854775807,9223372036854775807,0,0,0,[]]
voucher max: [5,0,0,9223372036854775807,0,0,0,["voucher: does not apply with a voucher"]]
use_points max: [5,0,0,5,0,0,0,[]]
use_points min: Loyalty\InputException cart.use_points: must be >= 0, got -9223372036854775808
--- customer
orders max: [1000,100,0,900,0,10,40,[]]
orders max - 1: [1000,0,0,1000,10,0,10,[]]
orders min: Loyalty\InputException customer.orders: must be >= 0, got -9223372036854775808
spent min: Loyalty\InputException customer.spent: must be >= 0, got -9223372036854775808
points min: Loyalty\InputException customer.points: must be >= 0, got -9223372036854775808
lifetime min: Loyalty\InputException customer.lifetime_points: must be >= 0, got -9223372036854775808
arithmetic: ["all","customers","diff","quot"]
points max spent: [1000,100,0,900,0,10,9223372036854775797,[]]
points max earned: Loyalty\InputException customer.points: balance overflows 64 bits
ledger max: [10,0,0,10,0,0,9223372036854775807,["order_number: points are usable from order 2, this is order 1"]]
ledger max + 1: Loyalty\LedgerException customer.ledger[1]: 1 more points would overflow the 64-bit balance
attr max: ["all","no_orders"]
--- settings
tier from min: Loyalty\ConfigException advantages[0].tiers[0].from: must be >= 0, got -9223372036854775808
tier discount min: Loyalty\ConfigException advantages[0].tiers[0].discount: must be >= 0, got -9223372036854775808
expiry days max: Loyalty\ConfigException loyalty.expiry.days: must be <= 36500, got 9223372036854775807
warn_days min: Loyalty\ConfigException loyalty.expiry.warn_days[0]: must be between 1 and 36500 days
pending min: Loyalty\ConfigException loyalty.pending_days: must be >= 0, got -9223372036854775808
valid_days max: Loyalty\ConfigException loyalty.rewards.coupon.valid_days: must be <= 36500, got 9223372036854775807
threshold min: Loyalty\ConfigException loyalty.rewards.threshold: must be >= 1, got -9223372036854775808
rate points min: Loyalty\ConfigException loyalty.brackets[0].rate.points: must be >= 1, got -9223372036854775808
json above max: Loyalty\ConfigException loyalty.earn.per_amount: expected int, got float
json below min: Loyalty\ConfigException loyalty.pending_days: expected int, got float
--- PHP_INT_MIN / PHP_INT_MAX as array keys, printed as PHP prints them
segment name: Loyalty\ConfigException segments: invalid segment name '-9223372036854775808' (letters, digits, '_' and '-', at most 64, not starting with a digit or '-')
settings key: Loyalty\ConfigException 9223372036854775807: unknown key
entry key: Loyalty\InputException entries[0].-9223372036854775808: unknown key
entry key -1: Loyalty\InputException entries[0].-1: unknown key
filter key: Loyalty\InputException customers[-9223372036854775808]: expected array, got string
filter key as id: [-9223372036854775808,9223372036854775807]
--- the largest settings work
tier at max: [9223372036854775807,9223372036854775807,9223372036854775807,0,0,0,9223372036854775806,["advantage_wins: a segment advantage applied and points do not combine with it"]]
rate value max: [9223372036854775806,0,0,9223372036854775806,9223372036854775806,0,9223372036854775807,["below_tier: subtotal 92233720368547758.06 is below 92233720368547758.07","zero_value: gives 0.00 on this cart"]]
earned overflow: Loyalty\InputException customer.points: balance overflows 64 bits
--- percents, caps and rounding modes at the top of the range
half_up max: [9223372036854775807,9223372036854775807,9223372036854775807,0,0,0,9223372036854775807,["zero_value: gives 0.00 on this cart"]]
half_up lines: [9223372036854775807,9223372036854775807,0,0,0,0,1,["zero_value: gives 0.00 on this cart"]]
half_up voucher: [9223372036854775807,0,0,1,0,0,5,["voucher: does not apply with a voucher","voucher: does not apply with a voucher","voucher: points cannot be used with a voucher"]]
half_even max: [9223372036854775807,9223372036854775807,9223372036854775807,0,0,0,9223372036854775807,["zero_value: gives 0.00 on this cart"]]
half_even lines: [9223372036854775807,9223372036854775807,0,0,0,0,1,["zero_value: gives 0.00 on this cart"]]
half_even voucher: [9223372036854775807,0,0,1,0,0,5,["voucher: does not apply with a voucher","voucher: does not apply with a voucher","voucher: points cannot be used with a voucher"]]
down max: [9223372036854775807,9223372036854775806,9223372036854775807,1,0,0,9223372036854775807,["zero_value: gives 0.00 on this cart"]]
down lines: [9223372036854775807,9223372036854775807,0,0,0,1,0,[]]
down voucher: [9223372036854775807,0,0,1,0,0,5,["voucher: does not apply with a voucher","voucher: does not apply with a voucher","voucher: points cannot be used with a voucher"]]
keep_all per_order max: [1,0,9223372036854775807,1,0,0,9223372036854775807,[]]
per_order max earned: Loyalty\InputException customer.points: balance overflows 64 bits
