--TEST--
first_order_recent boundaries: now - first_order < 30 days (29d 23:59:59 in, 30d out), last_order fallback
--EXTENSIONS--
loyalty
--INI--
date.timezone=UTC
--FILE--
<?php
use Loyalty\Engine;

$now = 1700000000;
$D = 86400;
$e = new Engine([]);
$in = fn(array $c, $n = null) => $e->inSegment('first_order_recent', $c, $n ?? $now) ? 'in' : 'out';

foreach (['first_order', 'last_order'] as $k) {
    echo "$k:\n";
    echo "  now          ", $in(['orders' => 1, $k => $now]), "\n";
    echo "  1 s          ", $in(['orders' => 1, $k => $now - 1]), "\n";
    echo "  29d 23:59:59 ", $in(['orders' => 1, $k => $now - 30 * $D + 1]), "\n";
    echo "  30d          ", $in(['orders' => 1, $k => $now - 30 * $D]), "\n";
    echo "  30d 1s       ", $in(['orders' => 1, $k => $now - 30 * $D - 1]), "\n";
}
// same boundaries with date strings and objects
echo "strings: ", $in(['orders' => 1, 'first_order' => '2023-10-15 22:13:21'], '2023-11-14 22:13:20'), ' ',
    $in(['orders' => 1, 'first_order' => '2023-10-15 22:13:20'], '2023-11-14 22:13:20'), "\n";
echo "objects: ", $in(['orders' => 1, 'first_order' => new DateTimeImmutable('@' . ($now - 30 * $D + 1))], new DateTime('@' . $now)), ' ',
    $in(['orders' => 1, 'first_order' => new DateTime('@' . ($now - 30 * $D))], new DateTimeImmutable('@' . $now)), "\n";

// first_order wins over last_order when both are given
echo "first old, last new: ", $in(['orders' => 1, 'first_order' => $now - 31 * $D, 'last_order' => $now - $D]), "\n";
echo "first new, last old: ", $in(['orders' => 1, 'first_order' => $now - $D, 'last_order' => $now - 31 * $D]), "\n";
// no date at all: out
echo "no date: ", $in(['orders' => 1]), ' ', $in(['orders' => 1, 'first_order' => null, 'last_order' => null]), "\n";
// exactly one order: 0 and 2 orders are out even with a recent date
echo "0 orders: ", $in(['orders' => 0, 'first_order' => $now - 60]), "\n";
echo "2 orders: ", $in(['orders' => 2, 'first_order' => $now - 60]), "\n";
echo "missing orders: ", $in(['first_order' => $now - 60]), "\n";
// disabled: out
echo "disabled: ", $in(['active' => false, 'orders' => 1, 'first_order' => $now - 60]), "\n";
?>
--EXPECT--
first_order:
  now          in
  1 s          in
  29d 23:59:59 in
  30d          out
  30d 1s       out
last_order:
  now          in
  1 s          in
  29d 23:59:59 in
  30d          out
  30d 1s       out
strings: in out
objects: in out
first old, last new: out
first new, last old: in
no date: out out
0 orders: out
2 orders: out
missing orders: out
disabled: out
