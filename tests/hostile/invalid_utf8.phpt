--TEST--
Hostile: invalid UTF-8 in every string position is kept byte for byte; messages echo the bytes unchanged (shown here as \xNN)
--EXTENSIONS--
loyalty
--INI--
date.timezone=UTC
--FILE--
<?php
use Loyalty\{Engine, Program, Ledger};
// bytes >= 0x80 shown as \xNN so that the expected output is plain ASCII
function esc(string $s): string {
    return preg_replace_callback('/[\x80-\xff]/', fn($m) => sprintf('\x%02X', ord($m[0])), $s);
}
function attempt(string $label, callable $f) {
    try {
        $r = $f();
        echo "$label: ", esc(var_export($r, true)), "\n";
    } catch (Throwable $t) {
        echo "$label: ", get_class($t), ' ', esc(strtok($t->getMessage(), "\n")), "\n";
    }
}
$bad = ["\xff", "\xc3\x28", "\xe2\x82", "\xf0\x28\x8c\x28", "\xed\xa0\x80", "\xc0\xaf", "caf\xe9"];
$id = "adv-\xff\xfe";
$label = "Libell\xe9 \xc3";
$carrier = "Coli\xa0ssimo";
$e = new Engine([
    'segments' => ['grp' => "'VIP\xff' in groups", 'town' => "city == 'Par\xe9s'", 'lat' => "lower(city) == 'par\xe9s'"],
    'advantages' => [['id' => $id, 'label' => $label, 'segment' => 'grp',
        'tiers' => [['discount' => 100, 'free_shipping' => true, 'carriers' => [$carrier]]]]],
]);
$now = 1700000000;

echo "--- settings strings round-trip\n";
$a = $e->program()->toArray();
var_dump($a['advantages'][0]['id'] === $id, $a['advantages'][0]['label'] === $label, $a['advantages'][0]['tiers'][0]['carriers'] === [$carrier]);
var_dump(Program::fromArray($a) == $e->program(), unserialize(serialize($e->program())) == $e->program());
attempt('json_encode of toArray', fn() => json_encode($a));

echo "--- byte-exact comparisons\n";
attempt('group', fn() => $e->segmentsOf(['groups' => ["VIP\xff"]], $now));
attempt('group prefix', fn() => $e->segmentsOf(['groups' => ["VIP"]], $now));
attempt('city, lower() leaves bytes >= 0x80', fn() => $e->segmentsOf(['city' => "PAR\xe9S"], $now));
foreach ($bad as $b) {
    attempt('group ' . bin2hex($b), fn() => [$e->inSegment('grp', ['groups' => [$b], 'city' => $b], $now),
        $e->inSegment('grp', ['groups' => [$b, "VIP\xff"], 'city' => $b], $now)]);
}

echo "--- echoed back: ids, labels, skus, filter ids and keys, ledger refs\n";
$r = $e->evaluate(['lines' => [['sku' => "\xff\xfe", 'qty' => 1, 'price' => 1000]], 'carrier' => "Coli\xa0ssimo", 'shipping' => 100],
    ['groups' => ["VIP\xff"]], $now);
var_dump($r->applied[0]['id'] === $id, $r->applied[0]['label'] === $label, $r->lines[0]['sku'] === "\xff\xfe", $r->shippingDiscount);
attempt('json_encode of a result', fn() => json_encode($r));
attempt('json_encode, substituted', fn() => json_encode($r->applied[0], JSON_INVALID_UTF8_SUBSTITUTE));
attempt('filter', fn() => $e->filter('grp', ["k\xff" => ['groups' => ["VIP\xff"]], 'x' => ['id' => "\xc0\xaf", 'groups' => ["VIP\xff"]]], $now));
$l = new Ledger($e->program());
foreach ($bad as $i => $b) {
    $l->earn($i + 1, 100 + $i, $b);
}
var_dump(array_column($l->entries(), 'ref') === $bad, (new Ledger($e->program(), $l->entries()))->entries() === $l->entries());

echo "--- in messages\n";
attempt('carrier rejection', fn() => $e->evaluate(['subtotal' => 1000, 'carrier' => "DHL\xff", 'shipping' => 1], ['groups' => ["VIP\xff"]], $now)->rejected[0]['message']);
attempt('unknown segment', fn() => $e->inSegment("vip\xff", [], $now));
attempt('segment name', fn() => Program::fromArray(['segments' => ["v\xe9" => 'true']]));
attempt('settings key', fn() => Program::fromArray(["rounding\xff" => 'down']));
attempt('choice', fn() => Program::fromArray(['rounding' => "down\xff"]));
attempt('duplicate id', fn() => Program::fromArray(['advantages' => [['id' => $id, 'tiers' => [['discount' => 1]]], ['id' => $id, 'tiers' => [['discount' => 1]]]]]));
attempt('expression', fn() => Program::fromArray(['segments' => ['x' => "city == 'a' and \xff"]]));
attempt('date', fn() => $e->segmentsOf(['last_order' => "2023-01-01\xff"], $now));
attempt('now', fn() => $e->segmentsOf([], "\xc3\x28"));
attempt('filter key', fn() => $e->filter('grp', ["row\xff" => 'x'], $now));
attempt('entry type', fn() => new Ledger($e->program(), [['type' => "earn\xff", 'points' => 1, 'at' => 1]]));
attempt('entry key', fn() => new Ledger($e->program(), [['type' => 'earn', 'points' => 1, 'at' => 1, "r\xe9f" => 'x']]));
attempt('JSON settings', fn() => Program::fromJson("{\"rounding\": \"down\xff\"}"));
?>
--EXPECT--
--- settings strings round-trip
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
json_encode of toArray: false
--- byte-exact comparisons
group: array (
  0 => 'all',
  1 => 'grp',
  2 => 'no_orders',
)
group prefix: array (
  0 => 'all',
  1 => 'no_orders',
)
city, lower() leaves bytes >= 0x80: array (
  0 => 'all',
  1 => 'lat',
  2 => 'no_orders',
)
group ff: array (
  0 => false,
  1 => true,
)
group c328: array (
  0 => false,
  1 => true,
)
group e282: array (
  0 => false,
  1 => true,
)
group f0288c28: array (
  0 => false,
  1 => true,
)
group eda080: array (
  0 => false,
  1 => true,
)
group c0af: array (
  0 => false,
  1 => true,
)
group 636166e9: array (
  0 => false,
  1 => true,
)
--- echoed back: ids, labels, skus, filter ids and keys, ledger refs
bool(true)
bool(true)
bool(true)
int(100)
json_encode of a result: false
json_encode, substituted: '{"source":"advantage","id":"adv-\\ufffd\\ufffd","label":"Libell\\ufffd \\ufffd","discount":100,"free_shipping":true,"points_spent":0}'
filter: array (
  0 => 'k\xFF',
  1 => '\xC0\xAF',
)
bool(true)
bool(true)
--- in messages
carrier rejection: 'carrier: free shipping only with Coli\xA0ssimo, not DHL\xFF'
unknown segment: Loyalty\ConfigException segment: unknown segment 'vip\xFF'
segment name: Loyalty\ConfigException segments: invalid segment name 'v\xE9' (letters, digits, '_' and '-', at most 64, not starting with a digit or '-')
settings key: Loyalty\ConfigException rounding\xFF: unknown key
choice: Loyalty\ConfigException rounding: must be one of 'half_up', 'half_even', 'down', got 'down\xFF'
duplicate id: Loyalty\ConfigException advantages[1].id: duplicate id 'adv-\xFF\xFE' (also advantages[0])
expression: Loyalty\ExpressionException segments.x: unexpected byte 0xFF at column 17
date: Loyalty\InputException customer.last_order: invalid date '2023-01-01\xFF'
now: Loyalty\InputException now: invalid date '\xC3('
filter key: Loyalty\InputException customers[row\xFF]: expected array, got string
entry type: Loyalty\InputException entries[0].type: expected 'earn', 'grant', 'spend' or 'reward', got 'earn\xFF'
entry key: Loyalty\InputException entries[0].r\xE9f: unknown key
JSON settings: Loyalty\ConfigException settings: invalid JSON: Malformed UTF-8 characters, possibly incorrectly encoded
