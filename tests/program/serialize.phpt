--TEST--
Program: serialize()/unserialize() give an equal, working program
--EXTENSIONS--
loyalty
--FILE--
<?php
$p = Loyalty\Program::fromJson(file_get_contents(__DIR__ . '/../../examples/shop.json'));
$s = serialize($p);
$q = unserialize($s);
var_dump($q instanceof Loyalty\Program, $q == $p, $q !== $p);
var_dump($q->toArray() === $p->toArray(), $q->segmentNames() === $p->segmentNames());
// serialized twice gives the same bytes
var_dump(serialize($q) === $s);

// the unserialized program works: an engine built from it evaluates segments
$e = new Loyalty\Engine($q);
var_dump($e->inSegment('vip', ['groups' => ['VIP']]));
var_dump($e->inSegment('vip', ['groups' => ['pro'], 'spent' => 99999]));
var_dump($e->inSegment('vip_paris', ['spent' => 100000, 'city' => 'Paris']));
var_dump($e->inSegment('benelux', ['country' => 'NL']));
echo implode(',', $e->segmentsOf(['groups' => ['VIP'], 'orders' => 3, 'city' => 'Paris'])), "\n";

// serialize() stores the normalized settings: terse and explicit forms serialize the same
$terse = Loyalty\Program::fromArray(['advantages' => [['id' => 'a', 'tiers' => [['discount_percent' => 2.5]]]]]);
$explicit = Loyalty\Program::fromArray($terse->toArray());
var_dump(serialize($terse) === serialize($explicit));
echo serialize($terse), "\n";
var_dump(unserialize(serialize($terse))->toArray()['advantages'][0]['tiers'][0]['discount_percent']);

// inside an array (as APCu or a session would store it)
$box = unserialize(serialize(['p' => $p, 'again' => $p]));
var_dump($box['p'] == $p, $box['again'] === $box['p']);
--EXPECT--
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(false)
bool(true)
bool(true)
all,customers,loyal,vip,vip_paris
bool(true)
O:15:"Loyalty\Program":1:{s:8:"settings";a:5:{s:8:"rounding";s:7:"half_up";s:8:"timezone";s:3:"UTC";s:8:"segments";a:0:{}s:10:"advantages";a:1:{i:0;a:8:{s:2:"id";s:1:"a";s:5:"label";s:1:"a";s:7:"segment";s:3:"all";s:11:"earn_points";b:1;s:12:"with_voucher";b:0;s:10:"combinable";b:0;s:8:"tiers_on";s:6:"amount";s:5:"tiers";a:1:{i:0;a:3:{s:4:"from";i:0;s:16:"discount_percent";d:2.5;s:13:"free_shipping";b:0;}}}}s:7:"loyalty";N;}}
float(2.5)
bool(true)
bool(true)
