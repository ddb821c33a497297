--TEST--
Result: applied, rejected, lines and segments are built on first read, and behave as plain readonly properties in every way
--EXTENSIONS--
loyalty
--FILE--
<?php
$settings = ['advantages' => [
    ['id' => 'vip', 'segment' => "'VIP' in groups", 'tiers' => [['discount' => 500]]],
    ['id' => 'big', 'segment' => 'all', 'tiers' => [['from' => 100000, 'discount' => 1000]]],
    ['id' => 'all', 'segment' => 'all', 'tiers' => [['discount_percent' => 10]]],
]];
$cart = ['lines' => [['sku' => 'A', 'qty' => 1, 'price' => 3000], ['sku' => 'B', 'qty' => 2, 'price' => 1000]]];
$evaluate = function () use ($settings, $cart) {
    $engine = new Loyalty\Engine($settings);
    return $engine->evaluate($cart, ['orders' => 1], 1700000000);
};

// The engine, its program and the cart are gone: the result still builds its lists.
$r = $evaluate();
$cart['lines'][0]['sku'] = 'changed';
echo json_encode($r->rejected), "\n", json_encode($r->lines), "\n";
$s = $evaluate();
echo json_encode($s->applied), "\n", json_encode($s->segments), "\n";

// Every way of reading sees the same lists.
$a = $evaluate(); $b = $evaluate();
var_dump($a == $b, $a == $r, isset($a->rejected), isset($b->lines), empty($a->lines), isset($evaluate()->applied), empty($evaluate()->segments));
$c = $evaluate();
var_dump(array_keys(get_object_vars($c)) === array_keys($r->toArray()) ? 'snake' : 'camel');
var_dump(count((array) $evaluate()), $evaluate()->toArray() === $r->toArray(), json_encode($evaluate()) === json_encode($r));
foreach ($evaluate() as $name => $value) { if (in_array($name, ['applied', 'rejected', 'lines', 'segments'])) echo $name, ' ', count($value), "\n"; }
$d = clone $evaluate();
var_dump($d->lines === $r->lines, $d->applied === $s->applied, $d->segments === $s->segments);
try { serialize($evaluate()); } catch (Exception $x) { echo $x->getMessage(), "\n"; }
ob_start(); var_dump($evaluate()); $dump = ob_get_clean();
var_dump(str_contains($dump, '["rejected"]=>') && str_contains($dump, '"not_in_segment"'));

// Writes are readonly errors, before and after the first read.
foreach (['applied', 'rejected', 'lines', 'segments', 'subtotal'] as $name) {
    $e = $evaluate();
    try { $e->$name = []; } catch (Error $x) { echo get_class($x), ': ', $x->getMessage(), "\n"; }
    try { unset($e->$name); } catch (Error $x) { echo get_class($x), ': ', $x->getMessage(), "\n"; }
    try { $e->{$name}[] = 1; } catch (Error $x) { echo get_class($x), ': ', $x->getMessage(), "\n"; }
}
$e = $evaluate();
try { $ref = &$e->rejected; } catch (Error $x) { echo get_class($x), ': ', $x->getMessage(), "\n"; }
echo count($e->rejected), "\n";

// A result that is never read is freed with its lists unbuilt (no leak).
for ($i = 0; $i < 3; $i++) { $evaluate(); }
echo "done\n";
?>
--EXPECTF--
[{"source":"advantage","id":"vip","reason":"not_in_segment","message":"not_in_segment: does not match 'VIP' in groups"},{"source":"advantage","id":"big","reason":"below_tier","message":"below_tier: subtotal 50.00 is below 1000.00","missing":95000}]
[{"sku":"A","amount":3000,"discount":300},{"sku":"B","amount":2000,"discount":200}]
[{"source":"advantage","id":"all","label":"all","discount":500,"free_shipping":false,"points_spent":0}]
["all","customers"]
bool(true)
bool(true)
bool(true)
bool(true)
bool(false)
bool(true)
bool(false)
string(5) "camel"
int(13)
bool(true)
bool(true)
segments 2
applied 1
rejected 2
lines 2
bool(true)
bool(true)
bool(true)
Serialization of 'Loyalty\Result' is not allowed
bool(true)
Error: Cannot modify readonly property Loyalty\Result::$applied
Error: Cannot unset readonly property Loyalty\Result::$applied
Error: Cannot%smodify readonly property Loyalty\Result::$applied
Error: Cannot modify readonly property Loyalty\Result::$rejected
Error: Cannot unset readonly property Loyalty\Result::$rejected
Error: Cannot%smodify readonly property Loyalty\Result::$rejected
Error: Cannot modify readonly property Loyalty\Result::$lines
Error: Cannot unset readonly property Loyalty\Result::$lines
Error: Cannot%smodify readonly property Loyalty\Result::$lines
Error: Cannot modify readonly property Loyalty\Result::$segments
Error: Cannot unset readonly property Loyalty\Result::$segments
Error: Cannot%smodify readonly property Loyalty\Result::$segments
Error: Cannot modify readonly property Loyalty\Result::$subtotal
Error: Cannot unset readonly property Loyalty\Result::$subtotal
Error: Cannot%smodify readonly property Loyalty\Result::$subtotal
Error: Cannot%smodify readonly property Loyalty\Result::$rejected
2
done
