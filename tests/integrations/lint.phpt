--TEST--
Shop integrations: every PHP file lints; the entry files stop outside their shop; the glue loads without one
--SKIPIF--
<?php
// Starts other PHP processes, which valgrind runs cannot follow.
if (getenv('USE_ZEND_ALLOC') === '0') die('skip not under valgrind or ASan');
?>
--FILE--
<?php
$root = realpath(__DIR__ . '/../../examples');
$php = escapeshellarg(PHP_BINARY) . ' -n';
$files = [];
foreach (['prestashop', 'woocommerce'] as $shop) {
    $it = new RecursiveIteratorIterator(new RecursiveDirectoryIterator("$root/$shop", FilesystemIterator::SKIP_DOTS));
    foreach ($it as $file) {
        if ($file->getExtension() === 'php') {
            $files[] = substr($file->getPathname(), strlen($root) + 1);
        }
    }
}
sort($files);
foreach ($files as $file) {
    exec("$php -l " . escapeshellarg("$root/$file") . ' 2>&1', $out, $rc);
    printf("%s: %s\n", $file, $rc === 0 ? 'ok' : implode(' ', $out));
    $out = [];
}

// Loaded outside PrestaShop or WordPress, the module and plugin files stop before running
// anything (reaching add_action() or `extends Module` would be a fatal error here).
foreach (['prestashop/loyaltyengine/loyaltyengine.php', 'woocommerce/loyalty-engine/loyalty-engine.php'] as $file) {
    $code = 'register_shutdown_function(function () { echo "stopped"; });'
        . ' include ' . var_export("$root/$file", true) . '; echo "not stopped ";';
    exec("$php -r " . escapeshellarg($code) . ' 2>&1', $out, $rc);
    printf("%s alone: exit %d, %s\n", $file, $rc, implode(' ', $out));
    $out = [];
}
// The points class ships in both: the plugin's copy is the module's.
echo 'points class copies identical: ', json_encode(file_get_contents("$root/prestashop/loyaltyengine/classes/LoyaltyEnginePoints.php")
    === file_get_contents("$root/woocommerce/loyalty-engine/includes/LoyaltyEnginePoints.php")), "\n";
// The glue needs neither the shop nor the extension to load.
foreach (['prestashop/loyaltyengine/classes/LoyaltyEngineGlue.php' => 'LoyaltyEngineGlue',
          'woocommerce/loyalty-engine/includes/class-loyalty-engine-glue.php' => 'Loyalty_Engine_Glue'] as $file => $class) {
    $method = $class === 'LoyaltyEngineGlue' ? 'toDecimal' : 'to_decimal';
    $code = 'require ' . var_export("$root/$file", true) . "; echo $class::$method(1999);";
    exec("$php -r " . escapeshellarg($code) . ' 2>&1', $out, $rc);
    printf("%s alone: exit %d, %s\n", $file, $rc, implode(' ', $out));
    $out = [];
}
?>
--EXPECT--
prestashop/loyaltyengine/classes/LoyaltyEngineAdmin.php: ok
prestashop/loyaltyengine/classes/LoyaltyEngineDbStorage.php: ok
prestashop/loyaltyengine/classes/LoyaltyEngineGlue.php: ok
prestashop/loyaltyengine/classes/LoyaltyEnginePoints.php: ok
prestashop/loyaltyengine/controllers/front/account.php: ok
prestashop/loyaltyengine/controllers/front/cron.php: ok
prestashop/loyaltyengine/loyaltyengine.php: ok
prestashop/loyaltyengine/upgrade/upgrade-0.2.0.php: ok
woocommerce/loyalty-engine/includes/LoyaltyEnginePoints.php: ok
woocommerce/loyalty-engine/includes/class-loyalty-engine-admin.php: ok
woocommerce/loyalty-engine/includes/class-loyalty-engine-glue.php: ok
woocommerce/loyalty-engine/includes/class-loyalty-engine-wpdb-storage.php: ok
woocommerce/loyalty-engine/loyalty-engine.php: ok
woocommerce/loyalty-engine/uninstall.php: ok
prestashop/loyaltyengine/loyaltyengine.php alone: exit 0, stopped
woocommerce/loyalty-engine/loyalty-engine.php alone: exit 0, stopped
points class copies identical: true
prestashop/loyaltyengine/classes/LoyaltyEngineGlue.php alone: exit 0, 19.99
woocommerce/loyalty-engine/includes/class-loyalty-engine-glue.php alone: exit 0, 19.99
