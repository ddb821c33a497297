<?php

declare(strict_types=1);

namespace Loyalty\Polyfill\Ledger;

use Loyalty\InputException;
use Loyalty\LedgerException;

/**
 * @internal The points history of one customer, as lty_ledger in src/ledger/lty_ledger.c.
 *
 * Entries live in a treap ordered by time (Index) that also summarizes the replay, so that an
 * entry added at any date is checked in O(log n). The entries in time order (parallel lists)
 * and the state after the last entry are kept while entries come in time order, and rebuilt
 * when asked for after an entry went in before the last. Ledgers the summary cannot describe
 * (per_lot expiry with pending days and grants, more than 2^63 - 2 points in all) replay the
 * history once for an entry added before the last one.
 * Questions about an earlier date replay up to it; the last such replay is kept and carried
 * forward when the next question is later still (a cron walking through time replays once).
 */
final class Book
{
    public const MAX_ENTRIES = 1000000;

    /** @var list<int> in time order, while $listed */
    public array $types = [];
    /** @var list<int> */
    public array $points = [];
    /** @var list<int> */
    public array $ats = [];
    /** @var list<string> */
    public array $refs = [];
    private bool $listed = true;
    public int $count = 0;
    /** the state after every entry, while $endValid */
    private State $end;
    private bool $endValid = true;
    /** the summaries, from the first entry dated before the last on (null: not made, or they cannot describe the ledger) */
    private ?Index $index = null;
    /** whether the summaries can describe the ledger (Index::admits()), and its points in all */
    private bool $fast;
    private int $volume = 0;
    /** the state after the first $past->next entries (never $end) */
    private ?State $past = null;

    public function __construct(public Rules $rules)
    {
        $this->end = new State();
        $this->fast = Index::fastRules($rules);
    }

    public function __clone()
    {
        $this->end = clone $this->end;
        if ($this->index !== null) {
            $this->index = clone $this->index;
        }
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
        $index = $this->index;
        $pos = $index ? $index->position($at) : $this->insertionPoint($at);
        $inOrder = $pos === $this->count;
        $fits = $index ? $index->fits($type, $points) : Index::admits($this->rules, $this->fast, $this->volume, $type, $points);
        if ($fits && $index === null && $inOrder) {
            // In time order without the summaries (the list and the end state are then kept): the
            // end state answers; the volume fits, so no overflow.
            if ($type >= State::SPEND) {
                [$spendable, $pending] = $this->end->measure($this->rules, $at);
                if ($spendable < $points) {
                    throw State::short($path, $points, $type, $at, $spendable, $pending);
                }
            }
            $this->end->apply($this->rules, $type, $points, $at, $path, true);
            $this->types[] = $type;
            $this->points[] = $points;
            $this->ats[] = $at;
            $this->refs[] = $ref;
            $this->volume += $points;
            $this->count++;
            return;
        }
        if (!$fits || ($index === null && $inOrder)) {
            // In time order the end state answers; otherwise the summaries cannot: replay.
            $this->addReplayed($type, $points, $at, $ref, $path, $pos);
            if ($fits) {
                $this->volume += $points;
            } else {
                $this->fast = false;
                $this->index = null;
            }
        } else {
            $this->addIndexed($type, $points, $at, $ref, $path, $inOrder);
        }
        $this->count++;
        if ($this->past !== null && $this->past->next > $pos) {
            $this->past = null;
        }
    }

    /** Through the summaries, made at the first entry dated before the last (memory only for ledgers that need them). */
    private function addIndexed(int $type, int $points, int $at, string $ref, string $path, bool $inOrder): void
    {
        if ($this->index === null) {
            $this->index = new Index($this->rules);
            $this->index->build($this->types, $this->points, $this->ats, $this->refs);
        }
        $index = $this->index;
        $id = $index->node($type, $points, $at, $ref);
        try {
            $index->add($id, $path);
        } catch (LedgerException $e) {
            $index->dropLast();
            throw $e;
        }
        $index->volume += $points;
        $this->volume += $points;
        if ($inOrder && $this->endValid) {
            $this->end->apply($this->rules, $type, $points, $at, $path, true); // covered: cannot fail
        } else {
            $this->endValid = false;
        }
        if ($inOrder && $this->listed) {
            $this->push($type, $points, $at, $ref);
        } else {
            $this->listed = false;
        }
    }

    /** The ledger replays (Index::fits() said no): checked against the state as of $at, then by a replay of the whole history. */
    private function addReplayed(int $type, int $points, int $at, string $ref, string $path, int $pos): void
    {
        $this->list();
        $this->endState();
        if ($type >= State::SPEND) {
            [$spendable, $pending] = $this->stateAt($at)->measure($this->rules, $at);
            if ($spendable < $points) {
                throw State::short($path, $points, $type, $at, $spendable, $pending);
            }
        }
        if ($pos === $this->count) {
            // points expired by then do not count (they are dropped first)
            if ($type <= State::GRANT && $points > PHP_INT_MAX - $this->end->totalAt($this->rules, $at)) {
                throw State::overflow($path, $points);
            }
            $this->end->apply($this->rules, $type, $points, $at, $path);
            $this->push($type, $points, $at, $ref);
            return;
        }
        // Out of time order: insert, replay everything, undo when a spend is left uncovered.
        array_splice($this->types, $pos, 0, [$type]);
        array_splice($this->points, $pos, 0, [$points]);
        array_splice($this->ats, $pos, 0, [$at]);
        array_splice($this->refs, $pos, 0, [$ref]);
        try {
            $state = $this->replay($this->count + 1);
        } catch (LedgerException $e) {
            array_splice($this->types, $pos, 1);
            array_splice($this->points, $pos, 1);
            array_splice($this->ats, $pos, 1);
            array_splice($this->refs, $pos, 1);
            throw State::wrap($path, $e);
        }
        $this->end = $state;
    }

    private function push(int $type, int $points, int $at, string $ref): void
    {
        $this->types[] = $type;
        $this->points[] = $points;
        $this->ats[] = $at;
        $this->refs[] = $ref;
    }

    /** The entries in time order ($types, $points, $ats, $refs), collected from the tree when needed. */
    public function list(): void
    {
        if ($this->listed) {
            return;
        }
        $index = $this->index; // the list is out of date only while the summaries exist
        $this->types = $this->points = $this->ats = $this->refs = [];
        foreach ($index->ids() as $id) {
            $this->types[] = $index->type[$id];
            $this->points[] = $index->pts[$id];
            $this->ats[] = $index->at[$id];
            $this->refs[] = $index->ref[$id];
        }
        $this->listed = true;
    }

    /** The state after every entry, replayed once after an entry went in before the last. */
    private function endState(): State
    {
        if (!$this->endValid) {
            $this->list();
            $this->end = $this->replay($this->count);
            $this->endValid = true;
        }
        return $this->end;
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
        $this->list();
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
        $this->index = null; // made again when an entry comes before the last
        foreach ($allPoints as $i => $p) {
            if (Index::admits($this->rules, $this->fast, $this->volume, $allTypes[$i], $p)) {
                $this->volume += $p;
            } else {
                $this->fast = false;
            }
        }
        $this->types = $allTypes;
        $this->points = $allPoints;
        $this->ats = $allAts;
        $this->refs = $allRefs;
        $this->listed = true;
        $this->count = count($allAts);
        $this->end = $state;
        $this->endValid = true;
        $this->past = null;
    }

    /** Spendable at $t: neither expired nor pending. */
    public function balance(int $t): int
    {
        return ($this->index ? $this->index->measure($t) : $this->stateAt($t)->measure($this->rules, $t))[0];
    }

    /** Earned but inside the return window at $t. */
    public function pending(int $t): int
    {
        return ($this->index ? $this->index->measure($t) : $this->stateAt($t)->measure($this->rules, $t))[1];
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
        $this->list();
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
        $this->list();
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
        $this->list();
        if ($n === $this->count) {
            return $this->endState();
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
