<?php

declare(strict_types=1);

namespace Loyalty\Polyfill\Checkout;

use Loyalty\Polyfill\Expression\Expression;
use Loyalty\Polyfill\Settings\Schedule;

/** @internal An advantage for a segment (SPEC 6), from its normalized settings. */
final class Advantage
{
    public string $id;
    public string $label;
    public string $segment;
    /** `segment` names a segment (else it is an inline expression) */
    public bool $named;
    public bool $withVoucher;
    public bool $combinable;
    /** the lines it concerns (SPEC 11); null: the whole cart */
    public ?Expression $lines;
    /** `from` counts units of the concerned lines */
    public bool $tiersOnQuantity;
    /** per customer (SPEC 11); null: no limit */
    public ?int $maxUses;
    /** when it is active (SPEC 11); null: always */
    public ?Schedule $schedule;
    /** @var list<Benefit> by `from` descending, the first written first on equal `from` */
    public array $tiers;
    public int $lowest = PHP_INT_MAX;
    private ?string $notInSegment = null;

    public function __construct(array $a, bool $named, ?Expression $lines = null)
    {
        $this->lines = $lines;
        $this->tiersOnQuantity = ($a['tiers_on'] ?? 'amount') === 'quantity';
        $this->id = $a['id'];
        $this->label = $a['label'];
        $this->segment = $a['segment'];
        $this->named = $named;
        $this->withVoucher = $a['with_voucher'];
        $this->combinable = $a['combinable'];
        $this->maxUses = $a['max_uses'] ?? null;
        $this->schedule = Schedule::of($a);
        $this->tiers = Plan::byFromDescending(array_map(static fn (array $t) => new Benefit($t), $a['tiers']));
        foreach ($this->tiers as $t) {
            $this->lowest = min($this->lowest, $t->from);
        }
    }

    /** The tier with the highest `from` <= subtotal, or null. */
    /** The message of a not_in_segment rejection: the same for every customer, made once. */
    public function notInSegment(): string
    {
        return $this->notInSegment ??= sprintf($this->named ? "not in segment '%s'" : 'does not match %s',
            \Loyalty\Polyfill\Args::printable($this->segment, 112));
    }

    public function tier(int $subtotal): ?Benefit
    {
        foreach ($this->tiers as $t) {
            if ($t->from <= $subtotal) {
                return $t;
            }
        }
        return null;
    }
}
