--TEST--
package.xml lists every file pecl must ship, and its version is the extension's
--EXTENSIONS--
loyalty
--SKIPIF--
<?php
if (!extension_loaded('loyalty')) die('skip extension only');
// A check of the tree, not of memory: it starts another PHP, which valgrind runs cannot follow.
if (getenv('USE_ZEND_ALLOC') === '0') die('skip not under valgrind or ASan');
?>
--FILE--
<?php
$root = __DIR__ . '/../..';
passthru(PHP_BINARY . ' -n ' . escapeshellarg("$root/scripts/package_xml.php") . ' --check 2>&1', $rc);
var_dump($rc);
preg_match('#<version>\s*<release>([^<]+)</release>#', file_get_contents("$root/package.xml"), $m);
var_dump($m[1] === phpversion('loyalty'));
?>
--EXPECTF--
package.xml lists %d files
int(0)
bool(true)
