--TEST--
WooCommerce plugin glue: WC_Cart and WC_Customer to the engine's arrays, fees, free shipping rates, points into a ledger in user meta
--EXTENSIONS--
loyalty
--INI--
date.timezone=UTC
--FILE--
<?php
require __DIR__ . '/../../examples/woocommerce/loyalty-engine/includes/class-loyalty-engine-glue.php';

// Stubs with the methods of WooCommerce's classes that the glue uses, and WordPress's user meta
// functions with their slashing behaviour (update_user_meta() unslashes its value).
class WC_Product
{
    public function __construct(private string $sku, private string $price, private array $categories = []) {}
    public function get_sku() { return $this->sku; }
    public function get_price() { return $this->price; }
    public function get_category_ids() { return $this->categories; }
}
class WC_Cart
{
    public array $fees = [];
    public function __construct(private array $items, private array $coupons = [], private $discount = 0.0) {}
    public function get_cart() { return $this->items; }
    public function get_applied_coupons() { return $this->coupons; }
    public function get_discount_total() { return $this->discount; }
    public function add_fee($name, $amount, $taxable = false, $tax_class = '') { $this->fees[] = [$name, $amount, $taxable]; }
}
class WC_DateTime extends DateTime {}
class WC_Order
{
    public array $meta = [];
    public array $notes = [];
    public int $saves = 0;
    public function __construct(private int $id, private int $customer_id, private string $created = '2026-11-01 09:30:00') {}
    public function get_id() { return $this->id; }
    public function get_customer_id() { return $this->customer_id; }
    public function get_date_created() { return new WC_DateTime($this->created); }
    public function get_meta($key, $single = true) { return $this->meta[$key] ?? ''; }
    public function update_meta_data($key, $value) { $this->meta[$key] = $value; }
    public function add_order_note($note) { $this->notes[] = $note; }
    public function save() { $this->saves++; return $this->id; }
}
class WC_Customer
{
    public function __construct(private int $id, private int $orders, private string $spent, private ?WC_Order $last) {}
    public function get_id() { return $this->id; }
    public function get_order_count() { return $this->orders; }
    public function get_total_spent() { return $this->spent; }
    public function get_last_order() { return $this->last ?? false; }
    public function get_billing_city() { return 'Paris'; }
    public function get_billing_postcode() { return '75011'; }
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
$user_meta = [];
function wp_slash($value) { return is_string($value) ? addslashes($value) : $value; }
function update_user_meta($user_id, $key, $value) { global $user_meta; $user_meta[$user_id][$key] = stripslashes($value); return true; }
function get_user_meta($user_id, $key, $single = false) { global $user_meta; return $user_meta[$user_id][$key] ?? ''; }

$G = 'Loyalty_Engine_Glue';
$engine = new Loyalty\Engine(file_get_contents(__DIR__ . '/../../examples/shop.json'));
$now = '2026-11-22 10:00:00';

echo "-- prices\n";
foreach (['19.99', '12.345', '', 6.9, 0.1 + 0.2, 110, '0.005'] as $amount) {
    printf("%s -> %d\n", var_export($amount, true), $G::to_minor($amount));
}
try {
    $G::to_minor('-5.00');
} catch (InvalidArgumentException $e) {
    echo $e->getMessage(), "\n";
}
echo $G::to_decimal(-1600), ' ', $G::to_decimal(7), ' ', $G::to_decimal(1500, 0), "\n";

echo "-- cart and customer\n";
$items = [
    'a1' => ['product_id' => 11, 'variation_id' => 0, 'quantity' => 4, 'data' => new WC_Product('TEA-01', '12.50', [15, 16])],
    'b2' => ['product_id' => 12, 'variation_id' => 31, 'quantity' => '1', 'data' => new WC_Product('', '110')],
];
$cart = new WC_Cart($items);
$colissimo = new WC_Shipping_Rate('Colissimo', '6.90', [1 => 1.38]);
$chronopost = new WC_Shipping_Rate('Chronopost', '12.90', [1 => 2.58]);
echo json_encode($G::cart_from_wc($cart, $G::shipping_of($colissimo))), "\n";
echo json_encode($G::cart_from_wc(new WC_Cart($items, ['welcome5'], 5.0), $G::shipping_of(null))), "\n";
$vip = new WC_Customer(5, 12, '1840.00', new WC_Order(77, 5));
$customer = $G::customer_from_wc($vip, ['customer', 'VIP'], 230);
$shown = $customer;
$shown['last_order'] = get_class($customer['last_order']) . ' ' . $customer['last_order']->format('Y-m-d H:i:s');
echo json_encode($shown), "\n";
echo json_encode($G::customer_from_wc(new WC_Customer(0, 0, '', null), [], 0)), "\n";

echo "-- free shipping on the rates the engine makes free\n";
$quote = fn(string $carrier, int $shipping) => $engine->evaluate($G::cart_from_wc($cart, ['carrier' => $carrier, 'shipping' => $shipping]), $customer, $now);
foreach ([1, 2] as $pass) {   // WooCommerce may filter the same rates again: the original cost stays
    $rates = $G::free_shipping_rates(['flat_rate:1' => $colissimo, 'flat_rate:2' => $chronopost], $quote);
    foreach ($rates as $id => $rate) {
        printf("pass %d %s %s cost %s taxes %s meta %s; engine sees %s\n", $pass, $id, $rate->get_label(), $rate->get_cost(),
            json_encode($rate->get_taxes()), json_encode($rate->get_meta_data()), json_encode($G::shipping_of($rate)));
    }
}

echo "-- the discount as a negative fee\n";
$result = $engine->evaluate($G::cart_from_wc($cart, $G::shipping_of($colissimo)), $customer, $now);
var_dump($G::apply_fees($cart, $result), $cart->fees);
$nothing = $engine->evaluate($G::cart_from_wc($cart, $G::shipping_of($colissimo)), ['orders' => 0], $now);
$empty = new WC_Cart($items);
var_dump($G::apply_fees($empty, $nothing), $empty->fees);

echo "-- points: quote on the order, ledger in user meta on completion\n";
$order = new WC_Order(501, 5);
$G::record_quote($order, $result);
var_dump($order->meta);
$store = new Loyalty_Engine_Ledger_Store($engine->program());
var_dump($store->load(5)->entries());
$seed = $store->load(5);
$seed->grant(100, '2026-10-01 12:00:00', 'apology for "late" parcel \\ sorry');
$store->save(5, $seed);
echo $user_meta[5]['_loyalty_ledger'], "\n";
var_dump($store->load(5)->entries() === $seed->entries());
var_dump($G::award_points($order, $store, $now), $G::award_points($order, $store, $now));
echo $user_meta[5]['_loyalty_ledger'], "\n";
var_dump($order->meta['_loyalty_points_awarded'], $order->saves, $store->load(5)->balance('2026-12-22 10:00:00'));

echo "-- spending points that are gone: noted on the order, the earned points still come in\n";
$order = new WC_Order(502, 5);
$order->update_meta_data('_loyalty_points_spent', 500);
$order->update_meta_data('_loyalty_points_earned', 12);
var_dump($G::award_points($order, $store, '2026-11-23 10:00:00'), $order->notes);
echo $user_meta[5]['_loyalty_ledger'], "\n";

echo "-- guests have no ledger\n";
$guest = new WC_Order(503, 0);
$guest->update_meta_data('_loyalty_points_earned', 30);
var_dump($G::award_points($guest, $store, $now), isset($user_meta[0]));
?>
--EXPECT--
-- prices
'19.99' -> 1999
'12.345' -> 1235
'' -> 0
6.9 -> 690
0.30000000000000004 -> 30
110 -> 11000
'0.005' -> 1
not a non-negative amount: '-5.00'
-16.00 0.07 1500
-- cart and customer
{"lines":[{"sku":"TEA-01","qty":4,"price":1250,"category":"15"},{"sku":"product-31","qty":1,"price":11000}],"carrier":"Colissimo","shipping":690,"vouchers":[],"voucher_discount":0}
{"lines":[{"sku":"TEA-01","qty":4,"price":1250,"category":"15"},{"sku":"product-31","qty":1,"price":11000}],"carrier":"","shipping":0,"vouchers":["welcome5"],"voucher_discount":500}
{"id":5,"groups":["customer","VIP"],"orders":12,"spent":184000,"last_order":"WC_DateTime 2026-11-01 09:30:00","city":"Paris","postcode":"75011","country":"FR","points":230}
{"id":0,"groups":[],"orders":0,"spent":0,"last_order":null,"city":"Paris","postcode":"75011","country":"FR","points":0}
-- free shipping on the rates the engine makes free
pass 1 flat_rate:1 Colissimo cost 0 taxes {"1":0} meta {"loyalty_original_cost":"6.90"}; engine sees {"carrier":"Colissimo","shipping":690}
pass 1 flat_rate:2 Chronopost cost 12.90 taxes {"1":2.58} meta []; engine sees {"carrier":"Chronopost","shipping":1290}
pass 2 flat_rate:1 Colissimo cost 0 taxes {"1":0} meta {"loyalty_original_cost":"6.90"}; engine sees {"carrier":"Colissimo","shipping":690}
pass 2 flat_rate:2 Chronopost cost 12.90 taxes {"1":2.58} meta []; engine sees {"carrier":"Chronopost","shipping":1290}
-- the discount as a negative fee
array(1) {
  [0]=>
  array(2) {
    [0]=>
    string(13) "VIP advantage"
    [1]=>
    string(6) "-16.00"
  }
}
array(1) {
  [0]=>
  array(3) {
    [0]=>
    string(13) "VIP advantage"
    [1]=>
    float(-16)
    [2]=>
    bool(false)
  }
}
array(0) {
}
array(0) {
}
-- points: quote on the order, ledger in user meta on completion
array(2) {
  ["_loyalty_points_earned"]=>
  int(144)
  ["_loyalty_points_spent"]=>
  int(0)
}
array(0) {
}
[{"type":"grant","points":100,"at":1790856000,"ref":"apology for \"late\" parcel \\ sorry"}]
bool(true)
bool(true)
bool(false)
[{"type":"grant","points":100,"at":1790856000,"ref":"apology for \"late\" parcel \\ sorry"},{"type":"earn","points":144,"at":1795341600,"ref":"order-501"}]
string(3) "yes"
int(1)
int(244)
-- spending points that are gone: noted on the order, the earned points still come in
bool(true)
array(1) {
  [0]=>
  string(154) "Loyalty: 500 points could not be spent (spend: 500 points to spend at 2026-11-23 10:00:00 UTC, only 100 available (more are pending in the return window))"
}
[{"type":"grant","points":100,"at":1790856000,"ref":"apology for \"late\" parcel \\ sorry"},{"type":"earn","points":144,"at":1795341600,"ref":"order-501"},{"type":"earn","points":12,"at":1795428000,"ref":"order-502"}]
-- guests have no ledger
bool(false)
bool(false)
