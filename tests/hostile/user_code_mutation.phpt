--TEST--
Hostile: user code run while input is read (getTimestamp()) frees or rewrites values through references
--EXTENSIONS--
loyalty
--INI--
date.timezone=UTC
--FILE--
<?php
use Loyalty\{Engine, Program, Ledger};
$now = 1700000000;

// A date that drops the last reference to itself from inside getTimestamp(), then uses $this.
class SelfDrop extends DateTimeImmutable {
    public static array $log = [];
    public $tag;
    public function getTimestamp(): int {
        $GLOBALS['d'] = null;
        $this->tag = str_repeat('x', 64);
        self::$log[] = strlen($this->tag);
        return parent::getTimestamp();
    }
}
$e = new Engine(['segments' => ['recent' => 'days_since_first_order < 30'],
    'loyalty' => ['earn' => ['per_amount' => 100]]]);
$d = new SelfDrop('@1699000000');
$c = ['orders' => 1, 'first_order' => &$d];
echo implode(',', $e->segmentsOf($c, $now)), "\n";
$d = new SelfDrop('@1699000000');
$c = ['orders' => 1, 'first_order' => &$d];
echo implode(',', $e->filter('recent', ['a' => $c, 'b' => ['orders' => 1, 'first_order' => 1]], $now)), "\n";
$d = new SelfDrop('@1699000000');
$c = ['orders' => 1, 'last_order' => &$d];
echo $e->evaluate(['subtotal' => 1000], $c, $now)->pointsEarned, "\n";
$d = new SelfDrop('@1699000000');
$l = new Ledger(Program::fromArray([]), [['type' => 'grant', 'points' => 4, 'at' => &$d]]);
echo $l->balance($now), ' ', json_encode(SelfDrop::$log), "\n";

// A later entry's date overwrites an earlier entry's ref (and then the whole entry) through references.
class Rewrite extends DateTimeImmutable {
    public function getTimestamp(): int {
        $GLOBALS['ref'] = 'short';
        $GLOBALS['entry']['ref'] = 'gone';
        return 50;
    }
}
$ref = str_repeat('order-', 10);
$entry = ['type' => 'earn', 'points' => 2, 'at' => 20, 'ref' => str_repeat('second-', 5)];
$entries = [
    ['type' => 'earn', 'points' => 1, 'at' => 10, 'ref' => &$ref],
    &$entry,
    ['type' => 'earn', 'points' => 3, 'at' => new Rewrite('@1')],
];
$l = new Ledger(Program::fromArray([]), $entries);
echo implode(' | ', array_column($l->entries(), 'ref')), "\n";
// the same through a customer's ledger entries
$ref = str_repeat('order-', 10);
$entry = ['type' => 'earn', 'points' => 2, 'at' => 20, 'ref' => str_repeat('second-', 5)];
$p = new Engine(['segments' => ['rich' => 'points >= 6']]);
var_dump($p->inSegment('rich', ['ledger' => $entries], $now));

// getTimestamp() rewrites fields of the customer being read: the values read are those after it ran
class Meddle extends DateTimeImmutable {
    public function getTimestamp(): int {
        $GLOBALS['city'] = 'Lyon';
        $GLOBALS['groups'] = 'not a list';
        $GLOBALS['row'] = 'not a customer';
        return 1;
    }
}
$g = new Engine(['segments' => ['paris' => "city == 'Paris'", 'vip' => "'VIP' in groups"]]);
$city = 'Paris';
echo implode(',', $g->segmentsOf(['first_order' => new Meddle('@1'), 'city' => &$city], $now)), "\n";
$groups = ['VIP'];
try {
    $g->segmentsOf(['first_order' => new Meddle('@1'), 'groups' => &$groups], $now);
} catch (Loyalty\InputException $x) {
    echo get_class($x), ': ', $x->getMessage(), "\n";
}
$row = ['groups' => ['VIP']];
$rows = ['first' => ['first_order' => new Meddle('@1')], 'second' => &$row];
try {
    $g->filter('first_order_recent', $rows, $now); // a segment that reads the dates, so that Meddle runs
} catch (Loyalty\InputException $x) {
    echo get_class($x), ': ', $x->getMessage(), "\n";
}
// the engines still answer normally
echo implode(',', $g->segmentsOf(['city' => 'Paris', 'groups' => ['VIP']], $now)), "\n";
?>
--EXPECT--
all,customers,first_order_recent,recent
a
10
4 [64,64,64,64]
order-order-order-order-order-order-order-order-order-order- | second-second-second-second-second- | 
bool(true)
all,no_orders
Loyalty\InputException: customer.groups: expected list of strings, got string
Loyalty\InputException: customers[second]: expected array, got string
all,no_orders,paris,vip
