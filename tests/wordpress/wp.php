<?php
/*
 * The CLI side of scripts/wordpress.sh: boots the throwaway WordPress in WP_ROOT (wp-load.php, its
 * own wp-config.php on the stack's MariaDB) and runs one command; checks print "ok: ..." or
 * "FAIL: ...", which the script counts.
 *   php wp.php install                         wp_install() and the test users
 *   php wp.php activate                        activation, tables, reactivation (check 1)
 *   php wp.php migrate-check                   0.1's user-meta ledger moved at activation
 *   php wp.php grant-once                      a merchant's grant twice: one row
 *   php wp.php option NAME | set-option NAME FILE | user NAME
 *   php wp.php cron-prep | cron-check | cron-deactivate
 *   php wp.php earn-once
 *   php wp.php race-prep POINTS | race CUSTOMER ORDER START_AT ORDERS... | race-verify CUSTOMER POINTS ORDERS...
 *   php wp.php uninstall keep|drop
 */
declare(strict_types=1);

$root = getenv('WP_ROOT') ?: exit("WP_ROOT is not set\n");
$command = $argv[1] ?? '';
$_SERVER['HTTP_HOST'] = parse_url((string) getenv('WP_URL'), PHP_URL_HOST) . ':' . parse_url((string) getenv('WP_URL'), PHP_URL_PORT);
$_SERVER['SERVER_NAME'] = parse_url((string) getenv('WP_URL'), PHP_URL_HOST);
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['REQUEST_METHOD'] = 'GET';
if ($command === 'install') {
    define('WP_INSTALLING', true);
}
require $root . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';

const PLUGIN = 'loyalty-engine/loyalty-engine.php';
const HOOK = 'loyalty_engine_expiry_warnings';
/** 0.1's ledger of customer29: 120 earned 60 days ago, 40 granted, 60 spent (a ref with quotes and a backslash). */
function ledger_0_1(int $now): array
{
    return [['type' => 'earn', 'points' => 120, 'at' => $now - 60 * 86400, 'ref' => 'order-9001'],
        ['type' => 'grant', 'points' => 40, 'at' => $now - 50 * 86400, 'ref' => 'it\'s a "gift" \\o/'],
        ['type' => 'spend', 'points' => 60, 'at' => $now - 40 * 86400, 'ref' => 'order-9002']];
}

function check(string $message, bool $ok, string $detail = ''): void
{
    echo $ok ? 'ok' : 'FAIL', ": $message", $ok || $detail === '' ? '' : " ($detail)", "\n";
}

function table(): string
{
    return $GLOBALS['wpdb']->prefix . 'loyalty_engine_points';
}

function table_exists(): bool
{
    global $wpdb;
    return $wpdb->get_var($wpdb->prepare('SHOW TABLES LIKE %s', table())) === table();
}

/** Every event of the hook in WP-Cron's array. */
function cron_events(string $hook): int
{
    $n = 0;
    foreach (_get_cron_array() ?: [] as $events) {
        $n += count($events[$hook] ?? []);
    }
    return $n;
}

function user_id(string $login): int
{
    return (int) get_user_by('login', $login)->ID;
}

global $wpdb;
switch ($command) {
    case 'install':
        $result = wp_install('Loyalty test shop', 'admin', 'admin@example.test', false, '', 'admin-password');
        check('wp_install() made the site and its admin', is_array($result) && $result['user_id'] > 0);
        wp_insert_user(['user_login' => 'editor', 'user_pass' => 'editor-password', 'user_email' => 'editor@example.test', 'role' => 'editor']);
        for ($i = 1; $i <= 30; $i++) {
            $id = wp_insert_user(['user_login' => "customer$i", 'user_pass' => wp_generate_password(), 'user_email' => "customer$i@example.test", 'role' => 'subscriber']);
            update_user_meta($id, '_order_count', 5);
            update_user_meta($id, '_money_spent', '200.00');
            update_user_meta($id, 'billing_city', 'Lyon');
            update_user_meta($id, 'billing_country', 'FR');
        }
        check('the test users exist', user_id('editor') > 0 && user_id('customer30') > 0);
        // customer29's points as the plugin's 0.1 kept them: the JSON of Ledger::entries() in user meta, slashed
        update_option('loyalty_test_ledger_0_1', $json = json_encode(ledger_0_1(time())));
        update_user_meta(user_id('customer29'), '_loyalty_ledger', wp_slash($json));
        break;

    case 'activate':
        check('WooCommerce is not there (no stub yet)', !class_exists('WooCommerce'));
        $result = activate_plugin(PLUGIN);
        check('activate_plugin() succeeds without WooCommerce, no output, no fatal', $result === null,
            is_wp_error($result) ? $result->get_error_code() . ': ' . $result->get_error_message() : '');
        check('the plugin is active', is_plugin_active(PLUGIN));
        check('dbDelta created the table ' . table(), table_exists());
        $columns = $wpdb->get_results('DESCRIBE ' . table(), ARRAY_A);
        check('DESCRIBE shows its columns', array_column($columns, 'Field') === ['id_points', 'id_customer', 'id_order', 'kind', 'points', 'at', 'ref'],
            implode(',', array_column($columns, 'Field')));
        $indexes = $wpdb->get_results('SHOW INDEX FROM ' . table(), ARRAY_A);
        $unique = array_column(array_filter($indexes, fn($i) => $i['Key_name'] === 'order_kind_ref' && $i['Non_unique'] === '0'), 'Column_name');
        check('the unique key order_kind_ref is on (id_order, kind, ref)', $unique === ['id_order', 'kind', 'ref'], json_encode($unique));
        check('the expiry event is scheduled', (bool) wp_next_scheduled(HOOK));
        // a row, then the merchant deactivates and activates again
        $storage = loyalty_engine_storage();
        $row = ['id_customer' => 999999, 'id_order' => 1, 'kind' => 'earn', 'points' => 7, 'at' => time(), 'ref' => 'earn-1'];
        check('a row inserted once (INSERT IGNORE: the second one is ignored by the unique key)', $storage->insertOnce($row) && !$storage->insertOnce($row));
        $before = count($indexes);
        deactivate_plugins(PLUGIN);
        $result = activate_plugin(PLUGIN);
        check('activating again is harmless', $result === null && $wpdb->last_error === '', is_wp_error($result) ? $result->get_error_message() : $wpdb->last_error);
        check('the rows are kept', (int) $wpdb->get_var('SELECT COUNT(*) FROM ' . table() . ' WHERE id_customer = 999999') === 1);
        check('no key was added twice', count($wpdb->get_results('SHOW INDEX FROM ' . table(), ARRAY_A)) === $before);
        check('one expiry event, not two', cron_events(HOOK) === 1, (string) cron_events(HOOK));
        $changes = dbDelta(loyalty_engine_storage()->schema(), false);
        check('dbDelta() finds nothing to change on the existing table', $changes === [], json_encode($changes));
        $wpdb->query('DELETE FROM ' . table() . ' WHERE id_customer = 999999');
        break;

    case 'migrate-check': // after `activate`: customer29's 0.1 ledger is rows, once
        $customer = user_id('customer29');
        $program = (new Loyalty\Engine(file_get_contents(__DIR__ . '/../../examples/shop.json')))->program();
        $entries = json_decode(get_option('loyalty_test_ledger_0_1'), true);
        $expected = (new Loyalty\Ledger($program, $entries))->balance();
        $balance = (new LoyaltyEnginePoints(loyalty_engine_storage(), $program))->ledger($customer)->balance();
        $rows = $wpdb->get_results($wpdb->prepare('SELECT id_order, kind, points, ref FROM ' . table() . ' WHERE id_customer = %d ORDER BY id_points', $customer), ARRAY_A);
        check("0.1's user-meta ledger moved into the table at activation (activated twice): the same balance, $expected, one row per entry",
            $balance === $expected && $expected === 100 && count($rows) === 3 && $rows[1]['ref'] === "migrated-$customer-1-" . $entries[1]['ref'],
            "balance $balance, rows " . json_encode($rows));
        check('... its order ids kept from the refs "order-N", 0 for the grant', array_column($rows, 'id_order') === ['9001', '0', '9002'], json_encode(array_column($rows, 'id_order')));
        check('... the meta _loyalty_ledger removed, kept byte for byte as _loyalty_ledger_0_1; the data version recorded',
            get_user_meta($customer, '_loyalty_ledger', true) === '' && get_user_meta($customer, '_loyalty_ledger_0_1', true) === get_option('loyalty_test_ledger_0_1')
            && get_option('loyalty_engine_db_version') === LOYALTY_ENGINE_DB_VERSION);
        break;

    case 'grant-once': // a merchant's grant, twice, under MariaDB's unique key
        $customer = user_id('customer28');
        $program = (new Loyalty\Engine(file_get_contents(__DIR__ . '/../../examples/shop.json')))->program();
        $points = new LoyaltyEnginePoints(loyalty_engine_storage(), $program);
        $first = $points->grant($customer, 25, time() - DAY_IN_SECONDS, 'goodwill #12');
        $second = $points->grant($customer, 25, time() - DAY_IN_SECONDS, 'goodwill #12');
        $rows = $wpdb->get_results($wpdb->prepare('SELECT id_order, ref FROM ' . table() . ' WHERE id_customer = %d', $customer), ARRAY_A);
        $balance = $points->ledger($customer)->balance();
        check("a merchant's grant twice with the same ref: one row (order 0), balance $balance", $first && !$second && count($rows) === 1
            && $rows[0]['id_order'] === '0' && $balance === 25, json_encode($rows));
        // why not NULL: MariaDB lets NULLs repeat under a unique key
        for ($i = 0; $i < 2; $i++) {
            $wpdb->query('INSERT IGNORE INTO ' . table() . " (id_customer, id_order, kind, points, at, ref) VALUES (999998, NULL, 'grant', 1, 0, 'same')");
        }
        $nulls = (int) $wpdb->get_var('SELECT COUNT(*) FROM ' . table() . ' WHERE id_customer = 999998');
        $wpdb->query('DELETE FROM ' . table() . ' WHERE id_customer = 999998');
        check('(the same row with a NULL order goes in twice on MariaDB: why grants and migrated rows have order 0)', $nulls === 2, (string) $nulls);
        break;

    case 'option':
        echo get_option($argv[2], '');
        break;

    case 'set-option':
        update_option($argv[2], file_get_contents($argv[3]));
        break;

    case 'user':
        echo user_id($argv[2]);
        break;

    case 'cron-prep': // points expiring in 25 days for customer1, the last run 40 days ago, the event due now
        $id = user_id('customer1');
        loyalty_engine_points()->grant($id, 340, time() - 340 * DAY_IN_SECONDS, 'expires in 25 days');
        update_option('loyalty_engine_cron_last', time() - 40 * DAY_IN_SECONDS);
        delete_option('loyalty_test_mails');
        wp_clear_scheduled_hook(HOOK);
        wp_schedule_event(time() - 60, 'daily', HOOK);
        check('the expiry event is due', wp_next_scheduled(HOOK) <= time());
        break;

    case 'cron-check': // after wp-cron.php ran
        $mails = (array) get_option('loyalty_test_mails', []);
        $expected = array_filter($mails, fn($m) => str_starts_with($m, 'customer1@example.test: 340 of your loyalty points expire on '));
        check('wp-cron.php ran the expiry event: the 60- and 30-day warnings mailed', count($expected) === 2 && count($mails) === 2, json_encode($mails));
        check('the last run is recorded', abs((int) get_option('loyalty_engine_cron_last') - time()) < 60);
        $next = wp_next_scheduled(HOOK);
        check('the event is scheduled again, a day later', $next > time() + DAY_IN_SECONDS - 120 && cron_events(HOOK) === 1, (string) $next);
        do_action(HOOK);
        check('run again at once (do_action): no warning mailed twice', count((array) get_option('loyalty_test_mails', [])) === 2);
        break;

    case 'cron-deactivate':
        deactivate_plugins(PLUGIN);
        check('deactivation unschedules the expiry event', wp_next_scheduled(HOOK) === false && cron_events(HOOK) === 0);
        $result = activate_plugin(PLUGIN);
        check('activation schedules it again', $result === null && (bool) wp_next_scheduled(HOOK) && cron_events(HOOK) === 1);
        break;

    case 'earn-once':
        $customer = user_id('customer2');
        $order = new WC_Order();
        $order->set_customer_id($customer);
        $order->set_total('120.00');
        $order->update_meta_data(Loyalty_Engine_Glue::META_EARNED, 120);
        $order->save();
        $id = $order->get_id();
        do_action('woocommerce_order_status_processing', $id, wc_get_order($id));
        do_action('woocommerce_order_status_completed', $id, wc_get_order($id));
        do_action('woocommerce_order_status_completed', $id, wc_get_order($id));
        $rows = $wpdb->get_results($wpdb->prepare('SELECT kind, points FROM ' . table() . ' WHERE id_order = %d', $id), ARRAY_A);
        check('an order paid, completed, completed again: earned once', $rows === [['kind' => 'earn', 'points' => '120']], json_encode($rows));
        check('the account shows 120 pending', loyalty_engine_points()->account($customer, time())['pending'] === 120);
        break;

    case 'race-prep': // a fresh customer with POINTS granted 30 days ago, and two pending orders of 100.00
        $n = (int) get_option('loyalty_test_race', 0) + 1;
        update_option('loyalty_test_race', $n);
        $customer = user_id('customer' . (2 + $n));
        loyalty_engine_points()->grant($customer, (int) $argv[2], time() - 30 * DAY_IN_SECONDS, 'race');
        $ids = [];
        for ($i = 0; $i < 2; $i++) {
            $order = new WC_Order();
            $order->set_customer_id($customer);
            $order->set_total('100.00');
            $ids[] = $order->save();
        }
        echo $customer, ' ', implode(' ', $ids), "\n";
        break;

    case 'race': // one checkout at START_AT, then every order of the round marked completed
        [, , $customer, $id, $start] = $argv;
        wp_set_current_user((int) $customer);
        WC()->cart = new WC_Cart(['k' => ['product_id' => 1, 'variation_id' => 0, 'quantity' => 1, 'data' => new WC_Product_Simple(1, 'TEA-01', '100.00')]]);
        time_sleep_until(max((float) $start, microtime(true) + 0.001));
        $t = microtime(true);
        do_action('woocommerce_checkout_order_processed', (int) $id, [], wc_get_order((int) $id));
        $took = microtime(true) - $t;
        foreach (array_slice($argv, 5) as $other) {
            do_action('woocommerce_order_status_completed', (int) $other, wc_get_order((int) $other));
        }
        $order = wc_get_order((int) $id);
        printf("order %d: spent %d, due %d, checkout %.2f s\n", $id, (int) $order->get_meta(Loyalty_Engine_Glue::META_SPENT),
            (int) $order->get_meta(Loyalty_Engine_Glue::META_EARNED), $took);
        break;

    case 'race-verify':
        [, , $customer, $granted] = $argv;
        $ids = array_map('intval', array_slice($argv, 4));
        $spent = $due = 0;
        $spenders = 0;
        foreach ($ids as $id) {
            $order = wc_get_order($id);
            $s = (int) $order->get_meta(Loyalty_Engine_Glue::META_SPENT);
            $spent += $s;
            $spenders += $s > 0 ? 1 : 0;
            $due += (int) $order->get_meta(Loyalty_Engine_Glue::META_EARNED);
        }
        $sum = (int) $wpdb->get_var($wpdb->prepare(
            "SELECT SUM(CASE kind WHEN 'spend' THEN -points WHEN 'earn' THEN points WHEN 'grant' THEN points ELSE 0 END) FROM " . table() . ' WHERE id_customer = %d',
            $customer
        ));
        $per_order = $wpdb->get_results($wpdb->prepare('SELECT id_order, kind, COUNT(*) AS n FROM ' . table() . ' WHERE id_customer = %d AND id_order IS NOT NULL GROUP BY id_order, kind HAVING n > 1', $customer), ARRAY_A);
        try {
            $account = loyalty_engine_points()->account((int) $customer, time());
            $ledger = 'balance ' . $account['balance'] . ', pending ' . $account['pending'];
        } catch (Throwable $e) {
            $ledger = get_class($e) . ': ' . $e->getMessage();
        }
        $ok = $spenders === 1 && $spent === (int) $granted && $sum === $granted - $spent + $due && $per_order === [] && str_starts_with($ledger, 'balance 0,');
        check("customer $customer: one of the two checkouts spent the $granted points; ledger sum $sum = $granted granted - $spent spent + $due earned; $ledger", $ok,
            "spenders $spenders, duplicates " . json_encode($per_order));
        break;

    case 'uninstall':
        $keep = $argv[2] === 'keep';
        update_option('loyalty_engine_keep_data', $keep ? '1' : '');
        $settings = get_option('loyalty_engine_settings');
        $rows = (int) $wpdb->get_var('SELECT COUNT(*) FROM ' . table());
        deactivate_plugins(PLUGIN);
        uninstall_plugin(PLUGIN);
        wp_cache_flush();
        if ($keep) {
            check("uninstall with loyalty_engine_keep_data: the table and its $rows rows are kept", table_exists() && (int) $wpdb->get_var('SELECT COUNT(*) FROM ' . table()) === $rows && $rows > 0);
            check('... and the settings and the merchant\'s choice to keep them', get_option('loyalty_engine_settings') === $settings && get_option('loyalty_engine_keep_data') === '1');
            check('... and the expiry event is gone', wp_next_scheduled(HOOK) === false);
            $result = activate_plugin(PLUGIN);
            check('installed again: the points are there', $result === null && (int) $wpdb->get_var('SELECT COUNT(*) FROM ' . table()) === $rows);
        } else {
            check('uninstall without loyalty_engine_keep_data: the table is dropped', !table_exists());
            $left = array_filter(['loyalty_engine_settings', 'loyalty_engine_keep_data', 'loyalty_engine_cron_last', 'loyalty_engine_db_version'], fn($o) => get_option($o, null) !== null);
            check('... the options are deleted', $left === [], implode(',', $left));
            check('... the expiry event is gone', wp_next_scheduled(HOOK) === false);
        }
        break;

    default:
        exit("unknown command $command\n");
}
