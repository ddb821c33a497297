--TEST--
Ledger::__construct(): with no entries or an empty entries array
--EXTENSIONS--
loyalty
--FILE--
<?php
use Loyalty\{Program, Ledger, Engine};
const D = 86400;
$b = gmmktime(0, 0, 0, 1, 1, 2026);
$p = Program::fromArray(['loyalty' => ['expiry' => ['days' => 30]]]);

$l = new Ledger($p);
var_dump($l->entries(), $l->balance($b), $l->pending($b), $l->expiring($b));
echo "no entries: ok\n";

// an explicit empty list, literal or built at run time
$m = new Ledger($p, []);
var_dump($m->entries(), $m->balance($b));
$empty = array_filter([1], fn() => false);
$n = new Ledger($p, $empty);
var_dump($n->entries());
$m->earn(5, $b);
echo $m->balance($b), "\n";

// the class is final, and not a Loyalty\Exception or anything else
$rc = new ReflectionClass(Ledger::class);
var_dump($rc->isFinal());
?>
--EXPECT--
array(0) {
}
int(0)
int(0)
array(0) {
}
no entries: ok
array(0) {
}
int(0)
array(0) {
}
5
bool(true)
