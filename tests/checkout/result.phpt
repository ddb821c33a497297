--TEST--
Checkout: Loyalty\Result: every property, readonly, toArray()/jsonSerialize() snake_case keys, readable var_dump (SPEC 8, decisions)
--EXTENSIONS--
loyalty
--FILE--
<?php
$e = new Loyalty\Engine([
    'advantages' => [
        ['id' => 'vip', 'label' => 'VIP', 'segment' => "'VIP' in groups", 'tiers' => [['from' => 5000, 'discount' => 500]]],
        ['id' => 'all5', 'segment' => 'all', 'combinable' => true, 'tiers' => [['from' => 20000, 'discount_percent' => 5]]],
    ],
    'loyalty' => ['earn' => ['per_amount' => 100], 'spend' => ['with_advantage' => true],
                  'brackets' => [['from' => 10, 'rate' => ['points' => 10, 'value' => 100]]]],
]);
$r = $e->evaluate(
    ['lines' => [['sku' => 'TEA-01', 'qty' => 4, 'price' => 1250], ['sku' => 'MUG-3', 'qty' => 1, 'price' => 1100]],
     'carrier' => 'Colissimo', 'shipping' => 690],
    ['groups' => ['VIP'], 'orders' => 3, 'points' => 64],
    1790000000,
);
var_dump($r);

$rc = new ReflectionClass($r);
echo $rc->isFinal() ? 'final' : 'not final', ' ', $r instanceof JsonSerializable ? 'JsonSerializable' : '', PHP_EOL;
foreach ($rc->getProperties() as $p) {
    echo $p->getName(), ': ', $p->getType(), $p->isPublic() ? ' public' : '', $p->isReadOnly() ? ' readonly' : '', PHP_EOL;
}

foreach ([
    'write'   => function () use ($r) { $r->total = 0; },
    'unset'   => function () use ($r) { unset($r->discount); },
    'append'  => function () use ($r) { $r->applied[] = []; },
    'nested'  => function () use ($r) { $r->lines[0]['discount'] = 0; },
    'dynamic' => function () use ($r) { $r->coupon = 'X'; },
] as $label => $f) {
    try { $f(); echo "$label: no error\n"; } catch (Error $x) { echo "$label: ", get_class($x), ': ', $x->getMessage(), PHP_EOL; }
}
echo $r->total, ' ', $r->discount, PHP_EOL;

$a = $r->toArray();
echo implode(' ', array_keys($a)), PHP_EOL;
var_dump($a === $r->jsonSerialize());
echo json_encode($r), PHP_EOL;
var_dump(json_encode($r) === json_encode($a));
?>
--EXPECTF--
object(Loyalty\Result)#%d (13) {
  ["subtotal"]=>
  int(6100)
  ["discount"]=>
  int(1100)
  ["shipping"]=>
  int(690)
  ["shippingDiscount"]=>
  int(0)
  ["freeShipping"]=>
  bool(false)
  ["total"]=>
  int(5690)
  ["pointsEarned"]=>
  int(0)
  ["pointsSpent"]=>
  int(60)
  ["pointsBalance"]=>
  int(4)
  ["segments"]=>
  array(3) {
    [0]=>
    string(3) "all"
    [1]=>
    string(9) "customers"
    [2]=>
    string(5) "loyal"
  }
  ["applied"]=>
  array(2) {
    [0]=>
    array(6) {
      ["source"]=>
      string(9) "advantage"
      ["id"]=>
      string(3) "vip"
      ["label"]=>
      string(3) "VIP"
      ["discount"]=>
      int(500)
      ["free_shipping"]=>
      bool(false)
      ["points_spent"]=>
      int(0)
    }
    [1]=>
    array(6) {
      ["source"]=>
      string(7) "loyalty"
      ["id"]=>
      string(7) "loyalty"
      ["label"]=>
      string(14) "Loyalty points"
      ["discount"]=>
      int(600)
      ["free_shipping"]=>
      bool(false)
      ["points_spent"]=>
      int(60)
    }
  }
  ["rejected"]=>
  array(1) {
    [0]=>
    array(5) {
      ["source"]=>
      string(9) "advantage"
      ["id"]=>
      string(4) "all5"
      ["reason"]=>
      string(10) "below_tier"
      ["message"]=>
      string(%d) "below_tier: %s"
      ["missing"]=>
      int(13900)
    }
  }
  ["lines"]=>
  array(2) {
    [0]=>
    array(3) {
      ["sku"]=>
      string(6) "TEA-01"
      ["amount"]=>
      int(5000)
      ["discount"]=>
      int(902)
    }
    [1]=>
    array(3) {
      ["sku"]=>
      string(5) "MUG-3"
      ["amount"]=>
      int(1100)
      ["discount"]=>
      int(198)
    }
  }
}
final JsonSerializable
subtotal: int public readonly
discount: int public readonly
shipping: int public readonly
shippingDiscount: int public readonly
freeShipping: bool public readonly
total: int public readonly
pointsEarned: int public readonly
pointsSpent: int public readonly
pointsBalance: int public readonly
segments: array public readonly
applied: array public readonly
rejected: array public readonly
lines: array public readonly
write: Error: Cannot modify readonly property Loyalty\Result::$total
unset: Error: Cannot unset readonly property Loyalty\Result::$discount
append: Error: Cannot%smodify readonly property Loyalty\Result::$applied
nested: Error: Cannot%smodify readonly property Loyalty\Result::$lines
dynamic: Error: Cannot create dynamic property Loyalty\Result::$coupon
5690 1100
subtotal discount shipping shipping_discount free_shipping total points_earned points_spent points_balance segments applied rejected lines
bool(true)
{"subtotal":6100,"discount":1100,"shipping":690,"shipping_discount":0,"free_shipping":false,"total":5690,"points_earned":0,"points_spent":60,"points_balance":4,"segments":["all","customers","loyal"],"applied":[{"source":"advantage","id":"vip","label":"VIP","discount":500,"free_shipping":false,"points_spent":0},{"source":"loyalty","id":"loyalty","label":"Loyalty points","discount":600,"free_shipping":false,"points_spent":60}],"rejected":[{"source":"advantage","id":"all5","reason":"below_tier","message":"%s","missing":13900}],"lines":[{"sku":"TEA-01","amount":5000,"discount":902},{"sku":"MUG-3","amount":1100,"discount":198}]}
bool(true)
