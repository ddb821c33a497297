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
// A ZTS build has two more, both per thread in effect: loyalty_globals_id, the id that
// ts_allocate_id() gives once at startup to reach each thread's copy of the module globals, in
// place of loyalty_globals itself; and _tsrm_ls_cache, the thread-local (TLS) pointer of
// ZEND_TSRMLS_CACHE_DEFINE(). They are shown under their NTS name so that one list serves both.
if (PHP_ZTS) {
    foreach (['loyalty_globals_id', '_tsrm_ls_cache'] as $name) {
        if (!in_array($name, $writable, true)) {
            echo "ZTS build without $name\n";
        }
    }
    $writable = array_diff($writable, ['_tsrm_ls_cache']);
    $writable = array_map(fn($name) => $name === 'loyalty_globals_id' ? 'loyalty_globals' : $name, $writable);
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
result_defaults_plain
result_handlers
sql_filter_handlers
