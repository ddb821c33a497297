--TEST--
Hostile: seeded random garbage (nested arrays, objects, references, odd scalars) grafted anywhere into valid settings, carts, customers and entries: only Loyalty exceptions naming a path, and valid results
--EXTENSIONS--
loyalty
--INI--
date.timezone=UTC
--FILE--
<?php
use Loyalty\{Engine, Program, Ledger};
mt_srand(20261201);

class Str { public function __toString(): string { return 'VIP'; } }
function garbage(int $depth = 0): mixed {
    switch (mt_rand(0, $depth > 3 ? 14 : 18)) {
        case 0: return null;
        case 1: return mt_rand(0, 1) === 1;
        case 2: return [PHP_INT_MAX, PHP_INT_MIN, 0, -1, 1, 100][mt_rand(0, 5)];
        case 3: return [INF, -INF, NAN, 1.5, -0.0, 1e300][mt_rand(0, 5)];
        case 4: return ['', "\0", "\xff\xfe", '12', '1e3', ' 5', 'VIP', 'Colissimo', '2026-01-01', '@0', str_repeat('x', 300)][mt_rand(0, 10)];
        case 5: return new stdClass;
        case 6: return new ArrayObject([1]);
        case 7: return new Str;
        case 8: return new DateTimeImmutable('@' . mt_rand(0, 2000000000));
        case 9: return fn() => 1;
        case 10: return STDERR;
        case 11: return [];
        case 12: return ['id' => 'a', 'tiers' => [['discount' => 1]]];
        case 13: return ['type' => 'earn', 'points' => 1, 'at' => 1];
        case 14: return 'orders > 1';
        default:
            $a = [];
            for ($i = mt_rand(0, 4); $i > 0; $i--) {
                $v = garbage($depth + 1);
                if (mt_rand(0, 4) === 0) {
                    $a[mt_rand(0, 1) ? mt_rand(-2, 3) : ['x', 'id', 'tiers', 'qty', 'groups', "k\0"][mt_rand(0, 5)]] = &$v;
                } else {
                    $a[] = $v;
                }
                unset($v);
            }
            return $a;
    }
}
// Replaces one value somewhere inside $a (or adds one) with garbage.
function graft(array $a): array {
    $keys = array_keys($a);
    if ($keys === [] || mt_rand(0, 3) === 0) {
        $a[mt_rand(0, 1) ? count($a) : ['id', 'qty', 'price', 'from', 'groups', 'orders', 'lines', 'tiers', 'at'][mt_rand(0, 8)]] = garbage();
        return $a;
    }
    $k = $keys[mt_rand(0, count($keys) - 1)];
    $a[$k] = is_array($a[$k]) && mt_rand(0, 2) > 0 ? graft($a[$k]) : garbage();
    return $a;
}

$settings = [
    'segments' => ['vip' => "'VIP' in groups", 'paris' => "city == 'Paris' and orders >= 2", 'old' => 'days_since_last_order > 30'],
    'advantages' => [
        ['id' => 'vip', 'segment' => 'vip', 'tiers' => [['from' => 1000, 'discount' => 200], ['from' => 5000, 'discount_percent' => 10, 'free_shipping' => true, 'carriers' => ['Colissimo']]]],
        ['id' => 'all', 'combinable' => true, 'tiers' => [['discount' => 50]]],
    ],
    'loyalty' => ['earn' => ['per_amount' => 100], 'brackets' => [['from' => 10, 'discount' => 100], ['from' => 50, 'rate' => ['points' => 10, 'value' => 100]]],
        'expiry' => ['days' => 365, 'warn_days' => [30]], 'rewards' => ['threshold' => 100, 'coupon' => ['discount' => 500]]],
];
$cart = ['lines' => [['sku' => 'A', 'qty' => 2, 'price' => 1500], ['sku' => 'B', 'qty' => 1, 'price' => 3000, 'category' => 'tea']],
    'carrier' => 'Colissimo', 'shipping' => 490, 'vouchers' => [], 'voucher_discount' => 0, 'use_points' => true];
$customer = ['id' => 7, 'groups' => ['VIP'], 'city' => 'Paris', 'orders' => 3, 'spent' => 50000, 'points' => 60,
    'first_order' => '2023-01-01', 'last_order' => 1690000000, 'carriers' => ['Colissimo'], 'attributes' => ['x' => 1]];
$entries = [['type' => 'earn', 'points' => 80, 'at' => 1600000000, 'ref' => 'o1'], ['type' => 'spend', 'points' => 10, 'at' => 1600000100, 'ref' => 'o2']];
$now = 1700000000;
$base = new Engine($settings);

$counts = [];
$bad = [];
$note = function (string $what, Throwable $t) use (&$counts, &$bad) {
    $class = get_class($t);
    $counts["$what " . $class] = ($counts["$what " . $class] ?? 0) + 1;
    // a Loyalty exception, whose message starts with a path and ': ' (settings, cart.lines[0].qty, customers[3], 3, ...)
    if (!$t instanceof Loyalty\Exception || !preg_match('/^[^\s:]+: /', $t->getMessage())) {
        $bad[] = "$what: $class: " . $t->getMessage();
    }
};
$check = function (Loyalty\Result $r) use (&$bad) {
    $sum = array_sum(array_column($r->lines, 'discount'));
    if ($r->discount > $r->subtotal || $r->total < 0 || $r->discount < 0 || $r->pointsBalance < 0
            || ($r->lines !== [] && $sum !== $r->discount) || $r->shippingDiscount > $r->shipping) {
        $bad[] = 'invariant: ' . json_encode($r);
    }
};
for ($i = 0; $i < 400; $i++) {
    try {
        $e = new Engine(graft($settings));
        $counts['settings accepted'] = ($counts['settings accepted'] ?? 0) + 1;
    } catch (Throwable $t) {
        $note('settings', $t);
        $e = $base;
    }
    try {
        $check($e->evaluate(graft($cart), $customer, $now));
        $counts['cart accepted'] = ($counts['cart accepted'] ?? 0) + 1;
    } catch (Throwable $t) {
        $note('cart', $t);
    }
    try {
        $c = graft($customer);
        $check($e->evaluate($cart, $c, $now));
        $e->segmentsOf($c, $now);
        $e->filter('vip', [$customer, $c, graft($customer)], $now);
        $counts['customer accepted'] = ($counts['customer accepted'] ?? 0) + 1;
    } catch (Throwable $t) {
        $note('customer', $t);
    }
    try {
        $l = new Ledger($e->program(), graft($entries));
        $l->balance($now);
        $l->warningsDue(0, $now);
        $l->issueRewards($now);
        $counts['entries accepted'] = ($counts['entries accepted'] ?? 0) + 1;
    } catch (Throwable $t) {
        $note('entries', $t);
    }
}
ksort($counts);
foreach ($counts as $k => $n) {
    echo "$k: ", $n > 0 ? 'some' : 'none', "\n";
}
echo count($bad), " unexpected\n";
echo implode("\n", array_unique($bad)), "\n";
echo implode(',', $base->segmentsOf($customer, $now)), "\n";
?>
--EXPECT--
cart Loyalty\InputException: some
cart accepted: some
customer Loyalty\InputException: some
customer accepted: some
entries Loyalty\InputException: some
entries Loyalty\LedgerException: some
entries accepted: some
settings Loyalty\ConfigException: some
settings Loyalty\ExpressionException: some
settings accepted: some
0 unexpected

all,customers,loyal,old,paris,vip
