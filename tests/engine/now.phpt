--TEST--
$now as int, DateTimeImmutable, DateTime, string, null and the default (current time)
--EXTENSIONS--
loyalty
--INI--
date.timezone=UTC
--FILE--
<?php
use Loyalty\Engine;

$e = new Engine(['segments' => ['d2' => 'days_since_last_order == 2', 'd1' => 'days_since_last_order == 1']]);
$c = ['orders' => 2, 'last_order' => 1700000000];   // 2023-11-14 22:13:20 UTC
$D = 86400;

foreach ([
    'int'       => 1700000000 + 2 * $D,
    'immutable' => new DateTimeImmutable('@' . (1700000000 + 2 * $D)),
    'mutable'   => new DateTime('@' . (1700000000 + 2 * $D)),
    'mysql'     => '2023-11-16 22:13:20',
    'at-form'   => '@' . (1700000000 + 2 * $D),
    'other tz'  => new DateTimeImmutable('2023-11-17 07:13:20', new DateTimeZone('Asia/Tokyo')),
    'one less'  => 1700000000 + 2 * $D - 1,
] as $label => $now) {
    printf("%-10s %s | %s | %s\n", $label, implode(',', $e->segmentsOf($c, $now)),
        var_export($e->inSegment('d2', $c, $now), true), implode(',', $e->filter('d2', ['x' => $c], $now)));
}

// default and null: the current time
$t = time();
$recent = ['orders' => 1, 'first_order' => $t - $D, 'last_order' => $t - $D - 60];
$old = ['orders' => 1, 'first_order' => $t - 40 * $D];
echo implode(',', $e->segmentsOf($recent)), "\n";
echo implode(',', $e->segmentsOf($recent, null)), "\n";
var_dump($e->inSegment('first_order_recent', $recent));
var_dump($e->inSegment('first_order_recent', $recent, null));
var_dump($e->inSegment('first_order_recent', $old));
var_dump($e->filter('first_order_recent', ['r' => $recent, 'o' => $old]));
var_dump($e->filter('first_order_recent', ['r' => $recent, 'o' => $old], null));
// relative customer dates with the default $now
var_dump($e->inSegment('first_order_recent', ['orders' => 1, 'first_order' => '-29 days']));
var_dump($e->inSegment('first_order_recent', ['orders' => 1, 'first_order' => '-31 days']));
var_dump($e->inSegment('d1', ['last_order' => 'yesterday']));
// a real timestamp far from now proves the default is not 0 or a fixed date
var_dump($e->inSegment('first_order_recent', ['orders' => 1, 'first_order' => 1700000000]));
// a DateTime passed as $now is not modified
$n = new DateTime('@1700000000');
$e->segmentsOf($c, $n);
var_dump($n->getTimestamp() === 1700000000);
?>
--EXPECT--
int        all,customers,d2,loyal | true | x
immutable  all,customers,d2,loyal | true | x
mutable    all,customers,d2,loyal | true | x
mysql      all,customers,d2,loyal | true | x
at-form    all,customers,d2,loyal | true | x
other tz   all,customers,d2,loyal | true | x
one less   all,customers,d1,loyal | false | 
all,customers,d1,first_order_recent
all,customers,d1,first_order_recent
bool(true)
bool(true)
bool(false)
array(1) {
  [0]=>
  string(1) "r"
}
array(1) {
  [0]=>
  string(1) "r"
}
bool(true)
bool(false)
bool(true)
bool(false)
bool(true)
