<?php
// The segment language of SPEC section 5, parsed once into closures.
//
// A compiled expression is a Closure(array $customer, int $now): mixed. Comparisons, `in`
// and `like` give bools; arithmetic gives int|float|null; null (a missing field, an
// overflow, a division by zero) makes every comparison false (SPEC 10).
declare(strict_types=1);

namespace Loyalty\Plain;

final class Expression
{
    private const KEYWORDS = ['and', 'or', 'not', 'in', 'like', 'true', 'false'];
    private const MAX_DEPTH = 64;
    private const MAX_LENGTH = 4096;

    /** @var list<array{0: string, 1: mixed, 2: int}> tokens: kind, value, 1-based column */
    private array $tokens = [];
    private int $pos = 0;
    private int $depth = 0;

    /**
     * @param \Closure(string): \Closure $segment gives the test of a named segment (for segment('x'))
     */
    private function __construct(
        private readonly string $source,
        private readonly string $path,
        private readonly \Closure $segment,
    ) {
    }

    /** @return \Closure(array, int): bool */
    public static function compile(string $source, string $path, \Closure $segment): \Closure
    {
        if (strlen($source) > self::MAX_LENGTH) {
            throw new ExpressionException("$path: expression longer than 4 KiB");
        }
        $parser = new self($source, $path, $segment);
        $parser->tokenize();
        [$fn, $type] = $parser->parseOr();
        if ($parser->peek()[0] !== 'end') {
            $parser->fail('unexpected ' . $parser->describe($parser->peek()));
        }
        if ($type !== 'bool' && $type !== 'dynamic') {
            $parser->fail('the expression must be a condition', 1);
        }
        return static fn(array $c, int $now): bool => $fn($c, $now) === true;
    }

    // ---- lexer --------------------------------------------------------------------------

    private function tokenize(): void
    {
        $s = $this->source;
        $n = strlen($s);
        $i = 0;
        while ($i < $n) {
            $ch = $s[$i];
            if ($ch === ' ' || $ch === "\t" || $ch === "\n" || $ch === "\r") {
                $i++;
                continue;
            }
            $col = $i + 1;
            if ($ch >= '0' && $ch <= '9') {
                preg_match('/\G\d+(\.\d+)?/', $s, $m, 0, $i);
                $text = $m[0];
                if (isset($m[1])) {
                    $value = (float) $text;
                } else {
                    // by its digits: no ext/filter needed (PHP built with --disable-all has none)
                    $digits = ltrim($text, '0') ?: '0';
                    $max = (string) PHP_INT_MAX;
                    if (strlen($digits) > strlen($max) || (strlen($digits) === strlen($max) && strcmp($digits, $max) > 0)) {
                        $this->fail('integer literal above PHP_INT_MAX', $col);
                    }
                    $value = (int) $digits;
                }
                $this->tokens[] = ['number', $value, $col];
                $i += strlen($text);
            } elseif ($ch === "'" || $ch === '"') {
                $value = '';
                $j = $i + 1;
                while (true) {
                    if ($j >= $n) {
                        $this->fail('unterminated string', $col);
                    }
                    $c = $s[$j];
                    if ($c === $ch) {
                        break;
                    }
                    if ($c === '\\' && $j + 1 < $n && ($s[$j + 1] === $ch || $s[$j + 1] === '\\')) {
                        $c = $s[++$j];
                    }
                    $value .= $c;
                    $j++;
                }
                $this->tokens[] = ['string', $value, $col];
                $i = $j + 1;
            } elseif (($ch >= 'a' && $ch <= 'z') || ($ch >= 'A' && $ch <= 'Z') || $ch === '_') {
                preg_match('/\G[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z0-9_-]+)?/', $s, $m, 0, $i);
                $word = $m[0];
                $this->tokens[] = in_array($word, self::KEYWORDS, true) ? [$word, $word, $col] : ['name', $word, $col];
                $i += strlen($word);
            } else {
                $two = substr($s, $i, 2);
                if (in_array($two, ['==', '!=', '<=', '>='], true)) {
                    $this->tokens[] = [$two, $two, $col];
                    $i += 2;
                } elseif (str_contains('<>+-*/()[],', $ch)) {
                    $this->tokens[] = [$ch, $ch, $col];
                    $i++;
                } else {
                    $this->fail("unexpected character '$ch'", $col);
                }
            }
        }
        $this->tokens[] = ['end', null, $n + 1];
    }

    private function peek(): array
    {
        return $this->tokens[$this->pos];
    }

    private function next(): array
    {
        return $this->tokens[$this->pos++];
    }

    private function accept(string $kind): bool
    {
        if ($this->tokens[$this->pos][0] === $kind) {
            $this->pos++;
            return true;
        }
        return false;
    }

    private function expect(string $kind): array
    {
        $t = $this->next();
        if ($t[0] !== $kind) {
            $this->pos--;
            $this->fail("expected '$kind', got " . $this->describe($t));
        }
        return $t;
    }

    private function describe(array $t): string
    {
        return match ($t[0]) {
            'end' => 'end of expression',
            'string' => "string '{$t[1]}'",
            'number' => "number {$t[1]}",
            default => "'{$t[1]}'",
        };
    }

    private function fail(string $message, ?int $col = null): never
    {
        $col ??= $this->tokens[$this->pos][2] ?? 1;
        throw new ExpressionException(sprintf("%s: %s at column %d\n%s\n%s^", $this->path, $message, $col,
            $this->source, str_repeat(' ', $col - 1)));
    }

    private function enter(): void
    {
        if (++$this->depth > self::MAX_DEPTH) {
            $this->fail('expression nested deeper than 64 levels');
        }
    }

    // ---- parser: each rule returns [closure, static type] ---------------------------------

    private function parseOr(): array
    {
        [$left, $type] = $this->parseAnd();
        while ($this->peek()[0] === 'or') {
            $this->next();
            $this->condition($type);
            [$right, $rtype] = $this->parseAnd();
            $this->condition($rtype);
            $l = $left;
            $left = static fn(array $c, int $now): bool => $l($c, $now) === true || $right($c, $now) === true;
            $type = 'bool';
        }
        return [$left, $type];
    }

    private function parseAnd(): array
    {
        [$left, $type] = $this->parseNot();
        while ($this->peek()[0] === 'and') {
            $this->next();
            $this->condition($type);
            [$right, $rtype] = $this->parseNot();
            $this->condition($rtype);
            $l = $left;
            $left = static fn(array $c, int $now): bool => $l($c, $now) === true && $right($c, $now) === true;
            $type = 'bool';
        }
        return [$left, $type];
    }

    private function parseNot(): array
    {
        if ($this->accept('not')) {
            $this->enter();
            [$inner, $type] = $this->parseNot();
            $this->depth--;
            $this->condition($type);
            return [static fn(array $c, int $now): bool => $inner($c, $now) !== true, 'bool'];
        }
        return $this->parseComparison();
    }

    private function condition(string $type): void
    {
        if ($type !== 'bool' && $type !== 'dynamic') {
            $this->fail("expected a condition, got a $type");
        }
    }

    private function parseComparison(): array
    {
        [$left, $ltype] = $this->parseSum();
        $t = $this->peek();
        $negated = false;
        if ($t[0] === 'not' && in_array($this->tokens[$this->pos + 1][0], ['in', 'like'], true)) {
            $this->next();
            $negated = true;
            $t = $this->peek();
        }
        switch ($t[0]) {
            case '==': case '!=': case '<': case '<=': case '>': case '>=':
                $this->next();
                [$right, $rtype] = $this->parseSum();
                $this->sameType($ltype, $rtype, $t);
                return [self::comparison($t[0], $left, $right), 'bool'];
            case 'in':
                $this->next();
                [$list, $listType] = $this->parsePrimary();
                if ($listType !== 'list' && $listType !== 'dynamic') {
                    $this->fail('in needs a list', $t[2]);
                }
                $in = self::membership($left);
                return [$negated
                    ? static function (array $c, int $now) use ($in, $list): bool {
                        $x = $in($c, $now, $list($c, $now));
                        return $x === false;
                    }
                    : static fn(array $c, int $now): bool => $in($c, $now, $list($c, $now)) === true, 'bool'];
            case 'like':
                $this->next();
                $pattern = $this->expect('string');
                if ($ltype !== 'string' && $ltype !== 'dynamic') {
                    $this->fail("like needs a string, got a $ltype", $t[2]);
                }
                $regex = '/^' . strtr(preg_quote($pattern[1], '/'), ['\\*' => '.*', '\\?' => '.']) . '$/is';
                return [static function (array $c, int $now) use ($left, $regex, $negated): bool {
                    $v = $left($c, $now);
                    if (!is_string($v)) {
                        return false;
                    }
                    return (preg_match($regex, $v) === 1) !== $negated;
                }, 'bool'];
        }
        if ($negated) {
            $this->fail("expected 'in' or 'like'");
        }
        return [$left, $ltype];
    }

    private function sameType(string $a, string $b, array $op): void
    {
        if ($a !== 'dynamic' && $b !== 'dynamic' && $a !== $b) {
            $this->fail("cannot compare a $a with a $b", $op[2]);
        }
        if (!in_array($op[0], ['==', '!='], true) && ($a === 'list' || $a === 'bool' || $b === 'list' || $b === 'bool')) {
            $this->fail("a $a cannot be ordered", $op[2]);
        }
    }

    /** Equality under SPEC 10: numbers by value, everything else exactly; null equals nothing. */
    private static function equal(mixed $a, mixed $b): bool
    {
        if ((is_int($a) || is_float($a)) && (is_int($b) || is_float($b))) {
            return $a == $b;
        }
        return $a === $b;
    }

    private static function comparison(string $op, \Closure $left, \Closure $right): \Closure
    {
        return match ($op) {
            '==' => static function (array $c, int $now) use ($left, $right): bool {
                $a = $left($c, $now);
                $b = $right($c, $now);
                return $a !== null && $b !== null && self::equal($a, $b);
            },
            '!=' => static function (array $c, int $now) use ($left, $right): bool {
                $a = $left($c, $now);
                $b = $right($c, $now);
                return $a !== null && $b !== null && !self::equal($a, $b);
            },
            default => static function (array $c, int $now) use ($op, $left, $right): bool {
                $a = $left($c, $now);
                $b = $right($c, $now);
                if ($a === null || $b === null || is_string($a) !== is_string($b) || is_array($a) || is_array($b) || is_bool($a) || is_bool($b)) {
                    return false;
                }
                $cmp = is_string($a) ? strcmp($a, $b) : $a <=> $b;
                return match ($op) {
                    '<' => $cmp < 0,
                    '<=' => $cmp <= 0,
                    '>' => $cmp > 0,
                    '>=' => $cmp >= 0,
                };
            },
        };
    }

    /** @return \Closure(array, int, mixed): ?bool null when the value is null (then `in` and `not in` are both false) */
    private static function membership(\Closure $item): \Closure
    {
        return static function (array $c, int $now, mixed $list) use ($item): ?bool {
            $x = $item($c, $now);
            if ($x === null || !is_array($list)) {
                return null;
            }
            if (is_string($x)) {
                return in_array($x, $list, true);
            }
            foreach ($list as $y) {
                if ($y !== null && self::equal($x, $y)) {
                    return true;
                }
            }
            return false;
        };
    }

    private function parseSum(): array
    {
        [$left, $type] = $this->parseTerm();
        while (in_array($this->peek()[0], ['+', '-'], true)) {
            $op = $this->next();
            [$right, $rtype] = $this->parseTerm();
            $this->numbers($type, $rtype, $op);
            $left = self::arithmetic($op[0], $left, $right);
            $type = 'number';
        }
        return [$left, $type];
    }

    private function parseTerm(): array
    {
        [$left, $type] = $this->parsePrimary();
        while (in_array($this->peek()[0], ['*', '/'], true)) {
            $op = $this->next();
            [$right, $rtype] = $this->parsePrimary();
            $this->numbers($type, $rtype, $op);
            $left = self::arithmetic($op[0], $left, $right);
            $type = 'number';
        }
        return [$left, $type];
    }

    private function numbers(string $a, string $b, array $op): void
    {
        foreach ([$a, $b] as $t) {
            if ($t !== 'number' && $t !== 'dynamic') {
                $this->fail("'{$op[0]}' needs numbers, got a $t", $op[2]);
            }
        }
    }

    /** Int arithmetic that overflows, and division by zero, give null (SPEC 10). */
    private static function arithmetic(string $op, \Closure $left, \Closure $right): \Closure
    {
        return static function (array $c, int $now) use ($op, $left, $right): int|float|null {
            $a = $left($c, $now);
            $b = $right($c, $now);
            if (!(is_int($a) || is_float($a)) || !(is_int($b) || is_float($b))) {
                return null;
            }
            if ($op === '/') {
                if ($b == 0) {
                    return null;
                }
                if (is_int($a) && is_int($b)) {
                    return ($a === PHP_INT_MIN && $b === -1) ? null : intdiv($a, $b);
                }
                return $a / $b;
            }
            $r = match ($op) {
                '+' => $a + $b,
                '-' => $a - $b,
                '*' => $a * $b,
            };
            return is_float($r) && is_int($a) && is_int($b) ? null : $r;
        };
    }

    private function parsePrimary(): array
    {
        $t = $this->next();
        switch ($t[0]) {
            case 'number':
            case 'string':
                $v = $t[1];
                return [static fn(): mixed => $v, $t[0]];
            case 'true':
            case 'false':
                $v = $t[0] === 'true';
                return [static fn(): bool => $v, 'bool'];
            case '(':
                $this->enter();
                $inner = $this->parseOr();
                $this->expect(')');
                $this->depth--;
                return $inner;
            case '[':
                return $this->parseList();
            case 'name':
                if ($this->peek()[0] === '(') {
                    return $this->parseCall($t);
                }
                return $this->field($t);
        }
        $this->pos--;
        $this->fail('unexpected ' . $this->describe($t));
    }

    private function parseList(): array
    {
        $this->enter();
        $items = [];
        $types = [];
        $constant = []; // a list of literals (nearly always) is built once
        if (!$this->accept(']')) {
            do {
                $literal = in_array($this->peek()[0], ['number', 'string', 'true', 'false'], true)
                    && in_array($this->tokens[$this->pos + 1][0], [',', ']'], true);
                [$item, $types[]] = $this->parseOr();
                $items[] = $item;
                if ($literal && $constant !== null) {
                    $constant[] = $item();
                } else {
                    $constant = null;
                }
            } while ($this->accept(','));
            $this->expect(']');
        }
        $this->depth--;
        if (count(array_unique(array_diff($types, ['dynamic']))) > 1) {
            $this->fail('a list holds values of one type');
        }
        if ($constant !== null) {
            return [static fn(): array => $constant, 'list'];
        }
        return [static fn(array $c, int $now): array => array_map(static fn(\Closure $i) => $i($c, $now), $items), 'list'];
    }

    private function parseCall(array $name): array
    {
        $this->expect('(');
        $this->enter();
        $args = [];
        if (!$this->accept(')')) {
            do {
                $args[] = $this->parseOr();
            } while ($this->accept(','));
            $this->expect(')');
        }
        $this->depth--;
        switch ($name[1]) {
            case 'segment':
                if (count($args) !== 1 || $args[0][1] !== 'string') {
                    $this->fail("segment() takes one segment name", $name[2]);
                }
                $test = ($this->segment)($args[0][0](), $this->path);
                return [static fn(array $c, int $now): bool => $test($c, $now), 'bool'];
            case 'count':
                if (count($args) !== 1 || !in_array($args[0][1], ['list', 'dynamic'], true)) {
                    $this->fail('count() takes a list', $name[2]);
                }
                $list = $args[0][0];
                return [static function (array $c, int $now) use ($list): ?int {
                    $v = $list($c, $now);
                    return is_array($v) ? count($v) : null;
                }, 'number'];
            case 'lower':
                if (count($args) !== 1 || !in_array($args[0][1], ['string', 'dynamic'], true)) {
                    $this->fail('lower() takes a string', $name[2]);
                }
                $s = $args[0][0];
                return [static function (array $c, int $now) use ($s): ?string {
                    $v = $s($c, $now);
                    return is_string($v) ? strtolower($v) : null;
                }, 'string'];
        }
        $this->fail("unknown function '{$name[1]}'", $name[2]);
    }

    private function field(array $t): array
    {
        $name = $t[1];
        if (str_starts_with($name, 'attr.')) {
            $key = substr($name, 5);
            return [static fn(array $c): mixed => $c['attributes'][$key] ?? null, 'dynamic'];
        }
        switch ($name) {
            case 'active':
                return [static fn(array $c): bool => $c['active'] ?? true, 'bool'];
            case 'groups':
            case 'carriers':
            case 'bought':
                return [static fn(array $c): array => $c[$name] ?? [], 'list'];
            case 'orders':
            case 'spent':
            case 'points':
            case 'lifetime_points':
                return [static fn(array $c): int => $c[$name] ?? 0, 'number'];
            case 'city':
            case 'postcode':
            case 'country':
                return [static fn(array $c): ?string => $c[$name] ?? null, 'string'];
            case 'days_since_first_order':
            case 'days_since_last_order':
                $key = substr($name, 11);
                return [static function (array $c, int $now) use ($key): ?int {
                    $at = Time::timestamp($c[$key] ?? null, "customer.$key");
                    return $at === null ? null : (int) floor(($now - $at) / 86400);
                }, 'number'];
        }
        $this->fail("unknown field '$name'", $t[2]);
    }
}
