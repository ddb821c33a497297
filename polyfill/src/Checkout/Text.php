<?php

declare(strict_types=1);

namespace Loyalty\Polyfill\Checkout;

/** @internal Strings as the extension's C formats print them. */
final class Text
{
    /** The type name PHP's zend_zval_type_name() gives: int, float, bool, ..., a class name. */
    public static function type(mixed $v): string
    {
        return match (true) {
            is_object($v) => get_debug_type($v), // the class name; "class@anonymous" for an anonymous class
            is_int($v) => 'int',
            is_float($v) => 'float',
            is_bool($v) => 'bool',
            is_string($v) => 'string',
            is_array($v) => 'array',
            $v === null => 'null',
            default => 'resource',
        };
    }
}
