--TEST--
Program::fromJson(): example shop, JSON round trip, percents and big ints
--EXTENSIONS--
loyalty
--FILE--
<?php
$json = file_get_contents(__DIR__ . '/../../examples/shop.json');
$p = Loyalty\Program::fromJson($json);
var_dump($p instanceof Loyalty\Program);
$a = $p->toArray();
echo implode(',', array_keys($a)), "\n";
echo implode(',', array_column($a['advantages'], 'id')), "\n";
echo json_encode($a['loyalty']['spend']), "\n";
echo json_encode($a['loyalty']['rewards']), "\n";
// same result as decoding it ourselves
var_dump($p == Loyalty\Program::fromArray(json_decode($json, true)));
// JSON round trip
$q = Loyalty\Program::fromJson(json_encode($a));
var_dump($q == $p, $q->toArray() === $a);

// empty object, empty settings, whitespace around
var_dump(Loyalty\Program::fromJson('{}') == Loyalty\Program::fromArray([]));
var_dump(Loyalty\Program::fromJson(" \n{ \"rounding\" : \"down\" }\n ")->toArray()['rounding']);
// JSON null means absent
var_dump(Loyalty\Program::fromJson('{"loyalty": null, "segments": null}') == Loyalty\Program::fromArray([]));

// percents written 2.50 / 10.0 normalize to 2.5 / 10
$p = Loyalty\Program::fromJson('{"advantages":[{"id":"a","tiers":[{"discount_percent":2.50},{"from":9,"discount_percent":10.0}]}]}');
var_dump(array_column($p->toArray()['advantages'][0]['tiers'], 'discount_percent'));

// big ints: PHP_INT_MAX is a valid amount (the platform's: 64 or 32 bits)
$p = Loyalty\Program::fromJson('{"advantages":[{"id":"a","tiers":[{"from":' . PHP_INT_MAX . ',"discount":' . PHP_INT_MAX . '}]}]}');
var_dump($p->toArray()['advantages'][0]['tiers'][0]['from'] === PHP_INT_MAX);
var_dump($p->toArray()['advantages'][0]['tiers'][0]['discount'] === PHP_INT_MAX);

// JSON keys and strings are UTF-8, kept byte for byte
$p = Loyalty\Program::fromJson('{"advantages":[{"id":"caf\u00e9","label":"Caf\u00e9 \u2615","tiers":[{"discount":1}]}]}');
var_dump($p->toArray()['advantages'][0]['label'] === "Caf\u{e9} \u{2615}");
--EXPECT--
bool(true)
rounding,timezone,segments,advantages,loyalty
vip,wholesale,welcome,books,friday
{"policy":"lose_used","from_order":2,"min_cart":3000,"with_voucher":false,"with_advantage":false}
{"threshold":5000,"coupon":{"discount_percent":10,"min_cart":10000,"valid_days":90}}
bool(true)
bool(true)
bool(true)
bool(true)
string(4) "down"
bool(true)
array(2) {
  [0]=>
  float(2.5)
  [1]=>
  int(10)
}
bool(true)
bool(true)
bool(true)
