<?php

declare(strict_types=1);

namespace Loyalty\Polyfill;

use Loyalty\InputException;
use Loyalty\LedgerException;
use Loyalty\Polyfill\Ledger\Book;
use Loyalty\Polyfill\Ledger\Input;
use Loyalty\Polyfill\Ledger\Rules;
use Loyalty\Polyfill\Ledger\State;

/**
 * The points history of one customer (SPEC 7, 8, 10; docs/decisions.md "Ledger").
 * entries() is what a shop stores; the rules (expiry, pending days, rewards) are those of the
 * program given to the constructor. Cloning gives an independent copy; a ledger cannot be
 * serialized (store entries()).
 *
 * Parameters have defaults only so that a missing argument gets the extension's
 * ArgumentCountError text (Input::checkCount()); dates are `mixed` and read as the extension's
 * int|string|DateTimeInterface parameters are (Input::dateArg()).
 */
final class Ledger implements \Serializable
{
    use NotSerializable;
    use NoDynamicProperties;

    /** At most this many coupons per issueRewards() call; the rest comes with the next call. */
    private const MAX_COUPONS_PER_CALL = 1000;
    /** Crockford base32: digits and capitals without I, L, O, U. */
    private const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

    private ?Book $book = null;

    public function __construct(mixed $program = null, mixed $entries = [])
    {
        Input::checkCount(self::class . '::__construct', func_num_args(), 1, 2);
        $this->assertNotRefused();
        if (!$program instanceof Program) {
            throw new \TypeError(sprintf('%s::__construct(): Argument #1 ($program) must be of type %s, %s given',
                self::class, Program::class, Input::typeName($program)));
        }
        if (!is_array($entries)) {
            throw new \TypeError(sprintf('%s::__construct(): Argument #2 ($entries) must be of type array, %s given',
                self::class, Input::typeName($entries)));
        }
        if ($this->book !== null) {
            throw new \Error('Loyalty\Ledger is already constructed');
        }
        $book = new Book(Rules::of($program));
        if ($entries) {
            $book->addAll(...Input::entries($entries));
        }
        if ($this->book !== null) { // an entry's date ran user code that constructed this ledger
            throw new \Error('Loyalty\Ledger is already constructed');
        }
        $this->book = $book;
    }

    /** An order: in rolling mode it resets the expiry of every point still valid. */
    public function earn(int $points = 0, mixed $at = null, string $ref = ''): void
    {
        Input::checkCount(self::class . '::earn', func_num_args(), 2, 3);
        $this->add(State::EARN, $points, $at, $ref, 'earn');
    }

    /** A manual grant from the back office: spendable at once, does not reset expiry. */
    public function grant(int $points = 0, mixed $at = null, string $reason = ''): void
    {
        Input::checkCount(self::class . '::grant', func_num_args(), 2, 3);
        $this->add(State::GRANT, $points, $at, $reason, 'grant');
    }

    /** Oldest lots first; LedgerException when short, the ledger unchanged. */
    public function spend(int $points = 0, mixed $at = null, string $ref = ''): void
    {
        Input::checkCount(self::class . '::spend', func_num_args(), 2, 3);
        $this->add(State::SPEND, $points, $at, $ref, 'spend');
    }

    /** Spendable at $at: neither expired nor pending. */
    public function balance(mixed $at = null): int
    {
        Input::checkCount(self::class . '::balance', func_num_args(), 0, 1);
        $book = $this->book();
        return $book->balance(Input::now($at, 1, 'at', self::class . '::balance'));
    }

    /** Earned but inside the return window (loyalty.pending_days). */
    public function pending(mixed $at = null): int
    {
        Input::checkCount(self::class . '::pending', func_num_args(), 0, 1);
        $book = $this->book();
        return $book->pending(Input::now($at, 1, 'at', self::class . '::pending'));
    }

    /** @return list<array{points: int, expires_at: int}> sorted by date */
    public function expiring(mixed $at = null): array
    {
        Input::checkCount(self::class . '::expiring', func_num_args(), 0, 1);
        $book = $this->book();
        return $book->expiring(Input::now($at, 1, 'at', self::class . '::expiring'));
    }

    /** @return list<array{days_before: int, points: int, expires_at: int}> due in ($from, $to], sorted by time */
    public function warningsDue(mixed $from = null, mixed $to = null): array
    {
        Input::checkCount(self::class . '::warningsDue', func_num_args(), 2, 2);
        $book = $this->book();
        $method = self::class . '::warningsDue';
        $from = Input::dateArg($from, 1, 'from', $method, 'from');
        return $book->warningsDue($from, Input::dateArg($to, 2, 'to', $method, 'to'));
    }

    /**
     * Coupons now due: one per whole threshold of the balance at $at (at most 1,000 per call),
     * deducted by one `reward` entry whose ref lists the codes.
     * @return list<array{code: string, discount?: int, discount_percent?: int|float, min_cart: int, expires_at: ?int}>
     */
    public function issueRewards(mixed $at = null): array
    {
        Input::checkCount(self::class . '::issueRewards', func_num_args(), 1, 1);
        $book = $this->book();
        $at = Input::dateArg($at, 1, 'at', self::class . '::issueRewards', 'at');
        $rewards = $book->rules->rewards;
        if ($rewards === null) {
            return [];
        }
        $threshold = $rewards['threshold'];
        $coupons = min(intdiv($book->balance($at), $threshold), self::MAX_COUPONS_PER_CALL);
        if ($coupons <= 0) {
            return [];
        }
        $coupon = $rewards['coupon'];
        $value = isset($coupon['discount']) ? ['discount' => $coupon['discount']]
            : ['discount_percent' => $coupon['discount_percent']];
        $validDays = $coupon['valid_days'] ?? null;
        $expires = $validDays ? Rules::afterDays($at, $validDays) : null;
        $list = [];
        $codes = [];
        for ($i = 0; $i < $coupons; $i++) {
            $code = self::couponCode();
            $codes[] = $code;
            $list[] = ['code' => $code] + $value + ['min_cart' => $coupon['min_cart'] ?? 0, 'expires_at' => $expires];
        }
        $book->add(State::REWARD, $coupons * $threshold, $at, implode(',', $codes), 'issueRewards');
        return $list;
    }

    /** @return list<array{type: string, points: int, at: int, ref: string}> in time order */
    public function entries(): array
    {
        Input::checkCount(self::class . '::entries', func_num_args(), 0, 0);
        $book = $this->book();
        $book->list();
        $list = [];
        $types = State::TYPES;
        foreach ($book->types as $i => $type) {
            $list[] = ['type' => $types[$type], 'points' => $book->points[$i], 'at' => $book->ats[$i], 'ref' => $book->refs[$i]];
        }
        return $list;
    }

    /**
     * @internal The balance at $now of a customer's `ledger`: a Ledger (its own rules) or its
     * entries (the rules of $program). Anything else is an InputException at $path.
     */
    public static function balanceOf(Program $program, mixed $ledger, int $now, string $path): int
    {
        if ($ledger instanceof self) {
            return $ledger->book()->balance($now);
        }
        if (is_array($ledger)) {
            $book = new Book(Rules::of($program));
            if ($ledger) {
                $entries = Input::entries($ledger, $path, $now);
                try {
                    $book->addAll(...$entries);
                } catch (InputException|LedgerException $e) {
                    // the core names entries "entries[N]"; a customer's are "$path[N]"
                    if (!str_starts_with($e->getMessage(), 'entries')) {
                        throw $e;
                    }
                    throw new $e($path . substr($e->getMessage(), 7), $e->getCode());
                }
            }
            return $book->balance($now);
        }
        throw new InputException(sprintf('%s: expected Loyalty\Ledger or its entries, got %s', $path, Input::typeName($ledger)), 3);
    }

    public function __clone()
    {
        if ($this->book !== null) {
            $this->book = clone $this->book;
        }
    }

    public function __unset(string $name): void
    {
    }

    /** As the extension shows it: no properties. */
    public function __debugInfo(): array
    {
        return [];
    }

    private function add(int $type, int $points, mixed $at, string $ref, string $what): void
    {
        $book = $this->book();
        $at = Input::dateArg($at, 2, 'at', self::class . '::' . $what, 'at');
        if ($points < 0) {
            throw new InputException(sprintf('points: must be >= 0, got %d', $points), 3);
        }
        $book->add($type, $points, $at, $ref, $what);
    }

    private function book(): Book
    {
        return $this->book ?? throw new \Error('Loyalty\Ledger is not initialized');
    }

    /** "LTY-XXXX-XXXX-XXXX-XXXX": 80 bits from the CSPRNG in Crockford base32. */
    private static function couponCode(): string
    {
        $code = 'LTY';
        for ($group = 0; $group < 4; $group++) {
            $code .= '-';
            for ($i = 0; $i < 4; $i++) {
                $code .= self::ALPHABET[random_int(0, 31)];
            }
        }
        return $code;
    }
}
