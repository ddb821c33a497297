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
            $ts = false;
            if ($len > 0 && $len < 256 && strpos($value, "\0") === false) {
                $ts = self::strtotime($value, $now);
                if (is_int($ts)) {
                    return $ts;
                }
            }
            throw new $exceptionClass(sprintf($ts === null
                ? "%s: date '%s' is relative to a time too far from the current time to be read"
                : "%s: invalid date '%s'", $path, Args::printable($value)), $exceptionClass === InputException::class ? 3 : 1);
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

    /** Farthest a `now` may be from the current time for a date string that depends on it: a
     * zone offset of the extension is an int of seconds (ext/local_time.c). */
    private const FAR = 2147483647;

    /**
     * strtotime($s, $now) as the extension answers it (ext/local_time.c): false where strtotime()
     * is false; null where the answer depends on a `$now` more than 68 years from the current
     * time. Without strtotime() (disable_functions), the same through DateTimeImmutable.
     */
    public static function strtotime(string $s, int $now): int|false|null
    {
        $current = time();
        $strtotime = function_exists('strtotime');
        // the usual case: now is near the current time, so its wall clock's shift is well within FAR
        if ($strtotime && $now > $current - (self::FAR >> 1) && $now < $current + (self::FAR >> 1)) {
            return strtotime($s, $now);
        }
        $read = $strtotime
            ? static fn (int $at): int|false => strtotime($s, $at)
            : static fn (int $at): int|false|null => self::withoutStrtotime($s, $at);
        $shift = $now > -(1 << 61) && $now < (1 << 61)
            ? $now + self::defaultZone()->getOffset(new \DateTimeImmutable('@' . $now)) - $current : $now;
        if ($shift >= -self::FAR - 1 && $shift <= self::FAR) {
            return $read($now);
        }
        return self::independent($read($current), $read($current + (self::FAR >> 1)));
    }

    /** The answer when two different nows gave it; null when it depends on now. */
    private static function independent(int|false|null $a, int|false|null $b): int|false|null
    {
        if ($a === false && $b === false) {
            return false;
        }
        return $a === $b && $a !== null ? $a : null;
    }

    /** The default timezone (date_default_timezone_get() is a function disable_functions can remove). */
    private static function defaultZone(): \DateTimeZone
    {
        return (new \DateTimeImmutable())->getTimezone();
    }

    /** The largest offset a DateTimeZone takes from a string: +99:59:59. */
    private const MAX_OFFSET = 359999;

    /**
     * strtotime($s, $now) without strtotime(): DateTimeImmutable fills what `$s` leaves out from
     * the current time seen in the zone it is given; in a fixed zone as far east as `$now`'s
     * wall clock is ahead of the current time, what it fills is `$now`'s wall clock. A result
     * in that zone (`$s` named none: two such zones, one second apart, both stay) is a wall
     * clock, read in the default timezone. Such zones go to about 4 days: farther, only dates
     * that do not depend on `$now` are read (null otherwise).
     */
    private static function withoutStrtotime(string $s, int $now): int|false|null
    {
        $wall = $now > -(1 << 61) && $now < (1 << 61) ? $now + self::defaultZone()->getOffset(new \DateTimeImmutable('@' . $now)) : $now;
        for ($tries = 0; ; $tries++) {
            $before = time();
            $shift = $wall - $before;
            if (abs($shift) >= self::MAX_OFFSET) {
                return self::farWithoutStrtotime($s);
            }
            $ts = self::shifted($s, $shift);
            if (time() === $before || $tries === 2) {
                return $ts;
            }
        }
    }

    /** A date beyond what a zone can shift the current time to: read when date_parse() says it
     * does not depend on now (a date with year, month and day; a time left out is midnight). */
    private static function farWithoutStrtotime(string $s): int|false|null
    {
        $ts = self::shifted($s, 0);
        if ($ts === false || !function_exists('date_parse')) {
            return $ts === false ? false : null;
        }
        $p = date_parse($s);
        return $p['year'] === false || $p['month'] === false || $p['day'] === false ? null : $ts;
    }

    /** `$s` read with the current time's wall clock seen `$shift` seconds ahead. */
    private static function shifted(string $s, int $shift): int|false
    {
        $other = $shift > 0 ? $shift - 1 : $shift + 1;
        [$a, $zoneA] = self::inZone($s, $shift);
        [$b, $zoneB] = self::inZone($s, $other);
        if ($a === false) {
            return false;
        }
        if ($b !== false && $a->getTimezone()->getName() === $zoneA && $b->getTimezone()->getName() === $zoneB) {
            $w = $a->getTimestamp() + $shift;
            $local = new \DateTimeImmutable(sprintf('1970-01-01 00:00:00 %s%d sec', $w < 0 ? '-' : '+', abs($w)));
            return $local->getTimestamp();
        }
        return $a->getTimestamp();
    }

    /** @return array{0: \DateTimeImmutable|false, 1: string} */
    private static function inZone(string $s, int $shift): array
    {
        $a = abs($shift);
        $zone = new \DateTimeZone(sprintf('%s%02d:%02d:%02d', $shift < 0 ? '-' : '+', intdiv($a, 3600), intdiv($a, 60) % 60, $a % 60));
        try {
            return [new \DateTimeImmutable($s, $zone), $zone->getName()];
        } catch (\Exception) {
            return [false, $zone->getName()];
        }
    }
}
