--TEST--
Ledger: every date parameter takes an int, a date string (strtotime) or a DateTimeInterface
--EXTENSIONS--
loyalty
--INI--
date.timezone=Europe/Paris
--FILE--
<?php
use Loyalty\{Program, Ledger};
const D = 86400;
$b = gmmktime(0, 0, 0, 1, 1, 2026);           // 2026-01-01 00:00:00 UTC = 01:00 in Paris
$p = Program::fromArray(['loyalty' => ['expiry' => ['days' => 10, 'mode' => 'per_lot', 'warn_days' => [2]],
    'rewards' => ['threshold' => 100, 'coupon' => ['discount' => 5, 'valid_days' => 1]]]]);
$l = new Ledger($p);
$l->earn(100, $b);
$l->earn(10, '2026-01-02 01:00:00');                            // local time: b + 1 day
$l->grant(20, new DateTimeImmutable('2026-01-03 00:00:00', new DateTimeZone('UTC')));
$l->spend(5, new DateTime('@' . ($b + 3 * D)));
$l->earn(1, '2026-01-05T00:00:00Z');
echo json_encode(array_map(fn($e) => ($e['at'] - $b) / D, $l->entries())), "\n";
// the same instant in every form gives the same answers
$forms = [$b + 4 * D, '2026-01-05 01:00:00', '2026-01-05 00:00:00 UTC', new DateTimeImmutable('@' . ($b + 4 * D)),
    new DateTime('2026-01-05 01:00:00')];
$answers = [];
foreach ($forms as $f) {
    $answers[] = json_encode([$l->balance($f), $l->pending($f), $l->expiring($f), $l->warningsDue($b, $f)]);
}
var_dump(count(array_unique($answers)));
echo $answers[0], "\n";
var_dump($l->warningsDue('2026-01-09 01:00:00', new DateTimeImmutable('@' . ($b + 9 * D))) === [['days_before' => 2, 'points' => 10, 'expires_at' => $b + 11 * D]]);
$c = $l->issueRewards('2026-01-05 01:00:00');
var_dump($c[0]['expires_at'] === $b + 5 * D);

// a string it cannot read is an InputException
foreach (['earn', 'grant', 'spend'] as $m) {
    try {
        $l->$m(1, 'the day after tomorrow-ish');
    } catch (Loyalty\InputException $e) {
        echo $m, ': ', $e->getMessage(), "\n";
    }
}
foreach ([fn() => $l->balance('nope'), fn() => $l->pending(''), fn() => $l->expiring('2026-13-45'), fn() => $l->warningsDue('never', $b),
    fn() => $l->warningsDue($b, 'not a date'), fn() => $l->issueRewards('tomorrow-ish')] as $i => $f) {
    try {
        $f();
        echo "$i: no exception\n";
    } catch (Loyalty\InputException $e) {
        echo "$i: InputException ", str_contains($e->getMessage(), 'invalid date') ? 'invalid date' : $e->getMessage(), "\n";
    }
}
echo count($l->entries()), "\n";
?>
--EXPECT--
[0,1,2,3,4]
int(1)
[126,0,[{"points":95,"expires_at":1768089600},{"points":10,"expires_at":1768176000},{"points":20,"expires_at":1768262400},{"points":1,"expires_at":1768435200}],[]]
bool(true)
bool(true)
earn: at: invalid date 'the day after tomorrow-ish'
grant: at: invalid date 'the day after tomorrow-ish'
spend: at: invalid date 'the day after tomorrow-ish'
0: InputException invalid date
1: InputException invalid date
2: InputException invalid date
3: InputException invalid date
4: InputException invalid date
5: InputException invalid date
6
