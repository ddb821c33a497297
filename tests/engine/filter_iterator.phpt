--TEST--
Engine::filter() over Iterator and IteratorAggregate objects
--EXTENSIONS--
loyalty
--FILE--
<?php
use Loyalty\Engine;

$now = 1700000000;
$e = new Engine(['segments' => ['vip' => "'VIP' in groups"]]);
$vip = ['groups' => ['VIP']];

class Rows implements Iterator {
    private int $i = 0;
    public array $calls = [];
    public function __construct(private array $rows) {}
    public function current(): mixed { $this->calls[] = 'current'; return $this->rows[$this->i][1]; }
    public function key(): mixed { $this->calls[] = 'key'; return $this->rows[$this->i][0]; }
    public function next(): void { $this->calls[] = 'next'; $this->i++; }
    public function rewind(): void { $this->calls[] = 'rewind'; $this->i = 0; }
    public function valid(): bool { $this->calls[] = 'valid'; return $this->i < count($this->rows); }
}
class Table implements IteratorAggregate {
    public function __construct(private Traversable $it) {}
    public function getIterator(): Traversable { return $this->it; }
}

$rows = [['a', $vip], ['b', []], [7, ['id' => 'z'] + $vip], [8, $vip], ['a', $vip]];
$it = new Rows($rows);
var_dump($e->filter('vip', $it, $now));
var_dump(in_array('rewind', $it->calls, true));

// IteratorAggregate, nested IteratorAggregate, IteratorAggregate over a generator
var_dump($e->filter('vip', new Table(new Rows($rows)), $now) === ['a', 'z', 8, 'a']);
var_dump($e->filter('vip', new Table(new Table(new Rows($rows))), $now) === ['a', 'z', 8, 'a']);
var_dump($e->filter('vip', new Table((function () use ($vip) { yield 'g' => $vip; yield 'h' => []; })()), $now));

// SPL iterators
var_dump($e->filter('vip', new ArrayIterator(['p' => $vip, 'q' => [], 'r' => ['id' => 3] + $vip]), $now));
var_dump($e->filter('vip', new ArrayObject(['p' => $vip, 'q' => []]), $now));
var_dump($e->filter('vip', new LimitIterator(new ArrayIterator([$vip, $vip, $vip, $vip]), 1, 2), $now));

// empty iterators
var_dump($e->filter('vip', new Rows([]), $now));
var_dump($e->filter('vip', new ArrayIterator([]), $now));
var_dump($e->filter('vip', new EmptyIterator(), $now));
var_dump($e->filter('vip', new Table(new ArrayIterator([])), $now));
?>
--EXPECT--
array(4) {
  [0]=>
  string(1) "a"
  [1]=>
  string(1) "z"
  [2]=>
  int(8)
  [3]=>
  string(1) "a"
}
bool(true)
bool(true)
bool(true)
array(1) {
  [0]=>
  string(1) "g"
}
array(2) {
  [0]=>
  string(1) "p"
  [1]=>
  int(3)
}
array(1) {
  [0]=>
  string(1) "p"
}
array(2) {
  [0]=>
  int(1)
  [1]=>
  int(2)
}
array(0) {
}
array(0) {
}
array(0) {
}
array(0) {
}
