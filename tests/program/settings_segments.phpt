--TEST--
Program: valid segment names and empty segment objects
--EXTENSIONS--
loyalty
--FILE--
<?php
// Valid segment names: letters, digits, '_' and '-', 1..64 chars, not starting with a digit or '-'
$names = ['a', '_x', 'x-', 'vip_paris', 'Pro-2', 'ALL', 'Loyal', str_repeat('a', 64)];
$segments = [];
foreach ($names as $n) {
    $segments[$n] = 'orders > 1';
}
$p = Loyalty\Program::fromArray(['segments' => $segments]);
var_dump(array_keys($p->toArray()['segments']) === $names);
var_dump(array_slice($p->segmentNames(), 6) === $names);

// An empty PHP array, null, or JSON [] / {} count as "no custom segment"
foreach ([['segments' => []], ['segments' => null]] as $s) {
    var_dump(Loyalty\Program::fromArray($s)->toArray()['segments']);
}
var_dump(Loyalty\Program::fromJson('{"segments": {}}')->toArray()['segments']);
var_dump(Loyalty\Program::fromJson('{"segments": []}')->toArray()['segments']);

// segment() may reference a segment defined later in the object
$p = Loyalty\Program::fromArray(['segments' => [
    'vip_paris' => "segment('vip') and city == 'Paris'",
    'vip' => "'VIP' in groups",
]]);
$e = new Loyalty\Engine($p);
var_dump($e->inSegment('vip_paris', ['groups' => ['VIP'], 'city' => 'Paris']));
var_dump($e->inSegment('vip_paris', ['groups' => ['VIP'], 'city' => 'Lyon']));
--EXPECT--
bool(true)
bool(true)
array(0) {
}
array(0) {
}
array(0) {
}
array(0) {
}
bool(true)
bool(false)
