--TEST--
filter(): a signal handler run while the default timezone's table is first read (a PHP call, at a row's first MySQL date) cannot free the row being read: such a row is read by the reader that holds it
--EXTENSIONS--
loyalty
--SKIPIF--
<?php
if (!function_exists('pcntl_async_signals') || !function_exists('exec')) die('skip pcntl and exec needed');
if (getenv('USE_ZEND_ALLOC') === '0' && !str_contains((string) getenv('LD_PRELOAD'), 'asan')) {
    die('skip not under valgrind: ten million rows');
}
?>
--INI--
date.timezone=UTC
memory_limit=1G
--FILE--
<?php
// The rows before the last one have no date: the table of the zone set below, read by nothing
// before in this process, is read at the last row, through DateTimeZone's methods, whose return
// runs the handler of a signal that came during the scan. The handler drops the last row, held
// only by a reference: read inline without a hold, it was freed while read (a use after free,
// which the sanitizer run reports, and a wrong answer). Whatever the moment the signal comes, the
// row is read whole or not at all: its id when the handler ran during filter() or after it, an
// InputException for a null row when it ran before.
pcntl_async_signals(true);
date_default_timezone_set('Asia/Tokyo');
$engine = new Loyalty\Engine(json_encode(['segments' => ['paris' => "days_since_first_order < 100000 and city == 'Paris'"]]));
$r = ['first_order' => '2024-05-01', 'city' => 'Par' . 'is', 'id' => 'victim'];
$ran = false;
pcntl_signal(SIGUSR1, function () use (&$r, &$ran) {
    $ran = true;
    $r = null;
    $GLOBALS['junk'] = array_map(fn($i) => ['first_order' => $i, 'city' => str_repeat('Q', 5), 'id' => "j$i"], range(1, 50));
});
$rows = array_fill(0, 10000000, ['orders' => 1]);
$rows[] = &$r;
exec('(sleep 0.1; kill -USR1 ' . getmypid() . ') > /dev/null 2>&1 &');
try {
    $answer = json_encode($engine->filter('paris', $rows, strtotime('2026-06-15 12:00:00 UTC')));
} catch (Loyalty\InputException $e) {
    $answer = $e->getMessage() === 'customers[10000000]: expected array, got null' ? 'dropped before' : $e->getMessage();
}
usleep(300000); // the signal has come by now, whenever the scan ended
pcntl_signal_dispatch();
var_dump($answer === '["victim"]' || $answer === 'dropped before', $ran);
?>
--EXPECT--
bool(true)
bool(true)
