<?php

declare(strict_types=1);

namespace Loyalty\Polyfill\Ledger;

use Loyalty\Polyfill\Program;
use WeakMap;

/**
 * @internal The settings a ledger follows, read once per program from its loyalty section
 * (expiry, pending_days, rewards), as src/ledger/lty_ledger.c copies them into lty_ledger_rules.
 */
final class Rules
{
    public const DAY = 86400;

    /** @var WeakMap<Program, Rules>|null */
    private static ?WeakMap $cache = null;

    public bool $expires = false;
    public int $days = 0;
    public bool $perLot = false;
    public int $pendingDays = 0;
    /** days and pending_days in seconds */
    public int $daySeconds = 0;
    public int $pendingSeconds = 0;
    /** @var list<int> in written order */
    public array $warnDays = [];
    /** @var array<string, mixed>|null loyalty.rewards in normalized form */
    public ?array $rewards = null;

    public static function of(Program $program): self
    {
        $cache = self::$cache ??= new WeakMap();
        return $cache[$program] ??= self::fromSettings($program->settings());
    }

    /** @param array<string, mixed> $settings normalized settings (Program::toArray()) */
    public static function fromSettings(array $settings): self
    {
        $rules = new self();
        $loyalty = $settings['loyalty'] ?? null;
        if (!is_array($loyalty)) {
            return $rules;
        }
        $expiry = $loyalty['expiry'] ?? null;
        if (is_array($expiry)) {
            $rules->expires = true;
            $rules->days = (int) $expiry['days'];
            $rules->perLot = ($expiry['mode'] ?? 'rolling') === 'per_lot';
            $rules->warnDays = array_values(array_map('intval', $expiry['warn_days'] ?? []));
        }
        $rules->pendingDays = (int) ($loyalty['pending_days'] ?? 0);
        $rules->daySeconds = $rules->days * self::DAY;
        $rules->pendingSeconds = $rules->pendingDays * self::DAY;
        $rewards = $loyalty['rewards'] ?? null;
        $rules->rewards = is_array($rewards) ? $rewards : null;
        return $rules;
    }

    /** t + days, saturating: a date beyond the representable range never comes. */
    public static function afterDays(int $t, int $days): int
    {
        $r = $t + $days * self::DAY;
        return is_int($r) ? $r : PHP_INT_MAX;
    }
}
