--TEST--
Polyfill with strtotime() disabled: a date relative to a $now more than 4 days from the current time is an InputException, other dates are read as strtotime() reads them (issue 19)
--SKIPIF--
<?php if (extension_loaded('loyalty')) die('skip polyfill only (the extension reads such dates up to 68 years away: dates_far_now.phpt)'); ?>
--INI--
disable_functions=strtotime
date.timezone=America/St_Johns
--FILE--
<?php
// Without strtotime(), the polyfill shifts the current time to $now's wall clock with a
// DateTimeZone offset, which goes to +-99:59:59.
function oracle(array $cases): array {
    $p = proc_open([PHP_BINARY, '-n', '-d', 'date.timezone=America/St_Johns', '-r',
        '$r = []; foreach (json_decode(stream_get_contents(STDIN), true) as [$s, $now]) { $r[] = strtotime($s, $now); } echo json_encode($r);'],
        [0 => ['pipe', 'r'], 1 => ['pipe', 'w']], $pipes);
    fwrite($pipes[0], json_encode($cases));
    fclose($pipes[0]);
    $out = json_decode(stream_get_contents($pipes[1]), true);
    proc_close($p);
    return $out;
}
var_dump(function_exists('strtotime'));
$engine = new Loyalty\Engine(['segments' => ['past' => 'days_since_last_order >= 0']]);
$cases = [];
foreach (['-3 days' => -3 * 86400, '+3 days' => 3 * 86400, '+5 days' => 5 * 86400, '-10 years' => -315569520] as $label => $shift) {
    foreach (['-1 day', 'tomorrow 10:00', 'March 31', 'now', '2024-03-10 02:30:00', '2024-03-10', '2024-03-10T02:30:00+05:00', '@1710050400', 'garbage'] as $date) {
        $cases[] = [$label, $date, time() + $shift];
    }
}
$want = oracle(array_map(fn($c) => [$c[1], $c[2]], $cases));
foreach ($cases as $i => [$label, $date, $now]) {
    try {
        $in = $engine->inSegment('past', ['orders' => 1, 'last_order' => $date], $now);
        echo "$label, '$date': ", $want[$i] !== false && $in === ($want[$i] <= $now) ? 'as strtotime' : 'DIFFERS', "\n";
    } catch (Loyalty\InputException $e) {
        echo "$label, '$date': ", $e->getMessage(), "\n";
    }
}
?>
--EXPECT--
bool(false)
-3 days, '-1 day': as strtotime
-3 days, 'tomorrow 10:00': as strtotime
-3 days, 'March 31': as strtotime
-3 days, 'now': as strtotime
-3 days, '2024-03-10 02:30:00': as strtotime
-3 days, '2024-03-10': as strtotime
-3 days, '2024-03-10T02:30:00+05:00': as strtotime
-3 days, '@1710050400': as strtotime
-3 days, 'garbage': customer.last_order: invalid date 'garbage'
+3 days, '-1 day': as strtotime
+3 days, 'tomorrow 10:00': as strtotime
+3 days, 'March 31': as strtotime
+3 days, 'now': as strtotime
+3 days, '2024-03-10 02:30:00': as strtotime
+3 days, '2024-03-10': as strtotime
+3 days, '2024-03-10T02:30:00+05:00': as strtotime
+3 days, '@1710050400': as strtotime
+3 days, 'garbage': customer.last_order: invalid date 'garbage'
+5 days, '-1 day': customer.last_order: date '-1 day' is relative to a time too far from the current time to be read
+5 days, 'tomorrow 10:00': customer.last_order: date 'tomorrow 10:00' is relative to a time too far from the current time to be read
+5 days, 'March 31': customer.last_order: date 'March 31' is relative to a time too far from the current time to be read
+5 days, 'now': customer.last_order: date 'now' is relative to a time too far from the current time to be read
+5 days, '2024-03-10 02:30:00': as strtotime
+5 days, '2024-03-10': as strtotime
+5 days, '2024-03-10T02:30:00+05:00': as strtotime
+5 days, '@1710050400': as strtotime
+5 days, 'garbage': customer.last_order: invalid date 'garbage'
-10 years, '-1 day': customer.last_order: date '-1 day' is relative to a time too far from the current time to be read
-10 years, 'tomorrow 10:00': customer.last_order: date 'tomorrow 10:00' is relative to a time too far from the current time to be read
-10 years, 'March 31': customer.last_order: date 'March 31' is relative to a time too far from the current time to be read
-10 years, 'now': customer.last_order: date 'now' is relative to a time too far from the current time to be read
-10 years, '2024-03-10 02:30:00': as strtotime
-10 years, '2024-03-10': as strtotime
-10 years, '2024-03-10T02:30:00+05:00': as strtotime
-10 years, '@1710050400': as strtotime
-10 years, 'garbage': customer.last_order: invalid date 'garbage'
