--TEST--
config.m4, config.w32 and sources.list build the same files, and every C file is listed
--EXTENSIONS--
loyalty
--SKIPIF--
<?php if (!extension_loaded('loyalty')) die('skip extension only'); ?>
--FILE--
<?php
$root = __DIR__ . '/../..';
$list = array_values(array_filter(array_map('trim', file("$root/sources.list"))));
sort($list);

preg_match('/PHP_NEW_EXTENSION\(loyalty,(.*?),\s*\$ext_shared/s', file_get_contents("$root/config.m4"), $m);
preg_match_all('#(?:ext|src/\w+)/\w+\.c#', $m[1], $m4);
$m4 = $m4[0];
sort($m4);

$w32 = [];
preg_match_all('#ADD_SOURCES\(configure_module_dirname \+ "\\\\\\\\([\w\\\\]+)",\s*"([^"]+)"#', file_get_contents("$root/config.w32"), $w, PREG_SET_ORDER);
foreach ($w as [, $dir, $files]) {
    foreach (preg_split('/\s+/', trim($files)) as $f) {
        $w32[] = str_replace('\\\\', '/', $dir) . "/$f";
    }
}
sort($w32);

$disk = array_map(fn($f) => substr($f, strlen($root) + 1), array_merge(glob("$root/ext/*.c"), glob("$root/src/*/*.c"), glob("$root/src/*.c")));
sort($disk);

var_dump($m4 === $list, $w32 === $list, $disk === $list, count($list) > 10);
?>
--EXPECT--
bool(true)
bool(true)
bool(true)
bool(true)
