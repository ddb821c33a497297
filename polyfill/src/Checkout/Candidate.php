<?php

declare(strict_types=1);

namespace Loyalty\Polyfill\Checkout;

/** @internal An eligible advantage before the best-of choice. */
final class Candidate
{
    /** @var array{match: array<int, true>|null, count: int, amount: int, units: int} the lines it concerns (SPEC 11) */
    public array $concern;
    /** `lines` or free units: allocated over its lines as it applies */
    public bool $itemScoped = false;
    /** uncapped discount */
    public int $discount = 0;
    /** free shipping for the chosen carrier */
    public bool $ship = false;
    /** free shipping limited to other carriers */
    public bool $shipRefused = false;
    /** the best-of value is capped + shippingSaved (compared exactly) */
    public int $capped = 0;
    public int $shippingSaved = 0;
    public bool $chosen = false;

    public function __construct(public Benefit $tier)
    {
    }

    /** The best-of value for a message, saturated, as the extension: near 64 bits it reads "more than anything". */
    public function shownValue(): int
    {
        return $this->capped > PHP_INT_MAX - $this->shippingSaved ? PHP_INT_MAX : $this->capped + $this->shippingSaved;
    }
}
