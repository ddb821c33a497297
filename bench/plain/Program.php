<?php
// Merchant settings (SPEC sections 6, 7, 10), validated and compiled once: segment expressions
// become closures, tiers and brackets are sorted for lookup, percents become basis points.
declare(strict_types=1);

namespace Loyalty\Plain;

final class Program
{
    public const BUILTINS = ['all', 'disabled', 'no_orders', 'first_order_recent', 'loyal', 'customers'];
    private const TOP_KEYS = ['rounding', 'timezone', 'segments', 'advantages', 'loyalty'];
    private const ADVANTAGE_KEYS = ['id', 'label', 'segment', 'earn_points', 'with_voucher', 'combinable', 'tiers', 'tiers_on'];
    private const TIER_KEYS = ['from', 'discount', 'discount_percent', 'free_shipping', 'carriers'];
    private const LOYALTY_KEYS = ['earn', 'earn_with_voucher', 'earn_with_loyalty_discount', 'spend', 'rank_by',
        'brackets', 'expiry', 'rewards', 'pending_days'];
    private const SPEND_KEYS = ['policy', 'from_order', 'min_cart', 'with_voucher', 'with_advantage', 'max_percent'];
    private const BRACKET_KEYS = ['from', 'discount', 'discount_percent', 'rate', 'free_shipping', 'carriers', 'cost'];

    public string $rounding = 'half_up';
    public string $timezone;
    /** @var array<string, string> custom segment name => source */
    public array $segmentSources = [];
    /** @var array<string, \Closure(array, int): bool> every segment (built-ins first) => its test */
    public array $segments = [];
    /** @var list<Advantage> */
    public array $advantages = [];
    public ?array $loyalty = null;

    /** @var array<string, true> segments being compiled (to find cycles) */
    private array $compiling = [];

    private function __construct()
    {
    }

    public static function fromJson(string $json): self
    {
        try {
            $settings = json_decode($json, true, 512, JSON_THROW_ON_ERROR);
        } catch (\JsonException $e) {
            throw new ConfigException('settings: invalid JSON: ' . $e->getMessage());
        }
        if (!is_array($settings)) {
            throw new ConfigException('settings: expected a JSON object');
        }
        return self::fromArray($settings);
    }

    public static function fromArray(array $settings): self
    {
        $p = new self();
        self::keys($settings, self::TOP_KEYS, 'settings');
        $rounding = $settings['rounding'] ?? 'half_up';
        if (!in_array($rounding, ['half_up', 'half_even', 'down'], true)) {
            throw new ConfigException('rounding: expected half_up, half_even or down');
        }
        $p->rounding = $rounding;
        $p->timezone = $settings['timezone'] ?? date_default_timezone_get();
        $p->compileSegments(self::arrayAt($settings, 'segments'));
        $ids = [];
        foreach (self::listAt($settings, 'advantages') as $i => $a) {
            $advantage = $p->compileAdvantage($a, "advantages[$i]");
            if (isset($ids[$advantage->id])) {
                throw new ConfigException("advantages[$i].id: duplicate id '{$advantage->id}'");
            }
            $ids[$advantage->id] = true;
            $p->advantages[] = $advantage;
        }
        if (isset($settings['loyalty'])) {
            $p->loyalty = self::compileLoyalty($settings['loyalty']);
        }
        return $p;
    }

    /** @return list<string> built-ins first, then custom segments in settings order */
    public function segmentNames(): array
    {
        return array_keys($this->segments);
    }

    public function toArray(): array
    {
        return [
            'rounding' => $this->rounding,
            'timezone' => $this->timezone,
            'segments' => $this->segmentSources,
            'advantages' => array_map(static fn(Advantage $a) => $a->toArray(), $this->advantages),
            'loyalty' => $this->loyalty === null ? null : self::loyaltyToArray($this->loyalty),
        ];
    }

    // ---- segments ----------------------------------------------------------------------

    private function compileSegments(array $defs): void
    {
        $this->segments = [
            'all' => static fn(array $c, int $now): bool => true,
            'disabled' => static fn(array $c, int $now): bool => ($c['active'] ?? true) === false,
            'no_orders' => static fn(array $c, int $now): bool => ($c['active'] ?? true) !== false && ($c['orders'] ?? 0) === 0,
            'first_order_recent' => static function (array $c, int $now): bool {
                if (($c['active'] ?? true) === false || ($c['orders'] ?? 0) !== 1) {
                    return false;
                }
                $at = Time::timestamp($c['first_order'] ?? $c['last_order'] ?? null, 'customer.first_order');
                return $at !== null && $now - $at < 30 * 86400;
            },
            'loyal' => static fn(array $c, int $now): bool => ($c['active'] ?? true) !== false && ($c['orders'] ?? 0) >= 2,
            'customers' => static fn(array $c, int $now): bool => ($c['active'] ?? true) !== false && ($c['orders'] ?? 0) >= 1,
        ];
        foreach ($defs as $name => $source) {
            $name = (string) $name;
            if (!preg_match('/^[A-Za-z_][A-Za-z0-9_-]{0,63}$/', $name)) {
                throw new ConfigException("segments.$name: invalid segment name");
            }
            if (in_array($name, self::BUILTINS, true)) {
                throw new ConfigException("segments.$name: reserved name");
            }
            if (!is_string($source)) {
                throw new ConfigException("segments.$name: expected an expression string");
            }
            $this->segmentSources[$name] = $source;
        }
        foreach ($this->segmentSources as $name => $source) {
            $this->segmentTest($name);
        }
        // settings order for custom segments, whatever order segment() references compiled them in
        $ordered = array_slice($this->segments, 0, count(self::BUILTINS));
        foreach ($this->segmentSources as $name => $source) {
            $ordered[$name] = $this->segments[$name];
        }
        $this->segments = $ordered;
    }

    /** The test of a segment, compiled on first use (segment('x') may name a later one). */
    private function segmentTest(string $name, string $from = 'segments'): \Closure
    {
        if (isset($this->segments[$name])) {
            return $this->segments[$name];
        }
        if (!isset($this->segmentSources[$name])) {
            throw new ConfigException("$from: unknown segment '$name'");
        }
        if (isset($this->compiling[$name])) {
            throw new ConfigException("segments.$name: segment() cycle through '$name'");
        }
        $this->compiling[$name] = true;
        $expr = Expression::compile($this->segmentSources[$name], "segments.$name", $this->segmentTest(...));
        unset($this->compiling[$name]);
        // a disabled customer is in no custom segment
        return $this->segments[$name] = static fn(array $c, int $now): bool => ($c['active'] ?? true) !== false && $expr($c, $now);
    }

    // ---- advantages --------------------------------------------------------------------

    private function compileAdvantage(mixed $a, string $path): Advantage
    {
        if (!is_array($a)) {
            throw new ConfigException("$path: expected an object");
        }
        self::keys($a, self::ADVANTAGE_KEYS, $path);
        $id = $a['id'] ?? null;
        if (!is_string($id) || $id === '') {
            throw new ConfigException("$path.id: expected a non-empty string");
        }
        $segment = $a['segment'] ?? 'all';
        if (!is_string($segment)) {
            throw new ConfigException("$path.segment: expected a segment name or an expression");
        }
        if (isset($this->segments[$segment])) {
            $test = $this->segments[$segment];
            $named = true;
        } else {
            $test = Expression::compile($segment, "$path.segment", $this->segmentTest(...));
            $named = false;
        }
        if (($a['tiers_on'] ?? 'amount') !== 'amount') {
            throw new ConfigException("$path.tiers_on: only 'amount' is supported by this baseline");
        }
        $tiers = [];
        foreach (self::listAt($a, 'tiers', $path) as $t => $tier) {
            $tiers[] = self::compileTier($tier, "$path.tiers[$t]");
        }
        if ($tiers === []) {
            throw new ConfigException("$path.tiers: at least one tier is needed");
        }
        return new Advantage(
            id: $id,
            label: self::stringAt($a, 'label', $path) ?? $id,
            segment: $segment,
            named: $named,
            test: $test,
            earnPoints: self::boolAt($a, 'earn_points', $path, true),
            withVoucher: self::boolAt($a, 'with_voucher', $path, false),
            combinable: self::boolAt($a, 'combinable', $path, false),
            tiers: $tiers,
        );
    }

    private static function compileTier(mixed $tier, string $path): Tier
    {
        if (!is_array($tier)) {
            throw new ConfigException("$path: expected an object");
        }
        self::keys($tier, self::TIER_KEYS, $path);
        $discount = self::moneyAt($tier, 'discount', $path);
        $percent = isset($tier['discount_percent']) ? self::basisPoints($tier['discount_percent'], "$path.discount_percent") : null;
        $freeShipping = self::boolAt($tier, 'free_shipping', $path, false);
        $carriers = self::carriersAt($tier, $path, $freeShipping);
        if ($discount !== null && $percent !== null) {
            throw new ConfigException("$path: discount and discount_percent exclude each other");
        }
        if ($discount === null && $percent === null && !$freeShipping) {
            throw new ConfigException("$path: a tier must give something");
        }
        return new Tier(self::moneyAt($tier, 'from', $path) ?? 0, $discount, $percent, $freeShipping, $carriers);
    }

    // ---- loyalty -----------------------------------------------------------------------

    private static function compileLoyalty(mixed $l): array
    {
        if (!is_array($l)) {
            throw new ConfigException('loyalty: expected an object');
        }
        self::keys($l, self::LOYALTY_KEYS, 'loyalty');
        $earn = $l['earn'] ?? ['per_amount' => 100, 'points' => 1];
        if (!is_array($earn)) {
            throw new ConfigException('loyalty.earn: expected an object');
        }
        if (isset($earn['per_order'])) {
            self::keys($earn, ['per_order'], 'loyalty.earn');
            $earn = ['per_order' => self::intAt($earn, 'per_order', 'loyalty.earn', 0)];
        } else {
            self::keys($earn, ['per_amount', 'points'], 'loyalty.earn');
            $earn = ['per_amount' => self::intAt($earn, 'per_amount', 'loyalty.earn', 100),
                'points' => self::intAt($earn, 'points', 'loyalty.earn', 1)];
            if ($earn['per_amount'] < 1) {
                throw new ConfigException('loyalty.earn.per_amount: must be >= 1');
            }
        }
        $spend = $l['spend'] ?? [];
        if (!is_array($spend)) {
            throw new ConfigException('loyalty.spend: expected an object');
        }
        self::keys($spend, self::SPEND_KEYS, 'loyalty.spend');
        $policy = $spend['policy'] ?? 'lose_used';
        if (!in_array($policy, ['lose_used', 'lose_all', 'keep_all'], true)) {
            throw new ConfigException('loyalty.spend.policy: expected lose_used, lose_all or keep_all');
        }
        $rankBy = $l['rank_by'] ?? 'points';
        if (!in_array($rankBy, ['points', 'orders', 'lifetime_points'], true)) {
            throw new ConfigException('loyalty.rank_by: expected points, orders or lifetime_points');
        }
        $brackets = [];
        foreach (self::listAt($l, 'brackets', 'loyalty') as $i => $b) {
            $brackets[] = self::compileBracket($b, "loyalty.brackets[$i]", $rankBy);
        }
        $expiry = $l['expiry'] ?? null;
        if ($expiry !== null) {
            if (!is_array($expiry)) {
                throw new ConfigException('loyalty.expiry: expected an object');
            }
            self::keys($expiry, ['days', 'mode', 'warn_days'], 'loyalty.expiry');
            $expiry = ['days' => self::intAt($expiry, 'days', 'loyalty.expiry', 365),
                'mode' => $expiry['mode'] ?? 'rolling', 'warn_days' => $expiry['warn_days'] ?? []];
        }
        $spend = [
            'policy' => $policy,
            'from_order' => self::intAt($spend, 'from_order', 'loyalty.spend', 1),
            'min_cart' => self::moneyAt($spend, 'min_cart', 'loyalty.spend') ?? 0,
            'with_voucher' => self::boolAt($spend, 'with_voucher', 'loyalty.spend', false),
            'with_advantage' => self::boolAt($spend, 'with_advantage', 'loyalty.spend', false),
        ] + (isset($spend['max_percent']) ? ['max_percent' => self::basisPoints($spend['max_percent'], 'loyalty.spend.max_percent')] : []);
        return [
            'earn' => $earn,
            'earn_with_voucher' => self::boolAt($l, 'earn_with_voucher', 'loyalty', false),
            'earn_with_loyalty_discount' => self::boolAt($l, 'earn_with_loyalty_discount', 'loyalty', false),
            'spend' => $spend,
            'rank_by' => $rankBy,
            // highest `from` first; equal ones keep written order (the first written wins)
            'brackets' => $brackets,
            'by_from' => self::sortedByFrom($brackets),
            'expiry' => $expiry,
            'rewards' => $l['rewards'] ?? null,
            'pending_days' => self::intAt($l, 'pending_days', 'loyalty', 0),
        ];
    }

    private static function compileBracket(mixed $b, string $path, string $rankBy): Tier
    {
        if (!is_array($b)) {
            throw new ConfigException("$path: expected an object");
        }
        self::keys($b, self::BRACKET_KEYS, $path);
        $from = self::intAt($b, 'from', $path, 0);
        $discount = self::moneyAt($b, 'discount', $path);
        $percent = isset($b['discount_percent']) ? self::basisPoints($b['discount_percent'], "$path.discount_percent") : null;
        $rate = $b['rate'] ?? null;
        if ($rate !== null) {
            if (!is_array($rate)) {
                throw new ConfigException("$path.rate: expected {points, value}");
            }
            self::keys($rate, ['points', 'value'], "$path.rate");
            $rate = ['points' => self::intAt($rate, 'points', "$path.rate", 1), 'value' => self::moneyAt($rate, 'value', "$path.rate") ?? 0];
            if ($rate['points'] < 1) {
                throw new ConfigException("$path.rate.points: must be >= 1");
            }
            if (isset($b['cost'])) {
                throw new ConfigException("$path.cost: a rate bracket has no cost");
            }
        }
        if (count(array_filter([$discount, $percent, $rate], static fn($x) => $x !== null)) > 1) {
            throw new ConfigException("$path: discount, discount_percent and rate exclude each other");
        }
        $freeShipping = self::boolAt($b, 'free_shipping', $path, false);
        $carriers = self::carriersAt($b, $path, $freeShipping);
        if ($discount === null && $percent === null && $rate === null && !$freeShipping) {
            throw new ConfigException("$path: a bracket must give something");
        }
        $cost = null;
        if ($rate === null) {
            $default = ($discount !== null || $percent !== null) && $rankBy === 'points' ? $from : 0;
            $cost = self::intAt($b, 'cost', $path, $default);
        }
        return new Tier($from, $discount, $percent, $freeShipping, $carriers, $rate, $cost);
    }

    private static function loyaltyToArray(array $l): array
    {
        $spend = $l['spend'];
        if (isset($spend['max_percent'])) {
            $spend['max_percent'] = Tier::percent($spend['max_percent']);
        }
        return [
            'earn' => $l['earn'],
            'earn_with_voucher' => $l['earn_with_voucher'],
            'earn_with_loyalty_discount' => $l['earn_with_loyalty_discount'],
            'spend' => $spend,
            'rank_by' => $l['rank_by'],
            'brackets' => array_map(static fn(Tier $b) => $b->toArray(), $l['brackets']),
            'expiry' => $l['expiry'],
            'rewards' => $l['rewards'],
            'pending_days' => $l['pending_days'],
        ];
    }

    /** @param list<Tier> $tiers @return list<Tier> highest `from` first, the first written first among equals */
    public static function sortedByFrom(array $tiers): array
    {
        $order = array_keys($tiers);
        usort($order, static fn(int $a, int $b) => [$tiers[$b]->from, $a] <=> [$tiers[$a]->from, $b]);
        return array_map(static fn(int $i) => $tiers[$i], $order);
    }

    // ---- readers -----------------------------------------------------------------------

    private static function keys(array $a, array $allowed, string $path): void
    {
        foreach ($a as $key => $_) {
            if (!in_array($key, $allowed, true)) {
                throw new ConfigException("$path.$key: unknown key");
            }
        }
    }

    private static function arrayAt(array $a, string $key, string $path = ''): array
    {
        $v = $a[$key] ?? [];
        if (!is_array($v)) {
            throw new ConfigException(ltrim("$path.$key", '.') . ': expected an object or a list');
        }
        return $v;
    }

    private static function listAt(array $a, string $key, string $path = ''): array
    {
        $v = self::arrayAt($a, $key, $path);
        if (!array_is_list($v)) {
            throw new ConfigException(ltrim("$path.$key", '.') . ': expected a list');
        }
        return $v;
    }

    private static function boolAt(array $a, string $key, string $path, bool $default): bool
    {
        $v = $a[$key] ?? $default;
        if (!is_bool($v)) {
            throw new ConfigException("$path.$key: expected true or false");
        }
        return $v;
    }

    private static function stringAt(array $a, string $key, string $path): ?string
    {
        $v = $a[$key] ?? null;
        if ($v !== null && !is_string($v)) {
            throw new ConfigException("$path.$key: expected a string");
        }
        return $v;
    }

    private static function intAt(array $a, string $key, string $path, int $default): int
    {
        $v = $a[$key] ?? $default;
        if (!is_int($v) || $v < 0) {
            throw new ConfigException("$path.$key: must be an int >= 0");
        }
        return $v;
    }

    private static function moneyAt(array $a, string $key, string $path): ?int
    {
        $v = $a[$key] ?? null;
        if ($v !== null && (!is_int($v) || $v < 0)) {
            throw new ConfigException("$path.$key: must be >= 0 (minor units, int)");
        }
        return $v;
    }

    /** A percent (int or float, at most two decimals, 0..100) as basis points. */
    private static function basisPoints(mixed $v, string $path): int
    {
        if (!is_int($v) && !is_float($v)) {
            throw new ConfigException("$path: expected a percent");
        }
        $bp = (int) round($v * 100);
        if (abs($v * 100 - $bp) > 1e-6 || $bp < 0 || $bp > 10000) {
            throw new ConfigException("$path: a percent from 0 to 100 with at most two decimals");
        }
        return $bp;
    }

    /** @return ?list<string> */
    private static function carriersAt(array $a, string $path, bool $freeShipping): ?array
    {
        $v = $a['carriers'] ?? null;
        if ($v === null) {
            return null;
        }
        if (!$freeShipping) {
            throw new ConfigException("$path.carriers: needs free_shipping");
        }
        if (!is_array($v) || !array_is_list($v) || array_filter($v, 'is_string') !== $v) {
            throw new ConfigException("$path.carriers: expected a list of strings");
        }
        return $v;
    }
}

/** A tier of an advantage, or a loyalty bracket (then `rate` and `cost` may be set). */
final class Tier
{
    /** @var ?array<string, true> */
    public readonly ?array $carrierSet;

    public function __construct(
        public readonly int $from,
        public readonly ?int $discount,
        public readonly ?int $percentBp,
        public readonly bool $freeShipping,
        public readonly ?array $carriers,
        public readonly ?array $rate = null,
        public readonly ?int $cost = null,
    ) {
        $this->carrierSet = $carriers === null ? null : array_fill_keys($carriers, true);
    }

    public function carrierAllowed(?string $carrier): bool
    {
        return $this->carrierSet === null || ($carrier !== null && isset($this->carrierSet[$carrier]));
    }

    /** "A, B or C" */
    public function carrierNames(): string
    {
        $names = $this->carriers ?? [];
        $last = array_pop($names);
        return $names === [] ? (string) $last : implode(', ', $names) . ' or ' . $last;
    }

    public static function percent(int $bp): int|float
    {
        return $bp % 100 === 0 ? intdiv($bp, 100) : $bp / 100;
    }

    public function toArray(): array
    {
        $out = ['from' => $this->from];
        if ($this->rate !== null) {
            $out['rate'] = $this->rate;
        } elseif ($this->discount !== null) {
            $out['discount'] = $this->discount;
        } elseif ($this->percentBp !== null) {
            $out['discount_percent'] = self::percent($this->percentBp);
        }
        $out['free_shipping'] = $this->freeShipping;
        if ($this->carriers !== null) {
            $out['carriers'] = $this->carriers;
        }
        if ($this->cost !== null) {
            $out['cost'] = $this->cost;
        }
        return $out;
    }
}

final class Advantage
{
    /** @var list<Tier> highest `from` first */
    public readonly array $byFrom;
    public readonly int $lowest;

    /** @param list<Tier> $tiers in written order */
    public function __construct(
        public readonly string $id,
        public readonly string $label,
        public readonly string $segment,
        public readonly bool $named,
        public readonly \Closure $test,
        public readonly bool $earnPoints,
        public readonly bool $withVoucher,
        public readonly bool $combinable,
        public readonly array $tiers,
    ) {
        $this->byFrom = Program::sortedByFrom($tiers);
        $this->lowest = min(array_map(static fn(Tier $t) => $t->from, $tiers));
    }

    public function tier(int $subtotal): ?Tier
    {
        foreach ($this->byFrom as $t) {
            if ($t->from <= $subtotal) {
                return $t;
            }
        }
        return null;
    }

    public function toArray(): array
    {
        return [
            'id' => $this->id,
            'label' => $this->label,
            'segment' => $this->segment,
            'earn_points' => $this->earnPoints,
            'with_voucher' => $this->withVoucher,
            'combinable' => $this->combinable,
            'tiers_on' => 'amount',
            'tiers' => array_map(static fn(Tier $t) => $t->toArray(), $this->tiers),
        ];
    }
}
