--TEST--
Program: NUL bytes in settings are not truncated (keys, values, segment names, ids)
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

// NUL bytes in keys and values: refused or kept byte for byte, never truncated.
// Messages show them escaped as \x00, as for any other string in a message.
check(['rounding' => "down\0"]);
check(["rounding\0x" => 'down']);
check(['loyalty' => ['rank_by' => "orders\0x"]]);
check(['segments' => ["x\0y" => 'true']]);
check(['advantages' => [['id' => "a\0b", 'tiers' => [['discount' => 1]]], ['id' => "a\0b", 'tiers' => [['discount' => 1]]]]]);
// ids differing after a NUL byte are different ids
$p = Loyalty\Program::fromArray(['advantages' => [['id' => "a\0b", 'tiers' => [['discount' => 1]]], ['id' => "a\0c", 'tiers' => [['discount' => 1]]]]]);
var_dump(array_column($p->toArray()['advantages'], 'id') === ["a\0b", "a\0c"]);
--EXPECT--
Loyalty\ConfigException (1): rounding: must be one of 'half_up', 'half_even', 'down', got 'down\x00'
Loyalty\ConfigException (1): rounding\x00x: unknown key
Loyalty\ConfigException (1): loyalty.rank_by: must be one of 'points', 'orders', 'lifetime_points', got 'orders\x00x'
Loyalty\ConfigException (1): segments: invalid segment name 'x\x00y' (letters, digits, '_' and '-', at most 64, not starting with a digit or '-')
Loyalty\ConfigException (1): advantages[1].id: duplicate id 'a\x00b' (also advantages[0])
bool(true)
