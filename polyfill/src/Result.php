<?php

declare(strict_types=1);

namespace Loyalty\Polyfill;

/**
 * The answer of Engine::evaluate(): a read-only record (SPEC 8). Built by the engine only.
 */
final class Result implements \JsonSerializable, \Serializable
{
    use NotSerializable;

    public readonly int $subtotal;
    /** engine discounts on the products (advantages and loyalty) */
    public readonly int $discount;
    public readonly int $shipping;
    public readonly int $shippingDiscount;
    public readonly bool $freeShipping;
    /** subtotal - discount - voucher_discount + shipping - shippingDiscount */
    public readonly int $total;
    public readonly int $pointsEarned;
    public readonly int $pointsSpent;
    /** balance after this order */
    public readonly int $pointsBalance;
    /** @var list<string> */
    public readonly array $segments;
    /** @var list<array{source: string, id: string, label: string, discount: int, free_shipping: bool, points_spent: int}> */
    public readonly array $applied;
    /** @var list<array{source: 'advantage'|'loyalty', id: string, reason: 'disabled'|'schedule'|'used_up'|'not_in_segment'|'voucher'|'no_line'|'below_tier'|'carrier'|'zero_value'|'not_best'|'order_number'|'min_cart'|'advantage_wins'|'no_points', message: string, missing?: int}> */
    public readonly array $rejected;
    /** @var list<array{sku: mixed, amount: int, discount: int, points?: int}> */
    public readonly array $lines;

    private function __construct()
    {
    }

    public function toArray(): array
    {
        Args::count('Loyalty\\Result::toArray', func_num_args(), 0, 0);
        return [
            'subtotal' => $this->subtotal,
            'discount' => $this->discount,
            'shipping' => $this->shipping,
            'shipping_discount' => $this->shippingDiscount,
            'free_shipping' => $this->freeShipping,
            'total' => $this->total,
            'points_earned' => $this->pointsEarned,
            'points_spent' => $this->pointsSpent,
            'points_balance' => $this->pointsBalance,
            'segments' => $this->segments,
            'applied' => $this->applied,
            'rejected' => $this->rejected,
            'lines' => $this->lines,
        ];
    }

    public function jsonSerialize(): array
    {
        Args::count('Loyalty\\Result::jsonSerialize', func_num_args(), 0, 0);
        return $this->toArray();
    }

    /** No dynamic properties, as the extension's class. */
    public function __set(string $name, mixed $value): void
    {
        throw new \Error(sprintf('Cannot create dynamic property %s::$%s', self::class, $name));
    }
}
