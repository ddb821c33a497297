<?php
declare(strict_types=1);

namespace Loyalty\Polyfill\Settings;

use Loyalty\ConfigException;
use Loyalty\ExpressionException;
use Loyalty\Polyfill\Args;
use Loyalty\Polyfill\Settings\Schedule;
use Loyalty\Polyfill\Expression\Compiler;
use Loyalty\Polyfill\Expression\Expression;

/**
 * @internal Validates, normalizes and compiles settings, with the messages, paths and order of
 * checks of the C loader (src/settings/lty_program.c, lty_settings.c, lty_advantage_load.c,
 * lty_loyalty_load.c). Builds the normalized form (toArray()) as it goes.
 */
final class Loader
{
    private const MAX_NODES = 4000000;
    private const MAX_DEPTH = 32;
    private const MAX_SEGMENTS = 10000;
    private const MAX_SEGMENT_CHAIN = 32; // segment() references in a chain
    private const MAX_ADVANTAGES = 200000;
    private const MAX_TIERS = 1000;
    private const MAX_BRACKETS = 1000;
    private const MAX_LIST = 10000;
    private const MAX_DAYS = 36500;
    private const MAX_MULTIPLIER = 1000;

    private string $path = '';
    /** @var list<string> */
    private array $segmentNames = CompiledProgram::BUILTIN_SEGMENTS;
    /** @var array<string, int> */
    private array $segmentIndex;
    /** @var array<int, Expression|null> */
    private array $exprs = [];
    /** @var array<string, true> */
    private array $attrs = [];
    /** @var array<string, true> attr.NAME of line expressions (SPEC 11) */
    private array $lineAttrs = [];
    /** @var array<int, Expression> advantage index => its `lines` */
    private array $advantageLines = [];
    /** @var array<int, int> segment index => the customer fields its membership reads */
    private array $segmentFieldsList = [];
    /** @var array<string, Expression> `lines` text => its expression, shared */
    private array $sharedLines = [];
    private ?Expression $earnExclude = null;
    /** @var list<array{Expression, int}> earn.bonus: lines, multiplier in hundredths */
    private array $earnBonus = [];
    private int $fields = Compiler::F_BUILTIN;
    /** @var list<int|Expression> */
    private array $advantageSegments = [];
    /** @var list<bool> */
    private array $costGiven = [];
    private string $rankBy = 'points';
    /** the program's timezone, read first: date strings of the settings are read in it */
    private string $timezone = 'UTC';

    private function __construct()
    {
        $this->segmentIndex = array_flip($this->segmentNames);
    }

    public static function load(mixed $settings): CompiledProgram
    {
        $nodes = 0;
        if (is_array($settings) && !self::countNodes($settings, 0, $nodes)) {
            throw new ConfigException('settings: more than ' . self::MAX_NODES . ' values', 1);
        }
        return (new self())->root($settings);
    }

    /** Counts values as the glue does while converting (arrays past the depth limit are not entered). */
    private static function countNodes(array $a, int $depth, int &$nodes): bool
    {
        $nodes += count($a);
        if ($nodes > self::MAX_NODES) {
            return false;
        }
        if ($depth + 1 < self::MAX_DEPTH) {
            foreach ($a as $v) {
                if (is_array($v) && $v && !self::countNodes($v, $depth + 1, $nodes)) {
                    return false;
                }
            }
        }
        return true;
    }

    // ---- helpers (src/settings/lty_settings.c) ----

    public static function typeName(mixed $v): string
    {
        return match (true) {
            $v === null => 'null',
            is_bool($v) => 'bool',
            is_int($v) => 'int',
            is_float($v) => 'float',
            is_string($v) => 'string',
            is_array($v) => array_is_list($v) ? 'list' : 'array',
            is_object($v) => 'object',
            default => 'resource',
        };
    }

    /** `len` bytes for a message: control bytes as \xNN, cut with "..." past the buffer (lty_printable). */
    public static function printable(string $s, int $size): string
    {
        return Args::printable($s, $size);
    }

    private function push(string $key): string
    {
        $old = $this->path;
        $this->path = $old === '' ? $key : "$old.$key";
        return $old;
    }

    private function pushIndex(int $i): string
    {
        $old = $this->path;
        $this->path = "{$old}[$i]";
        return $old;
    }

    private function fail(string $message): never
    {
        if (strlen($message) > 1023) {
            $message = substr($message, 0, 1023);
        }
        throw new ConfigException($this->path === '' ? $message : "{$this->path}: $message", 1);
    }

    private function failAt(string $key, string $message): never
    {
        $this->push($key);
        $this->fail($message);
    }

    private static function isMap(mixed $d): bool
    {
        return is_array($d) && ($d === [] || !array_is_list($d));
    }

    private function expectMap(mixed $d, array $allowed): void
    {
        if ($d === []) {
            return;
        }
        if (!is_array($d) || array_is_list($d)) {
            $this->fail('expected an object (array with string keys), got ' . self::typeName($d));
        }
        foreach ($d as $key => $_) {
            if (!in_array((string) $key, $allowed, true)) {
                $this->failAt(self::printable((string) $key, 128), 'unknown key');
            }
        }
    }

    private function readBool(array $map, string $key, bool $default): bool
    {
        $d = $map[$key] ?? null;
        if ($d === null) {
            return $default;
        }
        if (!is_bool($d)) {
            $this->failAt($key, 'expected bool, got ' . self::typeName($d));
        }
        return $d;
    }

    private function readInt(array $map, string $key, ?int $default, int $min, int $max = PHP_INT_MAX, string $what = 'int'): ?int
    {
        $d = $map[$key] ?? null;
        if ($d === null) {
            return $default;
        }
        if (!is_int($d)) {
            $this->failAt($key, "expected $what, got " . self::typeName($d));
        }
        if ($d < $min) {
            $this->failAt($key, "must be >= $min, got $d");
        }
        if ($d > $max) {
            $this->failAt($key, "must be <= $max, got $d");
        }
        return $d;
    }

    private function readMoney(array $map, string $key, ?int $default): ?int
    {
        return $this->readInt($map, $key, $default, 0, PHP_INT_MAX, 'int (minor units)');
    }

    /** A percent (int or float, at most two decimals, 0..100) as basis points, or null when absent. */
    private function readPercent(array $map, string $key): ?int
    {
        $d = $map[$key] ?? null;
        if ($d === null) {
            return null;
        }
        if (is_int($d)) {
            if ($d < 0 || $d > 100) {
                $this->failAt($key, "must be between 0 and 100, got $d");
            }
            return $d * 100;
        }
        if (is_float($d)) {
            $scaled = $d * 100.0;
            $r = round($scaled);
            if (!is_finite($d)) { // as PHP prints them, not as printf does ("nan", "inf")
                $this->failAt($key, 'must be between 0 and 100, got ' . (is_nan($d) ? 'NAN' : ($d < 0 ? '-INF' : 'INF')));
            }
            if ($d < 0.0 || $d > 100.0) {
                $this->failAt($key, 'must be between 0 and 100, got ' . self::formatG15($d));
            }
            if ($r / 100.0 !== $d) { // exactly the float of a two-decimal literal
                $this->failAt($key, 'at most two decimals, got ' . self::formatG15($d));
            }
            return (int) $r;
        }
        $this->failAt($key, 'expected int or float (percent), got ' . self::typeName($d));
    }

    /** printf("%.15g") */
    public static function formatG15(float $d): string
    {
        if (is_nan($d)) {
            return 'nan';
        }
        if (is_infinite($d)) {
            return $d > 0 ? 'inf' : '-inf';
        }
        if ($d == 0.0) {
            return '0';
        }
        $e = sprintf('%.14e', $d);             // d.dddddddddddddde+X
        [$mant, $exp] = explode('e', $e);
        $x = (int) $exp;
        if ($x < -4 || $x >= 15) {
            $mant = rtrim(rtrim($mant, '0'), '.');
            return $mant . 'e' . ($x < 0 ? '-' : '+') . str_pad((string) abs($x), 2, '0', STR_PAD_LEFT);
        }
        $f = sprintf('%.' . (14 - $x) . 'F', $d);
        if (str_contains($f, '.')) {
            $f = rtrim(rtrim($f, '0'), '.');
        }
        return $f;
    }

    /** A string, or null when absent and not required; `choices` restricts it. */
    private function readString(array $map, string $key, bool $required, ?array $choices = null): ?string
    {
        $d = $map[$key] ?? null;
        if ($d === null && !$required) {
            return null;
        }
        if ($d === null) {
            $this->failAt($key, 'is required');
        }
        if (!is_string($d)) {
            $this->failAt($key, 'expected string, got ' . self::typeName($d));
        }
        if ($choices !== null && !in_array($d, $choices, true)) {
            $this->failAt($key, sprintf("must be one of %s, got '%s'", "'" . implode("', '", $choices) . "'",
                self::printable($d, 64)));
        }
        return $d;
    }

    /** @return list<string>|null */
    private function readStrings(array $map, string $key): ?array
    {
        $d = $map[$key] ?? null;
        if ($d === null) {
            return null;
        }
        $old = $this->push($key);
        if (!is_array($d) || !array_is_list($d)) {
            $this->fail('expected a list of strings, got ' . self::typeName($d));
        }
        if (count($d) > self::MAX_LIST) {
            $this->fail(sprintf('too many values (%d, at most %d)', count($d), self::MAX_LIST));
        }
        foreach ($d as $i => $item) {
            if (!is_string($item)) {
                $this->pushIndex($i);
                $this->fail('expected string, got ' . self::typeName($item));
            }
        }
        $this->path = $old;
        return $d;
    }

    /**
     * What tiers, brackets and coupons give: discount, discount_percent, free_shipping, carriers.
     * @return array{discount: ?int, percent: ?int, free_shipping: bool, carriers: ?list<string>}
     */
    private function readBenefit(array $map): array
    {
        $b = [
            'discount' => $this->readMoney($map, 'discount', null),
            'percent' => $this->readPercent($map, 'discount_percent'),
            'free_shipping' => $this->readBool($map, 'free_shipping', false),
            'carriers' => $this->readStrings($map, 'carriers'),
        ];
        if ($b['discount'] !== null && $b['percent'] !== null) {
            $this->fail('discount and discount_percent exclude each other');
        }
        if ($b['carriers'] !== null && (!$b['free_shipping'] || $b['carriers'] === [])) {
            // an empty list would be free shipping with no carrier: a rule that never gives it
            $this->failAt('carriers', $b['free_shipping'] ? 'must not be empty (leave it out for every carrier)' : 'needs free_shipping');
        }
        return $b;
    }

    private static function percentValue(int $bp): int|float
    {
        return $bp % 100 === 0 ? intdiv($bp, 100) : $bp / 100.0;
    }

    /** The normalized discount / discount_percent (and free_shipping, carriers when `shipping`). */
    private static function putBenefit(array &$out, array $b, bool $shipping, ?int $freeUnits = null): void
    {
        if ($b['discount'] !== null) {
            $out['discount'] = $b['discount'];
        }
        if ($b['percent'] !== null) {
            $out['discount_percent'] = self::percentValue($b['percent']);
        }
        if ($freeUnits !== null) {
            $out['free_units'] = $freeUnits;
        }
        if ($shipping) {
            $out['free_shipping'] = $b['free_shipping'];
            if ($b['carriers'] !== null) {
                $out['carriers'] = $b['carriers'];
            }
        }
    }

    private function compile(string $src, bool $line = false): Expression
    {
        $index = $this->segmentIndex;
        $e = Compiler::compile($src, $this->path,
            static fn(string $name): int => $index[$name] ?? -1,
            function (string $name) use ($line): void {
                if ($line) {
                    $this->lineAttrs[$name] = true;
                } else {
                    $this->attrs[$name] = true;
                }
            }, $line);
        $this->fields |= $e->fields;
        return $e;
    }

    // ---- root and segments (src/settings/lty_program.c) ----

    private function root(mixed $root): CompiledProgram
    {
        if (!self::isMap($root)) {
            $this->fail('settings: expected an object, got ' . self::typeName($root));
        }
        $this->expectMap($root, ['segments', 'advantages', 'loyalty', 'rounding', 'timezone']);
        $rounding = $this->readString($root, 'rounding', false, ['half_up', 'half_even', 'down']) ?? 'half_up';
        $this->timezone = $this->timezone($root);
        $segments = $this->segments($root);
        $advantages = [];
        if (($d = $root['advantages'] ?? null) !== null) {
            $old = $this->push('advantages');
            $advantages = $this->advantages($d);
            $this->path = $old;
        }
        $loyalty = null;
        if (($d = $root['loyalty'] ?? null) !== null) {
            $old = $this->push('loyalty');
            $loyalty = $this->loyalty($d);
            $this->path = $old;
        }
        $settings = [
            'rounding' => $rounding,
            'timezone' => $this->timezone,
            'segments' => $segments,
            'advantages' => $advantages,
            'loyalty' => $loyalty,
        ];
        $sorted = $this->segmentNames;
        sort($sorted, SORT_STRING);
        $order = [];
        foreach ($sorted as $name) {
            $order[] = $this->segmentIndex[$name];
        }
        return new CompiledProgram($settings, $this->segmentNames, $this->segmentIndex, $this->exprs, $order,
            $this->advantageSegments, array_map('strval', array_keys($this->attrs)), $this->fields, $this->costGiven,
            array_map('strval', array_keys($this->lineAttrs)), $this->advantageLines, $this->earnExclude, $this->earnBonus,
            $this->segmentFieldsList);
    }

    /** `timezone` (SPEC 11): an IANA name (backward links included); default PHP's at compile time. */
    private function timezone(array $root): string
    {
        $tz = $this->readString($root, 'timezone', false);
        if ($tz === null) {
            return (new \DateTimeImmutable())->getTimezone()->getName(); // date_default_timezone_get(), not a function
        }
        if (!in_array($tz, \DateTimeZone::listIdentifiers(\DateTimeZone::ALL_WITH_BC), true)) {
            $this->failAt('timezone', sprintf("unknown timezone '%s' (an IANA name such as Europe/Paris)", self::printable($tz, 96)));
        }
        return $tz;
    }

    /** A date of the settings: an int (Unix time) or a string read in the program's timezone. */
    private function readDate(array $map, string $key): ?int
    {
        $d = $map[$key] ?? null;
        if ($d === null || is_int($d)) {
            return $d;
        }
        if (!is_string($d)) {
            $this->failAt($key, 'expected int (Unix time) or date string, got ' . self::typeName($d));
        }
        $at = false;
        if ($d !== '' && strlen($d) < 256 && !str_contains($d, "\0")) {
            try { // date_create_immutable(), which disable_functions may remove
                $at = new \DateTimeImmutable($d, new \DateTimeZone($this->timezone));
            } catch (\Exception) {
                $at = false;
            }
        }
        if ($at === false) {
            $this->failAt($key, sprintf("invalid date '%s'", self::printable($d, 96)));
        }
        return $at->getTimestamp();
    }

    /** starts_at, ends_at, days, hours (SPEC 11, 13), added to `$a` when given. */
    private function schedule(array $d, array &$a): void
    {
        foreach (['starts_at', 'ends_at'] as $key) {
            if (($at = $this->readDate($d, $key)) !== null) {
                $a[$key] = $at;
            }
        }
        if (($days = $this->readStrings($d, 'days')) !== null) {
            if ($days === []) {
                $this->failAt('days', 'must not be empty (leave it out for every day)');
            }
            foreach ($days as $i => $day) {
                if (!in_array($day, Schedule::DAYS, true)) {
                    $this->push('days');
                    $this->pushIndex($i);
                    $this->fail(sprintf("unknown day '%s' (mon, tue, wed, thu, fri, sat or sun)", self::printable($day, 96)));
                }
            }
            $a['days'] = $days;
        }
        if (($hours = $this->readString($d, 'hours', false)) !== null) {
            if (Schedule::parseHours($hours) === null) {
                $this->failAt('hours', sprintf("expected \"HH:MM-HH:MM\" (00:00 to 24:00, start and end different), got '%s'",
                    self::printable($hours, 96)));
            }
            $a['hours'] = $hours;
        }
    }

    private static function validSegmentName(string $s): bool
    {
        return preg_match('/\A[A-Za-z_][A-Za-z0-9_-]{0,63}\z/', $s) === 1;
    }

    /** @return array<string, string> name => expression */
    private function segments(array $root): array
    {
        $map = $root['segments'] ?? [];
        $old = $this->push('segments');
        if (!self::isMap($map)) {
            $this->fail('expected an object of name => expression, got ' . self::typeName($map));
        }
        if (count($map) > self::MAX_SEGMENTS) {
            $this->fail(sprintf('too many segments (%d, at most %d)', count($map), self::MAX_SEGMENTS));
        }
        // Names first, so that segment('x') may refer to a segment written later.
        foreach ($map as $name => $_) {
            $name = (string) $name;
            $shown = self::printable($name, 96);
            if (!self::validSegmentName($name)) {
                $this->fail("invalid segment name '$shown' (letters, digits, '_' and '-', at most 64, not starting with a digit or '-')");
            }
            if (isset($this->segmentIndex[$name])) {
                $this->fail("'$shown' is a built-in segment name");
            }
            $this->segmentIndex[$name] = count($this->segmentNames);
            $this->segmentNames[] = $name;
        }
        $normalized = [];
        foreach ($map as $name => $src) {
            $name = (string) $name;
            $segOld = $this->push($name);
            if (!is_string($src)) {
                $this->fail('expected string (expression), got ' . self::typeName($src));
            }
            $this->exprs[$this->segmentIndex[$name]] = $this->compile($src);
            $normalized[$name] = $src;
            $this->path = $segOld;
        }
        $this->path = $old;
        $this->checkCycles();
        $this->segmentFields();
        return $normalized;
    }

    /**
     * Depth-first search over segment('x') references, in settings order: cycles are refused,
     * and chains longer than MAX_SEGMENT_CHAIN references (evaluation recurses along them).
     */
    /**
     * The customer fields each segment's membership reads, segment() references included (as
     * src/settings/lty_program.c): what filter() and inSegment() read. Cycles are refused before.
     */
    private function segmentFields(): void
    {
        $builtin = [0, Compiler::F_ACTIVE, Compiler::F_ACTIVE | Compiler::F_ORDERS, Compiler::F_BUILTIN,
            Compiler::F_ACTIVE | Compiler::F_ORDERS, Compiler::F_ACTIVE | Compiler::F_ORDERS];
        $fields = [];
        $of = function (int $seg) use (&$of, &$fields, $builtin): int {
            if (isset($fields[$seg])) {
                return $fields[$seg];
            }
            if (($this->exprs[$seg] ?? null) === null) {
                return $fields[$seg] = $builtin[$seg];
            }
            // a disabled customer is in no custom segment: active too
            $f = Compiler::F_ACTIVE | $this->exprs[$seg]->fields;
            foreach ($this->exprs[$seg]->segmentRefs as [$ref]) {
                $f |= $of($ref);
            }
            return $fields[$seg] = $f;
        };
        foreach (array_keys($this->segmentNames) as $seg) {
            $of($seg);
        }
        ksort($fields);
        $this->segmentFieldsList = $fields;
    }

    private function checkCycles(): void
    {
        $state = $height = [];
        $count = count($this->segmentNames);
        for ($i = count(CompiledProgram::BUILTIN_SEGMENTS); $i < $count; $i++) {
            if (!isset($state[$i])) {
                $stack = [];
                $this->visit($i, $state, $height, $stack);
            }
        }
    }

    /**
     * @param array<int, int> $state 1 on the path, 2 done
     * @param array<int, int> $height the most segments on a chain from a done segment
     * @param list<int> $stack the path from the root; its length - 1 is the references to $seg
     */
    private function visit(int $seg, array &$state, array &$height, array &$stack): void
    {
        $state[$seg] = 1;
        $depth = count($stack);
        $stack[] = $seg;
        $h = 1;
        $expr = $this->exprs[$seg] ?? null;
        foreach ($expr === null ? [] : $expr->segmentRefs as [$next, $column]) {
            $s = $state[$next] ?? 0;
            if ($s === 1) {
                // Reported on the segment where the cycle closes: seg -> next -> ... -> seg.
                $start = array_search($next, $stack, true);
                $msg = 'segment cycle: ' . $this->segmentNames[$seg];
                for ($j = $start; $j < $depth; $j++) {
                    $msg .= ' -> ' . $this->segmentNames[$stack[$j]];
                }
                $msg .= ' -> ' . $this->segmentNames[$seg];
                if (strlen($msg) > 511) {
                    $msg = substr($msg, 0, 511);
                }
                throw Compiler::error('segments.' . $this->segmentNames[$seg], $expr->source, $column, $msg);
            }
            if ($s === 0) {
                if ($depth + 1 > self::MAX_SEGMENT_CHAIN) {
                    throw $this->chainError($seg, $column);
                }
                $this->visit($next, $state, $height, $stack);
            }
            if ($depth + $height[$next] > self::MAX_SEGMENT_CHAIN) { // from the root to the end of next's chain
                throw $this->chainError($seg, $column);
            }
            $h = max($h, $height[$next] + 1);
        }
        array_pop($stack);
        $state[$seg] = 2;
        $height[$seg] = $h;
    }

    private function chainError(int $seg, int $column): ExpressionException
    {
        return Compiler::error('segments.' . $this->segmentNames[$seg], $this->exprs[$seg]->source, $column,
            sprintf('segment() references nested deeper than %d levels', self::MAX_SEGMENT_CHAIN));
    }

    // ---- advantages (src/settings/lty_advantage_load.c) ----

    private function advantages(mixed $list): array
    {
        if (!is_array($list) || !array_is_list($list)) {
            $this->fail('expected a list of advantages, got ' . self::typeName($list));
        }
        if (count($list) > self::MAX_ADVANTAGES) {
            $this->fail(sprintf('too many advantages (%d, at most %d)', count($list), self::MAX_ADVANTAGES));
        }
        $out = [];
        $ids = [];
        foreach ($list as $i => $d) {
            $old = $this->pushIndex($i);
            $out[] = $this->advantage($d, $i, $ids);
            $this->path = $old;
        }
        return $out;
    }

    private function advantage(mixed $d, int $i, array &$ids): array
    {
        $this->expectMap($d, ['id', 'label', 'segment', 'earn_points', 'with_voucher', 'combinable', 'tiers_on', 'lines',
            'max_uses', 'starts_at', 'ends_at', 'days', 'hours', 'tiers']);
        $id = $this->readString($d, 'id', true);
        $label = $this->readString($d, 'label', false);
        if ($id === '') {
            $this->failAt('id', 'must not be empty');
        }
        if (isset($ids[$id])) {
            $this->failAt('id', sprintf("duplicate id '%s' (also advantages[%d])", self::printable($id, 96), $ids[$id]));
        }
        $ids[$id] = $i;
        $segment = $this->readString($d, 'segment', false) ?? 'all';
        if (isset($this->segmentIndex[$segment])) {
            $this->advantageSegments[] = $this->segmentIndex[$segment];
        } else {
            $old = $this->push('segment');
            $this->advantageSegments[] = $this->compile($segment);
            $this->path = $old;
        }
        $a = [
            'id' => $id,
            'label' => $label ?? $id,
            'segment' => $segment,
            'earn_points' => $this->readBool($d, 'earn_points', true),
            'with_voucher' => $this->readBool($d, 'with_voucher', false),
            'combinable' => $this->readBool($d, 'combinable', false),
            'tiers_on' => $this->readString($d, 'tiers_on', false, ['amount', 'quantity']) ?? 'amount', // a default, as every other
        ];
        if (($lines = $this->readString($d, 'lines', false)) !== null) {
            // the same text, the same expression: a cart line is matched once per evaluation
            if (!isset($this->sharedLines[$lines])) {
                $old = $this->push('lines');
                $this->sharedLines[$lines] = $this->compile($lines, true);
                $this->path = $old;
            }
            $this->advantageLines[$i] = $this->sharedLines[$lines];
            $a['lines'] = $lines;
        }
        if (($maxUses = $this->readInt($d, 'max_uses', null, 1)) !== null) {
            $a['max_uses'] = $maxUses; // unset: left out, as the other optional values
        }
        $this->schedule($d, $a);
        $a['tiers'] = $this->tiers($d, $a['tiers_on'] === 'quantity');
        return $a;
    }

    private function tiers(array $map, bool $quantity): array
    {
        $list = $map['tiers'] ?? null;
        $old = $this->push('tiers');
        if ($list === null) {
            $this->fail('is required (a non-empty list of tiers)');
        }
        if (!is_array($list) || !array_is_list($list)) {
            $this->fail('expected a list of tiers, got ' . self::typeName($list));
        }
        if ($list === []) {
            $this->fail('must not be empty');
        }
        if (count($list) > self::MAX_TIERS) {
            $this->fail(sprintf('too many tiers (%d, at most %d)', count($list), self::MAX_TIERS));
        }
        $out = [];
        foreach ($list as $i => $t) {
            $at = $this->pushIndex($i);
            $this->expectMap($t, ['from', 'discount', 'discount_percent', 'free_units', 'free_shipping', 'carriers']);
            $tier = ['from' => $quantity ? $this->readInt($t, 'from', 0, 0) : $this->readMoney($t, 'from', 0)];
            $b = $this->readBenefit($t);
            $freeUnits = $this->readInt($t, 'free_units', null, 1);
            if ($freeUnits !== null) {
                $problem = match (true) {
                    !$quantity => 'needs tiers_on: quantity (free units are counted per `from` units)',
                    $b['discount'] !== null || $b['percent'] !== null => 'excludes discount and discount_percent',
                    $tier['from'] < 1 => 'needs from >= 1 (units)',
                    default => null,
                };
                if ($problem !== null) {
                    $this->failAt('free_units', $problem);
                }
            }
            if ($b['discount'] === null && $b['percent'] === null && !$b['free_shipping'] && $freeUnits === null) {
                $this->fail('gives nothing: set discount, discount_percent, free_units or free_shipping');
            }
            self::putBenefit($tier, $b, true, $freeUnits);
            $out[] = $tier;
            $this->path = $at;
        }
        $this->path = $old;
        return $out;
    }

    // ---- loyalty (src/settings/lty_loyalty_load.c) ----

    /** Runs `$load` on member `$key` when present (path extended); null when absent. */
    private function section(array $map, string $key, callable $load): mixed
    {
        $d = $map[$key] ?? null;
        if ($d === null) {
            return null;
        }
        $old = $this->push($key);
        $r = $load($d);
        $this->path = $old;
        return $r;
    }

    private function loyalty(mixed $map): array
    {
        $this->expectMap($map, ['earn', 'earn_with_voucher', 'earn_with_loyalty_discount', 'spend', 'rank_by',
            'brackets', 'expiry', 'rewards', 'pending_days']);
        $earn = $this->section($map, 'earn', $this->earn(...));
        $y = ['earn' => $earn];
        $y['earn_with_voucher'] = $this->readBool($map, 'earn_with_voucher', false);
        $y['earn_with_loyalty_discount'] = $this->readBool($map, 'earn_with_loyalty_discount', false);
        $y['spend'] = $this->section($map, 'spend', $this->spend(...))
            ?? ['policy' => 'lose_used', 'from_order' => 1, 'min_cart' => 0, 'with_voucher' => false, 'with_advantage' => false];
        $this->rankBy = $this->readString($map, 'rank_by', false, ['points', 'orders', 'lifetime_points']) ?? 'points';
        $y['rank_by'] = $this->rankBy;
        $y['brackets'] = $this->section($map, 'brackets', $this->brackets(...)) ?? [];
        $y['expiry'] = $this->section($map, 'expiry', $this->expiry(...));
        $y['rewards'] = $this->section($map, 'rewards', $this->rewards(...));
        $y['pending_days'] = $this->readInt($map, 'pending_days', 0, 0, self::MAX_DAYS);
        // Evaluation reads the balance and the rank metrics.
        $this->fields |= Compiler::F_POINTS | Compiler::F_LIFETIME_POINTS;
        return $y;
    }

    private function earn(mixed $d): ?array
    {
        $this->expectMap($d, ['per_amount', 'points', 'per_order', 'exclude', 'bonus']);
        $perAmount = $this->readInt($d, 'per_amount', null, 1);
        $points = $this->readInt($d, 'points', null, 0);
        $perOrder = $this->readInt($d, 'per_order', null, 0);
        if (($perAmount !== null) === ($perOrder !== null)) {
            $this->fail($perAmount !== null ? 'per_amount and per_order exclude each other'
                : 'needs per_amount (with points) or per_order');
        }
        if ($perOrder !== null) {
            if ($points !== null) {
                $this->fail('points goes with per_amount; per_order gives the points of an order');
            }
            $earn = ['per_order' => $perOrder];
        } else {
            $earn = ['per_amount' => $perAmount, 'points' => $points ?? 1];
        }
        $this->earnLines($d, $earn);
        return $earn;
    }

    /** earn.exclude and earn.bonus (SPEC 11): billed and points per line; not with per_order. */
    private function earnLines(array $d, array &$earn): void
    {
        if (($exclude = $this->readString($d, 'exclude', false)) !== null) {
            $old = $this->push('exclude');
            $this->earnExclude = $this->compile($exclude, true);
            $this->path = $old;
            $earn['exclude'] = $exclude;
        }
        if (($list = $d['bonus'] ?? null) !== null) {
            $old = $this->push('bonus');
            if (!is_array($list) || !array_is_list($list)) {
                $this->fail('expected a list of {lines, multiplier}, got ' . self::typeName($list));
            }
            if (count($list) > self::MAX_TIERS) {
                $this->fail(sprintf('too many entries (%d, at most %d)', count($list), self::MAX_TIERS));
            }
            $earn['bonus'] = [];
            foreach ($list as $i => $e) {
                $at = $this->pushIndex($i);
                $this->expectMap($e, ['lines', 'multiplier']);
                $lines = $this->readString($e, 'lines', true);
                $inner = $this->push('lines');
                $expr = $this->compile($lines, true);
                $this->path = $inner;
                $m = $this->readMultiplier($e);
                $this->earnBonus[] = [$expr, $m];
                $earn['bonus'][] = ['lines' => $lines, 'multiplier' => self::percentValue($m)];
                $this->path = $at;
            }
            $this->path = $old;
        }
        if ((isset($earn['exclude']) || isset($earn['bonus'])) && isset($earn['per_order'])) {
            $this->failAt(isset($earn['exclude']) ? 'exclude' : 'bonus',
                'goes with per_amount: per_order gives the points of an order, not of its lines');
        }
    }

    /** `multiplier`: an int or a float with at most two decimals, > 0 and at most 1000, in hundredths. */
    private function readMultiplier(array $map): int
    {
        $d = $map['multiplier'] ?? null;
        if ($d === null) {
            $this->failAt('multiplier', 'is required');
        }
        if (is_int($d)) {
            if ($d <= 0 || $d > self::MAX_MULTIPLIER) {
                $this->failAt('multiplier', sprintf('must be > 0 and at most %d, got %d', self::MAX_MULTIPLIER, $d));
            }
            return $d * 100;
        }
        if (!is_float($d)) {
            $this->failAt('multiplier', 'expected int or float, got ' . self::typeName($d));
        }
        if (!is_finite($d)) {
            $this->failAt('multiplier', sprintf('must be > 0 and at most %d, got %s', self::MAX_MULTIPLIER, is_nan($d) ? 'NAN' : ($d < 0 ? '-INF' : 'INF')));
        }
        if ($d <= 0.0 || $d > self::MAX_MULTIPLIER) {
            $this->failAt('multiplier', sprintf('must be > 0 and at most %d, got %s', self::MAX_MULTIPLIER, self::formatG15($d)));
        }
        $r = round($d * 100.0);
        if ($r / 100.0 !== $d) { // exactly the float of a two-decimal literal
            $this->failAt('multiplier', 'at most two decimals, got ' . self::formatG15($d));
        }
        return (int) $r;
    }

    private function spend(mixed $d): array
    {
        $this->expectMap($d, ['policy', 'from_order', 'min_cart', 'with_voucher', 'with_advantage', 'max_percent']);
        $s = [
            'policy' => $this->readString($d, 'policy', false, ['lose_used', 'lose_all', 'keep_all']) ?? 'lose_used',
            'from_order' => $this->readInt($d, 'from_order', 1, 1),
            'min_cart' => $this->readMoney($d, 'min_cart', 0),
            'with_voucher' => $this->readBool($d, 'with_voucher', false),
            'with_advantage' => $this->readBool($d, 'with_advantage', false),
        ];
        $max = $this->readPercent($d, 'max_percent');
        if ($max !== null) {
            $s['max_percent'] = self::percentValue($max);
        }
        return $s;
    }

    private function brackets(mixed $list): array
    {
        if (!is_array($list) || !array_is_list($list)) {
            $this->fail('expected a list of brackets, got ' . self::typeName($list));
        }
        if (count($list) > self::MAX_BRACKETS) {
            $this->fail(sprintf('too many brackets (%d, at most %d)', count($list), self::MAX_BRACKETS));
        }
        $out = [];
        foreach ($list as $i => $d) {
            $old = $this->pushIndex($i);
            $out[] = $this->bracket($d);
            $this->path = $old;
        }
        return $out;
    }

    private function bracket(mixed $d): array
    {
        $this->expectMap($d, ['from', 'discount', 'discount_percent', 'rate', 'free_shipping', 'carriers', 'cost']);
        $from = $this->readInt($d, 'from', 0, 0);
        $b = $this->readBenefit($d);
        $rate = null;
        if (($r = $d['rate'] ?? null) !== null) {
            $old = $this->push('rate');
            $this->expectMap($r, ['points', 'value']);
            $points = $this->readInt($r, 'points', 0, 1);
            $value = $this->readMoney($r, 'value', 0);
            if (($r['points'] ?? null) === null || ($r['value'] ?? null) === null) {
                $this->fail('needs points and value (e.g. {"points": 10, "value": 100})');
            }
            $rate = ['points' => $points, 'value' => $value];
            $this->path = $old;
        }
        $cost = $this->readInt($d, 'cost', null, 0);
        if ($rate !== null && ($b['discount'] !== null || $b['percent'] !== null)) {
            $this->fail('discount, discount_percent and rate exclude each other');
        }
        if ($rate !== null && $cost !== null) {
            $this->fail('cost cannot be used with rate (a rate spends its blocks)');
        }
        if ($rate === null && $b['discount'] === null && $b['percent'] === null && !$b['free_shipping']) {
            $this->fail('gives nothing: set discount, discount_percent, rate or free_shipping');
        }
        $out = ['from' => $from];
        self::putBenefit($out, $b, false);
        if ($rate !== null) {
            $out['rate'] = $rate;
        }
        $out['free_shipping'] = $b['free_shipping'];
        if ($b['carriers'] !== null) {
            $out['carriers'] = $b['carriers'];
        }
        if ($rate === null) {
            // The cost a bracket spends when none is written (SPEC 10).
            $default = $this->rankBy !== 'points' || ($b['discount'] === null && $b['percent'] === null) ? 0 : $from;
            $out['cost'] = $cost ?? $default;
        }
        $this->costGiven[] = $cost !== null;
        return $out;
    }

    private function expiry(mixed $d): array
    {
        $this->expectMap($d, ['days', 'mode', 'warn_days']);
        $days = $this->readInt($d, 'days', null, 1, self::MAX_DAYS);
        $mode = $this->readString($d, 'mode', false, ['rolling', 'per_lot']) ?? 'rolling';
        if ($days === null) {
            $this->failAt('days', 'is required');
        }
        $warn = [];
        if (($list = $d['warn_days'] ?? null) !== null) {
            $old = $this->push('warn_days');
            if (!is_array($list) || !array_is_list($list)) {
                $this->fail('expected a list of days, got ' . self::typeName($list));
            }
            if (count($list) > self::MAX_LIST) {
                $this->fail(sprintf('too many values (%d, at most %d)', count($list), self::MAX_LIST));
            }
            foreach ($list as $i => $w) {
                $this->pushIndex($i);
                if (!is_int($w)) {
                    $this->fail('expected int (days), got ' . self::typeName($w));
                }
                if ($w < 1 || $w > self::MAX_DAYS) {
                    $this->fail('must be between 1 and ' . self::MAX_DAYS . ' days');
                }
                $this->path = $old . '.warn_days';
            }
            $warn = $list;
            $this->path = $old;
        }
        return ['days' => $days, 'mode' => $mode, 'warn_days' => $warn];
    }

    private function rewards(mixed $d): array
    {
        $this->expectMap($d, ['threshold', 'coupon']);
        $threshold = $this->readInt($d, 'threshold', null, 1);
        if ($threshold === null) {
            $this->failAt('threshold', 'is required');
        }
        if (($d['coupon'] ?? null) === null) {
            $this->failAt('coupon', 'is required');
        }
        $coupon = $this->section($d, 'coupon', function (mixed $c): array {
            $this->expectMap($c, ['discount', 'discount_percent', 'min_cart', 'valid_days']);
            $b = $this->readBenefit($c);
            $minCart = $this->readMoney($c, 'min_cart', 0);
            $valid = $this->readInt($c, 'valid_days', null, 1, self::MAX_DAYS);
            if ($b['discount'] === null && $b['percent'] === null) {
                $this->fail('needs discount or discount_percent');
            }
            $out = [];
            self::putBenefit($out, $b, false);
            $out['min_cart'] = $minCart;
            if ($valid !== null) {
                $out['valid_days'] = $valid;
            }
            return $out;
        });
        return ['threshold' => $threshold, 'coupon' => $coupon];
    }
}
