<?php

declare(strict_types=1);

namespace Loyalty\Polyfill\Ledger;

use Loyalty\LedgerException;

/**
 * @internal The entries of a ledger in time order, as a treap (a search tree kept balanced by
 * random priorities) whose nodes summarize the replay of their subtree, so that an entry added
 * at any date is checked in O(log n): src/ledger/lty_ledger_index.c, whose header says why the summary
 * exists. In short: with g the points still valid before an entry, the entry maps g to
 * min(g, cap) + its points (or - its points for a spend), cap being what the lots of the
 * expiry window hold (per_lot), 0 once the rolling deadline has passed, no limit without
 * expiry; a spend is covered when min(g, cap) - pend >= its points, pend being the earns still
 * in the return window. These maps compose to min(g + add, cap), and the smallest margin of a
 * range's spends to min(g + coverAdd, coverCap). Under rolling expiry with pending days, pend
 * counts the earns both in the return window and after the last wipe.
 *
 * Nodes are parallel lists indexed by node number (0 is the empty subtree); a node's `cap` and
 * `pend` are its own, `sAdd`, `sCap`, `sCoverAdd`, `sCoverCap`, `lots` and `earns` its subtree's;
 * `tagCap` and `tagPend` are still to be added to every node below it.
 */
final class Index
{
    public const INF = PHP_INT_MAX;

    /** @var list<int> */
    public array $type = [0];
    /** @var list<int> */
    public array $pts = [0];
    /** @var list<int> */
    public array $at = [0];
    /** @var list<string> */
    public array $ref = [''];
    /** @var list<int> */
    private array $left = [0];
    /** @var list<int> */
    private array $right = [0];
    /** @var list<int> */
    private array $prio = [0];
    /** @var list<int> */
    private array $size = [0];
    /** @var list<int> */
    private array $cap = [0];
    /** @var list<int> */
    private array $pend = [0];
    /** @var list<?int> rolling: the deadline running after the entry (null: none) */
    private array $deadline = [null];
    /** @var list<bool> rolling: its wipe changed, pend after it is to be recomputed */
    private array $flipped = [false];
    /** @var list<int> */
    private array $sAdd = [0];
    /** @var list<int> */
    private array $sCap = [0];
    /** @var list<int> */
    private array $sCoverAdd = [0];
    /** @var list<int> */
    private array $sCoverCap = [0];
    /** @var list<int> */
    private array $lots = [0];
    /** @var list<int> */
    private array $earns = [0];
    /** @var list<int> */
    private array $tagCap = [0];
    /** @var list<int> */
    private array $tagPend = [0];
    public int $root = 0;
    /** the summaries are kept (see fits()) */
    public bool $fast;
    /** points of every entry, while it fits */
    public int $volume = 0;
    /** xorshift32 state for priorities */
    private int $seed = 2463534242;

    public function __construct(private Rules $rules)
    {
        $this->fast = self::fastRules($rules);
    }

    /** Whether the summaries can describe every ledger of these rules so far (yes: see admits()). */
    public static function fastRules(Rules $r): bool
    {
        return true;
    }

    /**
     * Whether the summaries can describe a ledger of $volume points in all ($fast: and every
     * entry so far) with this entry added: every sum then fits, and INF is never one.
     */
    public static function admits(Rules $r, bool $fast, int $volume, int $type, int $points): bool
    {
        $volume += $points;
        if (!$fast || !is_int($volume) || $volume === PHP_INT_MAX) {
            return false;
        }
        // per_lot with pending days: a grant is taken before older pending earns, not the oldest lot first
        return !($r->expires && $r->perLot && $r->pendingDays > 0 && $type === State::GRANT && $points > 0);
    }

    /** Whether the summaries can describe the ledger with this entry added. */
    public function fits(int $type, int $points): bool
    {
        return self::admits($this->rules, $this->fast, $this->volume, $type, $points);
    }

    /** A new node, not yet in the tree. */
    public function node(int $type, int $points, int $at, string $ref): int
    {
        $this->type[] = $type;
        $this->pts[] = $points;
        $this->at[] = $at;
        $this->ref[] = $ref;
        $this->left[] = $this->right[] = $this->tagCap[] = $this->tagPend[] = $this->pend[] = 0;
        $this->prio[] = $this->random();
        $this->size[] = 1;
        $this->cap[] = self::INF;
        $this->deadline[] = null;
        $this->flipped[] = false;
        $this->sAdd[] = $this->sCap[] = $this->sCoverAdd[] = $this->sCoverCap[] = $this->lots[] = $this->earns[] = 0;
        return count($this->type) - 1;
    }

    /** Drops the node made last (refused). */
    public function dropLast(): void
    {
        foreach (['type', 'pts', 'at', 'ref', 'left', 'right', 'prio', 'size', 'cap', 'pend', 'deadline', 'flipped', 'sAdd', 'sCap',
                'sCoverAdd', 'sCoverCap', 'lots', 'earns', 'tagCap', 'tagPend'] as $list) {
            array_pop($this->$list);
        }
    }

    /** Entries at or before $at. */
    public function position(int $at): int
    {
        $t = $this->root;
        $pos = 0;
        while ($t) {
            if ($this->at[$t] <= $at) {
                $pos += $this->size[$this->left[$t]] + 1;
                $t = $this->right[$t];
            } else {
                $t = $this->left[$t];
            }
        }
        return $pos;
    }

    /** @return list<int> node numbers in time order */
    public function ids(): array
    {
        $out = [];
        $stack = [];
        $t = $this->root;
        while ($t || $stack) {
            while ($t) {
                $stack[] = $t;
                $t = $this->left[$t];
            }
            $t = array_pop($stack);
            $out[] = $t;
            $t = $this->right[$t];
        }
        return $out;
    }

    private function random(): int
    {
        $x = $this->seed;
        $x ^= ($x << 13) & 0xFFFFFFFF;
        $x ^= $x >> 17;
        $x ^= ($x << 5) & 0xFFFFFFFF;
        return $this->seed = $x;
    }

    // ---- summaries ----

    /** Recomputes node $t's summary from its children (sizes only on slow ledgers). */
    private function pull(int $t): void
    {
        $l = $this->left[$t];
        $r = $this->right[$t];
        $this->size[$t] = 1 + $this->size[$l] + $this->size[$r];
        if (!$this->fast) {
            return;
        }
        $type = $this->type[$t];
        $p = $this->pts[$t];
        $inc = $type <= State::GRANT ? $p : -$p;
        $cap = $this->cap[$t];
        $a = $inc;
        $b = $cap === self::INF ? self::INF : $cap + $inc;
        $c = $d = self::INF;
        if ($type >= State::SPEND && $p > 0) { // a spend of 0 is always covered
            $c = $inc - $this->pend[$t];
            $d = $b === self::INF ? self::INF : $b - $this->pend[$t];
        }
        $lots = $type <= State::GRANT ? $p : 0;
        $earns = $type === State::EARN ? $p : 0;
        // min() is a function call: ternaries on the hot path
        if ($l) { // the left subtree, then the node
            $xb = $this->sCap[$l];
            $xa = $this->sAdd[$l];
            if ($xb !== self::INF && $c !== self::INF && $xb + $c < $d) {
                $d = $xb + $c;
            }
            $x = $this->sCoverCap[$l];
            if ($x < $d) {
                $d = $x;
            }
            if ($c !== self::INF) {
                $c += $xa;
            }
            $x = $this->sCoverAdd[$l];
            if ($x < $c) {
                $c = $x;
            }
            if ($xb !== self::INF && $xb + $a < $b) {
                $b = $xb + $a;
            }
            $a += $xa;
            $lots += $this->lots[$l];
            $earns += $this->earns[$l];
        }
        if ($r) { // then the right subtree
            $ya = $this->sAdd[$r];
            $yc = $this->sCoverAdd[$r];
            if ($b !== self::INF && $yc !== self::INF && $b + $yc < $d) {
                $d = $b + $yc;
            }
            $x = $this->sCoverCap[$r];
            if ($x < $d) {
                $d = $x;
            }
            if ($yc !== self::INF && $yc + $a < $c) {
                $c = $yc + $a;
            }
            if ($b !== self::INF) {
                $b += $ya;
            }
            $x = $this->sCap[$r];
            if ($x < $b) {
                $b = $x;
            }
            $a += $ya;
            $lots += $this->lots[$r];
            $earns += $this->earns[$r];
        }
        $this->sAdd[$t] = $a;
        $this->sCap[$t] = $b;
        $this->sCoverAdd[$t] = $c;
        $this->sCoverCap[$t] = $d;
        $this->lots[$t] = $lots;
        $this->earns[$t] = $earns;
    }

    /** Adds $dc to cap and $dp to pend of every node of subtree $t. */
    private function tag(int $t, int $dc, int $dp): void
    {
        if ($t === 0 || ($dc === 0 && $dp === 0)) {
            return;
        }
        if ($this->cap[$t] !== self::INF) {
            $this->cap[$t] += $dc;
        }
        $this->pend[$t] += $dp;
        if ($this->sCap[$t] !== self::INF) {
            $this->sCap[$t] += $dc;
        }
        if ($this->sCoverAdd[$t] !== self::INF) {
            $this->sCoverAdd[$t] -= $dp;
        }
        if ($this->sCoverCap[$t] !== self::INF) {
            $this->sCoverCap[$t] += $dc - $dp;
        }
        $this->tagCap[$t] += $dc;
        $this->tagPend[$t] += $dp;
    }

    private function push(int $t): void
    {
        $dc = $this->tagCap[$t];
        $dp = $this->tagPend[$t];
        if ($dc !== 0 || $dp !== 0) {
            $this->tag($this->left[$t], $dc, $dp);
            $this->tag($this->right[$t], $dc, $dp);
            $this->tagCap[$t] = $this->tagPend[$t] = 0;
        }
    }

    /** The smallest margin of the spends of subtree $t met with $g (INF when it has none). */
    private function margin(int $t, int $g): int
    {
        $c = $this->sCoverAdd[$t];
        return min($c === self::INF ? self::INF : $c + $g, $this->sCoverCap[$t]);
    }

    // ---- treap ----

    /**
     * Splits $t into the entries at <= $key (at < $key when $strict) and the others.
     * @return array{int, int}
     */
    private function split(int $t, int $key, bool $strict): array
    {
        if ($t === 0) {
            return [0, 0];
        }
        $this->push($t);
        $at = $this->at[$t];
        if ($strict ? $at < $key : $at <= $key) {
            [$this->right[$t], $b] = $this->split($this->right[$t], $key, $strict);
            $this->pull($t);
            return [$t, $b];
        }
        [$a, $this->left[$t]] = $this->split($this->left[$t], $key, $strict);
        $this->pull($t);
        return [$a, $t];
    }

    /**
     * Splits $t into its first $k entries and the others.
     * @return array{int, int}
     */
    private function splitSize(int $t, int $k): array
    {
        if ($t === 0) {
            return [0, 0];
        }
        $this->push($t);
        $left = $this->size[$this->left[$t]];
        if ($k <= $left) {
            [$a, $this->left[$t]] = $this->splitSize($this->left[$t], $k);
            $this->pull($t);
            return [$a, $t];
        }
        [$this->right[$t], $b] = $this->splitSize($this->right[$t], $k - $left - 1);
        $this->pull($t);
        return [$t, $b];
    }

    private function merge(int $a, int $b): int
    {
        if ($a === 0 || $b === 0) {
            return $a ?: $b;
        }
        if ($this->prio[$a] > $this->prio[$b]) {
            $this->push($a);
            $this->right[$a] = $this->merge($this->right[$a], $b);
            $this->pull($a);
            return $a;
        }
        $this->push($b);
        $this->left[$b] = $this->merge($a, $this->left[$b]);
        $this->pull($b);
        return $b;
    }

    // ---- what an entry's step needs ----

    /** The return window that counts: pending earns past their expiry (per_lot) count no more. */
    private function pendingWindow(): int
    {
        $r = $this->rules;
        return $r->expires && $r->perLot && $r->days < $r->pendingDays ? $r->days : $r->pendingDays;
    }

    private function rolling(): bool
    {
        return $this->rules->expires && !$this->rules->perLot;
    }

    /** Earn points of the first $pos entries of subtree $t. */
    private function earnsBefore(int $t, int $pos): int
    {
        $sum = 0;
        while ($t && $pos > 0) {
            $l = $this->left[$t];
            $left = $this->size[$l];
            if ($pos <= $left) {
                $t = $l;
                continue;
            }
            $sum += $this->earns[$l] + ($this->type[$t] === State::EARN ? $this->pts[$t] : 0);
            $pos -= $left + 1;
            $t = $this->right[$t];
        }
        return $sum;
    }

    /** Entries of subtree $t out of a window of $days at $at (they come first). */
    private function outOfWindow(int $t, int $days, int $at): int
    {
        $count = 0;
        while ($t) {
            if (Rules::afterDays($this->at[$t], $days) <= $at) {
                $count += $this->size[$this->left[$t]] + 1;
                $t = $this->right[$t];
            } else {
                $t = $this->left[$t];
            }
        }
        return $count;
    }

    /** Rolling: the position of the last wipe before $pos in subtree $t (placed at $base), or -1. A subtree holds a wipe when its cap is bounded. */
    private function lastWipe(int $t, int $base, int $pos): int
    {
        if ($t === 0 || $pos <= $base || $this->sCap[$t] === self::INF) {
            return -1;
        }
        $at = $base + $this->size[$this->left[$t]];
        if ($at < $pos) {
            $found = $this->lastWipe($this->right[$t], $at + 1, $pos);
            if ($found >= 0) {
                return $found;
            }
            if ($this->cap[$t] === 0) {
                return $at;
            }
        }
        return $this->lastWipe($this->left[$t], $base, $pos);
    }

    /**
     * Rolling with pending days: the pend of node $n at position $pos after the entries of subtree
     * $t, the earns both in its return window and after the last wipe (nested ranges: the smaller sum).
     */
    private function rollingPend(int $t, int $pos, int $n): int
    {
        if ($this->cap[$n] === 0) {
            return 0;
        }
        $before = $this->earnsBefore($t, $pos);
        $start = $this->outOfWindow($t, $this->rules->pendingDays, $this->at[$n]);
        $window = $start < $pos ? $before - $this->earnsBefore($t, $start) : 0;
        $wipe = $this->lastWipe($t, 0, $pos);
        return min($window, $wipe >= 0 ? $before - $this->earnsBefore($t, $wipe) : $before);
    }

    /** Points of the lots (or earns) of subtree $t still inside a window of $days at $at. */
    private function windowSum(int $t, int $days, int $at, bool $earns): int
    {
        $sum = 0;
        while ($t) {
            if (Rules::afterDays($this->at[$t], $days) > $at) {
                $type = $this->type[$t];
                if ($earns ? $type === State::EARN : $type <= State::GRANT) {
                    $sum += $this->pts[$t];
                }
                $r = $this->right[$t];
                if ($r) {
                    $sum += $earns ? $this->earns[$r] : $this->lots[$r];
                }
                $t = $this->left[$t];
            } else {
                $t = $this->right[$t];
            }
        }
        return $sum;
    }

    private function lastDeadline(int $t): ?int
    {
        if ($t === 0) {
            return null;
        }
        while ($this->right[$t]) {
            $t = $this->right[$t];
        }
        return $this->deadline[$t];
    }

    /** Rolling: node $t met with deadline $d (when it has passed, every point is gone); returns the one after it. */
    private function roll(int $t, ?int $d): ?int
    {
        $wipe = $d !== null && $d <= $this->at[$t];
        $this->cap[$t] = $wipe ? 0 : self::INF;
        if ($wipe) {
            $d = null;
        }
        // An order resets the deadline of every valid point; a grant starts one only when none runs.
        $type = $this->type[$t];
        if ($type === State::EARN || ($type === State::GRANT && $d === null)) {
            $d = Rules::afterDays($this->at[$t], $this->rules->days);
        }
        return $this->deadline[$t] = $d;
    }

    /** What the step of node $id needs, placed after the entries of subtree $a: cap, pend and (rolling) the deadline after it. */
    private function stepAfter(int $a, int $id): void
    {
        $r = $this->rules;
        $this->cap[$id] = self::INF;
        $this->pend[$id] = 0;
        if ($r->expires && !$r->perLot) {
            $this->roll($id, $this->lastDeadline($a));
        } elseif ($r->expires) {
            $this->cap[$id] = $this->windowSum($a, $r->days, $this->at[$id], false);
        }
        if ($r->pendingDays > 0) {
            $this->pend[$id] = $this->rolling() ? $this->rollingPend($a, $this->size[$a], $id)
                : $this->windowSum($a, $this->pendingWindow(), $this->at[$id], true);
        }
    }

    /** The step of node $id placed after the entries of subtree $a. */
    private function prepare(int $a, int $id): void
    {
        $this->left[$id] = $this->right[$id] = $this->tagCap[$id] = $this->tagPend[$id] = 0;
        $this->stepAfter($a, $id);
        $this->pull($id);
    }

    /**
     * Spendable and pending points at $at, as the ledger stands then: what a spend placed there
     * would find, in O(log n) whatever the date.
     * @return array{int, int}
     */
    public function measure(int $at): array
    {
        if ($this->root === 0) {
            return [0, 0];
        }
        [$a, $b] = $this->split($this->root, $at, false);
        $probe = $this->node(State::SPEND, 0, $at, '');
        $this->stepAfter($a, $probe);
        $g = $a ? min($this->sAdd[$a], $this->sCap[$a]) : 0;
        $pending = $this->pend[$probe];
        $spendable = min($g, $this->cap[$probe]) - $pending;
        $this->dropLast();
        $this->root = $this->merge($a, $b);
        return [$spendable, $pending];
    }

    /**
     * Rolling: recomputes the wipes of subtree $t in order, met now with deadline $in where they
     * were met with $old; true once both agree (everything after is as it was). $flips counts the
     * entries whose wipe changed (marked in $flipped when pend depends on the wipes).
     */
    private function cascade(int $t, ?int &$in, ?int &$old, int &$flips): bool
    {
        if ($t === 0) {
            return false;
        }
        $this->push($t);
        $done = $this->cascade($this->left[$t], $in, $old, $flips) || $in === $old;
        if (!$done) {
            $was = $this->deadline[$t];
            $cap = $this->cap[$t];
            $in = $this->roll($t, $in);
            if ($this->cap[$t] !== $cap && !$this->flipped[$t] && $this->rules->pendingDays > 0) {
                $this->flipped[$t] = true;
                $flips++;
            }
            $old = $was;
            $done = $this->cascade($this->right[$t], $in, $old, $flips);
        }
        $this->pull($t);
        return $done;
    }

    /**
     * Rolling with pending days: adds $p to pend of the entries of subtree $b before its first wipe
     * and before $until (the earn $p came from is in their return window, after their last wipe).
     */
    private function tagUntilWipe(int $b, int $until, int $p): int
    {
        $first = 0;
        $t = $b;
        while ($t) { // the position of the first wipe, or the size
            $l = $this->left[$t];
            if ($l && $this->sCap[$l] !== self::INF) {
                $t = $l;
            } elseif ($this->cap[$t] === 0) {
                $first += $this->size[$l];
                break;
            } else {
                $first += $this->size[$l] + 1;
                $t = $this->right[$t];
            }
        }
        [$x, $z] = $this->splitSize($b, $first);
        [$x, $y] = $this->split($x, $until, true);
        $this->tag($x, 0, $p);
        return $this->merge($this->merge($x, $y), $z);
    }

    /**
     * Rolling with pending days: pend recomputed from position $from on, for the entries within
     * the return window of a flipped one (its wipe decides which earns count after it).
     * $st: [flipped entries still ahead, entries before then are recomputed, done].
     */
    private function repend(int $t, int $base, int $from, array &$st): void
    {
        if ($t === 0 || $st[2]) {
            return;
        }
        $this->push($t);
        $pos = $base + $this->size[$this->left[$t]];
        if ($pos > $from) {
            $this->repend($this->left[$t], $base, $from, $st);
        }
        if (!$st[2] && $pos >= $from) {
            $flipped = $this->flipped[$t];
            if ($flipped) {
                $this->flipped[$t] = false;
                $st[0]--;
                $st[1] = Rules::afterDays($this->at[$t], $this->rules->pendingDays);
            }
            if ($flipped || $this->at[$t] < $st[1]) {
                $this->pend[$t] = $this->rollingPend($this->root, $pos, $t);
            } elseif ($st[0] === 0) {
                $st[2] = true;
            }
        }
        if (!$st[2]) {
            $this->repend($this->right[$t], $pos + 1, $from, $st);
        }
        $this->pull($t);
    }

    /** After the wipes flipped by a cascade, from position $from on. */
    private function rependAll(int $from, int $flips): void
    {
        if ($flips > 0) {
            $st = [$flips, PHP_INT_MIN, false];
            $this->repend($this->root, 0, $from, $st);
        }
    }

    /**
     * What node $id changes in the entries after it (subtree $b): $sign 1 when added, -1 when taken
     * back. $before is the deadline met by $id.
     * @return array{int, int} the new $b, and the wipes flipped (rolling) to recompute pend after
     */
    private function spread(int $id, ?int $before, int $b, int $sign): array
    {
        $r = $this->rules;
        $type = $this->type[$id];
        $p = $sign * $this->pts[$id];
        $pends = $type === State::EARN && $r->pendingDays > 0 && $p !== 0;
        if ($this->rolling()) {
            $in = $sign > 0 ? $this->deadline[$id] : $before;
            $old = $sign > 0 ? $before : $this->deadline[$id];
            $flips = 0;
            $until = Rules::afterDays($this->at[$id], $r->pendingDays);
            // the earn's pend goes up to the first wipe after it: the one of the tree that has it
            if ($pends && $sign < 0) {
                $b = $this->tagUntilWipe($b, $until, $p);
            }
            $this->cascade($b, $in, $old, $flips);
            if ($pends && $sign > 0) {
                $b = $this->tagUntilWipe($b, $until, $p);
            }
            return [$b, $flips];
        }
        if ($type > State::GRANT || $p === 0 || $b === 0) {
            return [$b, 0];
        }
        $pendUntil = $this->at[$id];
        if ($pends) {
            $pendUntil = Rules::afterDays($pendUntil, $this->pendingWindow());
        } elseif (!$r->expires) {
            return [$b, 0]; // without expiry only pending earns change what comes after
        }
        // y: in the expiry window (everything without expiry), x: of those, in the return window
        [$y, $z] = $r->expires ? $this->split($b, Rules::afterDays($this->at[$id], $r->days), true) : [$b, 0];
        if ($pends) {
            [$x, $y] = $this->split($y, $pendUntil, true);
            $this->tag($x, $r->expires ? $p : 0, $p);
            $this->tag($y, $r->expires ? $p : 0, 0);
            $y = $this->merge($x, $y);
        } else {
            $this->tag($y, $p, 0);
        }
        return [$this->merge($y, $z), 0];
    }

    /** The exception for the first uncovered spend (the tree holds one). */
    private function report(int $id, string|int $path): LedgerException
    {
        $t = $this->root;
        $g = 0;
        $pos = 0;
        $valid = 0;
        while ($t) {
            $this->push($t);
            $l = $this->left[$t];
            if ($l && $this->margin($l, $g) < 0) {
                $t = $l;
                continue;
            }
            if ($l) {
                $g = min($g + $this->sAdd[$l], $this->sCap[$l]);
                $pos += $this->size[$l];
            }
            $valid = min($g, $this->cap[$t]);
            $type = $this->type[$t];
            $p = $this->pts[$t];
            if ($type >= State::SPEND && $p > 0 && $valid - $this->pend[$t] < $p) {
                break;
            }
            $g = $valid + ($type <= State::GRANT ? $p : -$p);
            $pos++;
            $t = $this->right[$t];
        }
        if ($t === 0) {
            return new LedgerException(sprintf('%s: would leave a later spend uncovered', State::path($path)), 4);
        }
        $pending = $this->pend[$t];
        $e = State::short($t === $id ? $path : $pos, $this->pts[$t], $this->type[$t], $this->at[$t], $valid - $pending, $pending);
        return $t === $id ? $e : State::wrap($path, $e);
    }

    /**
     * Inserts node $id checking every spend (fast ledgers); LedgerException for the first
     * uncovered spend, the tree as it was (the node is left to the caller).
     */
    public function add(int $id, string|int $path): void
    {
        [$a, $b] = $this->split($this->root, $this->at[$id], false);
        $before = $this->lastDeadline($a);
        $this->prepare($a, $id);
        [$b, $flips] = $this->spread($id, $before, $b, 1);
        $head = $this->size[$a];
        $this->root = $this->merge($this->merge($a, $id), $b);
        $this->rependAll($head + 1, $flips);
        if ($this->margin($this->root, 0) >= 0) {
            return;
        }
        $e = $this->report($id, $path);
        // Taken back: the same changes, undone.
        [$a, $b] = $this->splitSize($this->root, $head);
        [, $b] = $this->splitSize($b, 1);
        [$b, $flips] = $this->spread($id, $before, $b, -1);
        $this->root = $this->merge($a, $b);
        $this->rependAll($head, $flips);
        throw $e;
    }

    /** Inserts node $id after the entries at or before its time, checking nothing. */
    public function insert(int $id): void
    {
        [$a, $b] = $this->split($this->root, $this->at[$id], false);
        $this->left[$id] = $this->right[$id] = 0;
        $this->pull($id);
        $this->root = $this->merge($this->merge($a, $id), $b);
    }

    // ---- whole trees ----

    /**
     * A tree of these entries (time order), summaries included when they fit.
     * @param list<int> $types
     * @param list<int> $points
     * @param list<int> $ats
     * @param list<string> $refs
     */
    public function build(array $types, array $points, array $ats, array $refs): void
    {
        $r = $this->rules;
        foreach ($points as $i => $p) {
            $this->node($types[$i], $p, $ats[$i], $refs[$i]);
            $volume = $this->volume + $p;
            if (!self::admits($r, $this->fast, $this->volume, $types[$i], $p)) {
                $this->fast = false;
            } else {
                $this->volume = $volume;
            }
        }
        if ($this->fast) {
            $this->sweep(count($types));
        }
        $this->root = $this->buildRange(1, count($types) + 1, 0);
    }

    /** Every node's step from the ones before it (nodes 1..n in time order), in one pass. */
    private function sweep(int $n): void
    {
        $r = $this->rules;
        $first = $pfirst = 1;
        $window = $pwindow = $sinceWipe = 0;
        $d = null;
        $pdays = $this->pendingWindow();
        for ($i = 1; $i <= $n; $i++) {
            $at = $this->at[$i];
            if ($r->expires && !$r->perLot) {
                $d = $this->roll($i, $d);
            } elseif ($r->expires) {
                for (; $first < $i && Rules::afterDays($this->at[$first], $r->days) <= $at; $first++) {
                    $window -= $this->type[$first] <= State::GRANT ? $this->pts[$first] : 0;
                }
                $this->cap[$i] = $window;
            }
            if ($r->pendingDays > 0) {
                for (; $pfirst < $i && Rules::afterDays($this->at[$pfirst], $pdays) <= $at; $pfirst++) {
                    $pwindow -= $this->type[$pfirst] === State::EARN ? $this->pts[$pfirst] : 0;
                }
                $sinceWipe = $this->cap[$i] === 0 ? 0 : $sinceWipe;
                $this->pend[$i] = $this->rolling() ? min($pwindow, $sinceWipe) : $pwindow;
            }
            $window += $this->type[$i] <= State::GRANT ? $this->pts[$i] : 0;
            $pwindow += $this->type[$i] === State::EARN ? $this->pts[$i] : 0;
            $sinceWipe += $this->type[$i] === State::EARN ? $this->pts[$i] : 0;
        }
    }

    /** A balanced tree of nodes [$lo, $hi); priorities fall with depth so that it is a treap. */
    private function buildRange(int $lo, int $hi, int $depth): int
    {
        if ($lo >= $hi) {
            return 0;
        }
        $mid = $lo + (($hi - $lo) >> 1);
        $this->prio[$mid] = ((63 - min($depth, 63)) << 26) | ($this->random() & ((1 << 26) - 1));
        $this->left[$mid] = $this->buildRange($lo, $mid, $depth + 1);
        $this->right[$mid] = $this->buildRange($mid + 1, $hi, $depth + 1);
        $this->pull($mid);
        return $mid;
    }
}
