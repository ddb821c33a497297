--TEST--
stubs/loyalty.php (IDE stub) is generated from the current ext/loyalty.stub.php and declares the loaded API
--EXTENSIONS--
loyalty
--SKIPIF--
<?php
if (!extension_loaded('loyalty')) die('skip extension only');
if (getenv('USE_ZEND_ALLOC') === '0') die('skip starts another PHP');
?>
--FILE--
<?php
$root = __DIR__ . '/../..';
passthru(PHP_BINARY . ' -n ' . escapeshellarg("$root/scripts/stubs.php") . ' --check', $rc);
var_dump($rc);
// Every class and method of the stub exists in the extension, with the same parameter names.
preg_match_all('/^(?:final )?(?:class|interface) (\w+)/m', file_get_contents("$root/stubs/loyalty.php"), $classes);
$missing = [];
foreach ($classes[1] as $class) {
    if (!class_exists("Loyalty\\$class") && !interface_exists("Loyalty\\$class")) {
        $missing[] = $class;
    }
}
// Every public method of the stub exists with the same parameter names.
preg_match_all('/^(?:final )?(?:class|interface) (\w+)|^    public (?:static )?function (\w+)\(([^)]*)\)/m',
    file_get_contents("$root/stubs/loyalty.php"), $decls, PREG_SET_ORDER);
$class = null;
foreach ($decls as $d) {
    if ($d[1] !== '') { $class = "Loyalty\\$d[1]"; continue; }
    preg_match_all('/\$(\w+)/', $d[3], $params);
    $m = new ReflectionMethod($class, $d[2]);
    $names = array_map(fn($p) => $p->getName(), $m->getParameters());
    if ($names !== $params[1]) { $missing[] = "$class::$d[2]"; }
}
var_dump($missing, count($classes[1]));
?>
--EXPECT--
int(0)
array(0) {
}
int(11)
