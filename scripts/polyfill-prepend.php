<?php
/*
 * auto_prepend_file of `scripts/test.sh --polyfill`: runs the phpt suite on the pure-PHP
 * polyfill. Test-only output filter: PHP prints the real class name of an object
 * (Loyalty\Polyfill\Program), which a class alias cannot change, and userland TypeErrors add
 * ", called in FILE on line N"; both are rewritten to what the extension prints.
 */
require __DIR__ . '/../polyfill/bootstrap.php';

ob_start(static function (string $out): string {
    if (strpos($out, 'Polyfill') !== false) {
        // serialize(): the class name's length changes too
        $out = preg_replace_callback('/([OC]):(\d+):"Loyalty\\\\Polyfill\\\\/',
            static fn(array $m): string => $m[1] . ':' . ((int) $m[2] - 9) . ':"Loyalty\\', $out);
        $out = str_replace(['Loyalty\\Polyfill\\', 'Loyalty\\\\Polyfill\\\\'], ['Loyalty\\', 'Loyalty\\\\'], $out);
    }
    if (strpos($out, ', called in ') !== false) {
        $out = preg_replace('/, called in .+? on line \d+/', '', $out);
    }
    return $out;
}, 0, PHP_OUTPUT_HANDLER_STDFLAGS & ~PHP_OUTPUT_HANDLER_REMOVABLE);
