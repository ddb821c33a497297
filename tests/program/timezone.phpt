--TEST--
Program timezone: default PHP's at compile time, kept by the program, its cached copy and its serialized form; date strings of the settings read in it; toArray() gives ints (SPEC 11, 13)
--EXTENSIONS--
loyalty
--FILE--
<?php
use Loyalty\Engine;
use Loyalty\Program;

$json = '{"advantages":[{"id":"lunch","hours":"12:00-14:00","starts_at":"2026-12-01 00:00:00","tiers":[{"discount":100}]}]}';
date_default_timezone_set('Europe/Paris');
$paris = new Engine($json);
date_default_timezone_set('America/New_York');
$ny = new Engine($json);            // the same string: not the cached Paris program
$p = $paris->program()->toArray();
$n = $ny->program()->toArray();
echo $p['timezone'], ' ', $p['advantages'][0]['starts_at'], ' ', date_create('@' . $p['advantages'][0]['starts_at'])->setTimezone(new DateTimeZone('Europe/Paris'))->format('Y-m-d H:i T'), "\n";
echo $n['timezone'], ' ', $n['advantages'][0]['starts_at'], ' ', date_create('@' . $n['advantages'][0]['starts_at'])->setTimezone(new DateTimeZone('America/New_York'))->format('Y-m-d H:i T'), "\n";
var_dump($paris->program() == $ny->program());
// 12:30 in Paris is 06:30 in New York
$noon = (new DateTimeImmutable('2026-12-10 12:30:00', new DateTimeZone('Europe/Paris')))->getTimestamp();
echo 'paris: ', count($paris->evaluate(['subtotal' => 1000], [], $noon)->applied), ', new york: ',
    count($ny->evaluate(['subtotal' => 1000], [], $noon)->applied), "\n";
// The program keeps its timezone whatever the default becomes, and so does its serialized form
date_default_timezone_set('Asia/Tokyo');
echo 'paris after the change: ', count($paris->evaluate(['subtotal' => 1000], [], $noon)->applied), "\n";
$copy = unserialize(serialize($paris->program()));
echo $copy->toArray()['timezone'], ' ', count((new Engine($copy))->evaluate(['subtotal' => 1000], [], $noon)->applied), "\n";
var_dump($copy == $paris->program());
echo (new Engine($json))->program()->toArray()['timezone'], "\n";
// A timezone written in the settings wins over the default
$given = Program::fromArray(['timezone' => 'Europe/Paris', 'advantages' => [['id' => 'a', 'starts_at' => '2026-12-01', 'tiers' => [['discount' => 1]]]]]);
echo $given->toArray()['timezone'], ' ', $given->toArray()['advantages'][0]['starts_at'], "\n";
// fromArray(toArray()) is equal, with the dates as ints
var_dump(Program::fromArray($given->toArray()) == $given);
// Int dates are taken as they are
echo Program::fromArray(['advantages' => [['id' => 'a', 'ends_at' => 1798326000, 'tiers' => [['discount' => 1]]]]])->toArray()['advantages'][0]['ends_at'], "\n";
?>
--EXPECT--
Europe/Paris 1796079600 2026-12-01 00:00 CET
America/New_York 1796101200 2026-12-01 00:00 EST
bool(false)
paris: 1, new york: 0
paris after the change: 1
Europe/Paris 1
bool(true)
Asia/Tokyo
Europe/Paris 1796079600
bool(true)
1798326000
