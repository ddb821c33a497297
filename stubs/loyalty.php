<?php

// IDE and static-analysis stub of the loyalty extension (generated from ext/loyalty.stub.php
// by scripts/stubs.php: do not edit).

namespace Loyalty {

/**
 * The version of this implementation, package.xml's release (the polyfill defines the same).
 * @var string
 */
const VERSION = '0.1.0';

/** Marker interface of every exception this extension throws. */
interface Exception extends \Throwable
{
}

/**
 * What runs and the figures of this process's compiled-program cache (as opcache_get_status()
 * gives opcache's): implementation 'extension' or 'polyfill', version, cache_size
 * (loyalty.cache_size; 0: disabled), programs cached, hits, misses (compilations).
 * @return array{implementation: string, version: string, cache_size: int, programs: int, hits: int, misses: int}
 */
function cache_status(): array {}

/** Invalid settings; the message starts with the path of the bad value. */
class ConfigException extends \InvalidArgumentException implements Exception
{
}

/** A segment expression that does not compile; the message gives the column and a caret line. */
final class ExpressionException extends ConfigException
{
}

/** Invalid customer, cart or ledger input; the message starts with the path of the bad value. */
final class InputException extends \InvalidArgumentException implements Exception
{
}

/** A ledger operation that cannot be carried out (spending more points than available). */
final class LedgerException extends \RuntimeException implements Exception
{
}

/**
 * Immutable compiled settings.
 */
final class Program
{
    private function __construct() {}

    public static function fromArray(array $settings): Program {}

    public static function fromJson(string $json): Program {}

    public function toArray(): array {}

    /** @return list<string> built-in segments first, then custom ones in settings order */
    public function segmentNames(): array {}

    /** @return list<array{path: string, message: string}> contradictions found at compile time */
    public function warnings(): array {}

    public function __serialize(): array {}

    public function __unserialize(array $data): void {}
}

/**
 */
final class Engine
{
    public function __construct(Program|array|string $program) {}

    public function program(): Program {}

    /** @return list<string> sorted names */
    public function segmentsOf(array $customer, int|string|\DateTimeInterface|null $now = null): array {}

    public function inSegment(string $segment, array $customer, int|string|\DateTimeInterface|null $now = null): bool {}

    /** @return list<int|string> ids (or keys when a customer has no id) */
    public function filter(string $segment, iterable $customers, int|string|\DateTimeInterface|null $now = null): array {}

    public function evaluate(array $cart, array $customer, int|string|\DateTimeInterface|null $now = null): Result {}

    /**
     * What the program (and a draft) would have given over past orders: each row
     * ['cart' => ..., 'customer' => ..., 'at' => date]; bad rows are counted, never fatal.
     */
    public function backtest(iterable $orders, ?Program $draft = null, ?callable $progress = null): Report {}

    /**
     * The segment as an SQL condition for the shop's own customer query: $columns maps each
     * customer field to the SQL that gives it for the current row; $dialect is mysql or sqlite.
     */
    public function sql(string $segment, array $columns, string $dialect = "mysql", int|string|\DateTimeInterface|null $now = null): SqlFilter {}
}

/**
 * The points history of one customer. entries() is what the shop stores.
 */
final class Ledger
{
    public function __construct(Program $program, array $entries = []) {}

    /** An order: in rolling mode it resets the expiry of every point still valid. */
    public function earn(int $points, int|string|\DateTimeInterface $at, string $ref = ""): void {}

    /** A manual grant from the back office: does not reset expiry. */
    public function grant(int $points, int|string|\DateTimeInterface $at, string $reason = ""): void {}

    /** Oldest lots first; LedgerException when short, the ledger unchanged. */
    public function spend(int $points, int|string|\DateTimeInterface $at, string $ref = ""): void {}

    /** Spendable at $at: neither expired nor pending. */
    public function balance(int|string|\DateTimeInterface|null $at = null): int {}

    /** Earned but inside the return window (loyalty.pending_days). */
    public function pending(int|string|\DateTimeInterface|null $at = null): int {}

    /** @return list<array{points: int, expires_at: int}> sorted by date */
    public function expiring(int|string|\DateTimeInterface|null $at = null): array {}

    /** @return list<array{days_before: int, points: int, expires_at: int}> due in ($from, $to], sorted by time */
    public function warningsDue(int|string|\DateTimeInterface $from, int|string|\DateTimeInterface $to): array {}

    /** @return list<array{code: string, discount?: int, discount_percent?: int|float, min_cart: int, expires_at: ?int}> */
    public function issueRewards(int|string|\DateTimeInterface $at): array {}

    /** @return list<array{type: string, points: int, at: int, ref: string}> in time order */
    public function entries(): array {}
}

/**
 * What the merchant's rules give one cart and one customer. Money in minor units.
 */
final class Result implements \JsonSerializable
{
    public readonly int $subtotal;
    /** engine discounts on the products (advantages and loyalty) */
    public readonly int $discount;
    public readonly int $shipping;
    public readonly int $shippingDiscount;
    public readonly bool $freeShipping;
    /** subtotal - voucher used (at most the subtotal) - discount + shipping - shippingDiscount */
    public readonly int $total;
    public readonly int $pointsEarned;
    public readonly int $pointsSpent;
    /** balance after this order */
    public readonly int $pointsBalance;
    /** @var list<string> */
    public readonly array $segments;
    /** @var list<array{source: string, id: string, label: string, discount: int, free_shipping: bool, points_spent: int}> */
    public readonly array $applied;
    /** @var list<array{source: 'advantage'|'loyalty', id: string, reason: 'disabled'|'schedule'|'used_up'|'not_in_segment'|'voucher'|'no_line'|'below_tier'|'carrier'|'zero_value'|'not_best'|'order_number'|'min_cart'|'advantage_wins'|'no_points', message: string, missing?: int}> */
    public readonly array $rejected;
    /** @var list<array{sku: mixed, amount: int, discount: int, points?: int}> */
    public readonly array $lines;

    private function __construct() {}

    public function toArray(): array {}

    public function jsonSerialize(): array {}
}


/**
 * A segment as an SQL condition (Engine::sql()): add `where` to the shop's query with `params`.
 */
final class SqlFilter
{
    /** a boolean SQL expression with ? placeholders; never empty ("1=1" for all) */
    public readonly string $where;
    /** @var list<int|string|null> the values of the placeholders, in order */
    public readonly array $params;
    /** true: selects exactly the rows filter() keeps */
    public readonly bool $exact;
    /** @var list<string> when not exact: the customer fields filter() must still be given */
    public readonly array $residual;

    private function __construct() {}

    /** which parts went to SQL and which stayed in PHP, for a person */
    public function explain(): string {}
}

/**
 * The sums of what evaluate() would have returned over past orders (Engine::backtest()).
 */
final class Report implements \JsonSerializable
{
    /** rows read, bad ones included */
    public readonly int $orders;
    /** @var array{count: int, by_class: array<string, int>, messages: list<array{row: int, class: string, message: string}>} */
    public readonly array $failed;
    /** @var array{discount: int, shipping_saved: int, points_earned: int, points_spent: int, loyalty_discount: int, orders_discounted: int, advantages: array<string, array{applied: int, discount: int, shipping_saved: int}>, segments: array<string, int>} */
    public readonly array $current;
    /** the same for the draft program, null without one */
    public readonly ?array $draft;
    /** draft - current, null without a draft */
    public readonly ?array $delta;

    private function __construct() {}

    public function toArray(): array {}

    public function jsonSerialize(): array {}
}
}
