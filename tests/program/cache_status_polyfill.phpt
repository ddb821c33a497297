--TEST--
Loyalty\Polyfill\cache_status(): the polyfill says it runs and has no cache (every count 0), with or without the extension
--FILE--
<?php
require __DIR__ . '/../../polyfill/bootstrap.php';
echo json_encode(Loyalty\Polyfill\cache_status()), "\n";
new Loyalty\Polyfill\Engine('{"segments": {"s": "orders > 1"}}');
echo json_encode(Loyalty\Polyfill\cache_status()), "\n";
// Loyalty\cache_status() is the extension's when it is loaded, the polyfill's otherwise.
echo Loyalty\cache_status()['implementation'] === (extension_loaded('loyalty') ? 'extension' : 'polyfill') ? "ok\n" : "wrong\n";
?>
--EXPECT--
{"implementation":"polyfill","version":"0.1.0","cache_size":0,"programs":0,"hits":0,"misses":0}
{"implementation":"polyfill","version":"0.1.0","cache_size":0,"programs":0,"hits":0,"misses":0}
ok
