--TEST--
Checkout: rules on products: lines (a line expression), tiers on the concerned lines' amount or units, free_units cheapest first, no_line, item-scoped allocation first (SPEC 11, 13)
--EXTENSIONS--
loyalty
--FILE--
<?php
use Loyalty\Engine;

function show(string $title, Loyalty\Result $r): void
{
    printf("%s: discount %d | %s | %s | lines %s\n", $title, $r->discount,
        implode(' ', array_map(fn($a) => "+{$a['id']} {$a['discount']}", $r->applied)),
        implode(' ', array_map(fn($x) => "-{$x['id']} {$x['reason']}" . (isset($x['missing']) ? "({$x['missing']})" : ''), $r->rejected)),
        implode(',', array_column($r->lines, 'discount')));
}
$cart = ['lines' => [
    ['sku' => 'B1', 'category' => 'books', 'qty' => 2, 'price' => 1500],
    ['sku' => 'T1', 'category' => 'toys', 'qty' => 4, 'price' => 1000, 'attributes' => ['brand' => 'Lego', 'age' => 6]],
    ['sku' => 'T2', 'category' => 'toys', 'qty' => 3, 'price' => 700, 'attributes' => ['brand' => null]],
    ['sku' => 42, 'category' => 7, 'qty' => 1, 'price' => 6000],
]];
// 10% on books: of the books' amount only, spread over the books only
$books = new Engine(['advantages' => [['id' => 'books', 'lines' => "category in ['books', 'comics']", 'tiers' => [['discount_percent' => 10]]]]]);
show('10% on books', $books->evaluate($cart, []));
// A fixed discount is capped at the concerned lines; tiers compare from with their amount
$fixed = new Engine(['advantages' => [['id' => 'toys', 'lines' => "category == 'toys'",
    'tiers' => [['from' => 6000, 'discount' => 10000], ['from' => 7000, 'discount' => 100]]]]]);
show('toys capped at 61.00', $fixed->evaluate($cart, []));
show('toys below', $fixed->evaluate(['lines' => [['category' => 'toys', 'qty' => 1, 'price' => 5000]]], []));
echo $fixed->evaluate(['lines' => [['category' => 'toys', 'qty' => 1, 'price' => 5000]]], [])->rejected[0]['message'], "\n";
// 3 for 2 on toys: 7 units, from 3, 2 free, the cheapest (7.00 each)
$three = new Engine(['advantages' => [['id' => '3for2', 'lines' => "category == 'toys'", 'tiers_on' => 'quantity',
    'tiers' => [['from' => 3, 'free_units' => 1], ['from' => 6, 'free_units' => 3]]]]]);
show('3 for 2 (6 units: 3 free)', $three->evaluate($cart, []));
show('2 toys', $three->evaluate(['lines' => [['category' => 'toys', 'qty' => 2, 'price' => 1000]]], []));
echo $three->evaluate(['lines' => [['category' => 'toys', 'qty' => 2, 'price' => 1000]]], [])->rejected[0]['message'], "\n";
// free units never more than there are; a free unit at price 0 gives nothing
$many = new Engine(['advantages' => [['id' => 'many', 'tiers_on' => 'quantity', 'tiers' => [['from' => 1, 'free_units' => 5]]]]]);
show('all free', $many->evaluate(['lines' => [['sku' => 'a', 'qty' => 2, 'price' => 300], ['sku' => 'b', 'qty' => 1, 'price' => 0]]], []));
show('only a free sample', $many->evaluate(['lines' => [['sku' => 'b', 'qty' => 1, 'price' => 0]]], []));
// tiers_on quantity without lines counts every unit; "add 2 more"
$bulk = new Engine(['advantages' => [['id' => 'bulk', 'tiers_on' => 'quantity', 'tiers' => [['from' => 12, 'discount_percent' => 5]]]]]);
show('bulk', $bulk->evaluate($cart, []));
// Line fields and attributes; int sku and category read as strings
$attr = new Engine(['advantages' => [
    ['id' => 'lego', 'lines' => "attr.brand == 'Lego' and attr.age >= 6", 'combinable' => true, 'tiers' => [['discount' => 100]]],
    ['id' => 'nobrand', 'lines' => "not (attr.brand == 'Lego')", 'combinable' => true, 'tiers' => [['discount' => 50]]],
    ['id' => 'ints', 'lines' => "sku == '42' and category like '7'", 'combinable' => true, 'tiers' => [['discount' => 10]]],
    ['id' => 'expensive', 'lines' => "price >= 5000 or amount > 3500", 'combinable' => true, 'tiers' => [['discount_percent' => 1]]],
]]);
show('attributes', $attr->evaluate($cart, []));
// no_line: after voucher, before below_tier; a cart given by its subtotal has no line
$order = new Engine(['advantages' => [
    ['id' => 'v', 'lines' => "category == 'food'", 'tiers' => [['from' => 99999, 'discount' => 1]]],
    ['id' => 'w', 'with_voucher' => true, 'lines' => "category == 'food'", 'tiers' => [['from' => 99999, 'discount' => 1]]],
    ['id' => 'x', 'with_voucher' => true, 'lines' => "category == 'books'", 'tiers' => [['from' => 99999, 'discount' => 1]]],
]]);
show('order', $order->evaluate($cart + ['vouchers' => ['X']], []));
show('subtotal cart', $order->evaluate(['subtotal' => 5000], []));
echo $order->evaluate(['subtotal' => 5000], [])->rejected[0]['message'], "\n";
// Allocation: item-scoped first, then the rest over what is left of every line; never more than is left
$mix = new Engine(['advantages' => [
    ['id' => 'books100', 'lines' => "category == 'books'", 'combinable' => true, 'tiers' => [['discount_percent' => 100]]],
    ['id' => 'books5', 'lines' => "category == 'books'", 'combinable' => true, 'tiers' => [['discount' => 500]]],
    ['id' => 'cart', 'combinable' => true, 'tiers' => [['discount' => 1000]]],
]]);
show('mix', $mix->evaluate($cart, []));
$r = $mix->evaluate($cart, []);
echo array_sum(array_column($r->lines, 'discount')) === $r->discount ? "lines sum to the discount\n" : "wrong sum\n";
?>
--EXPECT--
10% on books: discount 300 | +books 300 |  | lines 300,0,0,0
toys capped at 61.00: discount 6100 | +toys 6100 |  | lines 0,4000,2100,0
toys below: discount 0 |  | -toys below_tier(1000) | lines 0
below_tier: the matching lines make 50.00, below 60.00
3 for 2 (6 units: 3 free): discount 2100 | +3for2 2100 |  | lines 0,1377,723,0
2 toys: discount 0 |  | -3for2 below_tier(1) | lines 0
below_tier: 2 units, the first tier needs 3
all free: discount 600 | +many 600 |  | lines 600,0
only a free sample: discount 0 |  | -many zero_value | lines 0
bulk: discount 0 |  | -bulk below_tier(2) | lines 0,0,0,0
attributes: discount 260 | +lego 100 +nobrand 50 +ints 10 +expensive 100 |  | lines 14,140,9,97
order: discount 0 |  | -v voucher -w no_line -x below_tier(96999) | lines 0,0,0,0
subtotal cart: discount 0 |  | -v no_line -w no_line -x no_line | lines 
no_line: no cart line matches category == 'food'
mix: discount 4000 | +books100 3000 +cart 1000 | -books5 zero_value | lines 3000,331,173,496
lines sum to the discount
