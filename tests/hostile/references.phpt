--TEST--
Hostile: PHP references at every level of settings, customers, carts, rows and entries read as their values; later writes change nothing
--EXTENSIONS--
loyalty
--FILE--
<?php
use Loyalty\{Engine, Program, Ledger};

// The same array with every value (nested ones included) behind a reference.
function refify(array $a): array {
    foreach ($a as $k => $v) {
        $copy = is_array($v) ? refify($v) : $v;
        $a[$k] = &$copy;
        unset($copy);
    }
    return $a;
}

$settings = [
    'segments' => ['vip' => "'VIP' in groups and city == 'Paris'", 'gold' => "attr.tier == 'gold'"],
    'advantages' => [['id' => 'vip', 'label' => 'VIP', 'segment' => 'vip', 'tiers' => [['from' => 1000, 'discount_percent' => 10],
        ['from' => 5000, 'discount' => 800, 'free_shipping' => true, 'carriers' => ['Colissimo']]]]],
    'loyalty' => ['earn' => ['per_amount' => 100], 'brackets' => [['from' => 10, 'discount' => 100]],
        'expiry' => ['days' => 365, 'warn_days' => [30, 7]]],
];
$customer = ['id' => 'c1', 'groups' => ['VIP', 'pro'], 'city' => 'Paris', 'orders' => 3, 'spent' => 12000,
    'first_order' => 1600000000, 'last_order' => '2023-11-01 10:00:00', 'attributes' => ['tier' => 'gold'],
    'ledger' => [['type' => 'earn', 'points' => 40, 'at' => 1698000000, 'ref' => 'o1']]];
$cart = ['lines' => [['sku' => 'A', 'qty' => 2, 'price' => 2000], ['sku' => 7, 'qty' => 1, 'price' => 1500]],
    'carrier' => 'Colissimo', 'shipping' => 490, 'vouchers' => [], 'use_points' => 20];
$now = 1700000000;

$plain = new Engine($settings);
$refs = new Engine(refify($settings));
var_dump($plain->program() == $refs->program(), $plain->program()->toArray() === $refs->program()->toArray());
$r1 = $plain->evaluate($cart, $customer, $now)->toArray();
$r2 = $refs->evaluate(refify($cart), refify($customer), $now)->toArray();
var_dump($r1 === $r2);
echo json_encode([$r1['discount'], $r1['shipping_discount'], $r1['points_spent'], $r1['segments']]), "\n";
var_dump($plain->segmentsOf($customer, $now) === $refs->segmentsOf(refify($customer), $now));
$rows = ['a' => $customer, 'b' => ['groups' => ['VIP'], 'city' => 'Lyon'], 'c' => ['city' => 'Paris', 'groups' => ['VIP']]];
var_dump($plain->filter('vip', $rows, $now) === $refs->filter('vip', refify($rows), $now));
$p = Program::fromArray($settings);
$entries = [['type' => 'earn', 'points' => 50, 'at' => 1690000000, 'ref' => 'o1'], ['type' => 'spend', 'points' => 20, 'at' => '2023-08-01', 'ref' => 'o2']];
var_dump((new Ledger($p, $entries))->entries() === (new Ledger($p, refify($entries)))->entries());

// Writing through the references afterwards changes nothing already built or returned.
$label = 'VIP';
$tier = ['from' => 0, 'discount' => 100];
$s = ['advantages' => [['id' => 'a', 'label' => &$label, 'tiers' => [&$tier]]]];
$prog = Program::fromArray($s);
$label = 'changed';
$tier['discount'] = 5;
echo json_encode($prog->toArray()['advantages'][0]['label']), ' ', $prog->toArray()['advantages'][0]['tiers'][0]['discount'], "\n";
$sku = 'SKU-1';
$line = ['sku' => &$sku, 'qty' => 1, 'price' => 1000];
$res = (new Engine($prog))->evaluate(['lines' => [&$line]], [], $now);
$sku = 'other';
$line['price'] = 1;
echo $res->lines[0]['sku'], ' ', $res->lines[0]['amount'], ' ', $res->applied[0]['label'], "\n";
$ref = 'order-9';
$l = new Ledger($p, [['type' => 'grant', 'points' => 5, 'at' => 1, 'ref' => &$ref]]);
$ref = 'x';
echo $l->entries()[0]['ref'], "\n";
// the same variable referenced from two places
$g = 'VIP';
$c = ['groups' => [&$g, &$g], 'city' => 'Paris'];
echo implode(',', $refs->segmentsOf($c, $now)), "\n";
?>
--EXPECT--
bool(true)
bool(true)
bool(true)
[800,490,0,["all","customers","gold","loyal","vip"]]
bool(true)
bool(true)
bool(true)
"VIP" 100
SKU-1 1000 VIP
order-9
all,no_orders,vip
