--TEST--
Program::fromJson(): invalid JSON, non-object JSON, out-of-range ints
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

// invalid JSON
check('{');
check('');
check('{"rounding": "down",}');
check('{"x":1} trailing');
check("{\"rounding\": \"d\xFFown\"}");
check(str_repeat('[', 100000));
// valid JSON that is not an object
check('[1, 2]');
check('"settings"');
check('42');
check('1.5');
check('true');
check('null');
// ints beyond 64 bits are floats in JSON: refused where ints are expected
check('{"advantages":[{"id":"a","tiers":[{"from":9223372036854775808,"discount":1}]}]}');
check('{"advantages":[{"id":"a","tiers":[{"discount":99999999999999999999}]}]}');
check('{"loyalty":{"earn":{"per_amount":18446744073709551616}}}');
// a float that happens to be whole is still a float
check('{"advantages":[{"id":"a","tiers":[{"from":1.0,"discount":1}]}]}');
check('{"advantages":[{"id":"a","tiers":[{"from":1e3,"discount":1}]}]}');
// numeric strings are refused
check('{"advantages":[{"id":"a","tiers":[{"discount":"500"}]}]}');
check('{"loyalty":{"expiry":{"days":"365"}}}');
// wrong PHP type
try {
    Loyalty\Program::fromJson(['rounding' => 'down']);
} catch (TypeError $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
--EXPECT--
Loyalty\ConfigException (1): settings: invalid JSON: Syntax error
Loyalty\ConfigException (1): settings: invalid JSON: Syntax error
Loyalty\ConfigException (1): settings: invalid JSON: Syntax error
Loyalty\ConfigException (1): settings: invalid JSON: Syntax error
Loyalty\ConfigException (1): settings: invalid JSON: Malformed UTF-8 characters, possibly incorrectly encoded
Loyalty\ConfigException (1): settings: invalid JSON: Maximum stack depth exceeded
Loyalty\ConfigException (1): settings: expected an object, got list
Loyalty\ConfigException (1): settings: expected an object, got string
Loyalty\ConfigException (1): settings: expected an object, got int
Loyalty\ConfigException (1): settings: expected an object, got float
Loyalty\ConfigException (1): settings: expected an object, got bool
Loyalty\ConfigException (1): settings: expected an object, got null
Loyalty\ConfigException (1): advantages[0].tiers[0].from: expected int (minor units), got float
Loyalty\ConfigException (1): advantages[0].tiers[0].discount: expected int (minor units), got float
Loyalty\ConfigException (1): loyalty.earn.per_amount: expected int, got float
Loyalty\ConfigException (1): advantages[0].tiers[0].from: expected int (minor units), got float
Loyalty\ConfigException (1): advantages[0].tiers[0].from: expected int (minor units), got float
Loyalty\ConfigException (1): advantages[0].tiers[0].discount: expected int (minor units), got string
Loyalty\ConfigException (1): loyalty.expiry.days: expected int, got string
TypeError: Loyalty\Program::fromJson(): Argument #1 ($json) must be of type string, array given
