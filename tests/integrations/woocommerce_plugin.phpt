--TEST--
WooCommerce plugin: its hooks on stub WordPress and WooCommerce (fee, free shipping rates, points recorded at checkout and awarded on completion)
--EXTENSIONS--
loyalty
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
function update_user_meta($user_id, $key, $value) { $GLOBALS['user_meta'][$user_id][$key] = stripslashes($value); return true; }
function get_user_meta($user_id, $key, $single = false) { return $GLOBALS['user_meta'][$user_id][$key] ?? ''; }
function WC() { return $GLOBALS['woo']; }

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
    public function __construct(private int $id, private int $customer_id, private ?string $completed = null) {}
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
    $entries = json_decode(get_user_meta($user, '_loyalty_ledger', true), true);
    return implode(', ', array_map(fn($e) => "{$e['type']} {$e['points']} {$e['ref']}", $entries));
}

require __DIR__ . '/../../examples/woocommerce/loyalty-engine/loyalty-engine.php';
echo implode(', ', array_keys($hooks)), "\n";

$items = ['a' => ['product_id' => 1, 'variation_id' => 0, 'quantity' => 4, 'data' => new WC_Product('TEA-01', '12.50')],
          'b' => ['product_id' => 2, 'variation_id' => 0, 'quantity' => 1, 'data' => new WC_Product('POT-7', '110.00')]];

echo "-- no settings yet: the shop works as before\n";
$current_user = 5;
checkout(new WC_Cart($items), 'flat_rate:1');

$options['loyalty_engine_settings'] = file_get_contents(__DIR__ . '/../../examples/shop.json');
$user_meta[5]['_loyalty_ledger'] = json_encode([['type' => 'earn', 'points' => 230, 'at' => time() - 30 * 86400, 'ref' => 'order-1']]);
$user_meta[6]['_loyalty_ledger'] = json_encode([['type' => 'earn', 'points' => 64, 'at' => time() - 30 * 86400, 'ref' => 'order-2']]);

echo "-- a VIP, 160.00: 10% off as a fee, Colissimo free\n";
checkout($cart = new WC_Cart($items), 'flat_rate:1');
$order = new WC_Order(501, 5, gmdate('Y-m-d H:i:s', time() - 86400));
do_action('woocommerce_checkout_create_order', $order, []);
var_dump($order->meta);
do_action('woocommerce_order_status_completed', 501, $order);
do_action('woocommerce_order_status_completed', 501, $order);
echo '  ledger: ', ledger_of(5), "\n";

echo "-- a customer with 64 points, 44.00 with Chronopost: 60 points as a fee\n";
$current_user = 6;
checkout(new WC_Cart(['c' => ['product_id' => 3, 'variation_id' => 0, 'quantity' => 4, 'data' => new WC_Product('MUG-3', '11.00')]]), 'flat_rate:2');
$order = new WC_Order(502, 6, gmdate('Y-m-d H:i:s', time() - 3600));
do_action('woocommerce_checkout_create_order', $order, []);
do_action('woocommerce_order_status_completed', 502, $order);
var_dump($order->meta);
echo '  ledger: ', ledger_of(6), "\n";
?>
--EXPECT--
woocommerce_cart_calculate_fees, woocommerce_package_rates, woocommerce_checkout_create_order, woocommerce_order_status_completed
-- no settings yet: the shop works as before
  rate flat_rate:1 Colissimo: 6.90
  rate flat_rate:2 Chronopost: 12.90
  fees []
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
  ledger: earn 230 order-1, earn 144 order-501
-- a customer with 64 points, 44.00 with Chronopost: 60 points as a fee
  rate flat_rate:1 Colissimo: 6.90
  rate flat_rate:2 Chronopost: 12.90
  fees [["Loyalty points",-6,false]]
array(3) {
  ["_loyalty_points_earned"]=>
  int(0)
  ["_loyalty_points_spent"]=>
  int(60)
  ["_loyalty_points_awarded"]=>
  string(3) "yes"
}
  ledger: earn 64 order-2, spend 60 order-502
