<?php
/*
 * The functions of the extension (ext/loyalty.stub.php). Loyalty\Polyfill\cache_status() always
 * exists; Loyalty\cache_status() is declared only when the extension is absent.
 */
declare(strict_types=1);

namespace Loyalty\Polyfill {

    /** The polyfill's version: the extension's it implements (PHP_LOYALTY_VERSION). */
    const VERSION = '0.1.0';

    /**
     * What runs, and the figures of the compiled-program cache: the polyfill has none (it
     * compiles on every `new Engine($json)`, in the request's memory), so every count is 0.
     * @return array{implementation: string, version: string, cache_size: int, programs: int, hits: int, misses: int}
     */
    function cache_status(): array
    {
        return ['implementation' => 'polyfill', 'version' => VERSION, 'cache_size' => 0, 'programs' => 0,
            'hits' => 0, 'misses' => 0];
    }
}

namespace Loyalty {

    if (!function_exists('Loyalty\cache_status')) {
        /** @see \Loyalty\Polyfill\cache_status() */
        function cache_status(): array
        {
            return \Loyalty\Polyfill\cache_status();
        }
    }
}
