--TEST--
Checkout: free shipping, for any carrier or only for the listed carriers (SPEC 6)
--EXTENSIONS--
loyalty
--FILE--
<?php
$now = 1790000000;
function show($label, $r) {
    echo $label, ': discount ', $r->discount, ' shipping ', $r->shipping, ' shippingDiscount ', $r->shippingDiscount,
        ' free ', var_export($r->freeShipping, true), ' total ', $r->total;
    foreach ($r->applied as $a) { echo ' +', $a['id'], ($a['free_shipping'] ? ' fs' : ' -'), ' ', $a['discount']; }
    foreach ($r->rejected as $x) { echo ' -', $x['id'], ' ', $x['reason']; }
    echo PHP_EOL;
}
$any = new Loyalty\Engine(['advantages' => [['id' => 'any', 'tiers' => [['from' => 3000, 'free_shipping' => true]]]]]);
show('any Chronopost', $any->evaluate(['subtotal' => 4000, 'carrier' => 'Chronopost', 'shipping' => 1290], [], $now));
show('any no carrier', $any->evaluate(['subtotal' => 4000, 'shipping' => 690], [], $now));
show('any below', $any->evaluate(['subtotal' => 2999, 'carrier' => 'Chronopost', 'shipping' => 1290], [], $now));

$col = new Loyalty\Engine(['advantages' => [
    ['id' => 'col', 'tiers' => [['free_shipping' => true, 'carriers' => ['Colissimo', 'Relais']]]],
]]);
show('col Colissimo', $col->evaluate(['subtotal' => 4000, 'carrier' => 'Colissimo', 'shipping' => 690], [], $now));
show('col Relais', $col->evaluate(['subtotal' => 4000, 'carrier' => 'Relais', 'shipping' => 490], [], $now));
show('col Chronopost', $col->evaluate(['subtotal' => 4000, 'carrier' => 'Chronopost', 'shipping' => 1290], [], $now));
show('col no carrier', $col->evaluate(['subtotal' => 4000, 'shipping' => 690], [], $now));

// discount plus free shipping on the same tier
$both = new Loyalty\Engine(['advantages' => [
    ['id' => 'both', 'tiers' => [['from' => 15000, 'discount_percent' => 10, 'free_shipping' => true]]],
]]);
show('both', $both->evaluate(['subtotal' => 16000, 'carrier' => 'DHL', 'shipping' => 990], [], $now));
?>
--EXPECT--
any Chronopost: discount 0 shipping 1290 shippingDiscount 1290 free true total 4000 +any fs 0
any no carrier: discount 0 shipping 690 shippingDiscount 690 free true total 4000 +any fs 0
any below: discount 0 shipping 1290 shippingDiscount 0 free false total 4289 -any below_tier
col Colissimo: discount 0 shipping 690 shippingDiscount 690 free true total 4000 +col fs 0
col Relais: discount 0 shipping 490 shippingDiscount 490 free true total 4000 +col fs 0
col Chronopost: discount 0 shipping 1290 shippingDiscount 0 free false total 5290 -col carrier
col no carrier: discount 0 shipping 690 shippingDiscount 0 free false total 4690 -col carrier
both: discount 1600 shipping 990 shippingDiscount 990 free true total 14400 +both fs 1600
