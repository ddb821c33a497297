<?php
declare(strict_types=1);

namespace Loyalty\Polyfill;

/**
 * @internal Argument checks with the texts of the extension (ZPP and ext/loyalty_engine.c).
 * Parameter types are declared in PHP, so that the caller's strict_types applies as it does to
 * internal functions; what PHP cannot say the same way is checked here.
 */
final class Args
{
    /** A value's type as zend_zval_type_name() names it in messages: int, float, bool, array, null, a class name. */
    public static function typeName(mixed $value): string
    {
        if (is_resource($value) || get_debug_type($value) === 'resource (closed)') {
            return 'resource';
        }
        return get_debug_type($value);
    }

    /** The ArgumentCountError of an internal method called with too few or too many arguments. */
    public static function count(string $method, int $given, int $min, int $max): void
    {
        if ($given < $min) {
            throw new \ArgumentCountError(sprintf('%s() expects %s %d argument%s, %d given', $method,
                $min === $max ? 'exactly' : 'at least', $min, $min === 1 ? '' : 's', $given));
        }
        if ($given > $max) {
            throw new \ArgumentCountError(sprintf('%s() expects %s %d argument%s, %d given', $method,
                $min === $max ? 'exactly' : 'at most', $max, $max === 1 ? '' : 's', $given));
        }
    }

    /** '%.64s%s' of a name or date in a message, as the C prints it. */
    public static function shown(string $s): string
    {
        $nul = strpos($s, "\0");
        return ($nul !== false ? '(contains a NUL byte)' : substr($s, 0, 64)) . (strlen($s) > 64 ? '...' : '');
    }
}
