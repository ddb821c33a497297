--TEST--
Hostile: a DateTimeInterface whose getTimestamp() throws (or that skipped its constructor) in every date position: the exception passes through, nothing changes
--EXTENSIONS--
loyalty
--INI--
date.timezone=UTC
--FILE--
<?php
use Loyalty\{Engine, Program, Ledger};
class Boom extends DateTimeImmutable {
    public function getTimestamp(): int { throw new RuntimeException('boom from ' . static::class, 7); }
}
class MutableBoom extends DateTime {
    public function getTimestamp(): int { throw new LogicException('mutable boom'); }
}
class NoConstructor extends DateTimeImmutable {
    public function __construct() {}   // parent never initialized
}
// PHP's own error for a date that skipped its constructor, as getTimestamp() throws it (its class
// and wording are PHP's: an Error until 8.3, a DateObjectError naming the class from 8.4)
try {
    (new NoConstructor)->getTimestamp();
} catch (Error $t) {
    $uninitialized = get_class($t) . ' ' . $t->getMessage();
}
function attempt(string $label, callable $f) {
    global $uninitialized;
    try {
        $r = $f();
        echo "$label: returned ", json_encode($r), "\n";
    } catch (Throwable $t) {
        $thrown = get_class($t) . ' ' . $t->getMessage();
        echo "$label: ", $thrown === $uninitialized ? "PHP's uninitialized-date error" : $thrown, "\n";
    }
}
$now = 1700000000;
$p = Program::fromArray(['segments' => ['recent' => 'days_since_last_order < 30'],
    'loyalty' => ['earn' => ['per_amount' => 100], 'brackets' => [['from' => 1, 'discount' => 10]],
        'expiry' => ['days' => 30, 'warn_days' => [7]], 'rewards' => ['threshold' => 5, 'coupon' => ['discount' => 100]]]]);
$e = new Engine($p);

echo "--- engine\n";
foreach ([new Boom('@1'), new MutableBoom('@1'), new NoConstructor] as $bad) {
    $n = get_class($bad);
    attempt("evaluate now $n", fn() => $e->evaluate(['subtotal' => 1000], [], $bad));
    attempt("evaluate first_order $n", fn() => $e->evaluate(['subtotal' => 1000], ['orders' => 1, 'first_order' => $bad], $now));
    attempt("segmentsOf ledger at $n", fn() => $e->segmentsOf(['ledger' => [['type' => 'earn', 'points' => 1, 'at' => $bad]]], $now));
    attempt("filter last_order $n", fn() => $e->filter('recent', ['a' => ['last_order' => $now], 'b' => ['last_order' => $bad]], $now));
}

echo "--- ledger\n";
$l = new Ledger($p);
$l->earn(20, $now - 86400, 'o1');
$before = $l->entries();
foreach ([new Boom('@1'), new NoConstructor] as $bad) {
    $n = get_class($bad);
    attempt("construct $n", fn() => new Ledger($p, [['type' => 'earn', 'points' => 1, 'at' => 1], ['type' => 'spend', 'points' => 1, 'at' => $bad]]));
    attempt("earn $n", fn() => $l->earn(5, $bad, 'o2'));
    attempt("grant $n", fn() => $l->grant(5, $bad));
    attempt("spend $n", fn() => $l->spend(5, $bad));
    attempt("balance $n", fn() => $l->balance($bad));
    attempt("pending $n", fn() => $l->pending($bad));
    attempt("expiring $n", fn() => $l->expiring($bad));
    attempt("warningsDue from $n", fn() => $l->warningsDue($bad, $now));
    attempt("warningsDue to $n", fn() => $l->warningsDue($now, $bad));
    attempt("issueRewards $n", fn() => $l->issueRewards($bad));
}
var_dump($l->entries() === $before);
echo $l->balance($now), ' ', count($l->issueRewards($now)), ' ', $l->balance($now), "\n";
// the exception object is the one thrown, unchanged
$boom = new Boom('@1');
try { $e->segmentsOf([], $boom); } catch (RuntimeException $t) { var_dump($t->getCode(), $t->getPrevious(), $t->getTrace()[0]['function']); }
?>
--EXPECT--
--- engine
evaluate now Boom: RuntimeException boom from Boom
evaluate first_order Boom: RuntimeException boom from Boom
segmentsOf ledger at Boom: RuntimeException boom from Boom
filter last_order Boom: RuntimeException boom from Boom
evaluate now MutableBoom: LogicException mutable boom
evaluate first_order MutableBoom: LogicException mutable boom
segmentsOf ledger at MutableBoom: LogicException mutable boom
filter last_order MutableBoom: LogicException mutable boom
evaluate now NoConstructor: PHP's uninitialized-date error
evaluate first_order NoConstructor: PHP's uninitialized-date error
segmentsOf ledger at NoConstructor: PHP's uninitialized-date error
filter last_order NoConstructor: PHP's uninitialized-date error
--- ledger
construct Boom: RuntimeException boom from Boom
earn Boom: RuntimeException boom from Boom
grant Boom: RuntimeException boom from Boom
spend Boom: RuntimeException boom from Boom
balance Boom: RuntimeException boom from Boom
pending Boom: RuntimeException boom from Boom
expiring Boom: RuntimeException boom from Boom
warningsDue from Boom: RuntimeException boom from Boom
warningsDue to Boom: RuntimeException boom from Boom
issueRewards Boom: RuntimeException boom from Boom
construct NoConstructor: PHP's uninitialized-date error
earn NoConstructor: PHP's uninitialized-date error
grant NoConstructor: PHP's uninitialized-date error
spend NoConstructor: PHP's uninitialized-date error
balance NoConstructor: PHP's uninitialized-date error
pending NoConstructor: PHP's uninitialized-date error
expiring NoConstructor: PHP's uninitialized-date error
warningsDue from NoConstructor: PHP's uninitialized-date error
warningsDue to NoConstructor: PHP's uninitialized-date error
issueRewards NoConstructor: PHP's uninitialized-date error
bool(true)
20 4 0
int(7)
NULL
string(12) "getTimestamp"
