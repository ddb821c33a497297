<?php

declare(strict_types=1);

namespace Loyalty\Polyfill\Checkout;

use Loyalty\Polyfill\Program;

/**
 * @internal What checkout needs from a program's normalized settings, prepared once per
 * Program (amounts as ints, percents as basis points, tiers and brackets sorted for lookup).
 */
final class Plan
{
    /** @var \WeakMap<Program, Plan>|null */
    private static ?\WeakMap $plans = null;

    public int $rounding;
    public string $timezone;
    /** some schedule reads days or hours: evaluation needs the timezone's offset at now */
    public bool $hasClock = false;
    /** @var list<Advantage> */
    public array $advantages = [];
    /** @var list<int> indexes of the advantages with earn_points false */
    public array $noEarning = [];

    public bool $hasLoyalty = false;
    /** @var list<Benefit> brackets by `from` descending, the first written first on equal `from` */
    public array $brackets = [];
    public int $lowestBracket = PHP_INT_MAX;
    public string $rankBy = 'points';
    public string $policy = 'lose_used';
    public int $fromOrder = 1;
    public int $minCart = 0;
    public bool $spendWithVoucher = false;
    public bool $spendWithAdvantage = false;
    public ?int $maxPercentBp = null;
    public bool $earnPerOrder = false;
    public int $earnPerAmount = 0;
    public int $earnPoints = 0;
    public bool $earnWithVoucher = false;
    public bool $earnWithLoyaltyDiscount = false;
    /** earn.exclude / earn.bonus (SPEC 11): billed and points per line */
    public bool $earnPerLine = false;
    public ?\Loyalty\Polyfill\Expression\Expression $earnExclude = null;
    /** @var list<array{\Loyalty\Polyfill\Expression\Expression, int}> lines, multiplier in hundredths */
    public array $earnBonus = [];

    public static function of(Program $program): self
    {
        self::$plans ??= new \WeakMap();
        return self::$plans[$program] ??= new self($program->settings(), $program->segmentNames(), $program->compiled());
    }

    /** @var list<string> attr.NAME read by line expressions */
    public array $lineAttrNames;

    /**
     * @param list<string> $segmentNames
     */
    private function __construct(array $settings, array $segmentNames, \Loyalty\Polyfill\Settings\CompiledProgram $compiled)
    {
        $this->lineAttrNames = $compiled->lineAttrNames;
        $advantageLines = $compiled->advantageLines;
        $this->earnExclude = $compiled->earnExclude;
        $this->earnBonus = $compiled->earnBonus;
        $this->rounding = Money::rounding($settings['rounding']);
        $this->timezone = $settings['timezone'];
        $names = array_flip($segmentNames);
        foreach ($settings['advantages'] as $i => $a) {
            $this->advantages[] = $advantage = new Advantage($a, isset($names[$a['segment']]), $advantageLines[$i] ?? null);
            $this->hasClock = $this->hasClock || ($advantage->schedule?->usesClock() ?? false);
            if (!$a['earn_points']) {
                $this->noEarning[] = $i;
            }
        }
        $y = $settings['loyalty'];
        if ($y === null) {
            return;
        }
        $this->hasLoyalty = true;
        $this->rankBy = $y['rank_by'];
        $this->brackets = self::byFromDescending(array_map(static fn (array $b) => new Benefit($b), $y['brackets']));
        foreach ($this->brackets as $b) {
            $this->lowestBracket = min($this->lowestBracket, $b->from);
        }
        $spend = $y['spend'];
        $this->policy = $spend['policy'];
        $this->fromOrder = $spend['from_order'];
        $this->minCart = $spend['min_cart'];
        $this->spendWithVoucher = $spend['with_voucher'];
        $this->spendWithAdvantage = $spend['with_advantage'];
        if (isset($spend['max_percent'])) {
            $this->maxPercentBp = Money::basisPoints($spend['max_percent']);
        }
        $earn = $y['earn'];
        if ($earn !== null) {
            if (isset($earn['per_order'])) {
                $this->earnPerOrder = true;
                $this->earnPoints = $earn['per_order'];
            } else {
                $this->earnPerAmount = $earn['per_amount'];
                $this->earnPoints = $earn['points'];
            }
            $this->earnPerLine = isset($earn['exclude']) || isset($earn['bonus']);
        }
        $this->earnWithVoucher = $y['earn_with_voucher'];
        $this->earnWithLoyaltyDiscount = $y['earn_with_loyalty_discount'];
    }

    /**
     * Sorted so that the first whose `from` <= a metric is the highest reached, the
     * first written winning on equal `from` (a stable sort).
     *
     * @param list<Benefit> $items
     * @return list<Benefit>
     */
    public static function byFromDescending(array $items): array
    {
        usort($items, static fn (Benefit $x, Benefit $y) => $y->from <=> $x->from);
        return $items;
    }
}
