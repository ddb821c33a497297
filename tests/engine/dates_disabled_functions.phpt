--TEST--
Dates with ext/date's functions disabled (disable_functions): every date form still works and gives strtotime()'s answer across DST changes in several timezones (issue 19)
--EXTENSIONS--
loyalty
--INI--
disable_functions=strtotime,timezone_open,timezone_transitions_get,timezone_identifiers_list,date_create,date_create_immutable,date_timestamp_get,date_default_timezone_get
date.timezone=UTC
--FILE--
<?php
// What the old code called by name is gone: the engine must not need it.
foreach (['strtotime', 'timezone_open', 'timezone_transitions_get', 'timezone_identifiers_list', 'date_create',
          'date_create_immutable', 'date_timestamp_get', 'date_default_timezone_get'] as $f) {
    if (function_exists($f)) {
        echo "$f is not disabled\n";
    }
}

// The oracle: strtotime() itself, in a PHP process without disable_functions.
// $cases: [zone, string, now] -> strtotime(string, now) in zone (false when false)
function oracle(array $cases, string $code = 'date_default_timezone_set($c[0]); $r[] = strtotime($c[1], $c[2]);'): array {
    $p = proc_open([PHP_BINARY, '-n', '-d', 'date.timezone=UTC', '-r',
        '$r = []; foreach (json_decode(stream_get_contents(STDIN), true) as $c) { ' . $code . ' } echo json_encode($r);'],
        [0 => ['pipe', 'r'], 1 => ['pipe', 'w']], $pipes);
    fwrite($pipes[0], json_encode($cases));
    fclose($pipes[0]);
    $out = json_decode(stream_get_contents($pipes[1]), true);
    fclose($pipes[1]);
    proc_close($p);
    if (!is_array($out) || count($out) !== count($cases)) {
        exit("oracle failed\n");
    }
    return $out;
}

$program = Loyalty\Program::fromArray(['loyalty' => ['brackets' => [['from' => 1, 'discount' => 1]]]]);
// The Unix time the engine reads for each date string (ledger entries give it back), relative
// to the current time, which is returned in $now (a second that did not tick during the reading).
function engine(Loyalty\Program $program, array $dates, ?int &$now): array {
    do {
        $now = time();
        $ledger = new Loyalty\Ledger($program);
        $out = [];
        foreach ($dates as $i => $date) {
            try {
                $ledger->grant(1, $date, (string) $i);
            } catch (Loyalty\InputException $e) {
                $out[$i] = false;
            }
        }
    } while (time() !== $now);
    foreach ($ledger->entries() as $e) {
        $out[(int) $e['ref']] = $e['at'];
    }
    ksort($out);
    return $out;
}

// 1. Every form, at the minutes around every DST change of 2020..2027, and forms relative to now.
$zones = ['Europe/Paris', 'America/New_York', 'America/St_Johns', 'Australia/Lord_Howe', 'Pacific/Apia'];
$relative = ['now', 'tomorrow', 'yesterday noon', 'today 02:30', 'tomorrow 02:30', 'midnight', '+1 day', '-36 hours',
    'next monday', 'last day of next month', 'first monday of next month 02:30', '+1 week 2 days', '10:00', '02:30 +1 day'];
foreach ($zones as $zone) {
    date_default_timezone_set($zone);
    $tz = new DateTimeZone($zone);
    $dates = [];
    foreach ($tz->getTransitions((new DateTimeImmutable('2020-01-01'))->getTimestamp(), (new DateTimeImmutable('2028-01-01'))->getTimestamp()) as $k => $t) {
        if ($k === 0) {
            continue; // the state at the beginning, not a change
        }
        for ($d = -3 * 3600; $d <= 3 * 3600; $d += 1800) {
            $at = $t['ts'] + $d;
            $local = (new DateTimeImmutable('@' . $at))->setTimezone($tz);
            $wall = gmdate('Y-m-d H:i:s', $t['ts'] + $t['offset'] + $d);   // also the times a gap skips
            array_push($dates,
                $wall,                                              // MySQL DATETIME
                substr($wall, 0, 10),                               // MySQL DATE
                str_replace(' ', 'T', $wall),                       // ISO 8601 without offset
                $local->format(DATE_ATOM),                          // ISO 8601 with offset
                $local->format('Y-m-d\TH:i:s.vO'),                  // ... with milliseconds
                $local->format(DATE_RFC2822),                       // RFC 2822
                '@' . $at,
                "$wall $zone",                                      // a zone named in the string
                "$wall America/Sao_Paulo",
                "$wall +1 hour",                                    // relative to a date
                substr($wall, 0, 10) . ' +1 day',
                $local->format('m/d/Y g:i A'));
        }
    }
    $count = count($dates);
    array_push($dates, ...$relative);
    $got = engine($program, $dates, $now);
    $want = oracle(array_map(fn($s) => [$zone, $s, $now], $dates));
    $bad = 0;
    foreach ($dates as $i => $date) {
        if ($got[$i] !== $want[$i]) {
            if (++$bad <= 5) {
                echo "$zone '$date': got ", var_export($got[$i], true), ", strtotime ", var_export($want[$i], true), "\n";
            }
        }
    }
    echo $zone, ': ', $count > 300 ? 'many' : "only $count", ' dates around DST changes and ', count($relative), " relative forms, $bad differ\n";
}

// 2. Known answers (strtotime()'s, checked once): gaps, repeated hours, a skipped day.
$known = [
    ['Europe/Paris', '2024-03-31 01:59:59', 1711846799],
    ['Europe/Paris', '2024-03-31 02:30:00', 1711848600],
    ['Europe/Paris', '2024-03-31 03:00:00', 1711846800],
    ['Europe/Paris', '2024-10-27 02:30:00', 1729992600],
    ['Europe/Paris', '2024-10-27 03:00:00', 1729994400],
    ['America/New_York', '2024-03-10 02:30:00', 1710055800],
    ['America/New_York', '2024-11-03 01:30:00', 1730611800],
    ['America/New_York', '2024-11-03 02:00:00', 1730617200],
    ['America/St_Johns', '2024-03-10 02:30:00', 1710050400],
    ['America/St_Johns', '2024-11-03 01:30:00', 1730606400],
    ['Australia/Lord_Howe', '2024-04-07 01:45:00', 1712416500],
    ['Australia/Lord_Howe', '2024-10-06 02:15:00', 1728143100],
    ['Pacific/Apia', '2011-12-30 12:00:00', 1325282400],
    ['Pacific/Apia', '2011-12-29 23:59:59', 1325239199],
    ['Pacific/Apia', '2021-04-04 03:30:00', 1617460200],
];
$bad = 0;
foreach ($known as [$zone, $date, $ts]) {
    date_default_timezone_set($zone);
    foreach ([$date, str_replace(' ', 'T', $date)] as $form) {
        $got = engine($program, [$form], $now)[0];
        if ($got !== $ts) {
            $bad++;
            echo "$zone '$form': got ", var_export($got, true), ", expected $ts\n";
        }
    }
}
echo count($known), " known answers, $bad differ\n";

// 3. Customer dates relative to the $now of the question (days since, a day's resolution).
$engine = new Loyalty\Engine(['segments' => ['d' => 'days_since_last_order >= 0']]);
$forms = ['+1 day', '-1 day', '-1 day +1 sec', 'yesterday 02:30', 'tomorrow 02:30', '-2 days 23:30', 'last monday', '-25 hours'];
$cases = $days = [];
foreach ($zones as $zone) {
    date_default_timezone_set($zone);
    for ($h = -72; $h <= 72; $h += 7) {
        $at = time() + $h * 3600;
        foreach ($forms as $form) {
            $cases[] = [$zone, $form, $at];
        }
    }
}
$want = oracle($cases);
$bad = 0;
foreach ($cases as $i => [$zone, $form, $at]) {
    date_default_timezone_set($zone);
    $in = $engine->inSegment('d', ['orders' => 1, 'last_order' => $form], $at);
    if ($in !== ($want[$i] <= $at)) {
        if (++$bad <= 5) {
            echo "$zone '$form' at $at: ", var_export($in, true), "\n";
        }
    }
}
echo count($cases), " customer dates relative to \$now, $bad differ\n";

// 4. Settings: the timezone is checked and its date strings are read in it; schedule hours use its offsets.
$cases = [];
foreach ($zones as $zone) {
    foreach (['2024-03-31 02:30:00', '2024-11-03 01:30', '2024-10-06 02:15:00', '2011-12-30', 'first day of january 2025', '2024-07-01T12:00:00+05:00'] as $date) {
        $cases[] = [$zone, $date, 0];
    }
}
$want = oracle($cases, '$d = date_create_immutable($c[1], timezone_open($c[0])); $r[] = $d ? $d->getTimestamp() : false;');
$bad = 0;
foreach ($cases as $i => [$zone, $date]) {
    $got = Loyalty\Program::fromArray(['timezone' => $zone, 'advantages' => [['id' => 'a', 'starts_at' => $date, 'tiers' => [['discount' => 1]]]]])
        ->toArray()['advantages'][0]['starts_at'];
    if ($got !== $want[$i]) {
        $bad++;
        echo "$zone '$date': got $got, expected ", $want[$i], "\n";
    }
}
echo count($cases), " settings dates, $bad differ\n";
$bad = 0;
foreach ($zones as $zone) {
    $lunch = new Loyalty\Engine(['timezone' => $zone, 'advantages' => [['id' => 'lunch', 'hours' => '12:00-14:00', 'tiers' => [['discount' => 100]]]]]);
    foreach ((new DateTimeZone($zone))->getTransitions(1704067200, 1735689600) as $t) {
        for ($d = -2 * 86400; $d <= 2 * 86400; $d += 1800) {
            $at = $t['ts'] + $d;
            $hour = (int) (new DateTimeImmutable('@' . $at))->setTimezone(new DateTimeZone($zone))->format('G');
            if ((count($lunch->evaluate(['subtotal' => 1000], [], $at)->applied) === 1) !== ($hour >= 12 && $hour < 14)) {
                $bad++;
            }
        }
    }
}
echo "schedule hours around DST changes: $bad wrong\n";

// 5. Bad dates are the engine's exceptions, never an Error.
date_default_timezone_set('Europe/Paris');
foreach (['garbage', '2026-13-01 00:00:00', '10:00 Nowhere/Land'] as $date) {
    try {
        (new Loyalty\Ledger($program))->grant(1, $date);
        echo "$date: accepted\n";
    } catch (Throwable $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
}
foreach ([['timezone' => 'Nowhere/Land'], ['advantages' => [['id' => 'a', 'starts_at' => 'garbage', 'tiers' => [['discount' => 1]]]]]] as $settings) {
    try {
        Loyalty\Program::fromArray($settings);
    } catch (Throwable $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
}
?>
--EXPECT--
Europe/Paris: many dates around DST changes and 14 relative forms, 0 differ
America/New_York: many dates around DST changes and 14 relative forms, 0 differ
America/St_Johns: many dates around DST changes and 14 relative forms, 0 differ
Australia/Lord_Howe: many dates around DST changes and 14 relative forms, 0 differ
Pacific/Apia: many dates around DST changes and 14 relative forms, 0 differ
15 known answers, 0 differ
840 customer dates relative to $now, 0 differ
30 settings dates, 0 differ
schedule hours around DST changes: 0 wrong
Loyalty\InputException: at: invalid date 'garbage'
Loyalty\InputException: at: invalid date '2026-13-01 00:00:00'
Loyalty\InputException: at: invalid date '10:00 Nowhere/Land'
Loyalty\ConfigException: timezone: unknown timezone 'Nowhere/Land' (an IANA name such as Europe/Paris)
Loyalty\ConfigException: advantages[0].starts_at: invalid date 'garbage'
