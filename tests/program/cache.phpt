--TEST--
Compiled-program cache: same JSON compiles once, bounded by loyalty.cache_size, shown in phpinfo()
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

echo cache_line(), "\n";
$a = Loyalty\Program::fromJson($json('orders > 1'));
$b = Loyalty\Program::fromJson($json('orders > 1'));
echo cache_line(), "\n";
var_dump($a == $b, $a->toArray() === $b->toArray());

// Invalid settings are not cached: each try throws again.
for ($i = 0; $i < 2; $i++) {
    try {
        Loyalty\Program::fromJson($json('orders >'));
    } catch (Loyalty\ExpressionException $e) {
        echo get_class($e), "\n";
    }
}
echo cache_line(), "\n";

// Full: the oldest entry goes; programs built from it keep working.
Loyalty\Program::fromJson($json('orders > 2'));
Loyalty\Program::fromJson($json('orders > 3'));
echo cache_line(), "\n";
$engine = new Loyalty\Engine($a);
var_dump($engine->inSegment('s', ['orders' => 2]));
unset($b);
$c = new Loyalty\Engine($json('orders > 1')); // evicted: compiled again
echo cache_line(), "\n";
var_dump($c->inSegment('s', ['orders' => 1]));

// Lowering the size lets the oldest programs go at once.
ini_set('loyalty.cache_size', '1');
echo cache_line(), "\n";
ini_set('loyalty.cache_size', '2');

// cache_size=0 disables it.
ini_set('loyalty.cache_size', '0');
Loyalty\Program::fromJson($json('orders > 1'));
echo cache_line(), "\n";
ini_set('loyalty.cache_size', '1');
Loyalty\Program::fromJson($json('orders > 5'));
echo cache_line(), "\n";
?>
--EXPECT--
0 of 2 programs, 0 hits, 0 misses
1 of 2 programs, 1 hits, 1 misses
bool(true)
bool(true)
Loyalty\ExpressionException
Loyalty\ExpressionException
1 of 2 programs, 1 hits, 3 misses
2 of 2 programs, 1 hits, 5 misses
bool(true)
2 of 2 programs, 1 hits, 6 misses
bool(false)
1 of 1 programs, 1 hits, 6 misses
disabled
1 of 1 programs, 1 hits, 7 misses
