<?php

declare(strict_types=1);

namespace Loyalty\Polyfill\Ledger;

use Loyalty\InputException;
use Loyalty\LedgerException;

/**
 * @internal The points history of one customer, as lty_ledger in src/lty_ledger.c.
 *
 * Entries are kept in time order (equal times in the order they were added) as parallel
 * lists; the state after the last entry is kept too, so that appending in time order costs
 * O(1) amortized and questions about "now" need no replay. An entry inserted before the last
 * one replays the history once to check every later spend. Questions about an earlier date
 * replay up to it; the last such replay is kept and carried forward when the next question
 * is later still (a cron walking through time replays the history once).
 */
final class Book
{
    public const MAX_ENTRIES = 1000000;

    /** @var list<int> */
    public array $types = [];
    /** @var list<int> */
    public array $points = [];
    /** @var list<int> */
    public array $ats = [];
    /** @var list<string> */
    public array $refs = [];
    public int $count = 0;
    public State $end;
    /** the state after the first $past->next entries (never $end) */
    private ?State $past = null;

    public function __construct(public Rules $rules)
    {
        $this->end = new State();
    }

    public function __clone()
    {
        $this->end = clone $this->end;
        $this->past = null;
    }

    /**
     * Adds an entry; refused (LedgerException, the book unchanged) when a spend would not be
     * covered, then or later. $path names the entry in messages ("spend", "issueRewards").
     */
    public function add(int $type, int $points, int $at, string $ref, string $path): void
    {
        if ($this->count >= self::MAX_ENTRIES) {
            throw new InputException(sprintf('%s: the ledger has %d entries, the most it can hold', $path, self::MAX_ENTRIES), 3);
        }
        $pos = $this->insertionPoint($at);
        if ($type >= State::SPEND) {
            [$spendable, $pending] = $this->stateAt($at)->measure($this->rules, $at);
            if ($spendable < $points) {
                throw State::short($path, $points, $type, $at, $spendable, $pending);
            }
        }
        if ($pos === $this->count) {
            // In time order: continue from the end state.
            // points expired by then do not count (they are dropped first)
            if ($type <= State::GRANT && $points > PHP_INT_MAX - $this->end->totalAt($this->rules, $at)) {
                throw State::overflow($path, $points);
            }
            $this->end->apply($this->rules, $type, $points, $at, $path);
            $this->types[] = $type;
            $this->points[] = $points;
            $this->ats[] = $at;
            $this->refs[] = $ref;
            $this->count++;
            return;
        }
        // Out of time order: insert, replay everything, undo when a spend is left uncovered.
        array_splice($this->types, $pos, 0, [$type]);
        array_splice($this->points, $pos, 0, [$points]);
        array_splice($this->ats, $pos, 0, [$at]);
        array_splice($this->refs, $pos, 0, [$ref]);
        $this->count++;
        try {
            $state = $this->replay($this->count);
        } catch (LedgerException $e) {
            array_splice($this->types, $pos, 1);
            array_splice($this->points, $pos, 1);
            array_splice($this->ats, $pos, 1);
            array_splice($this->refs, $pos, 1);
            $this->count--;
            throw new LedgerException(sprintf('%s: would leave a later spend uncovered (%s)', $path, $e->getMessage()), 4);
        }
        $this->end = $state;
        if ($this->past !== null && $this->past->next > $pos) {
            $this->past = null;
        }
    }

    /**
     * Adds many entries (any order) with one sort and one replay; the book unchanged on error.
     * @param list<int> $types
     * @param list<int> $points
     * @param list<int> $ats
     * @param list<string> $refs
     */
    public function addAll(array $types, array $points, array $ats, array $refs): void
    {
        $n = count($ats);
        if ($n === 0) {
            return;
        }
        if ($n > self::MAX_ENTRIES - $this->count) {
            throw new InputException(sprintf('entries: too many entries (%d, at most %d)', $this->count + $n, self::MAX_ENTRIES), 3);
        }
        $allTypes = $this->count ? array_merge($this->types, $types) : $types;
        $allPoints = $this->count ? array_merge($this->points, $points) : $points;
        $allAts = $this->count ? array_merge($this->ats, $ats) : $ats;
        $allRefs = $this->count ? array_merge($this->refs, $refs) : $refs;
        $sorted = true;
        for ($i = 1, $total = count($allAts); $i < $total; $i++) {
            if ($allAts[$i] < $allAts[$i - 1]) {
                $sorted = false;
                break;
            }
        }
        if (!$sorted) {
            asort($allAts); // stable: equal times keep the order they were added in
            $order = array_keys($allAts);
            $allAts = array_values($allAts);
            $t = $p = $r = [];
            foreach ($order as $k) {
                $t[] = $allTypes[$k];
                $p[] = $allPoints[$k];
                $r[] = $allRefs[$k];
            }
            [$allTypes, $allPoints, $allRefs] = [$t, $p, $r];
        }
        $state = $this->replayOf($allTypes, $allPoints, $allAts, count($allAts));
        $this->types = $allTypes;
        $this->points = $allPoints;
        $this->ats = $allAts;
        $this->refs = $allRefs;
        $this->count = count($allAts);
        $this->end = $state;
        $this->past = null;
    }

    /** Spendable at $t: neither expired nor pending. */
    public function balance(int $t): int
    {
        return $this->stateAt($t)->measure($this->rules, $t)[0];
    }

    /** Earned but inside the return window at $t. */
    public function pending(int $t): int
    {
        return $this->stateAt($t)->measure($this->rules, $t)[1];
    }

    /** @return list<array{points: int, expires_at: int}> */
    public function expiring(int $t): array
    {
        return $this->stateAt($t)->expiring($this->rules, $t);
    }

    /**
     * Warnings falling in ($from, $to], sorted by due time, then expiry date, then larger offsets first.
     * @return list<array{days_before: int, points: int, expires_at: int}>
     */
    public function warningsDue(int $from, int $to): array
    {
        $r = $this->rules;
        if (!$r->expires || !$r->warnDays || $this->count === 0 || $to <= $from) {
            return [];
        }
        // Every expiry date an earn or grant may set, for every warning offset falling in ($from, $to].
        // Entries are in time order, so for one offset the due times never decrease: binary search.
        $dues = $expiries = $offsets = [];
        $ats = $this->ats;
        $types = $this->types;
        foreach ($r->warnDays as $days) {
            $offset = $days * Rules::DAY;
            $i = $this->firstDueAfter($from, $offset);
            for ($n = $this->count; $i < $n; $i++) {
                $expires = Rules::afterDays($ats[$i], $r->days);
                $due = $expires - $offset;
                if ($due > $to) {
                    break;
                }
                if ($types[$i] <= State::GRANT && $expires !== PHP_INT_MAX) {
                    $dues[] = $due;
                    $expiries[] = $expires;
                    $offsets[] = $days;
                }
            }
        }
        if (!$dues) {
            return [];
        }
        array_multisort($dues, SORT_ASC, SORT_NUMERIC, $expiries, SORT_ASC, SORT_NUMERIC, $offsets, SORT_DESC, SORT_NUMERIC);
        // One pass through the history, stopping at each warning's time.
        $list = [];
        $next = 0;
        $state = null;
        foreach ($dues as $k => $due) {
            $expires = $expiries[$k];
            $days = $offsets[$k];
            if ($k > 0 && $due === $dues[$k - 1] && $expires === $expiries[$k - 1] && $days === $offsets[$k - 1]) {
                continue; // two entries set the same date
            }
            if ($state === null || ($next < $this->count && $ats[$next] <= $due)) {
                while ($next < $this->count && $ats[$next] <= $due) {
                    $next++;
                }
                $state = $this->prefixState($next);
            }
            $points = $state->expiringAt($r, $due, $expires);
            if ($points > 0) {
                $list[] = ['days_before' => $days, 'points' => $points, 'expires_at' => $expires];
            }
        }
        return $list;
    }

    /** First entry whose warning at $offset before its expiry falls after $from (due times never decrease). */
    private function firstDueAfter(int $from, int $offset): int
    {
        $lo = 0;
        $hi = $this->count;
        $days = $this->rules->days;
        while ($lo < $hi) {
            $mid = ($lo + $hi) >> 1;
            if (Rules::afterDays($this->ats[$mid], $days) - $offset > $from) {
                $hi = $mid;
            } else {
                $lo = $mid + 1;
            }
        }
        return $lo;
    }

    /** Position after every entry at <= $at: equal times keep the order they were added in. */
    private function insertionPoint(int $at): int
    {
        $n = $this->count;
        if ($n === 0 || $this->ats[$n - 1] <= $at) {
            return $n;
        }
        $lo = 0;
        $hi = $n;
        while ($lo < $hi) {
            $mid = ($lo + $hi) >> 1;
            if ($this->ats[$mid] <= $at) {
                $lo = $mid + 1;
            } else {
                $hi = $mid;
            }
        }
        return $lo;
    }

    /** The state as of $t (entries at <= $t): the end state when $t is past the last entry. Read only. */
    private function stateAt(int $t): State
    {
        return $this->prefixState($this->insertionPoint($t));
    }

    /** The state after the first $n entries. Read only. */
    private function prefixState(int $n): State
    {
        if ($n === $this->count) {
            return $this->end;
        }
        $s = $this->past;
        if ($s === null || $s->next > $n) {
            $s = $this->past = new State();
        }
        $r = $this->rules;
        for ($i = $s->next; $i < $n; $i++) {
            $s->apply($r, $this->types[$i], $this->points[$i], $this->ats[$i], $i);
        }
        return $s;
    }

    /** Replays the first $n entries into a fresh state. */
    private function replay(int $n): State
    {
        return $this->replayOf($this->types, $this->points, $this->ats, $n);
    }

    /**
     * @param list<int> $types
     * @param list<int> $points
     * @param list<int> $ats
     */
    private function replayOf(array $types, array $points, array $ats, int $n): State
    {
        $s = new State();
        $r = $this->rules;
        for ($i = 0; $i < $n; $i++) {
            $s->apply($r, $types[$i], $points[$i], $ats[$i], $i);
        }
        return $s;
    }
}
