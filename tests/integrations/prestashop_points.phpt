--TEST--
PrestaShop module's points (LoyaltyEnginePoints) on SQL rows: earning once per order, spending bounded by the ledger, refund after spend, reversal of pending points, restore
--EXTENSIONS--
loyalty
pdo_sqlite
--INI--
date.timezone=UTC
--FILE--
<?php
require __DIR__ . '/../../examples/prestashop/loyaltyengine/classes/LoyaltyEnginePoints.php';

/** The storage on SQLite: the same unique key as the module's table. */
final class SqliteStorage implements LoyaltyEngineStorage
{
    public PDO $db;
    public function __construct()
    {
        $this->db = new PDO('sqlite::memory:', null, null, [PDO::ATTR_ERRMODE => PDO::ERRMODE_EXCEPTION]);
        $this->db->query('CREATE TABLE ledger (id INTEGER PRIMARY KEY, id_customer INT NOT NULL, id_order INT NULL,
            kind TEXT NOT NULL, points INT NOT NULL, at INT NOT NULL, ref TEXT NOT NULL, UNIQUE (id_order, kind, ref))');
    }
    public function rows(int $customer): array
    {
        $q = $this->db->prepare('SELECT kind, points, at, id_order, ref FROM ledger WHERE id_customer = ? ORDER BY at, id');
        $q->execute([$customer]);
        return $q->fetchAll(PDO::FETCH_ASSOC);
    }
    public function insertOnce(array $row): bool
    {
        $q = $this->db->prepare('INSERT OR IGNORE INTO ledger (id_customer, id_order, kind, points, at, ref) VALUES (?, ?, ?, ?, ?, ?)');
        $q->execute([$row['id_customer'], $row['id_order'], $row['kind'], $row['points'], $row['at'], $row['ref']]);
        return $q->rowCount() === 1;
    }
    public function locked(int $customer, callable $work): mixed
    {
        $this->db->beginTransaction();
        try {
            $out = $work();
            $this->db->commit();
            return $out;
        } catch (Throwable $e) {
            $this->db->rollBack();
            throw $e;
        }
    }
}

// shop.json with its first points bracket only (points pay 1.00 per 10), with the advantages too
$settings = json_decode(file_get_contents(__DIR__ . '/../../examples/shop.json'), true);
$settings['loyalty']['brackets'] = [$settings['loyalty']['brackets'][0]];
$settings['loyalty']['spend']['with_advantage'] = true;
$engine = new Loyalty\Engine($settings);
$storage = new SqliteStorage();
$points = new LoyaltyEnginePoints($storage, $engine->program());
$day = 86400;
$now = strtotime('2026-11-22 12:00:00 UTC');
$customer = ['id' => 7, 'groups' => [], 'orders' => 5, 'spent' => 40000, 'city' => 'Lyon', 'last_order' => '2026-10-01 10:00:00'];
// the checkout asks for every point there is: the request's number is an upper bound only
$evaluate = fn(int $subtotal, int $at) => function (int $balance) use ($engine, $customer, $subtotal, $at) {
    return $engine->evaluate(['lines' => [['sku' => 'TEA', 'qty' => 1, 'price' => $subtotal]], 'carrier' => 'Chronopost',
        'shipping' => 690, 'use_points' => 1000000000], $customer + ['points' => $balance], $at);
};
$state = function (string $what) use ($points, &$now) {
    $a = $points->account(7, $now);
    printf("%s: balance %d, pending %d, %d rows\n", $what, $a['balance'], $a['pending'], count($a['history']));
};

var_dump($points->grant(7, 300, $now - 90 * $day, 'welcome'));
echo "-- the same grant again (a retried request, a double click): nothing; another customer's 'welcome': his own\n";
var_dump($points->grant(7, 300, $now - 90 * $day, 'welcome'), $points->grant(8, 300, $now - 90 * $day, 'welcome'));
$state('granted');
$long = str_repeat('apology for the late delivery of the order ', 2);
var_dump($points->grant(8, 5, $now - 80 * $day, "$long 1"), $points->grant(8, 5, $now - 80 * $day, "$long 2"), $points->grant(8, 5, $now - 80 * $day, "$long 2"));
echo json_encode($storage->db->query("SELECT id_order, ref FROM ledger WHERE id_customer = 8 ORDER BY id")->fetchAll(PDO::FETCH_NUM)), "\n";
foreach (['', ' '] as $ref) {
    try {
        $points->grant(7, 10, $now, $ref);
    } catch (InvalidArgumentException $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
}
$storage->db->query('DELETE FROM ledger WHERE id_customer = 8');

echo "-- order 101 validated, 60 days ago: spends what the ledger has, earns once\n";
[$earned, $spent] = $points->validateOrder(7, 101, $now - 60 * $day, $evaluate(20000, $now - 60 * $day));
printf("earned %d, spent %d (at most the 300 granted: %s)\n", $earned, $spent, $spent > 0 && $spent <= 300 ? 'yes' : 'no');
var_dump($points->validateOrder(7, 101, $now - 60 * $day, $evaluate(20000, $now - 60 * $day)));
$state('after order 101, twice');

echo "-- order 102 earns, 40 days ago; order 103 spends, 10 days ago; then 102 is refunded\n";
[$earned102] = $points->validateOrder(7, 102, $now - 40 * $day, $evaluate(30000, $now - 40 * $day));
$before103 = $points->ledger(7)->balance($now - 10 * $day);
[, $spent103] = $points->validateOrder(7, 103, $now - 10 * $day, $evaluate(50000, $now - 10 * $day));
printf("102 earned %d; 103 spent %d of %d\n", $earned102, $spent103, $before103);
$state('before the refund');
[$taken, $unrecovered, $restored] = $points->reverseOrder(7, 102, $now);
printf("taken %d + unrecovered %d = earned %d: %s; restored %d\n", $taken, $unrecovered, $earned102,
    $taken + $unrecovered === $earned102 ? 'yes' : 'no', $restored);
printf("unrecovered > 0 (103 had spent them): %s\n", $unrecovered > 0 ? 'yes' : 'no');
$state('after the refund');
var_dump($points->reverseOrder(7, 102, $now));   // a second refund hook: nothing more

echo "-- order 104 earns today (pending), cancelled today: all of it goes\n";
$pendingBefore = $points->ledger(7)->pending($now);
[$earned104] = $points->validateOrder(7, 104, $now, $evaluate(12000, $now));
[$taken104, $unrecovered104] = $points->reverseOrder(7, 104, $now);
printf("earned %d pending, taken %d, unrecovered %d, pending back to before: %s\n", $earned104, $taken104,
    $unrecovered104, $points->ledger(7)->pending($now) === $pendingBefore ? 'yes' : 'no');

echo "-- order 101 cancelled: its spend comes back, its earn goes as far as later spends allow\n";
$balance = $points->ledger(7)->balance($now);
[$taken101, $unrecovered101, $restored101] = $points->reverseOrder(7, 101, $now);
printf("restored %d (= spent %d: %s), taken %d, unrecovered %d, balance %d -> %d\n", $restored101, $spent,
    $restored101 === $spent ? 'yes' : 'no', $taken101, $unrecovered101, $balance, $points->ledger(7)->balance($now));
$state('at the end');

echo "-- order 105 earns; a credit slip for a quarter of it, twice; then the rest refunded in full\n";
[$earned105] = $points->validateOrder(7, 105, $now - 30 * $day, $evaluate(40000, $now - 30 * $day));
var_dump($points->reverseShare(7, 105, $now, 10000, 40000, 'slip-9'), $points->reverseShare(7, 105, $now, 10000, 40000, 'slip-9'));
[$rest] = $points->reverseShare(7, 105, $now, 40000, 40000, 'slip-10');
printf("earned %d, a quarter %d, the rest %d: %s\n", $earned105, intdiv($earned105, 4), $rest,
    intdiv($earned105, 4) + $rest === $earned105 ? 'all of it, once' : 'no');
var_dump($points->reverseOrder(7, 105, $now));
// every row replays: no balance below zero, no spend beyond what was there
$rows = $storage->db->query("SELECT kind, COUNT(*) FROM ledger GROUP BY kind ORDER BY kind")->fetchAll(PDO::FETCH_KEY_PAIR);
echo json_encode($rows), "\n";
?>
--EXPECT--
bool(true)
-- the same grant again (a retried request, a double click): nothing; another customer's 'welcome': his own
bool(false)
bool(true)
granted: balance 300, pending 0, 1 rows
bool(true)
bool(true)
bool(false)
[[0,"grant-8-welcome"],[0,"grant-8-apology for the late de~3b0f7985a499aad05fa183ca38efa0ba"],[0,"grant-8-apology for the late de~3b6c84eed1ba59b4e380a7730f8815ac"]]
InvalidArgumentException: a grant needs points > 0 and a ref (what makes it once)
InvalidArgumentException: a grant needs points > 0 and a ref (what makes it once)
-- order 101 validated, 60 days ago: spends what the ledger has, earns once
earned 0, spent 300 (at most the 300 granted: yes)
array(3) {
  [0]=>
  int(0)
  [1]=>
  int(0)
  [2]=>
  int(0)
}
after order 101, twice: balance 0, pending 0, 3 rows
-- order 102 earns, 40 days ago; order 103 spends, 10 days ago; then 102 is refunded
102 earned 300; 103 spent 300 of 300
before the refund: balance 0, pending 0, 7 rows
taken 0 + unrecovered 300 = earned 300: yes; restored 0
unrecovered > 0 (103 had spent them): yes
after the refund: balance 0, pending 0, 10 rows
array(3) {
  [0]=>
  int(0)
  [1]=>
  int(0)
  [2]=>
  int(0)
}
-- order 104 earns today (pending), cancelled today: all of it goes
earned 120 pending, taken 120, unrecovered 0, pending back to before: yes
-- order 101 cancelled: its spend comes back, its earn goes as far as later spends allow
restored 300 (= spent 300: yes), taken 0, unrecovered 0, balance 0 -> 300
at the end: balance 300, pending 0, 16 rows
-- order 105 earns; a credit slip for a quarter of it, twice; then the rest refunded in full
array(3) {
  [0]=>
  int(100)
  [1]=>
  int(0)
  [2]=>
  int(0)
}
array(3) {
  [0]=>
  int(0)
  [1]=>
  int(0)
  [2]=>
  int(0)
}
earned 400, a quarter 100, the rest 300: all of it, once
array(3) {
  [0]=>
  int(0)
  [1]=>
  int(0)
  [2]=>
  int(0)
}
{"cancelled":4,"earn":3,"grant":1,"restore":1,"reverse":4,"spend":2,"unrecovered":1,"validated":5}
