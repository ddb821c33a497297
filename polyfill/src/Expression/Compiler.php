<?php
declare(strict_types=1);

namespace Loyalty\Polyfill\Expression;

use Closure;
use Loyalty\ExpressionException;
use Loyalty\Polyfill\Customer;

/**
 * @internal Scanner, parser and type checker of segment expressions (SPEC 5 and 10), as
 * src/expression/lty_lexer.re and src/expression/lty_expr_parse.c: recursive descent, types checked as each node is
 * built, the first error reported at the column of the offending token. Each node compiles to
 * a closure over a Customer, so an expression is parsed once and then only evaluated.
 *
 * A node while compiling is [Closure $eval, int $type, int $elem].
 */
final class Compiler
{
    public const MAX_SOURCE = 4096;
    public const MAX_DEPTH = 64;

    // Static types (lty_type)
    public const T_BOOL = 0;
    public const T_NUM = 1;
    public const T_STR = 2;
    public const T_LIST = 3;
    public const T_DYN = 4;   // attr.*: checked at run time
    public const T_ANY = 5;   // element type of the empty list

    // Customer fields read (LTY_FIELD_*)
    public const F_ACTIVE = 1 << 0;
    public const F_GROUPS = 1 << 1;
    public const F_ORDERS = 1 << 2;
    public const F_SPENT = 1 << 3;
    public const F_FIRST_ORDER = 1 << 4;
    public const F_LAST_ORDER = 1 << 5;
    public const F_CITY = 1 << 6;
    public const F_POSTCODE = 1 << 7;
    public const F_COUNTRY = 1 << 8;
    public const F_CARRIERS = 1 << 9;
    public const F_BOUGHT = 1 << 10;
    public const F_POINTS = 1 << 11;
    public const F_LIFETIME_POINTS = 1 << 12;
    public const F_ATTRIBUTES = 1 << 13;
    public const F_BUILTIN = self::F_ACTIVE | self::F_ORDERS | self::F_FIRST_ORDER | self::F_LAST_ORDER;

    // Tokens (lty_token)
    private const END = 0, INT = 1, DECIMAL = 2, STRING = 3, IDENT = 4, ATTR = 5, K_AND = 6, K_OR = 7,
        K_NOT = 8, K_IN = 9, K_LIKE = 10, K_TRUE = 11, K_FALSE = 12, EQ = 13, NE = 14, LT = 15, LE = 16,
        GT = 17, GE = 18, PLUS = 19, MINUS = 20, STAR = 21, SLASH = 22, LPAREN = 23, RPAREN = 24,
        LBRACKET = 25, RBRACKET = 26, COMMA = 27, UNTERMINATED = 28, NUL = 29, INVALID = 30;

    private const KEYWORDS = [
        'and' => self::K_AND, 'or' => self::K_OR, 'not' => self::K_NOT, 'in' => self::K_IN,
        'like' => self::K_LIKE, 'true' => self::K_TRUE, 'false' => self::K_FALSE,
    ];
    private const PUNCT = [
        '<' => self::LT, '>' => self::GT, '+' => self::PLUS, '-' => self::MINUS, '*' => self::STAR,
        '/' => self::SLASH, '(' => self::LPAREN, ')' => self::RPAREN, '[' => self::LBRACKET,
        ']' => self::RBRACKET, ',' => self::COMMA,
    ];
    private const PUNCT2 = ['==' => self::EQ, '!=' => self::NE, '<=' => self::LE, '>=' => self::GE];

    private const TOKEN_TEXT = [
        self::END => 'end of expression', self::K_AND => "'and'", self::K_OR => "'or'", self::K_NOT => "'not'",
        self::K_IN => "'in'", self::K_LIKE => "'like'", self::EQ => "'=='", self::NE => "'!='", self::LT => "'<'",
        self::LE => "'<='", self::GT => "'>'", self::GE => "'>='", self::PLUS => "'+'", self::MINUS => "'-'",
        self::STAR => "'*'", self::SLASH => "'/'", self::LPAREN => "'('", self::RPAREN => "')'",
        self::LBRACKET => "'['", self::RBRACKET => "']'", self::COMMA => "','", self::INT => 'number',
        self::DECIMAL => 'number', self::STRING => 'string', self::K_TRUE => "'true'", self::K_FALSE => "'false'",
        self::IDENT => 'name', self::ATTR => 'name',
    ];

    private const CMP = [self::EQ => 0, self::NE => 1, self::LT => 2, self::LE => 3, self::GT => 4, self::GE => 5];

    /** name => [type, elem, field bit] */
    private const FIELDS = [
        'active' => [self::T_BOOL, self::T_ANY, self::F_ACTIVE],
        'groups' => [self::T_LIST, self::T_STR, self::F_GROUPS],
        'orders' => [self::T_NUM, self::T_ANY, self::F_ORDERS],
        'spent' => [self::T_NUM, self::T_ANY, self::F_SPENT],
        'city' => [self::T_STR, self::T_ANY, self::F_CITY],
        'postcode' => [self::T_STR, self::T_ANY, self::F_POSTCODE],
        'country' => [self::T_STR, self::T_ANY, self::F_COUNTRY],
        'carriers' => [self::T_LIST, self::T_STR, self::F_CARRIERS],
        'bought' => [self::T_LIST, self::T_STR, self::F_BOUGHT],
        'points' => [self::T_NUM, self::T_ANY, self::F_POINTS],
        'lifetime_points' => [self::T_NUM, self::T_ANY, self::F_LIFETIME_POINTS],
        'days_since_first_order' => [self::T_NUM, self::T_ANY, self::F_FIRST_ORDER],
        'days_since_last_order' => [self::T_NUM, self::T_ANY, self::F_LAST_ORDER],
    ];

    /** The fields of a line expression (SPEC 11): name => type */
    private const LINE_FIELDS = ['sku' => self::T_STR, 'category' => self::T_STR, 'qty' => self::T_NUM,
        'price' => self::T_NUM, 'amount' => self::T_NUM];

    private string $src;
    private int $len;
    private int $cursor = 0;
    private int $tok = self::END;
    private int $tokStart = 0;
    private int $tokLen = 0;
    private int $depth = 0;
    private int $fields = 0;
    /** @var list<array{0: int, 1: int}> */
    private array $refs = [];
    /** Tree mode (Engine::sql()): each node also carries its syntax tree under 'n', as lty_node. */
    private bool $tree = false;

    /**
     * @param Closure(string): int $segmentIndex index of a segment by name, -1 when unknown
     * @param Closure(string): void $useAttr records an attribute name read
     */
    private function __construct(
        string $src,
        private string $path,
        private Closure $segmentIndex,
        private Closure $useAttr,
        private bool $line = false,
    ) {
        $this->src = $src;
        $this->len = strlen($src);
    }

    /**
     * Compiles `$src`; on error an ExpressionException reading "PATH: MESSAGE at column N",
     * then the source and a caret line.
     * @param Closure(string): int $segmentIndex
     * @param Closure(string): void $useAttr
     */
    public static function compile(string $src, string $path, Closure $segmentIndex, Closure $useAttr, bool $line = false): Expression
    {
        if (strlen($src) > self::MAX_SOURCE) {
            throw self::error($path, $src, self::MAX_SOURCE + 1, 'expression is longer than 4096 bytes');
        }
        $p = new self($src, $path, $segmentIndex, $useAttr, $line);
        return $p->run();
    }

    /**
     * The syntax tree of an expression that compiled (Engine::sql() translates it): nested arrays
     * shaped as src/expression/lty_expr_internal.h's nodes, each with the closure 'f' that evaluates it.
     * @param Closure(string): int $segmentIndex
     */
    public static function tree(string $src, Closure $segmentIndex): array
    {
        $p = new self($src, 'segment', $segmentIndex, static function (string $name): void {
        });
        $p->tree = true;
        $p->advance();
        $root = $p->parseOr();
        return $root['n'];
    }

    /** @param array{0: Closure, 1: int, 2: int} $node */
    private function node(array $node, string $op, array $kids = [], array $more = []): array
    {
        if ($this->tree) {
            $node['n'] = ['op' => $op, 'type' => $node[1], 'elem' => $node[2], 'f' => $node[0], 'kids' => $kids] + $more;
        }
        return $node;
    }

    /** The message of an expression error, as lty_expr_error(). */
    public static function error(string $path, string $src, int $column, string $message): ExpressionException
    {
        if (strlen($message) > 511) {
            $message = substr($message, 0, 511);
        }
        $head = "$path: $message at column $column\n";
        $len = strlen($src);
        $shown = min($len, self::MAX_SOURCE + 16);
        if ($column > $shown + 1) {
            $column = $shown + 1;
        }
        if (strlen($head) + $shown + 4 + $column + 2 < 9216) {
            static $controls = null;
            if ($controls === null) {
                $controls = [];
                for ($i = 0; $i < 0x20; $i++) {
                    $controls[chr($i)] = ' ';
                }
                $controls["\x7f"] = ' ';
            }
            $text = $head . strtr($shown < $len ? substr($src, 0, $shown) : $src, $controls)
                . ($shown < $len ? '...' : '') . "\n" . str_repeat(' ', $column - 1) . '^';
        } else {
            $text = substr($head, 0, -1);
        }
        return new ExpressionException($text, 2);
    }

    private function run(): Expression
    {
        $this->advance();
        if ($this->tok === self::END) {
            $this->fail($this->tokStart, 'empty expression');
        }
        $at = $this->tokStart;
        $root = $this->parseOr();
        if ($this->tok !== self::END) {
            $this->unexpected();
        }
        if (!self::isCondition($root[1])) {
            $this->fail($at, 'expression must be a condition, got ' . self::typeName($root[1], $root[2]));
        }
        return new Expression($this->src, $root[0], $this->fields, $this->refs, $this->line && ($root['never'] ?? false));
    }

    private function fail(int $at, string $message): never
    {
        throw self::error($this->path, $this->src, $at + 1, $message);
    }

    // ---- scanner (src/expression/lty_lexer.re) ----

    /** @return array{0: int, 1: int, 2: int} [token, start, end] of the token at or after $i */
    private function scan(int $i): array
    {
        $src = $this->src;
        $len = $this->len;
        $i += strspn($src, " \t\r\n", $i);
        if ($i >= $len) {
            return [self::END, $len, $len];
        }
        $c = $src[$i];
        $o = ord($c);
        if ($c === '_' || ($o >= 97 && $o <= 122) || ($o >= 65 && $o <= 90)) {
            $n = strspn($src, 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_', $i);
            $word = substr($src, $i, $n);
            if (isset(self::KEYWORDS[$word])) {
                return [self::KEYWORDS[$word], $i, $i + $n];
            }
            if ($word === 'attr' && $i + 5 < $len && $src[$i + 4] === '.') {
                $f = $src[$i + 5];
                $fo = ord($f);
                if ($f === '_' || ($fo >= 97 && $fo <= 122) || ($fo >= 65 && $fo <= 90)) {
                    $m = strspn($src, 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_', $i + 5);
                    return [self::ATTR, $i, $i + 5 + $m];
                }
            }
            return [self::IDENT, $i, $i + $n];
        }
        if ($o >= 48 && $o <= 57) {
            $n = strspn($src, '0123456789', $i);
            $j = $i + $n;
            if ($j + 1 < $len && $src[$j] === '.' && ($d1 = ord($src[$j + 1])) >= 48 && $d1 <= 57) {
                $m = strspn($src, '0123456789', $j + 1);
                return [self::DECIMAL, $i, $j + 1 + $m];
            }
            return [self::INT, $i, $j];
        }
        if ($c === "'" || $c === '"') {
            $j = $i + 1;
            while (true) {
                if ($j >= $len) {
                    return [self::UNTERMINATED, $i, $i + 1];
                }
                $d = $src[$j];
                if ($d === $c) {
                    return [self::STRING, $i, $j + 1];
                }
                if ($d === "\0") {
                    return [self::UNTERMINATED, $i, $i + 1];
                }
                if ($d === '\\') {
                    if ($j + 1 >= $len || $src[$j + 1] === "\0") {
                        return [self::UNTERMINATED, $i, $i + 1];
                    }
                    $j += 2;
                    continue;
                }
                $j++;
            }
        }
        if ($c === "\0") {
            return [self::NUL, $i, $i + 1];
        }
        if ($i + 1 < $len) {
            $two = $c . $src[$i + 1];
            if (isset(self::PUNCT2[$two])) {
                return [self::PUNCT2[$two], $i, $i + 2];
            }
        }
        if (isset(self::PUNCT[$c])) {
            return [self::PUNCT[$c], $i, $i + 1];
        }
        return [self::INVALID, $i, $i + 1];
    }

    private function advance(): void
    {
        [$this->tok, $this->tokStart, $end] = $this->scan($this->cursor);
        $this->tokLen = $end - $this->tokStart;
        $this->cursor = $end;
        switch ($this->tok) {
            case self::NUL:
                $this->fail($this->tokStart, 'NUL byte in expression');
                // no break
            case self::UNTERMINATED:
                $nul = strpos($this->src, "\0", $this->tokStart);
                if ($nul !== false) {
                    $this->fail($nul, 'NUL byte in expression');
                }
                $this->fail($this->tokStart, 'unterminated string');
                // no break
            case self::INVALID:
                $o = ord($this->src[$this->tokStart]);
                if ($o >= 0x21 && $o < 0x7f) {
                    $this->fail($this->tokStart, sprintf("unexpected character '%s'", chr($o)));
                }
                $this->fail($this->tokStart, sprintf('unexpected byte 0x%02X', $o));
        }
    }

    private function tokText(): string
    {
        return substr($this->src, $this->tokStart, $this->tokLen);
    }

    private function unexpected(): never
    {
        $t = $this->tok;
        if ($t === self::IDENT || $t === self::ATTR || $t === self::INT || $t === self::DECIMAL) {
            $this->fail($this->tokStart, sprintf("unexpected %s '%s'", self::TOKEN_TEXT[$t], $this->tokText()));
        }
        $this->fail($this->tokStart, 'unexpected ' . (self::TOKEN_TEXT[$t] ?? 'token'));
    }

    private function expect(int $tok): void
    {
        if ($this->tok !== $tok) {
            $this->fail($this->tokStart, sprintf('expected %s, found %s', self::TOKEN_TEXT[$tok],
                self::TOKEN_TEXT[$this->tok] ?? 'token'));
        }
        $this->advance();
    }

    private function nest(int $at): void
    {
        if (++$this->depth > self::MAX_DEPTH) {
            $this->fail($at, sprintf('expression is nested deeper than %d levels', self::MAX_DEPTH));
        }
    }

    // ---- types ----

    public static function typeName(int $type, int $elem): string
    {
        switch ($type) {
            case self::T_BOOL: return 'bool';
            case self::T_NUM: return 'number';
            case self::T_STR: return 'string';
            case self::T_DYN: return 'attribute';
            case self::T_ANY: return 'empty list';
            case self::T_LIST:
                switch ($elem) {
                    case self::T_BOOL: return 'list of bools';
                    case self::T_NUM: return 'list of numbers';
                    case self::T_STR: return 'list of strings';
                    case self::T_DYN: return 'list of attributes';
                    default: return 'empty list';
                }
        }
        return 'value';
    }

    private static function isCondition(int $type): bool
    {
        return $type === self::T_BOOL || $type === self::T_DYN;
    }

    private static function isNumber(int $type): bool
    {
        return $type === self::T_NUM || $type === self::T_DYN;
    }

    /** @param array{0: Closure, 1: int, 2: int} $a @param array{0: Closure, 1: int, 2: int} $b */
    private static function comparable(array $a, array $b): bool
    {
        if ($a[1] === self::T_DYN || $b[1] === self::T_DYN) {
            return $a[1] !== self::T_LIST && $b[1] !== self::T_LIST;
        }
        if ($a[1] !== $b[1]) {
            return false;
        }
        if ($a[1] === self::T_LIST) {
            return $a[2] === $b[2] || $a[2] === self::T_ANY || $b[2] === self::T_ANY
                || $a[2] === self::T_DYN || $b[2] === self::T_DYN;
        }
        return true;
    }

    // ---- grammar ----

    /** @return array{0: Closure, 1: int, 2: int} */
    private function parseOr(): array
    {
        return $this->parseLogic(true);
    }

    /**
     * and := not ('and' not)* ; or := and ('or' and)*
     * @return array{0: Closure, 1: int, 2: int}
     */
    private function parseLogic(bool $isOr): array
    {
        $tok = $isOr ? self::K_OR : self::K_AND;
        $name = $isOr ? 'or' : 'and';
        $firstAt = $this->tokStart;
        $first = $isOr ? $this->parseLogic(false) : $this->parseNot();
        if ($this->tok !== $tok) {
            return $first;
        }
        if (!self::isCondition($first[1])) {
            $this->fail($firstAt, sprintf("'%s' needs conditions, got %s", $name, self::typeName($first[1], $first[2])));
        }
        $kids = [$first[0]];
        $trees = [$first['n'] ?? null];
        $never = !$isOr && ($first['never'] ?? false);
        while ($this->tok === $tok) {
            $this->advance();
            $at = $this->tokStart;
            $next = $isOr ? $this->parseLogic(false) : $this->parseNot();
            if (!self::isCondition($next[1])) {
                $this->fail($at, sprintf("'%s' needs conditions, got %s", $name, self::typeName($next[1], $next[2])));
            }
            $kids[] = $next[0];
            $trees[] = $next['n'] ?? null;
            $never = $never || (!$isOr && ($next['never'] ?? false));
        }
        if (count($kids) === 2) {
            [$a, $b] = $kids;
            $f = $isOr
                ? static fn(object $c): bool => $a($c) === true || $b($c) === true
                : static fn(object $c): bool => $a($c) === true && $b($c) === true;
        } elseif ($isOr) {
            $f = static function (object $c) use ($kids): bool {
                foreach ($kids as $k) {
                    if ($k($c) === true) {
                        return true;
                    }
                }
                return false;
            };
        } else {
            $f = static function (object $c) use ($kids): bool {
                foreach ($kids as $k) {
                    if ($k($c) !== true) {
                        return false;
                    }
                }
                return true;
            };
        }
        return $this->node([$f, self::T_BOOL, self::T_ANY, 'never' => $never], $isOr ? 'or' : 'and', $trees);
    }

    /** not := 'not' not | cmp */
    private function parseNot(): array
    {
        $at = $this->tokStart;
        if ($this->tok !== self::K_NOT) {
            return $this->parseCmp();
        }
        // A run of 'not's is one closure (each level a closure would take memory by the
        // hundred thousand in long settings); only the innermost sees a non-bool operand.
        $nots = 0;
        do {
            $at = $this->tokStart;
            $this->nest($at);
            $this->advance();
            $nots++;
        } while ($this->tok === self::K_NOT);
        $inner = $this->parseCmp();
        $this->depth -= $nots;
        if (!self::isCondition($inner[1])) {
            $this->fail($at, "'not' needs a condition, got " . self::typeName($inner[1], $inner[2]));
        }
        $k = $inner[0];
        $n = [$nots % 2 === 1 ? static fn(object $c): bool => $k($c) !== true : static fn(object $c): bool => $k($c) === true,
            self::T_BOOL, self::T_ANY];
        if ($this->tree) { // one node per 'not', as the C parser builds them
            $t = $inner['n'];
            for ($i = 0; $i < $nots; $i++) {
                $t = ['op' => 'not', 'type' => self::T_BOOL, 'elem' => self::T_ANY, 'f' => $n[0], 'kids' => [$t]];
            }
            $n['n'] = $t;
        }
        return $n;
    }

    /** cmp := sum [ cmpop sum | ['not'] 'in' primary | ['not'] 'like' string ] */
    private function parseCmp(): array
    {
        $lhs = $this->parseArith(true);
        $opAt = $this->tokStart;
        $cmp = self::CMP[$this->tok] ?? -1;
        $negate = false;
        if ($cmp >= 0) {
            $this->advance();
            $rhs = $this->parseArith(true);
            if (!self::comparable($lhs, $rhs)) {
                $this->fail($opAt, sprintf('cannot compare %s with %s', self::typeName($lhs[1], $lhs[2]),
                    self::typeName($rhs[1], $rhs[2])));
            }
            if ($cmp >= 2) {
                $lBad = $lhs[1] === self::T_LIST || $lhs[1] === self::T_BOOL;
                $rBad = $rhs[1] === self::T_LIST || $rhs[1] === self::T_BOOL;
                if ($lBad || $rBad) {
                    $bad = $lBad ? $lhs : $rhs;
                    $this->fail($opAt, sprintf('cannot order %ss', $bad[1] === self::T_LIST ? 'list' : 'bool'));
                }
            }
            $n = $this->node(self::compileCompare($lhs, $rhs, $cmp), 'cmp', [$lhs['n'] ?? null, $rhs['n'] ?? null], ['sub' => $cmp]);
            $n['never'] = ($cmp === 2 && ($lhs['unsigned'] ?? false) && ($rhs['zero'] ?? false))
                || ($cmp === 4 && ($lhs['zero'] ?? false) && ($rhs['unsigned'] ?? false));
        } else {
            if ($this->tok === self::K_NOT) {
                $this->advance();
                if ($this->tok !== self::K_IN && $this->tok !== self::K_LIKE) {
                    $this->fail($this->tokStart, "expected 'in' or 'like' after 'not'");
                }
                $negate = true;
            }
            if ($this->tok === self::K_IN) {
                $this->advance();
                $n = $this->parseIn($lhs, $opAt, $negate);
            } elseif ($this->tok === self::K_LIKE) {
                $this->advance();
                $n = $this->parseLike($lhs, $opAt, $negate);
            } else {
                return $lhs;
            }
        }
        if (isset(self::CMP[$this->tok])) {
            $this->fail($this->tokStart, "comparisons cannot be chained; use 'and'");
        }
        return $n;
    }

    /** Customer properties of the fields a comparison with a literal reads in place (compileQuick()). */
    private const INT_PROPS = ['orders' => 'orders', 'spent' => 'spent', 'points' => 'points', 'lifetime_points' => 'lifetimePoints'];
    private const DAYS_PROPS = ['days_since_first_order' => 'firstOrder', 'days_since_last_order' => 'lastOrder'];
    private const STR_PROPS = ['city' => 'city', 'postcode' => 'postcode', 'country' => 'country'];
    private const LIST_PROPS = ['groups' => 'groups', 'carriers' => 'carriers', 'bought' => 'bought'];
    /** The comparison with its sides swapped: 5 < orders is orders > 5. */
    private const TURNED = [0 => 0, 1 => 1, 2 => 4, 3 => 5, 4 => 2, 5 => 3];

    /**
     * One closure for a field compared with a literal, as the extension's quick steps
     * (src/expression/lty_expr_eval.c): an int field (never null) or the days since an order
     * (null without it: false) with an int, a string field (null: false) == or != a string; null
     * for any other comparison, which goes through compare().
     */
    private static function compileQuick(array $field, array $literal, int $cmp): ?Closure
    {
        $name = $field['field'] ?? null;
        if ($name === null) {
            return null;
        }
        if (isset($literal['int']) && (isset(self::INT_PROPS[$name]) || isset(self::DAYS_PROPS[$name]))) {
            $k = $literal['int'];
            if (isset(self::INT_PROPS[$name])) {
                $p = self::INT_PROPS[$name];
                return match ($cmp) {
                    0 => static fn(object $c): bool => $c->$p === $k,
                    1 => static fn(object $c): bool => $c->$p !== $k,
                    2 => static fn(object $c): bool => $c->$p < $k,
                    3 => static fn(object $c): bool => $c->$p <= $k,
                    4 => static fn(object $c): bool => $c->$p > $k,
                    default => static fn(object $c): bool => $c->$p >= $k,
                };
            }
            $p = self::DAYS_PROPS[$name];
            return match ($cmp) {
                0 => static fn(object $c): bool => ($d = Runtime::daysSince($c->now, $c->$p)) !== null && $d === $k,
                1 => static fn(object $c): bool => ($d = Runtime::daysSince($c->now, $c->$p)) !== null && $d !== $k,
                2 => static fn(object $c): bool => ($d = Runtime::daysSince($c->now, $c->$p)) !== null && $d < $k,
                3 => static fn(object $c): bool => ($d = Runtime::daysSince($c->now, $c->$p)) !== null && $d <= $k,
                4 => static fn(object $c): bool => ($d = Runtime::daysSince($c->now, $c->$p)) !== null && $d > $k,
                default => static fn(object $c): bool => ($d = Runtime::daysSince($c->now, $c->$p)) !== null && $d >= $k,
            };
        }
        if (isset($literal['str']) && isset(self::STR_PROPS[$name]) && $cmp <= 1) {
            $p = self::STR_PROPS[$name];
            $s = $literal['str'];
            return $cmp === 0
                ? static fn(object $c): bool => $c->$p === $s
                : static fn(object $c): bool => ($v = $c->$p) !== null && $v !== $s;
        }
        return null;
    }

    private static function compileCompare(array $lhs, array $rhs, int $cmp): array
    {
        $quick = self::compileQuick($lhs, $rhs, $cmp) ?? self::compileQuick($rhs, $lhs, self::TURNED[$cmp]);
        if ($quick !== null) {
            return [$quick, self::T_BOOL, self::T_ANY];
        }
        $a = $lhs[0];
        $b = $rhs[0];
        // Numbers on both sides (the common case) skip the dispatch on kinds.
        $compare = $lhs[1] === self::T_NUM && $rhs[1] === self::T_NUM
            ? Runtime::compareNullableNumbers(...) : Runtime::compare(...);
        $f = match ($cmp) {
            0 => static fn(object $c): bool => $compare($a($c), $b($c)) === 0,
            1 => static fn(object $c): bool => ($compare($a($c), $b($c)) ?? 0) !== 0,
            2 => static fn(object $c): bool => ($compare($a($c), $b($c)) ?? 1) < 0,
            3 => static fn(object $c): bool => ($compare($a($c), $b($c)) ?? 1) <= 0,
            4 => static fn(object $c): bool => ($compare($a($c), $b($c)) ?? -1) > 0,
            default => static fn(object $c): bool => ($compare($a($c), $b($c)) ?? -1) >= 0,
        };
        return [$f, self::T_BOOL, self::T_ANY];
    }

    private function parseIn(array $lhs, int $opAt, bool $negate): array
    {
        $rhs = $this->parsePrimary();
        if ($rhs[1] !== self::T_LIST) {
            $this->fail($opAt, "'in' needs a list on the right, got " . self::typeName($rhs[1], $rhs[2]));
        }
        if ($lhs[1] === self::T_LIST) {
            $this->fail($opAt, "'in' needs a value on the left, got " . self::typeName($lhs[1], $lhs[2]));
        }
        if ($lhs[1] !== self::T_DYN && $rhs[2] !== self::T_ANY && $rhs[2] !== self::T_DYN && $rhs[2] !== $lhs[1]) {
            $this->fail($opAt, sprintf("'in' needs a list of %ss on the right, got %s", self::typeName($lhs[1], 0),
                self::typeName($rhs[1], $rhs[2])));
        }
        $x = $lhs[0];
        $l = $rhs[0];
        $found = !$negate;
        switch ($rhs[2]) {
            case self::T_STR:
                if (isset($lhs['str']) && isset(self::LIST_PROPS[$rhs['field'] ?? ''])) { // 'pro' in groups
                    $s = $lhs['str'];
                    $p = self::LIST_PROPS[$rhs['field']];
                    $f = static fn(object $c): bool => in_array($s, $c->$p, true) === $found;
                    break;
                }
                if (isset(self::STR_PROPS[$lhs['field'] ?? '']) && isset($rhs['strs'])) { // country in ['BE', 'NL']
                    $p = self::STR_PROPS[$lhs['field']];
                    $strs = $rhs['strs'];
                    $f = static fn(object $c): bool => ($v = $c->$p) !== null && in_array($v, $strs, true) === $found;
                    break;
                }
                $f = static function (object $c) use ($x, $l, $found): bool {
                    $v = $x($c);
                    if (!is_string($v)) {
                        return false;
                    }
                    return in_array($v, $l($c), true) === $found;
                };
                break;
            case self::T_BOOL:
                $f = static function (object $c) use ($x, $l, $found): bool {
                    $v = $x($c);
                    if (!is_bool($v)) {
                        return false;
                    }
                    return in_array($v, $l($c), true) === $found;
                };
                break;
            default:
                $numbers = $rhs[2] === self::T_NUM;
                $f = static function (object $c) use ($x, $l, $found, $numbers): bool {
                    $v = $x($c);
                    if ($v === null || ($numbers && !is_int($v) && !$v instanceof Decimal)) {
                        return false;
                    }
                    foreach ($l($c) as $item) {
                        if (Runtime::compare($v, $item) === 0) {
                            return $found;
                        }
                    }
                    return !$found;
                };
        }
        return $this->node([$f, self::T_BOOL, self::T_ANY], 'in', [$lhs['n'] ?? null, $rhs['n'] ?? null], ['neg' => $negate]);
    }

    private function parseLike(array $lhs, int $opAt, bool $negate): array
    {
        if ($lhs[1] !== self::T_STR && $lhs[1] !== self::T_DYN) {
            $this->fail($opAt, "'like' needs a string on the left, got " . self::typeName($lhs[1], $lhs[2]));
        }
        if ($this->tok !== self::STRING) {
            $this->fail($this->tokStart, "'like' needs a string literal pattern");
        }
        $pattern = $this->stringLiteral();
        $this->advance();
        $match = Runtime::globMatcher($pattern);
        $x = $lhs[0];
        if (isset(self::STR_PROPS[$lhs['field'] ?? ''])) { // postcode like '75*': the field read in place
            $p = self::STR_PROPS[$lhs['field']];
            $f = static fn(object $c): bool => ($v = $c->$p) !== null && $match($v) !== $negate;
        } else {
            $f = static function (object $c) use ($x, $match, $negate): bool {
                $v = $x($c);
                return is_string($v) && $match($v) !== $negate;
            };
        }
        return $this->node([$f, self::T_BOOL, self::T_ANY], 'like', [$lhs['n'] ?? null], ['neg' => $negate, 'v' => $pattern]);
    }

    /** term := primary (('*'|'/') primary)* ; sum := term (('+'|'-') term)* */
    private function parseArith(bool $sum): array
    {
        $plus = $sum ? self::PLUS : self::STAR;
        $minus = $sum ? self::MINUS : self::SLASH;
        $first = $sum ? $this->parseArith(false) : $this->parsePrimary();
        if ($this->tok !== $plus && $this->tok !== $minus) {
            return $first;
        }
        $kids = [];
        $trees = [$first['n'] ?? null];
        $ops = [0];
        while ($this->tok === $plus || $this->tok === $minus) {
            $opAt = $this->tokStart;
            $op = $sum ? ($this->tok === $plus ? 0 : 1) : ($this->tok === $plus ? 2 : 3);
            $this->advance();
            $rhs = $sum ? $this->parseArith(false) : $this->parsePrimary();
            if (!self::isNumber($first[1]) || !self::isNumber($rhs[1])) {
                $bad = self::isNumber($first[1]) ? $rhs : $first;
                $this->fail($opAt, sprintf("'%s' needs numbers, got %s", $this->src[$opAt], self::typeName($bad[1], $bad[2])));
            }
            $kids[] = [$rhs[0], $op];
            $trees[] = $rhs['n'] ?? null;
            $ops[] = $op;
        }
        $head = $first[0];
        if (count($kids) === 1) {
            [$b, $op] = $kids[0];
            $f = static fn(object $c) => Runtime::arith($head($c), $b($c), $op);
        } else {
            $f = static function (object $c) use ($head, $kids) {
                $v = $head($c);
                foreach ($kids as [$k, $op]) {
                    if ($v === null) {
                        return null;
                    }
                    $v = Runtime::arith($v, $k($c), $op);
                }
                return $v;
            };
        }
        return $this->node([$f, self::T_NUM, self::T_ANY], 'arith', $trees, ['ops' => $ops]);
    }

    private function parsePrimary(): array
    {
        switch ($this->tok) {
            case self::INT:
            case self::DECIMAL:
                return $this->parseNumber();
            case self::STRING:
                $s = $this->stringLiteral();
                $this->advance();
                return $this->node([static fn() => $s, self::T_STR, self::T_ANY, 'str' => $s], 'str', [], ['v' => $s]);
            case self::K_TRUE:
            case self::K_FALSE:
                $b = $this->tok === self::K_TRUE;
                $this->advance();
                return $this->node([static fn() => $b, self::T_BOOL, self::T_ANY], 'bool', [], ['v' => $b]);
            case self::ATTR:
                return $this->parseAttr();
            case self::IDENT:
                // A name followed by '(' is a call.
                if ($this->scan($this->cursor)[0] === self::LPAREN) {
                    return $this->parseCall();
                }
                return $this->parseField();
            case self::LBRACKET:
                return $this->parseList();
            case self::LPAREN:
                $this->nest($this->tokStart);
                $this->advance();
                $n = $this->parseOr();
                $this->expect(self::RPAREN);
                $this->depth--;
                return $n;
            case self::MINUS:
                $this->fail($this->tokStart, 'unary minus is not supported');
            default:
                $this->unexpected();
        }
    }

    /** The current STRING token without quotes, resolving \<quote> and \\ only. */
    private function stringLiteral(): string
    {
        $quote = $this->src[$this->tokStart];
        $body = substr($this->src, $this->tokStart + 1, $this->tokLen - 2);
        if (strpos($body, '\\') === false) {
            return $body;
        }
        $out = '';
        $n = strlen($body);
        for ($i = 0; $i < $n; $i++) {
            if ($body[$i] === '\\' && $i + 1 < $n && ($body[$i + 1] === $quote || $body[$i + 1] === '\\')) {
                $i++;
            }
            $out .= $body[$i];
        }
        return $out;
    }

    private function parseNumber(): array
    {
        $text = $this->tokText();
        $dot = strpos($text, '.');
        if ($dot === false) {
            $digits = ltrim($text, '0');
            if (strlen($digits) > 19 || (strlen($digits) === 19 && strcmp($digits, '9223372036854775807') > 0)) {
                $this->fail($this->tokStart, 'integer literal exceeds PHP_INT_MAX');
            }
            $value = (int) $text;
            $this->advance();
            return $this->node([static fn() => $value, self::T_NUM, self::T_ANY, 'zero' => $value === 0, 'int' => $value], 'int', [], ['v' => $value]);
        }
        // Held exactly in millionths: what cannot be is an error, not a rounded number.
        $frac = rtrim(substr($text, $dot + 1), '0');
        if (strlen($frac) > Decimal::SCALE) {
            $this->fail($this->tokStart, sprintf('decimal literal has more than %d digits after the point', Decimal::SCALE));
        }
        $m = Decimal::fromDigits(false, substr($text, 0, $dot), 0);
        $m = $m === null ? null : Decimal::add($m, (int) str_pad($frac, Decimal::SCALE, '0'));
        if ($m === null) {
            $this->fail($this->tokStart, 'decimal literal exceeds 9223372036854.775807');
        }
        $value = new Decimal($m);
        $this->advance();
        return $this->node([static fn() => $value, self::T_NUM, self::T_ANY, 'zero' => $m === 0], 'dec', [], ['v' => $value]);
    }

    private function parseLineField(): array
    {
        $name = $this->tokText();
        if (!isset(self::LINE_FIELDS[$name])) {
            $this->fail($this->tokStart, isset(self::FIELDS[$name])
                ? "'$name' is a customer field: a line expression reads sku, category, qty, price, amount and attr.NAME"
                : "unknown field '$name'");
        }
        $f = match ($name) {
            'sku' => static fn(object $c) => $c->sku,
            'category' => static fn(object $c) => $c->category,
            'qty' => static fn(object $c) => $c->qty,
            'price' => static fn(object $c) => $c->price,
            'amount' => static fn(object $c) => $c->amount,
        };
        $this->advance();
        // qty, price and amount are never negative: `price < 0` never matches (warnings())
        return [$f, self::LINE_FIELDS[$name], self::T_ANY, 'unsigned' => self::LINE_FIELDS[$name] === self::T_NUM];
    }

    private function parseField(): array
    {
        if ($this->line) {
            return $this->parseLineField();
        }
        $name = $this->tokText();
        if (isset(self::LINE_FIELDS[$name])) {
            $this->fail($this->tokStart, "'$name' is a line field: only line expressions (an advantage's lines, earn.exclude, earn.bonus) read it");
        }
        if (!isset(self::FIELDS[$name])) {
            $this->fail($this->tokStart, "unknown field '$name'");
        }
        [$type, $elem, $bit] = self::FIELDS[$name];
        $this->fields |= $bit;
        $f = match ($name) {
            'active' => static fn(object $c) => $c->active,
            'groups' => static fn(object $c) => $c->groups,
            'orders' => static fn(object $c) => $c->orders,
            'spent' => static fn(object $c) => $c->spent,
            'city' => static fn(object $c) => $c->city,
            'postcode' => static fn(object $c) => $c->postcode,
            'country' => static fn(object $c) => $c->country,
            'carriers' => static fn(object $c) => $c->carriers,
            'bought' => static fn(object $c) => $c->bought,
            'points' => static fn(object $c) => $c->points,
            'lifetime_points' => static fn(object $c) => $c->lifetimePoints,
            'days_since_first_order' => static fn(object $c) => Runtime::daysSince($c->now, $c->firstOrder),
            'days_since_last_order' => static fn(object $c) => Runtime::daysSince($c->now, $c->lastOrder),
        };
        $this->advance();
        return $this->node([$f, $type, $elem, 'field' => $name], 'field', [], ['v' => $name]);
    }

    private function parseAttr(): array
    {
        $name = substr($this->src, $this->tokStart + 5, $this->tokLen - 5);
        ($this->useAttr)($name);
        if (!$this->line) {
            $this->fields |= self::F_ATTRIBUTES;
        }
        $this->advance();
        return $this->node([static fn(object $c) => $c->attrs[$name] ?? null, self::T_DYN, self::T_ANY], 'attr', [], ['v' => $name]);
    }

    private function parseList(): array
    {
        $this->nest($this->tokStart);
        $this->advance();
        $elem = self::T_ANY;
        $items = [];
        $trees = [];
        if ($this->tok !== self::RBRACKET) {
            while (true) {
                $at = $this->tokStart;
                $item = $this->parseOr();
                if ($item[1] === self::T_LIST) {
                    $this->fail($at, 'lists cannot be nested');
                }
                if ($elem === self::T_ANY) {
                    $elem = $item[1];
                } elseif ($elem !== $item[1]) {
                    if ($elem !== self::T_DYN && $item[1] !== self::T_DYN) {
                        $this->fail($at, sprintf('list elements must have one type: %s after %s',
                            self::typeName($item[1], 0), self::typeName($elem, 0)));
                    }
                    if ($elem === self::T_DYN) {
                        $elem = $item[1];
                    }
                }
                $items[] = $item[0];
                $trees[] = $item['n'] ?? null;
                if ($this->tok !== self::COMMA) {
                    break;
                }
                $this->advance();
            }
        }
        $this->expect(self::RBRACKET);
        $this->depth--;
        $constant = [];
        foreach ($items as $k) {
            // Literals do not read the customer: evaluate them once.
            $rf = new \ReflectionFunction($k);
            if ($rf->getNumberOfParameters() !== 0) {
                $constant = null;
                break;
            }
            $constant[] = $k();
        }
        if ($constant !== null) {
            $f = static fn() => $constant;
        } else {
            $f = static function (object $c) use ($items): array {
                $out = [];
                foreach ($items as $k) {
                    $out[] = $k($c);
                }
                return $out;
            };
        }
        $node = [$f, self::T_LIST, $elem];
        if ($constant !== null && $elem === self::T_STR) {
            $node['strs'] = $constant; // for parseIn(): country in ['BE', 'NL']
        }
        return $this->node($node, 'list', $trees);
    }

    private function parseCall(): array
    {
        $nameAt = $this->tokStart;
        $name = $this->tokText();
        if ($name !== 'segment' && $name !== 'count' && $name !== 'lower') {
            $this->fail($nameAt, "unknown function '$name'");
        }
        $this->advance(); // name
        $this->nest($this->tokStart);
        $this->advance(); // (
        $argAt = $this->tokStart;
        if ($this->tok === self::RPAREN) {
            $this->fail($argAt, "$name() takes 1 argument");
        }
        if ($name === 'segment') {
            if ($this->line) {
                $this->fail($nameAt, 'segment() reads the customer: not in a line expression');
            }
            if ($this->tok !== self::STRING) {
                $this->fail($argAt, 'segment() takes a string literal');
            }
            $segment = $this->stringLiteral();
            $this->advance();
            $index = ($this->segmentIndex)($segment);
            if ($index < 0) {
                $this->fail($argAt, "unknown segment '$segment'");
            }
            $this->refs[] = [$index, $nameAt + 1];
            $n = $this->node([static fn(object $c): bool => $c->test($index), self::T_BOOL, self::T_ANY], 'segment', [], ['v' => $index]);
        } else {
            $arg = $this->parseOr();
            if ($name === 'count' && $arg[1] !== self::T_LIST) {
                $this->fail($argAt, 'count() needs a list, got ' . self::typeName($arg[1], $arg[2]));
            }
            if ($name === 'lower' && $arg[1] !== self::T_STR && $arg[1] !== self::T_DYN) {
                $this->fail($argAt, 'lower() needs a string, got ' . self::typeName($arg[1], $arg[2]));
            }
            $k = $arg[0];
            $n = $name === 'count'
                ? [static fn(object $c) => count($k($c)), self::T_NUM, self::T_ANY]
                : [static function (object $c) use ($k): ?string {
                    $v = $k($c);
                    return is_string($v) ? Runtime::lower($v) : null;
                }, self::T_STR, self::T_ANY];
            $n = $this->node($n, $name, [$arg['n'] ?? null]);
        }
        if ($this->tok === self::COMMA) {
            $this->fail($this->tokStart, "$name() takes 1 argument");
        }
        $this->expect(self::RPAREN);
        $this->depth--;
        return $n;
    }
}
