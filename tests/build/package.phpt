--TEST--
package.xml lists every file pecl must ship, and its version is the extension's
--EXTENSIONS--
loyalty
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
