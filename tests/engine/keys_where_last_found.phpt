--TEST--
Customer keys are looked for first where the array before held them: other orders, deleted keys (holes), keys added again and lists give the answers of a fresh array
--EXTENSIONS--
loyalty
--FILE--
<?php
// The reader remembers the place (Bucket) where each key was found and looks there first in the
// next array. Whatever the arrays before it, a customer must read as the same customer rebuilt fresh.
$engine = new Loyalty\Engine(json_encode(['segments' => [
    'big' => 'spent >= 50000 and city == "Paris"',
    'many' => 'orders >= 5',
]]));
$now = strtotime('2026-06-15 12:00:00 UTC');
$base = ['id' => 1, 'orders' => 7, 'spent' => 60000, 'city' => 'Paris', 'last_order' => '2026-06-01 10:00:00'];

$variants = [];
$variants['as written'] = $base;
$variants['reversed'] = array_reverse($base, true);
$c = $base; unset($c['orders']);                      // a hole where orders was
$variants['orders deleted'] = $c;
$c = $base; unset($c['orders']); $c['orders'] = 2;    // the hole, and orders again at the end
$variants['orders deleted, added again'] = $c;
$c = $base; unset($c['spent'], $c['city']); $c['city'] = 'Lyon'; $c['spent'] = 90000;
$variants['two moved'] = $c;
$c = ['x' => 1, 'y' => 2] + $base;                     // every key one place further
$variants['shifted'] = $c;
$c = $base; $c[5] = 'an int key'; unset($c[5]);
$variants['int key, deleted'] = $c;
$variants['empty'] = [];
$variants['a list'] = [1, 2, 3];                        // packed: no string key at all
$orders = 9; $c = $base; $c['orders'] = &$orders;
$variants['a reference'] = $c;
$c = $base; $c['city'] = null;
$variants['null city'] = $c;

$answer = function (array $customer) use ($engine, $now) {
    try {
        return json_encode($engine->segmentsOf($customer, $now)) . ' ' . json_encode($engine->filter('many', [$customer], $now));
    } catch (Loyalty\InputException $e) {
        return 'InputException: ' . $e->getMessage();
    }
};
mt_srand(5);
$names = array_keys($variants);
$bad = 0;
for ($round = 0; $round < 400; $round++) {
    $name = $names[mt_rand(0, count($names) - 1)];
    $fresh = json_decode(json_encode($variants[$name]), true);  // the same content, laid out anew
    if ($answer($variants[$name]) !== $answer($fresh)) {
        $bad++;
        echo "$name: ", $answer($variants[$name]), ' fresh: ', $answer($fresh), "\n";
    }
}
echo "400 rounds, $bad differ\n";
foreach ($variants as $name => $customer) {
    printf("%-28s %s\n", $name, $answer($customer));
}
?>
--EXPECT--
400 rounds, 0 differ
as written                   ["all","big","customers","loyal","many"] [1]
reversed                     ["all","big","customers","loyal","many"] [1]
orders deleted               ["all","big","no_orders"] []
orders deleted, added again  ["all","big","customers","loyal"] []
two moved                    ["all","customers","loyal","many"] [1]
shifted                      ["all","big","customers","loyal","many"] [1]
int key, deleted             ["all","big","customers","loyal","many"] [1]
empty                        ["all","no_orders"] []
a list                       ["all","no_orders"] []
a reference                  ["all","big","customers","loyal","many"] [1]
null city                    ["all","customers","loyal","many"] [1]