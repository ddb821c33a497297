<?php
/*
 * One request of the threaded host (tests/threads/host.c): settings that every thread compiles
 * (the same JSON), settings of this thread only, and settings that rotate with the request
 * number (more than loyalty.cache_size, so that each thread's program cache evicts while
 * Program objects still hold what it evicted); evaluations whose answers are known, segments,
 * filter() over a generator, a ledger, a serialized program, an error. One "ok ..." line per
 * check, "done" at the end; anything else fails the request.
 */
declare(strict_types=1);

$thread = (int) $_SERVER['LOYALTY_THREAD'];
$request = (int) $_SERVER['LOYALTY_REQUEST'];

function check(string $what, bool $ok, string $detail = ''): void
{
    echo $ok ? "ok $what\n" : "FAIL $what $detail\n";
}

/* Settings whose VIP advantage takes $percent % off; the timezone and the schedule make the
 * local-time tables (one per thread) work too. */
function settings(int $percent, string $zone): string
{
    return json_encode([
        'timezone' => $zone,
        'segments' => ['vip' => "'VIP' in groups or spent >= 100000", 'recent' => 'days_since_last_order < 30'],
        'advantages' => [
            ['id' => "vip$percent", 'segment' => 'vip', 'tiers' => [['discount_percent' => $percent]]],
            ['id' => 'weekend', 'segment' => 'all', 'days' => ['sat', 'sun'], 'combinable' => true,
                'tiers' => [['discount' => 100]]],
        ],
        'loyalty' => ['earn' => ['per_amount' => 100, 'points' => 1], 'brackets' => [['from' => 10, 'discount' => 50]],
            'expiry' => ['days' => 365, 'mode' => 'rolling']],
    ]);
}

$zones = ['Europe/Paris', 'America/New_York', 'Asia/Kathmandu', 'Australia/Lord_Howe'];
$now = 1700000000 + 86400 * ($request % 7);  // 2023-11-14 22:13 UTC, then the days after it
$cart = ['lines' => [['sku' => 'A', 'qty' => 2, 'price' => 1250], ['sku' => 'B', 'qty' => 1, 'price' => 2500]]];
$variants = [
    'shared' => [10, 'Europe/Paris'],
    'shared too' => [20, 'America/New_York'],
    'own' => [30 + $thread, $zones[$thread % 4]],
    'rotating' => [50 + $request % 9, $zones[$request % 4]],
];
$kept = [];
foreach ($variants as $what => [$percent, $zone]) {
    $engine = new Loyalty\Engine(settings($percent, $zone));
    $kept[] = $engine;                         // still referenced when the cache evicts
    $r = $engine->evaluate($cart, ['groups' => ['VIP']], $now);
    $local = new DateTimeImmutable("@$now");
    $weekend = in_array($local->setTimezone(new DateTimeZone($zone))->format('D'), ['Sat', 'Sun'], true);
    $discount = 50 * $percent + ($weekend ? 100 : 0);
    check("$what: evaluate ($percent%, $zone)", $r->subtotal === 5000 && $r->discount === $discount
        && $r->total === 5000 - $discount && in_array('vip', $r->segments, true),
        json_encode($r->toArray()));
    $segments = $engine->segmentsOf(['spent' => 150000, 'orders' => 3, 'last_order' => $now - 86400], $now);
    check("$what: segmentsOf", array_intersect(['recent', 'vip'], $segments) === ['recent', 'vip'], json_encode($segments));
}

// the same settings again: answered by this thread's cache, the same program
$again = new Loyalty\Engine(settings(10, 'Europe/Paris'));
check('cached program evaluates alike', $again->evaluate($cart, ['groups' => ['VIP']], $now)->total
    === $kept[0]->evaluate($cart, ['groups' => ['VIP']], $now)->total);

// filter() over a generator
$rows = (function () use ($now) {
    for ($i = 0; $i < 200; $i++) {
        yield ['id' => $i, 'spent' => $i * 1000, 'last_order' => $now - 86400 * ($i % 60)];
    }
})();
$ids = $kept[2]->filter('vip', $rows, $now);
check('filter', $ids === range(100, 199));

// a ledger
$program = $kept[2]->program();
$ledger = new Loyalty\Ledger($program);
$ledger->earn(120, $now - 86400 * 10, "order-$thread-$request");
$ledger->spend(20, $now - 86400, 'cart');
check('ledger', $ledger->balance($now) === 100 && count($ledger->entries()) === 2);

// a program through serialize() (compiled again) and toArray()
$copy = unserialize(serialize($program));
check('serialized program', $copy == $program && $copy->toArray() === $program->toArray());

// settings that do not compile, the same and a different error in every thread
try {
    new Loyalty\Engine('{"segments": {"bad": "orders >>> ' . $thread . '"}}');
    check('bad settings throw', false);
} catch (Loyalty\ExpressionException $e) {
    check('bad settings throw', str_starts_with($e->getMessage(), 'segments.bad'), $e->getMessage());
}

// now and then a smaller cache, for the rest of this request
if ($request % 5 === 4) {
    ini_set('loyalty.cache_size', '1');
    $one = new Loyalty\Engine(settings(11, 'UTC'));
    check('cache resized', $one->evaluate($cart, ['groups' => ['VIP']], 1700000000)->discount === 550);
}
echo "done\n";
