--TEST--
Checkout: carrier rejections: free-shipping-only tier is rejected; a discount tier keeps its discount (SPEC 10, decisions)
--EXTENSIONS--
loyalty
--FILE--
<?php
$now = 1790000000;
function show($label, $r) {
    echo $label, ': discount ', $r->discount, ' shippingDiscount ', $r->shippingDiscount,
        ' free ', var_export($r->freeShipping, true), ' total ', $r->total, PHP_EOL;
    foreach ($r->applied as $a) { echo '  + ', $a['source'], ' ', $a['id'], ' ', $a['discount'], ($a['free_shipping'] ? ' fs' : ''), PHP_EOL; }
    foreach ($r->rejected as $x) {
        echo '  - ', $x['source'], ' ', $x['id'], ' ', $x['reason'], array_key_exists('missing', $x) ? ' missing ' . $x['missing'] : '', PHP_EOL;
        if (!str_starts_with($x['message'], $x['reason'] . ':')) { echo "  message does not start with its reason: {$x['message']}\n"; }
    }
}
// VIP-like: discount plus Colissimo-only free shipping
$vip = ['id' => 'vip', 'tiers' => [['from' => 15000, 'discount_percent' => 10, 'free_shipping' => true, 'carriers' => ['Colissimo']]]];
$e = new Loyalty\Engine(['advantages' => [$vip]]);
show('discount+fs, Colissimo', $e->evaluate(['subtotal' => 16000, 'carrier' => 'Colissimo', 'shipping' => 690], [], $now));
show('discount+fs, Chronopost', $e->evaluate(['subtotal' => 16000, 'carrier' => 'Chronopost', 'shipping' => 1290], [], $now));

// Free-shipping-only tier for another carrier: rejected `carrier`, and no candidate for best-of
$e = new Loyalty\Engine(['advantages' => [
    ['id' => 'ship', 'tiers' => [['free_shipping' => true, 'carriers' => ['Colissimo']]]],
    ['id' => 'small', 'tiers' => [['discount' => 100]]],
]]);
show('fs-only, Chronopost', $e->evaluate(['subtotal' => 5000, 'carrier' => 'Chronopost', 'shipping' => 1290], [], $now));
show('fs-only, Colissimo', $e->evaluate(['subtotal' => 5000, 'carrier' => 'Colissimo', 'shipping' => 690], [], $now));

// A discount+fs tier that is not chosen lists not_best, not carrier
$e = new Loyalty\Engine(['advantages' => [
    $vip,
    ['id' => 'big', 'tiers' => [['discount' => 2000]]],
]]);
show('discount+fs not chosen', $e->evaluate(['subtotal' => 16000, 'carrier' => 'Chronopost', 'shipping' => 1290], [], $now));

// Loyalty free-shipping bracket for another carrier
$e = new Loyalty\Engine(['loyalty' => ['brackets' => [['from' => 150, 'free_shipping' => true, 'carriers' => ['Colissimo']]]]]);
show('bracket, Chronopost', $e->evaluate(['subtotal' => 5000, 'carrier' => 'Chronopost', 'shipping' => 1290], ['points' => 230], $now));
?>
--EXPECT--
discount+fs, Colissimo: discount 1600 shippingDiscount 690 free true total 14400
  + advantage vip 1600 fs
discount+fs, Chronopost: discount 1600 shippingDiscount 0 free false total 15690
  + advantage vip 1600
  - advantage vip carrier
fs-only, Chronopost: discount 100 shippingDiscount 0 free false total 6190
  + advantage small 100
  - advantage ship carrier
fs-only, Colissimo: discount 0 shippingDiscount 690 free true total 5000
  + advantage ship 0 fs
  - advantage small not_best
discount+fs not chosen: discount 2000 shippingDiscount 0 free false total 15290
  + advantage big 2000
  - advantage vip not_best
bracket, Chronopost: discount 0 shippingDiscount 0 free false total 6290
  - loyalty loyalty carrier
