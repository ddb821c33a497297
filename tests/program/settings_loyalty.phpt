--TEST--
Program: accepted loyalty settings, defaults and boundaries
--EXTENSIONS--
loyalty
--FILE--
<?php
function l(array $l): array { return Loyalty\Program::fromArray(['loyalty' => $l])->toArray()['loyalty']; }

// an empty loyalty object: every default filled in, optional parts null
echo json_encode(l([])), "\n";
// earn is optional (rank-only programme); points defaults to 1
echo json_encode(l(['earn' => ['per_amount' => 100]])['earn']), "\n";
echo json_encode(l(['earn' => ['per_amount' => 1000, 'points' => 15]])['earn']), "\n";
echo json_encode(l(['earn' => ['per_order' => 100]])['earn']), "\n";
// every policy and rank_by
foreach (['lose_used', 'lose_all', 'keep_all'] as $v) echo l(['spend' => ['policy' => $v]])['spend']['policy'], "\n";
foreach (['points', 'orders', 'lifetime_points'] as $v) echo l(['rank_by' => $v])['rank_by'], "\n";
// spend: all keys, max_percent 2.5 kept as 2.5, 50.0 as 50
echo json_encode(l(['spend' => ['policy' => 'lose_all', 'from_order' => 2, 'min_cart' => 8000, 'max_percent' => 2.5,
    'with_voucher' => true, 'with_advantage' => true]])['spend']), "\n";
var_dump(l(['spend' => ['max_percent' => 50.0]])['spend']['max_percent']);
var_dump(l(['spend' => ['max_percent' => 100]])['spend']['max_percent']);
// durations: boundaries 1 and 36500 days
echo json_encode(l(['expiry' => ['days' => 1]])['expiry']), "\n";
echo json_encode(l(['expiry' => ['days' => 36500, 'mode' => 'per_lot', 'warn_days' => [36500, 1]]])['expiry']), "\n";
var_dump(l(['pending_days' => 36500])['pending_days']);
var_dump(l(['pending_days' => 0])['pending_days']);
// rewards: min_cart defaults to 0, valid_days absent when not given
echo json_encode(l(['rewards' => ['threshold' => 1, 'coupon' => ['discount_percent' => 2.5]]])['rewards']), "\n";
echo json_encode(l(['rewards' => ['threshold' => 100, 'coupon' => ['discount' => 500, 'min_cart' => 1, 'valid_days' => 36500]]])['rewards']), "\n";
// brackets: default cost = from for fixed / percent when ranking by points, 0 for free shipping only,
// explicit cost kept, none shown for rate brackets
echo json_encode(l(['brackets' => [
    ['from' => 10, 'discount' => 500],
    ['from' => 20, 'discount_percent' => 2.5],
    ['from' => 30, 'discount' => 100, 'free_shipping' => true],
    ['from' => 40, 'free_shipping' => true, 'carriers' => ['Colissimo']],
    ['from' => 50, 'free_shipping' => true, 'cost' => 7],
    ['from' => 60, 'discount' => 100, 'cost' => 0],
    ['from' => 70, 'rate' => ['points' => 10, 'value' => 100]],
    ['rate' => ['points' => 1, 'value' => 1], 'free_shipping' => true],
]])['brackets']), "\n";
// cost 0 by default when ranking by orders or lifetime_points
foreach (['orders', 'lifetime_points'] as $r) {
    echo json_encode(array_column(l(['rank_by' => $r, 'brackets' => [['from' => 10, 'discount' => 500],
        ['from' => 20, 'discount_percent' => 5]]])['brackets'], 'cost')), "\n";
}
--EXPECT--
{"earn":null,"earn_with_voucher":false,"earn_with_loyalty_discount":false,"spend":{"policy":"lose_used","from_order":1,"min_cart":0,"with_voucher":false,"with_advantage":false},"rank_by":"points","brackets":[],"expiry":null,"rewards":null,"pending_days":0}
{"per_amount":100,"points":1}
{"per_amount":1000,"points":15}
{"per_order":100}
lose_used
lose_all
keep_all
points
orders
lifetime_points
{"policy":"lose_all","from_order":2,"min_cart":8000,"with_voucher":true,"with_advantage":true,"max_percent":2.5}
int(50)
int(100)
{"days":1,"mode":"rolling","warn_days":[]}
{"days":36500,"mode":"per_lot","warn_days":[36500,1]}
int(36500)
int(0)
{"threshold":1,"coupon":{"discount_percent":2.5,"min_cart":0}}
{"threshold":100,"coupon":{"discount":500,"min_cart":1,"valid_days":36500}}
[{"from":10,"discount":500,"free_shipping":false,"cost":10},{"from":20,"discount_percent":2.5,"free_shipping":false,"cost":20},{"from":30,"discount":100,"free_shipping":true,"cost":30},{"from":40,"free_shipping":true,"carriers":["Colissimo"],"cost":0},{"from":50,"free_shipping":true,"cost":7},{"from":60,"discount":100,"free_shipping":false,"cost":0},{"from":70,"rate":{"points":10,"value":100},"free_shipping":false},{"from":0,"rate":{"points":1,"value":1},"free_shipping":true}]
[0,0]
[0,0]
