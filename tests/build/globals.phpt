--TEST--
Thread safety by construction: the only writable globals are set once at module startup
--EXTENSIONS--
loyalty
--SKIPIF--
<?php
if (!extension_loaded('loyalty')) die('skip extension only');
if (!trim((string) shell_exec('command -v nm'))) die('skip nm not installed');
if (getenv('USE_ZEND_ALLOC') === '0') die('skip a check of the binary, not of memory');
?>
--FILE--
<?php
// .bss/.data symbols that are written after load (b/B); everything else is read-only or
// initialized data never written. docs/thread-safety.md explains each allowed name.
$so = ini_get('extension_dir') . '/loyalty.so';
if (!is_file($so)) {
    $so = __DIR__ . '/../../modules/loyalty.so';
}
exec('nm ' . escapeshellarg($so), $lines);
$writable = [];
foreach ($lines as $line) {
    if (preg_match('/^[0-9a-f]+ [bB] (\S+)$/', $line, $m) && !str_starts_with($m[1], '__') && $m[1] !== 'completed.0') {
        $writable[] = $m[1];
    }
}
sort($writable);
echo implode("\n", $writable), "\n";
?>
--EXPECT--
engine_handlers
ledger_handlers
loyalty_globals
php_loyalty_config_exception_ce
php_loyalty_engine_ce
php_loyalty_exception_ce
php_loyalty_expression_exception_ce
php_loyalty_input_exception_ce
php_loyalty_keys
php_loyalty_ledger_ce
php_loyalty_ledger_exception_ce
php_loyalty_program_ce
php_loyalty_report_ce
php_loyalty_result_ce
php_loyalty_sql_filter_ce
program_handlers
result_handlers
sql_filter_handlers
