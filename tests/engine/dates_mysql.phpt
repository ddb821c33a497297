--TEST--
Dates as MySQL writes them ('Y-m-d H:i:s', 'Y-m-d') give exactly strtotime()'s answer, across DST changes in many timezones
--EXTENSIONS--
loyalty
--FILE--
<?php
// Ledger entries give back the Unix time the extension read for each date string; false for a
// date it refused (as strtotime() refuses, on 32-bit PHP, the dates past 2038).
$program = Loyalty\Program::fromArray(['loyalty' => ['brackets' => [['from' => 1, 'discount' => 1]]]]);
function converted(Loyalty\Program $program, array $dates): array {
    $entries = [];
    foreach ($dates as $i => $date) {
        $entries[] = ['type' => 'grant', 'points' => 1, 'at' => $date, 'ref' => (string) $i];
    }
    $out = [];
    try {
        $read = (new Loyalty\Ledger($program, $entries))->entries();
    } catch (Loyalty\InputException $e) {
        if (count($dates) === 1) {
            throw $e;
        }
        foreach ($dates as $i => $date) {
            try {
                $out[$i] = converted($program, [$date])[0];
            } catch (Loyalty\InputException $e) {
                $out[$i] = false;
            }
        }
        return $out;
    }
    foreach ($read as $e) {
        $out[(int) $e['ref']] = $e['at'];
    }
    ksort($out);
    return $out;
}

mt_srand(11);
$zones = ['UTC', 'Europe/Paris', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu',
          'Pacific/Apia', 'America/Sao_Paulo', 'Europe/London', 'Asia/Tehran', 'America/St_Johns'];
foreach ($zones as $zone) {
    date_default_timezone_set($zone);
    $dates = [];
    // every DST change of a few years, at the minutes around it (gaps and repeated hours)
    // (how many there are is the timezone database's: PHP's bundled copy and Debian's system
    // tzdata differ, America/St_Johns has 10 in one and 9 in the other)
    $transitions = (new DateTimeZone($zone))->getTransitions(strtotime('2009-01-01'), strtotime('2013-01-01'));
    foreach ($transitions as $t) {
        for ($d = -3 * 3600; $d <= 3 * 3600; $d += 1800) {
            $dates[] = gmdate('Y-m-d H:i:s', $t['ts'] + $t['offset'] + $d);
        }
    }
    // random times and days over 1970..2100, and the table's edges
    for ($i = 0; $i < 400; $i++) {
        $ts = mt_rand(0, min(4102444799, PHP_INT_MAX));
        $dates[] = date('Y-m-d H:i:s', $ts);
        $dates[] = date('Y-m-d', $ts);
    }
    array_push($dates, '1970-01-01 00:00:00', '1970-01-03 00:00:00', '2099-12-30 23:59:59', '2100-01-01', '2150-06-01 12:00:00',
        '1969-12-31 23:59:59', '2024-02-29', '2024-02-29 23:59:59');
    $got = converted($program, $dates);
    $bad = 0;
    foreach ($dates as $i => $date) {
        if ($got[$i] !== @strtotime($date)) {  // (32-bit PHP warns past 2038, then says false)
            $bad++;
            if ($bad <= 3) echo "$zone $date: got {$got[$i]}, strtotime ", strtotime($date), "\n";
        }
    }
    echo $zone, ': ', count($transitions) > 1 ? 'DST changes' : 'no DST change', ', ', count($dates), ' dates, ', $bad, " differ\n";
}

// Out-of-range fields are not guessed at: strtotime() decides (and refuses what it refuses: year 0
// is before 1901, out of a 32-bit PHP's range).
date_default_timezone_set('Europe/Paris');
$odd = ['2023-02-29', '2026-13-01 00:00:00', '2026-11-31', '2026-11-22 24:00:00', '2026-11-22 10:60:00',
        '2026-11-22T10:00:00', '2026-11-22 10:00', ' 2026-11-22', '2026-11-22 10:00:00 ', '0000-00-00 00:00:00'];
foreach ($odd as $date) {
    try {
        $at = converted($program, [$date])[0];
        echo $date, ' => ', $at === @strtotime($date) ? 'as strtotime' : "DIFFERS: $at", "\n";
    } catch (Loyalty\InputException $e) {
        echo $date, ' => ', $e->getMessage(), @strtotime($date) === false ? ' (strtotime: false)' : ' (strtotime: NOT false)', "\n";
    }
}
?>
--EXPECTF--
UTC: no DST change, %d dates, 0 differ
Europe/Paris: DST changes, %d dates, 0 differ
America/New_York: DST changes, %d dates, 0 differ
Australia/Lord_Howe: DST changes, %d dates, 0 differ
Asia/Kathmandu: no DST change, %d dates, 0 differ
Pacific/Apia: DST changes, %d dates, 0 differ
America/Sao_Paulo: DST changes, %d dates, 0 differ
Europe/London: DST changes, %d dates, 0 differ
Asia/Tehran: DST changes, %d dates, 0 differ
America/St_Johns: DST changes, %d dates, 0 differ
2023-02-29 => as strtotime
2026-13-01 00:00:00 => entries[0].at: invalid date '2026-13-01 00:00:00' (strtotime: false)
2026-11-31 => as strtotime
2026-11-22 24:00:00 => as strtotime
2026-11-22 10:60:00 => entries[0].at: invalid date '2026-11-22 10:60:00' (strtotime: false)
2026-11-22T10:00:00 => as strtotime
2026-11-22 10:00 => as strtotime
 2026-11-22 => as strtotime
2026-11-22 10:00:00  => as strtotime
0000-00-00 00:00:00 => %r(as strtotime|entries\[0\]\.at: invalid date '0000-00-00 00:00:00' \(strtotime: false\))%r