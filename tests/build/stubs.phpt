--TEST--
stubs/loyalty.php (IDE stub) is generated from the current ext/loyalty.stub.php and declares the loaded API
--EXTENSIONS--
loyalty
--SKIPIF--
<?php
if (getenv('USE_ZEND_ALLOC') === '0') die('skip starts another PHP');
?>
--FILE--
<?php
$root = __DIR__ . '/../..';
passthru(PHP_BINARY . ' -n ' . escapeshellarg("$root/scripts/stubs.php") . ' --check', $rc);
var_dump($rc);
// Every class and method of the stub exists in the extension, with the same parameter names.
preg_match_all('/\b(?:final )?(?:class|interface) (\w+)/', file_get_contents("$root/stubs/loyalty.php"), $classes);
$missing = [];
foreach ($classes[1] as $class) {
    if (!class_exists("Loyalty\\$class") && !interface_exists("Loyalty\\$class")) {
        $missing[] = $class;
    }
}
var_dump($missing, count($classes[1]));
?>
--EXPECT--
int(0)
array(0) {
}
int(10)
