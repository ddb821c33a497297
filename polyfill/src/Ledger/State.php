<?php

declare(strict_types=1);

namespace Loyalty\Polyfill\Ledger;

use Loyalty\LedgerException;

/**
 * @internal The ledger replayed up to some time: the lots (points earned or granted together)
 * and what is left of them, as lty_ledger_state in src/ledger/lty_ledger.c.
 *
 * Lots are parallel lists in time order. Lots before $head count no more (used up or
 * expired); $total is what is left of the lots from $head on. Because lots are added in
 * time order, their expiry dates (per_lot) and the end of their return windows (earns) never
 * decrease, so the valid lots at a time are a suffix and the pending ones a recent window:
 * questions look at those only instead of walking every lot.
 */
final class State
{
    public const EARN = 0;
    public const GRANT = 1;
    public const SPEND = 2;
    public const REWARD = 3;
    public const TYPES = ['earn', 'grant', 'spend', 'reward'];

    /** @var list<int> when each lot was earned or granted */
    public array $at = [];
    /** @var list<int> points left */
    public array $rem = [];
    /** @var list<int> spendable from then on (after the return window) */
    public array $avail = [];
    /** @var list<int> per_lot expiry */
    public array $exp = [];
    public int $count = 0;
    public int $head = 0;
    public int $total = 0;
    /** rolling mode: when every valid point expires */
    public bool $hasDeadline = false;
    public int $deadline = 0;
    /** entries applied */
    public int $next = 0;

    /**
     * Applies one entry (dated at or after every entry applied before).
     * $path names it in an error: a string, or an int N for "entries[N]"; a spend known to be
     * $covered is not measured again.
     */
    public function apply(Rules $r, int $type, int $points, int $at, string|int $path, bool $covered = false): void
    {
        // What expires by $at. Only expiry can leave a used-up or invalid lot at $head (consume()
        // moves past used-up ones), so the walk of expireUntil() is needed only when it comes.
        if ($r->expires && ($r->perLot
                ? $this->head < $this->count && $this->exp[$this->head] <= $at
                : $this->hasDeadline && $this->deadline <= $at)) {
            $this->expireUntil($r, $at);
        }
        $this->next++;
        if ($type <= self::GRANT) {
            if ($points > PHP_INT_MAX - $this->total) {
                throw self::overflow($path, $points);
            }
            $expires = $at + $r->daySeconds;
            if (!is_int($expires)) {
                $expires = PHP_INT_MAX; // saturating: a date beyond the representable range never comes
            }
            if ($r->expires && !$r->perLot && ($type === self::EARN || !$this->hasDeadline)) {
                // An order resets the deadline of every valid point; a grant starts one only when none runs.
                $this->deadline = $expires;
                $this->hasDeadline = true;
            }
            if ($points === 0) {
                return;
            }
            $avail = $at;
            if ($type === self::EARN && $r->pendingSeconds) {
                $avail = $at + $r->pendingSeconds;
                if (!is_int($avail)) {
                    $avail = PHP_INT_MAX;
                }
            }
            $this->at[] = $at;
            $this->rem[] = $points;
            $this->avail[] = $avail;
            $this->exp[] = $expires;
            $this->count++;
            $this->total += $points;
            return;
        }
        if (!$covered) {
            [$spendable, $pending] = $this->measure($r, $at);
            if ($spendable < $points) {
                throw self::short($path, $points, $type, $at, $spendable, $pending);
            }
        }
        $this->consume($points, $at);
    }

    /**
     * Spendable and pending points at $t (at or after the state's time).
     * @return array{int, int}
     */
    public function measure(Rules $r, int $t): array
    {
        if ($this->total === 0) {
            return [0, 0];
        }
        $start = $this->head;
        $valid = $this->total;
        if ($r->expires) {
            if (!$r->perLot) {
                if (!$this->hasDeadline || $this->deadline <= $t) {
                    return [0, 0];
                }
            } else {
                $start = $this->firstValid($t);
                $valid = $this->sumFrom($start);
            }
        }
        $pending = 0;
        if ($r->pendingDays > 0) {
            // Pending lots are earns of the last pending_days: walk back until an earn that is available.
            $avail = $this->avail;
            for ($i = $this->count - 1; $i >= $start; $i--) {
                $a = $avail[$i];
                if ($a > $t) {
                    $pending += $this->rem[$i];
                } elseif ($a !== $this->at[$i]) {
                    break; // an earn out of its window: every older lot is out of its window too
                }
            }
        }
        return [$valid - $pending, $pending];
    }

    /** Index of the first lot from $head still valid at $t (per_lot: expiry dates never decrease). */
    public function firstValid(int $t): int
    {
        $lo = $this->head;
        $hi = $this->count;
        $exp = $this->exp;
        while ($lo < $hi) {
            $mid = ($lo + $hi) >> 1;
            if ($exp[$mid] > $t) {
                $hi = $mid;
            } else {
                $lo = $mid + 1;
            }
        }
        return $lo;
    }

    /** Points left in the lots from $start on, walking the shorter side. */
    public function sumFrom(int $start): int
    {
        $rem = $this->rem;
        $sum = 0;
        if ($start - $this->head <= $this->count - $start) {
            for ($i = $this->head; $i < $start; $i++) {
                $sum += $rem[$i];
            }
            return $this->total - $sum;
        }
        for ($i = $start, $n = $this->count; $i < $n; $i++) {
            $sum += $rem[$i];
        }
        return $sum;
    }

    /** The total expireUntil($t) would leave, without moving the state. */
    public function totalAt(Rules $r, int $t): int
    {
        if ($r->expires && !$r->perLot) {
            return $this->hasDeadline && $this->deadline <= $t ? 0 : $this->total;
        }
        return $r->expires ? $this->sumFrom($this->firstValid($t)) : $this->total;
    }

    /** Drops what has expired by $t, and moves $head past lots that count no more. */
    public function expireUntil(Rules $r, int $t): void
    {
        $head = $this->head;
        $count = $this->count;
        if ($r->expires && !$r->perLot && $this->hasDeadline && $this->deadline <= $t) {
            // gone for good: a later order does not bring them back
            $this->head = $count;
            $this->total = 0;
            $this->hasDeadline = false;
            return;
        }
        $rem = $this->rem;
        if ($r->expires && $r->perLot) {
            $exp = $this->exp;
            while ($head < $count && ($rem[$head] === 0 || $exp[$head] <= $t)) {
                $this->total -= $rem[$head];
                $head++;
            }
        } else {
            // rolling with a running deadline, or no expiry: only used-up lots count no more
            while ($head < $count && $rem[$head] === 0) {
                $head++;
            }
        }
        $this->head = $head;
    }

    /** Uses $points spendable at $t, oldest lots first (pending ones are skipped). */
    public function consume(int $points, int $t): void
    {
        $count = $this->count;
        for ($i = $this->head; $points > 0 && $i < $count; $i++) {
            $left = $this->rem[$i];
            if ($left > 0 && $this->avail[$i] <= $t) {
                $used = $left < $points ? $left : $points;
                $this->rem[$i] = $left - $used;
                $this->total -= $used;
                $points -= $used;
            }
        }
        $head = $this->head;
        while ($head < $count && $this->rem[$head] === 0) {
            $head++;
        }
        $this->head = $head;
    }

    /**
     * Valid points at $t grouped by expiry date, in date order.
     * @return list<array{points: int, expires_at: int}>
     */
    public function expiring(Rules $r, int $t): array
    {
        if (!$r->expires || $this->total === 0) {
            return [];
        }
        if (!$r->perLot) {
            return $this->hasDeadline && $this->deadline > $t
                ? [['points' => $this->total, 'expires_at' => $this->deadline]] : [];
        }
        $list = [];
        $n = -1;
        $when = null;
        for ($i = $this->firstValid($t), $count = $this->count; $i < $count; $i++) {
            $left = $this->rem[$i];
            if ($left === 0) {
                continue;
            }
            if ($this->exp[$i] === $when) {
                $list[$n]['points'] += $left;
            } else {
                $when = $this->exp[$i];
                $list[++$n] = ['points' => $left, 'expires_at' => $when];
            }
        }
        return $list;
    }

    /** Points due to expire at $when as the state stands at $t < $when. */
    public function expiringAt(Rules $r, int $t, int $when): int
    {
        if ($this->total === 0) {
            return 0;
        }
        if (!$r->perLot) {
            return $this->hasDeadline && $this->deadline === $when && $when > $t ? $this->total : 0;
        }
        if ($when <= $t) {
            return 0;
        }
        $points = 0;
        for ($i = $this->firstValid($when - 1), $count = $this->count; $i < $count && $this->exp[$i] === $when; $i++) {
            $points += $this->rem[$i];
        }
        return $points;
    }

    public static function path(string|int $path): string
    {
        return is_int($path) ? "entries[$path]" : $path;
    }

    public static function overflow(string|int $path, int $points): LedgerException
    {
        return new LedgerException(sprintf('%s: %d more points would overflow the 64-bit balance', self::path($path), $points), 4);
    }

    public static function short(string|int $path, int $points, int $type, int $at, int $spendable, int $pending): LedgerException
    {
        return new LedgerException(sprintf('%s: %d points to %s at %s, only %d available%s', self::path($path), $points,
            self::TYPES[$type], self::formatTime($at), $spendable,
            $pending ? ' (more are pending in the return window)' : ''), 4);
    }

    /** $e as what an entry added before others did: "PATH: would leave a later spend uncovered (...)". */
    public static function wrap(string|int $path, LedgerException $e): LedgerException
    {
        return new LedgerException(sprintf('%s: would leave a later spend uncovered (%s)', self::path($path), $e->getMessage()), 4);
    }

    /** "2026-11-22 10:00:00 UTC", from the days-since-epoch civil calendar conversion (any int). */
    public static function formatTime(int $t): string
    {
        $days = intdiv($t, Rules::DAY);
        $secs = $t % Rules::DAY;
        if ($secs < 0) {
            $secs += Rules::DAY;
            $days--;
        }
        $days += 719468;
        $era = intdiv($days >= 0 ? $days : $days - 146096, 146097);
        $doe = $days - $era * 146097;
        $yoe = intdiv($doe - intdiv($doe, 1460) + intdiv($doe, 36524) - intdiv($doe, 146096), 365);
        $y = $yoe + $era * 400;
        $doy = $doe - (365 * $yoe + intdiv($yoe, 4) - intdiv($yoe, 100));
        $mp = intdiv(5 * $doy + 2, 153);
        $d = $doy - intdiv(153 * $mp + 2, 5) + 1;
        $m = $mp < 10 ? $mp + 3 : $mp - 9;
        return sprintf('%04d-%02d-%02d %02d:%02d:%02d UTC', $y + ($m <= 2 ? 1 : 0), $m, $d,
            intdiv($secs, 3600), intdiv($secs, 60) % 60, $secs % 60);
    }
}
