--TEST--
Checkout: when several conditions fail, the first in SPEC 10 order is the one reported
--EXTENSIONS--
loyalty
--FILE--
<?php
$now = 1790000000;
function rej($r) {
    $out = [];
    foreach ($r->rejected as $x) {
        $out[] = $x['id'] . ' ' . $x['reason'] . (array_key_exists('missing', $x) ? ' ' . $x['missing'] : '');
    }
    return implode(', ', $out) . PHP_EOL;
}
// advantages: disabled, not_in_segment, voucher, below_tier, carrier
$e = new Loyalty\Engine(['advantages' => [
    ['id' => 'A', 'segment' => "'VIP' in groups", 'tiers' => [['from' => 5000, 'free_shipping' => true, 'carriers' => ['Colissimo']]]],
]]);
$all = ['subtotal' => 3000, 'vouchers' => ['X'], 'carrier' => 'DHL', 'shipping' => 500];
echo rej($e->evaluate($all, ['active' => false, 'orders' => 3], $now));
echo rej($e->evaluate($all, ['active' => false, 'groups' => ['VIP']], $now));
echo rej($e->evaluate($all, ['orders' => 3], $now));
echo rej($e->evaluate($all, ['groups' => ['VIP']], $now));
echo rej($e->evaluate(['vouchers' => []] + $all, ['groups' => ['VIP']], $now));
echo rej($e->evaluate(['vouchers' => [], 'subtotal' => 5000] + $all, ['groups' => ['VIP']], $now));
echo "--\n";

// loyalty: disabled, order_number, min_cart, voucher, advantage_wins, no_points
$e = new Loyalty\Engine([
    'advantages' => [['id' => 'B', 'segment' => "'B' in groups", 'with_voucher' => true, 'tiers' => [['discount' => 100]]]],
    'loyalty' => ['spend' => ['from_order' => 3, 'min_cart' => 5000], 'brackets' => [['from' => 100, 'discount' => 500]]],
]);
$bad = ['subtotal' => 1000, 'vouchers' => ['X']];
$ok = ['subtotal' => 6000];
echo rej($e->evaluate($bad, ['active' => false, 'orders' => 0, 'groups' => ['B']], $now));
echo rej($e->evaluate($bad, ['orders' => 0, 'groups' => ['B']], $now));
echo rej($e->evaluate($bad, ['orders' => 2, 'groups' => ['B']], $now));
echo rej($e->evaluate(['subtotal' => 6000] + $bad, ['orders' => 2, 'groups' => ['B']], $now));
echo rej($e->evaluate($ok, ['orders' => 2, 'groups' => ['B']], $now));
echo rej($e->evaluate($ok, ['orders' => 2], $now));
echo rej($e->evaluate($ok, ['orders' => 2, 'points' => 100], $now));
?>
--EXPECT--
A disabled
A disabled
A not_in_segment
A voucher
A below_tier 2000
A carrier
--
B disabled, loyalty disabled
loyalty order_number 2
loyalty min_cart 4000
loyalty voucher
loyalty advantage_wins
B not_in_segment, loyalty no_points 100
B not_in_segment
