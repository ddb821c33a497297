<?php
/*
 * The loyalty polyfill: include this file (Composer does it through `autoload.files`) and
 * the Loyalty\... classes exist whether or not the extension is loaded. With the extension
 * loaded, Loyalty\... stays the extension and the polyfill is reachable as Loyalty\Polyfill\...
 * (both can then be compared in one process).
 */
declare(strict_types=1);

if (!defined('LOYALTY_POLYFILL_BOOTSTRAPPED')) {
    define('LOYALTY_POLYFILL_BOOTSTRAPPED', true);

    // Without Composer: a PSR-4 autoloader of our own for Loyalty\Polyfill\.
    spl_autoload_register(static function (string $class): void {
        if (strncmp($class, 'Loyalty\\Polyfill\\', 17) !== 0) {
            return;
        }
        $file = __DIR__ . '/src/' . str_replace('\\', '/', substr($class, 17)) . '.php';
        if (is_file($file)) {
            require $file;
        }
    });

    require __DIR__ . '/src/exceptions.php';
    require __DIR__ . '/src/functions.php';

    // Loyalty\VERSION is the version of the implementation that answers (phpversion('loyalty')
    // is false under the polyfill): the polyfill's (src/functions.php), package.xml's release
    // as the extension's (tests/build/version.phpt keeps them equal).
    if (!defined('Loyalty\\VERSION')) {
        define('Loyalty\\VERSION', \Loyalty\Polyfill\VERSION);
    }

    if (!extension_loaded('loyalty')) {
        // Eager aliases, so that `instanceof Loyalty\Program` holds for every polyfill object
        // however it was created (a class not written yet is skipped).
        foreach (['Program', 'Engine', 'Result', 'Ledger', 'Report', 'SqlFilter'] as $name) {
            if (!class_exists('Loyalty\\' . $name, false) && is_file(__DIR__ . '/src/' . $name . '.php')) {
                class_alias('Loyalty\\Polyfill\\' . $name, 'Loyalty\\' . $name);
            }
        }
    }
}
