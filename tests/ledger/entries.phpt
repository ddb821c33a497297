--TEST--
Ledger::entries(): time order, int dates, and a round trip through the constructor and through JSON
--EXTENSIONS--
loyalty
--INI--
date.timezone=UTC
--FILE--
<?php
use Loyalty\{Program, Ledger};
const D = 86400;
$b = gmmktime(0, 0, 0, 1, 1, 2026);
$p = Program::fromArray(['loyalty' => ['expiry' => ['days' => 60, 'mode' => 'per_lot', 'warn_days' => [10]], 'pending_days' => 3,
    'rewards' => ['threshold' => 50, 'coupon' => ['discount' => 500]]]]);
$l = new Ledger($p);
$l->earn(80, $b + 2 * D, 'order #2 "é"');
$l->grant(30, '2026-01-01 08:00:00', 'welcome');
$l->earn(45, new DateTimeImmutable('2026-01-20 10:00:00'), 'o3');
$l->spend(20, $b + 10 * D, 'cart');
$coupons = $l->issueRewards($b + 25 * D);
$e = $l->entries();
echo json_encode(array_map(fn($x) => [$x['type'], $x['points'], $x['at'] - $b, $x['ref'] === '' ? '' : substr($x['ref'], 0, $x['type'] === 'reward' ? 4 : 8)], $e),
    JSON_UNESCAPED_UNICODE), "\n";
var_dump(array_is_list($e), array_keys($e[0]) === ['type', 'points', 'at', 'ref']);
var_dump(array_sum(array_map(fn($x) => is_int($x['at']) ? 1 : 0, $e)) === count($e));
echo count($coupons), ' ', $l->balance($b + 25 * D), "\n";

function same(Ledger $a, Ledger $b2, int $b): bool {
    if ($a->entries() !== $b2->entries()) return false;
    for ($t = $b - D; $t < $b + 120 * D; $t += 43200) {
        if ([$a->balance($t), $a->pending($t), $a->expiring($t)] !== [$b2->balance($t), $b2->pending($t), $b2->expiring($t)]) return false;
    }
    return $a->warningsDue($b - D, $b + 200 * D) === $b2->warningsDue($b - D, $b + 200 * D);
}
// constructor
$r = new Ledger($p, $e);
var_dump($r->entries() === $e, same($l, $r, $b));
// JSON, as a shop stores it
$json = json_encode($e);
$j = new Ledger($p, json_decode($json, true));
var_dump($j->entries() === $e, same($l, $j, $b));
// and again, after another round
$k = new Ledger($p, json_decode(json_encode($j->entries()), true));
var_dump(same($l, $k, $b));
// entries with date strings and objects in the constructor come back as ints; ref optional or null
$m = new Ledger($p, [
    ['type' => 'earn', 'points' => 1, 'at' => '2026-01-01 00:00:00'],
    ['type' => 'grant', 'points' => 2, 'at' => new DateTime('2026-01-02'), 'ref' => null],
    ['at' => $b + 3 * D, 'ref' => 'x', 'points' => 3, 'type' => 'spend'],   // any key order
]);
echo json_encode($m->entries()), "\n";
?>
--EXPECT--
[["grant",30,28800,"welcome"],["earn",80,172800,"order #2"],["spend",20,864000,"cart"],["earn",45,1677600,"o3"],["reward",100,2160000,"LTY-"]]
bool(true)
bool(true)
bool(true)
2 35
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
[{"type":"earn","points":1,"at":1767225600,"ref":""},{"type":"grant","points":2,"at":1767312000,"ref":""},{"type":"spend","points":3,"at":1767484800,"ref":"x"}]
