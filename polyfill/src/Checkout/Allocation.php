<?php

declare(strict_types=1);

namespace Loyalty\Polyfill\Checkout;

/**
 * @internal Per-line allocation (docs/money.md, SPEC 13), as src/lty_lines.c: item-scoped
 * discounts over what is left of their lines as they apply, then the rest over what is left
 * of every line; shares in proportion, floors first, the units left to the largest remainders
 * (ties: earlier line).
 */
final class Allocation
{
    /** Allocates `$amount` over the lines `$match` marks (every line when null). */
    public static function spread(State $s, int $amount, ?array $match): void
    {
        if ($amount === 0 || $s->left === []) {
            return;
        }
        $weight = 0;
        foreach ($s->left as $i => $left) {
            if ($match === null || isset($match[$i])) {
                $weight += $left;
            }
        }
        if ($weight === 0) {
            return;
        }
        $remainders = [];
        $given = 0;
        foreach ($s->left as $i => $left) {
            if ($match !== null && !isset($match[$i])) {
                continue;
            }
            [$whole, $remainders[$i]] = Money::mulDivMod($amount, $left, $weight);
            $s->lineDiscounts[$i] += $whole;
            $s->left[$i] -= $whole;
            $given += $whole;
        }
        if ($given < $amount) {
            // Largest remainder first; on equal remainders the earlier line (arsort is stable).
            arsort($remainders);
            foreach ($remainders as $i => $_) {
                if ($given >= $amount) {
                    break;
                }
                $s->lineDiscounts[$i]++;
                $s->left[$i]--;
                $given++;
            }
        }
    }
}
