--TEST--
Ledger: earn/grant/spend at random dates (mostly before the last entry) answer as a straightforward replay of the history does; refused ones leave the ledger unchanged
--EXTENSIONS--
loyalty
--FILE--
<?php
use Loyalty\{Program, Ledger, LedgerException};
const D = 86400;
$b = gmmktime(0, 0, 0, 1, 1, 2026);

/** The rules of SPEC 7 and 10 replayed entry by entry, as plainly as possible. */
final class Replay
{
    public array $lots = [];   // [at, left, available_at, expires_at]
    public ?int $deadline = null;

    public function __construct(private array $y) {}

    private function days(): int { return $this->y['expiry']['days'] ?? 0; }
    private function rolling(): bool { return isset($this->y['expiry']) && ($this->y['expiry']['mode'] ?? 'rolling') === 'rolling'; }
    private function perLot(): bool { return ($this->y['expiry']['mode'] ?? '') === 'per_lot'; }

    private function valid(array $lot, int $t): bool
    {
        if ($lot[1] === 0) {
            return false;
        }
        if ($this->rolling()) {
            return $this->deadline !== null && $this->deadline > $t;
        }
        return !$this->perLot() || $lot[3] > $t;
    }

    /** Drops what has expired by $t. */
    private function expire(int $t): void
    {
        if ($this->rolling() && $this->deadline !== null && $this->deadline <= $t) {
            foreach ($this->lots as &$lot) {
                $lot[1] = 0;
            }
            unset($lot);
            $this->deadline = null;
        }
        foreach ($this->lots as &$lot) {
            if (!$this->valid($lot, $t)) {
                $lot[1] = 0;
            }
        }
        unset($lot);
    }

    /** [spendable, pending] at $t. */
    public function measure(int $t): array
    {
        $spendable = $pending = 0;
        foreach ($this->lots as $lot) {
            if ($this->valid($lot, $t)) {
                if ($lot[2] <= $t) {
                    $spendable += $lot[1];
                } else {
                    $pending += $lot[1];
                }
            }
        }
        return [$spendable, $pending];
    }

    /** False when the spend is not covered. */
    public function apply(array $e): bool
    {
        [$type, $points, $t] = $e;
        $this->expire($t);
        if ($type === 'earn' || $type === 'grant') {
            if ($this->rolling() && ($type === 'earn' || $this->deadline === null)) {
                $this->deadline = $t + $this->days() * D;
            }
            if ($points > 0) {
                $avail = $type === 'earn' ? $t + ($this->y['pending_days'] ?? 0) * D : $t;
                $this->lots[] = [$t, $points, $avail, $t + $this->days() * D];
            }
            return true;
        }
        if ($this->measure($t)[0] < $points) {
            return false;
        }
        foreach ($this->lots as &$lot) { // oldest first, pending lots skipped
            if ($points > 0 && $lot[1] > 0 && $lot[2] <= $t) {
                $used = min($lot[1], $points);
                $lot[1] -= $used;
                $points -= $used;
            }
        }
        unset($lot);
        return true;
    }

    /** The history replayed: null when a spend is not covered; else [spendable, pending] at $t. */
    public static function of(array $y, array $entries, int $t): ?array
    {
        $r = new self($y);
        foreach ($entries as $e) {
            if ($e[2] <= $t && !$r->apply($e)) {
                return null;
            }
        }
        return $r->measure($t);
    }

    public static function feasible(array $y, array $entries): bool
    {
        $r = new self($y);
        foreach ($entries as $e) {
            if (!$r->apply($e)) {
                return false;
            }
        }
        return true;
    }
}

/** $entries with $e after every entry at or before its time. */
function inserted(array $entries, array $e): array
{
    $pos = count($entries);
    while ($pos > 0 && $entries[$pos - 1][2] > $e[2]) {
        $pos--;
    }
    array_splice($entries, $pos, 0, [$e]);
    return $entries;
}

// An inserted spend covered at its own date that leaves a later spend uncovered: per_lot, the
// spend of day 25 takes the oldest lot first (90 left of it, then 50 of lot 2), so day 35 (lot 1
// expired) finds 50 of the 100 it needs.
$l = new Ledger(Program::fromArray(['loyalty' => ['expiry' => ['days' => 30, 'mode' => 'per_lot']]]));
$l->earn(100, $b);
$l->earn(100, $b + 20 * D);
$l->spend(100, $b + 35 * D);
$l->spend(10, $b + 25 * D);
$before = $l->entries();
try {
    $l->spend(140, $b + 25 * D);
    echo "no exception\n";
} catch (LedgerException $e) {
    echo get_class($e), ' ', $e->getCode(), "\n", $e->getMessage(), "\n";
}
var_dump($l->entries() === $before, $l->balance($b + 35 * D), $l->balance($b + 26 * D));

$programs = [
    'rolling' => ['expiry' => ['days' => 30]],
    'per_lot' => ['expiry' => ['days' => 30, 'mode' => 'per_lot']],
    'per_lot, pending' => ['expiry' => ['days' => 30, 'mode' => 'per_lot'], 'pending_days' => 5],
    'per_lot, pending, grants' => ['expiry' => ['days' => 20, 'mode' => 'per_lot'], 'pending_days' => 3],
    'rolling, pending' => ['expiry' => ['days' => 10], 'pending_days' => 2],
    'no expiry, pending' => ['pending_days' => 4],
];
mt_srand(7);
foreach ($programs as $name => $y) {
    $l = new Ledger(Program::fromArray(['loyalty' => $y]));
    $entries = [];
    $refused = $later = $wrong = 0;
    for ($i = 0; $i < 400; $i++) {
        $t = $b + mt_rand(0, 150) * D + (mt_rand(0, 3) ? 0 : mt_rand(0, D - 1));
        $r = mt_rand(1, 10);
        $grants = $name !== 'per_lot, pending';
        $e = $r <= 4 ? ['earn', mt_rand(0, 40), $t] : ($r <= 5 && $grants ? ['grant', mt_rand(0, 30), $t] : ['spend', mt_rand(0, 50), $t]);
        $with = inserted($entries, $e);
        $expected = Replay::feasible($y, $with);
        $before = $l->entries();
        try {
            $l->{$e[0]}($e[1], $e[2], "r$i");
            $ok = true;
        } catch (LedgerException $ex) {
            $ok = false;
            $later += str_contains($ex->getMessage(), 'would leave a later spend uncovered');
            $wrong += $l->entries() !== $before;
        }
        $wrong += $ok !== $expected;
        if ($ok) {
            $entries = $with;
        } else {
            $refused++;
        }
        if ($i % 20 === 0) {
            foreach ([$t - 1, $t, $b + mt_rand(-2, 160) * D] as $q) {
                $wrong += [$l->balance($q), $l->pending($q)] !== Replay::of($y, $entries, $q);
            }
        }
    }
    $wrong += array_map(fn($e) => [$e['type'], $e['points'], $e['at']], $l->entries()) !== $entries;
    printf("%s: %d refused, %d of them for a later spend, %d wrong\n", $name, $refused, $later, $wrong);
}
?>
--EXPECT--
Loyalty\LedgerException 4
spend: would leave a later spend uncovered (entries[4]: 100 points to spend at 2026-02-05 00:00:00 UTC, only 50 available)
bool(true)
int(0)
int(190)
rolling: 56 refused, 19 of them for a later spend, 0 wrong
per_lot: 18 refused, 7 of them for a later spend, 0 wrong
per_lot, pending: 82 refused, 53 of them for a later spend, 0 wrong
per_lot, pending, grants: 40 refused, 25 of them for a later spend, 0 wrong
rolling, pending: 38 refused, 10 of them for a later spend, 0 wrong
no expiry, pending: 39 refused, 23 of them for a later spend, 0 wrong
