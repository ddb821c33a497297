<?php

declare(strict_types=1);

namespace Loyalty\Polyfill;

use Loyalty\InputException;
use Loyalty\Polyfill\Checkout\Advantages;
use Loyalty\Polyfill\Checkout\Allocation;
use Loyalty\Polyfill\Checkout\Cart;
use Loyalty\Polyfill\Checkout\Loyalty;
use Loyalty\Polyfill\Checkout\Plan;
use Loyalty\Polyfill\Checkout\State;

/**
 * @internal Engine::evaluate() (SPEC 6, 7, 8, 10), as ext/loyalty_engine.c and
 * src/checkout/lty_checkout.c: the customer, then the cart, then segment advantages, loyalty
 * points, earning, totals and the per-line allocation of the discount.
 */
final class Checkout
{
    private static ?\Closure $newResult = null;

    public static function evaluate(Program $program, array $cart, array $customer, int $now): Result
    {
        // The customer first, as the extension does (reading its dates may run user code).
        $c = $program->customer($customer, $now);
        $plan = Plan::of($program);
        $s = new State($plan, new Cart($cart, $plan->lineAttrNames), $c, $now);

        Advantages::evaluate($s);
        Loyalty::spend($s);
        // the discount is final once loyalty spent: the rest is spread before earning reads the lines;
        // item-scoped discounts were allocated as they applied
        Allocation::spread($s, $s->discount - $s->itemTotal, null);
        Loyalty::earn($s);

        $balance = $c->points - $s->pointsSpent;
        if ($balance > PHP_INT_MAX - $s->pointsEarned) {
            throw new InputException('customer.points: balance overflows 64 bits', 3);
        }
        $balance += $s->pointsEarned;
        $cart = $s->cart;
        $net = $s->payable - $s->discount; // SPEC 14: a voucher reduces the merchandise only
        $shipping = $cart->shipping - $s->shippingDiscount;
        if ($net > PHP_INT_MAX - $shipping) {
            throw new InputException('cart: total overflows 64-bit minor units', 3);
        }
        $lines = [];
        if ($cart->amounts !== null) {
            // two loops rather than `+ [...]` per line, which copies each line's array
            $skus = $cart->skus;
            $discounts = $s->lineDiscounts;
            $points = $s->linePoints;
            if ($points === null) {
                foreach ($cart->amounts as $i => $amount) {
                    $lines[] = ['sku' => $skus[$i], 'amount' => $amount, 'discount' => $discounts[$i]];
                }
            } else {
                foreach ($cart->amounts as $i => $amount) {
                    $lines[] = ['sku' => $skus[$i], 'amount' => $amount, 'discount' => $discounts[$i], 'points' => $points[$i]];
                }
            }
        }

        self::$newResult ??= \Closure::bind(static function (array $p): Result {
            $r = new Result();
            $r->subtotal = $p[0];
            $r->discount = $p[1];
            $r->shipping = $p[2];
            $r->shippingDiscount = $p[3];
            $r->freeShipping = $p[4];
            $r->total = $p[5];
            $r->pointsEarned = $p[6];
            $r->pointsSpent = $p[7];
            $r->pointsBalance = $p[8];
            $r->segments = $p[9];
            $r->applied = $p[10];
            $r->rejected = $p[11];
            $r->lines = $p[12];
            return $r;
        }, null, Result::class);

        return (self::$newResult)([
            $cart->subtotal, $s->discount, $cart->shipping, $s->shippingDiscount, $s->freeShipping,
            $net + $shipping, $s->pointsEarned, $s->pointsSpent, $balance, $c->segmentNames(),
            $s->applied, $s->rejections(), $lines,
        ]);
    }
}
