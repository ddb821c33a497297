<?php
// What evaluate() returns (SPEC section 8): public readonly properties and toArray().
declare(strict_types=1);

namespace Loyalty\Plain;

final class Result implements \JsonSerializable
{
    public function __construct(
        public readonly int $subtotal,
        public readonly int $discount,
        public readonly int $shipping,
        public readonly int $shippingDiscount,
        public readonly bool $freeShipping,
        public readonly int $total,
        public readonly int $pointsEarned,
        public readonly int $pointsSpent,
        public readonly int $pointsBalance,
        public readonly array $segments,
        public readonly array $applied,
        public readonly array $rejected,
        public readonly array $lines,
    ) {
    }

    public function toArray(): array
    {
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
        return $this->toArray();
    }
}
