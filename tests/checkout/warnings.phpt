--TEST--
Program::warnings(): every kind of contradiction with its path (SPEC 8, decisions)
--EXTENSIONS--
loyalty
--FILE--
<?php
function kind(string $m): string {
    foreach (['same from' => '/same from/', 'less' => '/less/', 'nothing' => '/nothing/', 'referenced' => '/referenced nowhere/',
              'block' => '/block/', 'cost' => '/cost/', 'max_percent 0' => '/^is 0/', 'warn_days' => '/days/', 'every cart' => '/applies to every cart: no loyalty discount can ever apply/'] as $k => $re) {
        if (preg_match($re, $m)) { return $k; }
    }
    return "?? $m";
}
function w(string $label, array $settings) {
    $list = Loyalty\Program::fromArray($settings)->warnings();
    echo $label, ': ', count($list), PHP_EOL;
    foreach ($list as $x) {
        echo '  ', $x['path'], ' [', kind($x['message']), ']';
        if (array_keys($x) !== ['path', 'message'] || $x['message'] === '' || str_ends_with($x['message'], '.')) { echo ' bad shape'; }
        echo PHP_EOL;
    }
}
w('clean', [
    'segments' => ['vip' => "'VIP' in groups", 'paris' => "city == 'Paris'", 'vip_paris' => "segment('vip') and segment('paris')", 'inl' => 'orders > 9'],
    'advantages' => [
        ['id' => 'a', 'segment' => 'vip_paris', 'tiers' => [['from' => 5000, 'discount' => 500], ['from' => 15000, 'discount_percent' => 10, 'free_shipping' => true]]],
        ['id' => 'b', 'segment' => "segment('inl') and orders < 100", 'tiers' => [['discount' => 100], ['from' => 1000, 'discount' => 100, 'free_shipping' => true]]],
    ],
    'loyalty' => ['spend' => ['max_percent' => 50], 'brackets' => [['from' => 10, 'rate' => ['points' => 10, 'value' => 100]], ['from' => 100, 'discount' => 500, 'cost' => 100]],
                  'expiry' => ['days' => 365, 'warn_days' => [60, 30, 7]]],
]);
w('empty', []);
w('segments', [
    'segments' => ['used' => 'orders > 1', 'unused' => 'orders > 2', 'via_other' => 'orders > 3', 'other' => "segment('via_other')", 'via_inline' => 'orders > 4'],
    'advantages' => [
        ['id' => 'a', 'segment' => 'used', 'tiers' => [['discount' => 1]]],
        ['id' => 'b', 'segment' => "segment('via_inline')", 'tiers' => [['discount' => 1]]],
    ],
]);
w('tiers', ['advantages' => [
    ['id' => 'ok', 'tiers' => [['discount' => 100]]],
    ['id' => 'x', 'tiers' => [
        ['from' => 1000, 'discount' => 500],
        ['from' => 1000, 'discount' => 700],                          // same from as tiers[0]
        ['from' => 2000, 'discount' => 400],                          // less than 5.00
        ['from' => 3000, 'discount_percent' => 10],                   // 3.00 on 30.00: less
        ['from' => 4000, 'discount' => 300, 'free_shipping' => true], // less, but adds free shipping
        ['from' => 6000, 'discount' => 0],                            // nothing (and less)
    ]],
    ['id' => 'y', 'tiers' => [['from' => 1000, 'discount' => 500], ['from' => 2000, 'discount_percent' => 24.99], ['from' => 3000, 'discount_percent' => 0]]],
]]);
// a tier shadowed by an earlier one with the same from never applies: it is no "lower tier"
// to compare with (at 50.00 the customer gets 5.00 from tiers[0] or tiers[2] alike)
w('shadowed lower tier', ['advantages' => [['id' => 'x', 'tiers' => [
    ['from' => 1000, 'discount' => 500],
    ['from' => 1000, 'discount' => 700],
    ['from' => 5000, 'discount_percent' => 10],
]]]]);
w('brackets', ['loyalty' => ['brackets' => [
    ['from' => 10, 'discount' => 100],
    ['from' => 10, 'discount' => 200],                     // same from
    ['from' => 100, 'discount' => 500, 'cost' => 200],     // cost above from
    ['from' => 150, 'free_shipping' => true, 'cost' => 150],
    ['from' => 200, 'rate' => ['points' => 250, 'value' => 100]], // reached below one block
    ['from' => 300, 'rate' => ['points' => 300, 'value' => 100]],
]]]);
w('zero brackets', ['loyalty' => ['brackets' => [
    ['from' => 10, 'discount' => 0],
    ['from' => 20, 'discount_percent' => 0],
    ['from' => 30, 'rate' => ['points' => 10, 'value' => 0]],
    ['from' => 40, 'discount' => 0, 'free_shipping' => true],  // gives free shipping
]]]);
$loyalty = ['spend' => ['with_advantage' => false], 'brackets' => [['from' => 10, 'discount' => 100]]];
$everybody = ['id' => 'all', 'segment' => 'all', 'tiers' => [['discount_percent' => 5]]];
w('advantage always wins', ['advantages' => [$everybody + ['with_voucher' => true]], 'loyalty' => $loyalty]);
w('advantage wins unless a voucher', ['advantages' => [$everybody], 'loyalty' => $loyalty]);
w('voucher carts left to loyalty', ['advantages' => [$everybody],
    'loyalty' => ['spend' => ['with_advantage' => false, 'with_voucher' => true]] + $loyalty]);
w('advantage from 10.00', ['advantages' => [['id' => 'a', 'segment' => 'all', 'with_voucher' => true, 'tiers' => [['from' => 1000, 'discount' => 100]]]],
    'loyalty' => $loyalty]);
w('advantage for some', ['advantages' => [['id' => 'a', 'segment' => 'loyal', 'with_voucher' => true, 'tiers' => [['discount' => 100]]]],
    'loyalty' => $loyalty]);
w('cost by orders', ['loyalty' => ['rank_by' => 'orders', 'brackets' => [['from' => 10, 'discount' => 100, 'cost' => 200]]]]);
w('max_percent 0', ['loyalty' => ['spend' => ['max_percent' => 0], 'brackets' => [['from' => 10, 'discount' => 100]]]]);
w('warn_days rolling', ['loyalty' => ['expiry' => ['days' => 30, 'warn_days' => [60, 30, 29, 7]]]]);
w('warn_days per_lot', ['loyalty' => ['expiry' => ['days' => 30, 'mode' => 'per_lot', 'warn_days' => [60, 7]]]]);
?>
--EXPECT--
clean: 0
empty: 0
segments: 2
  segments.unused [referenced]
  segments.other [referenced]
tiers: 8
  advantages[1].tiers[1] [same from]
  advantages[1].tiers[2] [less]
  advantages[1].tiers[3] [less]
  advantages[1].tiers[5] [less]
  advantages[1].tiers[5] [nothing]
  advantages[2].tiers[1] [less]
  advantages[2].tiers[2] [less]
  advantages[2].tiers[2] [nothing]
shadowed lower tier: 1
  advantages[0].tiers[1] [same from]
brackets: 3
  loyalty.brackets[1] [same from]
  loyalty.brackets[2] [cost]
  loyalty.brackets[4] [block]
zero brackets: 3
  loyalty.brackets[0] [nothing]
  loyalty.brackets[1] [nothing]
  loyalty.brackets[2] [nothing]
advantage always wins: 1
  loyalty.spend.with_advantage [every cart]
advantage wins unless a voucher: 1
  loyalty.spend.with_advantage [every cart]
voucher carts left to loyalty: 0
advantage from 10.00: 0
advantage for some: 0
cost by orders: 0
max_percent 0: 1
  loyalty.spend.max_percent [max_percent 0]
warn_days rolling: 2
  loyalty.expiry.warn_days[0] [warn_days]
  loyalty.expiry.warn_days[1] [warn_days]
warn_days per_lot: 0
