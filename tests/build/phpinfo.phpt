--TEST--
phpinfo() section: version and the re2c version of the scanner (extension only)
--EXTENSIONS--
loyalty
--SKIPIF--
<?php if (!extension_loaded('loyalty')) die('skip extension only'); ?>
--FILE--
<?php
ob_start();
phpinfo(INFO_MODULES);
$info = ob_get_clean();
preg_match('/^loyalty support => (.*)$/m', $info, $support);
preg_match('/^Version => (.*)$/m', substr($info, strpos($info, 'loyalty support')), $version);
preg_match('/^Expression scanner => (.*)$/m', $info, $scanner);
var_dump($support[1], $version[1] === phpversion('loyalty'), (bool) preg_match('/^re2c \d+\.\d+/', $scanner[1]));
?>
--EXPECT--
string(7) "enabled"
bool(true)
bool(true)
