--TEST--
Loyalty\SqlFilter: public readonly where, params, exact, residual; explain() for a person; built by Engine::sql() only, not clonable nor serializable (SPEC 15)
--EXTENSIONS--
loyalty
--FILE--
<?php
$engine = new Loyalty\Engine(['segments' => ['s' => "orders >= 5 and attr.vip == 'yes'"]]);
$f = $engine->sql('s', ['active' => 'c.active', 'orders' => 'c.orders'], 'sqlite', 0);
var_dump($f instanceof Loyalty\SqlFilter, $f->exact, $f->residual);
echo $f->explain();
foreach ([fn() => $f->where = '1=1', fn() => $f->params[] = 1, fn() => $f->extra = 1, fn() => new Loyalty\SqlFilter(),
          fn() => clone $f, fn() => serialize($f)] as $g) {
    try {
        $g();
        echo "no error\n";
    } catch (Throwable $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
}
$r = new ReflectionClass(Loyalty\SqlFilter::class);
var_dump($r->isFinal(), array_map(fn($p) => $p->getName() . ($p->isReadOnly() ? ' readonly' : ''), $r->getProperties(ReflectionProperty::IS_PUBLIC)));
?>
--EXPECTF--
bool(true)
bool(false)
array(3) {
  [0]=>
  string(6) "active"
  [1]=>
  string(6) "orders"
  [2]=>
  string(8) "attr.vip"
}
segment 's' (sqlite): not exact, the condition selects every row filter() keeps and maybe more;
pass the selected rows to filter() with these fields: active, orders, attr.vip
in PHP: attr.vip: not in the column map
Error: Cannot modify readonly property Loyalty\SqlFilter::$where
Error: Cannot%smodify readonly property Loyalty\SqlFilter::$params
Error: Cannot create dynamic property Loyalty\SqlFilter::$extra
Error: Call to private Loyalty\SqlFilter::__construct() from global scope
Error: Trying to clone an uncloneable object of class Loyalty\SqlFilter
Exception: Serialization of 'Loyalty\SqlFilter' is not allowed
bool(true)
array(4) {
  [0]=>
  string(14) "where readonly"
  [1]=>
  string(15) "params readonly"
  [2]=>
  string(14) "exact readonly"
  [3]=>
  string(17) "residual readonly"
}
