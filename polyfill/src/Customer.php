<?php
declare(strict_types=1);

namespace Loyalty\Polyfill;

use Loyalty\InputException;
use Loyalty\Polyfill\Expression\Compiler;
use Loyalty\Polyfill\Expression\Decimal;
use Loyalty\Polyfill\Settings\CompiledProgram;

/**
 * @internal One customer as a program sees it (SPEC 3), converted once per call as
 * ext/customer.c does: evaluate() and segmentsOf() read and check every documented key
 * (ALL_FIELDS), filter() and inSegment() only the fields the program reads. Read-only after
 * construction; segment membership is memoized per customer.
 */
final class Customer
{
    /** `id`: checked, never read by an expression */
    public const F_ID = Compiler::F_ATTRIBUTES << 1;
    /** `uses`: read by checkout (max_uses), never by an expression */
    public const F_USES = self::F_ID << 1;
    /** every documented key (docs/decisions.md) */
    public const ALL_FIELDS = (self::F_USES << 1) - 1;

    private const FIRST_ORDER_RECENT_SECONDS = 30 * 86400;
    private const MAX_LIST = 1000000;

    public bool $active = true;
    public int $orders = 0;
    public int $spent = 0;
    public int $points = 0;
    public int $lifetimePoints = 0;
    /** points came from the customer's `ledger` */
    public bool $hasLedger = false;
    public ?int $firstOrder = null;
    public ?int $lastOrder = null;
    public ?string $city = null;
    public ?string $postcode = null;
    public ?string $country = null;
    /** @var list<string> */
    public array $groups = [];
    /** @var list<string> */
    public array $carriers = [];
    /** @var list<string> */
    public array $bought = [];
    /** @var array<string, bool|int|string|Decimal|null> attr.NAME values of the names the program reads (floats as decimals) */
    public array $attrs = [];
    /** @var array<int|string, int> advantage id => times used (SPEC 11) */
    private array $uses = [];
    /** @var array<int, bool> segment index => membership */
    private array $memo = [];

    private function __construct(private CompiledProgram $compiled, public int $now)
    {
    }

    /**
     * Reads `$data` at `$path` ("customer", "customers[KEY]") in the order of the extension:
     * dates first (a DateTimeInterface subclass runs user code), then the other fields.
     */
    public static function fromArray(CompiledProgram $p, Program $program, array $data, int $now, string $path,
        int $fields): self
    {
        $c = new self($p, $now);
        // Common fields inline: this runs once per customer of filter().
        if (($fields & Compiler::F_FIRST_ORDER) && ($v = $data['first_order'] ?? null) !== null) {
            $c->firstOrder = is_int($v) ? $v : Time::at($v, $now, "$path.first_order", InputException::class);
        }
        if (($fields & Compiler::F_LAST_ORDER) && ($v = $data['last_order'] ?? null) !== null) {
            $c->lastOrder = is_int($v) ? $v : Time::at($v, $now, "$path.last_order", InputException::class);
        }
        if (($fields & Compiler::F_ACTIVE) && ($v = $data['active'] ?? null) !== null) {
            if (!is_bool($v)) {
                self::fail($path, 'active', 'bool', $v);
            }
            $c->active = $v;
        }
        if ($fields & Compiler::F_POINTS) {
            $ledger = $data['ledger'] ?? null;
            if ($ledger !== null) {
                $c->points = Ledger::balanceOf($program, $ledger, $now, "$path.ledger");
                $c->hasLedger = true;
            }
        }
        if (($fields & Compiler::F_ORDERS) && ($v = $data['orders'] ?? null) !== null) {
            $c->orders = is_int($v) && $v >= 0 ? $v : self::count($data, 'orders', $path, 'int');
        }
        if (($fields & Compiler::F_SPENT) && ($v = $data['spent'] ?? null) !== null) {
            $c->spent = is_int($v) && $v >= 0 ? $v : self::count($data, 'spent', $path, 'int (minor units)');
        }
        if (($fields & Compiler::F_POINTS) && !$c->hasLedger) {
            $c->points = self::count($data, 'points', $path, 'int');
        }
        if ($fields & Compiler::F_LIFETIME_POINTS) {
            $c->lifetimePoints = self::count($data, 'lifetime_points', $path, 'int');
        }
        if ($fields & Compiler::F_CITY) {
            $c->city = self::string($data, 'city', $path);
        }
        if ($fields & Compiler::F_POSTCODE) {
            $c->postcode = self::string($data, 'postcode', $path);
        }
        if ($fields & Compiler::F_COUNTRY) {
            $c->country = self::string($data, 'country', $path);
        }
        if ($fields & (Compiler::F_GROUPS | Compiler::F_CARRIERS | Compiler::F_BOUGHT)) {
            $c->readLists($data, $fields, $path);
        }
        if ($fields & self::F_ID) {
            self::checkId($data, $path);
        }
        if ($fields & Compiler::F_ATTRIBUTES) {
            $c->attrs = Attributes::read($data['attributes'] ?? null, $path, $p->attrNames, ($fields & self::F_ID) !== 0);
        }
        if (($fields & self::F_USES) && ($uses = $data['uses'] ?? null) !== null) {
            $c->uses = self::readUses($uses, $path);
        }
        return $c;
    }

    /** `uses` (SPEC 11): advantage id => times used, each an int >= 0 or null. */
    private static function readUses(mixed $uses, string $path): array
    {
        if (!is_array($uses)) {
            self::fail($path, 'uses', 'array of advantage id => int', $uses);
        }
        foreach ($uses as $id => $n) {
            if ($n === null) {
                continue; // never used, as a NULL column
            }
            if (!is_int($n)) {
                throw new InputException(sprintf('%s.uses.%s: expected int, got %s',
                    $path, Args::printable((string) $id, 64), Args::typeName($n)), 3);
            }
            if ($n < 0) {
                throw new InputException(sprintf('%s.uses.%s: must be >= 0, got %d', $path, Args::printable((string) $id, 64), $n), 3);
            }
        }
        return $uses;
    }

    /** Times the customer used the advantage `$id` (0 when not given). */
    public function uses(string $id): int
    {
        return $this->uses[$id] ?? 0; // "42" and 42 are the same key, as in the extension
    }

    /** `id`: an int or a string. */
    private static function checkId(array $data, string $path): void
    {
        $id = $data['id'] ?? null;
        if ($id !== null && !is_int($id) && !is_string($id)) {
            self::fail($path, 'id', 'int or string', $id);
        }
    }

    /** groups, carriers, bought: each list is type-checked before the items of any is read. */
    private function readLists(array $data, int $fields, string $path): void
    {
        $lists = [];
        foreach (['groups' => Compiler::F_GROUPS, 'carriers' => Compiler::F_CARRIERS, 'bought' => Compiler::F_BOUGHT] as $key => $bit) {
            if (!($fields & $bit) || ($list = $data[$key] ?? null) === null) {
                continue;
            }
            if (!is_array($list)) {
                self::fail($path, $key, 'list of strings', $list);
            }
            if (count($list) > self::MAX_LIST) {
                throw new InputException(sprintf('%s.%s: too many values (%d, at most %d)', $path, $key, count($list), self::MAX_LIST), 3);
            }
            $lists[$key] = $list;
        }
        foreach ($lists as $key => $list) {
            $i = 0;
            foreach ($list as $item) {
                if (!is_string($item)) {
                    throw new InputException(sprintf('%s.%s[%d]: expected string, got %s', $path, $key, $i, Args::typeName($item)), 3);
                }
                $i++;
            }
            $this->$key = array_is_list($list) ? $list : array_values($list); // keys are ignored
        }
    }

    /** attr.NAME values: scalars (finite floats) or null, for the names the program reads. */
    private static function count(array $data, string $key, string $path, string $what): int
    {
        $v = $data[$key] ?? null;
        if ($v === null) {
            return 0;
        }
        if (!is_int($v)) {
            self::fail($path, $key, $what, $v);
        }
        if ($v < 0) {
            throw new InputException("$path.$key: must be >= 0, got $v", 3);
        }
        return $v;
    }

    private static function string(array $data, string $key, string $path): ?string
    {
        $v = $data[$key] ?? null;
        if ($v !== null && !is_string($v)) {
            self::fail($path, $key, 'string', $v);
        }
        return $v;
    }

    private static function fail(string $path, string $key, string $expected, mixed $value): never
    {
        throw new InputException(sprintf('%s.%s: expected %s, got %s', $path, $key, $expected, Args::typeName($value)), 3);
    }

    /** Membership of the segment at `$index` of the program (built-ins first), memoized. */
    public function test(int $index): bool
    {
        if (isset($this->memo[$index])) {
            return $this->memo[$index];
        }
        $expr = $this->compiled->exprs[$index] ?? null;
        if ($expr === null) {
            $in = match ($index) {
                0 => true,                                        // all
                1 => !$this->active,                              // disabled
                2 => $this->active && $this->orders === 0,        // no_orders
                3 => $this->firstOrderRecent(),
                4 => $this->active && $this->orders >= 2,         // loyal
                default => $this->active && $this->orders >= 1,   // customers
            };
        } else {
            // A disabled customer is in no custom segment (SPEC 10).
            $in = $this->active && ($expr->eval)($this) === true;
        }
        return $this->memo[$index] = $in;
    }

    private function firstOrderRecent(): bool
    {
        if (!$this->active || $this->orders !== 1) {
            return false;
        }
        $when = $this->firstOrder ?? $this->lastOrder;
        if ($when === null) {
            return false;
        }
        $age = $this->now - $when;
        return is_int($age) && $age < self::FIRST_ORDER_RECENT_SECONDS;
    }

    /** Membership of a segment by name (built-in or custom); false for an unknown name. */
    public function inSegment(string $name): bool
    {
        $index = $this->compiled->segmentIndex[$name] ?? null;
        return $index !== null && $this->test($index);
    }

    /** Whether advantages[$index].segment (a name or an inline expression) matches. */
    public function advantageMatches(int $index): bool
    {
        $segment = $this->compiled->advantageSegments[$index];
        if (is_int($segment)) {
            return $this->memo[$segment] ?? $this->test($segment);
        }
        return $this->active && ($segment->eval)($this) === true;
    }

    /** @return list<string> the segments the customer is in, in byte order of their names */
    public function segmentNames(): array
    {
        $names = [];
        foreach ($this->compiled->sorted as $index) {
            if ($this->memo[$index] ?? $this->test($index)) { // the memo read here saves a call a segment
                $names[] = $this->compiled->segmentNames[$index];
            }
        }
        return $names;
    }
}
