--TEST--
Engine::filter(): id null is a missing id (the key is returned); an id of another type is an InputException
--EXTENSIONS--
loyalty
--FILE--
<?php
use Loyalty\Engine;

$now = 1700000000;
$e = new Engine([]);
$show = function (iterable $list) use ($e, $now) {
    try {
        echo json_encode($e->filter('all', $list, $now)), "\n";
    } catch (Loyalty\InputException $t) {
        printf("%d %s\n", $t->getCode(), $t->getMessage());
    }
};
// decisions.md: "null is the same as a missing key"
$show(['a' => ['id' => null], 'b' => ['id' => 5]]);
$show([3 => ['id' => null, 'orders' => 1]]);
// wrong id types
$show([['id' => 1.5]]);
$show(['x' => ['id' => true]]);
$show(['x' => ['id' => [1]]]);
$show(['x' => ['id' => new stdClass]]);
?>
--EXPECT--
["a",5]
[3]
3 customers[0].id: expected int or string, got float
3 customers[x].id: expected int or string, got bool
3 customers[x].id: expected int or string, got array
3 customers[x].id: expected int or string, got stdClass
