--TEST--
Checkout: earn.exclude and earn.bonus: billed per line after its share of the discounts and of the voucher, times the first matching multiplier, rounded down once; points per line summing to pointsEarned (SPEC 11, 13)
--EXTENSIONS--
loyalty
--FILE--
<?php
use Loyalty\Engine;

function show(string $title, Loyalty\Result $r): void
{
    printf("%s: earned %d | %s\n", $title, $r->pointsEarned,
        implode(' ', array_map(fn($l) => "{$l['sku']}:" . (array_key_exists('points', $l) ? $l['points'] : '-'), $r->lines)));
}
$settings = ['loyalty' => ['earn' => ['per_amount' => 100, 'points' => 1, 'exclude' => "category == 'gift'",
    'bonus' => [['lines' => "attr.collection == 'new'", 'multiplier' => 2], ['lines' => "category == 'books'", 'multiplier' => 1.5],
                ['lines' => "category == 'books'", 'multiplier' => 10]]],
    'earn_with_voucher' => true]];
$cart = ['lines' => [
    ['sku' => 'B1', 'category' => 'books', 'qty' => 2, 'price' => 1550],
    ['sku' => 'N1', 'category' => 'books', 'qty' => 1, 'price' => 2999, 'attributes' => ['collection' => 'new']],
    ['sku' => 'G1', 'category' => 'gift', 'qty' => 1, 'price' => 5000, 'attributes' => ['collection' => 'new']],
    ['sku' => 'P1', 'category' => 'toys', 'qty' => 3, 'price' => 333],
]];
$e = new Engine($settings);
// 31.00 x 1.5 + 29.99 x 2 (first match) + gift 0 + 9.99 x 1 = 116.47: 116 points
show('no discount', $e->evaluate($cart, []));
$r = $e->evaluate($cart, []);
var_dump(array_sum(array_column($r->lines, 'points')) === $r->pointsEarned);
// the voucher used is spread over the lines, as the engine's discounts: each line bills less
show('voucher 7.00', $e->evaluate($cart + ['voucher_discount' => 700], []));
show('voucher above the cart', $e->evaluate($cart + ['voucher_discount' => 99999], []));
// rounded down once over the whole order, not per line: 3 lines of 0.67 x 1.5 each
$round = new Engine(['loyalty' => ['earn' => ['per_amount' => 1, 'points' => 1, 'bonus' => [['lines' => 'qty > 0', 'multiplier' => 1.5]]]]]);
show('rounded once', $round->evaluate(['lines' => [['sku' => 'a', 'qty' => 1, 'price' => 67], ['sku' => 'b', 'qty' => 1, 'price' => 67],
    ['sku' => 'c', 'qty' => 1, 'price' => 67]]], []));
// the engine's discounts: an item-scoped one on the books, then the rest
$disc = new Engine($settings + ['advantages' => [['id' => 'books', 'lines' => "category == 'books'", 'combinable' => true,
    'tiers' => [['discount_percent' => 50]]], ['id' => 'all', 'combinable' => true, 'tiers' => [['discount' => 1000]]]]]);
show('with discounts', $disc->evaluate($cart, []));
// an order that earns nothing still has points per line (0); without exclude/bonus the lines have none
$blocked = new Engine($settings + ['advantages' => [['id' => 'no', 'earn_points' => false, 'tiers' => [['discount' => 1]]]]]);
show('earning blocked', $blocked->evaluate($cart, []));
show('plain earning', (new Engine(['loyalty' => ['earn' => ['per_amount' => 100, 'points' => 1]]]))->evaluate($cart, []));
// a cart given by its subtotal: billed as usual, no lines
$r = $e->evaluate(['subtotal' => 12345], []);
echo 'subtotal cart: earned ', $r->pointsEarned, ', ', count($r->lines), " lines\n";
// a bonus alone; a bonus with a decimal multiplier on a 1-cent line
$bonus = new Engine(['loyalty' => ['earn' => ['per_amount' => 10, 'points' => 3, 'bonus' => [['lines' => "sku == 'x'", 'multiplier' => 0.01]]]]]);
show('tiny multiplier', $bonus->evaluate(['lines' => [['sku' => 'x', 'qty' => 1, 'price' => 100000], ['sku' => 'y', 'qty' => 1, 'price' => 1]]], []));
// huge carts: the weighted sum in hundredths must fit 64 bits (a 32-bit PHP's prices cannot reach that)
if (PHP_INT_SIZE === 4) {
    echo "32-bit PHP: no PHP int reaches the 64-bit limit\n";
}
try {
    $e->evaluate(['lines' => [['sku' => 'n', 'category' => 'books', 'qty' => 1, 'price' => intdiv(PHP_INT_MAX, 100)]]], []);
} catch (Loyalty\InputException $t) {
    echo $t->getMessage(), "\n";
}
echo json_encode($e->program()->toArray()['loyalty']['earn']), "\n";
?>
--EXPECTF--
no discount: earned 116 | B1:46 N1:60 G1:0 P1:10
bool(true)
voucher 7.00: earned 109 | B1:44 N1:56 G1:0 P1:9
voucher above the cart: earned 0 | B1:0 N1:0 G1:0 P1:0
rounded once: earned 301 | a:101 b:100 c:100
with discounts: earned 56 | B1:21 N1:26 G1:0 P1:9
earning blocked: earned 0 | B1:0 N1:0 G1:0 P1:0
plain earning: earned 120 | B1:- N1:- G1:- P1:-
subtotal cart: earned 123, 0 lines
tiny multiplier: earned 300 | x:300 y:0
%r(cart: points earned overflow 64 bits|32-bit PHP: no PHP int reaches the 64-bit limit)%r
{"per_amount":100,"points":1,"exclude":"category == 'gift'","bonus":[{"lines":"attr.collection == 'new'","multiplier":2},{"lines":"category == 'books'","multiplier":1.5},{"lines":"category == 'books'","multiplier":10}]}
