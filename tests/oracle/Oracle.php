<?php
/*
 * An independent reference evaluator of Loyalty\Engine::evaluate(), written from SPEC.md
 * sections 1-10 and 14 alone (no code shared with src/ or polyfill/src, see README.md).
 *
 *   $result = LoyaltyOracle\Oracle::evaluate($settings, $cart, $customer, $now);
 *
 * returns the array shape of Result::toArray() (without the wording of messages). Segment
 * membership is the one thing it borrows: from the polyfill's segmentsOf() (a program
 * holding the custom segments plus one synthetic segment per inline advantage segment).
 * Everything else is written as plainly as the SPEC reads, with no caching or speed.
 * Errors are thrown as OracleException whose $kind is the short name of the exception
 * class the engine should throw (ConfigException, InputException).
 */
declare(strict_types=1);

namespace LoyaltyOracle;

final class OracleException extends \Exception
{
    public function __construct(public readonly string $kind, string $message)
    {
        parent::__construct($message);
    }
}

final class Oracle
{
    private const BUILT_IN = ['all', 'disabled', 'no_orders', 'first_order_recent', 'loyal', 'customers'];
    private const SYNTHETIC = '__oracle_inline_';

    // ---------------------------------------------------------------- errors and arithmetic

    private static function config(string $path, string $message): never
    {
        throw new OracleException('ConfigException', "$path: $message");
    }

    private static function input(string $path, string $message): never
    {
        throw new OracleException('InputException', "$path: $message");
    }

    /** a + b, an overflow being an InputException (SPEC 2: never a wrap). */
    private static function add(int $a, int $b, string $what): int
    {
        $r = $a + $b;
        if (!is_int($r)) {
            self::input($what, 'overflow');
        }
        return $r;
    }

    private static function mul(int $a, int $b, string $what): int
    {
        $r = $a * $b;
        if (!is_int($r)) {
            self::input($what, 'overflow');
        }
        return $r;
    }

    /**
     * [floor(a*b/c), (a*b) mod c] for a, b >= 0 and c > 0, exact even when a*b passes 64 bits
     * (the quotient must fit, which it does where it is used: b <= c).
     */
    public static function mulDiv(int $a, int $b, int $c): array
    {
        $p = $a * $b;
        if (is_int($p)) {
            return [intdiv($p, $c), $p % $c];
        }
        // a*b as 8 limbs of 16 bits, then a long division bit by bit.
        $x = [$a & 0xFFFF, ($a >> 16) & 0xFFFF, ($a >> 32) & 0xFFFF, ($a >> 48) & 0xFFFF];
        $y = [$b & 0xFFFF, ($b >> 16) & 0xFFFF, ($b >> 32) & 0xFFFF, ($b >> 48) & 0xFFFF];
        $limbs = array_fill(0, 9, 0);
        for ($i = 0; $i < 4; $i++) {
            for ($j = 0; $j < 4; $j++) {
                $limbs[$i + $j] += $x[$i] * $y[$j];
            }
        }
        for ($i = 0; $i < 8; $i++) {
            $limbs[$i + 1] += $limbs[$i] >> 16;
            $limbs[$i] &= 0xFFFF;
        }
        $q = 0;
        $r = 0;
        for ($bit = 127; $bit >= 0; $bit--) {
            $d = ($limbs[$bit >> 4] >> ($bit & 15)) & 1;
            $t = $c - $r; // 2r + d >= c  <=>  r + d >= t
            if ($r + $d >= $t) {
                $r = $r - ($t - $d);
                $q = ($q << 1) | 1;
            } else {
                $r = 2 * $r + $d;
                $q = $q << 1;
            }
        }
        return [$q, $r];
    }

    /** x * bp / 10000 rounded by mode (bp = basis points, 0..10000). */
    public static function percentOf(int $x, int $bp, string $mode): int
    {
        $hi = intdiv($x, 10000);
        $lo = $x % 10000;
        $q = $hi * $bp + intdiv($lo * $bp, 10000);
        $r = ($lo * $bp) % 10000;
        if ($mode === 'half_up' && 2 * $r >= 10000 && $r > 0) {
            $q++;
        } elseif ($mode === 'half_even' && (2 * $r > 10000 || (2 * $r === 10000 && $q % 2 === 1))) {
            $q++;
        }
        return $q;
    }

    // ---------------------------------------------------------------- settings (SPEC 6, 7, 10)

    private static function keys(array $a, array $allowed, string $path): void
    {
        foreach ($a as $k => $_) {
            if (!in_array($k, $allowed, true)) {
                self::config($path === '' ? (string) $k : "$path.$k", 'unknown key');
            }
        }
    }

    private static function obj(mixed $v, string $path): array
    {
        if ($v === null) {
            return [];
        }
        if (!is_array($v) || ($v !== [] && array_is_list($v))) {
            self::config($path, 'expected an object');
        }
        return $v;
    }

    private static function list(mixed $v, string $path): array
    {
        if (!is_array($v) || !array_is_list($v)) {
            self::config($path, 'expected a list');
        }
        return $v;
    }

    private static function bool(array $a, string $k, bool $default, string $path): bool
    {
        $v = $a[$k] ?? null;
        if ($v === null) {
            return $default;
        }
        if (!is_bool($v)) {
            self::config("$path.$k", 'expected bool');
        }
        return $v;
    }

    private static function int(array $a, string|int $k, ?int $default, string $path, int $min = 0, int $max = PHP_INT_MAX): ?int
    {
        $v = $a[$k] ?? null;
        if ($v === null) {
            return $default;
        }
        if (!is_int($v)) {
            self::config("$path.$k", 'expected int');
        }
        if ($v < $min || $v > $max) {
            self::config("$path.$k", "must be between $min and $max");
        }
        return $v;
    }

    private static function choice(array $a, string $k, array $choices, string $path): string
    {
        $v = $a[$k] ?? null;
        if ($v === null) {
            return $choices[0];
        }
        if (!is_string($v) || !in_array($v, $choices, true)) {
            self::config("$path.$k", 'must be one of ' . implode(', ', $choices));
        }
        return $v;
    }

    /** A percent held as basis points: int or float, 0..100, at most two decimals. */
    private static function percent(array $a, string $k, string $path): ?int
    {
        $v = $a[$k] ?? null;
        if ($v === null) {
            return null;
        }
        if (!is_int($v) && !is_float($v)) {
            self::config("$path.$k", 'expected int or float (percent)');
        }
        if ($v < 0 || $v > 100) {
            self::config("$path.$k", 'must be between 0 and 100');
        }
        $bp = (int) round($v * 100);
        if (abs($v * 100 - $bp) > 1e-6) {
            self::config("$path.$k", 'at most two decimals');
        }
        return $bp;
    }

    private static function strings(array $a, string $k, string $path): ?array
    {
        $v = $a[$k] ?? null;
        if ($v === null) {
            return null;
        }
        $v = self::list($v, "$path.$k");
        if ($v === []) {
            self::config("$path.$k", 'must not be empty');
        }
        foreach ($v as $i => $s) {
            if (!is_string($s)) {
                self::config("$path.$k[$i]", 'expected string');
            }
        }
        return $v;
    }

    /** The gift of a tier or bracket: discount, discount_percent, rate, free_shipping, carriers. */
    private static function gift(array $t, string $path, bool $bracket): array
    {
        $g = [
            'from' => self::int($t, 'from', 0, $path),
            'discount' => self::int($t, 'discount', null, $path),
            'percent' => self::percent($t, 'discount_percent', $path),
            'rate' => null,
            'free_shipping' => self::bool($t, 'free_shipping', false, $path),
            'carriers' => self::strings($t, 'carriers', $path),
            'cost' => null,
        ];
        if ($bracket && isset($t['rate'])) {
            $r = self::obj($t['rate'], "$path.rate");
            self::keys($r, ['points', 'value'], "$path.rate");
            if (!isset($r['points'], $r['value'])) {
                self::config("$path.rate", 'needs points and value');
            }
            $g['rate'] = ['points' => self::int($r, 'points', null, "$path.rate", 1), 'value' => self::int($r, 'value', null, "$path.rate")];
        }
        if ($bracket) {
            $g['cost'] = self::int($t, 'cost', null, $path);
            if ($g['cost'] !== null && $g['rate'] !== null) {
                self::config($path, 'cost cannot be used with rate');
            }
        }
        $kinds = ($g['discount'] !== null) + ($g['percent'] !== null) + ($g['rate'] !== null);
        if ($kinds > 1) {
            self::config($path, 'discount, discount_percent and rate exclude each other');
        }
        if ($kinds === 0 && !$g['free_shipping']) {
            self::config($path, 'gives nothing');
        }
        if ($g['carriers'] !== null && !$g['free_shipping']) {
            self::config("$path.carriers", 'needs free_shipping');
        }
        return $g;
    }

    public static function parse(array|string $settings): array
    {
        if (is_string($settings)) {
            $settings = json_decode($settings, true);
            if (!is_array($settings)) {
                self::config('settings', 'invalid JSON');
            }
        }
        $root = self::obj($settings, 'settings');
        self::keys($root, ['rounding', 'segments', 'advantages', 'loyalty'], '');
        $p = ['rounding' => self::choice($root, 'rounding', ['half_up', 'half_even', 'down'], 'settings'),
              'segments' => [], 'advantages' => [], 'loyalty' => null];
        foreach (self::obj($root['segments'] ?? null, 'segments') as $name => $expr) {
            if (!is_string($name) || !preg_match('/^[A-Za-z_][A-Za-z0-9_-]{0,63}$/', $name) || in_array($name, self::BUILT_IN, true)) {
                self::config('segments', "invalid segment name '$name'");
            }
            if (!is_string($expr)) {
                self::config("segments.$name", 'expected string (expression)');
            }
            $p['segments'][$name] = $expr;
        }
        $ids = [];
        foreach (self::list($root['advantages'] ?? [], 'advantages') as $i => $a) {
            $path = "advantages[$i]";
            $a = self::obj($a, $path);
            self::keys($a, ['id', 'label', 'segment', 'earn_points', 'with_voucher', 'combinable', 'tiers'], $path);
            $id = $a['id'] ?? null;
            if (!is_string($id) || $id === '' || isset($ids[$id])) {
                self::config("$path.id", 'a unique non-empty string is required');
            }
            $ids[$id] = true;
            $tiers = [];
            foreach (self::list($a['tiers'] ?? null, "$path.tiers") as $j => $t) {
                $t = self::obj($t, "$path.tiers[$j]");
                self::keys($t, ['from', 'discount', 'discount_percent', 'free_shipping', 'carriers'], "$path.tiers[$j]");
                $tiers[] = self::gift($t, "$path.tiers[$j]", false);
            }
            if ($tiers === []) {
                self::config("$path.tiers", 'must not be empty');
            }
            $label = $a['label'] ?? $id;
            $segment = $a['segment'] ?? 'all';
            if (!is_string($label) || !is_string($segment)) {
                self::config($path, 'label and segment are strings');
            }
            $p['advantages'][] = ['id' => $id, 'label' => $label, 'segment' => $segment,
                'earn_points' => self::bool($a, 'earn_points', true, $path),
                'with_voucher' => self::bool($a, 'with_voucher', false, $path),
                'combinable' => self::bool($a, 'combinable', false, $path), 'tiers' => $tiers];
        }
        if (isset($root['loyalty'])) {
            $l = self::obj($root['loyalty'], 'loyalty');
            self::keys($l, ['earn', 'earn_with_voucher', 'earn_with_loyalty_discount', 'spend', 'rank_by',
                'brackets', 'expiry', 'rewards', 'pending_days'], 'loyalty');
            $earn = null;
            if (isset($l['earn'])) {
                $e = self::obj($l['earn'], 'loyalty.earn');
                self::keys($e, ['per_amount', 'points', 'per_order'], 'loyalty.earn');
                if (isset($e['per_amount']) === isset($e['per_order']) || (isset($e['points']) && !isset($e['per_amount']))) {
                    self::config('loyalty.earn', 'per_amount (with points) or per_order');
                }
                $earn = ['per_amount' => self::int($e, 'per_amount', null, 'loyalty.earn', 1),
                         'points' => self::int($e, 'points', 1, 'loyalty.earn'),
                         'per_order' => self::int($e, 'per_order', null, 'loyalty.earn')];
            }
            $s = self::obj($l['spend'] ?? null, 'loyalty.spend');
            self::keys($s, ['policy', 'from_order', 'min_cart', 'with_voucher', 'with_advantage', 'max_percent'], 'loyalty.spend');
            $spend = ['policy' => self::choice($s, 'policy', ['lose_used', 'lose_all', 'keep_all'], 'loyalty.spend'),
                      'from_order' => self::int($s, 'from_order', 1, 'loyalty.spend', 1),
                      'min_cart' => self::int($s, 'min_cart', 0, 'loyalty.spend'),
                      'with_voucher' => self::bool($s, 'with_voucher', false, 'loyalty.spend'),
                      'with_advantage' => self::bool($s, 'with_advantage', false, 'loyalty.spend'),
                      'max_percent' => self::percent($s, 'max_percent', 'loyalty.spend')];
            $rankBy = self::choice($l, 'rank_by', ['points', 'orders', 'lifetime_points'], 'loyalty');
            $brackets = [];
            foreach (self::list($l['brackets'] ?? [], 'loyalty.brackets') as $j => $b) {
                $b = self::obj($b, "loyalty.brackets[$j]");
                self::keys($b, ['from', 'discount', 'discount_percent', 'rate', 'free_shipping', 'carriers', 'cost'], "loyalty.brackets[$j]");
                $g = self::gift($b, "loyalty.brackets[$j]", true);
                // SPEC 10: default cost = from for fixed and percent brackets when ranking by points;
                // 0 when ranking by orders or lifetime_points, and for free-shipping-only brackets.
                if ($g['cost'] === null && $g['rate'] === null) {
                    $g['cost'] = ($rankBy === 'points' && ($g['discount'] !== null || $g['percent'] !== null)) ? $g['from'] : 0;
                }
                $brackets[] = $g;
            }
            if (isset($l['expiry'])) {
                $x = self::obj($l['expiry'], 'loyalty.expiry');
                self::keys($x, ['days', 'mode', 'warn_days'], 'loyalty.expiry');
                if (!isset($x['days'])) {
                    self::config('loyalty.expiry.days', 'is required');
                }
                self::int($x, 'days', null, 'loyalty.expiry', 1, 36500);
                self::choice($x, 'mode', ['rolling', 'per_lot'], 'loyalty.expiry');
                foreach (self::list($x['warn_days'] ?? [], 'loyalty.expiry.warn_days') as $k => $_) {
                    self::int($x['warn_days'], $k, null, 'loyalty.expiry.warn_days', 1, 36500);
                }
            }
            if (isset($l['rewards'])) {
                $w = self::obj($l['rewards'], 'loyalty.rewards');
                self::keys($w, ['threshold', 'coupon'], 'loyalty.rewards');
                if (!isset($w['threshold'], $w['coupon'])) {
                    self::config('loyalty.rewards', 'threshold and coupon are required');
                }
                self::int($w, 'threshold', null, 'loyalty.rewards', 1);
                $c = self::obj($w['coupon'], 'loyalty.rewards.coupon');
                self::keys($c, ['discount', 'discount_percent', 'min_cart', 'valid_days'], 'loyalty.rewards.coupon');
                if (isset($c['discount']) === isset($c['discount_percent'])) {
                    self::config('loyalty.rewards.coupon', 'one of discount and discount_percent');
                }
                self::int($c, 'discount', null, 'loyalty.rewards.coupon');
                self::percent($c, 'discount_percent', 'loyalty.rewards.coupon');
                self::int($c, 'min_cart', 0, 'loyalty.rewards.coupon');
                self::int($c, 'valid_days', null, 'loyalty.rewards.coupon', 1, 36500);
            }
            $p['loyalty'] = ['earn' => $earn, 'expiry' => isset($l['expiry']),
                'pending_days' => self::int($l, 'pending_days', 0, 'loyalty', 0, 36500),
                'earn_with_voucher' => self::bool($l, 'earn_with_voucher', false, 'loyalty'),
                'earn_with_loyalty_discount' => self::bool($l, 'earn_with_loyalty_discount', false, 'loyalty'),
                'spend' => $spend, 'rank_by' => $rankBy, 'brackets' => $brackets];
        }
        return $p;
    }

    // ---------------------------------------------------------------- inputs (SPEC 3, 4)

    private static function money(array $a, string $k, string $path): int
    {
        $v = $a[$k] ?? 0;
        if (!is_int($v)) {
            self::input("$path.$k", 'expected int (minor units)');
        }
        if ($v < 0) {
            self::input("$path.$k", 'must be >= 0');
        }
        return $v;
    }

    private static function count(array $a, string $k, string $path): int
    {
        $v = $a[$k] ?? 0;
        if (!is_int($v) || $v < 0) {
            self::input("$path.$k", 'expected int >= 0');
        }
        return $v;
    }

    /** A date as SPEC 2 takes it: int timestamp, DateTimeInterface or a strtotime() string. */
    private static function time(mixed $t, string $path): int
    {
        if (is_int($t)) {
            return $t;
        }
        if ($t instanceof \DateTimeInterface) {
            return $t->getTimestamp();
        }
        $ts = is_string($t) ? strtotime($t) : false;
        if ($ts === false) {
            self::input($path, 'invalid date');
        }
        return $ts;
    }

    /**
     * A customer's ledger given as entries stands for `points` (SPEC 3, 8): its balance at now.
     * Only the simple case is written here, the one the generator makes: no expiry and no
     * pending days, so the balance is what was earned and granted minus what was spent, up to now.
     */
    private static function ledgerBalance(array $p, array $entries, mixed $now): int
    {
        $l = $p['loyalty'];
        if ($l !== null && ($l['expiry'] || $l['pending_days'] > 0)) {
            throw new \LogicException('oracle: ledgers with expiry or pending days are not written');
        }
        $at = self::time($now ?? time(), 'now');
        $balance = 0;
        foreach ($entries as $i => $e) {
            if (self::time($e['at'], "customer.ledger[$i].at") > $at) {
                continue;
            }
            $balance = match ($e['type']) {
                'earn', 'grant' => self::add($balance, $e['points'], "customer.ledger[$i]"),
                'spend' => $balance - $e['points'],
            };
        }
        return $balance;
    }

    // ---------------------------------------------------------------- segments (borrowed)

    /**
     * Names of the segments the customer is in (built-in, custom and the synthetic inline ones),
     * from the polyfill: the one part of the evaluation the oracle does not write itself.
     */
    private static function membership(array $p, array $customer, mixed $now): array
    {
        $segments = $p['segments'];
        foreach ($p['advantages'] as $i => $a) {
            if (!in_array($a['segment'], self::BUILT_IN, true) && !array_key_exists($a['segment'], $p['segments'])) {
                $segments[self::SYNTHETIC . $i] = $a['segment'];
            }
        }
        try {
            $engine = new \Loyalty\Polyfill\Engine(['segments' => $segments]);
            return $engine->segmentsOf($customer, $now);
        } catch (\Loyalty\ExpressionException $e) {
            self::config('segments', $e->getMessage());
        } catch (\Loyalty\InputException $e) {
            self::input('customer', $e->getMessage());
        }
    }

    // ---------------------------------------------------------------- evaluation (SPEC 6, 7, 10, 14)

    /** The tier or bracket with the highest from <= $metric (first written on equal from), or null. */
    private static function pick(array $gifts, int $metric): ?array
    {
        $best = null;
        foreach ($gifts as $g) {
            if ($g['from'] <= $metric && ($best === null || $g['from'] > $best['from'])) {
                $best = $g;
            }
        }
        return $best;
    }

    private static function lowestFrom(array $gifts): int
    {
        return min(array_column($gifts, 'from'));
    }

    private static function freeShippingUsable(array $g, ?string $carrier): bool
    {
        return $g['free_shipping'] && ($g['carriers'] === null || ($carrier !== null && in_array($carrier, $g['carriers'], true)));
    }

    /** A tier's or bracket's discount before caps (fixed, or percent of the full subtotal). */
    private static function rawDiscount(array $g, int $subtotal, string $rounding): int
    {
        if ($g['discount'] !== null) {
            return min($g['discount'], $subtotal);
        }
        if ($g['percent'] !== null) {
            return self::percentOf($subtotal, $g['percent'], $rounding);
        }
        return 0;
    }

    private static function reject(string $source, string $id, string $reason, ?int $missing = null): array
    {
        $r = ['source' => $source, 'id' => $id, 'reason' => $reason];
        if ($missing !== null) {
            $r['missing'] = $missing;
        }
        return $r;
    }

    /**
     * $pre14 = true reads the points SPEC 14 decided the way the engines did before it (a rule
     * giving 0 still applied, loyalty giving 0 reported as min_cart, a rate below one block as
     * no_points, keep_all gated by cost, pointsBalance without loyalty 0 or the points: -1 here).
     * NOT the contract: only a way for the differential to tell which differences section 14
     * explains (see README.md).
     */
    public static function evaluate(array|string $settings, array $cart, array $customer, mixed $now, bool $pre14 = false): array
    {
        $p = self::parse($settings);

        // The cart (SPEC 4).
        $lines = [];
        if (isset($cart['lines'])) {
            if (!is_array($cart['lines']) || !array_is_list($cart['lines'])) {
                self::input('cart.lines', 'expected a list');
            }
            $subtotal = 0;
            foreach ($cart['lines'] as $i => $line) {
                $amount = self::mul(self::count($line, 'qty', "cart.lines[$i]"), self::money($line, 'price', "cart.lines[$i]"), "cart.lines[$i]");
                $lines[] = ['sku' => $line['sku'] ?? null, 'amount' => $amount];
                $subtotal = self::add($subtotal, $amount, 'cart.subtotal');
            }
        } else {
            $subtotal = self::money($cart, 'subtotal', 'cart');
        }
        $shipping = self::money($cart, 'shipping', 'cart');
        $voucherDiscount = self::money($cart, 'voucher_discount', 'cart');
        $carrier = isset($cart['carrier']) ? (string) $cart['carrier'] : null;
        $hasVoucher = !empty($cart['vouchers']) || $voucherDiscount > 0;
        $voucherUsed = min($voucherDiscount, $subtotal);           // SPEC 14
        // Which rules of SPEC 14 (new, followed by the engines in parallel) this case relies on:
        // returned under '_spec14' so that a differential can tell those differences apart.
        $spec14 = [];
        if ($voucherDiscount > $subtotal) {
            $spec14['voucher_over_cart'] = true;
        }
        $payable = $subtotal - $voucherUsed;                        // SPEC 10: engine discounts never exceed it
        $usePoints = $cart['use_points'] ?? true;
        if (!is_bool($usePoints) && !(is_int($usePoints) && $usePoints >= 0)) {
            self::input('cart.use_points', 'expected bool or int >= 0');
        }

        // The customer (SPEC 3, 10: missing keys).
        $active = ($customer['active'] ?? true) !== false;
        $orders = self::count($customer, 'orders', 'customer');
        $points = self::count($customer, 'points', 'customer');
        if (isset($customer['ledger'])) {
            $points = self::ledgerBalance($p, $customer['ledger'], $now);
        }
        $lifetime = self::count($customer, 'lifetime_points', 'customer');

        $names = self::membership($p, $customer, $now);
        $segments = array_values(array_filter($names, fn ($n) => !str_starts_with($n, self::SYNTHETIC)));
        sort($segments, SORT_STRING);

        // Advantages (SPEC 6, 10, 14). First each one alone: eligibility, its tier, what it gives.
        $rejected = [];   // by advantage index
        $candidates = []; // index => [discount capped at payable, free shipping usable, carrier missed]
        foreach ($p['advantages'] as $i => $a) {
            $isName = in_array($a['segment'], self::BUILT_IN, true) || array_key_exists($a['segment'], $p['segments']);
            $member = in_array($isName ? $a['segment'] : self::SYNTHETIC . $i, $names, true);
            if (!$active) {
                $rejected[$i] = self::reject('advantage', $a['id'], 'disabled');
                continue;
            }
            if (!$member) {
                $rejected[$i] = self::reject('advantage', $a['id'], 'not_in_segment');
                continue;
            }
            if ($hasVoucher && !$a['with_voucher']) {
                $rejected[$i] = self::reject('advantage', $a['id'], 'voucher');
                continue;
            }
            $tier = self::pick($a['tiers'], $subtotal);
            if ($tier === null) {
                $rejected[$i] = self::reject('advantage', $a['id'], 'below_tier', self::lowestFrom($a['tiers']) - $subtotal);
                continue;
            }
            $discount = min(self::rawDiscount($tier, $subtotal, $p['rounding']), $payable);
            $fs = self::freeShippingUsable($tier, $carrier);
            $carrierMissed = $tier['free_shipping'] && !$fs;
            if ($carrierMissed && $discount === 0 && (!$pre14 || ($tier['discount'] === null && $tier['percent'] === null))) {
                $rejected[$i] = self::reject('advantage', $a['id'], 'carrier');
                $spec14['carrier_before_zero'] = true;
                continue;
            }
            if ($discount === 0 && !$fs && !$pre14) {
                $rejected[$i] = self::reject('advantage', $a['id'], 'zero_value');
                $spec14['zero_value'] = true;
                continue;
            }
            $candidates[$i] = [$discount, $fs, $carrierMissed];
        }
        // Best-of among the non-combinable ones: discount (capped at payable) + shipping saved;
        // ties go to the earlier one. Values are compared without summing (no overflow).
        $best = null;
        foreach ($candidates as $i => [$d, $fs]) {
            if ($p['advantages'][$i]['combinable']) {
                continue;
            }
            if ($best === null) {
                $best = $i;
                continue;
            }
            [$bd, $bfs] = $candidates[$best];
            // d + s > bd + bs  <=>  d - bd > bs - s
            if ($d - $bd > ($bfs ? $shipping : 0) - ($fs ? $shipping : 0)) {
                $best = $i;
            }
        }
        // The chosen ones apply in settings order with a running cap.
        $applied = [];
        $remaining = $payable;
        $freeShipping = false;
        $discountTotal = 0;
        foreach ($candidates as $i => [$d, $fs, $carrierMissed]) {
            $a = $p['advantages'][$i];
            if (!$a['combinable'] && $i !== $best) {
                $rejected[$i] = self::reject('advantage', $a['id'], 'not_best');
                continue;
            }
            $d = min($d, $remaining);
            if ($d === 0 && !$fs && !$pre14) {
                $rejected[$i] = self::reject('advantage', $a['id'], $carrierMissed ? 'carrier' : 'zero_value');
                $spec14['running_cap_zero'] = true;
                continue;
            }
            $applied[] = ['source' => 'advantage', 'id' => $a['id'], 'label' => $a['label'], 'discount' => $d,
                          'free_shipping' => $fs, 'points_spent' => 0];
            if ($carrierMissed) {
                $rejected[$i] = self::reject('advantage', $a['id'], 'carrier');
            }
            $remaining -= $d;
            $discountTotal += $d;
            $freeShipping = $freeShipping || $fs;
        }
        ksort($rejected);
        $rejected = array_values($rejected);
        $advantageApplied = $applied !== [];

        // Loyalty points spent at checkout (SPEC 7, 10, 14).
        $l = $p['loyalty'];
        $spent = 0;
        $loyaltyUsed = false;
        $skip = $usePoints === false || $usePoints === 0;
        if ($l !== null && $l['brackets'] !== [] && !$skip) {
            $s = $l['spend'];
            $usable = is_int($usePoints) ? min($points, $usePoints) : $points;
            $metric = match ($l['rank_by']) { 'points' => $points, 'orders' => $orders, 'lifetime_points' => $lifetime };
            $reason = null;
            $missing = null;
            $b = null;
            if (!$active) {
                $reason = 'disabled';
            } elseif ($orders + 1 < $s['from_order']) {
                [$reason, $missing] = ['order_number', $s['from_order'] - ($orders + 1)];
            } elseif ($subtotal < $s['min_cart']) {
                [$reason, $missing] = ['min_cart', $s['min_cart'] - $subtotal];
            } elseif ($hasVoucher && !$s['with_voucher']) {
                $reason = 'voucher';
            } elseif ($advantageApplied && !$s['with_advantage']) {
                $reason = 'advantage_wins';
            } elseif (($b = self::pick($l['brackets'], $metric)) === null) {
                [$reason, $missing] = ['no_points', self::lowestFrom($l['brackets']) - $metric];
            } elseif (($pre14 || $s['policy'] !== 'keep_all') && $b['rate'] === null && $b['cost'] > $usable) {
                [$reason, $missing] = ['no_points', $b['cost'] - $usable];
            } elseif ($s['policy'] === 'keep_all' && $b['rate'] === null && $b['cost'] > $usable) {
                $spec14['keep_all_cost'] = true;
            }
            if ($reason === null) {
                $cap = $remaining;
                if ($s['max_percent'] !== null) {
                    $cap = min($cap, self::percentOf($subtotal, $s['max_percent'], 'down'));
                }
                $blocks = 0;
                if ($b['rate'] !== null) {
                    $blocks = intdiv($usable, $b['rate']['points']);
                    if ($blocks === 0) {
                        $spec14['rate_below_block'] = true;
                        if ($pre14) {
                            [$reason, $missing] = ['no_points', $b['rate']['points'] - $usable];
                        }
                    }
                    if ($b['rate']['value'] > 0) {
                        $blocks = min($blocks, intdiv($cap, $b['rate']['value']));
                    }
                    $d = $blocks * $b['rate']['value'];
                } else {
                    $d = min(self::rawDiscount($b, $subtotal, $p['rounding']), $cap);
                }
                $fs = self::freeShippingUsable($b, $carrier);
                $carrierMissed = $b['free_shipping'] && !$fs;
                if ($reason !== null) {
                    // pre-14: a rate bracket below one block was no_points
                } elseif ($pre14 && $d === 0 && !$fs && ($b['discount'] !== null || $b['percent'] !== null || $b['rate'] !== null)) {
                    $reason = 'min_cart';
                } elseif ($carrierMissed && $d === 0) {
                    $reason = 'carrier';
                    $spec14['carrier_before_zero'] = true;
                } elseif ($d === 0 && !$fs) {
                    $reason = 'zero_value';
                    $spec14['zero_value'] = true;
                } else {
                    $spent = match (true) {
                        $s['policy'] === 'keep_all' => 0,
                        $s['policy'] === 'lose_all' => $points,
                        $b['rate'] !== null => $blocks * $b['rate']['points'],
                        default => $b['cost'],
                    };
                    $loyaltyUsed = true;
                    $applied[] = ['source' => 'loyalty', 'id' => 'loyalty', 'label' => null, 'discount' => $d,
                                  'free_shipping' => $fs, 'points_spent' => $spent];
                    $remaining -= $d;
                    $discountTotal += $d;
                    $freeShipping = $freeShipping || $fs;
                    if ($carrierMissed) {
                        $reason = 'carrier';
                    }
                }
            }
            if ($reason !== null) {
                $rejected[] = self::reject('loyalty', 'loyalty', $reason, $missing);
            }
        }

        // Earning (SPEC 7, 14).
        $earned = 0;
        if ($l !== null && $l['earn'] !== null && $active
            && !($hasVoucher && !$l['earn_with_voucher'])
            && !($loyaltyUsed && !$l['earn_with_loyalty_discount'])) {
            $blocked = false;
            foreach ($p['advantages'] as $i => $a) {
                $isName = in_array($a['segment'], self::BUILT_IN, true) || array_key_exists($a['segment'], $p['segments']);
                if (!$a['earn_points'] && in_array($isName ? $a['segment'] : self::SYNTHETIC . $i, $names, true)) {
                    $blocked = true;
                }
            }
            if (!$blocked) {
                $earned = $l['earn']['per_order'] ?? self::mul(
                    intdiv($subtotal - $voucherUsed - $discountTotal, $l['earn']['per_amount']), $l['earn']['points'], 'points_earned');
            }
        }

        // Totals (SPEC 8, 14).
        $shippingDiscount = $freeShipping ? $shipping : 0;
        $total = self::add($subtotal - $voucherUsed - $discountTotal, $shipping - $shippingDiscount, 'total');
        $balance = $l === null ? ($pre14 ? -1 : $points) : self::add($points - $spent, $earned, 'points_balance');
        if ($l === null && $points > 0) {
            $spec14['balance_without_loyalty'] = true;
        }

        // Per-line allocation: the discount spread in proportion to the line amounts, largest
        // remainder first (ties: the earlier line), summing exactly to the discount.
        $out = [];
        $given = 0;
        $rems = [];
        foreach ($lines as $k => $line) {
            [$q, $r] = $subtotal > 0 ? self::mulDiv($discountTotal, $line['amount'], $subtotal) : [0, 0];
            $out[$k] = ['sku' => $line['sku'], 'amount' => $line['amount'], 'discount' => $q];
            $given += $q;
            $rems[$k] = $r;
        }
        $order = array_keys($rems);
        usort($order, fn ($x, $y) => [$rems[$y], $x] <=> [$rems[$x], $y]);
        for ($n = 0; $lines !== [] && $given < $discountTotal; $n++) {
            if ($n >= count($order)) {
                throw new \LogicException("oracle: allocation of $discountTotal over $subtotal left " . ($discountTotal - $given));
            }
            $out[$order[$n]]['discount']++;
            $given++;
        }

        return ['subtotal' => $subtotal, 'discount' => $discountTotal, 'shipping' => $shipping,
            'shipping_discount' => $shippingDiscount, 'free_shipping' => $freeShipping, 'total' => $total,
            'points_earned' => $earned, 'points_spent' => $spent, 'points_balance' => $balance,
            'segments' => $segments, 'applied' => $applied, 'rejected' => $rejected, 'lines' => array_values($out),
            '_spec14' => array_keys($spec14)];
    }
}
