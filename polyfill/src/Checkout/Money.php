<?php

declare(strict_types=1);

namespace Loyalty\Polyfill\Checkout;

/**
 * @internal Exact integer money arithmetic (docs/money.md): percents in basis points with
 * a 128-bit-exact intermediate, the "12.34" message format, and a*b/c for the allocation.
 */
final class Money
{
    public const HALF_UP = 0;
    public const HALF_EVEN = 1;
    public const DOWN = 2;

    /** `rounding` setting -> mode constant */
    public static function rounding(string $name): int
    {
        return match ($name) {
            'half_even' => self::HALF_EVEN,
            'down' => self::DOWN,
            default => self::HALF_UP,
        };
    }

    /** A settings percent (int, or float with at most two decimals) in basis points. */
    public static function basisPoints(int|float $percent): int
    {
        return is_int($percent) ? $percent * 100 : (int) round($percent * 100);
    }

    /** $bp basis points of $amount (>= 0), rounded to the minor unit; never more than $amount when $bp <= 10000. */
    public static function percentOf(int $amount, int $bp, int $rounding): int
    {
        // amount = high * 10000 + low, so amount * bp / 10000 = high * bp + low * bp / 10000 exactly.
        $low = $amount % 10000;
        $q = intdiv($amount, 10000) * $bp + intdiv($low * $bp, 10000);
        $r = ($low * $bp) % 10000;
        return match ($rounding) {
            self::DOWN => $q,
            self::HALF_EVEN => $r > 5000 || ($r === 5000 && ($q & 1) === 1) ? $q + 1 : $q,
            default => $r >= 5000 ? $q + 1 : $q,
        };
    }

    /** "12.34", as messages show amounts. */
    public static function format(int $amount): string
    {
        $sign = $amount < 0 ? '-' : '';
        $abs = $amount < 0 ? -($amount + 1) + 1 : $amount; // PHP_INT_MIN cannot occur: amounts are >= 0
        return sprintf('%s%d.%02d', $sign, intdiv($abs, 100), $abs % 100);
    }

    /**
     * [floor(a * b / c), (a * b) mod c] for 0 <= a, b <= c, c > 0, exact even when a * b
     * exceeds 64 bits (the extension uses a 128-bit product).
     *
     * @return array{int, int}
     */
    public static function mulDivMod(int $a, int $b, int $c): array
    {
        if ($b === 0 || $a <= intdiv(PHP_INT_MAX, $b)) {
            $p = $a * $b;
            return [intdiv($p, $c), $p % $c];
        }
        // Binary long multiplication of a by b modulo c, keeping the quotient: q * c + r = (prefix of a) * b.
        $q = 0;
        $r = 0;
        for ($bit = 62; $bit >= 0; $bit--) {
            $q <<= 1;
            if ($r >= $c - $r) {
                $r -= $c - $r;
                $q++;
            } else {
                $r <<= 1;
            }
            if (($a >> $bit) & 1) {
                if ($r >= $c - $b) {
                    $r -= $c - $b;
                    $q++;
                } else {
                    $r += $b;
                }
            }
        }
        return [$q, $r];
    }
}
