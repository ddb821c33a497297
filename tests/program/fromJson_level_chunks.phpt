--TEST--
Program::fromJson(): many small containers at one depth around a large one (the JSON reader's chunks per depth: doubling up to a bound, then sized by the open container) read as json_decode() + fromArray() read them
--EXTENSIONS--
loyalty
--FILE--
<?php
use Loyalty\Program;

/* A tier's carriers list of $n names: its values are at the same depth as every other tier's
 * carriers, so the reader's chunks at that depth fill with small lists before and after it. */
function advantage(int $i, int $carriers): array
{
    $names = [];
    for ($c = 0; $c < $carriers; $c++) {
        $names[] = "carrier $i.$c";
    }
    return ['id' => "a$i", 'segment' => 'customers', 'tiers' => [
        ['from' => 100 * $i, 'discount' => 1 + $i % 50],
        ['from' => 100 * $i + 50, 'free_shipping' => true, 'carriers' => $names],
    ]];
}

$shapes = [
    'small lists only (chunks stop doubling)' => array_fill(0, 3000, 3),
    'a large list after many small ones' => [...array_fill(0, 800, 3), 5000, ...array_fill(0, 800, 2)],
    'a large list across a chunk\'s end, then a larger one' => [...array_fill(0, 340, 3), 1500, 7, 9000, ...array_fill(0, 600, 4)],
    'large lists one after another' => [1025, 1024, 2049, 1, 4097],
];
foreach ($shapes as $name => $sizes) {
    $advantages = [];
    foreach ($sizes as $i => $n) {
        $advantages[] = advantage($i, $n);
    }
    $json = json_encode(['advantages' => $advantages]);
    $fromJson = Program::fromJson($json)->toArray();
    $fromArray = Program::fromArray(json_decode($json, true))->toArray();
    $carriers = array_sum(array_map(fn ($a) => count($a['tiers'][1]['carriers']), $fromJson['advantages']));
    printf("%s: %d advantages, %d carriers, %s\n", $name, count($fromJson['advantages']), $carriers,
        $fromJson === $fromArray ? 'same as fromArray()' : 'DIFFERENT');
}
?>
--EXPECT--
small lists only (chunks stop doubling): 3000 advantages, 9000 carriers, same as fromArray()
a large list after many small ones: 1601 advantages, 9000 carriers, same as fromArray()
a large list across a chunk's end, then a larger one: 943 advantages, 13927 carriers, same as fromArray()
large lists one after another: 5 advantages, 8196 carriers, same as fromArray()
