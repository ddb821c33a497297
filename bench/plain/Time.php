<?php
// Dates as SPEC section 2 takes them: int Unix time, DateTimeInterface, or a strtotime() string.
declare(strict_types=1);

namespace Loyalty\Plain;

final class Time
{
    public static function timestamp(mixed $value, string $path): ?int
    {
        if ($value === null || is_int($value)) {
            return $value;
        }
        if ($value instanceof \DateTimeInterface) {
            return $value->getTimestamp();
        }
        if (is_string($value)) {
            $ts = strtotime($value);
            if ($ts !== false) {
                return $ts;
            }
        }
        throw new InputException("$path: expected a date (int, DateTimeInterface or date string)");
    }

    public static function now(int|string|\DateTimeInterface|null $now): int
    {
        return $now === null ? time() : self::timestamp($now, 'now');
    }
}
