<?php

declare(strict_types=1);

namespace Loyalty\Polyfill\Ledger;

use Loyalty\InputException;
use Loyalty\Polyfill\Args;
use Loyalty\Polyfill\Time;

/**
 * @internal Ledger arguments and stored entries -> ints, with the extension's messages
 * (ext/loyalty_ledger.c read_entry(), ext/convert.c php_loyalty_date_arg()/php_loyalty_now()).
 */
final class Input
{
    private const TYPE_EXPECTED = "expected 'earn', 'grant', 'spend' or 'reward'";
    private const KEYS = ['type' => true, 'points' => true, 'at' => true, 'ref' => true];
    private const TYPE_IDS = ['earn' => State::EARN, 'grant' => State::GRANT, 'spend' => State::SPEND, 'reward' => State::REWARD];

    /** An unknown key of $prefix[$i] (the first in order) is an InputException. */
    private static function checkKeys(array $entry, string $prefix, int $i): void
    {
        foreach ($entry as $key => $_) {
            if (is_int($key) || !isset(self::KEYS[$key])) {
                throw new InputException(sprintf('%s[%d].%s: unknown key', $prefix, $i, is_int($key) ? $key : Args::printable($key)), 3);
            }
        }
    }

    /** The type name PHP's own messages use (zend_zval_type_name()). */
    public static function typeName(mixed $v): string
    {
        if (is_object($v)) {
            return self::cstr(get_class($v));
        }
        return is_resource($v) || gettype($v) === 'resource (closed)' ? 'resource' : get_debug_type($v);
    }

    /** What printf's "%.Ns" shows of a string: up to a NUL byte, at most $max bytes. */
    public static function cstr(string $s, ?int $max = null): string
    {
        $nul = strpos($s, "\0");
        if ($nul !== false) {
            $s = substr($s, 0, $nul);
        }
        return $max === null ? $s : substr($s, 0, $max);
    }

    /** A date parameter typed int|string|DateTimeInterface, read as ext/convert.c date_arg() does. */
    public static function dateArg(mixed $v, int $argNum, string $param, string $method, string $path): int
    {
        return is_int($v) ? $v : Time::arg($v, $argNum, $param, $method, $path, false);
    }

    /** An optional date parameter ($at of balance() and co., named `at`): null is the current time. */
    public static function now(mixed $v, int $argNum, string $param, string $method): int
    {
        return is_int($v) ? $v : Time::arg($v, $argNum, $param, $method, $param, true);
    }

    /** The internal-function message for a wrong number of arguments. */
    public static function checkCount(string $method, int $given, int $min, int $max): void
    {
        if ($given >= $min && $given <= $max) {
            return;
        }
        $n = $given < $min ? $min : $max;
        throw new \ArgumentCountError(sprintf('%s() expects %s %d argument%s, %d given', $method,
            $min === $max ? 'exactly' : ($given < $min ? 'at least' : 'at most'), $n, $n === 1 ? '' : 's', $given));
    }

    /**
     * Stored entries (any order) -> parallel lists, checked as read_entry() does; messages name
     * them $prefix[N] ("entries", or "customer.ledger" for a customer's); relative date strings
     * are read against $now (the real time, or the $now of a question about a customer).
     * @return array{list<int>, list<int>, list<int>, list<string>}
     */
    public static function entries(array $entries, string $prefix = 'entries', ?int $now = null): array
    {
        $now ??= time();
        $types = $points = $ats = $refs = [];
        $i = 0;
        foreach ($entries as $entry) {
            if (!is_array($entry)) {
                throw new InputException(sprintf('%s[%d]: expected array, got %s', $prefix, $i, self::typeName($entry)), 3);
            }
            $type = $entry['type'] ?? null;
            $p = $entry['points'] ?? null;
            $at = $entry['at'] ?? null;
            $ref = $entry['ref'] ?? null;
            if (count($entry) !== (int) ($type !== null) + (int) ($p !== null) + (int) ($at !== null) + (int) ($ref !== null)) {
                self::checkKeys($entry, $prefix, $i); // an unknown key, or a known one set to null
            }
            $t = is_string($type) ? self::TYPE_IDS[$type] ?? null : null;
            if ($t === null) {
                throw new InputException(sprintf('%s[%d].type: %s, got %s', $prefix, $i, self::TYPE_EXPECTED, is_string($type)
                    ? "'" . Args::printable($type) . "'" : (array_key_exists('type', $entry) ? self::typeName($type) : 'nothing')), 3);
            }
            if (!is_int($p) || $p < 0) {
                throw new InputException(sprintf('%s[%d].points: expected int >= 0, got %s', $prefix, $i,
                    !array_key_exists('points', $entry) ? 'nothing' : (is_int($p) ? 'a negative int' : self::typeName($p))), 3);
            }
            if (!is_int($at)) {
                if ($at === null && !array_key_exists('at', $entry)) {
                    throw new InputException(sprintf('%s[%d].at: is required', $prefix, $i), 3);
                }
                $at = Time::at($at, $now, "{$prefix}[$i].at", InputException::class);
            }
            if ($ref === null) {
                $ref = '';
            } elseif (!is_string($ref)) {
                throw new InputException(sprintf('%s[%d].ref: expected string, got %s', $prefix, $i, self::typeName($ref)), 3);
            }
            $types[] = $t;
            $points[] = $p;
            $ats[] = $at;
            $refs[] = $ref;
            $i++;
        }
        return [$types, $points, $ats, $refs];
    }
}
