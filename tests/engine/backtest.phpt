--TEST--
Engine::backtest(): the sums are exactly those of evaluate() order by order, for the program and a draft, and delta = draft - current (SPEC 12, 13)
--EXTENSIONS--
loyalty
--FILE--
<?php
use Loyalty\Engine;
use Loyalty\Program;

mt_srand(12);
$settings = ['segments' => ['vip' => "'VIP' in groups", 'paris' => "city == 'Paris'"], 'advantages' => [
    ['id' => 'vip', 'segment' => 'vip', 'tiers' => [['from' => 5000, 'discount' => 500], ['from' => 10000, 'discount_percent' => 10, 'free_shipping' => true]]],
    ['id' => 'welcome', 'segment' => 'no_orders', 'combinable' => true, 'max_uses' => 1, 'tiers' => [['discount' => 300]]],
    ['id' => 'ship', 'segment' => 'paris', 'tiers' => [['from' => 3000, 'free_shipping' => true, 'carriers' => ['DHL']]]],
    ['id' => 'never', 'segment' => "orders > 1000", 'tiers' => [['discount' => 1]]],
], 'loyalty' => ['earn' => ['per_amount' => 100, 'points' => 1], 'spend' => ['with_advantage' => true],
    'brackets' => [['from' => 100, 'discount' => 500], ['from' => 300, 'rate' => ['points' => 10, 'value' => 100]], ['from' => 50, 'free_shipping' => true]]]];
$draftSettings = ['segments' => ['big' => 'spent >= 20000'], 'advantages' => [
    ['id' => 'all5', 'tiers' => [['discount_percent' => 5]], 'combinable' => true],
    ['id' => 'vip', 'segment' => "'VIP' in groups", 'tiers' => [['from' => 4000, 'discount' => 700]]],
], 'loyalty' => ['earn' => ['per_order' => 10], 'brackets' => [['from' => 200, 'discount_percent' => 10]]]];
$engine = new Engine($settings);
$draft = Program::fromArray($draftSettings);
$rows = [];
for ($i = 0; $i < 3000; $i++) {
    $lines = [];
    for ($j = mt_rand(1, 4); $j > 0; $j--) {
        $lines[] = ['sku' => "S$j", 'qty' => mt_rand(1, 3), 'price' => mt_rand(1, 9000)];
    }
    $rows[] = ['cart' => ['lines' => $lines, 'shipping' => mt_rand(0, 2) * 490, 'carrier' => mt_rand(0, 1) ? 'DHL' : 'UPS']
            + (mt_rand(0, 9) === 0 ? ['vouchers' => ['X'], 'voucher_discount' => mt_rand(0, 3000)] : []),
        'customer' => ['groups' => mt_rand(0, 1) ? ['VIP'] : [], 'orders' => mt_rand(0, 5), 'points' => mt_rand(0, 600),
            'spent' => mt_rand(0, 40000), 'city' => mt_rand(0, 2) ? 'Lyon' : 'Paris', 'uses' => ['welcome' => mt_rand(0, 1)]],
        'at' => mt_rand(0, 3) ? 1790000000 + $i * 3600 : '2026-10-01 10:00:00'];
}

function expected(Engine $e, array $rows): array
{
    $p = $e->program()->toArray();
    $t = ['discount' => 0, 'shipping_saved' => 0, 'points_earned' => 0, 'points_spent' => 0, 'loyalty_discount' => 0,
        'orders_discounted' => 0, 'advantages' => [], 'segments' => array_fill_keys($e->program()->segmentNames(), 0)];
    foreach ($p['advantages'] as $a) {
        $t['advantages'][$a['id']] = ['applied' => 0, 'discount' => 0, 'shipping_saved' => 0];
    }
    foreach ($rows as $row) {
        $r = $e->evaluate($row['cart'], $row['customer'], $row['at']);
        $t['discount'] += $r->discount;
        $t['shipping_saved'] += $r->shippingDiscount;
        $t['points_earned'] += $r->pointsEarned;
        $t['points_spent'] += $r->pointsSpent;
        $t['orders_discounted'] += $r->discount > 0 || $r->freeShipping ? 1 : 0;
        $first = true;
        foreach ($r->applied as $a) {
            $ship = $a['free_shipping'] && $first ? $r->shippingDiscount : 0;
            $first = $first && !$a['free_shipping'];
            if ($a['source'] === 'loyalty') {
                $t['loyalty_discount'] += $a['discount'];
                continue;
            }
            $t['advantages'][$a['id']]['applied']++;
            $t['advantages'][$a['id']]['discount'] += $a['discount'];
            $t['advantages'][$a['id']]['shipping_saved'] += $ship;
        }
        foreach ($r->segments as $s) {
            $t['segments'][$s]++;
        }
    }
    return $t;
}
$report = $engine->backtest($rows, $draft);
$current = expected($engine, $rows);
$drafted = expected(new Engine($draft), $rows);
var_dump($report->orders, $report->failed['count']);
var_dump($report->current === $current, $report->draft === $drafted);
$delta = true;
foreach (['discount', 'shipping_saved', 'points_earned', 'points_spent', 'loyalty_discount', 'orders_discounted'] as $k) {
    $delta = $delta && $report->delta[$k] === $drafted[$k] - $current[$k];
}
var_dump($delta, $report->delta['advantages']['vip']['discount'] === $drafted['advantages']['vip']['discount'] - $current['advantages']['vip']['discount'],
    $report->delta['advantages']['all5']['applied'] === $drafted['advantages']['all5']['applied'],
    $report->delta['advantages']['never'] === ['applied' => 0, 'discount' => 0, 'shipping_saved' => 0],
    $report->delta['segments']['big'] === $drafted['segments']['big'], $report->delta['segments']['paris'] === -$current['segments']['paris']);
echo json_encode(array_keys($report->toArray())), "\n", json_encode(array_keys($report->current)), "\n";
echo json_encode($report->current['advantages']['never']), ' ', $report->current['segments']['disabled'], "\n";
printf("some of everything: %s\n", json_encode([$current['discount'] > 0, $current['shipping_saved'] > 0, $current['loyalty_discount'] > 0,
    $current['points_spent'] > 0, $current['advantages']['ship']['shipping_saved'] > 0, $current['advantages']['welcome']['applied'] > 0]));
// Without a draft, draft and delta are null; a generator works the same as an array
$gen = (function () use ($rows) { yield from $rows; })();
$solo = $engine->backtest($gen);
var_dump($solo->draft, $solo->delta, $solo->current === $current, json_encode($solo) === json_encode($solo->toArray()));
// An empty history
echo json_encode($engine->backtest([])->toArray()['failed']), ' ', $engine->backtest([])->orders, "\n";
?>
--EXPECT--
int(3000)
int(0)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
["orders","failed","current","draft","delta"]
["discount","shipping_saved","points_earned","points_spent","loyalty_discount","orders_discounted","advantages","segments"]
{"applied":0,"discount":0,"shipping_saved":0} 0
some of everything: [true,true,true,true,true,true]
NULL
NULL
bool(true)
bool(true)
{"count":0,"by_class":[],"messages":[]} 0
