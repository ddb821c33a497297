<?php
declare(strict_types=1);

namespace Loyalty\Polyfill\Expression;

/**
 * @internal An exact decimal of an expression, as src/expression/lty_decimal.c: an int count of
 * millionths. The static helpers take and give millionths, null for an overflow (never a
 * float), and follow the C step by step so that both cut results the same way.
 */
final class Decimal
{
    public const SCALE = 6;
    public const ONE = 1000000;

    public function __construct(public readonly int $m)
    {
    }

    /** An int as millionths; null outside +-9223372036854. */
    public static function fromInt(int $i): ?int
    {
        $m = $i * self::ONE;
        return is_int($m) ? $m : null;
    }

    /** $digits * 10^$exp10 cut toward zero to millionths, negated when $negative; null when out of range. */
    public static function fromDigits(bool $negative, string $digits, int $exp10): ?int
    {
        $e = $exp10 + self::SCALE;
        if ($e < 0) {
            $digits = -$e >= strlen($digits) ? '' : substr($digits, 0, $e);
            $e = 0;
        }
        $m = 0;
        $n = strlen($digits);
        for ($i = 0; $i < $n; $i++) {
            $m = $m * 10 + (ord($digits[$i]) - 48);
            if (!is_int($m)) {
                return null;
            }
        }
        for (; $e > 0 && $m !== 0; $e--) {
            $m *= 10;
            if (!is_int($m)) {
                return null;
            }
        }
        return $negative ? -$m : $m;
    }

    /**
     * A float by the digits PHP prints with serialize_precision -1 (the shortest that read
     * back as the same float), as the extension reads them with zend_dtoa() mode 0; null
     * beyond the decimal range.
     */
    public static function fromFloat(float $f): ?self
    {
        // Below 2^31 at most one millionth reads back as $f: when the nearest one does, it is
        // the shortest digits (lty_dec_from_double()); otherwise print the float.
        if ($f > -2147483648.0 && $f < 2147483648.0) {
            $t = $f * 1e6;
            $m = (int) ($t < 0 ? $t - 0.5 : $t + 0.5);
            if ($m / 1e6 === $f) {
                return new self($m);
            }
        }
        $precision = ini_get('serialize_precision');
        if ($precision !== '-1') {
            ini_set('serialize_precision', '-1');
        }
        $s = var_export($f, true);
        if ($precision !== '-1') {
            ini_set('serialize_precision', (string) $precision);
        }
        // '0.3', '-12.5', '1.0E+25', '1.0E-7'
        preg_match('/^(-?)(\d+)(?:\.(\d+))?(?:E([+-]\d+))?$/', $s, $p);
        $frac = $p[3] ?? '';
        $m = self::fromDigits($p[1] === '-', $p[2] . $frac, (int) ($p[4] ?? 0) - strlen($frac));
        return $m === null ? null : new self($m);
    }

    public static function add(int $a, int $b): ?int
    {
        $z = $a + $b;
        return is_int($z) && $z !== PHP_INT_MIN ? $z : null;
    }

    public static function sub(int $a, int $b): ?int
    {
        $z = $a - $b;
        return is_int($z) && $z !== PHP_INT_MIN ? $z : null;
    }

    /** $a * $b cut toward zero to millionths. */
    public static function mul(int $a, int $b): ?int
    {
        $p = $a * $b;
        if (is_int($p)) {
            return intdiv($p, self::ONE);
        }
        // |a| * |b| / 10^6 = qa*qb*10^6 + qa*rb + ra*qb + ra*rb / 10^6, every part >= 0
        $ua = abs($a);
        $ub = abs($b);
        $qa = intdiv($ua, self::ONE);
        $ra = $ua % self::ONE;
        $qb = intdiv($ub, self::ONE);
        $rb = $ub % self::ONE;
        $z = $qa * $qb * self::ONE;
        if (!is_int($z)) {
            return null;
        }
        foreach ([$qa * $rb, $ra * $qb, intdiv($ra * $rb, self::ONE)] as $t) {
            $z += $t;
            if (!is_int($t) || !is_int($z)) {
                return null;
            }
        }
        return ($a < 0) !== ($b < 0) ? -$z : $z;
    }

    /** $a / $b cut toward zero to millionths; null for $b = 0. */
    public static function div(int $a, int $b): ?int
    {
        if ($b === 0) {
            return null;
        }
        $t = $a * self::ONE;
        if (is_int($t)) {
            return intdiv($t, $b);
        }
        // long division: the integral part, then six digits
        $ua = abs($a);
        $ub = abs($b);
        $q = intdiv($ua, $ub);
        $r = $ua % $ub;
        for ($i = 0; $i < self::SCALE; $i++) {
            [$digit, $r] = self::times10Mod($r, $ub);
            $q = $q * 10 + $digit;
            if (!is_int($q)) {
                return null;
            }
        }
        return ($a < 0) !== ($b < 0) ? -$q : $q;
    }

    /**
     * [digit, rest] with 10 * $r = digit * $b + rest, for 0 <= $r < $b, by doubling and
     * adding below $b (10 * $r itself may not fit an int).
     * @return array{0: int, 1: int}
     */
    private static function times10Mod(int $r, int $b): array
    {
        $t = $r;
        $d = 0;
        for ($step = 0; $step < 4; $step++) {
            $add = $step === 2 ? $r : $t;   // 2r, 4r, 5r, 10r
            $d = $step === 2 ? $d : 2 * $d;
            if ($t >= $b - $add) {
                $t -= $b - $add;
                $d++;
            } else {
                $t += $add;
            }
        }
        return [$d, $t];
    }

    /** -1, 0, 1: millionths $d against the int $i, exact whatever their size. */
    public static function compareInt(int $d, int $i): int
    {
        $q = intdiv($d, self::ONE);
        if ($q !== $i) {
            return $q > $i ? 1 : -1;
        }
        return ($d % self::ONE) <=> 0;
    }
}
