--TEST--
Engine methods called again from inside filter() (generator, DateTimeInterface subclass) give correct results
--EXTENSIONS--
loyalty
--FILE--
<?php
use Loyalty\Engine;

$now = 1700000000;
$e = new Engine(['segments' => ['vip' => "'VIP' in groups and city == 'Paris'", 'gold' => "attr.t == 'gold'"]]);
$match = ['groups' => ['VIP'], 'city' => 'Paris', 'attributes' => ['t' => 'gold']];

// the generator uses the same engine between two items
$gen = function () use ($e, $now, $match) {
    for ($i = 0; $i < 6; $i++) {
        $inner = $e->segmentsOf($match, $now);
        $innerIds = $e->filter('vip', ['in' => $match, 'out' => []], $now);
        if ($inner !== ['all', 'gold', 'no_orders', 'vip'] || $innerIds !== ['in']) { echo "inner call wrong\n"; }
        try { $e->segmentsOf(['groups' => [1]], $now); } catch (Loyalty\InputException $t) {}
        yield "c$i" => ['groups' => $i % 2 ? ['VIP'] : ['pro'], 'city' => $i % 3 ? 'Paris' : 'Lyon', 'attributes' => ['t' => 'x']];
    }
};
var_dump($e->filter('vip', $gen(), $now));

// a date object whose getTimestamp() uses the engine while the outer customer is being read
class ReDate extends DateTimeImmutable {
    public static Engine $e;
    public static array $other;
    public function getTimestamp(): int {
        self::$e->segmentsOf(self::$other, 1700000000);
        return parent::getTimestamp();
    }
}
ReDate::$e = $e;
ReDate::$other = $match;
echo implode(',', $e->segmentsOf(['groups' => ['pro'], 'city' => 'Lyon', 'orders' => 1,
    'first_order' => new ReDate('@1699990000'), 'last_order' => new ReDate('@1699990000')], $now)), "\n";
var_dump($e->filter('vip', [
    'a' => ['groups' => ['VIP'], 'city' => 'Lyon', 'last_order' => new ReDate('@1699990000')],
    'b' => ['groups' => ['VIP'], 'city' => 'Paris', 'first_order' => new ReDate('@1')],
    'c' => ['groups' => [], 'city' => 'Paris', 'first_order' => new ReDate('@1')],
], $now));
?>
--EXPECT--
array(2) {
  [0]=>
  string(2) "c1"
  [1]=>
  string(2) "c5"
}
all,customers,first_order_recent
array(1) {
  [0]=>
  string(1) "b"
}
