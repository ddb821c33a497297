--TEST--
Customer dates as int, DateTimeImmutable, DateTime, MySQL strings and relative strings (relative to $now)
--EXTENSIONS--
loyalty
--INI--
date.timezone=UTC
--FILE--
<?php
use Loyalty\Engine;

$now = 1700000000;            // 2023-11-14 22:13:20 UTC
$D = 86400;
$e = new Engine(['segments' => [
    'f1' => 'days_since_first_order == 1',
    'l3' => 'days_since_last_order == 3',
    'l0' => 'days_since_last_order == 0',
    'neg' => 'days_since_last_order < 0',
]]);
$show = fn(array $c, $n = null) => implode(',', $e->segmentsOf(['orders' => 2] + $c, $n ?? $now));

echo "int:       ", $show(['first_order' => $now - $D, 'last_order' => $now - 3 * $D]), "\n";
echo "immutable: ", $show(['first_order' => new DateTimeImmutable('@' . ($now - $D)), 'last_order' => new DateTimeImmutable('@' . ($now - 3 * $D))]), "\n";
echo "mutable:   ", $show(['first_order' => new DateTime('@' . ($now - $D)), 'last_order' => new DateTime('@' . ($now - 3 * $D))]), "\n";
echo "mysql:     ", $show(['first_order' => '2023-11-13 22:13:20', 'last_order' => '2023-11-11 22:13:20']), "\n";
echo "date only: ", $show(['last_order' => '2023-11-11']), "\n";
echo "relative:  ", $show(['first_order' => '-1 day', 'last_order' => '-3 days']), "\n";
echo "at-form:   ", $show(['first_order' => '@' . ($now - $D), 'last_order' => '@' . ($now - 3 * $D)]), "\n";

// relative strings are relative to $now, not to the wall clock
echo "relative, now 2001: ", $show(['last_order' => '-3 days'], 1000000000), "\n";
echo "relative, now str:  ", $show(['last_order' => '-3 days'], '2001-09-09 01:46:40'), "\n";
echo "relative, now obj:  ", $show(['last_order' => '-3 days'], new DateTimeImmutable('2023-11-14 00:00:00')), "\n";

// floor((now - X) / 86400): 2 days 23:59:59 is 2 days; a date 1 s in the future is day -1
echo "floor:     ", $show(['last_order' => $now - 3 * $D + 1]), "\n";
echo "exact 3d:  ", $show(['last_order' => $now - 3 * $D]), "\n";
echo "future 1s: ", $show(['last_order' => $now + 1]), "\n";
echo "same time: ", $show(['last_order' => $now]), "\n";

// a DateTime in another time zone is the same instant
$tokyo = new DateTimeImmutable('2023-11-12 07:13:20', new DateTimeZone('Asia/Tokyo')); // 2023-11-11 22:13:20 UTC
echo "tokyo:     ", $show(['last_order' => $tokyo]), "\n";
// strings are read in the default time zone
date_default_timezone_set('Asia/Tokyo');
echo "str tokyo: ", $show(['last_order' => '2023-11-12 07:13:20']), "\n";
date_default_timezone_set('UTC');

// a DateTime argument is not modified
$dt = new DateTime('@' . ($now - 3 * $D));
$before = $dt->format('U');
$show(['last_order' => $dt, 'first_order' => $dt]);
var_dump($dt->format('U') === $before);
?>
--EXPECT--
int:       all,customers,f1,l3,loyal
immutable: all,customers,f1,l3,loyal
mutable:   all,customers,f1,l3,loyal
mysql:     all,customers,f1,l3,loyal
date only: all,customers,l3,loyal
relative:  all,customers,f1,l3,loyal
at-form:   all,customers,f1,l3,loyal
relative, now 2001: all,customers,l3,loyal
relative, now str:  all,customers,l3,loyal
relative, now obj:  all,customers,l3,loyal
floor:     all,customers,loyal
exact 3d:  all,customers,l3,loyal
future 1s: all,customers,loyal,neg
same time: all,customers,l0,loyal
tokyo:     all,customers,l3,loyal
str tokyo: all,customers,l3,loyal
bool(true)
