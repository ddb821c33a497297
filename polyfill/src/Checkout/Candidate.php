<?php

declare(strict_types=1);

namespace Loyalty\Polyfill\Checkout;

/** @internal An eligible advantage before the best-of choice. */
final class Candidate
{
    /** uncapped discount */
    public int $discount = 0;
    /** free shipping for the chosen carrier */
    public bool $ship = false;
    /** free shipping limited to other carriers */
    public bool $shipRefused = false;
    /** best-of value: capped discount + shipping saved */
    public int $value = 0;
    public bool $chosen = false;

    public function __construct(public Benefit $tier)
    {
    }
}
