--TEST--
Checkout: no points with a voucher, a loyalty discount used, or in the segment of an earn_points:false advantage; the *_with_* flags allow them (SPEC 7, 10)
--EXTENSIONS--
loyalty
--FILE--
<?php
$now = 1790000000;
function show($label, $r) {
    echo $label, ': discount ', $r->discount, ' earned ', $r->pointsEarned, ' spent ', $r->pointsSpent, ' balance ', $r->pointsBalance, PHP_EOL;
}
function eng(array $loyalty, array $advantages = []) {
    $loyalty += ['earn' => ['per_amount' => 100], 'brackets' => [['from' => 10, 'rate' => ['points' => 10, 'value' => 100]]]];
    return new Loyalty\Engine(['loyalty' => $loyalty, 'advantages' => $advantages]);
}
$c = ['points' => 64, 'orders' => 3];

// voucher
show('voucher code', eng([])->evaluate(['subtotal' => 5000, 'vouchers' => ['X'], 'use_points' => false], $c, $now));
show('voucher amount', eng([])->evaluate(['subtotal' => 5000, 'voucher_discount' => 1, 'use_points' => false], $c, $now));
show('earn_with_voucher', eng(['earn_with_voucher' => true])->evaluate(['subtotal' => 5000, 'vouchers' => ['X'], 'voucher_discount' => 500], $c, $now));
show('no voucher', eng([])->evaluate(['subtotal' => 5000, 'use_points' => false], $c, $now));

// loyalty discount used: 64 points -> 6.00
show('points used', eng([])->evaluate(['subtotal' => 5000], $c, $now));
show('earn_with_loyalty_discount', eng(['earn_with_loyalty_discount' => true])->evaluate(['subtotal' => 5000], $c, $now));
// the loyalty discount rejected (below min_cart): earning is not blocked
show('points not usable', eng(['spend' => ['min_cart' => 6000]])->evaluate(['subtotal' => 5000], $c, $now));

// both flags needed with a voucher and points
show('voucher+points, one flag', eng(['earn_with_loyalty_discount' => true, 'spend' => ['with_voucher' => true]])->evaluate(['subtotal' => 5000, 'voucher_discount' => 500], $c, $now));
show('voucher+points, both flags', eng(['earn_with_loyalty_discount' => true, 'earn_with_voucher' => true, 'spend' => ['with_voucher' => true]])->evaluate(['subtotal' => 5000, 'voucher_discount' => 500], $c, $now));

// earn_points: false blocks a member of its segment, applied or not
$ws = [['id' => 'wholesale', 'segment' => "'wholesale' in groups", 'earn_points' => false, 'tiers' => [['from' => 50000, 'discount_percent' => 5]]]];
$w = ['points' => 64, 'orders' => 3, 'groups' => ['wholesale']];
show('wholesale applied', eng([], $ws)->evaluate(['subtotal' => 60000, 'use_points' => false], $w, $now));
show('wholesale below tier', eng([], $ws)->evaluate(['subtotal' => 5000, 'use_points' => false], $w, $now));
show('wholesale, flags on', eng(['earn_with_voucher' => true, 'earn_with_loyalty_discount' => true], $ws)->evaluate(['subtotal' => 5000, 'use_points' => false], $w, $now));
show('not a member', eng([], $ws)->evaluate(['subtotal' => 5000, 'use_points' => false], $c, $now));
// earn_points: true (default) applied advantage: earns on what is billed
$ok = [['id' => 'ok', 'tiers' => [['discount' => 700]]]];
show('earn_points true', eng([], $ok)->evaluate(['subtotal' => 5000], $c, $now));
?>
--EXPECT--
voucher code: discount 0 earned 0 spent 0 balance 64
voucher amount: discount 0 earned 0 spent 0 balance 64
earn_with_voucher: discount 0 earned 45 spent 0 balance 109
no voucher: discount 0 earned 50 spent 0 balance 114
points used: discount 600 earned 0 spent 60 balance 4
earn_with_loyalty_discount: discount 600 earned 44 spent 60 balance 48
points not usable: discount 0 earned 50 spent 0 balance 114
voucher+points, one flag: discount 600 earned 0 spent 60 balance 4
voucher+points, both flags: discount 600 earned 39 spent 60 balance 43
wholesale applied: discount 3000 earned 0 spent 0 balance 64
wholesale below tier: discount 0 earned 0 spent 0 balance 64
wholesale, flags on: discount 0 earned 0 spent 0 balance 64
not a member: discount 0 earned 50 spent 0 balance 114
earn_points true: discount 700 earned 43 spent 0 balance 107
