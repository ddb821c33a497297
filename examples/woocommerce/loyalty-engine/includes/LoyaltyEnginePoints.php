<?php
/*
 * The customers' points, kept as ledger rows (one per event, each carrying its order and its
 * kind) and read through Loyalty\Ledger: the balance always comes from these rows, never from
 * the request or the session. Plain PHP: the storage is an interface, PrestaShop's Db in the
 * module (LoyaltyEngineDbStorage), SQLite in tests/integrations/.
 *
 * Kinds, and what Loyalty\Ledger sees of them:
 *   earn        points of a validated order          earn
 *   spend       points an order paid with            spend
 *   grant       points the merchant gave (order 0)    grant
 *   reverse     an earn taken back (refund, cancel)   the order's earn, less these points
 *   restore     a spend given back (refund, cancel)   grant, ref "restore-<order>"
 *   validated   the order was evaluated at validation (0 points): marks it done, whatever it gave
 *   due         points a validated order will earn once it is paid or shipped (not counted: shown
 *               as pending until earnOrder() writes them as an earn; nothing after a cancellation)
 *   cancelled   the order was cancelled or refunded in full (0 points): it earns nothing after
 *   unrecovered earned points of a reversed order that later spends already used: recorded for
 *               the merchant, not taken (no balance goes negative, no past spend becomes invalid)
 * An order has at most one row of each kind and ref (a unique key on id_order + kind + ref; the ref
 * is "<kind>-<order>", with "-slip-<id>" for a partial refund): a hook fired twice writes once. Rows
 * without an order (grants, migrated data) have order 0, never NULL, and the customer in their ref.
 */
declare(strict_types=1);

interface LoyaltyEngineStorage
{
    /** The customer's rows in time order: [['kind', 'points', 'at', 'id_order', 'ref'], ...]. */
    public function rows(int $customer): array;

    /** Inserts the row unless one of the same id_order, kind and ref exists; true when inserted. */
    public function insertOnce(array $row): bool;

    /** Runs $work with the customer's points locked against other workers; returns what it returns. */
    public function locked(int $customer, callable $work): mixed;
}

final class LoyaltyEnginePoints
{
    private const AS_LEDGER = ['earn' => 'earn', 'spend' => 'spend', 'grant' => 'grant', 'restore' => 'grant'];

    public function __construct(private LoyaltyEngineStorage $storage, private Loyalty\Program $program)
    {
    }

    /** The customer's Loyalty\Ledger, from the stored rows. */
    public function ledger(int $customer): Loyalty\Ledger
    {
        return $this->replay($this->storage->rows($customer));
    }

    /** Loyalty\Ledger of rows; $reversed adds order => points taken back (LedgerException if invalid). */
    private function replay(array $rows, array $reversed = []): Loyalty\Ledger
    {
        foreach ($rows as $row) {
            if ($row['kind'] === 'reverse') {
                $reversed[(int) $row['id_order']] = ($reversed[(int) $row['id_order']] ?? 0) + (int) $row['points'];
            }
        }
        $entries = [];
        foreach ($rows as $row) {
            $points = (int) $row['points'];
            if ($row['kind'] === 'earn') {
                $taken = min($points, $reversed[(int) $row['id_order']] ?? 0);
                $reversed[(int) $row['id_order']] = ($reversed[(int) $row['id_order']] ?? 0) - $taken;
                $points -= $taken;
            }
            if (isset(self::AS_LEDGER[$row['kind']]) && $points > 0) {
                $entries[] = ['type' => self::AS_LEDGER[$row['kind']], 'points' => $points,
                    'at' => (int) $row['at'], 'ref' => (string) $row['ref']];
            }
        }
        return new Loyalty\Ledger($this->program, $entries);
    }

    /**
     * An order validated: the cart is evaluated again here (never a stored quote), its points
     * spent and earned once, whatever the number of calls. $evaluate gets the balance read from
     * the ledger and returns the Loyalty\Result. Returns [earned, spent] written by this call, and
     * the points the order earns: with $earn false they are written as the order's `due` row and
     * left for earnOrder(), once the order is paid or shipped (both modules).
     */
    public function validateOrder(int $customer, int $order, int $at, callable $evaluate, bool $earn = true): array
    {
        return $this->storage->locked($customer, function () use ($customer, $order, $at, $evaluate, $earn) {
            // once per order: a second call (a status set twice, a retried request) finds the mark
            if (!$this->storage->insertOnce(['id_customer' => $customer, 'id_order' => $order, 'kind' => 'validated',
                    'points' => 0, 'at' => $at, 'ref' => "validated-$order"])) {
                return [0, 0, 0];
            }
            $ledger = $this->ledger($customer);
            $result = $evaluate($ledger->balance($at));
            $spent = min($result->pointsSpent, $ledger->balance($at));
            $written = [0, 0, $result->pointsEarned];
            if ($spent > 0 && $this->insert($customer, $order, 'spend', $spent, $at)) {
                $written[1] = $spent;
            }
            if ($earn && $result->pointsEarned > 0 && $this->insert($customer, $order, 'earn', $result->pointsEarned, $at)) {
                $written[0] = $result->pointsEarned;
            } elseif (!$earn && $result->pointsEarned > 0) {
                $this->insert($customer, $order, 'due', $result->pointsEarned, $at);
            }
            return $written;
        });
    }

    /**
     * One cart placed as several orders (PrestaShop: one per carrier, actionValidateOrder once for
     * each): evaluated once for the cart (the mark "validated-cart-<cart>", order 0), whichever of its
     * orders' hooks comes first, so its points are spent and its advantages counted once. The points
     * spent go on the cart's first order (the lowest id); the points earned are split into each order's
     * `due` row by $shares(Result) (id_order => the order's part of what earns, e.g. its billed
     * products), rounded down, the rest to the largest part. Every order gets its `validated` mark.
     * Returns [spent, [id_order => due]] written by this call ([0, []] once the cart is done).
     */
    public function validateCart(int $customer, int $cart, int $at, callable $evaluate, callable $shares): array
    {
        return $this->storage->locked($customer, function () use ($customer, $cart, $at, $evaluate, $shares) {
            if (!$this->storage->insertOnce(['id_customer' => $customer, 'id_order' => 0, 'kind' => 'validated',
                    'points' => 0, 'at' => $at, 'ref' => "validated-cart-$cart"])) {
                return [0, []];
            }
            $ledger = $this->ledger($customer);
            $result = $evaluate($ledger->balance($at));
            $parts = array_map(fn($part) => max(0, (int) $part), $shares($result));
            if ($parts === []) {
                return [0, []];
            }
            ksort($parts);
            foreach (array_keys($parts) as $order) {
                $this->storage->insertOnce(['id_customer' => $customer, 'id_order' => $order, 'kind' => 'validated',
                    'points' => 0, 'at' => $at, 'ref' => "validated-$order"]);
            }
            $spent = min($result->pointsSpent, $ledger->balance($at));
            $written = [0, []];
            if ($spent > 0 && $this->insert($customer, array_key_first($parts), 'spend', $spent, $at)) {
                $written[0] = $spent;
            }
            $earned = $result->pointsEarned;
            $total = array_sum($parts);
            $due = [];
            foreach ($parts as $order => $part) {
                $due[$order] = $total > 0 ? intdiv($earned * $part, $total) : 0;
            }
            if ($earned > 0) {
                $largest = array_search(max($parts), $parts, true);
                $due[$largest] += $earned - array_sum($due);
            }
            foreach ($due as $order => $points) {
                if ($points > 0 && $this->insert($customer, $order, 'due', $points, $at)) {
                    $written[1][$order] = $points;
                }
            }
            return $written;
        });
    }

    /**
     * A refund or a cancellation: the order's earned points are taken back once, as far as the
     * balance allows (the rest is recorded as unrecovered, for the merchant), and the points it
     * was paid with are given back once. A partial refund ($points, with the $ref of its credit
     * slip) takes back at most $points of what is still open and gives nothing back: the spent
     * points come back with the full refund or the cancellation. Returns [taken, unrecovered,
     * restored] by this call.
     */
    public function reverseOrder(int $customer, int $order, int $at, ?int $points = null, string $ref = ''): array
    {
        return $this->storage->locked($customer, function () use ($customer, $order, $at, $points, $ref) {
            $sum = $this->sums($customer, $order);
            $suffix = $ref === '' ? '' : "-$ref";
            $out = [0, 0, 0];
            if ($points === null) {   // the mark that keeps a later earnOrder() from crediting it
                $this->storage->insertOnce(['id_customer' => $customer, 'id_order' => $order, 'kind' => 'cancelled',
                    'points' => 0, 'at' => $at, 'ref' => "cancelled-$order"]);
            }
            $restore = $sum['spend'] - $sum['restore'];
            if ($points === null && $restore > 0 && $this->insert($customer, $order, 'restore', $restore, $at)) {
                $out[2] = $restore;
            }
            $open = $sum['earn'] - $sum['reverse'] - $sum['unrecovered'];
            $want = $points === null ? $open : min(max(0, $points), $open);
            if ($want > 0) {
                // pending or spendable, the order's points go; those later spends used stay
                $take = $this->reversible($this->storage->rows($customer), $order, $want);
                if ($this->storage->insertOnce(['id_customer' => $customer, 'id_order' => $order, 'kind' => 'reverse',
                        'points' => $take, 'at' => $at, 'ref' => "reverse-$order$suffix"])) {
                    $out[0] = $take;
                    if ($want > $take && $this->insert($customer, $order, 'unrecovered', $want - $take, $at, $suffix)) {
                        $out[1] = $want - $take;
                    }
                }
            }
            return $out;
        });
    }

    /**
     * A credit slip of $refunded out of the order's $paid products (same unit): the order's earned
     * points in that proportion (rounded down), the whole reversal when everything is refunded.
     */
    public function reverseShare(int $customer, int $order, int $at, int $refunded, int $paid, string $ref): array
    {
        if ($paid <= 0 || $refunded >= $paid) {
            return $this->reverseOrder($customer, $order, $at);
        }
        $earned = $this->sums($customer, $order)['earn'];
        return $this->reverseOrder($customer, $order, $at, intdiv($earned * max(0, $refunded), $paid), $ref);
    }

    /** Points of the order's rows by kind. */
    private function sums(int $customer, int $order): array
    {
        $sum = ['earn' => 0, 'spend' => 0, 'reverse' => 0, 'unrecovered' => 0, 'restore' => 0];
        foreach ($this->storage->rows($customer) as $row) {
            if ((int) $row['id_order'] === $order && isset($sum[$row['kind']])) {
                $sum[$row['kind']] += (int) $row['points'];
            }
        }
        return $sum;
    }

    /**
     * The order is paid or shipped: its points, earned once at $at (the engine's pending_days run
     * from then), unless it was cancelled or refunded in full before. $points null: those of the
     * order's `due` row (written at validation). Returns the points written.
     */
    public function earnOrder(int $customer, int $order, ?int $points, int $at): int
    {
        return $this->storage->locked($customer, function () use ($customer, $order, $points, $at) {
            $due = 0;
            foreach ($this->storage->rows($customer) as $row) {
                if ((int) $row['id_order'] === $order && in_array($row['kind'], ['cancelled', 'earn'], true)) {
                    return 0;
                }
                if ((int) $row['id_order'] === $order && $row['kind'] === 'due') {
                    $due += (int) $row['points'];
                }
            }
            $points ??= $due;
            return $points > 0 && $this->insert($customer, $order, 'earn', $points, $at) ? $points : 0;
        });
    }

    /** Points of validated orders not paid or shipped yet (their `due` rows, neither earned nor cancelled). */
    public function awaiting(int $customer): int
    {
        $due = $closed = [];
        foreach ($this->storage->rows($customer) as $row) {
            $order = (int) $row['id_order'];
            if ($row['kind'] === 'due') {
                $due[$order] = ($due[$order] ?? 0) + (int) $row['points'];
            } elseif ($row['kind'] === 'earn' || $row['kind'] === 'cancelled') {
                $closed[$order] = true;
            }
        }
        return array_sum(array_diff_key($due, $closed));
    }

    /**
     * A merchant's grant (no order), once per customer and $ref (required: a retried request, a
     * double click, writes one row). The row's order is 0, never NULL: MariaDB and SQLite let NULLs
     * repeat under a unique key. Its ref is "grant-<customer>-<ref>" (the key has no customer
     * column), the end of a long one replaced by a hash so that two long refs stay two. Returns
     * true when written, false when this ref was granted to this customer before.
     */
    public function grant(int $customer, int $points, int $at, string $ref): bool
    {
        if (trim($ref) === '' || $points <= 0) {
            throw new InvalidArgumentException('a grant needs points > 0 and a ref (what makes it once)');
        }
        $key = "grant-$customer-$ref";
        if (strlen($key) > 64) {
            $key = substr($key, 0, 31) . '~' . substr(hash('sha256', $ref), 0, 32);
        }
        return $this->storage->insertOnce(['id_customer' => $customer, 'id_order' => 0, 'kind' => 'grant',
            'points' => $points, 'at' => $at, 'ref' => $key]);
    }

    /**
     * What the customer's account page shows: balance, pending (earned, in the return window),
     * awaiting (orders not paid or shipped yet), expiring lots, history.
     */
    public function account(int $customer, int $at): array
    {
        $ledger = $this->ledger($customer);
        return ['balance' => $ledger->balance($at), 'pending' => $ledger->pending($at), 'awaiting' => $this->awaiting($customer),
            'expiring' => $ledger->expiring($at), 'history' => array_reverse($this->storage->rows($customer))];
    }

    /** The most of the order's $earned points that can be taken back with every later spend still covered. */
    private function reversible(array $rows, int $order, int $earned): int
    {
        $low = 0;
        $high = $earned;
        while ($low < $high) {   // covered is monotonic: taking back fewer points never breaks a spend
            $mid = intdiv($low + $high + 1, 2);
            try {
                $this->replay($rows, [$order => $mid]);
                $low = $mid;
            } catch (Loyalty\LedgerException) {
                $high = $mid - 1;
            }
        }
        return $low;
    }

    private function insert(int $customer, int $order, string $kind, int $points, int $at, string $suffix = ''): bool
    {
        if ($points <= 0) {
            return false;
        }
        if (isset(self::AS_LEDGER[$kind])) {
            // what Loyalty\Ledger would refuse is never stored (a spend beyond the balance)
            $ledger = $this->ledger($customer);
            $method = self::AS_LEDGER[$kind];
            $ledger->{$method}($points, $at, "$kind-$order");
        }
        return $this->storage->insertOnce(['id_customer' => $customer, 'id_order' => $order, 'kind' => $kind,
            'points' => $points, 'at' => $at, 'ref' => "$kind-$order$suffix"]);
    }
}
