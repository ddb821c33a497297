--TEST--
Ledger::warningsDue(): a daily cron over a year sees each warning exactly once, as an independent model predicts
--EXTENSIONS--
loyalty
--FILE--
<?php
use Loyalty\{Program, Ledger};
const D = 86400;
$b = gmmktime(0, 0, 0, 1, 1, 2026);
$warn = [30, 7, 1];

// orders at 10:17 on these days; gaps above 60 days let everything expire (rolling)
$days = [0, 3, 40, 95, 100, 120, 175, 176, 200, 231, 300, 310, 331];
$entries = [];
foreach ($days as $i => $d) {
    $entries[] = ['type' => 'earn', 'points' => 10 + $i, 'at' => $b + $d * D + 37020, 'ref' => "o$i"];
}
$entries[] = ['type' => 'spend', 'points' => 15, 'at' => $b + 45 * D, 'ref' => 's1'];
$entries[] = ['type' => 'spend', 'points' => 20, 'at' => $b + 180 * D + 7 * 3600, 'ref' => 's2'];

// the model: rolling, 60 days
$events = $entries;
usort($events, fn($x, $y) => $x['at'] <=> $y['at']);
$expected = [];
foreach ($events as $e) {
    if ($e['type'] !== 'earn') continue;
    $E = $e['at'] + 60 * D;
    foreach ($warn as $w) {
        $due = $E - $w * D;
        // as the ledger stood at $due: replay the events up to it
        $deadline = null; $pool = 0;
        foreach ($events as $x) {
            if ($x['at'] > $due) break;
            if ($deadline !== null && $x['at'] >= $deadline) { $pool = 0; $deadline = null; }
            if ($x['type'] === 'earn') { $pool += $x['points']; $deadline = $x['at'] + 60 * D; }
            else { $pool -= $x['points']; }
        }
        if ($deadline === $E && $pool > 0) {
            $expected[] = ['days_before' => $w, 'points' => $pool, 'expires_at' => $E, 'due' => $due];
        }
    }
}
usort($expected, fn($x, $y) => [$x['due'], $x['expires_at'], -$x['days_before']] <=> [$y['due'], $y['expires_at'], -$y['days_before']]);
$expected = array_map(fn($x) => array_diff_key($x, ['due' => 1]), $expected);

function cron(Ledger $l, int $b): array {
    $seen = [];
    for ($k = 0; $k <= 420; $k++) {                      // every day at midnight: warnings since yesterday
        foreach ($l->warningsDue($b + ($k - 1) * D, $b + $k * D) as $w) {
            $w['due_day'] = $k;
            $seen[] = $w;
        }
    }
    return $seen;
}

$l = new Ledger(Program::fromArray(['loyalty' => ['expiry' => ['days' => 60, 'mode' => 'rolling', 'warn_days' => $warn]]]), $entries);
$seen = cron($l, $b);
$plain = array_map(fn($x) => array_diff_key($x, ['due_day' => 1]), $seen);
echo count($expected), " warnings expected, ", count($seen), " seen\n";
var_dump($plain === $expected);
var_dump($l->warningsDue($b - D, $b + 420 * D) === $expected);
// each (expiry, offset) once, and seen on the day it falls due
$keys = array_map(fn($x) => $x['expires_at'] . '/' . $x['days_before'], $seen);
var_dump(count(array_unique($keys)) === count($keys));
$ok = true;
foreach ($seen as $w) {
    $ok = $ok && $w['due_day'] === intdiv($w['expires_at'] - $w['days_before'] * D - $b, D) + 1;
}
var_dump($ok);
// checked by hand: nothing for the order of day 0 (day 3 moved it), the 30-day warning of the day-3 order
// (due day 33, deadline day 63, 10+11 points), then the day-40 order's (due day 70, 10+11+12-15 points)
echo json_encode(array_slice($plain, 0, 2)), "\n";

// per_lot, no spends: every lot warns at each offset with its own points
$p = Program::fromArray(['loyalty' => ['expiry' => ['days' => 60, 'mode' => 'per_lot', 'warn_days' => $warn]]]);
$earns = array_values(array_filter($entries, fn($e) => $e['type'] === 'earn'));
$l = new Ledger($p, $earns);
$seen = array_map(fn($x) => array_diff_key($x, ['due_day' => 1]), cron($l, $b));
$model = [];
foreach ($earns as $e) {
    foreach ($warn as $w) {
        $model[] = ['days_before' => $w, 'points' => $e['points'], 'expires_at' => $e['at'] + 60 * D, 'due' => $e['at'] + (60 - $w) * D];
    }
}
usort($model, fn($x, $y) => [$x['due'], $x['expires_at'], -$x['days_before']] <=> [$y['due'], $y['expires_at'], -$y['days_before']]);
$model = array_map(fn($x) => array_diff_key($x, ['due' => 1]), $model);
echo count($model), " per_lot warnings expected, ", count($seen), " seen\n";
var_dump($seen === $model);
?>
--EXPECT--
12 warnings expected, 12 seen
bool(true)
bool(true)
bool(true)
bool(true)
[{"days_before":30,"points":21,"expires_at":1772705820},{"days_before":30,"points":18,"expires_at":1775902620}]
39 per_lot warnings expected, 39 seen
bool(true)
