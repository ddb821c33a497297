--TEST--
Ledger::warningsDue(): memory follows the warnings in the window, not entries x warn_days (5,000 entries, 10,000 warn days)
--EXTENSIONS--
loyalty
--SKIPIF--
<?php
// its dates run to 2069: past what a 32-bit PHP int holds (docs/money.md, "32-bit PHP")
if (PHP_INT_SIZE === 4) die('skip 64-bit PHP only: dates past 2038');
?>
--INI--
memory_limit=128M
--FILE--
<?php
// Before, room for every entry x warn day was taken up front: 5,000 x 10,000 candidates
// (1.2 GB) for a one-day window, a fatal error under any memory_limit a shop uses.
$p = Loyalty\Program::fromArray(['loyalty' => ['expiry' => ['days' => 36500, 'mode' => 'per_lot', 'warn_days' => range(1, 10000)]]]);
$entries = [];
for ($i = 0; $i < 5000; $i++) {
    $entries[] = ['type' => 'earn', 'points' => 1, 'at' => $i * 3600];
}
$l = new Loyalty\Ledger($p, $entries);
$day = 86400;
$w = $l->warningsDue(36500 * $day - 100 * $day, 36500 * $day - 99 * $day);
$days = array_column($w, 'days_before');
echo count($w), ' warnings, ', min($days), ' to ', max($days), " days before\n";
var_dump(memory_get_peak_usage() < 64 * 1024 * 1024);
// sorted by time, each lot's point
var_dump($w[0]['points'], $w[0]['expires_at'] - $w[0]['days_before'] * $day <= $w[1]['expires_at'] - $w[1]['days_before'] * $day);
?>
--EXPECT--
5000 warnings, 99 to 308 days before
bool(true)
int(1)
bool(true)
