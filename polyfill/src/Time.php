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
    /**
     * The `$now` argument of a method (null: the current time). Its PHP type is declared by
     * the method (int|string|\DateTimeInterface|null), so only strings remain to be read.
     */
    public static function now(mixed $now, int $argNum = 0, string $method = ''): int
    {
        if ($now === null) {
            return time();
        }
        if (is_int($now)) {
            return $now;
        }
        if ($now instanceof \DateTimeInterface || is_string($now)) {
            return self::at($now, time(), 'now', InputException::class);
        }
        if (is_float($now) || is_bool($now)) {
            // Left to coercion as an int parameter takes them.
            return (int) $now;
        }
        throw new \TypeError(sprintf('%s(): Argument #%d ($now) must be of type DateTimeInterface|string|int|null, %s given',
            $method, $argNum, Args::typeName($now)));
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
