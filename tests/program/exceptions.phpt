--TEST--
Program errors: exception classes, hierarchy and codes (1 config, 2 expression)
--EXTENSIONS--
loyalty
--FILE--
<?php
var_dump(interface_exists('Loyalty\Exception'));
foreach (['ConfigException', 'ExpressionException', 'InputException', 'LedgerException'] as $c) {
    $r = new ReflectionClass("Loyalty\\$c");
    echo $c, ': final=', var_export($r->isFinal(), true),
        ' marker=', var_export($r->implementsInterface('Loyalty\Exception'), true),
        ' throwable=', var_export($r->implementsInterface('Throwable'), true), "\n";
}
var_dump(is_subclass_of('Loyalty\ExpressionException', 'Loyalty\ConfigException'));

// a settings error: ConfigException, code 1, not an ExpressionException
try {
    Loyalty\Program::fromArray(['rounding' => 'up']);
} catch (Loyalty\Exception $e) {
    echo get_class($e), ' ', $e->getCode(), ' ',
        var_export($e instanceof Loyalty\ConfigException, true), ' ',
        var_export($e instanceof Loyalty\ExpressionException, true), "\n";
}
// an expression error: ExpressionException, code 2, caught as ConfigException too
foreach ([['segments' => ['vip' => "'VIP' in"]], ['advantages' => [['id' => 'a', 'segment' => 'orders >', 'tiers' => [['discount' => 1]]]]]] as $s) {
    try {
        Loyalty\Program::fromArray($s);
    } catch (Loyalty\ConfigException $e) {
        echo get_class($e), ' ', $e->getCode(), ' ',
            var_export($e instanceof Loyalty\Exception, true), ' ',
            var_export($e instanceof Loyalty\ExpressionException, true), "\n";
    }
}
// JSON errors are ConfigException too
try {
    Loyalty\Program::fromJson('{');
} catch (Loyalty\ConfigException $e) {
    echo get_class($e), ' ', $e->getCode(), "\n";
}
// wrong PHP parameter types are TypeError, not a Loyalty\Exception
try {
    Loyalty\Program::fromJson(['x']);
} catch (TypeError $e) {
    echo get_class($e), ' ', var_export($e instanceof Loyalty\Exception, true), "\n";
}
--EXPECT--
bool(true)
ConfigException: final=false marker=true throwable=true
ExpressionException: final=true marker=true throwable=true
InputException: final=true marker=true throwable=true
LedgerException: final=true marker=true throwable=true
bool(true)
Loyalty\ConfigException 1 true false
Loyalty\ExpressionException 2 true true
Loyalty\ExpressionException 2 true true
Loyalty\ConfigException 1
TypeError false
