--TEST--
Ledger::issueRewards(): one coupon per whole threshold, points deducted by a `reward` entry listing the codes
--EXTENSIONS--
loyalty
--FILE--
<?php
use Loyalty\{Program, Ledger};
const D = 86400;
$b = gmmktime(0, 0, 0, 1, 1, 2026);
const CODE = '/^LTY-[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/';

$p = Program::fromArray(['loyalty' => ['rewards' => ['threshold' => 500,
    'coupon' => ['discount_percent' => 10, 'min_cart' => 10000, 'valid_days' => 90]]]]);
$l = new Ledger($p);
$l->earn(1234, $b, 'o1');
$at = $b + D;
$c = $l->issueRewards($at);
echo count($c), ' coupons, balance ', $l->balance($at), "\n";
foreach ($c as $coupon) {
    var_dump(array_keys($coupon) === ['code', 'discount_percent', 'min_cart', 'expires_at']);
    var_dump(preg_match(CODE, $coupon['code']) === 1, $coupon['discount_percent'], $coupon['min_cart'],
        $coupon['expires_at'] === $at + 90 * D);
}
var_dump($c[0]['code'] !== $c[1]['code']);
$last = $l->entries()[1];
echo $last['type'], ' ', $last['points'], ' ', $last['at'] === $at ? 'at' : 'wrong at', "\n";
var_dump($last['ref'] === $c[0]['code'] . ',' . $c[1]['code']);
// nothing more to issue
var_dump($l->issueRewards($at), count($l->entries()));
// earlier in time the balance was already 1234: the points issued at day 1 are not there yet
echo $l->balance($b), "\n";
// more points: one more coupon
$l->earn(266, $b + 2 * D);
$c = $l->issueRewards($b + 2 * D);
echo count($c), ' ', $l->balance($b + 2 * D), "\n";
// the reward entry is replayed by the constructor
$copy = new Ledger($p, $l->entries());
echo $copy->balance($b + 2 * D), ' ', $copy->balance($b + D), "\n";
var_dump($copy->entries() === $l->entries());

// exactly the threshold; a fixed discount; no valid_days: no expiry; min_cart defaults to 0
$p = Program::fromArray(['loyalty' => ['rewards' => ['threshold' => 100, 'coupon' => ['discount' => 500]]]]);
$l = new Ledger($p);
$l->grant(100, $b);
$c = $l->issueRewards($b);
var_dump(count($c), array_keys($c[0]) === ['code', 'discount', 'min_cart', 'expires_at'], $c[0]['discount'], $c[0]['min_cart'], $c[0]['expires_at']);
echo $l->balance($b), "\n";
// below the threshold: nothing, no entry
$l->grant(99, $b + D);
var_dump($l->issueRewards($b + D), count($l->entries()));

// a percent with decimals comes back as a float
$p = Program::fromArray(['loyalty' => ['rewards' => ['threshold' => 10, 'coupon' => ['discount_percent' => 2.5, 'valid_days' => 1]]]]);
$l = new Ledger($p);
$l->earn(25, $b);
$c = $l->issueRewards('2026-01-01 12:00:00 UTC');
var_dump(count($c), $c[0]['discount_percent'], $c[1]['expires_at'] === $b + 12 * 3600 + D);
echo $l->balance($b + D), "\n";

// pending points do not count; expired points do not count
$p = Program::fromArray(['loyalty' => ['pending_days' => 14, 'expiry' => ['days' => 30],
    'rewards' => ['threshold' => 100, 'coupon' => ['discount' => 100]]]]);
$l = new Ledger($p);
$l->earn(250, $b);
var_dump($l->issueRewards($b + 13 * D));
echo count($l->issueRewards(new DateTimeImmutable('@' . ($b + 14 * D)))), ' ', $l->balance($b + 14 * D), "\n";
$l->earn(300, $b + 60 * D);
var_dump($l->issueRewards($b + 73 * D));
echo count($l->issueRewards($b + 74 * D)), ' ', $l->balance($b + 74 * D), "\n";

// no rewards section, or no loyalty at all: [] and nothing recorded
foreach ([['loyalty' => ['earn' => ['per_amount' => 100]]], []] as $s) {
    $l = new Ledger(Program::fromArray($s));
    $l->earn(100000, $b);
    var_dump($l->issueRewards($b + D), count($l->entries()), $l->balance($b + D));
}
?>
--EXPECT--
2 coupons, balance 234
bool(true)
bool(true)
int(10)
int(10000)
bool(true)
bool(true)
bool(true)
int(10)
int(10000)
bool(true)
bool(true)
reward 1000 at
bool(true)
array(0) {
}
int(2)
1234
1 0
0 234
bool(true)
int(1)
bool(true)
int(500)
int(0)
NULL
0
array(0) {
}
int(3)
int(2)
float(2.5)
bool(true)
5
array(0) {
}
2 50
array(0) {
}
3 0
array(0) {
}
int(1)
int(100000)
array(0) {
}
int(1)
int(100000)
