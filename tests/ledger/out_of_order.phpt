--TEST--
Ledger: entries added in any order (methods or constructor) give the same answers as in time order
--EXTENSIONS--
loyalty
--FILE--
<?php
use Loyalty\{Program, Ledger};
const D = 86400;
$b = gmmktime(0, 0, 0, 1, 1, 2026);

// distinct times, so that the time order is the only order
$gains = [
    ['earn', 100, 0], ['grant', 15, 3], ['earn', 40, 12], ['earn', 25, 50], ['grant', 60, 95],
    ['earn', 10, 130], ['earn', 70, 131], ['grant', 5, 200], ['earn', 33, 260], ['earn', 8, 300],
];
$spends = [['spend', 50, 20], ['spend', 30, 55], ['spend', 60, 150], ['spend', 20, 280]];

function build(Program $p, array $gains, array $spends, int $b): Ledger {
    $l = new Ledger($p);
    foreach ([$gains, $spends] as $list) {
        foreach ($list as [$type, $points, $day]) {
            $l->$type($points, $b + $day * D + 3600, "$type-$day");
        }
    }
    return $l;
}
function answers(Ledger $l, int $b): array {
    $out = [$l->entries(), $l->warningsDue($b - D, $b + 800 * D)];
    for ($day = -1; $day <= 700; $day += 7) {
        $t = $b + $day * D + 5000;
        $out[] = [$l->balance($t), $l->pending($t), $l->expiring($t)];
    }
    return $out;
}

$settings = [
    ['expiry' => ['days' => 60, 'mode' => 'rolling', 'warn_days' => [30, 7]], 'pending_days' => 14],
    ['expiry' => ['days' => 90, 'mode' => 'per_lot', 'warn_days' => [14]], 'pending_days' => 10],
    ['pending_days' => 5],
];
mt_srand(42);
foreach ($settings as $i => $s) {
    $p = Program::fromArray(['loyalty' => $s]);
    // reference: everything in time order
    $all = array_merge($gains, $spends);
    usort($all, fn($x, $y) => $x[2] <=> $y[2]);
    $ref = new Ledger($p);
    foreach ($all as [$type, $points, $day]) {
        $ref->$type($points, $b + $day * D + 3600, "$type-$day");
    }
    $expected = answers($ref, $b);
    $ok = true;
    // gains in shuffled order, then spends in shuffled order (a spend may not precede the points it uses)
    for ($round = 0; $round < 10; $round++) {
        $g = $gains; shuffle($g);
        $s2 = $spends; shuffle($s2);
        $ok = $ok && answers(build($p, $g, $s2, $b), $b) === $expected;
    }
    // reverse order of gains
    $ok = $ok && answers(build($p, array_reverse($gains), array_reverse($spends), $b), $b) === $expected;
    // constructor: any order at all, spends first included
    $entries = $ref->entries();
    for ($round = 0; $round < 10; $round++) {
        shuffle($entries);
        $ok = $ok && answers(new Ledger($p, $entries), $b) === $expected;
    }
    // constructor with half the history, then the rest by methods in reverse order (gains, then spends)
    $h = $ref->entries();
    $l = new Ledger($p, array_slice($h, 0, 7));
    $rest = array_reverse(array_slice($h, 7));
    usort($rest, fn($x, $y) => ($x['type'] === 'spend') <=> ($y['type'] === 'spend'));
    foreach ($rest as $e) {
        $l->{$e['type']}($e['points'], $e['at'], $e['ref']);
    }
    $ok = $ok && answers($l, $b) === $expected;
    echo "settings $i: ", $ok ? 'same' : 'DIFFERENT', ', ', count($expected[0]), ' entries, ',
        $expected[1] ? 'with' : 'no', " warnings, balance at day 100: ",
        $ref->balance($b + 100 * D), "\n";
}

// an earlier order inserted afterwards changes what happens later (rolling): points survive
$p = Program::fromArray(['loyalty' => ['expiry' => ['days' => 30]]]);
$l = new Ledger($p);
$l->earn(100, $b);
$l->earn(1, $b + 50 * D);
echo $l->balance($b + 50 * D), "\n";             // the 100 expired at day 30
$l->earn(2, $b + 25 * D);                         // an order at day 25 pushed it to day 55
echo $l->balance($b + 50 * D), ' ', $l->balance($b + 80 * D - 1), ' ', $l->balance($b + 80 * D), "\n";

// equal times: listed in the order added
$l = new Ledger(Program::fromArray([]));
$l->earn(10, $b + D, 'x');
$l->grant(5, $b, 'y');
$l->earn(1, $b + D, 'z');
$l->spend(3, $b + D, 'w');
echo implode(',', array_column($l->entries(), 'ref')), "\n";
$m = new Ledger(Program::fromArray([]), [
    ['type' => 'earn', 'points' => 1, 'at' => $b, 'ref' => 'a'],
    ['type' => 'earn', 'points' => 1, 'at' => $b - 1, 'ref' => 'b'],
    ['type' => 'grant', 'points' => 1, 'at' => $b, 'ref' => 'c'],
    ['type' => 'earn', 'points' => 1, 'at' => $b, 'ref' => 'd'],
]);
echo implode(',', array_column($m->entries(), 'ref')), "\n";
?>
--EXPECT--
settings 0: same, 14 entries, with warnings, balance at day 100: 160
settings 1: same, 14 entries, with warnings, balance at day 100: 125
settings 2: same, 14 entries, no warnings, balance at day 100: 160
1
103 103 0
y,x,z,w
b,a,c,d
