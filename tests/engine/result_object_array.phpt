--TEST--
Arrays made with (array) $object share the object's property table, which array_walk() on the object writes in place: a Result read late still gives the customer's segments at evaluate() (its strings are held), and its lines stay as many as the cart's, a line changed into a non-array reading with a null sku (found by review: a crash before)
--EXTENSIONS--
loyalty
--FILE--
<?php
$engine = new Loyalty\Engine([
    'segments' => ['paris' => "city == 'Paris'", 'pro' => "'pro' in groups", 'staff' => "attr.role == 'Staff'"],
    'advantages' => [['id' => 'a', 'segment' => 'all', 'tiers' => [['discount' => 100]]]],
]);
$now = 1700000000;
$s = fn(string $x) => implode('', str_split($x)); // not interned

// the customer itself
$o = new stdClass;
$o->orders = 1;
$o->city = $s('Paris');
$r = $engine->evaluate(['subtotal' => 1000], (array) $o, $now);
array_walk($o, function (&$v, $k) use ($s) { if ($k === 'city') { $v = $s('Lyon'); } });
echo implode(' ', $r->segments), "\n";

// a wrong type written in, then read late: no exception from reading a property
$o = new stdClass;
$o->orders = 1;
$o->groups = [$s('pro')];
$r = $engine->evaluate(['subtotal' => 1000], (array) $o, $now);
array_walk($o, function (&$v, $k) { if ($k === 'groups') { $v = 42; } });
echo implode(' ', $r->segments), "\n";
echo implode(' ', $r->segments), "\n"; // the same on a second read

// a list and the attributes, each an object's table
$g = new stdClass;
$g->a = $s('pro');
$at = new stdClass;
$at->role = $s('Staff');
$r = $engine->evaluate(['subtotal' => 1000], ['orders' => 1, 'groups' => (array) $g, 'attributes' => (array) $at], $now);
array_walk($g, function (&$v) use ($s) { $v = $s('none'); });
array_walk($at, function (&$v) use ($s) { $v = $s('buyer'); });
unset($g, $at);
echo implode(' ', $r->segments), "\n";

// cart lines
$lo = new stdClass;
$lo->a = ['sku' => 'A', 'qty' => 1, 'price' => 1000];
$lo->b = ['sku' => 'B', 'qty' => 2, 'price' => 500];
$r = $engine->evaluate(['lines' => (array) $lo], ['orders' => 1], $now);
array_walk($lo, function (&$v, $k) { if ($k === 'a') { $v = 'not a line'; } });
foreach ($r->lines as $i => $line) {
    // PHP 8.2 writes the shared table in place (the line is gone: null); later versions separate it ('A')
    echo $i === 0 ? (in_array($line['sku'], [null, 'A'], true) ? 'null or A' : var_export($line['sku'], true)) : $line['sku'], "\n";
    echo $line['amount'], ' ', $line['discount'], "\n";
}
?>
--EXPECT--
all customers paris
all customers pro
all customers pro
all customers pro staff
null or A
1000 50
B
1000 50
