--TEST--
examples/campaign.php run as a script: CSV on stdout, progress on stderr, exit status
--EXTENSIONS--
loyalty
pdo_sqlite
--SKIPIF--
<?php
// Starts another PHP, which valgrind runs cannot follow.
if (getenv('USE_ZEND_ALLOC') === '0') die('skip not under valgrind or ASan');
?>
--FILE--
<?php
// The child PHP loads the same extensions as this one (pdo_sqlite may be built in or shared).
$php = [PHP_BINARY, '-n', '-d', 'date.timezone=UTC', '-d', 'extension_dir=' . ini_get('extension_dir')];
// with the extension, or on the polyfill as the suite runs (scripts/test.sh --polyfill)
array_push($php, ...(extension_loaded('loyalty') ? ['-d', 'extension=loyalty.so'] : ['-d', 'auto_prepend_file=' . ini_get('auto_prepend_file')]));
foreach (['pdo', 'pdo_sqlite'] as $ext) {
    if (is_file(PHP_EXTENSION_DIR . "/$ext.so")) {
        array_push($php, '-d', 'extension=' . PHP_EXTENSION_DIR . "/$ext.so");
    }
}
function run(array $command): void
{
    $p = proc_open($command, [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
    $out = stream_get_contents($pipes[1]);
    $err = stream_get_contents($pipes[2]);
    printf("exit %d\n-- stdout\n%s-- stderr\n%s", proc_close($p), $out, preg_replace('/\(\d+\.\d\d s\)/', '(T s)', $err));
}
$script = __DIR__ . '/../../examples/campaign.php';
run([...$php, $script, '--customers=150', '--now=2026-11-22 10:00:00', '--progress=100']);
run([...$php, $script, '--now=yesterday', '--out']);
var_dump(file_exists('1'));
?>
--EXPECT--
exit 0
-- stdout
id,email,city,spent
52,gaelle.52@example.com,Paris,505.11
97,emma.97@example.com,Paris,682.93
127,emma.127@example.com,Paris,502.75
136,jules.136@example.com,Paris,1171.49
141,ines.141@example.com,Paris,864.84
-- stderr
100/150 customers read (66%)
5 of 150 customers in segment 'lapsed_big_spenders_paris' (T s)
exit 2
-- stdout
-- stderr
bad option --out (expected --sql or --NAME=VALUE, NAME one of customers, db, dsn, user, password, out, now, settings, segment, progress)
bool(false)
