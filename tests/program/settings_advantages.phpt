--TEST--
Program: accepted advantage settings (percent 2.5 kept as 2.5, boundaries, defaults, inline segment)
--EXTENSIONS--
loyalty
--FILE--
<?php
// Accepted tier values and their normalized form
$p = Loyalty\Program::fromArray(['advantages' => [[
    'id' => 'a',
    'tiers' => [
        ['discount_percent' => 2.5],
        ['from' => 1, 'discount_percent' => 0.01],
        ['from' => 2, 'discount_percent' => 99.99],
        ['from' => 3, 'discount_percent' => 100],
        ['from' => 4, 'discount_percent' => 100.0],
        ['from' => 5, 'discount_percent' => 12.50],
        ['from' => 6, 'discount' => 500, 'free_shipping' => true],
        ['from' => 7, 'free_shipping' => true, 'carriers' => ['Colissimo', 'DPD']],
        ['from' => PHP_INT_MAX, 'discount' => PHP_INT_MAX],
        ['from' => 6, 'discount' => 600], // equal from: accepted (warnings() names it)
    ],
]]]);
foreach ($p->toArray()['advantages'][0]['tiers'] as $t) {
    echo str_replace((string) PHP_INT_MAX, 'PHP_INT_MAX', json_encode($t)), "\n"; // (its digits are the platform's)
}
var_dump($p->toArray()['advantages'][0]['tiers'][0]['discount_percent']);
var_dump($p->toArray()['advantages'][0]['tiers'][3]['discount_percent']);

// label defaults to the id; segment to all; flags to earn_points true, others false
$a = Loyalty\Program::fromArray(['advantages' => [['id' => 'Gold-1', 'tiers' => [['discount' => 1]]]]])->toArray()['advantages'][0];
unset($a['tiers']);
echo json_encode($a), "\n";
// all flags flipped
$a = Loyalty\Program::fromArray(['advantages' => [['id' => 'x', 'label' => 'X!', 'segment' => 'loyal', 'earn_points' => false,
    'with_voucher' => true, 'combinable' => true, 'tiers' => [['discount' => 1]]]]])->toArray()['advantages'][0];
unset($a['tiers']);
echo json_encode($a), "\n";

// an inline segment compiles (the wholesale example of SPEC 6) and is kept as written
$p = Loyalty\Program::fromJson('{"advantages": [{"id": "wholesale", "segment": "\'wholesale\' in groups",
    "tiers": [{"from": 50000, "discount_percent": 5}]}]}');
var_dump($p->toArray()['advantages'][0]['segment']);
// a custom segment name wins over compiling the text as an expression
$p = Loyalty\Program::fromArray(['segments' => ['vip' => "'VIP' in groups"],
    'advantages' => [['id' => 'v', 'segment' => 'vip', 'tiers' => [['discount' => 1]]]]]);
var_dump($p->toArray()['advantages'][0]['segment']);
--EXPECT--
{"from":0,"discount_percent":2.5,"free_shipping":false}
{"from":1,"discount_percent":0.01,"free_shipping":false}
{"from":2,"discount_percent":99.99,"free_shipping":false}
{"from":3,"discount_percent":100,"free_shipping":false}
{"from":4,"discount_percent":100,"free_shipping":false}
{"from":5,"discount_percent":12.5,"free_shipping":false}
{"from":6,"discount":500,"free_shipping":true}
{"from":7,"free_shipping":true,"carriers":["Colissimo","DPD"]}
{"from":PHP_INT_MAX,"discount":PHP_INT_MAX,"free_shipping":false}
{"from":6,"discount":600,"free_shipping":false}
float(2.5)
int(100)
{"id":"Gold-1","label":"Gold-1","segment":"all","earn_points":true,"with_voucher":false,"combinable":false,"tiers_on":"amount"}
{"id":"x","label":"X!","segment":"loyal","earn_points":false,"with_voucher":true,"combinable":true,"tiers_on":"amount"}
string(21) "'wholesale' in groups"
string(3) "vip"
