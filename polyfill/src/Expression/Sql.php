<?php
declare(strict_types=1);

namespace Loyalty\Polyfill\Expression;

use Loyalty\InputException;
use Loyalty\Polyfill\Args;
use Loyalty\Polyfill\Settings\CompiledProgram;

/**
 * @internal A segment as an SQL condition (SPEC 15), as src/expression/lty_sql.c: the same walk over
 * the same tree, the same text, the same parameters.
 *
 * A condition while translating is true, false (constants, folded) or [text, params]. A value is
 * an array with 'k': const (v), int (t, p, def0: NULL reads as 0), str (t, p, raw: a column as
 * mapped, low: already lower-cased bytes), bool (t, p: a condition), dyn (t: an attribute),
 * days (field), lfield (field), llist (items), unknown (why).
 * `$pol` is +1 where a superset is needed and -1 under an odd number of 'not's (a subset).
 */
final class Sql
{
    public const MYSQL = 0;
    public const SQLITE = 1;

    /** The longest value text (arithmetic repeats its steps for the overflow checks); longer stays in PHP. */
    public const MAX_VALUE = 16384;
    /** The longest condition; a longer one is "1=1" with every field in PHP. */
    public const MAX_WHERE = 1048576;

    private const INT_MAX = '9223372036854775807';
    private const DAY = 86400;
    private const TRANSITION = 10800; // a DST change within 3 hours of a date bound makes it inexact
    private const RECENT = 2592000;    // first_order_recent: 30 days
    /** like in SQLite: the most literal runs between stars matched byte for byte; each nests the SQL
     * three calls deeper, and SQLite's parser stack (100 entries) overflows at about 30 nested calls */
    private const SQLITE_MIDDLES = 3;

    private const SCALARS = ['active', 'orders', 'spent', 'points', 'lifetime_points', 'city', 'postcode', 'country'];
    private const DATES = ['first_order', 'last_order'];
    private const LISTS = ['groups', 'carriers', 'bought'];
    /** Residual order: the LTY_FIELD_* bits */
    private const ORDER = ['active', 'groups', 'orders', 'spent', 'first_order', 'last_order', 'city', 'postcode',
        'country', 'carriers', 'bought', 'points', 'lifetime_points'];

    private bool $exact = true;
    private bool $tooLong = false;
    /** @var list<string> */
    private array $notes = [];
    /** @var array<string, true> */
    private array $read = [];
    /** @var array<int, array> segment index => tree */
    private array $trees = [];

    /** @param array<string, mixed> $map normalized column map (columns()) */
    private function __construct(
        private CompiledProgram $compiled,
        private array $map,
        private int $dialect,
        private int $now,
    ) {
    }

    /**
     * @return array{0: string, 1: list<int|string|null>, 2: bool, 3: list<string>, 4: string}
     *   where, params, exact, residual, explain
     */
    public static function translate(CompiledProgram $compiled, int $segment, array $columns, int $dialect, int $now, string $name): array
    {
        $t = new self($compiled, self::columns($columns), $dialect, $now);
        $c = $t->segment($segment, 1);
        if ($t->tooLong || (is_array($c) && strlen($c[0]) > self::MAX_WHERE)) {
            $t->exact = false;
            $t->note('the condition would be longer than 1 MiB');
            $c = true;
        }
        if ($c === true) {
            $where = ['1=1', []];
        } elseif ($c === false) {
            $where = ['1=0', []];
        } else {
            $where = $c;
        }
        $residual = [];
        if (!$t->exact) {
            $t->collect($segment, []);
            foreach (self::ORDER as $f) {
                if (isset($t->read[$f])) {
                    $residual[] = $f;
                }
            }
            $attrs = [];
            foreach ($t->read as $f => $_) {
                if (str_starts_with((string) $f, 'attr.')) {
                    $attrs[] = (string) $f;
                }
            }
            sort($attrs, SORT_STRING);
            $residual = array_merge($residual, $attrs);
        }
        return [$where[0], $where[1], $t->exact, $residual, $t->explain($name, $residual)];
    }

    // ---- the column map ----

    /** The column map checked and normalized: field => SQL, or the array forms of SPEC 15. */
    private static function columns(array $columns): array
    {
        $map = [];
        foreach ($columns as $key => $v) {
            $path = 'columns.' . Args::printable((string) $key, 64);
            $k = (string) $key;
            if (in_array($k, self::SCALARS, true) || $k === 'id' || (str_starts_with($k, 'attr.') && strlen($k) > 5)) {
                $map[$k] = self::sqlText($v, $path);
            } elseif (in_array($k, self::DATES, true)) {
                $map[$k] = self::dateColumn($v, $path);
            } elseif (in_array($k, self::LISTS, true)) {
                $map[$k] = self::listColumn($v, $path);
            } else {
                throw new InputException("$path: unknown customer field", 3);
            }
        }
        return $map;
    }

    private static function sqlText(mixed $v, string $path): string
    {
        if (!is_string($v) || $v === '') {
            throw new InputException("$path: expected SQL as a non-empty string, got " . ($v === '' ? 'an empty string' : Args::typeName($v)), 3);
        }
        return $v;
    }

    private static function dateColumn(mixed $v, string $path): array
    {
        if (is_string($v)) {
            return ['expr' => self::sqlText($v, $path), 'type' => 'datetime'];
        }
        if (!is_array($v)) {
            throw new InputException("$path: expected SQL or ['expr' => SQL, 'type' => 'datetime'|'timestamp'], got " . Args::typeName($v), 3);
        }
        foreach ($v as $k => $_) {
            if ($k !== 'expr' && $k !== 'type') {
                throw new InputException("$path." . Args::printable((string) $k, 64) . ': unknown key (expected expr, type)', 3);
            }
        }
        if (!isset($v['expr'])) {
            throw new InputException("$path.expr: missing", 3);
        }
        $type = $v['type'] ?? 'datetime';
        if ($type !== 'datetime' && $type !== 'timestamp') {
            throw new InputException("$path.type: expected 'datetime' or 'timestamp', got "
                . (is_string($type) ? "'" . Args::printable($type, 32) . "'" : Args::typeName($type)), 3);
        }
        return ['expr' => self::sqlText($v['expr'], "$path.expr"), 'type' => $type];
    }

    private static function listColumn(mixed $v, string $path): array
    {
        if (!is_array($v)) {
            throw new InputException("$path: expected ['contains' => SQL with one ?, 'count' => SQL], got " . Args::typeName($v), 3);
        }
        foreach ($v as $k => $_) {
            if ($k !== 'contains' && $k !== 'count') {
                throw new InputException("$path." . Args::printable((string) $k, 64) . ': unknown key (expected contains, count)', 3);
            }
        }
        if (!isset($v['contains']) && !isset($v['count'])) {
            throw new InputException("$path: expected 'contains' or 'count'", 3);
        }
        $out = ['contains' => null, 'count' => null];
        if (isset($v['contains'])) {
            $out['contains'] = self::sqlText($v['contains'], "$path.contains");
            $n = substr_count($out['contains'], '?');
            if ($n !== 1) {
                throw new InputException("$path.contains: expected SQL with exactly one ?, found $n", 3);
            }
        }
        if (isset($v['count'])) {
            $out['count'] = self::sqlText($v['count'], "$path.count");
        }
        return $out;
    }

    // ---- fields read (residual) ----

    private function collect(int $segment, array $seen): void
    {
        if (isset($seen[$segment])) {
            return;
        }
        $seen[$segment] = true;
        $expr = $this->compiled->exprs[$segment] ?? null;
        if ($expr === null) {
            $fields = [[], ['active'], ['active', 'orders'], ['active', 'orders', 'first_order', 'last_order'],
                ['active', 'orders'], ['active', 'orders']][$segment];
            foreach ($fields as $f) {
                $this->read[$f] = true;
            }
            return;
        }
        $this->read['active'] = true;
        $this->collectNode($this->tree($segment), $seen);
    }

    private function collectNode(array $n, array $seen): void
    {
        switch ($n['op']) {
            case 'field':
                $f = $n['v'];
                $this->read[$f === 'days_since_first_order' ? 'first_order' : ($f === 'days_since_last_order' ? 'last_order' : $f)] = true;
                break;
            case 'attr':
                $this->read['attr.' . $n['v']] = true;
                break;
            case 'segment':
                $this->collect($n['v'], $seen);
                break;
        }
        foreach ($n['kids'] as $k) {
            $this->collectNode($k, $seen);
        }
    }

    private function tree(int $segment): array
    {
        if (!isset($this->trees[$segment])) {
            $index = $this->compiled->segmentIndex;
            $this->trees[$segment] = Compiler::tree($this->compiled->exprs[$segment]->source,
                static fn(string $name): int => $index[$name] ?? -1);
        }
        return $this->trees[$segment];
    }

    // ---- notes ----

    private function note(string $why): void
    {
        $this->exact = false;
        if (!in_array($why, $this->notes, true)) {
            $this->notes[] = $why;
        }
    }

    private function inexact(int $pol, string $why): bool
    {
        $this->note($why);
        return $pol > 0;
    }

    private function explain(string $name, array $residual): string
    {
        $d = $this->dialect === self::MYSQL ? 'mysql' : 'sqlite';
        if ($this->exact) {
            return "segment '$name' ($d): exact, the condition selects exactly the rows filter() keeps\n";
        }
        $out = "segment '$name' ($d): not exact, the condition selects every row filter() keeps and maybe more;\n"
            . 'pass the selected rows to filter() with these fields: ' . implode(', ', $residual) . "\n";
        foreach ($this->notes as $n) {
            $out .= "in PHP: $n\n";
        }
        return $out;
    }

    // ---- conditions ----

    private function and(array $cs): bool|array
    {
        $texts = [];
        $params = [];
        foreach ($cs as $c) {
            if ($c === false) {
                return false;
            }
            if ($c === true) {
                continue;
            }
            $texts[] = $c[0];
            array_push($params, ...$c[1]);
        }
        if ($texts === []) {
            return true;
        }
        return count($texts) === 1 ? [$texts[0], $params] : $this->capped('(' . implode(' AND ', $texts) . ')', $params);
    }

    private function or(array $cs): bool|array
    {
        $texts = [];
        $params = [];
        foreach ($cs as $c) {
            if ($c === true) {
                return true;
            }
            if ($c === false) {
                continue;
            }
            $texts[] = $c[0];
            array_push($params, ...$c[1]);
        }
        if ($texts === []) {
            return false;
        }
        return count($texts) === 1 ? [$texts[0], $params] : $this->capped('(' . implode(' OR ', $texts) . ')', $params);
    }

    /** A condition longer than MAX_WHERE ends the translation: "1=1", every field in PHP. */
    private function capped(string $t, array $params): bool|array
    {
        if (strlen($t) > self::MAX_WHERE) {
            $this->tooLong = true;
            return true;
        }
        return [$t, $params];
    }

    /** NULL is false here as everywhere: `IS NOT TRUE`, not NOT. */
    private static function not(bool|array $c): bool|array
    {
        if (is_bool($c)) {
            return !$c;
        }
        return ['(' . $c[0] . ' IS NOT TRUE)', $c[1]];
    }

    /** Membership of a segment by index: built-ins, or active and the expression. */
    private function segment(int $index, int $pol): bool|array
    {
        $expr = $this->compiled->exprs[$index] ?? null;
        if ($expr !== null) {
            return $this->and([$this->active($pol), $this->cond($this->tree($index), $pol)]);
        }
        switch ($index) {
            case 0: // all
                return true;
            case 1: // disabled
                if (!isset($this->map['active'])) {
                    return $this->inexact($pol, 'active: not in the column map');
                }
                $col = '(' . $this->map['active'] . ')';
                return ["($col IS NOT NULL AND $col = 0)", []];
            case 2: // no_orders
                return $this->and([$this->active($pol), $this->cmpInt($this->field('orders'), 0, 0, $pol)]);
            case 3:
                return $this->and([$this->active($pol), $this->cmpInt($this->field('orders'), 0, 1, $pol), $this->recent($pol)]);
            case 4: // loyal
                return $this->and([$this->active($pol), $this->cmpInt($this->field('orders'), 5, 2, $pol)]);
            default: // customers
                return $this->and([$this->active($pol), $this->cmpInt($this->field('orders'), 5, 1, $pol)]);
        }
    }

    private function active(int $pol): bool|array
    {
        if (!isset($this->map['active'])) {
            return $this->inexact($pol, 'active: not in the column map (a disabled customer is in no segment but disabled and all)');
        }
        $col = '(' . $this->map['active'] . ')';
        return ["($col IS NULL OR $col <> 0)", []];
    }

    /** first_order_recent: the first order (else the last) within 30 days. */
    private function recent(int $pol): bool|array
    {
        if (!isset($this->map['first_order']) || !isset($this->map['last_order'])) {
            return $this->inexact($pol, 'first_order_recent: first_order and last_order must both be in the column map');
        }
        // now - when < 30 days, without overflow: when in [now - 30 days + 1, now - PHP_INT_MIN]
        $lo = self::sat($this->now, -self::RECENT + 1);
        $range = [[$lo, self::validHigh($this->now)]];
        $first = $this->dateRange('first_order', $range, $pol);
        $fo = '(' . $this->map['first_order']['expr'] . ')';
        return $this->or([$first, $this->and([["($fo IS NULL)", []], $this->dateRange('last_order', $range, $pol)])]);
    }

    private function cond(array $n, int $pol): bool|array
    {
        if ($this->tooLong) {
            return true;
        }
        if (self::constant($n)) {
            return (($n['f'])(new \stdClass())) === true;
        }
        switch ($n['op']) {
            case 'not':
                return self::not($this->cond($n['kids'][0], -$pol));
            case 'and':
            case 'or':
                $cs = [];
                foreach ($n['kids'] as $k) {
                    $cs[] = $this->cond($k, $pol);
                }
                return $n['op'] === 'and' ? $this->and($cs) : $this->or($cs);
            case 'segment':
                return $this->segment($n['v'], $pol);
            case 'cmp':
                return $this->compare($this->value($n['kids'][0]), $n['sub'], $this->value($n['kids'][1]), $pol);
            case 'in':
                return $this->in($n, $pol);
            case 'like':
                return $this->like($n, $pol);
            case 'field': // active
                $v = $this->value($n);
                return $v['k'] === 'bool' ? [$v['t'], $v['p']] : $this->inexact($pol, $v['why']);
            case 'attr': // true only for a bool true, which no SQL column gives PHP
                $v = $this->value($n);
                return $v['k'] === 'unknown' ? $this->inexact($pol, $v['why']) : false;
        }
        return $this->inexact($pol, 'an expression the translation does not know');
    }

    /** No field, attribute or segment below: the engine's own evaluation gives its value. */
    private static function constant(array $n): bool
    {
        if ($n['op'] === 'field' || $n['op'] === 'attr' || $n['op'] === 'segment') {
            return false;
        }
        foreach ($n['kids'] as $k) {
            if (!self::constant($k)) {
                return false;
            }
        }
        return true;
    }

    // ---- values ----

    private function field(string $name): array
    {
        switch ($name) {
            case 'orders':
            case 'spent':
            case 'points':
            case 'lifetime_points':
                if (!isset($this->map[$name])) {
                    return ['k' => 'unknown', 'why' => "$name: not in the column map"];
                }
                return ['k' => 'int', 't' => '(' . $this->map[$name] . ')', 'p' => [], 'def0' => true];
            case 'city':
            case 'postcode':
            case 'country':
                if (!isset($this->map[$name])) {
                    return ['k' => 'unknown', 'why' => "$name: not in the column map"];
                }
                return ['k' => 'str', 't' => '(' . $this->map[$name] . ')', 'p' => [], 'raw' => true, 'low' => false];
            case 'active':
                $c = $this->active(1);
                return is_array($c) ? ['k' => 'bool', 't' => $c[0], 'p' => []]
                    : ['k' => 'unknown', 'why' => 'active: not in the column map'];
            case 'days_since_first_order':
            case 'days_since_last_order':
                $f = substr($name, 11);
                if (!isset($this->map[$f])) {
                    return ['k' => 'unknown', 'why' => "$name: $f is not in the column map"];
                }
                return ['k' => 'days', 'field' => $f];
        }
        return ['k' => 'lfield', 'field' => $name];
    }

    private function value(array $n): array
    {
        if (self::constant($n)) {
            if ($n['op'] === 'list') {
                $items = [];
                foreach ($n['kids'] as $k) {
                    $items[] = ['k' => 'const', 'v' => ($k['f'])(new \stdClass())];
                }
                return ['k' => 'llist', 'items' => $items, 'elem' => $n['elem']];
            }
            return ['k' => 'const', 'v' => ($n['f'])(new \stdClass())];
        }
        switch ($n['op']) {
            case 'field':
                return $this->field($n['v']);
            case 'attr':
                $key = 'attr.' . $n['v'];
                if (!isset($this->map[$key])) {
                    return ['k' => 'unknown', 'why' => "$key: not in the column map"];
                }
                return ['k' => 'dyn', 't' => '(' . $this->map[$key] . ')'];
            case 'list':
                $items = [];
                foreach ($n['kids'] as $k) {
                    $items[] = $this->value($k);
                }
                return ['k' => 'llist', 'items' => $items, 'elem' => $n['elem']];
            case 'count':
                return $this->count($n['kids'][0]);
            case 'lower':
                return $this->lower($this->value($n['kids'][0]));
            case 'arith':
                return $this->arith($n);
        }
        // a condition as a value (bool == bool): only when it translates exactly
        $exact = $this->exact;
        $notes = $this->notes;
        $this->exact = true; // whether this condition translates exactly, whatever came before
        $c = $this->cond($n, 1);
        if (!$this->exact) {
            $this->exact = $exact;
            $this->notes = $notes;
            return ['k' => 'unknown', 'why' => 'a comparison of conditions that do not translate exactly'];
        }
        $this->exact = $exact;
        return is_bool($c) ? ['k' => 'const', 'v' => $c] : ['k' => 'bool', 't' => $c[0], 'p' => $c[1]];
    }

    private function count(array $list): array
    {
        if ($list['op'] === 'list') {
            return ['k' => 'const', 'v' => count($list['kids'])];
        }
        $f = $list['v'];
        if (!isset($this->map[$f]['count'])) {
            return ['k' => 'unknown', 'why' => "count($f): no 'count' for $f in the column map"];
        }
        return ['k' => 'int', 't' => '(' . $this->map[$f]['count'] . ')', 'p' => [], 'def0' => true];
    }

    /** ASCII lower case of the bytes: MySQL's LOWER() follows the collation, so 26 REPLACE()s. */
    private function lower(array $v): array
    {
        $v = $this->strView($v);
        if ($v['k'] !== 'str') {
            return $v;
        }
        if ($this->dialect === self::SQLITE) {
            $t = 'lower(' . $v['t'] . ')';
        } else {
            $t = 'CAST(' . $v['t'] . ' AS BINARY)';
            for ($c = 65; $c <= 90; $c++) {
                $t = 'REPLACE(' . $t . ", '" . chr($c) . "', '" . chr($c + 32) . "')";
            }
        }
        return ['k' => 'str', 't' => $t, 'p' => $v['p'], 'raw' => false, 'low' => true];
    }

    /** An attribute as a string (NULL unless it holds one); other values unchanged. */
    private function strView(array $v): array
    {
        if ($v['k'] !== 'dyn') {
            return $v;
        }
        $test = $this->dialect === self::SQLITE ? "typeof({$v['t']}) = 'text'" : "COLLATION({$v['t']}) <> 'binary'";
        return ['k' => 'str', 't' => "(CASE WHEN $test THEN {$v['t']} END)", 'p' => [], 'raw' => false, 'low' => false];
    }

    /** An attribute as an int (NULL unless it holds one); other values unchanged. */
    private function intView(array $v): array
    {
        if ($v['k'] !== 'dyn') {
            return $v;
        }
        $test = $this->dialect === self::SQLITE ? "typeof({$v['t']}) = 'integer'" : "COLLATION({$v['t']}) = 'binary'";
        return ['k' => 'int', 't' => "(CASE WHEN $test THEN {$v['t']} END)", 'p' => [], 'def0' => false];
    }

    /** SQL of an int value: NULL for null. */
    private function intText(array $v): array
    {
        if ($v['k'] === 'const') {
            return [$this->intParam(), [$v['v']]];
        }
        return $v['def0'] ? ['COALESCE(' . $v['t'] . ', 0)', $v['p']] : [$v['t'], $v['p']];
    }

    private function intParam(): string
    {
        return $this->dialect === self::SQLITE ? 'CAST(? AS INTEGER)' : 'CAST(? AS SIGNED)';
    }

    /**
     * An arithmetic chain on ints, exact: each step is checked for the int64 range in order (a CASE:
     * the first step out of range gives NULL, as the engine's overflow does), division truncates
     * toward zero and by zero gives NULL. MySQL computes in DECIMAL, where no step can overflow.
     */
    private function arith(array $n): array
    {
        $parts = [];
        foreach ($n['kids'] as $k) {
            $v = $this->intView($this->value($k));
            if ($v['k'] === 'unknown') {
                return $v;
            }
            if ($v['k'] === 'days') {
                return ['k' => 'unknown', 'why' => 'days_since_* in arithmetic'];
            }
            if ($v['k'] === 'const' && !is_int($v['v'])) {
                return ['k' => 'unknown', 'why' => 'decimal arithmetic'];
            }
            if ($v['k'] !== 'const' && $v['k'] !== 'int') {
                return ['k' => 'unknown', 'why' => 'arithmetic on a value that is not a number'];
            }
            $parts[] = $this->intText($v);
        }
        $mysql = $this->dialect === self::MYSQL;
        $v = $mysql ? ['CAST(' . $parts[0][0] . ' AS DECIMAL(65,0))', $parts[0][1]] : $parts[0];
        $steps = [];
        foreach ($n['ops'] as $i => $op) {
            if ($i === 0) {
                continue;
            }
            [$x, $xp] = $parts[$i];
            if ($op === 3) {
                $t = $mysql ? "TRUNCATE(CAST({$v[0]} AS DECIMAL(65,30)) / NULLIF($x, 0), 0)" : "({$v[0]} / $x)";
            } else {
                $t = '(' . $v[0] . ' ' . ['+', '-', '*'][$op] . ' ' . $x . ')';
            }
            $v = [$t, array_merge($v[1], $xp)];
            $steps[] = $v;
        }
        $t = '(CASE';
        $p = [];
        foreach ($steps as $s) {
            $t .= $mysql ? " WHEN {$s[0]} NOT BETWEEN -9223372036854775808 AND 9223372036854775807 THEN NULL"
                : " WHEN typeof({$s[0]}) <> 'integer' THEN NULL";
            array_push($p, ...$s[1]);
        }
        $t .= ' ELSE ' . $v[0] . ' END)';
        array_push($p, ...$v[1]);
        if (strlen($t) > self::MAX_VALUE) {
            return ['k' => 'unknown', 'why' => 'arithmetic too long to write out in SQL'];
        }
        return ['k' => 'int', 't' => $t, 'p' => $p, 'def0' => false];
    }

    // ---- comparisons ----

    private const FLIP = [0 => 0, 1 => 1, 2 => 4, 3 => 5, 4 => 2, 5 => 3];
    private const SQL_CMP = ['=', '<>', '<', '<=', '>', '>='];

    private function compare(array $a, int $op, array $b, int $pol): bool|array
    {
        if ($a['k'] === 'unknown') {
            return $this->inexact($pol, $a['why']);
        }
        if ($b['k'] === 'unknown') {
            return $this->inexact($pol, $b['why']);
        }
        if ($a['k'] === 'const' && $b['k'] === 'const') {
            return self::holds(Runtime::compare($a['v'], $b['v']), $op);
        }
        // the constant (else an attribute) on the right
        if ($a['k'] === 'const' || ($a['k'] === 'dyn' && $b['k'] !== 'const' && $b['k'] !== 'dyn')) {
            [$a, $b, $op] = [$b, $a, self::FLIP[$op]];
        }
        $lists = ['lfield' => true, 'llist' => true];
        if (isset($lists[$a['k']]) || isset($lists[$b['k']])) {
            return $this->compareLists($a, $op, $b, $pol);
        }
        if ($b['k'] === 'const') {
            return $this->compareConst($a, $op, $b['v'], $pol);
        }
        switch ($a['k']) {
            case 'days':
                return $this->inexact($pol, 'days_since_* compared with an expression');
            case 'int':
                $b = $this->intView($b);
                if ($b['k'] === 'days') {
                    return $this->inexact($pol, 'days_since_* compared with an expression');
                }
                return $b['k'] === 'int' ? $this->binary($this->intText($a), $op, $this->intText($b)) : false;
            case 'str':
                $b = $this->strView($b);
                return $b['k'] === 'str' ? $this->compareStr($a, $op, [$b['t'], $b['p']]) : false;
            case 'bool':
                if ($b['k'] !== 'bool') {
                    return false; // no SQL column gives PHP a bool attribute
                }
                $x = '(' . $a['t'] . ' IS TRUE)';
                $y = '(' . $b['t'] . ' IS TRUE)';
                return ["($x " . self::SQL_CMP[$op] . " $y)", array_merge($a['p'], $b['p'])];
            case 'dyn': // both attributes: ints with ints, strings with strings
                $ia = $this->intView($a);
                $ib = $this->intView($b);
                $sa = $this->strView($a);
                $sb = $this->strView($b);
                return $this->or([$this->binary($this->intText($ia), $op, $this->intText($ib)),
                    $this->compareStr($sa, $op, [$sb['t'], $sb['p']])]);
        }
        return false;
    }

    /**
     * list == list: the same length and each pair equal (a null pair is not equal), as the engine;
     * a list field against [] is count() == 0; other list fields stay in PHP (SQL has no order).
     */
    private function compareLists(array $a, int $op, array $b, int $pol): bool|array
    {
        $p = $op === 0 ? $pol : -$pol;
        if ($a['k'] === 'lfield' && $b['k'] === 'lfield' && $a['field'] === $b['field']) {
            $eq = true;
        } elseif ($a['k'] === 'llist' && $b['k'] === 'llist') {
            if (count($a['items']) !== count($b['items'])) {
                $eq = false;
            } else {
                $cs = [];
                foreach ($a['items'] as $i => $x) {
                    $cs[] = $this->compare($x, 0, $b['items'][$i], $p);
                }
                $eq = $this->and($cs);
            }
        } else {
            [$f, $l] = $a['k'] === 'lfield' ? [$a, $b] : [$b, $a];
            if ($l['k'] !== 'llist' || $l['items'] !== []) {
                return $this->inexact($pol, 'a comparison of lists');
            }
            $n = $this->count(['op' => 'field', 'v' => $f['field'], 'kids' => []]);
            if ($n['k'] === 'unknown') {
                return $this->inexact($pol, $n['why']);
            }
            $eq = $this->cmpInt($n, 0, 0, $p);
        }
        return $op === 0 ? $eq : self::not($eq);
    }

    private static function holds(?int $r, int $op): bool
    {
        if ($r === null) {
            return false;
        }
        return match ($op) {
            0 => $r === 0, 1 => $r !== 0, 2 => $r < 0, 3 => $r <= 0, 4 => $r > 0, default => $r >= 0,
        };
    }

    private function binary(array $x, int $op, array $y): array
    {
        return ['(' . $x[0] . ' ' . self::SQL_CMP[$op] . ' ' . $y[0] . ')', array_merge($x[1], $y[1])];
    }

    private function compareConst(array $a, int $op, mixed $c, int $pol): bool|array
    {
        if ($c === null) {
            return false;
        }
        if ($a['k'] === 'bool') {
            if (!is_bool($c)) {
                return false;
            }
            $cond = [$a['t'], $a['p']];
            return ($op === 0) === $c ? $cond : self::not($cond);
        }
        if (is_int($c) || $c instanceof Decimal) {
            if ($a['k'] === 'days') {
                return $this->compareDays($a['field'], $op, $c, $pol);
            }
            $a = $this->intView($a);
            return $a['k'] === 'int' ? $this->compareIntConst($a, $op, $c) : false;
        }
        if (is_string($c)) {
            $a = $this->strView($a);
            if ($a['k'] !== 'str') {
                return false;
            }
            return $this->compareStr($a, $op, ['?', [$c]]);
        }
        return false;
    }

    /**
     * An int against a number: a decimal bound becomes an int one (x > 12.5 is x >= 13);
     * [op, k] or true (any int) or false (no int).
     */
    private static function intBound(int $op, int|Decimal $c): array|bool
    {
        if (is_int($c)) {
            return [$op, $c];
        }
        $m = $c->m;
        $floor = intdiv($m, 1000000) - ($m % 1000000 < 0 ? 1 : 0);
        if ($m % 1000000 === 0) {
            return [$op, $floor];
        }
        return match ($op) {
            0 => false,
            1 => true,
            2, 3 => [3, $floor],          // x < 12.5, x <= 12.5: x <= 12
            default => [5, $floor + 1],   // x > 12.5, x >= 12.5: x >= 13
        };
    }

    private function compareIntConst(array $a, int $op, int|Decimal $c): bool|array
    {
        $b = self::intBound($op, $c);
        if ($b === false) {
            return false;
        }
        if ($b === true) {
            return $a['def0'] ? true : ['(' . $a['t'] . ' IS NOT NULL)', $a['p']];
        }
        return $this->cmpInt($a, $b[0], $b[1]);
    }

    /** x op k, sargable on a column: NULL reads as 0 for the int fields, so `OR x IS NULL` where 0 op k. */
    private function cmpInt(array $a, int $op, int $k, int $pol = 1): bool|array
    {
        if ($a['k'] === 'unknown') {
            return $this->inexact($pol, $a['why']);
        }
        $c = ['(' . $a['t'] . ' ' . self::SQL_CMP[$op] . ' ' . $this->intParam() . ')', array_merge($a['p'], [$k])];
        if ($a['def0'] && self::holds(0 <=> $k, $op)) {
            return ['(' . $c[0] . ' OR ' . $a['t'] . ' IS NULL)', array_merge($c[1], $a['p'])];
        }
        return $c;
    }

    /** Byte-exact, whatever the collation; an equality with a column keeps a sargable `=` first. */
    private function compareStr(array $a, int $op, array $b): bool|array
    {
        if ($this->dialect === self::SQLITE) {
            return ['(' . $a['t'] . ' COLLATE BINARY ' . self::SQL_CMP[$op] . ' ' . $b[0] . ')', array_merge($a['p'], $b[1])];
        }
        $exact = ['(CAST(' . $a['t'] . ' AS BINARY) ' . self::SQL_CMP[$op] . ' CAST(' . $b[0] . ' AS BINARY))',
            array_merge($a['p'], $b[1])];
        if ($op === 0 && $a['raw'] && $b[0] === '?') {
            return $this->and([['(' . $a['t'] . ' = ?)', $b[1]], $exact]);
        }
        return $exact;
    }

    // ---- dates ----

    /** days_since_X op c: the bound on X computed here for `now`, so the column stays sargable. */
    private function compareDays(string $field, int $op, int|Decimal $c, int $pol): bool|array
    {
        $b = self::intBound($op, $c);
        if ($b === false) {
            return false;
        }
        // ranges of days: null bounds are unbounded
        if ($b === true) {
            $days = [[null, null]];
        } else {
            [$op, $k] = $b;
            $below = $k === PHP_INT_MIN ? false : $k - 1;
            $above = $k === PHP_INT_MAX ? false : $k + 1;
            $days = match ($op) {
                0 => [[$k, $k]],
                1 => array_values(array_filter([$below === false ? false : [null, $below], $above === false ? false : [$above, null]])),
                2 => $below === false ? [] : [[null, $below]],
                3 => [[null, $k]],
                4 => $above === false ? [] : [[$above, null]],
                default => [[$k, null]],
            };
        }
        // days(t) >= d1 iff t <= now - d1 * 86400; days(t) <= d2 iff t >= now - d2 * 86400 - 86399
        $ranges = [];
        foreach ($days as [$d1, $d2]) {
            $hi = $d1 === null ? self::validHigh($this->now) : self::minOf(self::sat($this->now, self::mul($d1, -self::DAY)), self::validHigh($this->now));
            $lo = self::validLow($this->now);
            if ($d2 !== null) {
                $lo = self::maxOf(self::sat(self::sat($this->now, self::mul($d2, -self::DAY)), -(self::DAY - 1)), $lo);
            }
            $ranges[] = [$lo, $hi];
        }
        return $this->dateRange($field, $ranges, $pol);
    }

    /** now + d, saturated: INF and -INF stand for beyond the int range. */
    private static function sat(int|float $a, int|float $d): int|float
    {
        if (is_float($a) || is_float($d)) {
            if (is_float($a) && is_float($d) && $a !== $d) {
                return 0; // not reached: the bounds never add opposite infinities
            }
            return is_float($a) ? $a : $d;
        }
        $r = $a + $d;
        return is_int($r) ? $r : ($d > 0 ? INF : -INF);
    }

    private static function mul(int $a, int $b): int|float
    {
        $r = $a * $b;
        return is_int($r) ? $r : (($a > 0) === ($b > 0) ? INF : -INF);
    }

    private static function minOf(int|float $a, int|float $b): int|float
    {
        return $a <= $b ? $a : $b;
    }

    private static function maxOf(int|float $a, int|float $b): int|float
    {
        return $a >= $b ? $a : $b;
    }

    /** The dates t for which now - t does not overflow (days_since is null beyond). */
    private static function validLow(int $now): int|float
    {
        $r = $now - PHP_INT_MAX;
        return is_int($r) ? $r : -INF;
    }

    private static function validHigh(int $now): int|float
    {
        return $now >= 0 ? INF : $now - PHP_INT_MIN;
    }

    /** X in one of the ranges [lo, hi] of Unix times (INF: unbounded), as bounds on the column. */
    private function dateRange(string $field, array $ranges, int $pol): bool|array
    {
        $m = $this->map[$field];
        $col = '(' . $m['expr'] . ')';
        $cs = [];
        foreach ($ranges as [$lo, $hi]) {
            if ($lo > $hi) {
                continue;
            }
            $bounds = [];
            if (is_int($lo)) {
                $bounds[] = $this->dateBound($col, '>=', $lo, $m['type'], $pol);
            }
            if (is_int($hi)) {
                $bounds[] = $this->dateBound($col, '<=', $hi, $m['type'], $pol);
            }
            $c = $this->and($bounds);
            $cs[] = $c === true ? ["($col IS NOT NULL)", []] : $c;
        }
        return $this->or($cs);
    }

    /**
     * col >= t or col <= t. A DATETIME is the wall clock of PHP's default timezone: exact unless a
     * DST change is within 3 hours of t (then widened for a superset, narrowed for a subset).
     * $pol: +1 moves the bound outwards, -1 inwards.
     */
    private function dateBound(string $col, string $cmp, int $t, string $type, int $pol): bool|array
    {
        if ($type === 'timestamp') {
            return ["($col $cmp " . $this->intParam() . ')', [$t]];
        }
        $near = (int) date('Z', self::clamp($t - self::TRANSITION)) !== (int) date('Z', self::clamp($t + self::TRANSITION));
        if ($near) {
            $this->note('a date bound within 3 hours of a daylight saving time change');
            $shift = ($cmp === '<=') === ($pol > 0) ? self::TRANSITION : -self::TRANSITION;
            $moved = $t + $shift;
            if (!is_int($moved)) {
                return $pol > 0;
            }
            $t = $moved;
        }
        $s = date('Y-m-d H:i:s', $t);
        if ($s[0] === '-' || strlen($s) > 19) { // before year 0 or after 9999: no DATETIME is beyond
            $beyond = ($s[0] === '-') === ($cmp === '>=');
            return $beyond;
        }
        return ["($col $cmp ?)", [$s]];
    }

    private static function clamp(int|float $t): int
    {
        return is_int($t) ? $t : ($t > 0 ? PHP_INT_MAX : PHP_INT_MIN);
    }

    // ---- in, like ----

    /** x not null and of the list's element kind: what `not in` and `not like` need besides the negation. */
    private function present(array $x, int $elem): bool|array
    {
        switch ($x['k']) {
            case 'const':
                return $x['v'] !== null;
            case 'int':
                return $x['def0'] ? true : ['(' . $x['t'] . ' IS NOT NULL)', $x['p']];
            case 'str':
                return ['(' . $x['t'] . ' IS NOT NULL)', $x['p']];
            case 'bool':
                return true;
            case 'days': // days_since is null without a date or on overflow
                return $this->dateRange($x['field'], [[self::validLow($this->now), self::validHigh($this->now)]], 1);
            case 'dyn':
                $v = match ($elem) {
                    Compiler::T_STR => $this->strView($x),
                    Compiler::T_NUM => $this->intView($x),
                    Compiler::T_BOOL => null,
                    default => ['t' => $x['t'], 'p' => []],
                };
                return $v === null ? false : ['(' . $v['t'] . ' IS NOT NULL)', $v['p']];
        }
        return false;
    }

    private function in(array $n, int $pol): bool|array
    {
        $x = $this->value($n['kids'][0]);
        $l = $this->value($n['kids'][1]);
        if ($x['k'] === 'unknown') {
            return $this->inexact($pol, $x['why']);
        }
        if ($l['k'] === 'unknown') {
            return $this->inexact($pol, $l['why']);
        }
        $neg = $n['neg'];
        $p = $neg ? -$pol : $pol;
        if ($l['k'] === 'lfield') {
            $f = $l['field'];
            $elem = Compiler::T_STR;
            $contains = $this->map[$f]['contains'] ?? null;
            if ($contains === null) {
                return $this->inexact($pol, "$f: no 'contains' in the column map");
            }
            $x = $this->strView($x);
            if ($x['k'] === 'const') {
                $found = is_string($x['v']) ? self::substitute($contains, '?', [$x['v']]) : false;
            } elseif ($x['k'] === 'str') {
                $found = self::substitute($contains, $x['t'], $x['p']);
            } else {
                $found = false;
            }
        } else {
            $elem = $n['kids'][1]['elem'];
            $cs = [];
            foreach ($l['items'] as $item) {
                $cs[] = $this->compare($x, 0, $item, $p);
            }
            $found = $this->or($cs);
        }
        return $neg ? $this->and([$this->present($x, $elem), self::not($found)]) : $found;
    }

    /** The developer's `contains` SQL with its ? replaced by the value's SQL. */
    private static function substitute(string $contains, string $text, array $params): array
    {
        $at = strpos($contains, '?');
        return ['(' . substr($contains, 0, $at) . $text . substr($contains, $at + 1) . ')', $params];
    }

    private function like(array $n, int $pol): bool|array
    {
        $x = $this->strView($this->value($n['kids'][0]));
        if ($x['k'] === 'unknown') {
            return $this->inexact($pol, $x['why']);
        }
        if ($x['k'] !== 'str') {
            return false;
        }
        $neg = $n['neg'];
        $match = $this->glob($x, $n['v'], $neg ? -$pol : $pol);
        return $neg ? $this->and([$this->present($x, Compiler::T_STR), self::not($match)]) : $match;
    }

    /** `like` as SQL's LIKE, its own wildcards escaped with '!'. */
    private static function likePattern(string $pattern, bool $wild): string
    {
        $out = '';
        $n = strlen($pattern);
        for ($i = 0; $i < $n; $i++) {
            $c = $pattern[$i];
            if ($wild && $c === '*') {
                $out .= '%';
            } elseif ($wild && $c === '?') {
                $out .= '_';
            } elseif ($c === '%' || $c === '_' || $c === '!') {
                $out .= '!' . $c;
            } else {
                $out .= $c;
            }
        }
        return $out;
    }

    /**
     * The start, after the literal $run between stars framed by $a and $b question marks, of the
     * leftmost match at or after the byte offset $s of the lowered blob $v (1-based); NULL when there
     * is none (NULLIF). Matching each run between stars at its leftmost place is how a glob of stars
     * matches; a run that would reach into the suffix is caught by the caller's final check.
     */
    private function nextStart(array $s, ?array $v, int $a, string $run, int $b): array
    {
        if ($run === '') { // question marks only: that many bytes
            return ['(' . $s[0] . ' + ' . $this->intParam() . ')', array_merge($s[1], [$a + $b])];
        }
        // the deep term first: SQLite's parser stack then holds no open `s +` while it reads it
        return ['(NULLIF(instr(substr(' . $v[0] . ', ' . $s[0] . ' + ' . $this->intParam() . '), CAST(? AS BLOB)), 0) + '
            . $s[0] . ' + ' . $this->intParam() . ')',
            array_merge($v[1], $s[1], [$a, Runtime::lower($run)], $s[1], [$a + strlen($run) + $b - 1])];
    }

    /**
     * The literal runs between the first and the last star, each found at its leftmost place after the
     * previous one: the next start after the last must leave the suffix's $suf bytes. Null for a run
     * with `?` inside its literal (instr() finds literals only) or more than SQLITE_MIDDLES runs.
     */
    private function middles(array $x, string $blob, string $pattern, int $from, int $to, int $suf): bool|array|null
    {
        $s = [$this->intParam(), [$from + 1]];
        $v = null;
        $count = 0;
        foreach (explode('*', substr($pattern, $from, $to - $from)) as $part) {
            if ($part === '') {
                continue;
            }
            $a = strspn($part, '?');
            $q = $a === strlen($part) ? 0 : strlen($part) - strlen(rtrim($part, '?'));
            $run = substr($part, $a, strlen($part) - $a - $q);
            if (strpos($run, '?') !== false || ++$count > self::SQLITE_MIDDLES) {
                return null;
            }
            if ($v === null && $run !== '') {
                $v = ['CAST(lower(' . $x['t'] . ') AS BLOB)', $x['p']];
            }
            $s = $this->nextStart($s, $v, $a, $run, $q);
        }
        if ($count === 0) {
            return true;
        }
        return ['(' . $s[0] . ' <= length(' . $blob . ') + ' . $this->intParam() . ')', array_merge($s[1], $x['p'], [1 - $suf])];
    }

    /**
     * `like` in SQLite, byte for byte, right for a value holding a NUL byte too (SQLite's LIKE reads text
     * up to the first one) and with the engine's `?` as one byte (SQLite's _ is one character): the
     * length, the literal runs of PRE and SUF at their byte offsets of CAST(x AS BLOB), where substr()
     * counts bytes (from the end for SUF), and the runs between stars by instr() on the lowered blob
     * (middles()); lower() of SQLite folds ASCII bytes only, as `like` does. Null for the shapes
     * middles() refuses.
     */
    private function byteGlob(array $x, string $pattern): bool|array|null
    {
        $len = strlen($pattern);
        $first = strpos($pattern, '*');
        $pre = $first === false ? $len : $first;
        $sufAt = $first === false ? $len : strrpos($pattern, '*') + 1;
        $blob = 'CAST(' . $x['t'] . ' AS BLOB)';
        $mid = true;
        if ($first !== false && ($mid = $this->middles($x, $blob, $pattern, $pre, $sufAt, $len - $sufAt)) === null) {
            return null;
        }
        $cs = [['(length(' . $blob . ($first === false ? ') = ' : ') >= ') . $this->intParam() . ')',
            array_merge($x['p'], [$len - substr_count($pattern, '*')])]];
        foreach ($first === false ? [[0, $len]] : [[0, $pre], [$sufAt, $len]] as [$from, $to]) {
            for ($i = $from; $i < $to; $i += max($k, 1)) {
                $k = strcspn($pattern, '?', $i, $to - $i);
                if ($k > 0) {
                    $start = $first !== false && $from === $sufAt ? -($len - $i) : $i + 1;
                    $cs[] = ['(lower(substr(' . $blob . ', ' . $this->intParam() . ', ' . $this->intParam() . ')) = ?)',
                        array_merge($x['p'], [$start, $k, Runtime::lower(substr($pattern, $i, $k))])];
                }
            }
        }
        $cs[] = $mid;
        return $this->and($cs);
    }

    /**
     * SQLite: LIKE folds ASCII case as `like` does, but reads a text value only up to its first NUL
     * byte and its _ is one character. A pattern with `?` is matched byte for byte; one without keeps
     * LIKE (and a prefix LIKE the index can use) for values without a NUL byte, the bytes for others.
     * LIKE 'PRE%' is right for every value: PRE holds no NUL byte (expressions have none).
     */
    private function sqliteGlob(array $x, string $pattern, int $pol): bool|array
    {
        if (strpos($pattern, '?') !== false) {
            if (($bytes = $this->byteGlob($x, $pattern)) !== null) {
                return $bytes;
            }
            $this->note("like with '?' in SQLite: its _ matches a character, the engine's ? one byte");
            if ($pol < 0) {
                return false;
            }
            $pattern = str_replace('?', '*', $pattern);
        }
        $like = ['(' . $x['t'] . " LIKE ? ESCAPE '!')", array_merge($x['p'], [self::likePattern($pattern, true)])];
        $pre = strcspn($pattern, '*');
        if ($pre < strlen($pattern) && strspn($pattern, '*', $pre) === strlen($pattern) - $pre) { // PRE*: LIKE 'PRE%'
            return $like;
        }
        $nul = "(CASE WHEN instr(CAST(" . $x['t'] . " AS BLOB), X'00') > 0 THEN ";
        if (($bytes = $this->byteGlob($x, $pattern)) === null) {
            $this->note("like in SQLite with more than 3 literals between stars: a value holding a NUL byte, which SQLite's LIKE reads only up to, is checked in PHP");
            $m = [$nul . ($pol > 0 ? '1' : '0') . ' ELSE ' . $like[0] . ' END)', array_merge($x['p'], $like[1])];
        } else {
            $m = [$nul . $bytes[0] . ' ELSE ' . $like[0] . ' END)', array_merge($x['p'], $bytes[1], $like[1])];
        }
        if ($pre === 0) {
            return $m;
        }
        return $this->and([['(' . $x['t'] . " LIKE ? ESCAPE '!')", array_merge($x['p'], [self::likePattern(substr($pattern, 0, $pre), false) . '%'])], $m]);
    }

    private function glob(array $x, string $pattern, int $pol): bool|array
    {
        if ($this->dialect === self::SQLITE) {
            return $this->sqliteGlob($x, $pattern, $pol);
        }
        $lower = Runtime::lower($pattern);
        $letters = strcspn($pattern, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz') < strlen($pattern);
        $bytes = $x['low'] ? $x : ($letters ? $this->lower($x) : ['t' => 'CAST(' . $x['t'] . ' AS BINARY)', 'p' => $x['p']]);
        $exact = ['(' . $bytes['t'] . " LIKE ? ESCAPE '!')", array_merge($bytes['p'], [self::likePattern($lower, true)])];
        if (!$x['raw']) {
            return $exact;
        }
        // a prefix without letters nor non-ASCII bytes matches itself under any collation: sargable
        $n = strcspn($pattern, '*?');
        $prefix = '';
        for ($i = 0; $i < $n; $i++) {
            $o = ord($pattern[$i]);
            if ($o >= 0x80 || ($o >= 65 && $o <= 90) || ($o >= 97 && $o <= 122)) {
                break;
            }
            $prefix .= $pattern[$i];
        }
        if ($prefix === '') {
            return $exact;
        }
        return $this->and([['(' . $x['t'] . " LIKE ? ESCAPE '!')", array_merge($x['p'], [self::likePattern($prefix, false) . '%'])], $exact]);
    }
}
