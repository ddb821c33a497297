--TEST--
The committed arginfo was generated from the current stub
--EXTENSIONS--
loyalty
--SKIPIF--
<?php if (!extension_loaded('loyalty')) die('skip extension only'); ?>
--FILE--
<?php
$root = __DIR__ . '/../..';
$stub = sha1_file("$root/ext/loyalty.stub.php");
preg_match('/Stub hash: ([0-9a-f]{40})/', file_get_contents("$root/ext/loyalty_arginfo.h"), $m);
var_dump($m[1] === $stub);
?>
--EXPECT--
bool(true)
