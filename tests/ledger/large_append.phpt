--TEST--
Ledger: appending 100,000 orders one by one with earn() in time order; memory stays bounded
--EXTENSIONS--
loyalty
--INI--
memory_limit=512M
--FILE--
<?php
use Loyalty\{Program, Ledger};
$b = gmmktime(0, 0, 0, 1, 1, 2020);
$n = 100000;
foreach ([['loyalty' => ['expiry' => ['days' => 30, 'mode' => 'per_lot'], 'pending_days' => 14]], ['loyalty' => ['expiry' => ['days' => 30]]]] as $s) {
    $l = new Ledger(Program::fromArray($s));
    $m0 = memory_get_usage();
    for ($i = 0; $i < $n; $i++) {
        $l->earn(2, $b + $i * 600, 'order');          // one order every 10 minutes: 100,000 orders over ~694 days
        if ($i % 20000 === 19999) {
            $l->spend(10, $b + $i * 600 + 1);
        }
    }
    var_dump(memory_get_usage() - $m0 < 40 * 1024 * 1024);
    $end = $b + $n * 600;
    // per_lot: orders 95681..99999 are still valid (30 days = 4320 orders), of which 97985..99999 (2015) are
    // pending: 2304 spendable orders = 4608 points, less 8 taken from them by the last spend (oldest lots first);
    // rolling (no pending): nothing ever expires: 200000 - 5 * 10
    echo $l->balance($end), ' ', $l->pending($end), ' ', count($l->entries()), "\n";
}
?>
--EXPECT--
bool(true)
4600 4030 100005
bool(true)
199950 0 100005
