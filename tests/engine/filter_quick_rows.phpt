--TEST--
filter() reads rows of database forms inline and every other row with the whole reader: the same answers and the same errors as inSegment(), row by row
--EXTENSIONS--
loyalty
--INI--
date.timezone=Europe/Paris
--FILE--
<?php
// A segment reading only scalars (here four: last_order, active, spent, city) has its rows read
// inline when each field is absent, null or in the form a database row gives. Any other form
// (a date object, another date format, a float, a negative count, a string count, a non-bool
// active, a non-string city) goes to the whole reader from the start of the row: filter() must
// answer, or fail, exactly as inSegment() does for that row alone.
$engine = new Loyalty\Engine(json_encode(['segments' => [
    'quick' => "days_since_last_order < 30 and spent >= 100 and city == 'Paris'",
    // five scalars: never inline
    'wide' => "days_since_last_order < 30 and spent >= 100 and city == 'Paris' and orders >= 1 and postcode like '75*'",
    // a list: never inline
    'listed' => "days_since_last_order < 30 and 'pro' in groups",
]]));
$now = strtotime('2026-06-15 12:00:00 UTC');
$good = ['last_order' => '2026-06-10 08:00:00', 'active' => true, 'spent' => 500, 'city' => 'Paris',
    'orders' => 2, 'postcode' => '75011', 'groups' => ['pro']];
$variants = [
    'database row' => [],
    'date only' => ['last_order' => '2026-06-10'],
    'int date' => ['last_order' => strtotime('2026-06-10 08:00:00')],
    'old date' => ['last_order' => '2026-01-10 08:00:00'],
    'ISO date' => ['last_order' => '2026-06-10T08:00:00+02:00'],
    'date object' => ['last_order' => new DateTimeImmutable('2026-06-10 08:00:00')],
    'overflowing date' => ['last_order' => '2026-02-30 08:00:00'], // strtotime(): March 2nd
    'garbage date' => ['last_order' => 'soon'],
    'float date' => ['last_order' => 1.5],
    'null date' => ['last_order' => null],
    'no date' => ['last_order' => '__unset'],
    'inactive' => ['active' => false],
    'active null' => ['active' => null],
    'active int' => ['active' => 1],
    'spent low' => ['spent' => 99],
    'spent negative' => ['spent' => -1],
    'spent string' => ['spent' => '500'],
    'spent float' => ['spent' => 500.0],
    'spent null' => ['spent' => null],
    'city other' => ['city' => 'Lyon'],
    'city int' => ['city' => 75],
    'city null' => ['city' => null],
    'groups none' => ['groups' => []],
    'groups bad' => ['groups' => 'pro'],
    'postcode bad' => ['postcode' => 75011],
];
$answer = function (callable $f) {
    try {
        return var_export($f(), true);
    } catch (Throwable $e) {
        return get_class($e) . ': ' . $e->getMessage();
    }
};
$rows = [];
foreach (['quick', 'wide', 'listed'] as $segment) {
    foreach ($variants as $name => $change) {
        $row = ['id' => $name] + $good;
        foreach ($change as $k => $v) {
            if ($v === '__unset') {
                unset($row[$k]);
            } else {
                $row[$k] = $v;
            }
        }
        $rows[$name] = $row;
        $alone = $answer(fn() => $engine->inSegment($segment, $row, $now));
        $listed = $answer(fn() => $engine->filter($segment, [$row], $now) === [$name]);
        $in = $alone === 'true' || $alone === 'false' ? $alone : str_replace('customer', 'customers[0]', $alone);
        if ($listed !== $in) {
            echo "$segment, $name: filter says $listed, inSegment says $alone\n";
        }
        if ($segment === 'quick') {
            printf("%-16s %s\n", $name, $alone);
        }
    }
}
// many rows in a list: the rows of database forms read inline between the others, none lost
$ok = array_filter($rows, fn($r) => $answer(fn() => $engine->inSegment('quick', $r, $now)) !== 'true'
    && $answer(fn() => $engine->inSegment('quick', $r, $now)) !== 'false');
$fine = array_values(array_diff_key($rows, $ok));
$expected = array_values(array_filter(array_map(fn($r) => $engine->inSegment('quick', $r, $now) ? $r['id'] : null, $fine)));
var_dump($engine->filter('quick', $fine, $now) === $expected, count($expected));
?>
--EXPECT--
database row     true
date only        true
int date         true
old date         false
ISO date         true
date object      true
overflowing date false
garbage date     Loyalty\InputException: customer.last_order: invalid date 'soon'
float date       Loyalty\InputException: customer.last_order: expected int, DateTimeInterface or date string, got float
null date        false
no date          false
inactive         false
active null      true
active int       Loyalty\InputException: customer.active: expected bool, got int
spent low        false
spent negative   Loyalty\InputException: customer.spent: must be >= 0, got -1
spent string     Loyalty\InputException: customer.spent: expected int (minor units), got string
spent float      Loyalty\InputException: customer.spent: expected int (minor units), got float
spent null       false
city other       false
city int         Loyalty\InputException: customer.city: expected string, got int
city null        false
groups none      true
groups bad       true
postcode bad     true
bool(true)
int(9)
