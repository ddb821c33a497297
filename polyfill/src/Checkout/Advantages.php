<?php

declare(strict_types=1);

namespace Loyalty\Polyfill\Checkout;

use Loyalty\Polyfill\Args;
use Loyalty\Polyfill\Settings\Schedule;

/**
 * @internal Segment advantages (SPEC 6, 10): each is checked in the order of SPEC 10, then
 * all combinable eligible ones apply, and of the others the one worth most (ties: earlier);
 * the chosen ones apply in settings order with a running cap.
 */
final class Advantages
{
    public static function evaluate(State $s): void
    {
        $advantages = $s->plan->advantages;
        if ($advantages === []) {
            return;
        }
        $candidates = [];
        foreach ($advantages as $i => $a) {
            $c = self::check($s, $i, $a);
            if ($c !== null) {
                $candidates[$i] = $c;
            }
        }
        $best = null;
        foreach ($candidates as $i => $c) {
            if ($advantages[$i]->combinable) {
                $c->chosen = true;
            } elseif ($best === null || self::worthMore($c, $candidates[$best])) {
                $best = $i;
            }
        }
        if ($best !== null) {
            $candidates[$best]->chosen = true;
        }
        foreach ($candidates as $i => $c) {
            $a = $advantages[$i];
            if (!$c->chosen) {
                $s->reject($i, 'advantage', $a->id, 'not_best', sprintf("'%s' is worth more (%s against %s)",
                    Args::printable($advantages[$best]->id, 80), Money::format($candidates[$best]->shownValue()), Money::format($c->shownValue())));
                continue;
            }
            $d = min($c->discount, $s->remaining);
            if ($c->itemScoped) { // never more than is left of its lines (SPEC 13)
                $d = min($d, Lines::left($s, $c->concern));
            }
            if ($d === 0 && !$c->ship) {
                // SPEC 14: the running cap left it nothing; the best-of is not run again.
                self::rejectNothingGiven($s, $i, $a, $c);
                continue;
            }
            $s->remaining -= $d;
            if ($c->itemScoped) {
                $s->itemTotal += $d;
                Allocation::spread($s, $d, $c->concern['match']);
            }
            $s->apply('advantage', $a->id, $a->label, $d, $c->ship, 0);
            $s->advantageApplied = true;
            if ($c->shipRefused) {
                $s->rejectCarrier($i, 'advantage', $a->id, $c->tier);
            }
        }
    }

    /**
     * a's value above b's, exactly: the sums may pass 64 bits, their differences may not (every
     * part is in [0, PHP_INT_MAX]), so (a.d + a.s) > (b.d + b.s) is compared as a.d - b.d > b.s - a.s.
     */
    private static function worthMore(Candidate $a, Candidate $b): bool
    {
        return $a->capped - $b->capped > $b->shippingSaved - $a->shippingSaved;
    }

    /**
     * SPEC 14: a tier that gives nothing on this cart is not applied. When its free shipping was
     * refused, the carrier is the reason (eligibility comes first); otherwise it is zero_value.
     */
    private static function rejectNothingGiven(State $s, int $i, Advantage $a, Candidate $c): void
    {
        if ($c->shipRefused) {
            $s->rejectCarrier($i, 'advantage', $a->id, $c->tier);
        } else {
            $s->rejectZero($i, 'advantage', $a->id);
        }
    }

    /** The candidate when the advantage is eligible and gives something; otherwise its rejection is recorded. */
    private static function check(State $s, int $i, Advantage $a): ?Candidate
    {
        if (!$s->customer->active) {
            $s->reject($i, 'advantage', $a->id, 'disabled', 'the customer account is disabled');
            return null;
        }
        if ($a->schedule !== null && ($state = $a->schedule->check($s->now, $s->utcOffset)) !== Schedule::ACTIVE) {
            $seconds = match ($state) {
                Schedule::NOT_STARTED => $a->schedule->startsAt - $s->now,
                // ended longer ago than 64 bits count: "ended", as in the extension
                Schedule::ENDED => $a->schedule->endsAt < 0 && $s->now > PHP_INT_MAX + $a->schedule->endsAt ? 0 : $s->now - $a->schedule->endsAt,
                default => 0,
            };
            $s->reject($i, 'advantage', $a->id, 'schedule', $a->schedule->message($state, $seconds),
                $state === Schedule::NOT_STARTED ? $seconds : null);
            return null;
        }
        if ($a->maxUses !== null && ($used = $s->customer->uses($a->id)) >= $a->maxUses) {
            $s->reject($i, 'advantage', $a->id, 'used_up', sprintf('already used %d time%s, at most %d per customer',
                $used, $used === 1 ? '' : 's', $a->maxUses));
            return null;
        }
        if (!$s->customer->advantageMatches($i)) {
            $s->reject($i, 'advantage', $a->id, 'not_in_segment', $a->notInSegment());
            return null;
        }
        if ($s->hasVoucher && !$a->withVoucher) {
            $s->reject($i, 'advantage', $a->id, 'voucher', 'does not apply with a voucher');
            return null;
        }
        $concern = Lines::concern($s, $a);
        if ($a->lines !== null && $concern['count'] === 0) {
            $s->reject($i, 'advantage', $a->id, 'no_line', 'no cart line matches ' . Args::printable($a->lines->source, 112));
            return null;
        }
        $basis = $a->tiersOnQuantity ? $concern['units'] : $concern['amount'];
        $tier = $a->tier($basis);
        if ($tier === null) {
            $message = match (true) {
                $a->tiersOnQuantity => sprintf('%d unit%s, the first tier needs %d', $basis, $basis === 1 ? '' : 's', $a->lowest),
                $a->lines !== null => sprintf('the matching lines make %s, below %s', Money::format($basis), Money::format($a->lowest)),
                default => sprintf('subtotal %s is below %s', Money::format($basis), Money::format($a->lowest)),
            };
            $s->reject($i, 'advantage', $a->id, 'below_tier', $message, $a->lowest - $basis);
            return null;
        }
        $c = new Candidate($tier);
        $c->concern = $concern;
        $c->itemScoped = $a->lines !== null || $tier->freeUnits !== null;
        if ($tier->freeUnits !== null) {
            $c->discount = Lines::freeUnits($s, $concern, $tier);
        } elseif ($tier->discount !== null) {
            $c->discount = min($tier->discount, $concern['amount']);
        } elseif ($tier->percentBp !== null) {
            $c->discount = Money::percentOf($concern['amount'], $tier->percentBp, $s->plan->rounding);
        }
        if ($tier->freeShipping) {
            $c->ship = $tier->carrierAllowed($s->cart->carrier);
            $c->shipRefused = !$c->ship;
        }
        $discount = min($c->discount, $s->payable);
        if ($discount === 0 && !$c->ship) {
            self::rejectNothingGiven($s, $i, $a, $c);
            return null;
        }
        $c->capped = $discount;
        $c->shippingSaved = $c->ship ? $s->cart->shipping : 0;
        return $c;
    }
}
