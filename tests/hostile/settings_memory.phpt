--TEST--
Hostile: settings JSON too large for memory_limit is refused with a ConfigException before it is decoded, never a fatal error
--EXTENSIONS--
loyalty
--INI--
memory_limit=128M
--FILE--
<?php
function attempt(string $label, string $json): void {
    try {
        Loyalty\Program::fromJson($json);
        echo "$label: compiled\n";
    } catch (Loyalty\ConfigException $e) {
        echo "$label: ", $e->getMessage(), "\n";
    }
}
// 16 MiB of zeros (the byte limit): 8,000,000 values, over the value limit.
attempt('8M zeros', '[' . rtrim(str_repeat('0,', 8000000), ',') . ']');
// 3,000,000 values: under the value limit, but decoding them alone would exhaust 128M.
attempt('3M zeros', '[' . rtrim(str_repeat('0,', 3000000), ',') . ']');
// Commas, brackets and escaped quotes inside strings are not values (counted as values,
// these 900,000 would be refused).
attempt('commas in a string', json_encode(['advantages' => [['id' => 'a', 'label' => str_repeat(',[{"', 300000), 'tiers' => [['discount' => 1]]]]]));
// Large but within reach: 2,000 advantages compile.
$advantages = [];
for ($i = 0; $i < 2000; $i++) {
    $advantages[] = ['id' => "a$i", 'segment' => "city == 'C$i'", 'tiers' => [['from' => $i, 'discount' => 100]]];
}
$json = json_encode(['advantages' => $advantages]);
echo strlen($json) > 64 * 1024 ? 'large' : 'small', "\n";
attempt('2,000 advantages', $json);
?>
--EXPECTF--
8M zeros: settings: more than 4000000 values
3M zeros: settings: up to 3000001 values may need 1287 MiB to compile, memory_limit leaves %d MiB
commas in a string: compiled
large
2,000 advantages: compiled
