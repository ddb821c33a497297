--TEST--
WooCommerce plugin: its hooks on stub WordPress and WooCommerce (activation with dbDelta, fee, free shipping rates, points spent at checkout at most the balance, earned once when paid, refunds, expiry cron)
--EXTENSIONS--
loyalty
pdo_sqlite
--INI--
date.timezone=UTC
--FILE--
<?php
// Just enough of WordPress and WooCommerce for loyalty-engine.php: hooks, options, user meta, WC().
define('ABSPATH', '/var/www/');
$hooks = $options = $user_meta = [];
$current_user = 0;
function add_action($tag, $callback, $priority = 10, $accepted = 1) { $GLOBALS['hooks'][$tag][] = [$callback, $accepted]; return true; }
function add_filter($tag, $callback, $priority = 10, $accepted = 1) { return add_action($tag, $callback, $priority, $accepted); }
function do_action($tag, ...$args) { foreach ($GLOBALS['hooks'][$tag] ?? [] as [$cb, $n]) $cb(...array_slice($args, 0, $n)); }
function apply_filters($tag, $value, ...$args)
{
    foreach ($GLOBALS['hooks'][$tag] ?? [] as [$cb, $n]) $value = $cb(...array_slice([$value, ...$args], 0, $n));
    return $value;
}
function get_option($name, $default = false) { return $GLOBALS['options'][$name] ?? $default; }
function get_current_user_id() { return $GLOBALS['current_user']; }
function wp_get_current_user() { return (object) ['roles' => $GLOBALS['current_user'] === 5 ? ['customer', 'VIP'] : ['customer']]; }
function wc_get_price_decimals() { return 2; }
function wp_slash($value) { return is_string($value) ? addslashes($value) : $value; }
// user meta in $wpdb->usermeta (the plugin's 0.1 migration reads that table); update_user_meta() unslashes as WordPress's
function update_user_meta($user_id, $key, $value)
{
    delete_user_meta($user_id, $key);
    $GLOBALS['wpdb']->pdo->prepare('INSERT INTO wp_usermeta (user_id, meta_key, meta_value) VALUES (?, ?, ?)')->execute([$user_id, $key, stripslashes($value)]);
    return true;
}
function get_user_meta($user_id, $key, $single = false)
{
    $q = $GLOBALS['wpdb']->pdo->prepare('SELECT meta_value FROM wp_usermeta WHERE user_id = ? AND meta_key = ?');
    $q->execute([$user_id, $key]);
    return $q->fetchColumn() ?: '';
}
function delete_user_meta($user_id, $key) { $GLOBALS['wpdb']->pdo->prepare('DELETE FROM wp_usermeta WHERE user_id = ? AND meta_key = ?')->execute([$user_id, $key]); return true; }
function wc_get_logger() { return new class { public function error($message, $context = []) { $GLOBALS['wc_log'][] = $message; } }; }
function WC() { return $GLOBALS['woo']; }
define('ARRAY_A', 'ARRAY_A');
define('EP_ROOT', 64);
define('EP_PAGES', 4096);
define('DAY_IN_SECONDS', 86400);
$activation = null;
function register_activation_hook($file, $callback) { $GLOBALS['activation'] = $callback; }
function register_deactivation_hook($file, $callback) {}
function is_admin() { return false; }
function add_rewrite_endpoint($name, $places) { $GLOBALS['endpoints'][] = $name; }
function flush_rewrite_rules($hard = true) {}
function wp_next_scheduled($hook, $args = []) { return $GLOBALS['cron'][$hook] ?? false; }
function wp_schedule_event($timestamp, $recurrence, $hook, $args = [], $wp_error = false) { $GLOBALS['cron'][$hook] = $recurrence; return true; }
function sanitize_text_field($str) { return trim(strip_tags((string) $str)); }
function wp_unslash($value) { return is_string($value) ? stripslashes($value) : $value; }
function wc_get_order($id) { return $GLOBALS['orders'][$id] ?? false; }
function get_userdata($id) { return (object) ['ID' => $id, 'user_email' => "user$id@example.com"]; }
function wp_mail($to, $subject, $message) { $GLOBALS['mails'][] = "$to: $message"; return true; }
function update_option($name, $value, $autoload = null) { $GLOBALS['options'][$name] = $value; return true; }
function __($text, $domain = 'default') { return $text; }
function esc_html($text) { return htmlspecialchars((string) $text, ENT_QUOTES); }
function esc_html__($text, $domain = 'default') { return esc_html($text); }
function wp_date($format, $timestamp = null) { return gmdate($format, $timestamp); }
function dbDelta($queries) { $GLOBALS['wpdb']->delta($queries); return []; }
/** $wpdb over SQLite: prepare() with %d and %s as WordPress's, INSERT IGNORE as INSERT OR IGNORE, GET_LOCK recorded. */
class FakeWpdb
{
    public $prefix = 'wp_';
    public $usermeta = 'wp_usermeta';
    public PDO $pdo;
    public array $locks = [];
    public function __construct()
    {
        $this->pdo = new PDO('sqlite::memory:', null, null, [PDO::ATTR_ERRMODE => PDO::ERRMODE_EXCEPTION]);
        $this->pdo->exec('CREATE TABLE wp_usermeta (umeta_id INTEGER PRIMARY KEY AUTOINCREMENT, user_id INT NOT NULL, meta_key TEXT, meta_value TEXT)');
    }
    public function get_charset_collate() { return 'DEFAULT CHARSET=utf8mb4'; }
    public function prepare($query, ...$args)
    {
        $i = 0;
        return preg_replace_callback('/%[ds]/', function ($m) use ($args, &$i) {
            $v = $args[$i++];
            return $m[0] === '%d' ? (string) (int) $v : "'" . str_replace("'", "''", (string) $v) . "'";
        }, $query);
    }
    public function delta($sql)
    {
        $sql = preg_replace(['/bigint\(20\) unsigned NOT NULL AUTO_INCREMENT/', '/,\s*PRIMARY KEY  \(id_points\)/', '/\) unsigned/', '/UNIQUE KEY \w+ \(/', '/,\s*KEY \w+ \([^)]*\)/', '/\) DEFAULT CHARSET=\w+;$/'],
            ['INTEGER PRIMARY KEY AUTOINCREMENT', '', ')', 'UNIQUE (', '', ')'], $sql);
        $this->pdo->exec(str_replace('CREATE TABLE', 'CREATE TABLE IF NOT EXISTS', $sql));
    }
    public function query($sql) { return $this->pdo->exec(str_replace('INSERT IGNORE', 'INSERT OR IGNORE', $sql)); }
    public function get_results($sql, $output = 'OBJECT') { return $this->pdo->query($sql)->fetchAll(PDO::FETCH_ASSOC); }
    public function get_col($sql) { return $this->pdo->query($sql)->fetchAll(PDO::FETCH_COLUMN); }
    public function get_var($sql)
    {
        if (preg_match("/^SELECT (GET_LOCK|RELEASE_LOCK)\\('([^']+)'/", $sql, $m)) { $this->locks[] = "$m[1] $m[2]"; return '1'; }
        return $this->pdo->query($sql)->fetchColumn();
    }
}
$wpdb = new FakeWpdb();

class WC_DateTime extends DateTime {}
class WC_Product
{
    public function __construct(private string $sku, private string $price) {}
    public function get_sku() { return $this->sku; }
    public function get_price() { return $this->price; }
    public function get_category_ids() { return []; }
}
class WC_Cart
{
    public array $fees = [];
    public function __construct(public array $items) {}
    public function get_cart() { return $this->items; }
    public function get_applied_coupons() { return []; }
    public function get_discount_total() { return 0; }
    public function add_fee($name, $amount, $taxable = false, $tax_class = '') { $this->fees[] = [$name, $amount, $taxable]; }
}
class WC_Order
{
    public array $meta = [];
    public string $total = '0', $refunded = '0';
    public function __construct(private int $id, private int $customer_id, private ?string $completed = null) {}
    public function get_total() { return $this->total; }
    public function get_total_refunded() { return $this->refunded; }
    public function get_amount() { return $this->total; }
    public function get_id() { return $this->id; }
    public function get_customer_id() { return $this->customer_id; }
    public function get_date_created() { return new WC_DateTime('@' . (time() - 20 * 86400)); }
    public function get_date_completed() { return $this->completed ? new WC_DateTime($this->completed) : null; }
    public function get_meta($key, $single = true) { return $this->meta[$key] ?? ''; }
    public function update_meta_data($key, $value) { $this->meta[$key] = $value; }
    public function add_order_note($note) {}
    public function save() { return $this->id; }
}
class WC_Customer
{
    // user id => [orders, total spent]; the last order was 20 days ago.
    const DATA = [5 => [12, '1840.00'], 6 => [3, '210.00']];
    public function __construct(private int $id) {}
    public function get_id() { return $this->id; }
    public function get_order_count() { return self::DATA[$this->id][0] ?? 0; }
    public function get_total_spent() { return self::DATA[$this->id][1] ?? '0'; }
    public function get_last_order() { return isset(self::DATA[$this->id]) ? new WC_Order(1, $this->id) : false; }
    public function get_billing_city() { return 'Lyon'; }
    public function get_billing_postcode() { return '69001'; }
    public function get_billing_country() { return 'FR'; }
}
class WC_Shipping_Rate
{
    private array $meta = [];
    public function __construct(private string $label, private string $cost, private array $taxes) {}
    public function get_label() { return $this->label; }
    public function get_cost() { return $this->cost; }
    public function set_cost($cost) { $this->cost = $cost; }
    public function get_taxes() { return $this->taxes; }
    public function set_taxes($taxes) { $this->taxes = $taxes; }
    public function get_meta_data() { return $this->meta; }
    public function add_meta_data($key, $value) { $this->meta[$key] = $value; }
}
class Session
{
    public array $data = [];
    public function get($key, $default = null) { return $this->data[$key] ?? $default; }
    public function set($key, $value) { $this->data[$key] = $value; }
}
class Shipping
{
    public array $packages = [];
    public function get_packages() { return $this->packages; }
}
$woo = (object) ['session' => new Session(), 'cart' => null, 'shipping' => new Shipping()];
$woo = new class($woo) {
    public function __construct(private object $o) {}
    public function __get($name) { return $this->o->$name; }
    public function shipping() { return $this->o->shipping; }
    public function setCart($cart) { $this->o->cart = $cart; }
};

function checkout(WC_Cart $cart, string $chosen): void
{
    WC()->setCart($cart);
    $rates = ['flat_rate:1' => new WC_Shipping_Rate('Colissimo', '6.90', [1 => 1.38]),
              'flat_rate:2' => new WC_Shipping_Rate('Chronopost', '12.90', [1 => 2.58])];
    $rates = apply_filters('woocommerce_package_rates', $rates, ['contents' => $cart->items]);
    foreach ($rates as $id => $rate) {
        printf("  rate %s %s: %s\n", $id, $rate->get_label(), $rate->get_cost());
    }
    WC()->shipping()->packages = [['rates' => $rates]];
    WC()->session->data['chosen_shipping_methods'] = [$chosen];
    do_action('woocommerce_cart_calculate_fees', $cart);
    echo '  fees ', json_encode($cart->fees), "\n";
}
function ledger_of(int $user): string
{
    $rows = $GLOBALS['wpdb']->pdo->query("SELECT kind, points, ref FROM wp_loyalty_engine_points WHERE id_customer = $user ORDER BY id_points")->fetchAll(PDO::FETCH_ASSOC);
    return implode(', ', array_map(fn($r) => "{$r['kind']} {$r['points']} {$r['ref']}", $rows));
}
function account_page(): void
{
    ob_start();
    do_action('woocommerce_account_loyalty-points_endpoint');
    $html = ob_get_clean();
    echo '  ', preg_replace('/\d{4}-\d\d-\d\d/', 'DATE', $html), "\n";
}
function place(int $id, int $user, string $total): WC_Order
{
    $order = $GLOBALS['orders'][$id] = new WC_Order($id, $user);
    $order->total = $total;
    do_action('woocommerce_checkout_order_processed', $id, [], $order);
    return $order;
}

require __DIR__ . '/../../examples/woocommerce/loyalty-engine/loyalty-engine.php';
echo implode(', ', array_keys($hooks)), "\n";
echo "-- activation: the table, the endpoint, the daily cron; 0.1's user-meta ledgers moved into the table\n";
$program = (new Loyalty\Engine(file_get_contents(__DIR__ . '/../../examples/shop.json')))->program();
$day = 86400;
$old = [20 => [['type' => 'earn', 'points' => 230, 'at' => time() - 100 * $day, 'ref' => 'order-41'],
               ['type' => 'grant', 'points' => 50, 'at' => time() - 90 * $day, 'ref' => "welcome 'gift' \\o/"],
               ['type' => 'spend', 'points' => 100, 'at' => time() - 80 * $day, 'ref' => 'order-42']],
        22 => [['type' => 'earn', 'points' => 64, 'at' => time() - 10 * $day, 'ref' => 'order-43'],
               ['type' => 'grant', 'points' => 50, 'at' => time() - 9 * $day, 'ref' => "welcome 'gift' \\o/"]]];
$before = [];
foreach ($old as $user => $entries) {
    $ledger = new Loyalty\Ledger($program, $entries);   // as 0.1 saved it
    update_user_meta($user, '_loyalty_ledger', wp_slash(json_encode($ledger->entries())));
    $before[$user] = [$ledger->balance(), $ledger->pending()];
}
update_user_meta(21, '_loyalty_ledger', 'not a ledger');
define('ABSPATH_UPGRADE', 1);
$activation();
echo json_encode($wpdb->pdo->query("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'wp_%'")->fetchAll(PDO::FETCH_COLUMN)), ' ', json_encode($endpoints), ' ', json_encode($cron), "\n";
$points = new LoyaltyEnginePoints(loyalty_engine_storage(), $program);
$migrated = function () use ($points, $before) {
    foreach ($before as $user => [$balance, $pending]) {
        printf("  user %d: balance %d, pending %d (0.1: %d, %d); _loyalty_ledger %s, _loyalty_ledger_0_1 %s\n", $user, $points->ledger($user)->balance(),
            $points->ledger($user)->pending(), $balance, $pending, json_encode(get_user_meta($user, '_loyalty_ledger', true)),
            get_user_meta($user, '_loyalty_ledger_0_1', true) === '' ? 'none' : 'kept');
        echo '    ', ledger_of($user), "\n";
    }
};
$migrated();
echo '  user 21 (not a ledger): ', json_encode(get_user_meta(21, '_loyalty_ledger', true)), ', ', json_encode($wc_log ?? []), '; db version ', get_option('loyalty_engine_db_version'), "\n";
echo "-- activated again, and a run cut short before the meta was renamed (user 20's meta back): no row twice\n";
$activation();
update_user_meta(20, '_loyalty_ledger', wp_slash(json_encode($old[20])));
echo '  moved: ', loyalty_engine_migrate_user_meta(), "\n";
$migrated();
echo "-- the upgrade without activation (a zip uploaded over 0.1): plugins_loaded runs it once\n";
update_user_meta(22, '_loyalty_ledger', wp_slash(json_encode($old[22])));
$wpdb->pdo->exec("DELETE FROM wp_loyalty_engine_points WHERE id_customer = 22");
unset($options['loyalty_engine_db_version']);
do_action('plugins_loaded');
echo '  ', ledger_of(22), '; db version ', get_option('loyalty_engine_db_version'), "\n";
update_user_meta(22, '_loyalty_ledger', wp_slash(json_encode($old[22])));
do_action('plugins_loaded');
echo '  up to date: the meta is not read again: ', get_user_meta(22, '_loyalty_ledger', true) === '' ? 'no' : 'yes', "\n";
delete_user_meta(22, '_loyalty_ledger');


$items = ['a' => ['product_id' => 1, 'variation_id' => 0, 'quantity' => 4, 'data' => new WC_Product('TEA-01', '12.50')],
          'b' => ['product_id' => 2, 'variation_id' => 0, 'quantity' => 1, 'data' => new WC_Product('POT-7', '110.00')]];

echo "-- no settings yet: the shop works as before\n";
$current_user = 5;
checkout(new WC_Cart($items), 'flat_rate:1');

$options['loyalty_engine_settings'] = file_get_contents(__DIR__ . '/../../examples/shop.json');
echo "-- 0.1's order 41 (its points earned in 0.1) completed again: its migrated earn row keeps it from earning twice\n";
$orders[41] = new WC_Order(41, 20);
$orders[41]->meta[Loyalty_Engine_Glue::META_EARNED] = 230;
do_action('woocommerce_order_status_completed', 41, $orders[41]);
echo '  ', ledger_of(20), "\n";

$points->earnOrder(5, 1, 230, time() - 30 * 86400);
$points->earnOrder(6, 2, 64, time() - 30 * 86400);
$points->grant(9, 340, time() - 340 * 86400, 'expires in 25 days');

echo "-- a VIP, 160.00: 10% off as a fee, Colissimo free\n";
checkout($cart = new WC_Cart($items), 'flat_rate:1');
$order = place(501, 5, '144.00');
var_dump($order->meta);
echo "-- on hold (not paid yet): My Account shows its points pending payment\n";
do_action('woocommerce_order_status_on-hold', 501, $order);
account_page();
echo "-- paid (processing), then completed, then the hook again: earned once, pending for the return window\n";
do_action('woocommerce_order_status_processing', 501, $order);
do_action('woocommerce_order_status_completed', 501, $order);
do_action('woocommerce_order_status_completed', 501, $order);
echo '  ledger: ', ledger_of(5), "\n";
account_page();
echo "-- a quarter refunded, then the rest: its points taken back once\n";
$orders[601] = $refund = new WC_Order(601, 5);
$refund->total = '-36.00';
$order->refunded = '36.00';
do_action('woocommerce_order_refunded', 501, 601);
do_action('woocommerce_order_refunded', 501, 601);
$orders[602] = $refund = new WC_Order(602, 5);
$refund->total = '-108.00';
$order->refunded = '144.00';
do_action('woocommerce_order_refunded', 501, 602);
echo '  ledger: ', ledger_of(5), "\n";

echo "-- a customer with 64 points asks for 1,000,000,000, 44.00 with Chronopost: 60 points as a fee, 60 spent at checkout\n";
$current_user = 6;
$_REQUEST['loyalty_use_points'] = '1000000000';
checkout(new WC_Cart(['c' => ['product_id' => 3, 'variation_id' => 0, 'quantity' => 4, 'data' => new WC_Product('MUG-3', '11.00')]]), 'flat_rate:2');
$order = place(502, 6, '38.00');
place(502, 6, '38.00');
var_dump($order->meta);
echo '  ledger: ', ledger_of(6), "\n";
echo "-- cancelled: the 60 points come back; paid later by mistake: nothing earned\n";
do_action('woocommerce_order_status_cancelled', 502, $order);
do_action('woocommerce_order_status_processing', 502, $order);
echo '  ledger: ', ledger_of(6), "\n";
echo "-- the expiry cron (last run 40 days ago), twice; user 30's rows do not replay (a spend of points never earned): logged, the others warned\n";
$wpdb->query("INSERT INTO wp_loyalty_engine_points (id_customer, id_order, kind, points, at, ref) VALUES (30, 0, 'spend', 500, " . (time() - 86400) . ", 'broken')");
$wc_log = [];
$options['loyalty_engine_cron_last'] = time() - 40 * 86400;
do_action('loyalty_engine_expiry_warnings');
do_action('loyalty_engine_expiry_warnings');
echo implode("\n", array_map(fn($m) => preg_replace('/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d|\d{4}-\d\d-\d\d/', 'DATE', $m), [...$mails, ...$wc_log])), "\n";
echo "-- settings broken: the shop works, nothing is written\n";
$options['loyalty_engine_settings'] = '{"segments": {"vip": "orders >"}}';
checkout(new WC_Cart($items), 'flat_rate:1');
place(503, 6, '10.00');
echo loyalty_engine_error(), "\n", '  ledger: ', ledger_of(6), "\n";
?>
--EXPECT--
woocommerce_cart_calculate_fees, woocommerce_package_rates, woocommerce_checkout_order_processed, woocommerce_order_status_processing, woocommerce_order_status_completed, woocommerce_order_status_cancelled, woocommerce_order_refunded, before_woocommerce_init, plugins_loaded, init, woocommerce_account_menu_items, woocommerce_account_loyalty-points_endpoint, loyalty_engine_expiry_warnings
-- activation: the table, the endpoint, the daily cron; 0.1's user-meta ledgers moved into the table
["wp_usermeta","wp_loyalty_engine_points"] ["loyalty-points"] {"loyalty_engine_expiry_warnings":"daily"}
  user 20: balance 180, pending 0 (0.1: 180, 0); _loyalty_ledger "", _loyalty_ledger_0_1 kept
    earn 230 migrated-20-0-order-41, grant 50 migrated-20-1-welcome 'gift' \o/, spend 100 migrated-20-2-order-42
  user 22: balance 50, pending 64 (0.1: 50, 64); _loyalty_ledger "", _loyalty_ledger_0_1 kept
    earn 64 migrated-22-0-order-43, grant 50 migrated-22-1-welcome 'gift' \o/
  user 21 (not a ledger): "not a ledger", ["user 21: UnexpectedValueException: the 0.1 ledger in _loyalty_ledger is not JSON entries: left as it is"]; db version 0.2.0
-- activated again, and a run cut short before the meta was renamed (user 20's meta back): no row twice
  moved: 1
  user 20: balance 180, pending 0 (0.1: 180, 0); _loyalty_ledger "", _loyalty_ledger_0_1 kept
    earn 230 migrated-20-0-order-41, grant 50 migrated-20-1-welcome 'gift' \o/, spend 100 migrated-20-2-order-42
  user 22: balance 50, pending 64 (0.1: 50, 64); _loyalty_ledger "", _loyalty_ledger_0_1 kept
    earn 64 migrated-22-0-order-43, grant 50 migrated-22-1-welcome 'gift' \o/
-- the upgrade without activation (a zip uploaded over 0.1): plugins_loaded runs it once
  earn 64 migrated-22-0-order-43, grant 50 migrated-22-1-welcome 'gift' \o/; db version 0.2.0
  up to date: the meta is not read again: yes
-- no settings yet: the shop works as before
  rate flat_rate:1 Colissimo: 6.90
  rate flat_rate:2 Chronopost: 12.90
  fees []
-- 0.1's order 41 (its points earned in 0.1) completed again: its migrated earn row keeps it from earning twice
  earn 230 migrated-20-0-order-41, grant 50 migrated-20-1-welcome 'gift' \o/, spend 100 migrated-20-2-order-42
-- a VIP, 160.00: 10% off as a fee, Colissimo free
  rate flat_rate:1 Colissimo: 0
  rate flat_rate:2 Chronopost: 12.90
  fees [["VIP advantage",-16,false]]
array(2) {
  ["_loyalty_points_earned"]=>
  int(144)
  ["_loyalty_points_spent"]=>
  int(0)
}
-- on hold (not paid yet): My Account shows its points pending payment
  <p class="loyalty-balance">Points available: <strong>230</strong></p><p class="loyalty-awaiting">Points pending (until your order is paid): 144</p><ul class="loyalty-expiring"><li>230 points expire on DATE</li></ul>
-- paid (processing), then completed, then the hook again: earned once, pending for the return window
  ledger: earn 230 earn-1, validated 0 validated-501, due 144 due-501, earn 144 earn-501
  <p class="loyalty-balance">Points available: <strong>230</strong></p><p class="loyalty-pending">Points pending (until the return period ends): 144</p><ul class="loyalty-expiring"><li>374 points expire on DATE</li></ul>
-- a quarter refunded, then the rest: its points taken back once
  ledger: earn 230 earn-1, validated 0 validated-501, due 144 due-501, earn 144 earn-501, reverse 36 reverse-501-refund-601, cancelled 0 cancelled-501, reverse 108 reverse-501
-- a customer with 64 points asks for 1,000,000,000, 44.00 with Chronopost: 60 points as a fee, 60 spent at checkout
  rate flat_rate:1 Colissimo: 6.90
  rate flat_rate:2 Chronopost: 12.90
  fees [["Loyalty points",-6,false]]
array(2) {
  ["_loyalty_points_earned"]=>
  int(0)
  ["_loyalty_points_spent"]=>
  int(60)
}
  ledger: earn 64 earn-2, validated 0 validated-502, spend 60 spend-502
-- cancelled: the 60 points come back; paid later by mistake: nothing earned
  ledger: earn 64 earn-2, validated 0 validated-502, spend 60 spend-502, cancelled 0 cancelled-502, restore 60 restore-502
-- the expiry cron (last run 40 days ago), twice; user 30's rows do not replay (a spend of points never earned): logged, the others warned
user9@example.com: 340 of your loyalty points expire on DATE. Use them on your next order before then.
user9@example.com: 340 of your loyalty points expire on DATE. Use them on your next order before then.
expiry warnings, user 30: Loyalty\LedgerException: entries[0]: 500 points to spend at DATE UTC, only 0 available
expiry warnings, user 30: Loyalty\LedgerException: entries[0]: 500 points to spend at DATE UTC, only 0 available
-- settings broken: the shop works, nothing is written
  rate flat_rate:1 Colissimo: 6.90
  rate flat_rate:2 Chronopost: 12.90
  fees []
segments.vip: unexpected end of expression at column 9
orders >
        ^
  ledger: earn 64 earn-2, validated 0 validated-502, spend 60 spend-502, cancelled 0 cancelled-502, restore 60 restore-502
