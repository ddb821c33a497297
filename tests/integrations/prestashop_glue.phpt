--TEST--
PrestaShop module glue: Cart, Customer and cart rules to the engine's arrays, the Result back to cart rules and a message
--EXTENSIONS--
loyalty
--INI--
date.timezone=UTC
--FILE--
<?php
require __DIR__ . '/../../examples/prestashop/loyaltyengine/classes/LoyaltyEngineGlue.php';

// Stubs with the methods and properties of PrestaShop's Cart, Customer and Address that the glue uses.
class Cart
{
    public $id = 42;
    public $id_customer = 7;
    public $id_currency = 1;
    public function __construct(public array $products, public array $rules, public float $shipping) {}
    public function getProducts() { return $this->products; }
    public function getCartRules() { return $this->rules; }
    public function getOrderTotal($withTaxes = true, $type = 3)
    {
        if ($type !== 5) throw new LogicException("only Cart::ONLY_SHIPPING is expected, got $type");
        return $withTaxes ? $this->shipping : round($this->shipping / 1.2, 6);
    }
}
class Customer
{
    public $id = 7;
    public $active = '1';
    public function getGroups() { return ['3', '4', '9']; }
}
class Address
{
    public $city = 'Paris';
    public $postcode = '75011';
}

echo "-- float prices to minor units\n";
foreach ([19.99, 0.1 + 0.2, 1.005, 23.988, 23.984, 1e-7, 0.0, -0.0, 12, '15.5', ' 7.125 ', 1999.9999999] as $amount) {
    printf("%s -> %d\n", var_export($amount, true), LoyaltyEngineGlue::toMinor($amount));
}
printf("(int) (19.99 * 100) would be %d\n", (int) (19.99 * 100));
printf("JPY 1500.0 -> %d, BHD 1.2345 -> %d\n", LoyaltyEngineGlue::toMinor(1500.0, 0), LoyaltyEngineGlue::toMinor(1.2345, 3));
foreach ([-0.01, NAN, INF, '1e3', 'abc', '99999999999999999.99'] as $bad) {
    try {
        LoyaltyEngineGlue::toMinor($bad);
        echo "accepted\n";
    } catch (InvalidArgumentException $e) {
        echo $e->getMessage(), "\n";
    }
}
echo LoyaltyEngineGlue::toDecimal(1250), ' ', LoyaltyEngineGlue::toDecimal(5), ' ', LoyaltyEngineGlue::toDecimal(0),
    ' ', LoyaltyEngineGlue::toDecimal(1250, 0), ' ', LoyaltyEngineGlue::toDecimal(1234, 3), "\n";

echo "-- the engine's cart and customer\n";
$products = [
    ['id_product' => 1, 'id_product_attribute' => 0, 'reference' => 'TEA-01', 'cart_quantity' => '4',
     'price' => 10.416667, 'price_wt' => 12.5, 'id_category_default' => '12'],
    ['id_product' => 8, 'id_product_attribute' => 31, 'reference' => '', 'cart_quantity' => 1,
     'price' => 91.666667, 'price_wt' => 110.0, 'id_category_default' => 0],
];
$ourOldRule = ['id_cart_rule' => 90, 'code' => 'LTY-42-VIP-500', 'value_real' => 5.0, 'value_tax_exc' => 4.17];
$cart = new Cart($products, [$ourOldRule], 6.9);
echo json_encode(LoyaltyEngineGlue::cart($cart, 'Colissimo')), "\n";
$withVouchers = new Cart($products, [$ourOldRule,
    ['id_cart_rule' => 3, 'code' => 'WELCOME5', 'value_real' => 5.0, 'value_tax_exc' => 4.166667],
    ['id_cart_rule' => 4, 'code' => '', 'value_real' => 1.99, 'value_tax_exc' => 1.658333]], 6.9);
echo json_encode(LoyaltyEngineGlue::cart($withVouchers, 'Colissimo', 2, false)), "\n";

$orders = [
    ['valid' => '1', 'total_paid_tax_incl' => 120.5, 'date_add' => '2025-03-02 10:00:00', 'id_carrier' => '2'],
    ['valid' => '0', 'total_paid_tax_incl' => 999.0, 'date_add' => '2026-11-01 09:00:00', 'id_carrier' => '2'],
    ['valid' => '1', 'total_paid_tax_incl' => 1720.1, 'date_add' => '2026-11-01 08:00:00', 'id_carrier' => '5'],
    ['valid' => '1', 'total_paid_tax_incl' => 0.3, 'date_add' => '2024-12-31 23:59:59', 'id_carrier' => '2'],
];
$groups = [3 => 'Customer', 4 => 'VIP', 1 => 'Visitor'];
$customer = LoyaltyEngineGlue::customer(new Customer(), $groups, $orders, new Address(), 'FR', 230, [2 => 'Colissimo']);
echo json_encode($customer), "\n";
echo json_encode(LoyaltyEngineGlue::customer(new Customer(), [], [], null, '', 0)), "\n";

echo "-- Result to cart rules, sync plan, message\n";
$engine = new Loyalty\Engine(file_get_contents(__DIR__ . '/../../examples/shop.json'));
$result = $engine->evaluate(LoyaltyEngineGlue::cart($cart, 'Colissimo'), $customer, '2026-11-22 10:00:00');
echo $result->discount, ' ', $result->freeShipping ? 'free shipping' : 'shipping paid', "\n";
$rules = LoyaltyEngineGlue::cartRules($result, $cart, 1795341600);
var_dump($rules);
var_dump(LoyaltyEngineGlue::syncPlan($cart->getCartRules(), $rules));
var_dump(LoyaltyEngineGlue::syncPlan([['id_cart_rule' => 91, 'code' => 'LTY-42-VIP-1600-FS'], ['id_cart_rule' => 3, 'code' => 'WELCOME5']], $rules));
$labels = LoyaltyEngineGlue::labels($engine->program());
echo json_encode($labels), "\n";
echo LoyaltyEngineGlue::rejectedMessage($result, $labels), "\n";

echo "-- a VIP customer with a small cart: points become a cart rule, the VIP tier is out of reach\n";
$small = new Cart([['id_product' => 5, 'reference' => 'MUG-3', 'cart_quantity' => 4, 'price' => 9.17, 'price_wt' => 11.0]], [], 6.9);
$vip = ['id' => 8, 'orders' => 3, 'points' => 64, 'spent' => 30000, 'groups' => ['VIP']];
$result = $engine->evaluate(LoyaltyEngineGlue::cart($small, 'Chronopost'), $vip, '2026-11-22 10:00:00');
foreach (LoyaltyEngineGlue::cartRules($result, $small, 1795341600) as $rule) {
    echo $rule['code'], ' ', $rule['name'], ' ', $rule['reduction_amount'], ' free_shipping=', $rule['free_shipping'], "\n";
}
echo LoyaltyEngineGlue::rejectedMessage($result, $labels), "\n";
?>
--EXPECT--
-- float prices to minor units
19.99 -> 1999
0.30000000000000004 -> 30
1.005 -> 101
23.988 -> 2399
23.984 -> 2398
1.0E-7 -> 0
0.0 -> 0
-0.0 -> 0
12 -> 1200
'15.5' -> 1550
' 7.125 ' -> 713
1999.9999999 -> 200000
(int) (19.99 * 100) would be 1998
JPY 1500.0 -> 1500, BHD 1.2345 -> 1235
not a non-negative amount: -0.01
amount is not finite
amount is not finite
not a non-negative amount: '1e3'
not a non-negative amount: 'abc'
amount too large: '99999999999999999.99'
12.50 0.05 0.00 1250 1.234
-- the engine's cart and customer
{"lines":[{"sku":"TEA-01","qty":4,"price":1250,"category":"12"},{"sku":"8-31","qty":1,"price":11000}],"carrier":"Colissimo","shipping":690,"vouchers":[],"voucher_discount":0}
{"lines":[{"sku":"TEA-01","qty":4,"price":1042,"category":"12"},{"sku":"8-31","qty":1,"price":9167}],"carrier":"Colissimo","shipping":575,"vouchers":["WELCOME5","#4"],"voucher_discount":583}
{"id":7,"active":true,"groups":["Customer","VIP"],"orders":3,"spent":184090,"first_order":"2024-12-31 23:59:59","last_order":"2026-11-01 08:00:00","city":"Paris","postcode":"75011","country":"FR","carriers":["Colissimo"],"points":230}
{"id":7,"active":true,"groups":[],"orders":0,"spent":0,"first_order":null,"last_order":null,"city":null,"postcode":null,"country":"","carriers":[],"points":0}
-- Result to cart rules, sync plan, message
1600 free shipping
array(1) {
  [0]=>
  array(16) {
    ["code"]=>
    string(18) "LTY-42-VIP-1600-FS"
    ["name"]=>
    string(13) "VIP advantage"
    ["description"]=>
    string(29) "loyalty engine: advantage vip"
    ["id_customer"]=>
    int(7)
    ["date_from"]=>
    string(19) "2026-11-22 10:00:00"
    ["date_to"]=>
    string(19) "2026-11-23 10:00:00"
    ["quantity"]=>
    int(1)
    ["quantity_per_user"]=>
    int(1)
    ["priority"]=>
    int(1)
    ["partial_use"]=>
    int(0)
    ["highlight"]=>
    int(0)
    ["active"]=>
    int(1)
    ["reduction_amount"]=>
    string(5) "16.00"
    ["reduction_tax"]=>
    int(1)
    ["reduction_currency"]=>
    int(1)
    ["free_shipping"]=>
    int(1)
  }
}
array(2) {
  ["remove"]=>
  array(1) {
    [0]=>
    int(90)
  }
  ["add"]=>
  array(1) {
    [0]=>
    array(16) {
      ["code"]=>
      string(18) "LTY-42-VIP-1600-FS"
      ["name"]=>
      string(13) "VIP advantage"
      ["description"]=>
      string(29) "loyalty engine: advantage vip"
      ["id_customer"]=>
      int(7)
      ["date_from"]=>
      string(19) "2026-11-22 10:00:00"
      ["date_to"]=>
      string(19) "2026-11-23 10:00:00"
      ["quantity"]=>
      int(1)
      ["quantity_per_user"]=>
      int(1)
      ["priority"]=>
      int(1)
      ["partial_use"]=>
      int(0)
      ["highlight"]=>
      int(0)
      ["active"]=>
      int(1)
      ["reduction_amount"]=>
      string(5) "16.00"
      ["reduction_tax"]=>
      int(1)
      ["reduction_currency"]=>
      int(1)
      ["free_shipping"]=>
      int(1)
    }
  }
}
array(2) {
  ["remove"]=>
  array(0) {
  }
  ["add"]=>
  array(0) {
  }
}
{"loyalty":"Loyalty points","vip":"VIP advantage","wholesale":"Wholesale 5% from 500.00","welcome":"Welcome back","books":"10% on books","friday":"Friday evening: free shipping"}
Loyalty points: a segment advantage applied and points do not combine with it
-- a VIP customer with a small cart: points become a cart rule, the VIP tier is out of reach
LTY-42-LOYALTY-600 Loyalty points 6.00 free_shipping=0
VIP advantage: subtotal 44.00 is below 50.00
