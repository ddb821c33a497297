<?php
/*
 * Random VALID programs, carts and customers for the oracle differential
 * (scripts/differential_oracle.php), covering every key of SPEC sections 3-7.
 * mt_rand() driven: a seed gives the same cases on every run.
 */
declare(strict_types=1);

namespace LoyaltyOracle;

final class Generator
{
    public const NOW = 1790000000; // 2026-09-21

    private const CARRIERS = ['Colissimo', 'Chronopost', 'DHL', 'UPS', 'colissimo', 'Mondial Relay'];
    private const GROUPS = ['VIP', 'pro', 'wholesale', 'staff'];
    private const CITIES = ['Paris', 'Lyon', 'Lille', 'paris'];
    private const BUILT_IN = ['all', 'disabled', 'no_orders', 'first_order_recent', 'loyal', 'customers'];
    private const SEGMENTS = [
        'vip' => "'VIP' in groups",
        'paris' => "city == 'Paris'",
        'lapsed' => 'days_since_last_order > 180',
        'big' => 'spent >= 50000',
        'pro_or_vip' => "segment('vip') or 'pro' in groups",
        'recent' => 'days_since_first_order < 60',
        'frequent' => "orders >= 5 and 'Colissimo' in carriers",
        'gold' => "attr.tier == 'gold'",
        'buyer' => "'REF-42' in bought",
        'p75' => "postcode like '75*'",
        'rich' => 'points >= 100 and country in [\'FR\', \'BE\']',
    ];
    private const INLINE = [
        "'wholesale' in groups", 'orders >= 3', "not ('staff' in groups)", 'spent > 10000 or points > 50',
        "country == 'FR'", 'days_since_last_order <= 30', "lower(city) == 'paris'", 'count(bought) >= 2',
    ];

    private static function chance(int $percent): bool
    {
        return mt_rand(1, 100) <= $percent;
    }

    private static function pick(array $items): mixed
    {
        return $items[mt_rand(0, count($items) - 1)];
    }

    /** A percent as settings take it, odd ones included (33.33, 0.01, 99.99). */
    private static function percent(): int|float
    {
        return match (mt_rand(0, 6)) {
            0 => mt_rand(0, 100),
            1 => mt_rand(1, 20) * 5,
            2 => mt_rand(1, 999) / 10,
            3 => self::pick([33.33, 0.01, 99.99, 12.5, 66.67, 0.5, 100, 0]),
            default => mt_rand(1, 9999) / 100,
        };
    }

    /** Money, mostly shop-sized, now and then 0, tiny or huge. */
    private static function money(int $typical): int
    {
        return match (mt_rand(0, 19)) {
            0 => 0,
            1 => 1,
            2 => mt_rand(0, intdiv(PHP_INT_MAX, 1000)),
            3 => mt_rand(0, PHP_INT_MAX),
            default => mt_rand(0, $typical),
        };
    }

    private static function carriers(): array
    {
        $list = [];
        for ($n = mt_rand(1, 3); $n > 0; $n--) {
            $list[] = self::pick(self::CARRIERS);
        }
        return array_values(array_unique($list));
    }

    /** The gift of a tier (advantage) or a bracket (loyalty). */
    private static function gift(bool $bracket, int $from, string $rankBy): array
    {
        $g = [];
        if ($from > 0 || self::chance(50)) {
            $g['from'] = $from;
        }
        $kind = mt_rand(0, $bracket ? 3 : 2);
        if ($kind === 0) {
            $g['discount'] = self::money(5000);
        } elseif ($kind === 1) {
            $g['discount_percent'] = self::percent();
        } elseif ($kind === 3) {
            $g['rate'] = ['points' => self::pick([1, 10, 10, 100, mt_rand(1, 500)]), 'value' => self::pick([0, 1, 100, 100, 500, mt_rand(0, 10000)])];
        }
        if ($kind === 2 || self::chance(25)) {
            $g['free_shipping'] = true;
            if (self::chance(50)) {
                $g['carriers'] = self::carriers();
            }
        } elseif (self::chance(10)) {
            $g['free_shipping'] = false;
        }
        if ($bracket && !isset($g['rate']) && self::chance(35)) {
            $g['cost'] = self::pick([0, $from, intdiv($from, 2), $from * 2, mt_rand(0, 1000)]);
        }
        return $g;
    }

    public static function settings(): array
    {
        $s = [];
        if (self::chance(60)) {
            $s['rounding'] = self::pick(['half_up', 'half_even', 'down']);
        }
        $names = [];
        if (self::chance(60)) {
            $keys = array_keys(self::SEGMENTS);
            shuffle($keys);
            foreach (array_slice($keys, 0, mt_rand(1, 4)) as $name) {
                if ($name === 'pro_or_vip' && !isset($s['segments']['vip'])) {
                    $s['segments']['vip'] = self::SEGMENTS['vip'];
                    $names[] = 'vip';
                }
                $s['segments'][$name] = self::SEGMENTS[$name];
                $names[] = $name;
            }
        }
        $advantages = [];
        for ($n = self::pick([0, 1, 1, 2, 2, 3, 4, 6]), $i = 0; $i < $n; $i++) {
            $a = ['id' => self::pick(['vip', 'a', 'wholesale', 'x']) . $i];
            if (self::chance(30)) {
                $a['label'] = 'Label ' . $i;
            }
            $seg = mt_rand(0, 9);
            if ($seg <= 2) {
                $a['segment'] = self::pick(self::BUILT_IN);
            } elseif ($seg <= 5 && $names !== []) {
                $a['segment'] = self::pick($names);
            } elseif ($seg <= 7) {
                $a['segment'] = self::pick(self::INLINE);
            }
            foreach (['earn_points' => 20, 'with_voucher' => 40, 'combinable' => 40] as $k => $pct) {
                if (self::chance($pct)) {
                    $a[$k] = $k === 'earn_points' ? self::chance(30) : self::chance(50);
                }
            }
            $from = self::pick([0, 0, 0, 1000, 5000, 20000, mt_rand(0, 100000)]);
            for ($t = mt_rand(1, 4); $t > 0; $t--) {
                $a['tiers'][] = self::gift(false, $from, 'points');
                if ($from < PHP_INT_MAX - 100000 && !self::chance(10)) {
                    $from += self::pick([1, 100, 1000, 5000, mt_rand(0, 20000)]);
                }
                if (self::chance(3)) {
                    $from = mt_rand(0, PHP_INT_MAX);
                }
            }
            if (self::chance(15)) {
                shuffle($a['tiers']);
            }
            $advantages[] = $a;
        }
        if ($advantages !== [] || self::chance(20)) {
            $s['advantages'] = $advantages;
        }
        if (self::chance(75)) {
            $s['loyalty'] = self::loyalty();
        }
        return $s;
    }

    private static function loyalty(): array
    {
        $l = [];
        $rankBy = self::pick(['points', 'points', 'orders', 'lifetime_points']);
        if (self::chance(80)) {
            $l['earn'] = self::chance(75)
                ? ['per_amount' => self::pick([1, 100, 100, 1000, mt_rand(1, 5000)])] + (self::chance(60) ? ['points' => mt_rand(0, 5)] : [])
                : ['per_order' => mt_rand(0, 100)];
        }
        foreach (['earn_with_voucher', 'earn_with_loyalty_discount'] as $k) {
            if (self::chance(40)) {
                $l[$k] = self::chance(50);
            }
        }
        if (self::chance(70)) {
            $sp = [];
            if (self::chance(70)) {
                $sp['policy'] = self::pick(['lose_used', 'lose_all', 'keep_all']);
            }
            if (self::chance(30)) {
                $sp['from_order'] = mt_rand(1, 6);
            }
            if (self::chance(30)) {
                $sp['min_cart'] = self::money(10000);
            }
            foreach (['with_voucher', 'with_advantage'] as $k) {
                if (self::chance(50)) {
                    $sp[$k] = self::chance(75);
                }
            }
            if (self::chance(30)) {
                $sp['max_percent'] = self::percent();
            }
            $l['spend'] = $sp;
        }
        if ($rankBy !== 'points' || self::chance(30)) {
            $l['rank_by'] = $rankBy;
        }
        $from = self::pick([0, 0, 1, 10, 100]);
        for ($n = self::pick([0, 1, 1, 2, 3, 4]); $n > 0; $n--) {
            $l['brackets'][] = self::gift(true, $from, $rankBy);
            $from += self::pick([0, 1, 5, 10, 50, 100, mt_rand(0, 300)]);
        }
        if (self::chance(10)) {
            $l['expiry'] = ['days' => mt_rand(1, 730)] + (self::chance(50) ? ['mode' => self::pick(['rolling', 'per_lot'])] : [])
                + (self::chance(50) ? ['warn_days' => [30, 7]] : []);
        }
        if (self::chance(10)) {
            $l['rewards'] = ['threshold' => mt_rand(1, 5000),
                'coupon' => (self::chance(50) ? ['discount' => 1000] : ['discount_percent' => 10]) + ['min_cart' => 10000, 'valid_days' => 90]];
        }
        if (self::chance(10)) {
            $l['pending_days'] = mt_rand(0, 30);
        }
        return $l;
    }

    public static function cart(): array
    {
        $c = [];
        if (self::chance(80)) {
            $n = self::pick([1, 1, 2, 3, 4, 5, 8, mt_rand(1, 30), mt_rand(1, 120)]);
            $huge = self::chance(4);
            for ($i = 0; $i < $n; $i++) {
                $qty = self::pick([1, 1, 1, 2, 3, mt_rand(1, 10), mt_rand(1, 1000)]);
                $price = $huge
                    ? mt_rand(0, intdiv(intdiv(PHP_INT_MAX, 1000), $n * $qty))
                    : self::pick([1, 1, 99, 333, 1999, mt_rand(0, 20000), mt_rand(0, 200000)]);
                $line = ['sku' => 'SKU-' . $i, 'qty' => $qty, 'price' => $price];
                if (self::chance(20)) {
                    $line['category'] = self::pick(['books', 'toys', 'food']);
                }
                $c['lines'][] = $line;
            }
        } elseif (self::chance(80)) {
            $c['subtotal'] = self::money(50000);
        }
        if (self::chance(1)) {
            // Past the 64-bit limit somewhere: every engine must throw the same InputException.
            match (mt_rand(0, 2)) {
                0 => $c['lines'] = [['sku' => 'BIG', 'qty' => mt_rand(2, 1000), 'price' => intdiv(PHP_INT_MAX, 2) + mt_rand(0, 1000)]],
                1 => $c['lines'] = [['sku' => 'A', 'qty' => 1, 'price' => PHP_INT_MAX - mt_rand(0, 10)], ['sku' => 'B', 'qty' => 1, 'price' => mt_rand(11, 1000)]],
                default => $c['shipping'] = PHP_INT_MAX - mt_rand(0, 100),
            };
        }
        if (self::chance(75)) {
            $c['carrier'] = self::pick(self::CARRIERS);
        }
        if (!isset($c['shipping']) && self::chance(75)) {
            $c['shipping'] = self::pick([0, 490, 990, mt_rand(0, 3000), mt_rand(0, 3000)]);
        }
        if (self::chance(20)) {
            $c['vouchers'] = self::chance(85) ? ['PROMO' . mt_rand(1, 9)] : [];
        }
        if (self::chance(20)) {
            $c['voucher_discount'] = self::pick([0, 500, 1000, mt_rand(0, 100000), mt_rand(0, intdiv(PHP_INT_MAX, 1000))]);
        }
        if (self::chance(30)) {
            $c['use_points'] = self::pick([true, false, 0, 1, 10, 50, mt_rand(0, 1000)]);
        }
        return $c;
    }

    private static function date(): int|string|null
    {
        $t = self::NOW - mt_rand(0, 3 * 365 * 86400);
        return match (mt_rand(0, 3)) {
            0 => $t,
            1 => null,
            default => date('Y-m-d H:i:s', $t),
        };
    }

    /** A customer for a program (a ledger only where the oracle reads it: no expiry, no pending days). */
    public static function customer(array $settings = []): array
    {
        $ledgerOk = !isset($settings['loyalty']['expiry']) && empty($settings['loyalty']['pending_days']);
        $u = ['id' => mt_rand(1, 100000)];
        if (self::chance(30)) {
            $u['active'] = self::chance(70);
        }
        if (self::chance(60)) {
            $u['groups'] = array_values(array_unique([self::pick(self::GROUPS), self::pick(self::GROUPS)]));
        }
        if (self::chance(85)) {
            $u['orders'] = self::pick([0, 1, 1, 2, 3, 5, 10, mt_rand(0, 40)]);
        }
        if (self::chance(60)) {
            $u['spent'] = self::money(200000);
        }
        if (self::chance(60)) {
            $u['first_order'] = self::date();
        }
        if (self::chance(60)) {
            $u['last_order'] = self::date();
        }
        if (self::chance(50)) {
            $u['city'] = self::pick(self::CITIES);
        }
        if (self::chance(40)) {
            $u['postcode'] = self::pick(['75001', '69002', '75116', '59000']);
        }
        if (self::chance(40)) {
            $u['country'] = self::pick(['FR', 'BE', 'DE']);
        }
        if (self::chance(40)) {
            $u['carriers'] = self::carriers();
        }
        if (self::chance(30)) {
            $u['bought'] = self::pick([['REF-42'], ['REF-1', 'REF-2'], []]);
        }
        if ($ledgerOk && self::chance(10)) {
            // A ledger instead of points: earns and grants, spends never more than the balance.
            $balance = 0;
            $t = self::NOW - mt_rand(100, 400) * 86400;
            for ($n = mt_rand(1, 6); $n > 0; $n--) {
                $t += mt_rand(0, 60) * 86400;
                $type = $balance > 0 && self::chance(30) ? 'spend' : self::pick(['earn', 'earn', 'grant']);
                $points = $type === 'spend' ? mt_rand(1, $balance) : self::pick([1, 10, 50, mt_rand(0, 500)]);
                $balance += $type === 'spend' ? -$points : $points;
                $u['ledger'][] = ['type' => $type, 'points' => $points,
                    'at' => self::chance(50) ? min($t, self::NOW) : date('Y-m-d H:i:s', min($t, self::NOW)), 'ref' => 'o' . $n];
            }
        } elseif (self::chance(85)) {
            $u['points'] = self::pick([0, 5, 9, 10, 50, 99, 100, 150, mt_rand(0, 1000), mt_rand(0, 100000)]);
        }
        if (self::chance(30)) {
            $u['lifetime_points'] = mt_rand(0, 2000);
        }
        if (self::chance(20)) {
            $u['attributes'] = ['tier' => self::pick(['gold', 'silver'])];
        }
        return $u;
    }

    /**
     * Now and then, moves thresholds onto the case's own values (a tier's from = subtotal or
     * subtotal + 1, min_cart = subtotal, from_order = orders + 1, a bracket's from or cost =
     * the points): the boundaries where < and <= part.
     */
    public static function boundaries(array $s, array $cart, array $customer): array
    {
        if (!self::chance(25)) {
            return $s;
        }
        $subtotal = $cart['subtotal'] ?? 0;
        if (isset($cart['lines'])) {
            $subtotal = 0;
            foreach ($cart['lines'] as $line) {
                $subtotal += $line['qty'] * $line['price'];
            }
            if (!is_int($subtotal)) {
                return $s;
            }
        }
        $near = fn (int $v) => $v + ($v < PHP_INT_MAX && self::chance(30) ? 1 : 0) - ($v > 0 && self::chance(20) ? 1 : 0);
        foreach ($s['advantages'] ?? [] as $i => $a) {
            if (self::chance(50)) {
                $s['advantages'][$i]['tiers'][mt_rand(0, count($a['tiers']) - 1)]['from'] = $near($subtotal);
            }
        }
        if (isset($s['loyalty'])) {
            $points = $customer['points'] ?? 0;
            if (self::chance(30)) {
                $s['loyalty']['spend']['min_cart'] = $near($subtotal);
            }
            if (self::chance(30)) {
                $s['loyalty']['spend']['from_order'] = max(1, $near(($customer['orders'] ?? 0) + 1));
            }
            foreach ($s['loyalty']['brackets'] ?? [] as $j => $b) {
                if (self::chance(40)) {
                    $s['loyalty']['brackets'][$j]['from'] = $near(match ($s['loyalty']['rank_by'] ?? 'points') {
                        'points' => $points, 'orders' => $customer['orders'] ?? 0, 'lifetime_points' => $customer['lifetime_points'] ?? 0 });
                }
                if (!isset($b['rate']) && self::chance(30)) {
                    $s['loyalty']['brackets'][$j]['cost'] = $near(min($points, is_int($cart['use_points'] ?? null) ? $cart['use_points'] : PHP_INT_MAX));
                }
                if (isset($b['rate']) && self::chance(30) && $points > 0) {
                    $s['loyalty']['brackets'][$j]['rate']['points'] = max(1, $near($points));
                }
            }
        }
        return $s;
    }

    public static function now(): int|string
    {
        return self::chance(20) ? date('Y-m-d H:i:s', self::NOW) : self::NOW;
    }
}
