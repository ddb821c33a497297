<?php

declare(strict_types=1);

namespace Loyalty\Polyfill\Checkout;

use Loyalty\Polyfill\Args;

/** @internal A tier of an advantage or a loyalty bracket, from its normalized settings. */
final class Benefit
{
    public int $from;
    public ?int $discount = null;
    public ?int $percentBp = null;
    /** rate brackets: points per block and the value of a block */
    public ?int $ratePoints = null;
    public int $rateValue = 0;
    public bool $freeShipping;
    /** @var array<string|int, true>|null carriers free shipping is limited to */
    public ?array $carriers = null;
    /** @var list<string> the same, as written, for messages */
    public array $carrierList = [];
    /** tiers: units free per whole `from` units (SPEC 11) */
    public ?int $freeUnits = null;
    /** brackets: the points it costs (the effective cost; a rate has none: its blocks spend points) */
    public int $cost = 0;

    public function __construct(array $b)
    {
        $this->from = $b['from'];
        $this->freeUnits = $b['free_units'] ?? null;
        if (isset($b['discount'])) {
            $this->discount = $b['discount'];
        } elseif (isset($b['discount_percent'])) {
            $this->percentBp = Money::basisPoints($b['discount_percent']);
        } elseif (isset($b['rate'])) {
            $this->ratePoints = $b['rate']['points'];
            $this->rateValue = $b['rate']['value'];
        }
        $this->freeShipping = $b['free_shipping'];
        if (isset($b['carriers'])) {
            $this->carrierList = array_values($b['carriers']);
            $this->carriers = array_fill_keys($this->carrierList, true);
        }
        $this->cost = $this->ratePoints === null ? $b['cost'] ?? 0 : 0;
    }

    /** Free shipping is allowed with this carrier (null: none chosen). */
    public function carrierAllowed(?string $carrier): bool
    {
        return $this->carriers === null || ($carrier !== null && isset($this->carriers[$carrier]));
    }

    /** "Colissimo or Chronopost", as the extension writes it (each name as lty_printable shows it in 48 bytes, 127 in all). */
    /** carrierNames(), once made */
    private ?string $carrierNames = null;

    public function carrierNames(): string
    {
        if ($this->carrierNames !== null) {
            return $this->carrierNames;
        }
        $out = '';
        $n = count($this->carrierList);
        foreach ($this->carrierList as $i => $name) {
            $out .= ($i === 0 ? '' : ($i + 1 === $n ? ' or ' : ', ')) . Args::printable($name, 48);
            if (strlen($out) >= 127) {
                break;
            }
        }
        return $this->carrierNames = substr($out, 0, 127);
    }
}
