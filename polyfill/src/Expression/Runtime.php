<?php
declare(strict_types=1);

namespace Loyalty\Polyfill\Expression;

/**
 * @internal Run-time helpers of compiled expressions (src/expression/lty_expr_eval.c). Values are plain
 * PHP values: null, bool, int, Decimal, string, and arrays for lists.
 */
final class Runtime
{
    /** Three-valued comparison: -1/0/1, or null when a side is null or the kinds differ. */
    public static function compare(mixed $a, mixed $b): ?int
    {
        if (is_int($a) || $a instanceof Decimal) {
            return is_int($b) || $b instanceof Decimal ? self::compareNumbers($a, $b) : null;
        }
        if (is_string($a)) {
            return is_string($b) ? strcmp($a, $b) <=> 0 : null;
        }
        if (is_bool($a)) {
            return is_bool($b) ? $a <=> $b : null;
        }
        if (is_array($a)) {
            if (!is_array($b)) {
                return null;
            }
            // Lists are only tested for equality: 0 when same elements in the same order, else 1.
            if (count($a) !== count($b)) {
                return 1;
            }
            foreach ($a as $i => $x) {
                if (self::compare($x, $b[$i]) !== 0) {
                    return 1;
                }
            }
            return 0;
        }
        return null;
    }

    /** compare() of two values statically typed as numbers: int, Decimal or null. */
    public static function compareNullableNumbers(int|Decimal|null $a, int|Decimal|null $b): ?int
    {
        if ($a === null || $b === null) {
            return null;
        }
        return is_int($a) && is_int($b) ? $a <=> $b : self::compareNumbers($a, $b);
    }

    /** Exact: decimals are millionths, compared with ints without converting them. */
    public static function compareNumbers(int|Decimal $a, int|Decimal $b): int
    {
        if (is_int($a)) {
            return is_int($b) ? $a <=> $b : -Decimal::compareInt($b->m, $a);
        }
        return is_int($b) ? Decimal::compareInt($a->m, $b) : $a->m <=> $b->m;
    }

    /** One step of an arithmetic chain; null on overflow, division by zero or a non-number. */
    public static function arith(mixed $x, mixed $y, int $op): int|Decimal|null
    {
        if (is_int($x) && is_int($y)) {
            switch ($op) {
                case 0: $z = $x + $y; break;
                case 1: $z = $x - $y; break;
                case 2: $z = $x * $y; break;
                default:
                    if ($y === 0 || ($x === PHP_INT_MIN && $y === -1)) {
                        return null;
                    }
                    return intdiv($x, $y);
            }
            return is_int($z) ? $z : null; // int overflow gives a float in PHP
        }
        return self::decimalArith($x, $y, $op);
    }

    /**
     * A decimal with an int or a decimal: the int is read as a decimal first (null when it is
     * beyond the decimal range), then the result is cut to millionths.
     */
    private static function decimalArith(mixed $x, mixed $y, int $op): ?Decimal
    {
        $a = is_int($x) ? Decimal::fromInt($x) : ($x instanceof Decimal ? $x->m : null);
        $b = is_int($y) ? Decimal::fromInt($y) : ($y instanceof Decimal ? $y->m : null);
        if ($a === null || $b === null) {
            return null;
        }
        $z = match ($op) {
            0 => Decimal::add($a, $b),
            1 => Decimal::sub($a, $b),
            2 => Decimal::mul($a, $b),
            default => Decimal::div($a, $b),
        };
        return $z === null ? null : new Decimal($z);
    }

    /** floor((now - when) / 86400), null when unknown or on overflow. */
    public static function daysSince(int $now, ?int $when): ?int
    {
        if ($when === null) {
            return null;
        }
        $diff = $now - $when;
        if (!is_int($diff)) {
            return null;
        }
        $days = intdiv($diff, 86400);
        if ($diff % 86400 !== 0 && $diff < 0) {
            $days--;
        }
        return $days;
    }

    /** ASCII lower case, as PHP 8.2's strtolower() (8.1's follows the locale). */
    public static function lower(string $s): string
    {
        return PHP_VERSION_ID >= 80200 ? strtolower($s) : strtr($s, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz');
    }

    /**
     * A matcher for `like`: case-insensitive (ASCII) glob with '*' and '?', as lty_glob_match().
     * @return \Closure(string): bool
     */
    public static function globMatcher(string $pattern): \Closure
    {
        $pat = self::lower($pattern);
        if (strpbrk($pat, '*?') === false) {
            return static fn(string $s): bool => strcasecmp($s, $pat) === 0; // ASCII-only folding
        }
        $star = strpos($pat, '*');
        if (strpos($pat, '?') === false && $star === strlen($pat) - 1) {
            $prefix = substr($pat, 0, -1);
            return static fn(string $s): bool => strncasecmp($s, $prefix, strlen($prefix)) === 0;
        }
        return static fn(string $s): bool => self::glob($pat, self::lower($s));
    }

    /** Greedy match with one backtrack point, as in C: O(n*m) at worst. Both sides lower case. */
    private static function glob(string $pat, string $s): bool
    {
        $plen = strlen($pat);
        $slen = strlen($s);
        $p = 0;
        $i = 0;
        $starP = -1;
        $starI = 0;
        while ($i < $slen) {
            if ($p < $plen && $pat[$p] === '*') {
                $starP = $p++;
                $starI = $i;
            } elseif ($p < $plen && ($pat[$p] === '?' || $pat[$p] === $s[$i])) {
                $p++;
                $i++;
            } elseif ($starP >= 0) {
                $p = $starP + 1;
                $i = ++$starI;
            } else {
                return false;
            }
        }
        while ($p < $plen && $pat[$p] === '*') {
            $p++;
        }
        return $p === $plen;
    }
}
