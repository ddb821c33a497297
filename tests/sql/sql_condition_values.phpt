--TEST--
Engine::sql(): a condition used as a value (true not in [...]) is judged on its own: an inexact one before an exact one leaves the exact one in the SQL (SPEC 15)
--EXTENSIONS--
loyalty
--FILE--
<?php
$cols = ['orders' => 'c.orders', 'active' => 'c.active', 'attr.x' => 'c.x', 'groups' => ['contains' => 'EXISTS(G ?)']];
foreach ([
    "true not in [attr.x - 80.15 >= 1.5, orders > 3]",
    "true not in [orders > 3, attr.x - 80.15 >= 1.5]",
    "true not in [attr.x - 80.15 - orders >= 9223372036854.5, 'pro' in groups]",
    "true in [attr.x - 80.15 >= 1.5, orders > 3]",
] as $segment) {
    $f = (new Loyalty\Engine(['segments' => ['t' => $segment]]))->sql('t', $cols, 'sqlite', 1777343142);
    echo $segment, "\n  ", $f->where, ' ', json_encode($f->params), ' ', var_export($f->exact, true), "\n";
}
?>
--EXPECT--
true not in [attr.x - 80.15 >= 1.5, orders > 3]
  (((c.active) IS NULL OR (c.active) <> 0) AND (((c.orders) > CAST(? AS INTEGER)) IS NOT TRUE)) [3] false
true not in [orders > 3, attr.x - 80.15 >= 1.5]
  (((c.active) IS NULL OR (c.active) <> 0) AND (((c.orders) > CAST(? AS INTEGER)) IS NOT TRUE)) [3] false
true not in [attr.x - 80.15 - orders >= 9223372036854.5, 'pro' in groups]
  (((c.active) IS NULL OR (c.active) <> 0) AND ((EXISTS(G ?)) IS NOT TRUE)) ["pro"] false
true in [attr.x - 80.15 >= 1.5, orders > 3]
  ((c.active) IS NULL OR (c.active) <> 0) [] false
