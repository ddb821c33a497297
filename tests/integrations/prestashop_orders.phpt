--TEST--
PrestaShop module: order validation spends at most the ledger's balance; its points are due until a paid or shipped state, then earned once; cancel, refund and credit slips reverse once; a busy lock or bad settings never break the order flow; the 0.1 JSON ledger is migrated
--EXTENSIONS--
loyalty
pdo_sqlite
--INI--
date.timezone=UTC
--FILE--
<?php
require __DIR__ . '/prestashop_fakes.inc';
fake_context();
require __DIR__ . '/../../examples/prestashop/loyaltyengine/loyaltyengine.php';
$db = Db::getInstance();

echo "-- 0.1's JSON ledger and settings are moved at install\n";
$month = time() - 30 * 86400;
$old = function () use ($db, $month) {
    $db->execute('CREATE TABLE `ps_loyaltyengine_ledger` (`id_customer` INT UNSIGNED NOT NULL PRIMARY KEY, `entries` MEDIUMTEXT NOT NULL) ENGINE=InnoDB');
    $db->insert('loyaltyengine_ledger', ['id_customer' => 7, 'entries' => pSQL(json_encode([
        ['type' => 'grant', 'points' => 500, 'at' => $month - 86400, 'ref' => "welcome 'gift'"],
        ['type' => 'spend', 'points' => 100, 'at' => $month, 'ref' => 'order-1']]), true)]);
};
$old();
// points pay 1.00 per 10 from 10 points, and combine with advantages
$settings = json_decode(file_get_contents(__DIR__ . '/../../examples/shop.json'), true);
$settings['loyalty']['brackets'] = [$settings['loyalty']['brackets'][0]];
$settings['loyalty']['spend']['with_advantage'] = true;
Configuration::updateValue('LOYALTY_SETTINGS', json_encode($settings));
$module = new LoyaltyEngine();
var_dump($module->install(), $db->executeS("SHOW TABLES LIKE 'ps_loyaltyengine_ledger'"));
echo fake_rows(7);
echo "-- moved again (as after a first run whose DROP failed): no row twice (order 0, not NULL)\n";
$old();
var_dump($module->migrateJsonLedger());
echo fake_rows(7);
var_dump($module->points()->ledger(7)->balance());

echo "-- order 201 validated with a request asking for 1,000,000,000 points: at most the 400 there are\n";
$_POST['loyalty_use_points'] = '1000000000';
Order::$table[201] = ['id' => 201, 'id_customer' => 7, 'id_cart' => 42, 'total_products_wt' => 160.0];
$tea = ['id_product' => 1, 'reference' => 'TEA-01', 'cart_quantity' => 4, 'price' => 10.416667, 'price_wt' => 12.5, 'id_category_default' => 12];
$pot = ['id_product' => 2, 'reference' => 'POT-7', 'cart_quantity' => 1, 'price' => 91.666667, 'price_wt' => 110.0, 'id_category_default' => 12];
$cart = new Cart([$tea, $pot]);
$params = ['cart' => $cart, 'order' => new Order(201), 'customer' => new Customer(7), 'currency' => (object) ['id' => 1], 'orderStatus' => new OrderState(10)];   // awaiting bank wire
$module->hookActionValidateOrder($params);
echo fake_rows(7);
printf("balance %d, pending %d; locks: %s\n", $module->points()->ledger(7)->balance(), $module->points()->ledger(7)->pending(), implode(', ', $db->locks));
echo "-- the hook again (a retried request): nothing more\n";
$module->hookActionValidateOrder($params);
echo fake_rows(7);

echo "-- shipped (it earns nothing: points were used): nothing; cancelled (PS_OS_CANCELED), twice: spent points back, earned points taken, once\n";
$module->hookActionOrderStatusPostUpdate(['newOrderStatus' => new OrderState(4), 'oldOrderStatus' => new OrderState(2), 'id_order' => 201]);
$module->hookActionOrderStatusPostUpdate(['newOrderStatus' => new OrderState(6), 'oldOrderStatus' => new OrderState(4), 'id_order' => 201]);
$module->hookActionOrderStatusPostUpdate(['newOrderStatus' => new OrderState(6), 'oldOrderStatus' => new OrderState(6), 'id_order' => 201]);
echo fake_rows(7);
printf("balance %d, pending %d\n", $module->points()->ledger(7)->balance(), $module->points()->ledger(7)->pending());

$status = function (int $order, int $state) use ($module) {
    $module->hookActionOrderStatusPostUpdate(['newOrderStatus' => new OrderState($state), 'id_order' => $order]);
};
$account = function () use ($module) {
    $a = $module->accountData(7, time());
    printf("balance %d, pending %d, awaiting payment %d\n", $a['balance'], $a['pending'], $a['awaiting']);
};
echo "-- order 202 (no points spent: 0 asked), awaiting its bank wire: its points are due, not spendable\n";
$_POST['loyalty_use_points'] = '0';
Order::$table[202] = ['id' => 202, 'id_customer' => 7, 'id_cart' => 43, 'total_products_wt' => 160.0];
$module->hookActionValidateOrder(['order' => new Order(202)] + $params);
$status(202, 10);
$account();
echo "-- payment accepted (PS_OS_PAYMENT), twice, then shipped: earned once, pending for pending_days from now\n";
$status(202, 2);
$status(202, 2);
$status(202, 4);
echo fake_rows(7);
$account();
echo "-- then a credit slip for 40.00 of its 160.00, added twice\n";
$slip = new OrderSlip();
[$slip->id, $slip->id_order, $slip->id_customer, $slip->total_products_tax_incl] = [3, 202, 7, 40.0];
$module->hookActionObjectOrderSlipAddAfter(['object' => $slip]);
$module->hookActionObjectOrderSlipAddAfter(['object' => $slip]);
echo "-- then refunded (PS_OS_REFUND): the rest of its points\n";
$module->hookActionOrderStatusPostUpdate(['newOrderStatus' => new OrderState(7), 'id_order' => 202]);
echo fake_rows(7);

echo "-- order 204 awaiting payment, cancelled: its due points go, nothing taken back, nothing unrecovered; paid later: nothing\n";
Order::$table[204] = ['id' => 204, 'id_customer' => 7, 'id_cart' => 45, 'total_products_wt' => 160.0];
$module->hookActionValidateOrder(['order' => new Order(204)] + $params);
$account();
$status(204, 6);
$status(204, 2);
echo fake_rows(7);
$account();
echo "-- order 205 validated paid (a card: orderStatus PS_OS_PAYMENT), then its status hook: earned once\n";
Order::$table[205] = ['id' => 205, 'id_customer' => 7, 'id_cart' => 46, 'total_products_wt' => 160.0];
$module->hookActionValidateOrder(['order' => new Order(205), 'orderStatus' => new OrderState(2)] + $params);
$status(205, 2);
echo "-- order 206 reaches a state of the merchant's with `paid` set (id 14): earned\n";
OrderState::$table[14] = ['1', '0'];
Order::$table[206] = ['id' => 206, 'id_customer' => 7, 'id_cart' => 47, 'total_products_wt' => 160.0];
$module->hookActionValidateOrder(['order' => new Order(206)] + $params);
$status(206, 14);
echo fake_rows(7);

echo "-- cart 48 split by PrestaShop into orders 207 (the tea, Colissimo) and 208 (the pot, Chronopost), points asked: spent once, on 207\n";
$_POST['loyalty_use_points'] = '1000000000';
$detail = fn(array $p) => ['product_id' => $p['id_product'], 'product_attribute_id' => 0, 'product_reference' => $p['reference'], 'product_quantity' => $p['cart_quantity']];
$split = function (int $idCart, array $ids) use ($tea, $pot, $detail) {
    foreach ([$ids[0] => $tea, $ids[1] => $pot] as $id => $product) {
        Order::$table[$id] = ['id' => $id, 'id_customer' => 7, 'id_cart' => $idCart, 'reference' => "REF$idCart", 'products' => [$detail($product)]];
    }
    $cart = new Cart([$tea, $pot]);
    $cart->id = $idCart;
    return $cart;
};
$cart48 = $split(48, [207, 208]);
foreach ([207, 208, 207, 208] as $id) {
    $module->hookActionValidateOrder(['cart' => $cart48, 'order' => new Order($id)] + $params);
}
$account();
echo "-- cart 49 split into 209 and 210, no points asked, 210's hook first: its 141 points split by the orders' billed products\n";
$_POST['loyalty_use_points'] = '0';
$cart49 = $split(49, [209, 210]);
foreach ([210, 209, 210] as $id) {
    $module->hookActionValidateOrder(['cart' => $cart49, 'order' => new Order($id)] + $params);
}
echo "-- 209 paid: it earns its part; 210 still awaits its payment\n";
$status(209, 2);
echo preg_replace('/.*order (20[1-6]|-).*\n/', '', fake_rows(7));
$account();

echo "-- another checkout holds the customer's lock: the order goes through, nothing is written, the error is logged\n";
$db->lockBusy = true;
Order::$table[203] = ['id' => 203, 'id_customer' => 7, 'id_cart' => 44, 'total_products_wt' => 160.0];
$module->hookActionValidateOrder(['order' => new Order(203)] + $params);
$db->lockBusy = false;
var_dump(PrestaShopLogger::$logs, $db->getValue('SELECT COUNT(*) FROM ps_loyaltyengine_points WHERE id_order = 203'));

echo "-- settings broken in the database: hooks do nothing and throw nothing\n";
$db->insert('loyaltyengine_settings', ['settings' => '{"segments": {"vip": "orders >"}}', 'id_employee' => 0, 'date_add' => '2026-01-01 00:00:00']);
$broken = new LoyaltyEngine();
$broken->hookActionValidateOrder(['order' => new Order(203)] + $params);
$broken->hookActionCartSave(['cart' => $cart]);
$broken->hookActionOrderStatusPostUpdate(['newOrderStatus' => new OrderState(6), 'id_order' => 203]);
var_dump($broken->hookDisplayShoppingCart([]), $broken->engineError(), $db->getValue('SELECT COUNT(*) FROM ps_loyaltyengine_points WHERE id_order = 203'));
?>
--EXPECT--
-- 0.1's JSON ledger and settings are moved at install
bool(true)
array(0) {
}
  grant 500 order 0 (migrated-7-0-welcome 'gift')
  spend 100 order 0 (migrated-7-1-order-1)
-- moved again (as after a first run whose DROP failed): no row twice (order 0, not NULL)
bool(true)
  grant 500 order 0 (migrated-7-0-welcome 'gift')
  spend 100 order 0 (migrated-7-1-order-1)
int(400)
-- order 201 validated with a request asking for 1,000,000,000 points: at most the 400 there are
  grant 500 order 0 (migrated-7-0-welcome 'gift')
  spend 100 order 0 (migrated-7-1-order-1)
  validated 0 order 201 (validated-201)
  spend 400 order 201 (spend-201)
balance 0, pending 0; locks: GET_LOCK loyaltyengine-ps_7, RELEASE_LOCK loyaltyengine-ps_7
-- the hook again (a retried request): nothing more
  grant 500 order 0 (migrated-7-0-welcome 'gift')
  spend 100 order 0 (migrated-7-1-order-1)
  validated 0 order 201 (validated-201)
  spend 400 order 201 (spend-201)
-- shipped (it earns nothing: points were used): nothing; cancelled (PS_OS_CANCELED), twice: spent points back, earned points taken, once
  grant 500 order 0 (migrated-7-0-welcome 'gift')
  spend 100 order 0 (migrated-7-1-order-1)
  validated 0 order 201 (validated-201)
  spend 400 order 201 (spend-201)
  cancelled 0 order 201 (cancelled-201)
  restore 400 order 201 (restore-201)
balance 400, pending 0
-- order 202 (no points spent: 0 asked), awaiting its bank wire: its points are due, not spendable
balance 400, pending 0, awaiting payment 141
-- payment accepted (PS_OS_PAYMENT), twice, then shipped: earned once, pending for pending_days from now
  grant 500 order 0 (migrated-7-0-welcome 'gift')
  spend 100 order 0 (migrated-7-1-order-1)
  validated 0 order 201 (validated-201)
  spend 400 order 201 (spend-201)
  cancelled 0 order 201 (cancelled-201)
  restore 400 order 201 (restore-201)
  validated 0 order 202 (validated-202)
  due 141 order 202 (due-202)
  earn 141 order 202 (earn-202)
balance 400, pending 141, awaiting payment 0
-- then a credit slip for 40.00 of its 160.00, added twice
-- then refunded (PS_OS_REFUND): the rest of its points
  grant 500 order 0 (migrated-7-0-welcome 'gift')
  spend 100 order 0 (migrated-7-1-order-1)
  validated 0 order 201 (validated-201)
  spend 400 order 201 (spend-201)
  cancelled 0 order 201 (cancelled-201)
  restore 400 order 201 (restore-201)
  validated 0 order 202 (validated-202)
  due 141 order 202 (due-202)
  earn 141 order 202 (earn-202)
  reverse 35 order 202 (reverse-202-slip-3)
  cancelled 0 order 202 (cancelled-202)
  reverse 106 order 202 (reverse-202)
-- order 204 awaiting payment, cancelled: its due points go, nothing taken back, nothing unrecovered; paid later: nothing
balance 400, pending 0, awaiting payment 141
  grant 500 order 0 (migrated-7-0-welcome 'gift')
  spend 100 order 0 (migrated-7-1-order-1)
  validated 0 order 201 (validated-201)
  spend 400 order 201 (spend-201)
  cancelled 0 order 201 (cancelled-201)
  restore 400 order 201 (restore-201)
  validated 0 order 202 (validated-202)
  due 141 order 202 (due-202)
  earn 141 order 202 (earn-202)
  reverse 35 order 202 (reverse-202-slip-3)
  cancelled 0 order 202 (cancelled-202)
  reverse 106 order 202 (reverse-202)
  validated 0 order 204 (validated-204)
  due 141 order 204 (due-204)
  cancelled 0 order 204 (cancelled-204)
balance 400, pending 0, awaiting payment 0
-- order 205 validated paid (a card: orderStatus PS_OS_PAYMENT), then its status hook: earned once
-- order 206 reaches a state of the merchant's with `paid` set (id 14): earned
  grant 500 order 0 (migrated-7-0-welcome 'gift')
  spend 100 order 0 (migrated-7-1-order-1)
  validated 0 order 201 (validated-201)
  spend 400 order 201 (spend-201)
  cancelled 0 order 201 (cancelled-201)
  restore 400 order 201 (restore-201)
  validated 0 order 202 (validated-202)
  due 141 order 202 (due-202)
  earn 141 order 202 (earn-202)
  reverse 35 order 202 (reverse-202-slip-3)
  cancelled 0 order 202 (cancelled-202)
  reverse 106 order 202 (reverse-202)
  validated 0 order 204 (validated-204)
  due 141 order 204 (due-204)
  cancelled 0 order 204 (cancelled-204)
  validated 0 order 205 (validated-205)
  due 141 order 205 (due-205)
  earn 141 order 205 (earn-205)
  validated 0 order 206 (validated-206)
  due 141 order 206 (due-206)
  earn 141 order 206 (earn-206)
-- cart 48 split by PrestaShop into orders 207 (the tea, Colissimo) and 208 (the pot, Chronopost), points asked: spent once, on 207
balance 0, pending 282, awaiting payment 0
-- cart 49 split into 209 and 210, no points asked, 210's hook first: its 141 points split by the orders' billed products
-- 209 paid: it earns its part; 210 still awaits its payment
  grant 500 order 0 (migrated-7-0-welcome 'gift')
  spend 100 order 0 (migrated-7-1-order-1)
  validated 0 order 0 (validated-cart-48)
  validated 0 order 207 (validated-207)
  validated 0 order 208 (validated-208)
  spend 400 order 207 (spend-207)
  validated 0 order 0 (validated-cart-49)
  validated 0 order 209 (validated-209)
  validated 0 order 210 (validated-210)
  due 44 order 209 (due-209)
  due 97 order 210 (due-210)
  earn 44 order 209 (earn-209)
balance 0, pending 326, awaiting payment 97
-- another checkout holds the customer's lock: the order goes through, nothing is written, the error is logged
array(1) {
  [0]=>
  string(101) "[3] Order 203: loyaltyengine: RuntimeException: customer 7: the points are locked by another checkout"
}
int(0)
-- settings broken in the database: hooks do nothing and throw nothing
string(0) ""
string(73) "segments.vip: unexpected end of expression at column 9
orders >
        ^"
int(0)
