--TEST--
Loyalty\cache_status(): the cache's figures as phpinfo() gives them, per process; misses count compilations
--EXTENSIONS--
loyalty
--SKIPIF--
<?php if (!extension_loaded('loyalty')) die('skip extension only'); ?>
--INI--
loyalty.cache_size=2
--FILE--
<?php
function cache_line(): string {
    ob_start();
    phpinfo(INFO_MODULES);
    preg_match('/Compiled-program cache => (.*)/', ob_get_clean(), $m);
    return $m[1];
}
$json = fn(string $expr) => json_encode(['segments' => ['s' => $expr]]);
$s = Loyalty\cache_status();
echo json_encode($s), "\n";
var_dump($s['version'] === phpversion('loyalty'));

new Loyalty\Engine($json('orders > 1'));
new Loyalty\Engine($json('orders > 1'));
new Loyalty\Engine($json('orders > 1'));
Loyalty\Program::fromJson($json('orders > 2'));
$s = Loyalty\cache_status();
printf("%d programs, %d hits, %d misses\n", $s['programs'], $s['hits'], $s['misses']);
echo cache_line(), "\n";

// Bounded by the ini setting, and 0 when it is disabled.
Loyalty\Program::fromJson($json('orders > 3'));
echo Loyalty\cache_status()['programs'], "\n";
ini_set('loyalty.cache_size', '0');
Loyalty\Program::fromJson($json('orders > 4'));
$s = Loyalty\cache_status();
printf("size %d, %d programs\n", $s['cache_size'], $s['programs']);
echo cache_line(), "\n";

try {
    Loyalty\cache_status(1);
} catch (ArgumentCountError $e) {
    echo $e->getMessage(), "\n";
}
?>
--EXPECT--
{"implementation":"extension","version":"0.1.0","cache_size":2,"programs":0,"hits":0,"misses":0}
bool(true)
2 programs, 2 hits, 2 misses
2 of 2 programs, 2 hits, 2 misses
2
size 0, 0 programs
disabled
Loyalty\cache_status() expects exactly 0 arguments, 1 given
