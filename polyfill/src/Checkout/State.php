<?php

declare(strict_types=1);

namespace Loyalty\Polyfill\Checkout;

use Loyalty\Polyfill\Args;
use Loyalty\Polyfill\Customer;

/** @internal The state of one evaluation, and how applied and rejected rules are recorded. */
final class State
{
    /** subtotal - the voucher used, min(voucher_discount, subtotal) (SPEC 14) */
    public int $payable;
    /** what is payable and not yet discounted by the engine */
    public int $remaining;
    public bool $hasVoucher;
    public bool $advantageApplied = false;
    public bool $loyaltyUsed = false;

    public int $discount = 0;
    public bool $freeShipping = false;
    public int $shippingDiscount = 0;
    public int $pointsSpent = 0;
    public int $pointsEarned = 0;
    /** @var list<array> */
    public array $applied = [];
    /** @var array<int, list<array>> rejections by rule (advantage index; the advantage count for loyalty) */
    public array $rejected = [];

    /** @var list<int> per cart line: its amount not yet allocated (SPEC 13) */
    public array $left = [];
    /** @var list<int> per cart line: its share of the discount */
    public array $lineDiscounts = [];
    /** @var list<int>|null per cart line: its share of pointsEarned, with earn.exclude / earn.bonus */
    public ?array $linePoints = null;
    /** @var array<int, array> `lines` expression id => the lines it concerns on this cart */
    public array $concerns = [];
    /** item-scoped discounts applied, allocated as they apply */
    public int $itemTotal = 0;
    /** the program's timezone offset at now, when a schedule reads days or hours (else 0) */
    public int $utcOffset = 0;

    public function __construct(public Plan $plan, public Cart $cart, public Customer $customer, public int $now)
    {
        if ($cart->amounts !== null) {
            $this->left = $cart->amounts;
            $this->lineDiscounts = array_fill(0, count($cart->amounts), 0);
        }
        if ($plan->hasClock) {
            $this->utcOffset = (new \DateTimeZone($plan->timezone))->getOffset(new \DateTimeImmutable('@' . $now));
        }
        $this->hasVoucher = $cart->vouchers > 0 || $cart->voucherDiscount > 0;
        $this->payable = $cart->subtotal - min($cart->voucherDiscount, $cart->subtotal);
        $this->remaining = $this->payable;
    }

    /** Records a rule that did not apply; the message starts with the reason code. */
    public function reject(int $rule, string $source, string $id, string $reason, string $message, ?int $missing = null): void
    {
        // The extension formats into 200 bytes, the NUL included.
        $entry = ['source' => $source, 'id' => $id, 'reason' => $reason,
            'message' => substr($reason . ': ' . $message, 0, 199)];
        if ($missing !== null) {
            $entry['missing'] = $missing;
        }
        $this->rejected[$rule][] = $entry;
    }

    /** The `carrier` rejection of free shipping limited to other carriers. */
    public function rejectCarrier(int $rule, string $source, string $id, Benefit $b): void
    {
        $carrier = $this->cart->carrier;
        $this->reject($rule, $source, $id, 'carrier', 'free shipping only with ' . $b->carrierNames()
            . ($carrier === null ? ', no carrier chosen' : ', not ' . Args::printable($carrier, 48)));
    }

    /** The `zero_value` rejection of a rule that gives nothing on this cart (SPEC 14). */
    public function rejectZero(int $rule, string $source, string $id): void
    {
        $this->reject($rule, $source, $id, 'zero_value', 'gives 0.00 on this cart');
    }

    /** Records an applied rule; its discount fits what remains payable. */
    public function apply(string $source, string $id, string $label, int $discount, bool $ship, int $points): void
    {
        $this->applied[] = ['source' => $source, 'id' => $id, 'label' => $label, 'discount' => $discount,
            'free_shipping' => $ship, 'points_spent' => $points];
        $this->discount += $discount;
        if ($ship && !$this->freeShipping) {
            $this->freeShipping = true;
            $this->shippingDiscount = $this->cart->shipping;
        }
    }

    /** @return list<array> in settings order: the advantages, then loyalty */
    public function rejections(): array
    {
        if ($this->rejected === []) {
            return [];
        }
        ksort($this->rejected);
        return array_merge(...array_values($this->rejected));
    }
}
