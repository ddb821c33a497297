--TEST--
Loyalty\Report: final, public readonly properties, toArray() and JSON alike, not serializable, no dynamic properties, no public constructor (SPEC 12, 13)
--EXTENSIONS--
loyalty
--FILE--
<?php
$r = (new Loyalty\Engine([]))->backtest([['cart' => ['subtotal' => 100], 'customer' => []]]);
$c = new ReflectionClass(Loyalty\Report::class);
var_dump($c->isFinal(), $r instanceof JsonSerializable);
foreach ($c->getProperties() as $p) {
    echo $p->getName(), ' ', $p->getType(), ' ', $p->isReadOnly() ? 'readonly' : 'writable', "\n";
}
var_dump(json_encode($r) === json_encode($r->toArray()));
foreach ([fn() => serialize($r), fn() => $r->extra = 1, fn() => new Loyalty\Report(), fn() => $r->failed['count'] = 5] as $f) {
    try {
        $f();
        echo "no error\n";
    } catch (Throwable $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
}
?>
--EXPECTF--
bool(true)
bool(true)
orders int readonly
failed array readonly
current array readonly
draft ?array readonly
delta ?array readonly
bool(true)
Exception: Serialization of 'Loyalty\Report' is not allowed
Error: Cannot create dynamic property Loyalty\Report::$extra
Error: Call to private Loyalty\Report::__construct() from global scope
Error: Cannot%smodify readonly property Loyalty\Report::$failed
