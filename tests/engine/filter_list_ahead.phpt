--TEST--
filter() over a list asks for rows ahead of their turn (prefetch): holes, references, rows that are lists, ints and strings in the date fields, and short lists give inSegment()'s answers
--EXTENSIONS--
loyalty
--INI--
date.timezone=UTC
--FILE--
<?php
// The rows a dozen places ahead are looked at (their table, the Buckets where the rows before
// held the segment's keys, a date's string) before their turn: whatever they are, the answers
// must be those of each row on its own.
$engine = new Loyalty\Engine(json_encode(['segments' => [
    'lapsed' => 'days_since_last_order > 180 and spent >= 50000',
    'recent_city' => "days_since_first_order < 400 and city == 'Paris'",
]]));
$now = strtotime('2026-06-15 12:00:00 UTC');
mt_srand(3);
$make = function (int $i) use ($now) {
    $row = ['id' => $i, 'active' => $i % 17 !== 0, 'spent' => mt_rand(0, 100000), 'city' => ['Paris', 'Lyon'][$i % 2]];
    switch ($i % 5) {
        case 0: $row['last_order'] = date('Y-m-d H:i:s', $now - mt_rand(0, 400) * 86400); break;
        case 1: $row['last_order'] = $now - mt_rand(0, 400) * 86400; break;           // an int
        case 2: break;                                                               // none
        case 3: $row['last_order'] = date('Y-m-d', $now - mt_rand(0, 400) * 86400); break;
        case 4: $row = ['last_order' => date('Y-m-d', $now - 300 * 86400)] + $row; break; // another order
    }
    $row['first_order'] = $row['last_order'] ?? null;
    return $row;
};
$lists = [];
$lists['100 rows'] = array_map($make, range(1, 100));
$holes = array_map($make, range(1, 60));
foreach ([3, 4, 5, 20, 41, 59] as $k) {
    unset($holes[$k]);                                   // holes in a packed list (keys kept)
}
$lists['holes'] = $holes;
$refs = array_map($make, range(1, 40));
$r7 = $make(7); $refs[7] = &$r7;                       // references among the rows
$r12 = $make(12); $refs[12] = &$r12;
$lists['references'] = $refs;
$lists['short'] = array_map($make, range(1, 3));
$lists['empty'] = [];
$noIds = array_map(fn($r) => array_diff_key($r, ['id' => 1]), array_map($make, range(1, 30)));
$lists['keys for ids'] = $noIds;                       // no id: the key stands for it

foreach ($lists as $name => $rows) {
    foreach (['lapsed', 'recent_city'] as $segment) {
        $want = [];
        foreach ($rows as $key => $row) {
            if ($engine->inSegment($segment, $row, $now)) {
                $want[] = $row['id'] ?? $key;
            }
        }
        $got = $engine->filter($segment, $rows, $now);
        printf("%-14s %-12s %3d ids %s\n", $name, $segment, count($got), $got === $want ? 'as inSegment()' : 'DIFFER: ' . json_encode([$got, $want]));
    }
}
// a row that is a list (no keys: a customer without fields) is read as inSegment() reads it
$bad = array_map($make, range(1, 30));
$bad[25] = [1, 2, 3];
var_dump($engine->inSegment('lapsed', [1, 2, 3], $now), in_array(26, $engine->filter('lapsed', $bad, $now), true),
    in_array(25, $engine->filter('lapsed', $bad, $now), true));
$bad[25] = 'not a row';
try {
    $engine->filter('lapsed', $bad, $now);
} catch (Loyalty\InputException $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
?>
--EXPECT--
100 rows       lapsed        30 ids as inSegment()
100 rows       recent_city   38 ids as inSegment()
holes          lapsed        12 ids as inSegment()
holes          recent_city   20 ids as inSegment()
references     lapsed        12 ids as inSegment()
references     recent_city   14 ids as inSegment()
short          lapsed         2 ids as inSegment()
short          recent_city    0 ids as inSegment()
empty          lapsed         0 ids as inSegment()
empty          recent_city    0 ids as inSegment()
keys for ids   lapsed         7 ids as inSegment()
keys for ids   recent_city   12 ids as inSegment()
bool(false)
bool(false)
bool(false)
Loyalty\InputException: customers[25]: expected array, got string
