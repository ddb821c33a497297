--TEST--
phpinfo() section: version, the re2c version of the scanner, the checked arithmetic (extension only)
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
preg_match('/^Checked arithmetic => (.*)$/m', $info, $arith);
var_dump($support[1], $version[1] === phpversion('loyalty'), (bool) preg_match('/^re2c \d+\.\d+/', $scanner[1]),
    in_array($arith[1], ['compiler builtins', 'portable'], true));
?>
--EXPECT--
string(7) "enabled"
bool(true)
bool(true)
bool(true)
