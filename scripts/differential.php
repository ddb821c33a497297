<?php
/*
 * Differential testing: the extension against the pure-PHP polyfill, in one process.
 *
 *   php -d extension=modules/loyalty.so scripts/differential.php [--seed=N] [--cases=N] [--show=N] [--quiet]
 *
 * From the seed, generates random valid programs, customers and carts, evaluates each with
 * \Loyalty\Engine (the extension) and \Loyalty\Polyfill\Engine, and compares toArray() of the
 * results, segmentsOf(), and the exception class, code and message when one is thrown. On a
 * mismatch it shrinks the case (drops keys and list items while the mismatch remains) and
 * prints a minimal reproducer: the JSON of settings, cart, customer and now.
 * Shows the first 20 mismatches (--show=N); ends with "N cases, M mismatches" and "N passed, M failed"; exits 1 when there is one.
 * A long run: --cases=1000000 (a few minutes per 100,000 cases).
 */
declare(strict_types=1);

const NOW = 1790000000; // 2026-09-21

if (!extension_loaded('loyalty')) {
    fwrite(STDERR, "differential.php: the loyalty extension is not loaded (php -d extension=modules/loyalty.so ...)\n");
    exit(2);
}
$options = getopt('', ['seed:', 'cases:', 'quiet', 'show:', 'polyfill-class:']);
$seed = (int) ($options['seed'] ?? 1);
$cases = (int) ($options['cases'] ?? 10000);
$quiet = isset($options['quiet']);
$show = (int) ($options['show'] ?? 20); // mismatches shown (all are counted)
// For debugging the polyfill against a stand-in: the class of the engine compared with the extension.
$polyfillClass = $options['polyfill-class'] ?? 'Loyalty\\Polyfill\\Engine';
if (!class_exists($polyfillClass)) {
    require_once __DIR__ . '/../polyfill/bootstrap.php';
}

/** Random values from the seeded generator (mt_rand: reproducible for a seed). */
final class Gen
{
    public static function int(int $min, int $max): int
    {
        return mt_rand($min, $max);
    }

    public static function chance(int $percent): bool
    {
        return mt_rand(1, 100) <= $percent;
    }

    public static function pick(array $items): mixed
    {
        return $items[array_rand($items)];
    }

    /** A percent as settings take it: int, or a float with one or two decimals. */
    public static function percent(): int|float
    {
        return match (mt_rand(0, 3)) {
            0 => mt_rand(0, 100),
            1 => mt_rand(0, 20) * 5,
            2 => mt_rand(0, 999) / 10,
            default => mt_rand(1, 9999) / 100,
        };
    }

    /** Money, now and then very large. */
    public static function money(int $typical): int
    {
        return match (mt_rand(0, 19)) {
            0 => 0,
            1 => PHP_INT_MAX - mt_rand(0, 1000),
            2 => mt_rand(0, PHP_INT_MAX),
            default => mt_rand(0, $typical),
        };
    }
}

/** Random valid programs, customers and carts. */
final class Cases
{
    private const CARRIERS = ['Colissimo', 'Chronopost', 'DHL', 'UPS', 'colissimo', '42',
        'Colissimo Expert International Signature Required', "Mondial\0Relay"];
    private const GROUPS = ['VIP', 'pro', 'wholesale', 'staff'];
    private const CITIES = ['Paris', 'Lyon', 'Marseille', 'Lille'];
    private const BUILT_IN = ['all', 'disabled', 'no_orders', 'first_order_recent', 'loyal', 'customers'];
    private const EXPRESSIONS = [
        "'VIP' in groups", "'pro' in groups and city == 'Paris'", 'orders >= 3', 'orders >= 5 and spent >= 50000',
        "'Colissimo' in carriers", 'points > 100', 'spent >= 20000', "postcode like '75*'",
        'days_since_last_order > 180', "country in ['FR', 'BE']", "lower(city) == 'lyon'", 'count(groups) >= 2',
        'lifetime_points >= 500', "attr.tier == 'gold'", 'not (orders > 1)', 'orders * 100 + points > 500',
        "('VIP' in groups or 'pro' in groups) and (city in ['Paris', 'Lyon', 'Marseille'] or postcode like '75*') and orders >= 2",
    ];

    public static function settings(): array
    {
        $s = [];
        if (Gen::chance(50)) {
            $s['rounding'] = Gen::pick(['half_up', 'half_even', 'down']);
        }
        if (Gen::chance(30)) {
            $s['timezone'] = Gen::pick(['UTC', 'Europe/Paris', 'America/New_York', 'Asia/Tokyo', 'Australia/Lord_Howe']);
        }
        $segments = [];
        for ($i = 0, $n = Gen::int(0, 3); $i < $n; $i++) {
            $segments['seg' . $i] = Gen::pick(self::EXPRESSIONS);
        }
        if ($segments !== [] && Gen::chance(30)) {
            $segments['both'] = "segment('seg0') and orders >= 1";
        }
        if ($segments !== []) {
            $s['segments'] = $segments;
        }
        $advantages = [];
        for ($i = 0, $n = Gen::int(0, 4); $i < $n; $i++) {
            $advantages[] = self::advantage($i, array_keys($segments));
        }
        if ($advantages !== [] || Gen::chance(50)) {
            $s['advantages'] = $advantages;
        }
        if (Gen::chance(75)) {
            $s['loyalty'] = self::loyalty();
        }
        return $s;
    }

    /** SPEC 11: dates around NOW (ints and strings), days and hours (some wrapping midnight). */
    private static function schedule(array &$a): void
    {
        if (Gen::chance(15)) {
            $a['starts_at'] = Gen::chance(50) ? NOW + Gen::int(-10, 10) * 3600 : gmdate('Y-m-d H:i:s', NOW + Gen::int(-10, 10) * 86400);
        }
        if (Gen::chance(15)) {
            $a['ends_at'] = Gen::chance(50) ? NOW + Gen::int(-10, 10) * 3600 : gmdate('Y-m-d', NOW + Gen::int(-10, 10) * 86400);
        }
        if (Gen::chance(15)) {
            $days = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
            shuffle($days);
            $a['days'] = array_slice($days, 0, Gen::int(1, 4));
        }
        if (Gen::chance(15)) {
            $open = Gen::int(0, 23) * 60 + Gen::pick([0, 30]);
            $close = Gen::chance(10) ? 1440 : Gen::int(0, 23) * 60 + Gen::pick([0, 15]);
            if ($close !== $open) {
                $a['hours'] = sprintf('%02d:%02d-%02d:%02d', intdiv($open, 60), $open % 60, intdiv($close, 60), $close % 60);
            }
        }
    }

    /** Line expressions (SPEC 11) over the generated lines: categories, prices, attributes. */
    private const LINE_EXPRESSIONS = [
        "category == 'books'", "category in ['toys', 'comics']", 'price >= 1000', 'qty >= 2 and price < 5000',
        "attr.brand == 'Lego'", 'attr.rate >= 0.5', "sku like 'SKU-1*'", "not (category == 'gift')", 'amount > 2000 or qty == 3',
        "lower(category) == 'toys' and attr.rate == 0.3", 'price < 0',
    ];

    private static function advantage(int $i, array $segments): array
    {
        $a = ['id' => Gen::chance(95) ? 'adv' . $i : str_repeat('long-id-', 10) . $i];
        if (Gen::chance(50)) {
            $a['label'] = 'Advantage ' . $i;
        }
        $segment = match (Gen::int(0, 3)) {
            0 => null,
            1 => Gen::pick(self::BUILT_IN),
            2 => $segments !== [] ? Gen::pick($segments) : 'all',
            default => Gen::pick(self::EXPRESSIONS),
        };
        if ($segment !== null) {
            $a['segment'] = $segment;
        }
        foreach (['earn_points' => 70, 'with_voucher' => 30, 'combinable' => 40] as $key => $true) {
            if (Gen::chance(60)) {
                $a[$key] = Gen::chance($true);
            }
        }
        if (Gen::chance(20)) {
            $a['max_uses'] = Gen::pick([1, 2, Gen::int(1, 5)]); // SPEC 11
        }
        self::schedule($a);
        // SPEC 11: rules on products
        if (Gen::chance(25)) {
            $a['lines'] = Gen::pick(self::LINE_EXPRESSIONS);
        }
        $quantity = Gen::chance(15);
        if ($quantity || Gen::chance(5)) {
            $a['tiers_on'] = $quantity ? 'quantity' : 'amount';
        }
        $tiers = [];
        for ($j = 0, $n = Gen::int(1, 3); $j < $n; $j++) {
            if ($quantity && Gen::chance(40)) {
                $tier = ['from' => Gen::int(1, 6), 'free_units' => Gen::pick([1, 1, 2, Gen::int(1, 9)])];
                if (Gen::chance(20)) {
                    $tier['free_shipping'] = true;
                }
                $tiers[] = $tier;
                continue;
            }
            $tier = self::benefit(false);
            if (Gen::chance(80)) {
                $tier = ['from' => $quantity ? Gen::int(0, 12) : Gen::pick([0, Gen::int(0, 30000), Gen::int(0, 300) * 100])] + $tier;
            }
            $tiers[] = $tier;
        }
        $a['tiers'] = $tiers;
        return $a;
    }

    /** What a tier or bracket gives; never nothing. */
    private static function benefit(bool $bracket): array
    {
        $b = [];
        switch (Gen::int(0, $bracket ? 4 : 3)) {
            case 0:
                $b['discount'] = Gen::pick([Gen::int(0, 5000), Gen::int(1, 100) * 100, Gen::money(100000)]);
                break;
            case 1:
                $b['discount_percent'] = Gen::percent();
                break;
            case 4:
                $b['rate'] = ['points' => Gen::int(1, 50), 'value' => Gen::pick([0, Gen::int(1, 500), 100])];
                break;
        }
        if ($b === [] || Gen::chance(30)) {
            $b['free_shipping'] = true;
            if (Gen::chance(50)) {
                $b['carriers'] = array_values(array_unique(Gen::chance(90) ? [Gen::pick(self::CARRIERS), Gen::pick(self::CARRIERS)] : self::CARRIERS));
            }
        }
        return $b;
    }

    private static function loyalty(): array
    {
        $y = [];
        $earn = Gen::int(0, 3);
        if ($earn === 1) {
            $y['earn'] = ['per_amount' => Gen::pick([1, 100, 1000, Gen::int(1, 5000)])];
            if (Gen::chance(50)) {
                $y['earn']['points'] = Gen::pick([1, 2, 10, Gen::int(0, 100)]);
            }
            if (Gen::chance(30)) { // SPEC 11: earning per line
                $y['earn']['exclude'] = Gen::pick(self::LINE_EXPRESSIONS);
            }
            if (Gen::chance(30)) {
                $y['earn']['bonus'] = [];
                for ($i = Gen::int(0, 3); $i > 0; $i--) {
                    $y['earn']['bonus'][] = ['lines' => Gen::pick(self::LINE_EXPRESSIONS),
                        'multiplier' => Gen::pick([2, 1.5, 0.5, 0.01, 3, Gen::int(1, 1000), Gen::int(1, 9999) / 100])];
                }
            }
        } elseif ($earn === 2) {
            $y['earn'] = ['per_order' => Gen::int(0, 200)];
        }
        foreach (['earn_with_voucher', 'earn_with_loyalty_discount'] as $key) {
            if (Gen::chance(40)) {
                $y[$key] = Gen::chance(50);
            }
        }
        $spend = [];
        if (Gen::chance(50)) {
            $spend['policy'] = Gen::pick(['lose_used', 'lose_all', 'keep_all']);
        }
        if (Gen::chance(30)) {
            $spend['from_order'] = Gen::int(1, 5);
        }
        if (Gen::chance(30)) {
            $spend['min_cart'] = Gen::pick([Gen::int(0, 20000), 8000]);
        }
        foreach (['with_voucher', 'with_advantage'] as $key) {
            if (Gen::chance(40)) {
                $spend[$key] = Gen::chance(50);
            }
        }
        if (Gen::chance(25)) {
            $spend['max_percent'] = Gen::percent();
        }
        if ($spend !== []) {
            $y['spend'] = $spend;
        }
        $rankBy = Gen::pick([null, 'points', 'orders', 'lifetime_points']);
        if ($rankBy !== null) {
            $y['rank_by'] = $rankBy;
        }
        $brackets = [];
        for ($i = 0, $n = Gen::int(0, 3); $i < $n; $i++) {
            $b = self::benefit(true);
            $b = ['from' => $rankBy === 'orders' ? Gen::int(0, 10) : Gen::pick([Gen::int(0, 300), Gen::int(0, 30) * 10])] + $b;
            if (!isset($b['rate']) && Gen::chance(30)) {
                $b['cost'] = Gen::int(0, 300);
            }
            $brackets[] = $b;
        }
        $y['brackets'] = $brackets;
        return $y;
    }

    public static function customer(): array
    {
        $c = [];
        if (Gen::chance(15)) {
            $c['active'] = Gen::chance(50);
        }
        if (Gen::chance(85)) {
            $c['orders'] = Gen::chance(99) ? Gen::pick([0, 1, 2, Gen::int(0, 12)]) : PHP_INT_MAX - Gen::int(0, 1);
        }
        if (Gen::chance(60)) {
            $c['spent'] = Gen::money(100000);
        }
        if (Gen::chance(80)) {
            $c['points'] = Gen::pick([0, Gen::int(0, 400), Gen::int(0, 40) * 10, Gen::money(1000)]);
        }
        if (Gen::chance(30)) {
            $c['lifetime_points'] = Gen::int(0, 2000);
        }
        if (Gen::chance(50)) {
            $c['groups'] = array_values(array_unique([Gen::pick(self::GROUPS), Gen::pick(self::GROUPS)]));
        }
        if (Gen::chance(50)) {
            $c['city'] = Gen::pick(self::CITIES);
        }
        if (Gen::chance(20)) {
            $c['postcode'] = Gen::pick(['75011', '69001', '13001']);
        }
        if (Gen::chance(20)) {
            $c['country'] = Gen::pick(['FR', 'BE', 'DE']);
        }
        if (Gen::chance(30)) {
            $c['carriers'] = [Gen::pick(self::CARRIERS)];
        }
        if (Gen::chance(40)) {
            $c['last_order'] = NOW - Gen::int(0, 400) * 86400;
            if (Gen::chance(50)) {
                $c['first_order'] = $c['last_order'] - Gen::int(0, 400) * 86400;
            }
        }
        if (Gen::chance(15)) {
            $c['attributes'] = ['tier' => Gen::pick(['gold', 'silver'])];
        }
        if (Gen::chance(30)) {
            $c['uses'] = []; // SPEC 11: advantage id => times used
            for ($i = Gen::int(0, 3); $i > 0; $i--) {
                $c['uses']['adv' . Gen::int(0, 5)] = Gen::chance(10) ? null : Gen::int(0, 4);
            }
        }
        if (Gen::chance(2)) {
            // One wrong value (the InputException must be the same, when the program reads the key).
            $key = Gen::pick(['active', 'orders', 'spent', 'points', 'lifetime_points', 'groups', 'city', 'carriers',
                'last_order', 'first_order', 'attributes', 'uses', 'id']);
            $c[$key] = Gen::pick([1.5, '7', -3, 'yes', 1, true, [], ['x', 2], 'not a date', null, PHP_INT_MAX]);
        }
        return $c;
    }

    public static function cart(): array
    {
        $cart = [];
        if (Gen::chance(70)) {
            $lines = [];
            for ($i = 0, $n = Gen::int(0, 5); $i < $n; $i++) {
                $line = ['qty' => Gen::pick([1, 1, 2, 3, Gen::int(0, 10)]), 'price' => Gen::pick([Gen::int(0, 10000), Gen::int(1, 100) * 100, 999])];
                if (Gen::chance(90)) {
                    $line = ['sku' => Gen::chance(80) ? 'SKU-' . $i : $i] + $line;
                }
                if (Gen::chance(60)) {
                    $line['category'] = Gen::chance(95) ? Gen::pick(['books', 'toys', 'comics', 'gift']) : 7;
                }
                if (Gen::chance(25)) {
                    $line['attributes'] = ['brand' => Gen::pick(['Lego', 'Hasbro', null]), 'rate' => Gen::pick([0.5, 1, 0.3, '2'])];
                }
                if (Gen::chance(5)) {
                    $line['price'] = Gen::money(10000);
                }
                $lines[] = $line;
            }
            $cart['lines'] = $lines;
        } else {
            $cart['subtotal'] = Gen::money(30000);
        }
        if (Gen::chance(70)) {
            $cart['carrier'] = Gen::pick(self::CARRIERS);
        }
        if (Gen::chance(70)) {
            $cart['shipping'] = Gen::pick([0, 490, 690, Gen::int(0, 2000), Gen::money(1000)]);
        }
        if (Gen::chance(20)) {
            $cart['vouchers'] = Gen::chance(80) ? ['WELCOME5'] : [];
        }
        if (Gen::chance(20)) {
            $cart['voucher_discount'] = Gen::pick([0, 500, Gen::int(0, 20000)]);
        }
        if (Gen::chance(30)) {
            $cart['use_points'] = Gen::pick([true, false, 0, Gen::int(0, 300)]);
        }
        if (Gen::chance(3)) {
            $cart = self::spoil($cart);
        }
        return $cart;
    }

    /** A cart with one wrong value somewhere (the InputException must be the same). */
    private static function spoil(array $cart): array
    {
        $bad = Gen::pick([1.5, 100.0, '100', '', -1, PHP_INT_MIN, true, false, null, [], ['x'], 'Colissimo', 0]);
        $key = Gen::pick(['subtotal', 'carrier', 'shipping', 'vouchers', 'voucher_discount', 'use_points', 'lines', 'line']);
        if ($key !== 'line') {
            $cart[$key] = $bad;
        } elseif (!empty($cart['lines'])) {
            $i = array_rand($cart['lines']);
            $field = Gen::pick(['sku', 'qty', 'price', 'category', null]);
            if ($field === null) {
                $cart['lines'][$i] = $bad;
            } else {
                $cart['lines'][$i][$field] = $bad;
            }
        } else {
            $cart['vouchers'] = ['A', $bad];
        }
        return $cart;
    }
}

/** What one implementation answers: the result and segments, or the exception. */
function answer(string $engineClass, array $settings, array $cart, array $customer, int $now): array
{
    try {
        $engine = new $engineClass($settings);
    } catch (\Throwable $e) {
        return ['construct' => get_class($e), 'code' => $e->getCode(), 'message' => $e->getMessage()];
    }
    $out = [];
    try {
        $out['segments'] = $engine->segmentsOf($customer, $now);
    } catch (\Throwable $e) {
        $out['segments'] = [get_class($e), $e->getCode(), $e->getMessage()];
    }
    try {
        $out['result'] = $engine->evaluate($cart, $customer, $now)->toArray();
    } catch (\Throwable $e) {
        $out['result'] = [get_class($e), $e->getCode(), $e->getMessage()];
    }
    return $out;
}

/** @return string|null where the answers differ, or null when they agree */
function compare(string $polyfillClass, array $case): ?string
{
    [$settings, $cart, $customer, $now] = $case;
    $ext = answer(\Loyalty\Engine::class, $settings, $cart, $customer, $now);
    $php = answer($polyfillClass, $settings, $cart, $customer, $now);
    if ($ext === $php) {
        return null;
    }
    return firstDifference($ext, $php, '');
}

function firstDifference(mixed $a, mixed $b, string $path): string
{
    if (is_array($a) && is_array($b)) {
        if (array_keys($a) !== array_keys($b)) {
            $short = static fn (array $v): string => strlen($j = (string) json_encode($v)) > 300 ? substr($j, 0, 300) . '...' : $j;
            return sprintf('%s: %s (extension) against %s (polyfill)', $path ?: '.', $short($a), $short($b));
        }
        foreach ($a as $k => $v) {
            if ($v !== $b[$k]) {
                return firstDifference($v, $b[$k], $path . '.' . $k);
            }
        }
    }
    return sprintf('%s: %s (extension) against %s (polyfill)', $path ?: '.', json_encode($a), json_encode($b));
}

/** Drops keys and list items of the case while the mismatch remains (and the settings stay valid). */
function shrink(string $polyfillClass, array $case): array
{
    do {
        $smaller = false;
        foreach (candidates($case) as $candidate) {
            if (isValid($candidate[0]) && compare($polyfillClass, $candidate) !== null) {
                $case = $candidate;
                $smaller = true;
                break;
            }
        }
    } while ($smaller);
    return $case;
}

function isValid(array $settings): bool
{
    try {
        \Loyalty\Program::fromArray($settings);
        return true;
    } catch (\Loyalty\Exception $e) {
        return false;
    }
}

/** Every case with one key or list item less (settings, cart, customer). */
function candidates(array $case): \Generator
{
    foreach ([0, 1, 2] as $part) {
        foreach (without($case[$part]) as $smaller) {
            $candidate = $case;
            $candidate[$part] = $smaller;
            yield $candidate;
        }
    }
}

function without(array $value): \Generator
{
    $isList = array_is_list($value);
    foreach ($value as $key => $item) {
        $copy = $value;
        unset($copy[$key]);
        yield $isList ? array_values($copy) : $copy;
    }
    foreach ($value as $key => $item) {
        if (is_array($item)) {
            foreach (without($item) as $smaller) {
                $copy = $value;
                $copy[$key] = $smaller;
                yield $copy;
            }
        }
    }
}

mt_srand($seed);
$checked = 0;
$mismatches = 0;
$start = microtime(true);
for ($i = 1; $i <= $cases; $i++) {
    if (!$quiet && $i % 10000 === 0) {
        fprintf(STDERR, "%d cases, %d mismatches, %.1f s\n", $checked, $mismatches, microtime(true) - $start);
    }
    $settings = Cases::settings();
    $case = [$settings, Cases::cart(), Cases::customer(), Gen::chance(70) ? NOW : (Gen::chance(60) ? NOW + Gen::int(-864000, 864000) : Gen::int(0, 2000000000))];
    if (!isValid($settings)) {
        continue; // the generator aims at valid programs; a rare invalid one is not a checkout case
    }
    $checked++;
    if (compare($polyfillClass, $case) === null) {
        continue;
    }
    if (++$mismatches > $show) {
        continue; // counted, not shown
    }
    $small = shrink($polyfillClass, $case); // draws no random numbers: the stream goes on as it was
    $json = static fn (array $v): string => json_encode($v, JSON_UNESCAPED_SLASHES | JSON_PRESERVE_ZERO_FRACTION);
    echo "mismatch in case $i (seed $seed): ", compare($polyfillClass, $small), "\n";
    echo '  settings: ', $json($small[0]), "\n";
    echo '  cart:     ', $json($small[1]), "\n";
    echo '  customer: ', $json($small[2]), "\n";
    echo '  now:      ', $small[3], "\n";
}
echo "$checked cases, $mismatches mismatches\n";
echo ($checked - $mismatches) . " passed, $mismatches failed\n"; // for .ci/run
exit($mismatches === 0 ? 0 : 1);
