<?php

declare(strict_types=1);

namespace Loyalty\Polyfill\Checkout;

/**
 * @internal Rules on products (SPEC 11, 13), as src/checkout/lty_lines.c: the cart lines an advantage
 * concerns, the value of free units, and what is left of lines after item-scoped discounts.
 */
final class Lines
{
    /** @return array{match: array<int, true>|null, count: int, amount: int, units: int} */
    public static function concern(State $s, Advantage $a): array
    {
        if ($a->lines === null) { // the whole cart
            return ['match' => null, 'count' => $s->cart->lineCount, 'amount' => $s->cart->subtotal, 'units' => $s->cart->units];
        }
        if (isset($s->concerns[$id = spl_object_id($a->lines)])) {
            return $s->concerns[$id]; // the same `lines` text as an advantage checked before
        }
        $match = $a->lines === null ? null : [];
        $count = 0;
        $amount = 0;
        $units = 0;
        foreach ($s->cart->lines() as $i => $line) {
            if ($a->lines !== null) {
                if (($a->lines->eval)($line) !== true) {
                    continue;
                }
                $match[$i] = true;
            }
            $count++;
            $amount += $line->amount;
            $units = $units > PHP_INT_MAX - $line->qty ? PHP_INT_MAX : $units + $line->qty; // saturates, as the extension
        }
        if ($a->lines === null) {
            $amount = $s->cart->subtotal; // also for a cart given by its subtotal
        }
        $concern = ['match' => $match, 'count' => $count, 'amount' => $amount, 'units' => $units];
        if ($a->lines !== null) {
            $s->concerns[spl_object_id($a->lines)] = $concern;
        }
        return $concern;
    }

    /** k units free for each whole `from` units, never more than there are, cheapest units first. */
    public static function freeUnits(State $s, array $concern, Benefit $t): int
    {
        $per = intdiv($concern['units'], $t->from);
        $free = $per !== 0 && $t->freeUnits > intdiv(PHP_INT_MAX, $per) ? $concern['units'] : min($per * $t->freeUnits, $concern['units']);
        if ($free === 0) {
            return 0;
        }
        $order = [];
        foreach ($s->cart->lines() as $i => $line) {
            if (($concern['match'] === null || isset($concern['match'][$i])) && $line->qty > 0) {
                $order[] = [$line->price, $i];
            }
        }
        sort($order); // by price, then by line
        $value = 0;
        foreach ($order as [$price, $i]) {
            if ($free === 0) {
                break;
            }
            $take = min($free, $s->cart->lines()[$i]->qty);
            $value += $take * $price;
            $free -= $take;
        }
        return $value;
    }

    /** What is left of the concerned lines after the item-scoped discounts allocated so far. */
    public static function left(State $s, array $concern): int
    {
        if ($s->left === []) {
            return $concern['amount']; // a cart given by its subtotal: nothing allocated per line
        }
        $left = 0;
        foreach ($s->left as $i => $amount) {
            if ($concern['match'] === null || isset($concern['match'][$i])) {
                $left += $amount;
            }
        }
        return $left;
    }
}
