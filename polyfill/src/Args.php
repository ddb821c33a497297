<?php
declare(strict_types=1);

namespace Loyalty\Polyfill;

/**
 * @internal Argument checks with the texts of the extension (ZPP and ext/loyalty_engine.c).
 * Parameter types are declared in PHP, so that the caller's strict_types applies as it does to
 * internal functions; what PHP cannot say the same way is checked here.
 */
final class Args
{
    /** A value's type as zend_zval_type_name() names it in messages: int, float, bool, array, null, a class name. */
    public static function typeName(mixed $value): string
    {
        if (is_resource($value) || get_debug_type($value) === 'resource (closed)') {
            return 'resource';
        }
        return get_debug_type($value);
    }

    /** The ArgumentCountError of an internal method called with too few or too many arguments. */
    public static function count(string $method, int $given, int $min, int $max): void
    {
        if ($given < $min) {
            throw new \ArgumentCountError(sprintf('%s() expects %s %d argument%s, %d given', $method,
                $min === $max ? 'exactly' : 'at least', $min, $min === 1 ? '' : 's', $given));
        }
        if ($given > $max) {
            throw new \ArgumentCountError(sprintf('%s() expects %s %d argument%s, %d given', $method,
                $min === $max ? 'exactly' : 'at most', $max, $max === 1 ? '' : 's', $given));
        }
    }

    /**
     * Input bytes for a message as lty_printable() writes them into a C buffer of $size bytes:
     * control bytes (NUL included) as \xNN, cut with "..." when the rest does not fit.
     */
    public static function printable(string $s, int $size = 96): string
    {
        $len = strlen($s);
        if ($len <= $size - 6 && strcspn($s, "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f"
                . "\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f\x7f") === $len) {
            return $s;
        }
        $out = '';
        $o = 0;
        for ($i = 0; $i < $len && $o + 5 < $size; $i++) {
            $c = ord($s[$i]);
            if ($c < 0x20 || $c === 0x7f) {
                if ($o + 8 >= $size) {
                    break; // room for "..." after the escape
                }
                $out .= sprintf('\\x%02X', $c);
                $o += 4;
            } else {
                $out .= $s[$i];
                $o++;
            }
        }
        if ($i < $len && $o + 4 < $size) {
            $out .= '...';
        }
        return $out;
    }

    /**
     * Whether the code calling the polyfill's public method was compiled under strict_types,
     * as an internal function sees it (ZEND_ARG_USES_STRICT_TYPES()): read from the declare()
     * opening the caller's file. Only asked when a value is one a parameter would coerce.
     */
    public static function callerStrict(): bool
    {
        $file = null;
        foreach (debug_backtrace(DEBUG_BACKTRACE_IGNORE_ARGS) as $frame) {
            if (!str_starts_with($frame['class'] ?? '', 'Loyalty\\Polyfill\\')) {
                break;
            }
            $file = $frame['file'] ?? null;
        }
        static $strict = [];
        if ($file === null) {
            return false;
        }
        return $strict[$file] ??= self::declaresStrict($file);
    }

    private static function declaresStrict(string $file): bool
    {
        $code = is_file($file) ? file_get_contents($file, false, null, 0, 65536) : false;
        if ($code === false) {
            return false; // eval()'d code: weak unless it says otherwise
        }
        // declare() must be the file's first statement: after "<?php", blanks and comments only
        return preg_match('~\\A(?:#![^\\n]*\\n)?<\\?php(?:\\s+|#[^\\n]*|//[^\\n]*|/\\*.*?\\*/)*declare\\s*\\(([^)]*)\\)~is', $code, $m) === 1
            && preg_match('~(?:\\A|,)\\s*strict_types\\s*=\\s*1\\s*(?:,|\\z)~i', $m[1]) === 1;
    }
}
