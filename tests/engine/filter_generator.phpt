--TEST--
Engine::filter() over generators: keys used when no id, order kept, consumed once
--EXTENSIONS--
loyalty
--FILE--
<?php
use Loyalty\Engine;

$now = 1700000000;
$e = new Engine(['segments' => ['vip' => "'VIP' in groups"]]);
$vip = ['groups' => ['VIP']];

// auto keys
$gen = function () use ($vip) { yield $vip; yield []; yield ['id' => 'c9'] + $vip; yield $vip; };
var_dump($e->filter('vip', $gen(), $now));

// explicit keys, repeated keys, ids win over keys
$gen = function () use ($vip) {
    yield 'x' => $vip;
    yield 'y' => [];
    yield 5 => ['id' => 99] + $vip;
    yield 5 => $vip;
    yield 'x' => $vip;
    yield -1 => $vip;
};
var_dump($e->filter('vip', $gen(), $now));

// the generator is consumed lazily, in order, exactly once
$log = [];
$gen = function () use (&$log, $vip) {
    for ($i = 0; $i < 3; $i++) { $log[] = "yield $i"; yield "c$i" => $i === 1 ? $vip : []; }
    $log[] = 'end';
};
$g = $gen();
var_dump($e->filter('vip', $g, $now));
echo implode(' / ', $log), "\n";
var_dump($g->valid());

// an empty generator
var_dump($e->filter('vip', (function () { return; yield; })(), $now));

// yield from
$inner = function () use ($vip) { yield 'i1' => $vip; yield 'i2' => $vip; };
$outer = function () use ($inner, $vip) { yield 'o1' => $vip; yield from $inner(); yield 'o2' => []; };
var_dump($e->filter('vip', $outer(), $now));

// an already finished generator cannot be traversed again
$g = $gen();
foreach ($g as $_) {}
try {
    $e->filter('vip', $g, $now);
    echo "no exception\n";
} catch (Exception $t) {
    echo get_class($t), ": ", $t->getMessage(), "\n";
}
// a key that is neither int nor string: fine when the customer has an id, an InputException otherwise
var_dump($e->filter('vip', (function () use ($vip) { yield new stdClass => ['id' => 1] + $vip; yield [0] => ['id' => 2] + $vip; yield 'n' => []; })(), $now));
foreach ([new stdClass, 2.5, null] as $k) {
    try {
        $e->filter('vip', (function () use ($vip, $k) { yield 'ok' => $vip; yield $k => $vip; })(), $now);
        echo "no exception\n";
    } catch (Loyalty\InputException $t) {
        echo $t->getCode(), ' ', $t->getMessage(), "\n";
    }
}
?>
--EXPECTF--
array(3) {
  [0]=>
  int(0)
  [1]=>
  string(2) "c9"
  [2]=>
  int(3)
}
array(5) {
  [0]=>
  string(1) "x"
  [1]=>
  int(99)
  [2]=>
  int(5)
  [3]=>
  string(1) "x"
  [4]=>
  int(-1)
}
array(1) {
  [0]=>
  string(2) "c1"
}
yield 0 / yield 1 / yield 2 / end
bool(false)
array(0) {
}
array(3) {
  [0]=>
  string(2) "o1"
  [1]=>
  string(2) "i1"
  [2]=>
  string(2) "i2"
}
Exception: Cannot traverse an already closed generator
array(2) {
  [0]=>
  int(1)
  [1]=>
  int(2)
}
3 customers[%s]: %s
3 customers[%s]: %s
3 customers[%s]: %s
