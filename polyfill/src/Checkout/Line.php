<?php

declare(strict_types=1);

namespace Loyalty\Polyfill\Checkout;

/** @internal One cart line as line expressions read it (SPEC 11): what lty_cart_line holds. */
final class Line
{
    /**
     * @param string|null $sku an int sku as its digits
     * @param array<string, mixed> $attrs attr.NAME values the program's line expressions read
     */
    public function __construct(
        public ?string $sku,
        public ?string $category,
        public int $qty,
        public int $price,
        public int $amount,
        public array $attrs,
    ) {
    }
}
