<?php
// Deterministic workloads for the benchmarks: the same seed gives the same settings,
// customers and carts on every machine (mt_rand's seeded sequence is fixed).
declare(strict_types=1);

namespace Loyalty\Bench;

const CITIES = ['Paris', 'Lyon', 'Marseille', 'Lille', 'Nantes', 'Bordeaux', 'Brussels', 'Liege'];
const COUNTRIES = ['FR', 'FR', 'FR', 'BE', 'NL', 'LU', 'DE'];
const GROUPS = ['VIP', 'pro', 'wholesale', 'newsletter', 'staff'];
const CARRIERS = ['Colissimo', 'Chronopost', 'SoColissimo', 'Mondial Relay'];
const NOW = 1795000000; // 2026-11-18

function pick(array $list): mixed
{
    return $list[mt_rand(0, count($list) - 1)];
}

function some(array $list, int $max): array
{
    $out = [];
    foreach ($list as $item) {
        if (count($out) < $max && mt_rand(0, 2) === 0) {
            $out[] = $item;
        }
    }
    return $out;
}

/** 12 custom segments, 8 advantages with 3 tiers, loyalty with 4 brackets. */
function typical_settings(): array
{
    return [
        'segments' => [
            'vip' => "'VIP' in groups or spent >= 100000",
            'vip_paris' => "segment('vip') and city == 'Paris'",
            'pro_paris' => "'pro' in groups and postcode like '75*'",
            'regulars' => "orders >= 5 and 'Colissimo' in carriers",
            'lapsed' => 'days_since_last_order > 180 and spent >= 50000',
            'ref42' => "'REF-42' in bought",
            'benelux' => "country in ['BE', 'NL', 'LU']",
            'big_spenders' => 'spent >= 200000',
            'new_recent' => 'days_since_first_order < 60 and orders <= 2',
            'wholesale' => "'wholesale' in groups",
            'pointy' => 'points >= 500',
            'staff' => "lower(attr.role) == 'staff' or 'staff' in groups",
        ],
        'advantages' => array_map(fn(int $i, string $segment) => [
            'id' => "adv$i",
            'segment' => $segment,
            'combinable' => $i % 3 === 0,
            'with_voucher' => $i % 2 === 0,
            'earn_points' => $i !== 5,
            'tiers' => [
                ['from' => 5000 + 1000 * $i, 'discount' => 300 + 50 * $i],
                ['from' => 15000 + 1000 * $i, 'discount_percent' => 5 + $i],
                ['from' => 30000, 'discount_percent' => 10 + $i, 'free_shipping' => true, 'carriers' => ['Colissimo', 'Chronopost']],
            ],
        ], range(0, 7), ['vip', 'vip_paris', 'pro_paris', 'regulars', 'lapsed', 'wholesale', 'benelux', "segment('big_spenders') and orders > 3"]),
        'loyalty' => [
            'earn' => ['per_amount' => 100, 'points' => 1],
            'spend' => ['policy' => 'lose_used', 'from_order' => 2, 'min_cart' => 3000, 'with_advantage' => true],
            'brackets' => [
                ['from' => 10, 'rate' => ['points' => 10, 'value' => 100]],
                ['from' => 300, 'discount' => 2000, 'cost' => 300],
                ['from' => 600, 'discount_percent' => 10],
                ['from' => 1000, 'free_shipping' => true, 'carriers' => ['Colissimo']],
            ],
            'expiry' => ['days' => 365, 'mode' => 'rolling', 'warn_days' => [60, 30, 14, 7]],
        ],
    ];
}

/** A customer row as a shop's database gives it (dates as MySQL strings). */
function customer(int $id): array
{
    $orders = mt_rand(0, 3) === 0 ? 0 : mt_rand(1, 40);
    $row = [
        'id' => $id,
        'active' => mt_rand(0, 50) !== 0,
        'groups' => some(GROUPS, 2),
        'orders' => $orders,
        'spent' => $orders * mt_rand(1000, 20000),
        'city' => pick(CITIES),
        'postcode' => sprintf('%05d', mt_rand(1000, 95999)),
        'country' => pick(COUNTRIES),
        'carriers' => some(CARRIERS, 2),
        'bought' => mt_rand(0, 9) === 0 ? ['REF-42', 'REF-7'] : ['REF-7'],
        'points' => mt_rand(0, 1500),
        'attributes' => ['role' => mt_rand(0, 20) === 0 ? 'Staff' : 'buyer'],
    ];
    if ($orders > 0) {
        $first = NOW - mt_rand(1, 1500) * 86400;
        $row['first_order'] = date('Y-m-d H:i:s', $first);
        $row['last_order'] = date('Y-m-d H:i:s', min(NOW - 3600, $first + mt_rand(0, 1400) * 86400));
    }
    return $row;
}

/** A cart of 5 to 30 lines. */
function cart(): array
{
    $lines = [];
    for ($i = 0, $n = mt_rand(5, 30); $i < $n; $i++) {
        $lines[] = ['sku' => 'SKU-' . mt_rand(1, 5000), 'qty' => mt_rand(1, 4), 'price' => mt_rand(99, 4999)];
    }
    $cart = ['lines' => $lines, 'carrier' => pick(CARRIERS), 'shipping' => pick([0, 490, 690, 990])];
    if (mt_rand(0, 9) === 0) {
        $cart['vouchers'] = ['WELCOME'];
        $cart['voucher_discount'] = 500;
    }
    return $cart;
}

/** @return list<array{0: array, 1: array}> cart and customer pairs */
function pairs(int $count, int $seed): array
{
    mt_srand($seed);
    $pairs = [];
    for ($i = 0; $i < $count; $i++) {
        $pairs[] = [cart(), customer($i + 1)];
    }
    return $pairs;
}

function customers(int $count, int $seed): \Generator
{
    mt_srand($seed);
    for ($i = 0; $i < $count; $i++) {
        yield customer($i + 1);
    }
}

/** $count advantages, each with its own inline segment and two tiers. */
function scaling_settings(int $count): array
{
    $advantages = [];
    for ($i = 0; $i < $count; $i++) {
        $advantages[] = [
            'id' => "a$i",
            'segment' => sprintf("orders >= %d and city == '%s'", $i % 50, CITIES[$i % count(CITIES)] . ($i % 13)),
            'tiers' => [['from' => ($i % 30) * 1000, 'discount' => 100 + $i % 500], ['from' => 40000, 'discount_percent' => 5]],
        ];
    }
    return ['advantages' => $advantages];
}

/**
 * Many rules that apply (issue 13's scaling case): $segments custom segments, a customer in
 * about a fifth of them, $count advantages of 3 tiers spread over the segments, half of them
 * combinable.
 */
function many_rules_settings(int $count, int $segments = 100): array
{
    $defs = [];
    for ($s = 0; $s < $segments; $s++) {
        $defs["s$s"] = sprintf('attr.band == %d and orders >= %d', $s % 5, $s % 3);
    }
    $advantages = [];
    for ($i = 0; $i < $count; $i++) {
        $advantages[] = [
            'id' => "m$i",
            'segment' => 's' . ($i % $segments),
            'combinable' => $i % 2 === 0,
            'tiers' => [
                ['from' => 1000 + $i % 7 * 500, 'discount' => 10 + $i % 90],
                ['from' => 20000 + $i % 11 * 1000, 'discount_percent' => 1 + $i % 4],
                ['from' => 60000, 'discount_percent' => 5, 'free_shipping' => true],
            ],
        ];
    }
    return ['segments' => $defs, 'advantages' => $advantages];
}

/** A customer of many_rules_settings(): in the segments of one band, with 2 to 40 orders. */
function many_rules_pairs(int $count, int $seed): array
{
    mt_srand($seed);
    $pairs = [];
    for ($i = 0; $i < $count; $i++) {
        $lines = [];
        for ($l = 0; $l < 20; $l++) {
            $lines[] = ['sku' => 'SKU-' . mt_rand(1, 5000), 'qty' => mt_rand(1, 4), 'price' => mt_rand(99, 4999)];
        }
        $pairs[] = [
            ['lines' => $lines, 'carrier' => pick(CARRIERS), 'shipping' => 690],
            ['id' => $i + 1, 'orders' => mt_rand(2, 40), 'spent' => mt_rand(0, 500000), 'attributes' => ['band' => mt_rand(0, 4)]],
        ];
    }
    return $pairs;
}
