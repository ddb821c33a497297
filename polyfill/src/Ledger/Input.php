<?php

declare(strict_types=1);

namespace Loyalty\Polyfill\Ledger;

use DateTimeInterface;
use Loyalty\InputException;
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

    /** An unknown key of entries[$i] (the first in order) is an InputException. */
    private static function checkKeys(array $entry, int $i): void
    {
        foreach ($entry as $key => $_) {
            if (is_int($key) || !isset(self::KEYS[$key])) {
                throw new InputException(sprintf('entries[%d].%s: unknown key', $i, is_int($key) ? $key : self::cstr($key, 64)), 3);
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

    /**
     * A date parameter typed int|string|DateTimeInterface: other scalars as an int parameter
     * takes them (coercive mode), anything else is a TypeError. (Declared `mixed`, because PHP
     * would turn a float into a string for that union; so unlike the extension, a caller under
     * strict_types also gets a float or bool coerced rather than a TypeError.)
     */
    public static function dateArg(mixed $v, int $argNum, string $param, string $method, string $path): int
    {
        if (is_int($v) || is_string($v) || $v instanceof DateTimeInterface) {
            return Time::at($v, time(), $path, InputException::class);
        }
        if (is_bool($v)) {
            return (int) $v;
        }
        if (is_float($v) && !is_nan($v) && $v >= -9.2233720368547758E18 && $v < 9.2233720368547758E18) {
            return $v | 0; // a fractional part raises PHP's own "Implicit conversion ... loses precision" deprecation
        }
        throw new \TypeError(sprintf('%s(): Argument #%d ($%s) must be of type DateTimeInterface|string|int, %s given',
            $method, $argNum, $param, self::typeName($v)));
    }

    /** An optional date parameter ($at of balance() and co.): null is the current time. */
    public static function now(mixed $v, int $argNum, string $param, string $method): int
    {
        if ($v === null) {
            return time();
        }
        if (is_array($v) || (is_object($v) && !$v instanceof DateTimeInterface)) {
            throw new \TypeError(sprintf('%s(): Argument #%d ($%s) must be of type DateTimeInterface|string|int|null, %s given',
                $method, $argNum, $param, self::typeName($v)));
        }
        return self::dateArg($v, $argNum, $param, $method, 'now');
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
     * Stored entries (any order) -> parallel lists, checked as read_entry() does.
     * @return array{list<int>, list<int>, list<int>, list<string>}
     */
    public static function entries(array $entries): array
    {
        $now = time();
        $types = $points = $ats = $refs = [];
        $i = 0;
        foreach ($entries as $entry) {
            if (!is_array($entry)) {
                throw new InputException(sprintf('entries[%d]: expected array, got %s', $i, self::typeName($entry)), 3);
            }
            $type = $entry['type'] ?? null;
            $p = $entry['points'] ?? null;
            $at = $entry['at'] ?? null;
            $ref = $entry['ref'] ?? null;
            if (count($entry) !== (int) ($type !== null) + (int) ($p !== null) + (int) ($at !== null) + (int) ($ref !== null)) {
                self::checkKeys($entry, $i); // an unknown key, or a known one set to null
            }
            $t = is_string($type) ? self::TYPE_IDS[$type] ?? null : null;
            if ($t === null) {
                throw new InputException(sprintf('entries[%d].type: %s, got %s', $i, self::TYPE_EXPECTED, is_string($type)
                    ? "'" . self::cstr($type, 32) . "'" : (array_key_exists('type', $entry) ? self::typeName($type) : 'nothing')), 3);
            }
            if (!is_int($p) || $p < 0) {
                throw new InputException(sprintf('entries[%d].points: expected int >= 0, got %s', $i,
                    !array_key_exists('points', $entry) ? 'nothing' : (is_int($p) ? 'a negative int' : self::typeName($p))), 3);
            }
            if (!is_int($at)) {
                if ($at === null && !array_key_exists('at', $entry)) {
                    throw new InputException(sprintf('entries[%d].at: is required', $i), 3);
                }
                $at = Time::at($at, $now, "entries[$i].at", InputException::class);
            }
            if ($ref === null) {
                $ref = '';
            } elseif (!is_string($ref)) {
                throw new InputException(sprintf('entries[%d].ref: expected string, got %s', $i, self::typeName($ref)), 3);
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
