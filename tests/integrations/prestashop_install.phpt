--TEST--
PrestaShop module: install() says what is missing when neither the extension nor the polyfill is loaded; uninstall() drops its table unless the merchant keeps the data
--SKIPIF--
<?php
// Starts another PHP process, which valgrind runs cannot follow.
if (getenv('USE_ZEND_ALLOC') === '0') die('skip not under valgrind or ASan');
?>
--FILE--
<?php
// Without any engine: a PHP with no extension and no polyfill.
$code = 'require ' . var_export(__DIR__ . '/prestashop_install.inc', true) . ';'
    . '$m = new LoyaltyEngine(); var_dump($m->install(), $m->installed, $m->_errors, Db::getInstance()->queries);';
exec(escapeshellarg(PHP_BINARY) . ' -n -r ' . escapeshellarg($code) . ' 2>&1', $out, $rc);
echo "exit $rc\n", implode("\n", $out), "\n";

echo "-- with the engine\n";
if (!class_exists(Loyalty\Engine::class)) {
    require __DIR__ . '/../../polyfill/bootstrap.php';
}
require __DIR__ . '/prestashop_install.inc';
$m = new LoyaltyEngine();
var_dump($m->install(), $m->_errors);
echo "-- uninstalled: the table goes with the settings\n";
Db::getInstance()->queries = [];
var_dump($m->uninstall(), Db::getInstance()->queries, Configuration::$values);
echo "-- uninstalled with LOYALTY_KEEP_DATA: the table stays\n";
$m->install();
Configuration::updateValue('LOYALTY_KEEP_DATA', '1');
Db::getInstance()->queries = [];
var_dump($m->uninstall(), Db::getInstance()->queries, Configuration::$values);
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
-- uninstalled: the table goes with the settings
bool(true)
array(1) {
  [0]=>
  string(46) "DROP TABLE IF EXISTS `ps_loyaltyengine_ledger`"
}
array(0) {
}
-- uninstalled with LOYALTY_KEEP_DATA: the table stays
bool(true)
array(0) {
}
array(0) {
}
