--TEST--
Checkout: percent tiers round half_up (default), half_even or down at the half-cent (SPEC 2)
--EXTENSIONS--
loyalty
--FILE--
<?php
$now = 1790000000;
$cases = [
    // [percent, subtotal]      exact value
    [5, 1050],      // 52.5
    [5, 1150],      // 57.5
    [2.5, 1100],    // 27.5
    [2.5, 1300],    // 32.5
    [12.5, 999],    // 124.875
    [0.01, 5000],   // 0.5
    [0.01, 15000],  // 1.5
    [33.33, 10000], // 3333 exact
    [10, 12345],    // 1234.5
    [99.99, 1],     // 0.9999
    [100, 4321],    // 4321
];
foreach ([null, 'half_up', 'half_even', 'down'] as $rounding) {
    echo $rounding ?? 'default', ':';
    foreach ($cases as [$pct, $sub]) {
        $s = ['advantages' => [['id' => 'p', 'tiers' => [['discount_percent' => $pct]]]]];
        if ($rounding !== null) { $s['rounding'] = $rounding; }
        $r = (new Loyalty\Engine($s))->evaluate(['subtotal' => $sub], [], $now);
        echo ' ', $r->discount;
    }
    echo PHP_EOL;
}
?>
--EXPECT--
default: 53 58 28 33 125 1 2 3333 1235 1 4321
half_up: 53 58 28 33 125 1 2 3333 1235 1 4321
half_even: 52 58 28 32 125 0 2 3333 1234 1 4321
down: 52 57 27 32 124 0 1 3333 1234 0 4321
