--TEST--
examples/expiry-cron.php: warnings due today, reward coupons, ledgers written back
--EXTENSIONS--
loyalty
pdo_sqlite
--FILE--
<?php
$dbPath = tempnam(sys_get_temp_dir(), 'cron-test');
unlink($dbPath);
$argv = ['expiry-cron.php', $dbPath, '2026-11-22'];
include __DIR__ . '/../../examples/expiry-cron.php';
echo "-- second run the same day: warnings again (same window), no new coupon\n";
$argv = ['expiry-cron.php', $dbPath, '2026-11-22'];
include __DIR__ . '/../../examples/expiry-cron.php';
$pdo = new PDO('sqlite:' . $dbPath);
$entries = json_decode($pdo->query('SELECT entries FROM customer_ledger WHERE customer_id = 2')->fetchColumn(), true);
$last = end($entries);
var_dump($last['type'], $last['points'], (bool) preg_match('/^LTY-[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/', $last['ref']));
unlink($dbPath);
?>
--EXPECTF--
Loyalty cron for 2026-11-22 (database %s)
  mail alice@example.com: 320 points expire on 2026-12-22 (30 days left)
  customer 1: balance 320, pending 0
  mail bob@example.com: coupon LTY-%s, 10% off from 100.00, valid until 2027-02-20
  customer 2: balance 450, pending 0
  mail carol@example.com: 75 points expire on 2026-11-29 (7 days left)
  customer 3: balance 75, pending 0
  customer 4: balance 0, pending 60
-- second run the same day: warnings again (same window), no new coupon
Loyalty cron for 2026-11-22 (database %s)
  mail alice@example.com: 320 points expire on 2026-12-22 (30 days left)
  customer 1: balance 320, pending 0
  customer 2: balance 450, pending 0
  mail carol@example.com: 75 points expire on 2026-11-29 (7 days left)
  customer 3: balance 75, pending 0
  customer 4: balance 0, pending 60
string(6) "reward"
int(5000)
bool(true)
