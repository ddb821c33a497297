<?php
/*
 * Writes stubs/loyalty.php, the IDE and static-analysis stub (PhpStorm, PHPStan, Psalm), from
 * ext/loyalty.stub.php, the source of the arginfo: the same declarations without the
 * generator's annotations. `--check` exits 1 when the published stub is out of date.
 */
declare(strict_types=1);

$root = dirname(__DIR__);
$stub = file_get_contents("$root/ext/loyalty.stub.php");
$published = preg_replace('#/\*\*\s*\n \* @generate-class-entries\s*\n \* @undocumentable\s*\n \*/\s*\n#', '', $stub, 1);
$published = preg_replace('#^\s*\* @(strict-properties|not-serializable|cvalue \w+)\n#m', '', $published);
// constants get their value (the stub has the C macro's name: @cvalue)
preg_match('/#define PHP_LOYALTY_VERSION "([^"]+)"/', file_get_contents("$root/ext/php_loyalty.h"), $m);
$published = str_replace('const VERSION = UNKNOWN;', "const VERSION = '{$m[1]}';", $published);
$published = str_replace("<?php\n", "<?php\n\n// IDE and static-analysis stub of the loyalty extension (generated from ext/loyalty.stub.php\n// by scripts/stubs.php: do not edit).\n", $published);
if (in_array('--check', $argv, true)) {
    exit(file_get_contents("$root/stubs/loyalty.php") === $published ? 0 : 1);
}
file_put_contents("$root/stubs/loyalty.php", $published);
