<?php

declare(strict_types=1);

namespace Loyalty\Polyfill\Checkout;

/**
 * @internal Per-line allocation (docs/money.md): shares of the discount in proportion to
 * line amounts, floors first, the units left to the largest remainders (ties: earlier line).
 */
final class Allocation
{
    /**
     * @param list<int> $amounts
     * @return list<int> one discount per line, summing to $discount
     */
    public static function shares(array $amounts, int $discount, int $subtotal): array
    {
        if ($discount === 0 || $subtotal === 0) {
            return array_fill(0, count($amounts), 0);
        }
        $shares = [];
        $remainders = [];
        $given = 0;
        foreach ($amounts as $i => $amount) {
            [$shares[$i], $remainders[$i]] = Money::mulDivMod($discount, $amount, $subtotal);
            $given += $shares[$i];
        }
        if ($given < $discount) {
            // Largest remainder first; on equal remainders the earlier line (arsort is stable).
            arsort($remainders);
            foreach ($remainders as $i => $_) {
                if ($given >= $discount) {
                    break;
                }
                $shares[$i]++;
                $given++;
            }
        }
        return $shares;
    }
}
