--TEST--
Hostile: NUL and control bytes in every string position are kept byte for byte; messages echo them as \xNN
--EXTENSIONS--
loyalty
--INI--
date.timezone=UTC
--FILE--
<?php
use Loyalty\{Engine, Program, Ledger};
$now = 1700000000;
function show(callable $f) {
    try {
        $r = $f();
        echo 'ok: ', var_export($r, true), "\n";
    } catch (Throwable $t) {
        echo get_class($t), ': ', $t->getMessage(), "\n";
    }
}

echo "--- segment names given to inSegment() and filter()\n";
$e = new Engine([
    'segments' => ['vip' => "'VIP' in groups", 'paris' => "city == 'Paris'", 'ref' => "'A\\\\0' in bought"],
    'advantages' => [['id' => "adv\0one", 'label' => "Label\0\x01tail", 'segment' => 'vip',
        'tiers' => [['discount' => 100, 'free_shipping' => true, 'carriers' => ["Colissimo\0"]]]]],
]);
show(fn() => $e->inSegment("vip\0", [], $now));
show(fn() => $e->inSegment("\0vip", [], $now));
show(fn() => $e->filter("vi\x01p\x7f", [], $now));
show(fn() => $e->inSegment(str_repeat("\0", 100), [], $now));

echo "--- customer strings compare byte for byte\n";
show(fn() => $e->inSegment('vip', ['groups' => ["VIP\0"]], $now));
show(fn() => $e->inSegment('vip', ['groups' => ["\0VIP", 'VIP']], $now));
show(fn() => $e->inSegment('paris', ['city' => "Paris\0"], $now));
show(fn() => $e->inSegment('paris', ['city' => "Paris"], $now));

echo "--- ids and keys returned by filter() as given\n";
$ids = $e->filter('vip', ["k\0a" => ['groups' => ['VIP']], 'k' => ['groups' => ['VIP'], 'id' => "id\0\0"]], $now);
echo json_encode($ids), "\n";
show(fn() => $e->filter('vip', ["bad\0key" => 'row'], $now));
show(fn() => $e->filter('vip', ['x' => ['id' => 1.5, 'groups' => ['VIP']]], $now));

echo "--- ids, labels, carriers and skus in a result\n";
$cart = ['lines' => [['sku' => "SKU\0-1", 'qty' => 2, 'price' => 1000], ['sku' => "\0", 'qty' => 1, 'price' => 500]],
    'carrier' => "Colissimo\0", 'shipping' => 490];
$r = $e->evaluate($cart, ['groups' => ['VIP']], $now);
echo json_encode([$r->applied, $r->shippingDiscount, array_column($r->lines, 'sku')]), "\n";
$r = $e->evaluate(['carrier' => 'Colissimo', 'shipping' => 490] + $cart, ['groups' => ['VIP']], $now);
echo json_encode([$r->shippingDiscount, $r->rejected]), "\n";

$two = new Engine(['advantages' => [['id' => "a\0b", 'tiers' => [['discount' => 500]]], ['id' => "c\x01", 'tiers' => [['discount' => 100]]],
    ['id' => 'inline', 'segment' => "orders > 5\nand\tcity == 'X'", 'tiers' => [['discount' => 1]]]]]);
echo json_encode(array_column($two->evaluate(['subtotal' => 1000], [], $now)->rejected, 'message')), "\n";

echo "--- ledger refs and entries\n";
$p = Program::fromArray([]);
$l = new Ledger($p);
$l->earn(10, 100, "order\0#1");
$l->grant(5, 200, "\0");
$l->spend(3, 300, "x\0\x01\x1f");
echo json_encode(array_column($l->entries(), 'ref')), "\n";
$copy = new Ledger($p, $l->entries());
var_dump($copy->entries() === $l->entries());
show(fn() => new Ledger($p, [['type' => "earn\0x", 'points' => 1, 'at' => 1]]));
show(fn() => new Ledger($p, [['type' => 'earn', 'points' => 1, 'at' => 1, "type\0x" => 1]]));
show(fn() => new Ledger($p, [['type' => 'earn', 'points' => 1, 'at' => "2026-01-01\0 12:00"]]));

echo "--- date strings\n";
show(fn() => $e->segmentsOf(['orders' => 1, 'first_order' => "2023-11-14\0"], $now));
show(fn() => $e->segmentsOf(['orders' => 1, 'last_order' => "\x01\x02"], $now));
show(fn() => $e->segmentsOf([], "\0"));
show(fn() => $l->balance("today\0"));
?>
--EXPECT--
--- segment names given to inSegment() and filter()
Loyalty\ConfigException: segment: unknown segment 'vip\x00'
Loyalty\ConfigException: segment: unknown segment '\x00vip'
Loyalty\ConfigException: segment: unknown segment 'vi\x01p\x7F'
Loyalty\ConfigException: segment: unknown segment '\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00...'
--- customer strings compare byte for byte
ok: false
ok: true
ok: false
ok: true
--- ids and keys returned by filter() as given
["k\u0000a","id\u0000\u0000"]
Loyalty\InputException: customers[bad\x00key]: expected array, got string
Loyalty\InputException: customers[x].id: expected int or string, got float
--- ids, labels, carriers and skus in a result
[[{"source":"advantage","id":"adv\u0000one","label":"Label\u0000\u0001tail","discount":100,"free_shipping":true,"points_spent":0}],490,["SKU\u0000-1","\u0000"]]
[0,[{"source":"advantage","id":"adv\u0000one","reason":"carrier","message":"carrier: free shipping only with Colissimo\\x00, not Colissimo"}]]
["not_best: 'a\\x00b' is worth more (5.00 against 1.00)","not_in_segment: does not match orders > 5\\x0Aand\\x09city == 'X'"]
--- ledger refs and entries
["order\u0000#1","\u0000","x\u0000\u0001\u001f"]
bool(true)
Loyalty\InputException: entries[0].type: expected 'earn', 'grant', 'spend' or 'reward', got 'earn\x00x'
Loyalty\InputException: entries[0].type\x00x: unknown key
Loyalty\InputException: entries[0].at: invalid date '2026-01-01\x00 12:00'
--- date strings
Loyalty\InputException: customer.first_order: invalid date '2023-11-14\x00'
Loyalty\InputException: customer.last_order: invalid date '\x01\x02'
Loyalty\InputException: now: invalid date '\x00'
Loyalty\InputException: at: invalid date 'today\x00'
