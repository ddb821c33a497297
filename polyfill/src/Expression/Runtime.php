<?php
declare(strict_types=1);

namespace Loyalty\Polyfill\Expression;

/**
 * @internal Run-time helpers of compiled expressions (src/lty_expr_eval.c). Values are plain
 * PHP values: null, bool, int, float, string, and arrays for lists.
 */
final class Runtime
{
    /** Three-valued comparison: -1/0/1, or null when a side is null or the kinds differ. */
    public static function compare(mixed $a, mixed $b): ?int
    {
        if (is_int($a) || is_float($a)) {
            return is_int($b) || is_float($b) ? self::compareNumbers($a, $b) : null;
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

    /** compare() of two values statically typed as numbers: int, float or null. */
    public static function compareNullableNumbers(int|float|null $a, int|float|null $b): ?int
    {
        if ($a === null || $b === null) {
            return null;
        }
        return is_int($a) === is_int($b) ? $a <=> $b : self::compareNumbers($a, $b);
    }

    /** Exact for int/int, and for int/float where the float is integral (no rounding of the int). */
    public static function compareNumbers(int|float $a, int|float $b): int
    {
        if (is_int($a) === is_int($b)) {
            return $a <=> $b;
        }
        if (is_int($a)) {
            return -self::compareNumbers($b, $a);
        }
        // $a float, $b int
        if ($a >= 9223372036854775808.0) {
            return 1;
        }
        if ($a < -9223372036854775808.0) {
            return -1;
        }
        $t = $a < 0 ? ceil($a) : floor($a);
        $ti = (int) $t;
        if ($ti !== $b) {
            return $ti <=> $b;
        }
        return $a <=> $t;
    }

    /** One step of an arithmetic chain; null on overflow, division by zero or a non-number. */
    public static function arith(mixed $x, mixed $y, int $op): int|float|null
    {
        if (!(is_int($x) || is_float($x)) || !(is_int($y) || is_float($y))) {
            return null;
        }
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
        $x = (float) $x;
        $y = (float) $y;
        switch ($op) {
            case 0: $z = $x + $y; break;
            case 1: $z = $x - $y; break;
            case 2: $z = $x * $y; break;
            default:
                if ($y == 0.0) {
                    return null;
                }
                $z = $x / $y;
        }
        return is_finite($z) ? $z : null;
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
