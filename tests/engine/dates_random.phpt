--TEST--
Random dates around DST changes in several timezones, in every form and relative to random nows, give strtotime()'s answer (issue 19)
--EXTENSIONS--
loyalty
--FILE--
<?php
$program = Loyalty\Program::fromArray(['loyalty' => ['brackets' => [['from' => 1, 'discount' => 1]]]]);
// Ledger entries give back the Unix time the engine read for each date string, relative to the
// current time (returned in $now, a second that did not tick during the reading).
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
function pick(array $a) {
    return $a[mt_rand(0, count($a) - 1)];
}

mt_srand(19);
$zones = ['Europe/Paris', 'America/New_York', 'America/St_Johns', 'Australia/Lord_Howe', 'Pacific/Apia',
          'Asia/Tehran', 'America/Sao_Paulo', 'Europe/London', 'UTC'];
// Customer dates relative to the $now of the question: whether the date is at most $now - k days
// tells the second when the date is near that bound.
$segments = [];
foreach ([-2, -1, 0, 1, 2] as $k) {
    $segments["d$k"] = $k < 0 ? "0 - days_since_last_order <= " . -$k : "days_since_last_order >= $k"; // no unary minus
}
$engine = new Loyalty\Engine(['segments' => $segments]);
$total = $differ = 0;
$year = 31556952;
$lo = PHP_INT_SIZE < 8 ? 40 * 86400 : max(0, time() - 60 * $year);
$hi = PHP_INT_SIZE < 8 ? PHP_INT_MAX - 40 * 86400 : time() + 60 * $year;
foreach ($zones as $zone) {
    date_default_timezone_set($zone);
    $tz = new DateTimeZone($zone);
    // nows within 60 years of the current time (farther, a relative date cannot be read:
    // dates_far_now.phpt), and a month inside the range of a 32-bit int where ints are that
    $changes = array_slice($tz->getTransitions($lo, $hi), 1) ?: [['ts' => time()]];
    // 1. absolute forms at random seconds near random DST changes, and forms relative to the current time
    $dates = [];
    for ($i = 0; $i < 300; $i++) {
        $at = pick($changes)['ts'] + mt_rand(-4 * 3600, 4 * 3600);
        $local = (new DateTimeImmutable('@' . $at))->setTimezone($tz);
        $wall = gmdate('Y-m-d H:i:s', $at + mt_rand(-1, 1) * 3600 + $local->getOffset());
        $dates[] = pick([$wall, substr($wall, 0, 10), str_replace(' ', 'T', $wall), $local->format(DATE_ATOM),
            $local->format(DATE_RFC2822), $local->format('D, d M Y H:i:s T'), "$wall $zone", '@' . $at, "$wall +90 minutes",
            "$wall -1 day", substr($wall, 11) . ' +' . mt_rand(1, 400) . ' days', pick(['tomorrow', 'yesterday', 'today']) . ' ' . substr($wall, 11, 5),
            '+' . mt_rand(1, 5000) . ' hours', pick(['next', 'last']) . ' ' . pick(['monday', 'sunday', 'saturday']),
            'first day of +' . mt_rand(1, 30) . ' months ' . substr($wall, 11, 5), $local->format('j F Y g:ia')]);
    }
    $got = engine($program, $dates, $current);
    foreach ($dates as $i => $date) {
        $total++;
        if ($got[$i] !== strtotime($date, $current)) {
            if (++$differ <= 5) {
                echo "$zone '$date': got ", var_export($got[$i], true), ', strtotime ', var_export(strtotime($date, $current), true), "\n";
            }
        }
    }
    // 2. forms relative to random nows near DST changes, far from the current time too
    for ($i = 0; $i < 300; $i++) {
        $now = mt_rand(0, 3) === 0 ? mt_rand($lo, $hi) : pick($changes)['ts'] + mt_rand(-2 * 86400, 2 * 86400);
        $hm = sprintf('%02d:%02d', mt_rand(0, 23), pick([0, 15, 30, 45, 59]));
        $form = pick(['-1 day', '+1 day', '-1 day +1 sec', '-1 day -1 sec', '+1 day -1 sec', '-24 hours', '-48 hours +1 sec', '-2 days',
            "today $hm", "yesterday $hm", "tomorrow $hm", $hm, "$hm -1 day", 'midnight', 'noon', 'now', '-1 week', 'last day of previous month',
            'yesterday noon', '-1 month']);
        $want = strtotime($form, $now);
        $in = array_flip($engine->segmentsOf(['orders' => 1, 'last_order' => $form], $now));
        foreach ([-2, -1, 0, 1, 2] as $k) {
            $total++;
            if (isset($in["d$k"]) !== (floor(($now - $want) / 86400) >= $k)) {
                if (++$differ <= 5) {
                    echo "$zone '$form' at $now: d$k ", isset($in["d$k"]) ? 'in' : 'out', ", strtotime $want\n";
                }
            }
        }
    }
}
echo $total > 10000 ? 'many' : "only $total", " cases, $differ differ\n";
?>
--EXPECT--
many cases, 0 differ
