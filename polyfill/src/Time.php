<?php
declare(strict_types=1);

namespace Loyalty\Polyfill;

use Loyalty\InputException;

/**
 * @internal Dates as the extension reads them (ext/convert.c): an int Unix timestamp, a
 * DateTimeInterface, or a string that strtotime() reads relative to $now.
 */
final class Time
{
    /** The `$now` argument of an Engine method (null: the current time). */
    public static function now(mixed $now, int $argNum = 0, string $method = ''): int
    {
        if (is_int($now)) {
            return $now;
        }
        return $now === null ? time() : self::arg($now, $argNum, 'now', $method, 'now', true);
    }

    /**
     * A date parameter typed int|string|DateTimeInterface (|null when $nullable; null is the
     * current time), read as ext/convert.c date_arg() does: other values as PHP passes them to
     * such a parameter of an internal function: in weak mode a Stringable object is a string,
     * a bool or a float that fits an int (fraction deprecated) an int; else a TypeError.
     */
    public static function arg(mixed $v, int $argNum, string $param, string $method, string $path, bool $nullable): int
    {
        if (is_int($v)) {
            return $v;
        }
        if (is_string($v) || $v instanceof \DateTimeInterface) {
            return self::at($v, time(), $path, InputException::class);
        }
        if ($v === null) {
            if ($nullable) {
                return time();
            }
        } elseif (is_object($v)) {
            if (method_exists($v, '__toString') && !Args::callerStrict()) {
                return self::at((string) $v, time(), $path, InputException::class);
            }
        } elseif (is_bool($v)) {
            if (!Args::callerStrict()) {
                return (int) $v;
            }
        } elseif (is_float($v) && !is_nan($v) && $v >= -9.2233720368547758E18 && $v < 9.2233720368547758E18
                && !Args::callerStrict()) {
            return $v | 0; // a fraction raises PHP's own "Implicit conversion ... loses precision"
        }
        throw new \TypeError(sprintf('%s(): Argument #%d ($%s) must be of type DateTimeInterface|string|int%s, %s given',
            $method, $argNum, $param, $nullable ? '|null' : '', Args::typeName($v)));
    }

    /**
     * A date value at `$path` (customer dates, ledger entries), relative to `$now` for strings.
     * @param class-string<\Throwable> $exceptionClass
     */
    public static function at(mixed $value, int $now, string $path, string $exceptionClass = InputException::class): int
    {
        if (is_int($value)) {
            return $value;
        }
        if (is_string($value)) {
            $len = strlen($value);
            if ($len > 0 && $len < 256 && strpos($value, "\0") === false) {
                $ts = strtotime($value, $now);
                if (is_int($ts)) {
                    return $ts;
                }
            }
            throw new $exceptionClass(sprintf("%s: invalid date '%s'", $path, Args::printable($value)), $exceptionClass === InputException::class ? 3 : 1);
        }
        if ($value instanceof \DateTimeInterface) {
            $ts = $value->getTimestamp();
            if (!is_int($ts)) {
                throw new $exceptionClass("$path: getTimestamp() did not return an int", $exceptionClass === InputException::class ? 3 : 1);
            }
            return $ts;
        }
        throw new $exceptionClass(sprintf('%s: expected int, DateTimeInterface or date string, got %s',
            $path, Args::typeName($value)), $exceptionClass === InputException::class ? 3 : 1);
    }
}
