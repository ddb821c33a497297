--TEST--
Program::fromArray(): full program, null as absent, named and inline advantage segments
--EXTENSIONS--
loyalty
--FILE--
<?php
// The example shop, decoded by the caller and passed as an array
$settings = json_decode(file_get_contents(__DIR__ . '/../../examples/shop.json'), true);
$copy = $settings;
$p = Loyalty\Program::fromArray($settings);
var_dump($p instanceof Loyalty\Program);
var_dump($settings === $copy); // input untouched
var_dump($p == Loyalty\Program::fromJson(file_get_contents(__DIR__ . '/../../examples/shop.json')));
$a = $p->toArray();
echo count($a['segments']), ' segments, ', count($a['advantages']), ' advantages, ',
    count($a['loyalty']['brackets']), " brackets\n";
// the inline segment of the wholesale advantage is kept as written
var_dump($a['advantages'][1]['segment']);
// an advantage written with defaults omitted comes back complete
echo json_encode($a['advantages'][2]), "\n";

// null means absent, at every level
$p = Loyalty\Program::fromArray([
    'rounding' => null, 'segments' => null,
    'advantages' => [['id' => 'a', 'label' => null, 'segment' => null, 'earn_points' => null,
        'with_voucher' => null, 'combinable' => null,
        'tiers' => [['from' => null, 'discount' => null, 'discount_percent' => null,
                     'free_shipping' => true, 'carriers' => null]]]],
    'loyalty' => ['earn' => ['per_amount' => 100, 'points' => null, 'per_order' => null],
        'earn_with_voucher' => null, 'earn_with_loyalty_discount' => null,
        'spend' => ['policy' => null, 'from_order' => null, 'min_cart' => null, 'max_percent' => null,
                    'with_voucher' => null, 'with_advantage' => null],
        'rank_by' => null,
        'brackets' => [['from' => 5, 'discount' => 5, 'discount_percent' => null, 'rate' => null,
                        'free_shipping' => null, 'carriers' => null, 'cost' => null]],
        'expiry' => ['days' => 5, 'mode' => null, 'warn_days' => null],
        'rewards' => ['threshold' => 5, 'coupon' => ['discount' => 5, 'discount_percent' => null,
                      'min_cart' => null, 'valid_days' => null]],
        'pending_days' => null],
]);
echo json_encode($p->toArray()), "\n";
var_dump($p == Loyalty\Program::fromArray([
    'advantages' => [['id' => 'a', 'tiers' => [['free_shipping' => true]]]],
    'loyalty' => ['earn' => ['per_amount' => 100], 'brackets' => [['from' => 5, 'discount' => 5]],
                  'expiry' => ['days' => 5], 'rewards' => ['threshold' => 5, 'coupon' => ['discount' => 5]]],
]));
var_dump(Loyalty\Program::fromArray(['loyalty' => null])->toArray()['loyalty']);

// PHP references inside the settings are followed
$earn = ['per_amount' => 250];
$s = ['loyalty' => ['earn' => &$earn]];
echo json_encode(Loyalty\Program::fromArray($s)->toArray()['loyalty']['earn']), "\n";

// an advantage segment is a name when one exists, else an inline expression
$p = Loyalty\Program::fromArray([
    'segments' => ['vip' => "'VIP' in groups"],
    'advantages' => [
        ['id' => 'named', 'segment' => 'vip', 'tiers' => [['discount' => 1]]],
        ['id' => 'builtin', 'segment' => 'loyal', 'tiers' => [['discount' => 1]]],
        ['id' => 'inline', 'segment' => "'wholesale' in groups", 'tiers' => [['discount' => 1]]],
        ['id' => 'reuse', 'segment' => "segment('vip') and orders > 3", 'tiers' => [['discount' => 1]]],
    ],
]);
echo implode(' | ', array_column($p->toArray()['advantages'], 'segment')), "\n";
echo implode(',', $p->segmentNames()), "\n";
--EXPECT--
bool(true)
bool(true)
bool(true)
7 segments, 5 advantages, 2 brackets
string(21) "'wholesale' in groups"
{"id":"welcome","label":"Welcome back","segment":"lapsed_big_spenders","earn_points":true,"with_voucher":false,"combinable":true,"tiers_on":"amount","tiers":[{"from":0,"discount":300,"free_shipping":false}]}
{"rounding":"half_up","timezone":"UTC","segments":[],"advantages":[{"id":"a","label":"a","segment":"all","earn_points":true,"with_voucher":false,"combinable":false,"tiers_on":"amount","tiers":[{"from":0,"free_shipping":true}]}],"loyalty":{"earn":{"per_amount":100,"points":1},"earn_with_voucher":false,"earn_with_loyalty_discount":false,"spend":{"policy":"lose_used","from_order":1,"min_cart":0,"with_voucher":false,"with_advantage":false},"rank_by":"points","brackets":[{"from":5,"discount":5,"free_shipping":false,"cost":5}],"expiry":{"days":5,"mode":"rolling","warn_days":[]},"rewards":{"threshold":5,"coupon":{"discount":5,"min_cart":0}},"pending_days":0}}
bool(true)
NULL
{"per_amount":250,"points":1}
vip | loyal | 'wholesale' in groups | segment('vip') and orders > 3
all,disabled,no_orders,first_order_recent,loyal,customers,vip
