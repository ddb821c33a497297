--TEST--
Program: fromArray(toArray()) and fromJson(json_encode(toArray())) give equal programs
--EXTENSIONS--
loyalty
--FILE--
<?php
$programs = [
    'shop' => Loyalty\Program::fromJson(file_get_contents(__DIR__ . '/../../examples/shop.json')),
    'empty' => Loyalty\Program::fromArray([]),
    'small' => Loyalty\Program::fromArray([
        'rounding' => 'half_even',
        'advantages' => [['id' => 'a', 'tiers' => [['discount_percent' => 2.5], ['from' => 100, 'free_shipping' => true, 'carriers' => ['Colissimo']]]]],
        'loyalty' => ['rank_by' => 'lifetime_points', 'spend' => ['max_percent' => 12.75],
                      'brackets' => [['from' => 5, 'discount' => 100], ['from' => 9, 'rate' => ['points' => 3, 'value' => 0]]],
                      'rewards' => ['threshold' => 1, 'coupon' => ['discount_percent' => 0.01]]],
    ]),
];
foreach ($programs as $name => $p) {
    $a = $p->toArray();
    $q = Loyalty\Program::fromArray($a);
    $j = Loyalty\Program::fromJson(json_encode($a));
    echo $name, ': ',
        var_export($q == $p, true), ' ',
        var_export($q->toArray() === $a, true), ' ',
        var_export($j == $p, true), ' ',
        var_export($j->toArray() === $a, true), ' ',
        var_export($q->segmentNames() === $p->segmentNames(), true), "\n";
}

// The normalized form of the example shop, as JSON
echo json_encode($programs['shop']->toArray(), JSON_UNESCAPED_SLASHES), "\n";
// toArray() is idempotent and returns a fresh array each time
$a = $programs['small']->toArray();
$a['rounding'] = 'down';
var_dump($programs['small']->toArray()['rounding']);
--EXPECT--
shop: true true true true true
empty: true true true true true
small: true true true true true
{"rounding":"half_up","timezone":"Europe/Paris","segments":{"vip":"'VIP' in groups or spent >= 100000","vip_paris":"segment('vip') and city == 'Paris'","pro_paris":"'pro' in groups and postcode like '75*'","colissimo_regulars":"orders >= 5 and 'Colissimo' in carriers","lapsed_big_spenders":"days_since_last_order > 180 and spent >= 50000","ref42_buyers":"'REF-42' in bought","benelux":"country in ['BE', 'NL', 'LU']"},"advantages":[{"id":"vip","label":"VIP advantage","segment":"vip","earn_points":true,"with_voucher":false,"combinable":false,"tiers_on":"amount","tiers":[{"from":5000,"discount":500,"free_shipping":false},{"from":15000,"discount_percent":10,"free_shipping":true,"carriers":["Colissimo"]}]},{"id":"wholesale","label":"Wholesale 5% from 500.00","segment":"'wholesale' in groups","earn_points":false,"with_voucher":false,"combinable":false,"tiers_on":"amount","tiers":[{"from":50000,"discount_percent":5,"free_shipping":false}]},{"id":"welcome","label":"Welcome back","segment":"lapsed_big_spenders","earn_points":true,"with_voucher":false,"combinable":true,"tiers_on":"amount","tiers":[{"from":0,"discount":300,"free_shipping":false}]},{"id":"books","label":"10% on books","segment":"customers","earn_points":true,"with_voucher":false,"combinable":true,"tiers_on":"amount","lines":"category in ['books', 'comics']","tiers":[{"from":0,"discount_percent":10,"free_shipping":false}]},{"id":"friday","label":"Friday evening: free shipping","segment":"all","earn_points":true,"with_voucher":false,"combinable":true,"tiers_on":"amount","days":["fri"],"hours":"18:00-23:00","tiers":[{"from":3000,"free_shipping":true}]}],"loyalty":{"earn":{"per_amount":100,"points":1},"earn_with_voucher":false,"earn_with_loyalty_discount":false,"spend":{"policy":"lose_used","from_order":2,"min_cart":3000,"with_voucher":false,"with_advantage":false},"rank_by":"points","brackets":[{"from":10,"rate":{"points":10,"value":100},"free_shipping":false},{"from":150,"free_shipping":true,"carriers":["Colissimo"],"cost":0}],"expiry":{"days":365,"mode":"rolling","warn_days":[60,30,14,7]},"rewards":{"threshold":5000,"coupon":{"discount_percent":10,"min_cart":10000,"valid_days":90}},"pending_days":14}}
string(9) "half_even"
