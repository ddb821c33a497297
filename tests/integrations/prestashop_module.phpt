--TEST--
PrestaShop module: the cart hook (balance from the points rows) keeps one cart rule per applied entry in line with the cart, without answering itself; the cart page lists rejections
--EXTENSIONS--
loyalty
pdo_sqlite
--INI--
date.timezone=UTC
--FILE--
<?php
require __DIR__ . '/prestashop_fakes.inc';

function show(Cart $cart): void
{
    foreach ($cart->ruleIds as $id) {
        $r = CartRule::$table[$id];
        printf("  #%d %s %s reduction %s free_shipping %d for customer %d, names %s\n", $id, $r['code'], $r['description'] ?? '-',
            $r['reduction_amount'], $r['free_shipping'] ?? 0, $r['id_customer'] ?? 0, json_encode($r['name']));
    }
    printf("  %d cart rules in the shop, %d cart saves\n", count(CartRule::$table), Cart::$saves);
}

fake_context();
require __DIR__ . '/../../examples/prestashop/loyaltyengine/loyaltyengine.php';
$module = new LoyaltyEngine();
var_dump($module->install());
echo "-- no settings yet: the cart is left alone\n";
$module->hookActionCartSave(['cart' => new Cart([])]);
var_dump(CartRule::$table, $module->engineError());
$storage = new LoyaltyEngineDbStorage(Db::getInstance());
$storage->saveSettings(file_get_contents(__DIR__ . '/../../examples/shop.json'), 1);
$module->resetEngine();
// 230 points earned a month ago: a lapsed VIP (last order 2025) who has points.
$storage->insertOnce(['id_customer' => 7, 'id_order' => 1, 'kind' => 'earn', 'points' => 230, 'at' => time() - 30 * 86400, 'ref' => 'earn-1']);

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
-- no settings yet: the cart is left alone
array(0) {
}
string(21) "no settings saved yet"
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
