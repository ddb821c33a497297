--TEST--
Program: invalid segments (names, reserved names, non-string and bad expressions)
--EXTENSIONS--
loyalty
--FILE--
<?php
function check($settings): void {
    try {
        is_string($settings)
            ? Loyalty\Program::fromJson($settings)
            : Loyalty\Program::fromArray($settings);
        echo "accepted\n";
    } catch (Loyalty\ConfigException $e) {
        echo get_class($e), ' (', $e->getCode(), '): ', $e->getMessage(), "\n";
    }
}

// segments must be an object name => expression
check(['segments' => 'vip']);
check(['segments' => ["'VIP' in groups"]]);
check('{"segments": ["orders > 1"]}');
// invalid names (reported at "segments")
check(['segments' => ['1x' => 'orders > 1']]);
check(['segments' => ['-x' => 'orders > 1']]);
check(['segments' => ['a.b' => 'orders > 1']]);
check(['segments' => ['' => 'orders > 1']]);
check(['segments' => ['vip paris' => 'orders > 1']]);
check(['segments' => ["caf\xC3\xA9" => 'orders > 1']]);
check(['segments' => [str_repeat('a', 65) => 'orders > 1']]);
// built-in names are reserved
foreach (['all', 'disabled', 'no_orders', 'first_order_recent', 'loyal', 'customers'] as $name) {
    check(['segments' => [$name => 'orders > 1']]);
}
// non-string expressions
check(['segments' => ['vip' => 1]]);
check(['segments' => ['vip' => true]]);
check(['segments' => ['vip' => 1.5]]);
check(['segments' => ['vip' => ["'VIP' in groups"]]]);
// expression errors are ExpressionException at segments.NAME
check(['segments' => ['ok' => 'true', 'vip' => 'orders >']]);
check(['segments' => ['vip' => '']]);
check(['segments' => ['vip' => 'orders']]);
check(['segments' => ['vip' => "segment('nope')"]]);
--EXPECT--
Loyalty\ConfigException (1): segments: expected an object of name => expression, got string
Loyalty\ConfigException (1): segments: expected an object of name => expression, got list
Loyalty\ConfigException (1): segments: expected an object of name => expression, got list
Loyalty\ConfigException (1): segments: invalid segment name '1x' (letters, digits, '_' and '-', at most 64, not starting with a digit or '-')
Loyalty\ConfigException (1): segments: invalid segment name '-x' (letters, digits, '_' and '-', at most 64, not starting with a digit or '-')
Loyalty\ConfigException (1): segments: invalid segment name 'a.b' (letters, digits, '_' and '-', at most 64, not starting with a digit or '-')
Loyalty\ConfigException (1): segments: invalid segment name '' (letters, digits, '_' and '-', at most 64, not starting with a digit or '-')
Loyalty\ConfigException (1): segments: invalid segment name 'vip paris' (letters, digits, '_' and '-', at most 64, not starting with a digit or '-')
Loyalty\ConfigException (1): segments: invalid segment name 'café' (letters, digits, '_' and '-', at most 64, not starting with a digit or '-')
Loyalty\ConfigException (1): segments: invalid segment name 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' (letters, digits, '_' and '-', at most 64, not starting with a digit or '-')
Loyalty\ConfigException (1): segments: 'all' is a built-in segment name
Loyalty\ConfigException (1): segments: 'disabled' is a built-in segment name
Loyalty\ConfigException (1): segments: 'no_orders' is a built-in segment name
Loyalty\ConfigException (1): segments: 'first_order_recent' is a built-in segment name
Loyalty\ConfigException (1): segments: 'loyal' is a built-in segment name
Loyalty\ConfigException (1): segments: 'customers' is a built-in segment name
Loyalty\ConfigException (1): segments.vip: expected string (expression), got int
Loyalty\ConfigException (1): segments.vip: expected string (expression), got bool
Loyalty\ConfigException (1): segments.vip: expected string (expression), got float
Loyalty\ConfigException (1): segments.vip: expected string (expression), got list
Loyalty\ExpressionException (2): segments.vip: unexpected end of expression at column 9
orders >
        ^
Loyalty\ExpressionException (2): segments.vip: empty expression at column 1

^
Loyalty\ExpressionException (2): segments.vip: expression must be a condition, got number at column 1
orders
^
Loyalty\ExpressionException (2): segments.vip: unknown segment 'nope' at column 9
segment('nope')
        ^
