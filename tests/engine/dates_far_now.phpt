--TEST--
A date string relative to a $now more than 68 years from the current time is an InputException; one that does not depend on $now is read whatever $now (issue 19)
--EXTENSIONS--
loyalty
--SKIPIF--
<?php if (PHP_INT_SIZE < 8) die('skip 64-bit only: nows 60 years away do not fit a 32-bit int'); ?>
--INI--
date.timezone=Europe/Paris
--FILE--
<?php
// The extension reads a relative date with the current time shifted to $now's wall clock
// through a zone offset, an int of seconds: about 68 years either way.
$engine = new Loyalty\Engine(['segments' => ['past' => 'days_since_last_order >= 0']]);
$year = 31556952;
foreach (['+60 years' => time() + 60 * $year, '-60 years' => time() - 60 * $year,
          '+80 years' => time() + 80 * $year, '-80 years' => time() - 80 * $year, 'PHP_INT_MAX' => PHP_INT_MAX, 'PHP_INT_MIN' => PHP_INT_MIN] as $label => $now) {
    foreach (['-1 day', 'tomorrow 10:00', 'March 31', '10:00', 'now', '2024-03-31 02:30:00', '2024-03-31', '2024-03-31T02:30:00+05:00', '@1711848600', '1 January 2024 +1 day', 'garbage'] as $date) {
        $expected = strtotime($date, $now);
        try {
            $in = $engine->inSegment('past', ['orders' => 1, 'last_order' => $date], $now);
            $ok = $expected !== false && $in === ($expected <= $now);
            echo "$label, '$date': ", $ok ? 'as strtotime' : 'DIFFERS', "\n";
        } catch (Loyalty\InputException $e) {
            echo "$label, '$date': ", $e->getMessage(), "\n";
        }
    }
}
?>
--EXPECT--
+60 years, '-1 day': as strtotime
+60 years, 'tomorrow 10:00': as strtotime
+60 years, 'March 31': as strtotime
+60 years, '10:00': as strtotime
+60 years, 'now': as strtotime
+60 years, '2024-03-31 02:30:00': as strtotime
+60 years, '2024-03-31': as strtotime
+60 years, '2024-03-31T02:30:00+05:00': as strtotime
+60 years, '@1711848600': as strtotime
+60 years, '1 January 2024 +1 day': as strtotime
+60 years, 'garbage': customer.last_order: invalid date 'garbage'
-60 years, '-1 day': as strtotime
-60 years, 'tomorrow 10:00': as strtotime
-60 years, 'March 31': as strtotime
-60 years, '10:00': as strtotime
-60 years, 'now': as strtotime
-60 years, '2024-03-31 02:30:00': as strtotime
-60 years, '2024-03-31': as strtotime
-60 years, '2024-03-31T02:30:00+05:00': as strtotime
-60 years, '@1711848600': as strtotime
-60 years, '1 January 2024 +1 day': as strtotime
-60 years, 'garbage': customer.last_order: invalid date 'garbage'
+80 years, '-1 day': customer.last_order: date '-1 day' is relative to a time too far from the current time to be read
+80 years, 'tomorrow 10:00': customer.last_order: date 'tomorrow 10:00' is relative to a time too far from the current time to be read
+80 years, 'March 31': customer.last_order: date 'March 31' is relative to a time too far from the current time to be read
+80 years, '10:00': customer.last_order: date '10:00' is relative to a time too far from the current time to be read
+80 years, 'now': customer.last_order: date 'now' is relative to a time too far from the current time to be read
+80 years, '2024-03-31 02:30:00': as strtotime
+80 years, '2024-03-31': as strtotime
+80 years, '2024-03-31T02:30:00+05:00': as strtotime
+80 years, '@1711848600': as strtotime
+80 years, '1 January 2024 +1 day': as strtotime
+80 years, 'garbage': customer.last_order: invalid date 'garbage'
-80 years, '-1 day': customer.last_order: date '-1 day' is relative to a time too far from the current time to be read
-80 years, 'tomorrow 10:00': customer.last_order: date 'tomorrow 10:00' is relative to a time too far from the current time to be read
-80 years, 'March 31': customer.last_order: date 'March 31' is relative to a time too far from the current time to be read
-80 years, '10:00': customer.last_order: date '10:00' is relative to a time too far from the current time to be read
-80 years, 'now': customer.last_order: date 'now' is relative to a time too far from the current time to be read
-80 years, '2024-03-31 02:30:00': as strtotime
-80 years, '2024-03-31': as strtotime
-80 years, '2024-03-31T02:30:00+05:00': as strtotime
-80 years, '@1711848600': as strtotime
-80 years, '1 January 2024 +1 day': as strtotime
-80 years, 'garbage': customer.last_order: invalid date 'garbage'
PHP_INT_MAX, '-1 day': customer.last_order: date '-1 day' is relative to a time too far from the current time to be read
PHP_INT_MAX, 'tomorrow 10:00': customer.last_order: date 'tomorrow 10:00' is relative to a time too far from the current time to be read
PHP_INT_MAX, 'March 31': customer.last_order: date 'March 31' is relative to a time too far from the current time to be read
PHP_INT_MAX, '10:00': customer.last_order: date '10:00' is relative to a time too far from the current time to be read
PHP_INT_MAX, 'now': customer.last_order: date 'now' is relative to a time too far from the current time to be read
PHP_INT_MAX, '2024-03-31 02:30:00': as strtotime
PHP_INT_MAX, '2024-03-31': as strtotime
PHP_INT_MAX, '2024-03-31T02:30:00+05:00': as strtotime
PHP_INT_MAX, '@1711848600': as strtotime
PHP_INT_MAX, '1 January 2024 +1 day': as strtotime
PHP_INT_MAX, 'garbage': customer.last_order: invalid date 'garbage'
PHP_INT_MIN, '-1 day': customer.last_order: date '-1 day' is relative to a time too far from the current time to be read
PHP_INT_MIN, 'tomorrow 10:00': customer.last_order: date 'tomorrow 10:00' is relative to a time too far from the current time to be read
PHP_INT_MIN, 'March 31': customer.last_order: date 'March 31' is relative to a time too far from the current time to be read
PHP_INT_MIN, '10:00': customer.last_order: date '10:00' is relative to a time too far from the current time to be read
PHP_INT_MIN, 'now': customer.last_order: date 'now' is relative to a time too far from the current time to be read
PHP_INT_MIN, '2024-03-31 02:30:00': as strtotime
PHP_INT_MIN, '2024-03-31': as strtotime
PHP_INT_MIN, '2024-03-31T02:30:00+05:00': as strtotime
PHP_INT_MIN, '@1711848600': as strtotime
PHP_INT_MIN, '1 January 2024 +1 day': as strtotime
PHP_INT_MIN, 'garbage': customer.last_order: invalid date 'garbage'
