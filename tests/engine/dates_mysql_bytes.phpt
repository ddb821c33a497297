--TEST--
MySQL date strings with any one byte changed, and every day of 1969..2100, give strtotime()'s answer (the fast reader checks every byte)
--EXTENSIONS--
loyalty
--INI--
date.timezone=Europe/Paris
--FILE--
<?php
// Ledger entries give back the Unix time the extension read for each date string. A string the
// fast reader wrongly took for 'Y-m-d H:i:s' or 'Y-m-d' would differ from strtotime().
$program = Loyalty\Program::fromArray(['loyalty' => ['brackets' => [['from' => 1, 'discount' => 1]]]]);
function read_one(Loyalty\Program $program, string $date): int|false {
    try {
        $l = new Loyalty\Ledger($program, [['type' => 'grant', 'points' => 1, 'at' => $date, 'ref' => 'x']]);
        return $l->entries()[0]['at'];
    } catch (Loyalty\InputException $e) {
        return false;
    }
}
function read_many(Loyalty\Program $program, array $dates): array {
    $entries = [];
    foreach ($dates as $i => $date) {
        $entries[] = ['type' => 'grant', 'points' => 1, 'at' => $date, 'ref' => (string) $i];
    }
    $out = [];
    foreach ((new Loyalty\Ledger($program, $entries))->entries() as $e) {
        $out[(int) $e['ref']] = $e['at'];
    }
    ksort($out);
    return $out;
}

$bad = $tried = 0;
foreach (['2026-06-15 12:34:56', '2024-02-29 23:59:59', '1999-12-31 00:00:00', '2026-06-15'] as $base) {
    for ($at = 0; $at < strlen($base); $at++) {
        for ($byte = 0; $byte < 256; $byte++) {
            $date = $base;
            $date[$at] = chr($byte);
            if ($date === $base || str_contains($date, "\0")) {
                continue; // NUL: refused before any reading, by both
            }
            $tried++;
            $want = @strtotime($date);
            $got = read_one($program, $date);
            if ($got !== $want) {
                if (++$bad <= 5) printf("%s: got %s, strtotime %s\n", json_encode($date), var_export($got, true), var_export($want, true));
            }
        }
    }
}
echo "one byte changed: $tried dates, $bad differ\n";

// every day, as a date and at a time of day: 1969-12-25 to 2100-01-05 (to 2038-01-18 on 32-bit
// PHP, whose ints end on the 19th: strtotime() refuses later dates there, and the reader too)
$dates = [];
$last = PHP_INT_SIZE === 4 ? 2147385600 : 4102790400;
for ($ts = -604800; $ts <= $last; $ts += 86400) {
    $dates[] = gmdate('Y-m-d', $ts);
    $dates[] = gmdate('Y-m-d', $ts) . sprintf(" %02d:%02d:%02d", intdiv($ts, 86400) & 15, intdiv($ts, 3600) & 31, intdiv($ts, 7) & 31);
}
$got = [];
foreach (array_chunk($dates, 2000, true) as $chunk) {
    $got += array_combine(array_keys($chunk), read_many($program, array_values($chunk)));
}
$bad = 0;
foreach ($dates as $i => $date) {
    if ($got[$i] !== @strtotime($date)) {
        if (++$bad <= 5) printf("%s: got %s, strtotime %s\n", $date, var_export($got[$i], true), var_export(strtotime($date), true));
    }
}
echo "every day: ", count($dates), " dates, $bad differ\n";
?>
--EXPECTF--
one byte changed: %d dates, 0 differ
every day: %d dates, 0 differ
