--TEST--
Program::fromArray(): root and section type errors
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

// the root must be an object (string keys), not a list
check([1, 2]);
check([['id' => 'a']]);
// wrong PHP types are TypeError / ArgumentCountError
try {
    Loyalty\Program::fromArray('{}');
} catch (TypeError $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
try {
    Loyalty\Program::fromArray();
} catch (ArgumentCountError $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
// sections of the wrong type
check(['rounding' => 1]);
check(['rounding' => true]);
check(['advantages' => 'x']);
check(['advantages' => ['vip' => ['id' => 'a', 'tiers' => [['discount' => 1]]]]]);
check(['advantages' => [1 => ['id' => 'a', 'tiers' => [['discount' => 1]]]]]);
check(['advantages' => [1]]);
check(['advantages' => [['id' => 'a', 'tiers' => [['discount' => 1]], 0 => 1]]]);
check(['loyalty' => 'x']);
check(['loyalty' => [1]]);
check(['loyalty' => true]);
// a self-referencing array does not hang or crash
$r = [];
$r['self'] = &$r;
check(['loyalty' => ['earn' => $r]]);
--EXPECT--
Loyalty\ConfigException (1): settings: expected an object, got list
Loyalty\ConfigException (1): settings: expected an object, got list
TypeError: Loyalty\Program::fromArray(): Argument #1 ($settings) must be of type array, string given
ArgumentCountError: Loyalty\Program::fromArray() expects exactly 1 argument, 0 given
Loyalty\ConfigException (1): rounding: expected string, got int
Loyalty\ConfigException (1): rounding: expected string, got bool
Loyalty\ConfigException (1): advantages: expected a list of advantages, got string
Loyalty\ConfigException (1): advantages: expected a list of advantages, got array
Loyalty\ConfigException (1): advantages: expected a list of advantages, got array
Loyalty\ConfigException (1): advantages[0]: expected an object (array with string keys), got int
Loyalty\ConfigException (1): advantages[0].0: unknown key
Loyalty\ConfigException (1): loyalty: expected an object (array with string keys), got string
Loyalty\ConfigException (1): loyalty: expected an object (array with string keys), got list
Loyalty\ConfigException (1): loyalty: expected an object (array with string keys), got bool
Loyalty\ConfigException (1): loyalty.earn.self: unknown key
