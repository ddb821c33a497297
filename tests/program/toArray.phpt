--TEST--
Program::toArray(): exact normalized form with defaults filled in
--EXTENSIONS--
loyalty
--FILE--
<?php
// A small program written tersely: every default must come back filled in
$p = Loyalty\Program::fromArray([
    'segments' => ['vip' => "'VIP' in groups"],
    'advantages' => [
        ['id' => 'vip', 'segment' => 'vip',
         'tiers' => [['from' => 5000, 'discount' => 500],
                     ['from' => 15000, 'discount_percent' => 2.5, 'free_shipping' => true, 'carriers' => ['Colissimo']]]],
        ['id' => 'all10', 'label' => 'Ten percent', 'combinable' => true,
         'tiers' => [['discount_percent' => 10.0]]],
    ],
    'loyalty' => [
        'earn' => ['per_amount' => 100],
        'spend' => ['max_percent' => 50],
        'brackets' => [
            ['from' => 10, 'discount' => 500],
            ['from' => 20, 'discount_percent' => 5, 'cost' => 15],
            ['from' => 100, 'rate' => ['points' => 10, 'value' => 100]],
            ['from' => 150, 'free_shipping' => true],
        ],
        'expiry' => ['days' => 365],
        'rewards' => ['threshold' => 5000, 'coupon' => ['discount' => 1000]],
    ],
]);
var_export($p->toArray());
echo "\n";

// The empty program
var_export(Loyalty\Program::fromArray([])->toArray());
echo "\n";

// Ranking by orders: fixed/percent brackets cost 0 by default
$p = Loyalty\Program::fromArray(['loyalty' => [
    'rank_by' => 'orders', 'earn' => ['per_order' => 50],
    'spend' => ['policy' => 'keep_all'],
    'brackets' => [['from' => 10, 'discount_percent' => 5], ['from' => 25, 'discount' => 1000]],
    'expiry' => ['days' => 30, 'mode' => 'per_lot', 'warn_days' => [14, 7]],
    'rewards' => ['threshold' => 100, 'coupon' => ['discount_percent' => 12.25, 'min_cart' => 5000, 'valid_days' => 90]],
    'pending_days' => 14,
]]);
echo json_encode($p->toArray()['loyalty']), "\n";
// lifetime_points likewise
$p = Loyalty\Program::fromArray(['loyalty' => ['rank_by' => 'lifetime_points',
    'brackets' => [['from' => 10, 'discount' => 5]]]]);
echo json_encode($p->toArray()['loyalty']['brackets']), "\n";
--EXPECT--
array (
  'rounding' => 'half_up',
  'timezone' => 'UTC',
  'segments' => 
  array (
    'vip' => '\'VIP\' in groups',
  ),
  'advantages' => 
  array (
    0 => 
    array (
      'id' => 'vip',
      'label' => 'vip',
      'segment' => 'vip',
      'earn_points' => true,
      'with_voucher' => false,
      'combinable' => false,
      'tiers_on' => 'amount',
      'tiers' => 
      array (
        0 => 
        array (
          'from' => 5000,
          'discount' => 500,
          'free_shipping' => false,
        ),
        1 => 
        array (
          'from' => 15000,
          'discount_percent' => 2.5,
          'free_shipping' => true,
          'carriers' => 
          array (
            0 => 'Colissimo',
          ),
        ),
      ),
    ),
    1 => 
    array (
      'id' => 'all10',
      'label' => 'Ten percent',
      'segment' => 'all',
      'earn_points' => true,
      'with_voucher' => false,
      'combinable' => true,
      'tiers_on' => 'amount',
      'tiers' => 
      array (
        0 => 
        array (
          'from' => 0,
          'discount_percent' => 10,
          'free_shipping' => false,
        ),
      ),
    ),
  ),
  'loyalty' => 
  array (
    'earn' => 
    array (
      'per_amount' => 100,
      'points' => 1,
    ),
    'earn_with_voucher' => false,
    'earn_with_loyalty_discount' => false,
    'spend' => 
    array (
      'policy' => 'lose_used',
      'from_order' => 1,
      'min_cart' => 0,
      'with_voucher' => false,
      'with_advantage' => false,
      'max_percent' => 50,
    ),
    'rank_by' => 'points',
    'brackets' => 
    array (
      0 => 
      array (
        'from' => 10,
        'discount' => 500,
        'free_shipping' => false,
        'cost' => 10,
      ),
      1 => 
      array (
        'from' => 20,
        'discount_percent' => 5,
        'free_shipping' => false,
        'cost' => 15,
      ),
      2 => 
      array (
        'from' => 100,
        'rate' => 
        array (
          'points' => 10,
          'value' => 100,
        ),
        'free_shipping' => false,
      ),
      3 => 
      array (
        'from' => 150,
        'free_shipping' => true,
        'cost' => 0,
      ),
    ),
    'expiry' => 
    array (
      'days' => 365,
      'mode' => 'rolling',
      'warn_days' => 
      array (
      ),
    ),
    'rewards' => 
    array (
      'threshold' => 5000,
      'coupon' => 
      array (
        'discount' => 1000,
        'min_cart' => 0,
      ),
    ),
    'pending_days' => 0,
  ),
)
array (
  'rounding' => 'half_up',
  'timezone' => 'UTC',
  'segments' => 
  array (
  ),
  'advantages' => 
  array (
  ),
  'loyalty' => NULL,
)
{"earn":{"per_order":50},"earn_with_voucher":false,"earn_with_loyalty_discount":false,"spend":{"policy":"keep_all","from_order":1,"min_cart":0,"with_voucher":false,"with_advantage":false},"rank_by":"orders","brackets":[{"from":10,"discount_percent":5,"free_shipping":false,"cost":0},{"from":25,"discount":1000,"free_shipping":false,"cost":0}],"expiry":{"days":30,"mode":"per_lot","warn_days":[14,7]},"rewards":{"threshold":100,"coupon":{"discount_percent":12.25,"min_cart":5000,"valid_days":90}},"pending_days":14}
[{"from":10,"discount":5,"free_shipping":false,"cost":0}]
