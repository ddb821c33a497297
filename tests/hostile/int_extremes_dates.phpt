--TEST--
Hostile: PHP_INT_MIN / PHP_INT_MAX as $now, customer dates and ledger dates: day counts never wrap, expiries saturate
--EXTENSIONS--
loyalty
--SKIPIF--
<?php
// its numbers are 64-bit PHP's extremes; int_extremes_dates_32bit.phpt has 32-bit PHP's
if (PHP_INT_SIZE === 4) die('skip 64-bit PHP only');
?>
--INI--
date.timezone=UTC
--FILE--
<?php
use Loyalty\{Engine, Program, Ledger};
const M = PHP_INT_MAX;
const N = PHP_INT_MIN;
function show(string $label, callable $f) {
    try {
        $r = json_encode($f());
        echo "$label: $r\n";
    } catch (Throwable $x) {
        echo "$label: ", get_class($x), ' ', $x->getMessage(), "\n";
    }
}

echo "--- segments\n";
$e = new Engine(['segments' => ['old' => 'days_since_first_order > 10', 'future' => 'days_since_last_order < 0',
    'any' => 'days_since_first_order >= 0 or days_since_first_order < 0']]);
foreach ([[N, M, M], [N, M, N], [M, N, N], [M, N, M], [0, 0, N], [0, 0, M]] as [$first, $last, $now]) {
    show("first $first last $last now $now", fn() => $e->segmentsOf(['orders' => 1, 'first_order' => $first, 'last_order' => $last], $now));
}
show('now min', fn() => $e->filter('all', [['id' => 1]], N));
show('now max', fn() => $e->evaluate(['subtotal' => 1], [], M)->segments);
show('now float max', fn() => $e->segmentsOf([], (float) M));
show('now float 1e300', fn() => $e->segmentsOf([], 1e300));

echo "--- rolling ledger, 1-day expiry, warnings 36500 days ahead, 36500 pending days\n";
$p = Program::fromArray(['loyalty' => ['expiry' => ['days' => 1, 'warn_days' => [36500, 1]], 'pending_days' => 36500]]);
$l = new Ledger($p);
show('earn at min', fn() => $l->earn(5, N));
show('earn at max', fn() => $l->earn(7, M));
show('grant at 0', fn() => $l->grant(3, 0));
show('balance min', fn() => $l->balance(N));
show('balance 0', fn() => $l->balance(0));
show('pending max', fn() => $l->pending(M));
show('expiring min', fn() => $l->expiring(N));
show('expiring max', fn() => $l->expiring(M));
show('warnings', fn() => $l->warningsDue(N, M));
show('spend at max', fn() => $l->spend(M, M));
show('spend at min', fn() => $l->spend(1, N));
show('entries', fn() => array_column($l->entries(), 'at'));
show('replayed', fn() => (new Ledger($p, array_reverse($l->entries())))->entries() === $l->entries());

echo "--- per-lot ledger, longest expiry and coupons\n";
$p = Program::fromArray(['loyalty' => ['expiry' => ['days' => 36500, 'mode' => 'per_lot', 'warn_days' => [36500, 1]],
    'rewards' => ['threshold' => 2, 'coupon' => ['discount' => M, 'valid_days' => 36500]]]]);
$l = new Ledger($p);
show('grant near max', fn() => $l->grant(3, M - 10));
show('expiring', fn() => $l->expiring(M - 10));
show('coupon at max', fn() => array_map(fn($c) => [$c['discount'], $c['expires_at']], $l->issueRewards(M)));
show('grant at min', fn() => $l->grant(2, N));
show('spend at min', fn() => $l->spend(1, N));
show('short at min', fn() => $l->spend(100, N));
show('warnings', fn() => $l->warningsDue(N, M));
show('expiring min', fn() => $l->expiring(N));

echo "--- coupons issued just before PHP_INT_MAX: expiry saturates\n";
$p = Program::fromArray(['loyalty' => ['rewards' => ['threshold' => 2, 'coupon' => ['discount_percent' => 2.5, 'valid_days' => 36500, 'min_cart' => M]]]]);
$l = new Ledger($p);
$l->grant(5, M - 100);
show('coupons', fn() => array_map(fn($c) => [$c['discount_percent'], $c['min_cart'], $c['expires_at'], strlen($c['code'])], $l->issueRewards(M - 1)));
show('after', fn() => [$l->balance(M - 1), array_column($l->entries(), 'type')]);
?>
--EXPECT--
--- segments
first -9223372036854775808 last 9223372036854775807 now 9223372036854775807: ["all","customers"]
first -9223372036854775808 last 9223372036854775807 now -9223372036854775808: ["all","any","customers","first_order_recent"]
first 9223372036854775807 last -9223372036854775808 now -9223372036854775808: ["all","customers"]
first 9223372036854775807 last -9223372036854775808 now 9223372036854775807: ["all","any","customers","first_order_recent"]
first 0 last 0 now -9223372036854775808: ["all","any","customers","first_order_recent","future"]
first 0 last 0 now 9223372036854775807: ["all","any","customers","old"]
now min: [1]
now max: ["all","no_orders"]
now float max: TypeError Loyalty\Engine::segmentsOf(): Argument #2 ($now) must be of type DateTimeInterface|string|int|null, float given
now float 1e300: TypeError Loyalty\Engine::segmentsOf(): Argument #2 ($now) must be of type DateTimeInterface|string|int|null, float given
--- rolling ledger, 1-day expiry, warnings 36500 days ahead, 36500 pending days
earn at min: null
earn at max: null
grant at 0: null
balance min: 0
balance 0: 3
pending max: 0
expiring min: [{"points":5,"expires_at":-9223372036854689408}]
expiring max: []
warnings: [{"days_before":1,"points":3,"expires_at":86400}]
spend at max: Loyalty\LedgerException spend: 9223372036854775807 points to spend at 292277026596-12-04 15:30:07 UTC, only 0 available
spend at min: Loyalty\LedgerException spend: 1 points to spend at -292277022657-01-27 08:29:52 UTC, only 0 available (more are pending in the return window)
entries: [-9223372036854775808,0,9223372036854775807]
replayed: true
--- per-lot ledger, longest expiry and coupons
grant near max: null
expiring: [{"points":3,"expires_at":9223372036854775807}]
coupon at max: []
grant at min: null
spend at min: null
short at min: Loyalty\LedgerException spend: 100 points to spend at -292277022657-01-27 08:29:52 UTC, only 1 available
warnings: [{"days_before":1,"points":1,"expires_at":-9223372033701175808}]
expiring min: [{"points":1,"expires_at":-9223372033701175808}]
--- coupons issued just before PHP_INT_MAX: expiry saturates
coupons: [[2.5,9223372036854775807,9223372036854775807,23],[2.5,9223372036854775807,9223372036854775807,23]]
after: [1,["grant","reward"]]
