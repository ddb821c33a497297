<?php

declare(strict_types=1);

namespace Loyalty\Polyfill\Checkout;

/**
 * @internal Per-line allocation (docs/money.md, SPEC 13), as src/checkout/lty_lines.c: item-scoped
 * discounts over what is left of their lines as they apply, then the rest over what is left
 * of every line; shares in proportion, floors first, the units left to the largest remainders
 * (ties: earlier line).
 */
final class Allocation
{
    /**
     * `$amount` in proportion to `$weights`, floors first, the units left to the largest
     * remainders (ties: earlier line).
     * @param list<int> $weights
     * @return list<int>
     */
    public static function shares(array $weights, int $amount): array
    {
        $out = array_fill(0, count($weights), 0);
        $total = 0;
        foreach ($weights as $w) {
            if ($w > PHP_INT_MAX - $total) {
                throw new \Loyalty\InputException('cart: line weights overflow 64 bits', 3);
            }
            $total += $w;
        }
        if ($amount === 0 || $total === 0) {
            return $out;
        }
        $remainders = [];
        $given = 0;
        foreach ($weights as $i => $w) {
            if ($w === 0) {
                continue;
            }
            $p = $amount * $w; // a float when it passes 64 bits: then the exact long way
            if (is_int($p)) {
                $out[$i] = intdiv($p, $total);
                $remainders[$i] = $p % $total;
            } else {
                [$out[$i], $remainders[$i]] = Money::mulDivMod($amount, $w, $total);
            }
            $given += $out[$i];
        }
        arsort($remainders); // stable: the earlier line on equal remainders
        foreach ($remainders as $i => $_) {
            if ($given >= $amount) {
                break;
            }
            $out[$i]++;
            $given++;
        }
        return $out;
    }

    /** Allocates `$amount` over what is left of the lines `$match` marks (every line when null). */
    public static function spread(State $s, int $amount, ?array $match): void
    {
        if ($amount === 0 || $s->left === []) {
            return;
        }
        if ($match === null) {
            $weights = $s->left;
        } else {
            $weights = [];
            foreach ($s->left as $i => $left) {
                $weights[$i] = isset($match[$i]) ? $left : 0;
            }
        }
        foreach (self::shares($weights, $amount) as $i => $share) {
            $s->lineDiscounts[$i] += $share;
            $s->left[$i] -= $share;
        }
    }
}
