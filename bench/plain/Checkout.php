<?php
// One evaluate() call's running state: what is still payable, what applied, what was
// rejected and why (SPEC 6, 7, 10, 14).
declare(strict_types=1);

namespace Loyalty\Plain;

final class Checkout
{
    public int $discount = 0;
    public bool $freeShipping = false;
    public bool $advantageApplied = false;
    public bool $loyaltyUsed = false;
    public array $applied = [];
    /** @var array<int, list<array>> rule index (advantages, then loyalty) => its rejections */
    private array $rejected = [];
    private int $remaining;

    public function __construct(
        private readonly int $subtotal,
        private readonly int $payable,
        private readonly int $shipping,
        private readonly ?string $carrier,
        private readonly bool $hasVoucher,
        private readonly string $rounding = 'half_up',
    ) {
        $this->remaining = $payable;
    }

    public function reject(int $rule, string $source, string $id, string $reason, string $message, ?int $missing = null): void
    {
        $entry = ['source' => $source, 'id' => $id, 'reason' => $reason, 'message' => substr("$reason: $message", 0, 199)];
        if ($missing !== null) {
            $entry['missing'] = $missing;
        }
        $this->rejected[$rule][] = $entry;
    }

    /** @return list<array> in rule order */
    public function rejections(): array
    {
        ksort($this->rejected);
        return $this->rejected === [] ? [] : array_merge(...$this->rejected);
    }

    private function rejectCarrier(int $rule, string $source, string $id, Tier $t): void
    {
        $this->reject($rule, $source, $id, 'carrier', 'free shipping only with ' . $t->carrierNames()
            . ($this->carrier === null ? ', no carrier chosen' : ', not ' . $this->carrier));
    }

    private function apply(string $source, string $id, string $label, int $discount, bool $ship, int $points): void
    {
        $this->applied[] = ['source' => $source, 'id' => $id, 'label' => $label, 'discount' => $discount,
            'free_shipping' => $ship, 'points_spent' => $points];
        $this->discount += $discount;
        $this->remaining -= $discount;
        $this->freeShipping = $this->freeShipping || $ship;
    }

    // ---- advantages --------------------------------------------------------------------

    /** The advantage's candidate when it is eligible and gives something, else null (rejected). */
    public function check(int $i, Advantage $a, bool $member): ?array
    {
        if (!$member) {
            $this->reject($i, 'advantage', $a->id, 'not_in_segment',
                $a->named ? "not in segment '{$a->segment}'" : "does not match {$a->segment}");
            return null;
        }
        if ($this->hasVoucher && !$a->withVoucher) {
            $this->reject($i, 'advantage', $a->id, 'voucher', 'does not apply with a voucher');
            return null;
        }
        $tier = $a->tier($this->subtotal);
        if ($tier === null) {
            $this->reject($i, 'advantage', $a->id, 'below_tier', sprintf('subtotal %s is below %s',
                self::format($this->subtotal), self::format($a->lowest)), $a->lowest - $this->subtotal);
            return null;
        }
        $discount = match (true) {
            $tier->discount !== null => min($tier->discount, $this->subtotal),
            $tier->percentBp !== null => self::percentOf($this->subtotal, $tier->percentBp, $this->rounding),
            default => 0,
        };
        $ship = $tier->freeShipping && $tier->carrierAllowed($this->carrier);
        $capped = min($discount, $this->payable);
        if ($capped === 0 && !$ship) {
            $this->nothingGiven($i, $a, $tier);
            return null;
        }
        return ['tier' => $tier, 'discount' => $discount, 'ship' => $ship,
            'value' => $capped + ($ship ? $this->shipping : 0), 'chosen' => $a->combinable];
    }

    private function nothingGiven(int $i, Advantage $a, Tier $tier): void
    {
        if ($tier->freeShipping && !$tier->carrierAllowed($this->carrier)) {
            $this->rejectCarrier($i, 'advantage', $a->id, $tier);
        } else {
            $this->reject($i, 'advantage', $a->id, 'zero_value', 'gives 0.00 on this cart');
        }
    }

    /**
     * Every combinable candidate applies; of the others the one worth most (ties: the earlier);
     * the chosen ones apply in settings order within what remains payable.
     *
     * @param list<Advantage> $advantages
     * @param array<int, array> $candidates
     */
    public function applyAdvantages(array $advantages, array $candidates): void
    {
        $best = null;
        foreach ($candidates as $i => $c) {
            if (!$c['chosen'] && ($best === null || $c['value'] > $candidates[$best]['value'])) {
                $best = $i;
            }
        }
        if ($best !== null) {
            $candidates[$best]['chosen'] = true;
        }
        foreach ($candidates as $i => $c) {
            $a = $advantages[$i];
            if (!$c['chosen']) {
                $this->reject($i, 'advantage', $a->id, 'not_best', sprintf("'%s' is worth more (%s against %s)",
                    $advantages[$best]->id, self::format($candidates[$best]['value']), self::format($c['value'])));
                continue;
            }
            $d = min($c['discount'], $this->remaining);
            if ($d === 0 && !$c['ship']) {
                $this->nothingGiven($i, $a, $c['tier']);
                continue;
            }
            $this->apply('advantage', $a->id, $a->label, $d, $c['ship'], 0);
            $this->advantageApplied = true;
            if ($c['tier']->freeShipping && !$c['ship']) {
                $this->rejectCarrier($i, 'advantage', $a->id, $c['tier']);
            }
        }
    }

    // ---- loyalty -----------------------------------------------------------------------

    /** Uses the bracket the customer reached, if the conditions hold; returns the points spent. */
    public function spendPoints(array $l, int $rule, array $customer, bool $active, int $usable): int
    {
        $spend = $l['spend'];
        $orders = $customer['orders'] ?? 0;
        $points = $customer['points'] ?? 0;
        if (!$active) {
            $this->reject($rule, 'loyalty', 'loyalty', 'disabled', 'the customer account is disabled');
            return 0;
        }
        if ($orders + 1 < $spend['from_order']) {
            $this->reject($rule, 'loyalty', 'loyalty', 'order_number', sprintf('points are usable from order %d, this is order %d',
                $spend['from_order'], $orders + 1), $spend['from_order'] - $orders - 1);
            return 0;
        }
        if ($this->subtotal < $spend['min_cart']) {
            $this->reject($rule, 'loyalty', 'loyalty', 'min_cart', sprintf('subtotal %s is below %s',
                self::format($this->subtotal), self::format($spend['min_cart'])), $spend['min_cart'] - $this->subtotal);
            return 0;
        }
        if ($this->hasVoucher && !$spend['with_voucher']) {
            $this->reject($rule, 'loyalty', 'loyalty', 'voucher', 'points cannot be used with a voucher');
            return 0;
        }
        if ($this->advantageApplied && !$spend['with_advantage']) {
            $this->reject($rule, 'loyalty', 'loyalty', 'advantage_wins', 'a segment advantage applied and points do not combine with it');
            return 0;
        }
        $metric = match ($l['rank_by']) {
            'orders' => $orders,
            'lifetime_points' => $customer['lifetime_points'] ?? 0,
            default => $points,
        };
        $bracket = null;
        foreach ($l['by_from'] as $b) {
            if ($b->from <= $metric) {
                $bracket = $b;
                break;
            }
        }
        if ($bracket === null) {
            $lowest = min(array_map(static fn(Tier $b) => $b->from, $l['brackets']));
            $this->reject($rule, 'loyalty', 'loyalty', 'no_points', sprintf('%d %s, the first bracket needs %d',
                $metric, $l['rank_by'] === 'orders' ? 'orders' : 'points', $lowest), $lowest - $metric);
            return 0;
        }
        $keepAll = $spend['policy'] === 'keep_all';
        if (!$keepAll && $bracket->cost !== null && $bracket->cost > $usable) {
            $this->reject($rule, 'loyalty', 'loyalty', 'no_points', sprintf('%d usable points, the bracket needs %d',
                $usable, $bracket->cost), $bracket->cost - $usable);
            return 0;
        }
        $limit = $this->remaining;
        if (isset($spend['max_percent'])) {
            $limit = min($limit, self::percentOf($this->subtotal, $spend['max_percent'], 'down'));
        }
        $ratePoints = 0;
        if ($bracket->rate !== null) {
            $blocks = intdiv($usable, $bracket->rate['points']);
            if ($bracket->rate['value'] > 0) {
                $blocks = min($blocks, intdiv($limit, $bracket->rate['value']));
            }
            $discount = $blocks * $bracket->rate['value'];
            $ratePoints = $blocks * $bracket->rate['points'];
        } else {
            $discount = match (true) {
                $bracket->discount !== null => $bracket->discount,
                $bracket->percentBp !== null => self::percentOf($this->subtotal, $bracket->percentBp, $this->rounding),
                default => 0,
            };
            $discount = min($discount, $limit);
        }
        $ship = $bracket->freeShipping && $bracket->carrierAllowed($this->carrier);
        if (!$ship && $discount === 0) {
            if ($bracket->freeShipping) {
                $this->rejectCarrier($rule, 'loyalty', 'loyalty', $bracket);
            } else {
                $this->reject($rule, 'loyalty', 'loyalty', 'zero_value', 'gives 0.00 on this cart');
            }
            return 0;
        }
        $spent = match ($spend['policy']) {
            'lose_all' => $points,
            'keep_all' => 0,
            default => $bracket->rate !== null ? $ratePoints : $bracket->cost,
        };
        $this->loyaltyUsed = true;
        $this->apply('loyalty', 'loyalty', 'Loyalty points', $discount, $ship, $spent);
        if ($bracket->freeShipping && !$ship) {
            $this->rejectCarrier($rule, 'loyalty', 'loyalty', $bracket);
        }
        return $spent;
    }

    // ---- money -------------------------------------------------------------------------

    /** $bp basis points of $amount, rounded as the program says, exactly (no 64-bit overflow). */
    public static function percentOf(int $amount, int $bp, string $rounding): int
    {
        $whole = intdiv($amount, 10000) * $bp;
        $part = ($amount % 10000) * $bp;
        $result = $whole + intdiv($part, 10000);
        $rest = $part % 10000;
        $up = match ($rounding) {
            'down' => false,
            'half_even' => $rest > 5000 || ($rest === 5000 && $result % 2 === 1),
            default => $rest >= 5000,
        };
        return $up ? $result + 1 : $result;
    }

    /** 12345 -> "123.45" */
    public static function format(int $amount): string
    {
        return sprintf('%d.%02d', intdiv($amount, 100), $amount % 100);
    }
}
