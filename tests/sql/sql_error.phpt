--TEST--
Engine::sql() errors: an unknown segment (ConfigException), an unknown dialect (ValueError), a bad now, a column map entry that is not a non-empty string or one of the array forms (InputException naming its path), wrong argument types (SPEC 15)
--EXTENSIONS--
loyalty
--FILE--
<?php
$engine = new Loyalty\Engine(['segments' => ['s' => "orders > 1 and 'x' in groups"]]);
$try = function (callable $f) {
    try {
        $f();
        echo "no error\n";
    } catch (Throwable $e) {
        echo get_class($e), ' (', $e->getCode(), '): ', $e->getMessage(), "\n";
    }
};
$try(fn() => $engine->sql('nope', []));
$try(fn() => $engine->sql('s', [], 'postgres'));
$try(fn() => $engine->sql('s', [], 'MySQL'));
$try(fn() => $engine->sql('s', [], 'mysql', 'not a date'));
$try(fn() => $engine->sql('s', 'orders'));
$try(fn() => $engine->sql());
foreach ([
    ['orders' => 5], ['orders' => ''], ['orders' => null], ['orders' => ['c.orders']], ['city' => true],
    ['attr.vip' => 1], ['attr.' => 'x'], ['email' => 'c.email'], [0 => 'c.orders'], ['days_since_last_order' => 'x'],
    ['last_order' => 5], ['last_order' => []], ['last_order' => ['expr' => '']], ['last_order' => ['expr' => 'l', 'type' => 'date']],
    ['last_order' => ['expr' => 'l', 'type' => 5]], ['last_order' => ['expr' => 'l', 'kind' => 'datetime']],
    ['groups' => 'g.name'], ['groups' => []], ['groups' => ['contains' => 'g.name = ?', 'in' => 'x']],
    ['groups' => ['contains' => 'g.name = 1']], ['groups' => ['contains' => 'a = ? OR b = ?']], ['groups' => ['contains' => '']],
    ['groups' => ['count' => 5]], ['orders' => 'o', 'spent' => 7],
    ["ba\0d" => 'x'],
] as $columns) {
    $try(fn() => $engine->sql('s', $columns, 'sqlite', 0));
}
// Accepted: a date as a plain string (a DATETIME), `id` (not read), count without contains
$f = $engine->sql('s', ['id' => 'c.id', 'orders' => 'c.orders', 'last_order' => 'c.last', 'groups' => ['count' => 'n']], 'sqlite', 0);
echo $f->where, ' ', var_export($f->exact, true), "\n";
?>
--EXPECT--
Loyalty\ConfigException (1): segment: unknown segment 'nope'
ValueError (0): Loyalty\Engine::sql(): Argument #3 ($dialect) must be "mysql" or "sqlite"
ValueError (0): Loyalty\Engine::sql(): Argument #3 ($dialect) must be "mysql" or "sqlite"
Loyalty\InputException (3): now: invalid date 'not a date'
TypeError (0): Loyalty\Engine::sql(): Argument #2 ($columns) must be of type array, string given
ArgumentCountError (0): Loyalty\Engine::sql() expects at least 2 arguments, 0 given
Loyalty\InputException (3): columns.orders: expected SQL as a non-empty string, got int
Loyalty\InputException (3): columns.orders: expected SQL as a non-empty string, got an empty string
Loyalty\InputException (3): columns.orders: expected SQL as a non-empty string, got null
Loyalty\InputException (3): columns.orders: expected SQL as a non-empty string, got array
Loyalty\InputException (3): columns.city: expected SQL as a non-empty string, got bool
Loyalty\InputException (3): columns.attr.vip: expected SQL as a non-empty string, got int
Loyalty\InputException (3): columns.attr.: unknown customer field
Loyalty\InputException (3): columns.email: unknown customer field
Loyalty\InputException (3): columns.0: unknown customer field
Loyalty\InputException (3): columns.days_since_last_order: unknown customer field
Loyalty\InputException (3): columns.last_order: expected SQL or ['expr' => SQL, 'type' => 'datetime'|'timestamp'], got int
Loyalty\InputException (3): columns.last_order.expr: missing
Loyalty\InputException (3): columns.last_order.expr: expected SQL as a non-empty string, got an empty string
Loyalty\InputException (3): columns.last_order.type: expected 'datetime' or 'timestamp', got 'date'
Loyalty\InputException (3): columns.last_order.type: expected 'datetime' or 'timestamp', got int
Loyalty\InputException (3): columns.last_order.kind: unknown key (expected expr, type)
Loyalty\InputException (3): columns.groups: expected ['contains' => SQL with one ?, 'count' => SQL], got string
Loyalty\InputException (3): columns.groups: expected 'contains' or 'count'
Loyalty\InputException (3): columns.groups.in: unknown key (expected contains, count)
Loyalty\InputException (3): columns.groups.contains: expected SQL with exactly one ?, found 0
Loyalty\InputException (3): columns.groups.contains: expected SQL with exactly one ?, found 2
Loyalty\InputException (3): columns.groups.contains: expected SQL as a non-empty string, got an empty string
Loyalty\InputException (3): columns.groups.count: expected SQL as a non-empty string, got int
Loyalty\InputException (3): columns.spent: expected SQL as a non-empty string, got int
Loyalty\InputException (3): columns.ba\x00d: unknown customer field
((c.orders) > CAST(? AS INTEGER)) false
