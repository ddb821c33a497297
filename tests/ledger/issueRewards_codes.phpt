--TEST--
Ledger::issueRewards(): codes are LTY-XXXX-XXXX-XXXX-XXXX in Crockford base32, unique over thousands; at most 1,000 per call
--EXTENSIONS--
loyalty
--FILE--
<?php
use Loyalty\{Program, Ledger};
const D = 86400;
$b = gmmktime(0, 0, 0, 1, 1, 2026);
$p = Program::fromArray(['loyalty' => ['rewards' => ['threshold' => 2, 'coupon' => ['discount' => 100, 'valid_days' => 30]]]]);
$l = new Ledger($p);
$l->earn(5001, $b);
$codes = [];
$calls = [];
for ($i = 0; $i < 5; $i++) {
    $c = $l->issueRewards($b + $i);
    $calls[] = count($c) . '/' . $l->balance($b + $i);
    foreach ($c as $coupon) {
        $codes[] = $coupon['code'];
    }
}
echo implode(' ', $calls), "\n";
echo count($codes), ' codes, ', count(array_unique($codes)), " unique\n";
$bad = array_filter($codes, fn($c) => !preg_match('/^LTY-[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/', $c));
var_dump($bad);
// every letter of the alphabet is used (not a constant or a narrow set), none outside it
$chars = count_chars(str_replace(['LTY-', '-'], '', implode('', $codes)), 3);
echo $chars, "\n";
// each reward entry lists the codes of its call, comma-separated, and deducts threshold * coupons
$rewards = array_values(array_filter($l->entries(), fn($e) => $e['type'] === 'reward'));
echo count($rewards), ' ', implode(',', array_column($rewards, 'points')), "\n";
var_dump(implode(',', array_column($rewards, 'ref')) === implode(',', $codes));
// two ledgers do not produce the same codes
$m = new Ledger($p);
$m->earn(2000, $b);
var_dump(count(array_intersect($codes, array_column($m->issueRewards($b), 'code'))));
?>
--EXPECT--
1000/3001 1000/1001 500/1 0/1 0/1
2500 codes, 2500 unique
array(0) {
}
0123456789ABCDEFGHJKMNPQRSTVWXYZ
3 2000,2000,1000
bool(true)
int(0)
