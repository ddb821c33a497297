--TEST--
PrestaShop module: the cart hook keeps one cart rule per applied entry in line with the cart, without answering itself; the cart page lists rejections
--EXTENSIONS--
loyalty
--INI--
date.timezone=UTC
--FILE--
<?php
// Just enough of PrestaShop for loyaltyengine.php: its classes as the module calls them.
define('_PS_VERSION_', '8.1.7');
define('_DB_PREFIX_', 'ps_');
define('_MYSQL_ENGINE_', 'InnoDB');

class Context
{
    public static $instance;
    public $cart, $language, $currency;
    public static function getContext() { return self::$instance; }
}
class Module
{
    public $name, $tab, $version, $author, $need_instance, $ps_versions_compliancy, $displayName, $description;
    public $context;
    public $_errors = [];
    public array $hooks = [];
    public function __construct() { $this->context = Context::getContext(); }
    public function l($text) { return $text; }
    public function install() { return true; }
    public function uninstall() { return true; }
    public function registerHook($name) { $this->hooks[] = $name; return true; }
}
class Configuration
{
    public static array $values = [];
    public static function get($key) { return self::$values[$key] ?? false; }
    public static function updateValue($key, $value) { self::$values[$key] = $value; return true; }
    public static function deleteByName($key) { unset(self::$values[$key]); return true; }
}
class Validate
{
    public static function isLoadedObject($object) { return is_object($object) && !empty($object->id); }
}
class Db
{
    public static array $ledgers = [];
    public array $queries = [];
    public static function getInstance() { static $db; return $db ??= new Db(); }
    public function execute($sql) { $this->queries[] = preg_replace('/\s+/', ' ', $sql); return true; }
    public function getValue($sql) { preg_match('/id_customer = (\d+)/', $sql, $m); return self::$ledgers[(int) $m[1]] ?? false; }
}
class Language
{
    public static function getIDs($active = true) { return [1, 2]; }
}
class Group
{
    public static function getGroups($idLang) { return [['id_group' => 3, 'name' => 'Customer'], ['id_group' => 4, 'name' => 'VIP']]; }
}
class Carrier
{
    const ALL_CARRIERS = 5;
    const NAMES = [2 => 'Colissimo', 5 => 'Chronopost'];
    public $id, $name;
    public function __construct($id = null) { $this->id = $id; $this->name = self::NAMES[$id] ?? null; }
    public static function getCarriers($idLang, $active = false, $delete = false, $idZone = false, $groups = null, $filter = 1)
    {
        return array_map(fn($id, $name) => ['id_carrier' => $id, 'name' => $name], array_keys(self::NAMES), self::NAMES);
    }
}
class Customer
{
    public $id, $active = '1';
    public function __construct($id = null) { $this->id = $id; }
    public function getGroups() { return [3, 4]; }
}
class Address
{
    public $id, $city = 'Paris', $postcode = '75011', $id_country = 8;
    public function __construct($id = null) { $this->id = $id; }
}
class Country
{
    public static function getIsoById($id) { return $id === 8 ? 'FR' : false; }
}
class Order
{
    public static function getCustomerOrders($idCustomer)
    {
        return [['valid' => '1', 'total_paid_tax_incl' => 1200.0, 'date_add' => '2024-03-02 10:00:00', 'id_carrier' => 2],
                ['valid' => '1', 'total_paid_tax_incl' => 640.0, 'date_add' => '2025-01-15 18:20:00', 'id_carrier' => 2]];
    }
}
#[AllowDynamicProperties]
class CartRule
{
    public static array $table = [];
    public static int $nextId = 100;
    public $id, $name, $code;
    public function __construct($id = null) { if ($id) { foreach (self::$table[$id] as $k => $v) $this->$k = $v; } }
    public function add() { $this->id = self::$nextId++; self::$table[$this->id] = get_object_vars($this); return true; }
    public function delete() { unset(self::$table[$this->id]); return true; }
}
class Cart
{
    public $id = 42, $id_customer = 7, $id_carrier = 2, $id_address_delivery = 11, $id_currency = 1;
    public array $ruleIds = [];
    public function __construct(public array $products) {}
    public function getProducts() { return $this->products; }
    public function getCartRules()
    {
        return array_map(fn($id) => ['id_cart_rule' => $id, 'code' => CartRule::$table[$id]['code'],
            'value_real' => (float) (CartRule::$table[$id]['reduction_amount'] ?? 0), 'value_tax_exc' => 0.0], $this->ruleIds);
    }
    public function getOrderTotal($withTaxes = true, $type = 3) { return 6.9; }
    // As in PrestaShop, adding or removing a cart rule saves the cart, which runs actionCartSave again.
    public function addCartRule($id) { $this->ruleIds[] = $id; $this->save(); return true; }
    public function removeCartRule($id) { $this->ruleIds = array_values(array_diff($this->ruleIds, [$id])); $this->save(); return true; }
    public function save() { $GLOBALS['saves']++; $GLOBALS['module']->hookActionCartSave(['cart' => $this]); }
}

function show(Cart $cart): void
{
    foreach ($cart->ruleIds as $id) {
        $r = CartRule::$table[$id];
        printf("  #%d %s %s reduction %s free_shipping %d for customer %d, names %s\n", $id, $r['code'], $r['description'] ?? '-',
            $r['reduction_amount'], $r['free_shipping'] ?? 0, $r['id_customer'] ?? 0, json_encode($r['name']));
    }
    printf("  %d cart rules in the shop, %d cart saves\n", count(CartRule::$table), $GLOBALS['saves']);
}

$saves = 0;
Context::$instance = new Context();
Context::$instance->language = (object) ['id' => 1];
Context::$instance->currency = (object) ['precision' => 2];
require __DIR__ . '/../../examples/prestashop/loyaltyengine/loyaltyengine.php';
$module = new LoyaltyEngine();
var_dump($module->install(), $module->hooks, Configuration::get('LOYALTY_SETTINGS'), Db::getInstance()->queries);
Configuration::updateValue('LOYALTY_SETTINGS', file_get_contents(__DIR__ . '/../../examples/shop.json'));
// 230 points earned a month ago: a lapsed VIP (last order 2025) who has points.
Db::$ledgers[7] = json_encode([['type' => 'earn', 'points' => 230, 'at' => time() - 30 * 86400, 'ref' => 'order-1']]);

$tea = ['id_product' => 1, 'reference' => 'TEA-01', 'cart_quantity' => 4, 'price' => 10.416667, 'price_wt' => 12.5, 'id_category_default' => 12];
$pot = ['id_product' => 2, 'reference' => 'POT-7', 'cart_quantity' => 1, 'price' => 91.666667, 'price_wt' => 110.0, 'id_category_default' => 12];
$cart = new Cart([$tea, $pot]);
Context::$instance->cart = $cart;

echo "-- 160.00 with Colissimo: VIP 10% and free shipping, welcome back 3.00\n";
$module->hookActionCartSave(['cart' => $cart]);
show($cart);
echo "-- saved again unchanged: nothing changes\n";
$module->hookActionCartSave(['cart' => $cart]);
show($cart);
echo $module->hookDisplayShoppingCart([]), "\n";

echo "-- the pot removed (50.00): the VIP rule is replaced, welcome back stays\n";
$cart->products = [$tea];
$module->hookActionCartSave(['cart' => $cart]);
show($cart);

echo "-- with Chronopost and a promo code of the shop: no advantage, the page says why\n";
$cart->id_carrier = 5;
$promo = new CartRule();
$promo->code = 'WELCOME5';
$promo->reduction_amount = 5.0;
$promo->add();
$cart->ruleIds[] = $promo->id;
$module->hookActionCartSave(['cart' => $cart]);
show($cart);
echo $module->hookDisplayShoppingCart([]), "\n";

echo "-- guests' carts are left alone\n";
$guest = new Cart([$tea, $pot]);
$guest->id_customer = 0;
$module->hookActionCartSave(['cart' => $guest]);
var_dump($guest->ruleIds);
?>
--EXPECT--
bool(true)
array(2) {
  [0]=>
  string(14) "actionCartSave"
  [1]=>
  string(19) "displayShoppingCart"
}
string(2) "{}"
array(1) {
  [0]=>
  string(148) "CREATE TABLE IF NOT EXISTS `ps_loyaltyengine_ledger` ( `id_customer` INT UNSIGNED NOT NULL PRIMARY KEY, `entries` MEDIUMTEXT NOT NULL) ENGINE=InnoDB"
}
-- 160.00 with Colissimo: VIP 10% and free shipping, welcome back 3.00
  #100 LTY-42-VIP-1600-FS loyalty engine: advantage vip reduction 16.00 free_shipping 1 for customer 7, names {"1":"VIP advantage","2":"VIP advantage"}
  #101 LTY-42-WELCOME-300 loyalty engine: advantage welcome reduction 3.00 free_shipping 0 for customer 7, names {"1":"Welcome back","2":"Welcome back"}
  2 cart rules in the shop, 2 cart saves
-- saved again unchanged: nothing changes
  #100 LTY-42-VIP-1600-FS loyalty engine: advantage vip reduction 16.00 free_shipping 1 for customer 7, names {"1":"VIP advantage","2":"VIP advantage"}
  #101 LTY-42-WELCOME-300 loyalty engine: advantage welcome reduction 3.00 free_shipping 0 for customer 7, names {"1":"Welcome back","2":"Welcome back"}
  2 cart rules in the shop, 2 cart saves
<div class="alert alert-info">Loyalty points: a segment advantage applied and points do not combine with it</div>
-- the pot removed (50.00): the VIP rule is replaced, welcome back stays
  #101 LTY-42-WELCOME-300 loyalty engine: advantage welcome reduction 3.00 free_shipping 0 for customer 7, names {"1":"Welcome back","2":"Welcome back"}
  #102 LTY-42-VIP-500 loyalty engine: advantage vip reduction 5.00 free_shipping 0 for customer 7, names {"1":"VIP advantage","2":"VIP advantage"}
  2 cart rules in the shop, 4 cart saves
-- with Chronopost and a promo code of the shop: no advantage, the page says why
  #103 WELCOME5 - reduction 5 free_shipping 0 for customer 0, names null
  1 cart rules in the shop, 6 cart saves
<div class="alert alert-info">VIP advantage: does not apply with a voucher<br />
Welcome back: does not apply with a voucher<br />
10% on books: does not apply with a voucher<br />
Loyalty points: points cannot be used with a voucher</div>
-- guests' carts are left alone
array(0) {
}
