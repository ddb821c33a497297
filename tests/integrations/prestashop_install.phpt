--TEST--
PrestaShop module: install() says what is missing when neither the extension nor the polyfill is loaded; uninstall() drops its table unless the merchant keeps the data
--EXTENSIONS--
pdo_sqlite
--SKIPIF--
<?php
// Starts another PHP process, which valgrind runs cannot follow.
if (getenv('USE_ZEND_ALLOC') === '0') die('skip not under valgrind or ASan');
?>
--FILE--
<?php
// Without any engine: a PHP with no extension and no polyfill.
$code = 'require ' . var_export(__DIR__ . '/prestashop_install.inc', true) . ';'
    . '$m = new LoyaltyEngine(); var_dump($m->install(), $m->installed, $m->_errors, $m->hooks);';
exec(escapeshellarg(PHP_BINARY) . ' -n -r ' . escapeshellarg($code) . ' 2>&1', $out, $rc);
echo "exit $rc\n", implode("\n", $out), "\n";

echo "-- with the engine\n";
if (!class_exists(Loyalty\Engine::class)) {
    require __DIR__ . '/../../polyfill/bootstrap.php';
}
require __DIR__ . '/prestashop_install.inc';
$m = new LoyaltyEngine();
$tables = fn() => Db::getInstance()->pdo->query("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'ps_%' ORDER BY name")->fetchAll(PDO::FETCH_COLUMN);
var_dump($m->install(), $m->_errors, $m->hooks, $tables(), strlen(Configuration::get('LOYALTY_CRON_TOKEN')));
echo "-- uninstalled: the tables go with the settings\n";
Db::getInstance()->queries = [];
var_dump($m->uninstall(), Db::getInstance()->queries, $tables(), Configuration::$values);
echo "-- uninstalled with LOYALTY_KEEP_DATA: the tables stay\n";
$m->install();
Configuration::updateValue('LOYALTY_KEEP_DATA', '1');
Db::getInstance()->queries = [];
var_dump($m->uninstall(), Db::getInstance()->queries, $tables(), Configuration::$values);
?>
--EXPECT--
exit 0
bool(false)
bool(false)
array(1) {
  [0]=>
  string(207) "The loyalty engine is missing: install the loyalty PHP extension (pecl install loyalty, then extension=loyalty in the php.ini of PHP-FPM) or put the loyalty/polyfill package in modules/loyaltyengine/vendor/."
}
array(0) {
}
-- with the engine
bool(true)
array(0) {
}
array(6) {
  [0]=>
  string(14) "actionCartSave"
  [1]=>
  string(19) "displayShoppingCart"
  [2]=>
  string(19) "actionValidateOrder"
  [3]=>
  string(27) "actionOrderStatusPostUpdate"
  [4]=>
  string(29) "actionObjectOrderSlipAddAfter"
  [5]=>
  string(22) "displayCustomerAccount"
}
array(2) {
  [0]=>
  string(23) "ps_loyaltyengine_points"
  [1]=>
  string(25) "ps_loyaltyengine_settings"
}
int(32)
-- uninstalled: the tables go with the settings
bool(true)
array(3) {
  [0]=>
  string(46) "DROP TABLE IF EXISTS `ps_loyaltyengine_points`"
  [1]=>
  string(48) "DROP TABLE IF EXISTS `ps_loyaltyengine_settings`"
  [2]=>
  string(46) "DROP TABLE IF EXISTS `ps_loyaltyengine_ledger`"
}
array(0) {
}
array(6) {
  ["PS_OS_PAYMENT"]=>
  string(1) "2"
  ["PS_OS_SHIPPING"]=>
  string(1) "4"
  ["PS_OS_DELIVERED"]=>
  string(1) "5"
  ["PS_OS_CANCELED"]=>
  string(1) "6"
  ["PS_OS_REFUND"]=>
  string(1) "7"
  ["PS_OS_WS_PAYMENT"]=>
  string(2) "11"
}
-- uninstalled with LOYALTY_KEEP_DATA: the tables stay
bool(true)
array(0) {
}
array(2) {
  [0]=>
  string(23) "ps_loyaltyengine_points"
  [1]=>
  string(25) "ps_loyaltyengine_settings"
}
array(6) {
  ["PS_OS_PAYMENT"]=>
  string(1) "2"
  ["PS_OS_SHIPPING"]=>
  string(1) "4"
  ["PS_OS_DELIVERED"]=>
  string(1) "5"
  ["PS_OS_CANCELED"]=>
  string(1) "6"
  ["PS_OS_REFUND"]=>
  string(1) "7"
  ["PS_OS_WS_PAYMENT"]=>
  string(2) "11"
}
