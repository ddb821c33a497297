--TEST--
MySQL dates follow the default timezone as it changes: between calls, between a generator's rows, and through date.timezone
--EXTENSIONS--
loyalty
--INI--
date.timezone=UTC
--FILE--
<?php
// The default zone's offsets are kept between rows; a change of zone, by
// date_default_timezone_set() or by date.timezone when none was set, must be seen at once.
$engine = new Loyalty\Engine(json_encode(['segments' => ['recent' => 'days_since_last_order < 1']]));
$now = strtotime('2026-06-15 12:00:00 UTC');
$row = fn(int $id) => ['id' => $id, 'last_order' => '2026-06-14 13:30:00'];
// in UTC the order is 22.5 hours old; in Pacific/Kiritimati (UTC+14) it is 36.5 hours old,
// in America/Los_Angeles (UTC-7) 15.5 hours
$check = function (string $zone) use ($engine, $now, $row) {
    $expected = (int) (($now - strtotime($row(1)['last_order'])) / 86400) < 1;
    $got = $engine->inSegment('recent', $row(1), $now);
    printf("%-20s %s %s\n", $zone, var_export($got, true), $got === $expected ? 'as strtotime()' : 'DIFFERS');
};
// date.timezone first: it counts only while date_default_timezone_set() has not been called
$check('UTC');
ini_set('date.timezone', 'Pacific/Kiritimati');
$check('Pacific/Kiritimati');
ini_set('date.timezone', 'UTC');
$check('UTC');
date_default_timezone_set('Pacific/Kiritimati');
$check('Pacific/Kiritimati');
date_default_timezone_set('America/Los_Angeles');
$check('America/Los_Angeles');
date_default_timezone_set('pacific/kiritimati'); // names are case-insensitive
$check('pacific/kiritimati');

// between the rows of one filter(): the generator changes the zone after row 2
$rows = (function () use ($row) {
    date_default_timezone_set('UTC');
    yield $row(1);
    yield $row(2);
    date_default_timezone_set('Pacific/Kiritimati');
    yield $row(3);
    date_default_timezone_set('UTC');
    yield $row(4);
})();
echo json_encode($engine->filter('recent', $rows, $now)), "\n";

?>
--EXPECT--
UTC                  true as strtotime()
Pacific/Kiritimati   false as strtotime()
UTC                  true as strtotime()
Pacific/Kiritimati   false as strtotime()
America/Los_Angeles  true as strtotime()
pacific/kiritimati   false as strtotime()
[1,2,4]
