<?php
/*
 * The random segment expressions of the differentials (scripts/differential_segments.php,
 * scripts/differential_sql.php): condition() gives one from the grammar of SPEC 5, with
 * decimal literals, int extremes, attributes of every kind and segment() references to 'a',
 * 'b' and built-ins. Seeded by the caller's mt_srand().
 */
declare(strict_types=1);
const FIELDS_NUM = ['orders', 'spent', 'points', 'lifetime_points', 'days_since_first_order', 'days_since_last_order'];
const FIELDS_STR = ['city', 'postcode', 'country'];
const FIELDS_LIST = ['groups', 'carriers', 'bought'];
const WORDS = ['VIP', 'pro', 'Paris', 'paris', 'PARIS', '75001', '75*', '7?0*', '*', '', 'FR', 'BE', 'Colissimo', "it's", 'a\\b', 'Île', '*ar*', 'p*r*s', 'c*l*s*o'];

function pick(array $a): mixed
{
    return $a[array_rand($a)];
}

function chance(int $p): bool
{
    return mt_rand(1, 100) <= $p;
}

function str(string $s): string
{
    return chance(50) ? "'" . str_replace(['\\', "'"], ['\\\\', "\\'"], $s) . "'"
        : '"' . str_replace(['\\', '"'], ['\\\\', '\\"'], $s) . '"';
}

function number(): string
{
    return match (mt_rand(0, 11)) {
        0 => (string) PHP_INT_MAX,
        1 => '9223372036854775808',
        2 => mt_rand(0, 99) . '.' . mt_rand(0, 99),
        3 => '0.' . str_repeat('0', mt_rand(0, 20)) . mt_rand(1, 9),
        4 => '1234567890123456789.5',
        5 => '12345678901234567890.5',
        6, 7 => decimal(),
        default => (string) mt_rand(0, 1000),
    };
}

/**
 * Decimal literals where binary floats go wrong (0.1, 4.35, 80.15, ...), with up to 6 decimals
 * (7 is a compile error), trailing zeros, and around the decimal range (9223372036854.775807).
 */
function decimal(): string
{
    return match (mt_rand(0, 9)) {
        0 => pick(['0.1', '0.2', '0.3', '0.7', '1.1', '1.15', '2.675', '4.35', '19.99', '80.15', '0.000001', '0.30']),
        1 => mt_rand(0, 999) . '.' . str_pad((string) mt_rand(0, 999999), mt_rand(6, 7), '0', STR_PAD_LEFT),
        2 => mt_rand(0, 99) . '.' . mt_rand(0, 99) . str_repeat('0', mt_rand(0, 12)),
        3 => pick(['9223372036854.775807', '9223372036854.775808', '9223372036854', '9223372036855', '9223372036854.5',
            '3037000.5', '3037000.4', '0.0000005']),
        4 => mt_rand(0, 9223372) . '.' . mt_rand(0, 999999),
        5 => longLiteral(),
        default => mt_rand(0, 100) . '.' . mt_rand(0, 99),
    };
}

/** 16 to 19 digits with 0 to 9 decimals (the literals binary floats cannot hold: issue 19). */
function longLiteral(): string
{
    $n = mt_rand(16, 19);
    $digits = (string) mt_rand(1, 9);
    for ($i = 1; $i < $n; $i++) {
        $digits .= mt_rand(0, 9);
    }
    $decimals = mt_rand(0, 9);
    return $decimals ? substr($digits, 0, $n - $decimals) . '.' . substr($digits, $n - $decimals) : $digits;
}

/** A float attribute that binary rounding or its printed digits make interesting. */
function floatAttr(): float
{
    return match (mt_rand(0, 7)) {
        0 => pick([0.1 + 0.2, 0.3, 1 / 3, 2 / 3, -2 / 3, 19.99, 4.35, 80.15, 24045 / 300, 0.1 + 0.7, 1.15 * 100]),
        1 => mt_rand(-100000, 100000) / 100,
        2 => mt_rand(0, 1000000) / mt_rand(1, 9999),
        3 => mt_rand() / mt_getrandmax() * pick([1, 1000, 1e9, 1e13]),
        4 => pick([1.5e-6, -1.5e-6, 1e-7, 9223372036854.775, -9223372036854.775, 9.3e12, -0.0, 1e-300, 1e15,
            PHP_FLOAT_EPSILON, PHP_FLOAT_MAX, 5.0]),
        5 => neighbour((float) longLiteral()),
        default => mt_rand(0, 999999) / 1000000 + mt_rand(0, 100),
    };
}

/** $x or one of the two floats next to it. */
function neighbour(float $x): float
{
    return unpack('d', pack('q', unpack('q', pack('d', $x))[1] + mt_rand(-1, 1)))[1];
}

/** A random value expression of a kind: num, str, list, bool, dyn. */
function value(string $kind, int $depth): string
{
    $deep = $depth > 3;
    switch ($kind) {
        case 'num':
            return match ($deep ? mt_rand(0, 1) : mt_rand(0, 6)) {
                0 => number(),
                1 => pick(FIELDS_NUM),
                2 => value('num', $depth + 1) . ' ' . pick(['+', '-', '*', '/']) . ' ' . value('num', $depth + 1),
                3 => '(' . value('num', $depth + 1) . ')',
                4 => 'count(' . value('list', $depth + 1) . ')',
                5 => 'attr.' . pick(['n', 'x', 'big']),
                default => pick(FIELDS_NUM),
            };
        case 'str':
            return match ($deep ? mt_rand(0, 1) : mt_rand(0, 3)) {
                0 => str(pick(WORDS)),
                1 => pick(FIELDS_STR),
                2 => 'lower(' . value('str', $depth + 1) . ')',
                default => 'attr.' . pick(['s', 'x']),
            };
        case 'list':
            if ($deep || chance(50)) {
                return pick(FIELDS_LIST);
            }
            $k = pick(['num', 'str', 'bool']);
            $items = [];
            for ($i = 0, $n = mt_rand(0, 3); $i < $n; $i++) {
                $items[] = value($k, $depth + 1);
            }
            return '[' . implode(', ', $items) . ']';
        case 'dyn':
            return 'attr.' . pick(['n', 's', 'b', 'x', 'big']);
        default:
            return condition($depth + 1);
    }
}

function condition(int $depth): string
{
    if ($depth > 5) {
        return pick(['true', 'false', 'active', "segment('a')", 'attr.b']);
    }
    switch (mt_rand(0, 12)) {
        case 0:
            return condition($depth + 1) . ' and ' . condition($depth + 1);
        case 1:
            return condition($depth + 1) . ' or ' . condition($depth + 1);
        case 2:
            return 'not ' . condition($depth + 1);
        case 3:
            return '(' . condition($depth + 1) . ')';
        case 4:
        case 5:
            $k = pick(['num', 'num', 'str', 'bool', 'dyn', 'list']);
            $op = $k === 'list' || $k === 'bool' ? pick(['==', '!=']) : pick(['==', '!=', '<', '<=', '>', '>=']);
            return value($k, $depth + 1) . " $op " . value($k === 'dyn' ? pick(['num', 'str', 'dyn']) : $k, $depth + 1);
        case 6:
            $k = pick(['num', 'str', 'bool']);
            return value($k, $depth + 1) . pick([' in ', ' not in ']) . value('list', $depth + 1);
        case 7:
            return value('str', $depth + 1) . pick([' like ', ' not like ']) . str(pick(WORDS));
        case 8:
            return "segment('" . pick(['a', 'b', 'loyal', 'all', 'first_order_recent', 'disabled']) . "')";
        case 9:
            // decimal arithmetic against a decimal: where float rounding would show
            $operand = static fn(): string => chance(30) ? 'attr.' . pick(['n', 'x']) : (chance(20) ? pick(FIELDS_NUM) : decimal());
            $e = $operand();
            for ($i = 0, $n = mt_rand(1, 3); $i < $n; $i++) {
                $e .= ' ' . pick(['+', '-', '*', '/']) . ' ' . $operand();
            }
            return $e . ' ' . pick(['==', '!=', '<', '<=', '>', '>=']) . ' ' . decimal();
        default:
            return pick(['active', 'true', 'false', 'attr.b', "'VIP' in groups", 'orders >= 2']);
    }
}
