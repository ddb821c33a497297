--TEST--
Hostile: huge strings (10 MiB settings, 1 MiB expression, 10 MiB names, ids, labels, skus, refs, dates) are handled, and messages stay short
--EXTENSIONS--
loyalty
--INI--
memory_limit=512M
--FILE--
<?php
use Loyalty\{Engine, Program, Ledger};
$MiB = 1024 * 1024;
function show(string $label, callable $f) {
    try {
        $r = $f();
        echo "$label: ", is_string($r) ? $r : json_encode($r), "\n";
    } catch (Throwable $x) {
        // the message must stay short whatever the input (an expression error echoes at most 4 KiB
        // of source and its caret line): its size, then its first line
        echo "$label: ", get_class($x), ' (', strlen($x->getMessage()), ' bytes) ', strtok($x->getMessage(), "\n"), "\n";
    }
}

echo "--- a 10 MiB settings string (whitespace and a long label) compiles; two engines built from it are equal\n";
$label = str_repeat('L', 5 * $MiB);
$json = '{"advantages": [{"id": "a", "label": "' . $label . '", "tiers": [{"discount": 100}]}]}' . str_repeat(' ', 5 * $MiB);
echo strlen($json) > 10 * $MiB ? "over 10 MiB\n" : "short\n";
$e1 = new Engine($json);
$e2 = new Engine($json);
$r = $e1->evaluate(['subtotal' => 1000], [], 1);
echo strlen($r->applied[0]['label']), ' ', $r->discount, ' ', $e1->program() == $e2->program() ? 'equal' : 'different', "\n";

echo "--- a 1 MiB expression\n";
show('segment', fn() => Program::fromArray(['segments' => ['s' => str_repeat('x', $MiB)]]));
show('inline', fn() => Program::fromArray(['advantages' => [['id' => 'a', 'segment' => 'orders > 1 and ' . str_repeat(' ', $MiB) . 'true', 'tiers' => [['discount' => 1]]]]]));
show('string literal', fn() => Program::fromArray(['segments' => ['s' => "city == '" . str_repeat('p', $MiB) . "'"]]));

echo "--- 10 MiB names and ids\n";
$big = str_repeat('n', 10 * $MiB);
show('segment name', fn() => Program::fromArray(['segments' => [$big => 'true']]));
show('settings key', fn() => Program::fromArray([$big => 1]));
show('rounding', fn() => Program::fromArray(['rounding' => $big]));
show('advantage id', fn() => strlen(Program::fromArray(['advantages' => [['id' => $big, 'tiers' => [['discount' => 1]]]]])->toArray()['advantages'][0]['id']));
show('carrier', fn() => strlen(Program::fromArray(['advantages' => [['id' => 'a', 'tiers' => [['free_shipping' => true, 'carriers' => [$big]]]]]])->toArray()['advantages'][0]['tiers'][0]['carriers'][0]));
$e = new Engine(['segments' => ['paris' => "city == 'Paris'", 'vip' => "'VIP' in groups"],
    'advantages' => [['id' => 'ship', 'tiers' => [['free_shipping' => true, 'carriers' => ['Colissimo']]]]]]);
show('inSegment', fn() => $e->inSegment($big, [], 1));
show('filter', fn() => $e->filter($big, [], 1));

echo "--- 10 MiB customer and cart strings\n";
show('city', fn() => $e->segmentsOf(['city' => $big, 'groups' => [$big, 'VIP']], 1));
show('date', fn() => $e->segmentsOf(['last_order' => $big], 1));
show('now', fn() => $e->segmentsOf([], $big));
show('filter key', fn() => $e->filter('vip', [$big => 'x'], 1));
show('filter id', fn() => strlen($e->filter('vip', [['id' => $big, 'groups' => ['VIP']]], 1)[0]));
$r = $e->evaluate(['lines' => [['sku' => $big, 'qty' => 1, 'price' => 100]], 'carrier' => $big, 'shipping' => 500], [], 1);
echo 'sku ', strlen($r->lines[0]['sku']), ', carrier: (', strlen($r->rejected[0]['message']), ' bytes) ', $r->rejected[0]['message'], "\n";
show('sku int', fn() => $e->evaluate(['lines' => [['sku' => $big, 'qty' => 1.5, 'price' => 100]]], [], 1));

echo "--- 10 MiB ledger strings\n";
$p = Program::fromArray([]);
$l = new Ledger($p);
$l->earn(5, 100, $big);
$l->grant(1, 200, $big);
echo strlen($l->entries()[0]['ref']), ' ', strlen((new Ledger($p, $l->entries()))->entries()[1]['ref']), "\n";
show('type', fn() => new Ledger($p, [['type' => $big, 'points' => 1, 'at' => 1]]));
show('key', fn() => new Ledger($p, [['type' => 'earn', 'points' => 1, 'at' => 1, $big => 1]]));
show('at', fn() => new Ledger($p, [['type' => 'earn', 'points' => 1, 'at' => $big]]));
show('balance at', fn() => $l->balance($big));
show('spend message', fn() => $l->spend(100, 300, $big));
?>
--EXPECT--
--- a 10 MiB settings string (whitespace and a long label) compiles; two engines built from it are equal
over 10 MiB
5242880 100 equal
--- a 1 MiB expression
segment: Loyalty\ExpressionException (8277 bytes) segments.s: expression is longer than 4096 bytes at column 4097
inline: Loyalty\ExpressionException (8288 bytes) advantages[0].segment: expression is longer than 4096 bytes at column 4097
string literal: Loyalty\ExpressionException (8277 bytes) segments.s: expression is longer than 4096 bytes at column 4097
--- 10 MiB names and ids
segment name: Loyalty\ConfigException (204 bytes) segments: invalid segment name 'nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn...' (letters, digits, '_' and '-', at most 64, not starting with a digit or '-')
settings key: Loyalty\ConfigException (139 bytes) nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn...: unknown key
rounding: Loyalty\ConfigException (125 bytes) rounding: must be one of 'half_up', 'half_even', 'down', got 'nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn...'
advantage id: 10485760
carrier: 10485760
inSegment: Loyalty\ConfigException (121 bytes) segment: unknown segment 'nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn...'
filter: Loyalty\ConfigException (121 bytes) segment: unknown segment 'nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn...'
--- 10 MiB customer and cart strings
city: ["all","no_orders","vip"]
date: Loyalty\InputException (130 bytes) customer.last_order: invalid date 'nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn...'
now: Loyalty\InputException (114 bytes) now: invalid date 'nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn...'
filter key: Loyalty\InputException (101 bytes) customers[nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn...]: expected array, got string
filter id: 10485760
sku 10485760, carrier: (94 bytes) carrier: free shipping only with Colissimo, not nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn...
sku int: Loyalty\InputException (42 bytes) cart.lines[0].qty: expected int, got float
--- 10 MiB ledger strings
10485760 10485760
type: Loyalty\InputException (164 bytes) entries[0].type: expected 'earn', 'grant', 'spend' or 'reward', got 'nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn...'
key: Loyalty\InputException (118 bytes) entries[0].nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn...: unknown key
at: Loyalty\InputException (124 bytes) entries[0].at: invalid date 'nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn...'
balance at: Loyalty\InputException (113 bytes) at: invalid date 'nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn...'
spend message: Loyalty\LedgerException (71 bytes) spend: 100 points to spend at 1970-01-01 00:05:00 UTC, only 6 available
