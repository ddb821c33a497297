--TEST--
Program: schedule and usage settings errors name the path: dates, days, hours, timezone (SPEC 11, 13)
--EXTENSIONS--
loyalty
--FILE--
<?php
$adv = fn(array $keys) => ['advantages' => [['id' => 'a', 'tiers' => [['discount' => 1]]] + $keys]];
$cases = [
    $adv(['starts_at' => 'not a date']),
    $adv(['ends_at' => 1.5]),
    $adv(['ends_at' => true]),
    $adv(['starts_at' => ['2026-01-01']]),
    $adv(['starts_at' => '']),
    $adv(['days' => []]),
    $adv(['days' => 'fri']),
    $adv(['days' => ['fri', 'Sat']]),
    $adv(['days' => ['friday']]),
    $adv(['days' => ['mon', 3]]),
    $adv(['hours' => '18:00']),
    $adv(['hours' => '18:00-18:00']),
    $adv(['hours' => '24:00-02:00']),
    $adv(['hours' => '00:00-24:01']),
    $adv(['hours' => '9:00-12:00']),
    $adv(['hours' => '09:60-12:00']),
    $adv(['hours' => '25:00-26:00']),
    $adv(['hours' => ' 09:00-12:00']),
    $adv(['hours' => 900]),
    ['timezone' => 'Mars/Olympus'],
    ['timezone' => 'europe/paris'],
    ['timezone' => ''],
    ['timezone' => 1],
];
foreach ($cases as $settings) {
    try {
        Loyalty\Program::fromArray($settings);
        echo "accepted\n";
    } catch (Loyalty\ConfigException $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
}
// accepted forms
foreach (['00:00-24:00', '22:00-02:00', '23:59-00:00', '09:05-09:06'] as $hours) {
    echo $hours, ': ', Loyalty\Program::fromArray($adv(['hours' => $hours]))->toArray()['advantages'][0]['hours'], "\n";
}
// America/Montreal: a backward-compatible link (US/Eastern is one too, but Debian 13 ships those
// in tzdata-legacy only, and PHP there reads the system's database)
foreach (['UTC', 'Europe/Paris', 'America/Argentina/Buenos_Aires', 'America/Montreal'] as $tz) {
    echo Loyalty\Program::fromArray(['timezone' => $tz])->toArray()['timezone'], "\n";
}
echo json_encode(Loyalty\Program::fromArray($adv(['days' => ['sun', 'mon', 'sun']]))->toArray()['advantages'][0]['days']), "\n";
// warnings: an advantage that can never be active
$p = Loyalty\Program::fromArray($adv(['starts_at' => 2000, 'ends_at' => 1000]));
echo json_encode($p->warnings()), "\n";
echo count(Loyalty\Program::fromArray($adv(['starts_at' => 1000, 'ends_at' => 1001]))->warnings()), "\n";
?>
--EXPECT--
Loyalty\ConfigException: advantages[0].starts_at: invalid date 'not a date'
Loyalty\ConfigException: advantages[0].ends_at: expected int (Unix time) or date string, got float
Loyalty\ConfigException: advantages[0].ends_at: expected int (Unix time) or date string, got bool
Loyalty\ConfigException: advantages[0].starts_at: expected int (Unix time) or date string, got list
Loyalty\ConfigException: advantages[0].starts_at: invalid date ''
Loyalty\ConfigException: advantages[0].days: must not be empty (leave it out for every day)
Loyalty\ConfigException: advantages[0].days: expected a list of strings, got string
Loyalty\ConfigException: advantages[0].days[1]: unknown day 'Sat' (mon, tue, wed, thu, fri, sat or sun)
Loyalty\ConfigException: advantages[0].days[0]: unknown day 'friday' (mon, tue, wed, thu, fri, sat or sun)
Loyalty\ConfigException: advantages[0].days[1]: expected string, got int
Loyalty\ConfigException: advantages[0].hours: expected "HH:MM-HH:MM" (00:00 to 24:00, start and end different), got '18:00'
Loyalty\ConfigException: advantages[0].hours: expected "HH:MM-HH:MM" (00:00 to 24:00, start and end different), got '18:00-18:00'
Loyalty\ConfigException: advantages[0].hours: expected "HH:MM-HH:MM" (00:00 to 24:00, start and end different), got '24:00-02:00'
Loyalty\ConfigException: advantages[0].hours: expected "HH:MM-HH:MM" (00:00 to 24:00, start and end different), got '00:00-24:01'
Loyalty\ConfigException: advantages[0].hours: expected "HH:MM-HH:MM" (00:00 to 24:00, start and end different), got '9:00-12:00'
Loyalty\ConfigException: advantages[0].hours: expected "HH:MM-HH:MM" (00:00 to 24:00, start and end different), got '09:60-12:00'
Loyalty\ConfigException: advantages[0].hours: expected "HH:MM-HH:MM" (00:00 to 24:00, start and end different), got '25:00-26:00'
Loyalty\ConfigException: advantages[0].hours: expected "HH:MM-HH:MM" (00:00 to 24:00, start and end different), got ' 09:00-12:00'
Loyalty\ConfigException: advantages[0].hours: expected string, got int
Loyalty\ConfigException: timezone: unknown timezone 'Mars/Olympus' (an IANA name such as Europe/Paris)
Loyalty\ConfigException: timezone: unknown timezone 'europe/paris' (an IANA name such as Europe/Paris)
Loyalty\ConfigException: timezone: unknown timezone '' (an IANA name such as Europe/Paris)
Loyalty\ConfigException: timezone: expected string, got int
00:00-24:00: 00:00-24:00
22:00-02:00: 22:00-02:00
23:59-00:00: 23:59-00:00
09:05-09:06: 09:05-09:06
UTC
Europe/Paris
America/Argentina/Buenos_Aires
America/Montreal
["sun","mon","sun"]
[{"path":"advantages[0].ends_at","message":"is not after starts_at: the advantage is never active"}]
0
