--TEST--
Checkout: starts_at / ends_at, days and hours in the program's timezone; schedule after disabled, before used_up; missing = seconds until the start (SPEC 11, 13)
--EXTENSIONS--
loyalty
--FILE--
<?php
use Loyalty\Engine;

$paris = new DateTimeZone('Europe/Paris');
$at = fn(string $local) => (new DateTimeImmutable($local, $paris))->getTimestamp();
$e = new Engine(['timezone' => 'Europe/Paris', 'advantages' => [
    ['id' => 'xmas', 'starts_at' => '2026-12-24 00:00:00', 'ends_at' => '2026-12-27', 'tiers' => [['discount' => 500]]],
    ['id' => 'friday', 'days' => ['fri'], 'hours' => '18:00-02:00', 'combinable' => true, 'tiers' => [['discount' => 100]]],
    ['id' => 'weekend', 'days' => ['sat', 'sun'], 'combinable' => true, 'tiers' => [['discount' => 50]]],
    ['id' => 'lunch', 'hours' => '12:00-14:00', 'combinable' => true, 'tiers' => [['discount' => 10]]],
    ['id' => 'allday', 'hours' => '00:00-24:00', 'combinable' => true, 'tiers' => [['discount' => 1]]],
]]);
foreach (['2026-12-20 10:00:00', '2026-12-23 23:59:59', '2026-12-24 00:00:00', '2026-12-24 13:59:59', '2026-12-25 17:59:59',
          '2026-12-25 18:00:00', '2026-12-26 01:59:59', '2026-12-26 02:00:00', '2026-12-26 12:00:00',
          '2026-12-27 00:00:00', '2026-12-27 01:00:00', '2026-12-28 00:30:00', '2027-01-10 12:00:00'] as $when) {
    $r = $e->evaluate(['subtotal' => 10000], [], $at($when));
    printf("%s %s: %s | %s\n", $when, (new DateTimeImmutable($when, $paris))->format('D'), implode(',', array_column($r->applied, 'id')),
        implode(' / ', array_map(fn($x) => "{$x['id']} " . $x['message'] . (isset($x['missing']) ? " [missing {$x['missing']}]" : ''), $r->rejected)));
}
// DST: Friday 18:00 in Paris is 17:00 UTC in winter, 16:00 UTC in summer
foreach (['2026-06-05 15:30:00', '2026-06-05 16:30:00', '2026-12-04 16:30:00', '2026-12-04 17:30:00'] as $utc) {
    $now = (new DateTimeImmutable($utc, new DateTimeZone('UTC')))->getTimestamp();
    $ids = array_column($e->evaluate(['subtotal' => 10000], [], $now)->applied, 'id');
    printf("%s UTC: friday %s\n", $utc, in_array('friday', $ids, true) ? 'on' : 'off');
}
// The same wall-clock rule in another timezone
$tokyo = new Engine(['timezone' => 'Asia/Tokyo', 'advantages' => [['id' => 'lunch', 'hours' => '12:00-14:00', 'tiers' => [['discount' => 10]]]]]);
$now = (new DateTimeImmutable('2026-12-24 12:30:00', new DateTimeZone('Asia/Tokyo')))->getTimestamp();
echo 'tokyo lunch: ', count($tokyo->evaluate(['subtotal' => 100], [], $now)->applied), "\n";
echo 'tokyo lunch in paris time: ', count($tokyo->evaluate(['subtotal' => 100], [], $at('2026-12-24 12:30:00'))->applied), "\n";

// Order: disabled, schedule, used_up, not_in_segment
$o = new Engine(['advantages' => [['id' => 'a', 'segment' => "'VIP' in groups", 'max_uses' => 1, 'starts_at' => 2000000000,
    'tiers' => [['discount' => 100]]]]]);
foreach ([['active' => false, 'uses' => ['a' => 1]], ['uses' => ['a' => 1]], []] as $c) {
    $x = $o->evaluate(['subtotal' => 1000], $c, 1999999000)->rejected[0];
    echo $x['reason'], ' ', $x['missing'] ?? '-', ' ', $x['message'], "\n";
}
foreach ([['uses' => ['a' => 1]], []] as $c) {
    echo $o->evaluate(['subtotal' => 1000], $c, 2000000000)->rejected[0]['reason'], "\n";
}
// A scheduled advantage out of its time does not block loyalty
$l = new Engine(['advantages' => [['id' => 'a', 'ends_at' => 1000, 'tiers' => [['discount' => 100]]]],
    'loyalty' => ['brackets' => [['from' => 1, 'discount' => 50]]]]);
echo implode(',', array_column($l->evaluate(['subtotal' => 1000], ['points' => 5], 2000)->applied, 'id')), "\n";
echo $l->evaluate(['subtotal' => 1000], ['points' => 5], 1000 + 86400 * 3 + 60)->rejected[0]['message'], "\n";
echo implode(',', array_column($l->evaluate(['subtotal' => 1000], ['points' => 5], 999)->applied, 'id')), " before its end\n";
?>
--EXPECT--
2026-12-20 10:00:00 Sun: weekend,allday | xmas schedule: starts in 3 days 14 hours [missing 309600] / friday schedule: only on fri 18:00-02:00 / lunch schedule: only 12:00-14:00
2026-12-23 23:59:59 Wed: allday | xmas schedule: starts in 1 second [missing 1] / friday schedule: only on fri 18:00-02:00 / weekend schedule: only on sat, sun / lunch schedule: only 12:00-14:00
2026-12-24 00:00:00 Thu: xmas,allday | friday schedule: only on fri 18:00-02:00 / weekend schedule: only on sat, sun / lunch schedule: only 12:00-14:00
2026-12-24 13:59:59 Thu: xmas,lunch,allday | friday schedule: only on fri 18:00-02:00 / weekend schedule: only on sat, sun
2026-12-25 17:59:59 Fri: xmas,allday | friday schedule: only on fri 18:00-02:00 / weekend schedule: only on sat, sun / lunch schedule: only 12:00-14:00
2026-12-25 18:00:00 Fri: xmas,friday,allday | weekend schedule: only on sat, sun / lunch schedule: only 12:00-14:00
2026-12-26 01:59:59 Sat: xmas,friday,weekend,allday | lunch schedule: only 12:00-14:00
2026-12-26 02:00:00 Sat: xmas,weekend,allday | friday schedule: only on fri 18:00-02:00 / lunch schedule: only 12:00-14:00
2026-12-26 12:00:00 Sat: xmas,weekend,lunch,allday | friday schedule: only on fri 18:00-02:00
2026-12-27 00:00:00 Sun: weekend,allday | xmas schedule: ended / friday schedule: only on fri 18:00-02:00 / lunch schedule: only 12:00-14:00
2026-12-27 01:00:00 Sun: weekend,allday | xmas schedule: ended 1 hour ago / friday schedule: only on fri 18:00-02:00 / lunch schedule: only 12:00-14:00
2026-12-28 00:30:00 Mon: allday | xmas schedule: ended 1 day ago / friday schedule: only on fri 18:00-02:00 / weekend schedule: only on sat, sun / lunch schedule: only 12:00-14:00
2027-01-10 12:00:00 Sun: weekend,lunch,allday | xmas schedule: ended 14 days 12 hours ago / friday schedule: only on fri 18:00-02:00
2026-06-05 15:30:00 UTC: friday off
2026-06-05 16:30:00 UTC: friday on
2026-12-04 16:30:00 UTC: friday off
2026-12-04 17:30:00 UTC: friday on
tokyo lunch: 1
tokyo lunch in paris time: 0
disabled - disabled: the customer account is disabled
schedule 1000 schedule: starts in 16 minutes 40 seconds
schedule 1000 schedule: starts in 16 minutes 40 seconds
used_up
not_in_segment
loyalty
schedule: ended 3 days ago
a before its end
