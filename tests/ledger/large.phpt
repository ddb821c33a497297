--TEST--
Ledger: 100,000 stored entries (a few spends) load and answer; memory stays bounded
--EXTENSIONS--
loyalty
--INI--
memory_limit=512M
--FILE--
<?php
use Loyalty\{Program, Ledger};
$b = gmmktime(0, 0, 0, 1, 1, 2020);
$n = 100000;
$entries = [];
for ($i = 0; $i < $n; $i++) {
    $entries[] = ['type' => 'earn', 'points' => 1, 'at' => $b + $i * 60, 'ref' => "o$i"];
    if ($i % 25000 === 24999) {
        $entries[] = ['type' => 'spend', 'points' => 1000, 'at' => $b + $i * 60 + 30, 'ref' => "s$i"];
    }
}
foreach ([[], ['loyalty' => ['expiry' => ['days' => 3650, 'mode' => 'per_lot']]], ['loyalty' => ['expiry' => ['days' => 3650]]]] as $s) {
    $p = Program::fromArray($s);
    $m0 = memory_get_usage();
    $l = new Ledger($p, $entries);
    $grew = memory_get_usage() - $m0;
    $end = $b + $n * 60;
    echo $l->balance($end), ' ', $l->balance($b + 50000 * 60 - 1), ' ', $l->balance($b + 25000 * 60 - 1), ' ', $l->pending($end), "\n";
    var_dump($grew < 40 * 1024 * 1024);
    $e = $l->entries();
    echo count($e), ' ', $e[24999]['type'], ' ', $e[25000]['type'], ' ', $e[100003]['ref'], "\n";
    unset($e, $l);
}
// unsorted input: the same ledger
shuffle($entries);
$l = new Ledger(Program::fromArray([]), $entries);
echo $l->balance($b + $n * 60), ' ', $l->entries()[25000]['ref'], "\n";
?>
--EXPECT--
96000 48000 24000 0
bool(true)
100004 earn spend s99999
96000 48000 24000 0
bool(true)
100004 earn spend s99999
96000 48000 24000 0
bool(true)
100004 earn spend s99999
96000 s24999
