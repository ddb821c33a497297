<?php
/*
 * After scripts/soak.sh: what the database holds must be what the engine says it should.
 *   php verify.php [SAMPLE]
 * - every customer's ledger replays (Loyalty\Ledger refuses a spend beyond the balance of its
 *   time: two checkouts that spent the same points would fail here);
 * - the ledger's order entries add up to what each order was granted, customer by customer;
 * - no order spent more than the balance it read, even when it asked for 1,000,000,000;
 * - SAMPLE orders (default 2000), and every order of the hot customers' last 200, evaluated again
 *   from their stored inputs with their settings version give the same total and points;
 * - once a settings version was committed, no checkout that started later used an older one,
 *   and the new version's answers differ from the old one's.
 * One line per check, then "N passed, N failed".
 */
declare(strict_types=1);
require __DIR__ . '/lib.php';

$db = soak_db();
$sample = (int) ($argv[1] ?? 2000);
$passed = $failed = 0;
function check(bool $ok, string $what): void
{
    global $passed, $failed;
    $ok ? $passed++ : $failed++;
    echo ($ok ? 'ok: ' : 'FAIL: '), $what, "\n";
}
$one = fn(string $sql) => $db->query($sql)->fetchColumn();

$settings = $db->query('SELECT version, json, committed_us FROM loyalty_settings ORDER BY version')->fetchAll(PDO::FETCH_ASSOC);
$engines = [];
foreach ($settings as $s) {
    $engines[(int) $s['version']] = new Loyalty\Engine($s['json']);
}
$latest = max(array_keys($engines));
$orders = (int) $one('SELECT COUNT(*) FROM orders');
echo "verify: $orders orders, ", $one('SELECT COUNT(DISTINCT customer_id) FROM orders'), " customers, ",
    $one('SELECT COUNT(*) FROM loyalty_ledger'), " ledger entries, ", $one('SELECT COALESCE(SUM(retries), 0) FROM orders'),
    " transactions retried\n";

// 1. every ledger replays
$bad = 0;
$first = '';
foreach ($db->query('SELECT DISTINCT customer_id FROM orders')->fetchAll(PDO::FETCH_COLUMN) as $id) {
    try {
        new Loyalty\Ledger($engines[$latest]->program(), soak_entries($db, (int) $id));
    } catch (Loyalty\Exception $e) {
        $bad++;
        $first = $first ?: "customer $id: " . $e->getMessage();
    }
}
check($bad === 0, "every customer's ledger replays without a spend beyond its balance ($bad refused" . ($first ? ", first: $first" : '') . ')');

// 2. the ledger against the orders, customer by customer
$mismatch = (int) $one("SELECT COUNT(*) FROM
    (SELECT customer_id, SUM(points_earned) AS e, SUM(points_spent) AS s FROM orders GROUP BY customer_id) o
    LEFT JOIN (SELECT customer_id, SUM(IF(kind = 'earn', points, 0)) AS e, SUM(IF(kind = 'spend', points, 0)) AS s
        FROM loyalty_ledger WHERE order_id IS NOT NULL GROUP BY customer_id) l USING (customer_id)
    WHERE COALESCE(l.e, 0) <> o.e OR COALESCE(l.s, 0) <> o.s");
$sums = $db->query("SELECT (SELECT SUM(points_earned) FROM orders), (SELECT SUM(points_spent) FROM orders),
    (SELECT SUM(points) FROM loyalty_ledger WHERE kind = 'earn'), (SELECT SUM(points) FROM loyalty_ledger WHERE kind = 'spend')")
    ->fetch(PDO::FETCH_NUM);
check($mismatch === 0 && $sums[0] === $sums[2] && $sums[1] === $sums[3],
    "the ledger holds what the orders were granted: earned $sums[0] = $sums[2], spent $sums[1] = $sums[3], $mismatch customers differ");

// 3. the balance bounds the spend
$over = (int) $one("SELECT COUNT(*) FROM orders WHERE points_spent > JSON_VALUE(customer_json, '$.points')");
$asked = $db->query("SELECT COUNT(*), MAX(points_spent), SUM(points_spent > 0) FROM orders WHERE use_points = 1000000000")->fetch(PDO::FETCH_NUM);
check($over === 0 && (int) $asked[2] > 0, "no order spent more than its balance ($over over; $asked[0] asked for 1,000,000,000 points, $asked[2] spent some, at most $asked[1])");

// 4. the answers, evaluated again
$rows = $db->query("(SELECT * FROM orders ORDER BY RAND() LIMIT $sample) UNION
    (SELECT * FROM orders WHERE customer_id <= " . SOAK_HOT_CUSTOMERS . " ORDER BY id DESC LIMIT 200)")->fetchAll(PDO::FETCH_ASSOC);
$differ = $changed = $newer = 0;
foreach ($rows as $o) {
    $cart = soak_cart((int) $o['seed'], (int) $o['use_points'] < 0 ? true : (int) $o['use_points']);
    $customer = json_decode($o['customer_json'], true);
    $r = $engines[(int) $o['settings_version']]->evaluate($cart, $customer, (int) $o['at']);
    if ([$r->total, $r->pointsEarned, $r->pointsSpent] !== [(int) $o['total'], (int) $o['points_earned'], (int) $o['points_spent']]) {
        $differ++;
    }
    if ((int) $o['settings_version'] > 1) {
        $newer++;
        $old = $engines[(int) $o['settings_version'] - 1]->evaluate($cart, $customer, (int) $o['at']);
        $changed += $old->pointsEarned !== $r->pointsEarned ? 1 : 0;
    }
}
check($differ === 0 && count($rows) > 0, count($rows) . " orders evaluated again from their inputs: $differ differ");

// 5. the settings switch
foreach ($settings as $s) {
    if ((int) $s['version'] === 1) {
        continue;
    }
    $stale = (int) $one("SELECT COUNT(*) FROM orders WHERE read_us > {$s['committed_us']} AND settings_version < {$s['version']}");
    $served = (int) $one("SELECT COUNT(*) FROM orders WHERE settings_version = {$s['version']}");
    check($stale === 0 && $served > 0 && $changed > 0,
        "settings version {$s['version']}: $served orders on it, $stale started after it was committed on an older one; "
        . "$changed of $newer re-evaluated orders earn otherwise than on the version before");
}
echo "$passed passed, $failed failed\n";
exit($failed ? 1 : 0);
