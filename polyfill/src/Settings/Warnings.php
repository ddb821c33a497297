<?php
declare(strict_types=1);

namespace Loyalty\Polyfill\Settings;

/**
 * @internal Contradictions found in compiled settings (src/settings/lty_warnings.c): unused segments,
 * tiers that never apply or give less than a lower one, brackets that cost more than they
 * require, a max_percent of 0, warnings at or past a rolling expiry.
 */
final class Warnings
{
    /** @return list<array{path: string, message: string}> */
    public static function of(CompiledProgram $p): array
    {
        $w = [];
        $builtins = count(CompiledProgram::BUILTIN_SEGMENTS);
        $used = [];
        foreach ($p->advantageSegments as $segment) {
            if (is_int($segment)) {
                $used[$segment] = true;
            } else {
                foreach ($segment->segmentRefs as [$ref]) {
                    $used[$ref] = true;
                }
            }
        }
        foreach ($p->exprs as $i => $expr) {
            foreach ($expr === null ? [] : $expr->segmentRefs as [$ref]) {
                if ($ref !== $i) {
                    $used[$ref] = true;
                }
            }
        }
        $count = count($p->segmentNames);
        for ($i = $builtins; $i < $count; $i++) {
            if (!isset($used[$i])) {
                $w[] = self::warning('segments.' . $p->segmentNames[$i],
                    'is referenced nowhere: no advantage or segment uses it (filter() still can)');
            }
        }
        foreach ($p->settings['advantages'] as $ai => $a) {
            self::tiers($w, $ai, $a['tiers']);
            if (($p->advantageLines[$ai] ?? null)?->neverMatches) {
                $w[] = self::warning("advantages[$ai].lines", 'never matches: qty, price and amount are never negative');
            }
            if (isset($a['starts_at'], $a['ends_at']) && $a['ends_at'] <= $a['starts_at']) {
                $w[] = self::warning("advantages[$ai].ends_at", 'is not after starts_at: the advantage is never active');
            }
        }
        if ($p->settings['loyalty'] !== null) {
            self::brackets($w, $p->settings['loyalty'], $p->bracketCostGiven);
            self::advantageWins($w, $p->settings['advantages'], $p->settings['loyalty']);
        }
        return $w;
    }

    /** spend.with_advantage false against an advantage for everybody that gives a discount from 0.00. */
    private static function advantageWins(array &$w, array $advantages, array $y): void
    {
        if ($y['spend']['with_advantage'] || $y['brackets'] === []) {
            return;
        }
        foreach ($advantages as $i => $a) {
            if ($a['segment'] !== 'all' || !($a['with_voucher'] || !$y['spend']['with_voucher'])
                    || isset($a['max_uses']) || isset($a['lines']) || isset($a['starts_at']) || isset($a['ends_at']) || isset($a['days']) || isset($a['hours'])) {
                continue;
            }
            foreach ($a['tiers'] as $t) {
                if ($t['from'] === 0 && ((isset($t['discount']) && $t['discount'] > 0) || ($t['discount_percent'] ?? 0) > 0)) {
                    $w[] = self::warning('loyalty.spend.with_advantage',
                        "is false and advantages[$i] (segment all, from 0.00) applies to every cart: no loyalty discount can ever apply");
                    return;
                }
            }
        }
    }

    private static function warning(string $path, string $message): array
    {
        // The C keeps 95 bytes of path and 199 of message.
        return ['path' => substr($path, 0, 95), 'message' => substr($message, 0, 199)];
    }

    public static function money(int $amount): string
    {
        $abs = $amount < 0 ? -$amount : $amount;
        if (!is_int($abs)) { // PHP_INT_MIN
            return '-92233720368547758.08';
        }
        return sprintf('%s%d.%02d', $amount < 0 ? '-' : '', intdiv($abs, 100), $abs % 100);
    }

    /** amount * bp / 10000 rounded down, exactly (amount >= 0, bp 0..10000). */
    public static function percentFloor(int $amount, int $bp): int
    {
        return intdiv($amount, 10000) * $bp + intdiv(($amount % 10000) * $bp, 10000);
    }

    private static function bp(array $t): int
    {
        return isset($t['discount_percent']) ? (int) round($t['discount_percent'] * 100) : 0;
    }

    /** What a benefit takes off a cart of `subtotal` (free shipping aside). */
    private static function valueAt(array $t, int $subtotal): int
    {
        if (isset($t['discount'])) {
            return min($t['discount'], $subtotal);
        }
        if (isset($t['discount_percent'])) {
            return self::percentFloor($subtotal, self::bp($t));
        }
        return 0;
    }

    private static function tiers(array &$w, int $ai, array $tiers): void
    {
        $shadowed = [];
        $seen = [];
        foreach ($tiers as $j => $t) {
            if (isset($seen[$t['from']])) {
                $shadowed[$j] = $seen[$t['from']];
            } else {
                $seen[$t['from']] = $j;
            }
        }
        foreach ($tiers as $i => $t) {
            $path = "advantages[$ai].tiers[$i]";
            if (isset($shadowed[$i])) {
                $w[] = self::warning($path, sprintf('never applies: tiers[%d] has the same from (%s) and is written first',
                    $shadowed[$i], self::money($t['from'])));
            }
            foreach ($tiers as $j => $lower) {
                if ($lower['from'] < $t['from'] && !isset($shadowed[$j])
                        && self::valueAt($t, $t['from']) < self::valueAt($lower, $t['from'])
                        && (!$t['free_shipping'] || $lower['free_shipping'])) {
                    $w[] = self::warning($path, sprintf('gives less than the lower tiers[%d]: %s against %s on a cart of %s', $j,
                        self::money(self::valueAt($t, $t['from'])), self::money(self::valueAt($lower, $t['from'])),
                        self::money($t['from'])));
                    break;
                }
            }
            if (!$t['free_shipping'] && !isset($t['discount']) && self::bp($t) === 0) {
                $w[] = self::warning($path, 'gives nothing: a 0% discount without free shipping');
            } elseif (!$t['free_shipping'] && isset($t['discount']) && $t['discount'] === 0) {
                $w[] = self::warning($path, 'gives nothing: a 0.00 discount without free shipping');
            }
        }
    }

    private static function brackets(array &$w, array $y, array $costGiven): void
    {
        $seen = [];
        foreach ($y['brackets'] as $i => $b) {
            $path = "loyalty.brackets[$i]";
            if (isset($seen[$b['from']])) {
                $w[] = self::warning($path, sprintf('never applies: brackets[%d] has the same from (%d) and is written first',
                    $seen[$b['from']], $b['from']));
            } else {
                $seen[$b['from']] = $i;
            }
            $defaultCost = $y['rank_by'] === 'points' && (isset($b['discount']) || isset($b['discount_percent'])) ? $b['from'] : 0;
            if ($y['spend']['policy'] === 'keep_all' && $costGiven[$i] && $b['cost'] !== $defaultCost) {
                $w[] = self::warning($path, sprintf('cost %d has no effect: keep_all never deducts points', $b['cost']));
            } elseif ($y['rank_by'] === 'points' && $costGiven[$i] && $b['cost'] > $b['from']) {
                $w[] = self::warning($path, sprintf('costs %d points but is reached from %d: customers with fewer than %d points reach it and cannot use it',
                    $b['cost'], $b['from'], $b['cost']));
            }
            if (!$b['free_shipping'] && ((isset($b['discount']) && $b['discount'] === 0)
                    || (isset($b['discount_percent']) && $b['discount_percent'] == 0) || (isset($b['rate']) && $b['rate']['value'] === 0))) {
                $w[] = self::warning($path, 'gives nothing: a zero discount without free shipping');
            }
            if (isset($b['rate']) && $y['rank_by'] === 'points' && $b['from'] < $b['rate']['points']) {
                $w[] = self::warning($path, sprintf('is reached from %d points but one block costs %d', $b['from'], $b['rate']['points']));
            }
        }
        if (isset($y['spend']['max_percent']) && $y['spend']['max_percent'] == 0 && $y['brackets']) {
            $w[] = self::warning('loyalty.spend.max_percent', 'is 0: no loyalty discount can ever apply');
        }
        if ($y['expiry'] !== null && $y['expiry']['mode'] === 'rolling') {
            foreach ($y['expiry']['warn_days'] as $i => $d) {
                if ($d >= $y['expiry']['days']) {
                    $w[] = self::warning("loyalty.expiry.warn_days[$i]", sprintf('%d days before expiry is at or before the points are earned (they last %d days)',
                        $d, $y['expiry']['days']));
                }
            }
        }
    }
}
