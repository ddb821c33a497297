<?php

declare(strict_types=1);

namespace Loyalty\Polyfill\Checkout;

use Loyalty\InputException;

/**
 * @internal Loyalty points at checkout (SPEC 7, 10), as src/checkout/lty_points.c: the bracket
 * reached by the rank metric, its conditions, the discount it gives and the points it
 * consumes; then the points the order earns.
 */
final class Loyalty
{
    private const ID = 'loyalty';
    private const LABEL = 'Loyalty points';

    public static function spend(State $s): void
    {
        $y = $s->plan;
        if (!$y->hasLoyalty || $y->brackets === [] || !$s->cart->usePoints) {
            return;
        }
        $rule = count($y->advantages);
        $c = $s->customer;
        if (!self::conditionsMet($s, $rule)) {
            return;
        }
        $metric = match ($y->rankBy) {
            'orders' => $c->orders,
            'lifetime_points' => $c->lifetimePoints,
            default => $c->points,
        };
        $b = null;
        foreach ($y->brackets as $candidate) {
            if ($candidate->from <= $metric) {
                $b = $candidate;
                break;
            }
        }
        $usable = $s->cart->usePointsMax === null ? $c->points : min($c->points, $s->cart->usePointsMax);
        if ($b === null) {
            $s->reject($rule, self::ID, self::ID, 'no_points', sprintf('%d %s, the first bracket needs %d',
                $metric, $y->rankBy === 'orders' ? 'orders' : 'points', $y->lowestBracket), $y->lowestBracket - $metric);
            return;
        }
        // A rate has no cost: fewer points than a block give nothing (zero_value below). keep_all
        // never deducts, so its cost gates nothing (SPEC 14).
        if ($y->policy !== 'keep_all' && $b->cost > $usable) {
            $s->reject($rule, self::ID, self::ID, 'no_points', sprintf('%d usable points, the bracket needs %d',
                $usable, $b->cost), $b->cost - $usable);
            return;
        }
        [$discount, $ratePoints] = self::discount($s, $b, $usable);
        $ship = $b->freeShipping && $b->carrierAllowed($s->cart->carrier);
        if (!$ship && $discount === 0) {
            // Gives nothing: a refused free shipping is the reason when it had one (SPEC 14).
            if ($b->freeShipping) {
                $s->rejectCarrier($rule, self::ID, self::ID, $b);
            } else {
                $s->rejectZero($rule, self::ID, self::ID);
            }
            return;
        }
        $spent = match ($y->policy) {
            'lose_all' => $c->points,
            'keep_all' => 0,
            default => $b->ratePoints !== null ? $ratePoints : $b->cost,
        };
        $s->remaining -= $discount;
        $s->loyaltyUsed = true;
        $s->apply(self::ID, self::ID, self::LABEL, $discount, $ship, $spent);
        $s->pointsSpent = $spent;
        if ($b->freeShipping && !$ship) {
            $s->rejectCarrier($rule, self::ID, self::ID, $b);
        }
    }

    /** The conditions of SPEC 10 before a bracket is looked at; false when one failed (rejected). */
    private static function conditionsMet(State $s, int $rule): bool
    {
        $y = $s->plan;
        $c = $s->customer;
        if (!$c->active) {
            $s->reject($rule, self::ID, self::ID, 'disabled', 'the customer account is disabled');
            return false;
        }
        // The order being placed is number orders + 1 (compared without overflowing).
        if ($c->orders < $y->fromOrder - 1) {
            $order = $c->orders + 1;
            $s->reject($rule, self::ID, self::ID, 'order_number', sprintf('points are usable from order %d, this is order %d',
                $y->fromOrder, $order), $y->fromOrder - $order);
            return false;
        }
        $subtotal = $s->cart->subtotal;
        if ($subtotal < $y->minCart) {
            $s->reject($rule, self::ID, self::ID, 'min_cart', sprintf('subtotal %s is below %s',
                Money::format($subtotal), Money::format($y->minCart)), $y->minCart - $subtotal);
            return false;
        }
        if ($s->hasVoucher && !$y->spendWithVoucher) {
            $s->reject($rule, self::ID, self::ID, 'voucher', 'points cannot be used with a voucher');
            return false;
        }
        if ($s->advantageApplied && !$y->spendWithAdvantage) {
            $s->reject($rule, self::ID, self::ID, 'advantage_wins', 'a segment advantage applied and points do not combine with it');
            return false;
        }
        return true;
    }

    /**
     * The discount of a bracket within what is payable and max_percent (rounded down);
     * for a rate, in whole blocks, with the points those blocks spend.
     *
     * @return array{int, int} [discount, rate points]
     */
    private static function discount(State $s, Benefit $b, int $usable): array
    {
        $limit = $s->remaining;
        if ($s->plan->maxPercentBp !== null) {
            $limit = min($limit, Money::percentOf($s->cart->subtotal, $s->plan->maxPercentBp, Money::DOWN));
        }
        if ($b->ratePoints !== null) {
            $blocks = intdiv($usable, $b->ratePoints);
            if ($b->rateValue > 0) {
                $blocks = min($blocks, intdiv($limit, $b->rateValue));
            }
            return [$blocks * $b->rateValue, $blocks * $b->ratePoints];
        }
        if ($b->discount !== null) {
            $d = $b->discount;
        } elseif ($b->percentBp !== null) {
            $d = Money::percentOf($s->cart->subtotal, $b->percentBp, $s->plan->rounding);
        } else {
            $d = 0;
        }
        return [min($d, $limit), 0];
    }

    public static function earn(State $s): void
    {
        $y = $s->plan;
        $earned = 0;
        if ($y->hasLoyalty && $s->customer->active && ($y->earnPerOrder || $y->earnPerAmount > 0)
                && (!$s->hasVoucher || $y->earnWithVoucher)
                && (!$s->loyaltyUsed || $y->earnWithLoyaltyDiscount)
                && !self::earningBlockedBySegment($s)) {
            if ($y->earnPerOrder) {
                $earned = $y->earnPoints;
            } elseif ($y->earnPerLine && $s->left !== []) {
                $earned = self::earnPerLine($s);
            } else {
                $billed = $s->payable - $s->discount; // the voucher used and the engine's discounts are off
                $blocks = intdiv($billed, $y->earnPerAmount);
                if ($y->earnPoints !== 0 && $blocks > intdiv(PHP_INT_MAX, $y->earnPoints)) {
                    throw new InputException('cart: points earned overflow 64 bits', 3);
                }
                $earned = $blocks * $y->earnPoints;
            }
        }
        $s->pointsEarned = $earned;
        if ($y->hasLoyalty && $y->earnPerLine && $s->left !== [] && $s->linePoints === null) {
            // the lines carry points whenever exclude or bonus is set: 0 when the order earns none
            $s->linePoints = array_fill(0, count($s->left), 0);
        }
    }

    /**
     * SPEC 11, 13: billed per line (its amount minus its share of the engine's discounts and of the
     * voucher used, spread the same way), times its multiplier, summed exactly and rounded down
     * once; the points then spread over the lines in proportion to billed x multiplier.
     */
    private static function earnPerLine(State $s): int
    {
        $y = $s->plan;
        $voucher = Allocation::shares($s->left, $s->cart->subtotal - $s->payable);
        $weights = [];
        $total = 0;
        foreach ($s->cart->lines() as $i => $line) {
            $billed = $s->left[$i] - $voucher[$i];
            $m = 100;
            if ($y->earnExclude !== null && ($y->earnExclude->eval)($line) === true) {
                $m = 0;
            } else {
                foreach ($y->earnBonus as [$expr, $multiplier]) {
                    if (($expr->eval)($line) === true) {
                        $m = $multiplier;
                        break;
                    }
                }
            }
            // in hundredths of a minor unit: the sum must fit 64 bits (docs/decisions.md)
            if ($m !== 0 && $billed > intdiv(PHP_INT_MAX, $m) || $billed * $m > PHP_INT_MAX - $total) {
                throw new InputException('cart: points earned overflow 64 bits', 3);
            }
            $weights[$i] = $billed * $m;
            $total += $weights[$i];
        }
        $blocks = intdiv(intdiv($total, 100), $y->earnPerAmount); // rounded down once
        if ($y->earnPoints !== 0 && $blocks > intdiv(PHP_INT_MAX, $y->earnPoints)) {
            throw new InputException('cart: points earned overflow 64 bits', 3);
        }
        $earned = $blocks * $y->earnPoints;
        $s->linePoints = Allocation::shares($weights, $earned);
        return $earned;
    }

    /** A member of an advantage's segment with earn_points false earns nothing (SPEC 7). */
    private static function earningBlockedBySegment(State $s): bool
    {
        foreach ($s->plan->noEarning as $i) {
            if ($s->customer->advantageMatches($i)) {
                return true;
            }
        }
        return false;
    }
}
