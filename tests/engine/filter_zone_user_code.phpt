--TEST--
filter() finds the default timezone once for many rows, and again after user code: a date object's getTimestamp(), a destructor run when a row is freed
--EXTENSIONS--
loyalty
--INI--
date.timezone=UTC
--FILE--
<?php
// filter() keeps the default zone's offsets from one row's MySQL dates to the next row's. User code
// run while reading a row (a DateTimeInterface subclass) or when the row it dropped is freed (a
// destructor) may call date_default_timezone_set(): the dates read after it must follow.
class ZoneOnRead extends DateTimeImmutable
{
    public ?string $zone = null;
    public ?Closure $also = null;
    public function getTimestamp(): int
    {
        if ($this->zone !== null) {
            date_default_timezone_set($this->zone);
        }
        if ($this->also !== null) {
            ($this->also)();
        }
        return parent::getTimestamp();
    }
}
class ZoneOnDestruct
{
    public function __destruct()
    {
        date_default_timezone_set('Pacific/Kiritimati');
    }
}
function on_read(?string $zone, ?Closure $also = null): ZoneOnRead
{
    $d = new ZoneOnRead('2020-01-01 00:00:00 UTC');
    $d->zone = $zone;
    $d->also = $also;
    return $d;
}

$engine = new Loyalty\Engine(json_encode(['segments' => [
    'recent' => 'days_since_first_order >= 0 and days_since_last_order < 1',
]]));
$now = strtotime('2026-06-15 12:00:00 UTC');
// in UTC this order is 22.5 hours old (recent); in Pacific/Kiritimati (UTC+14) 36.5 hours (not)
$last = '2026-06-14 13:30:00';
$row = fn(int $id, $first) => ['id' => $id, 'first_order' => $first, 'last_order' => $last];

$r6 = $row(6, on_read(null, function () { $GLOBALS['r6'] = null; })); // drops its own row while read
$r6['guard'] = new ZoneOnDestruct();                                   // which sets the zone when freed
$rows = [
    $row(1, '2020-01-01 00:00:00'),        // UTC: in
    $row(2, on_read('Pacific/Kiritimati')), // its own last_order already in Kiritimati: out
    $row(3, '2020-01-01 00:00:00'),        // out
    $row(4, on_read('UTC')),               // in
    $row(5, '2020-01-01 00:00:00'),        // in
    &$r6,                                  // read in UTC: in; freed after, in Kiritimati from then on
    $row(7, '2020-01-01 00:00:00'),        // out
];
echo json_encode($engine->filter('recent', $rows, $now)), "\n";
echo date_default_timezone_get(), "\n";
var_dump($r6);

// the same rows one by one, as inSegment() reads them, agree
date_default_timezone_set('UTC');
$one = [];
foreach ([[1, '2020-01-01 00:00:00'], [2, on_read('Pacific/Kiritimati')], [3, '2020-01-01 00:00:00'],
          [4, on_read('UTC')], [5, '2020-01-01 00:00:00']] as [$id, $first]) {
    if ($engine->inSegment('recent', $row($id, $first), $now)) {
        $one[] = $id;
    }
}
echo json_encode($one), "\n";

// a ledger (read after the dates) whose entry's date sets the zone: the next row follows it
$points = new Loyalty\Engine(json_encode(['segments' => ['recent' => 'points > 0 and days_since_last_order < 1']]));
date_default_timezone_set('UTC');
$led = fn(int $id, $at) => ['id' => $id, 'last_order' => $last, 'ledger' => [['type' => 'earn', 'points' => 5, 'at' => $at]]];
echo json_encode($points->filter('recent', [
    $led(1, 1000),                                  // in
    $led(2, on_read('Pacific/Kiritimati')),         // its last_order read before, in UTC: in
    $led(3, 1000),                                  // out
], $now)), "\n";
?>
--EXPECT--
[1,4,5,6]
Pacific/Kiritimati
NULL
[1,4,5]
[1,2]
