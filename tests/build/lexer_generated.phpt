--TEST--
The committed scanner matches its re2c source (regenerated only where re2c is installed)
--EXTENSIONS--
loyalty
--SKIPIF--
<?php
if (!extension_loaded('loyalty')) die('skip extension only');
if (!trim((string) shell_exec('command -v re2c'))) die('skip re2c not installed');
?>
--FILE--
<?php
$root = __DIR__ . '/../..';
$out = tempnam(sys_get_temp_dir(), 'lexer');
exec('re2c -W -i --no-generation-date -o ' . escapeshellarg($out) . ' ' . escapeshellarg("$root/src/expression/lty_lexer.re") . ' 2>&1', $o, $rc);
var_dump($rc);
var_dump(file_get_contents($out) === file_get_contents("$root/src/expression/lty_lexer.c"));
unlink($out);
?>
--EXPECT--
int(0)
bool(true)
