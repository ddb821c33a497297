<?php

declare(strict_types=1);

namespace Loyalty\Polyfill;

use Loyalty\InputException;
use Loyalty\Polyfill\Expression\Decimal;

/**
 * @internal `attributes` of a customer or a cart line (SPEC 3, 11), as ext/attributes.c: an
 * array of scalars or nulls, floats finite and read as the decimal PHP prints.
 */
final class Attributes
{
    /**
     * Checks every entry when `$all`, else only the `$names` read; returns the values of `$names`.
     * @param list<string> $names
     * @return array<string, scalar|null>
     */
    public static function read(mixed $attrs, string $path, array $names, bool $all): array
    {
        if ($attrs === null || ($names === [] && !$all)) {
            return [];
        }
        if (!is_array($attrs)) {
            throw new InputException(sprintf('%s.attributes: expected array of scalars, got %s', $path, Args::typeName($attrs)), 3);
        }
        if ($all) {
            foreach ($attrs as $name => $v) {
                self::check($v, $path, Args::printable((string) $name, 64));
            }
        }
        $out = [];
        foreach ($names as $name) {
            $v = $attrs[$name] ?? null;
            self::check($v, $path, $name);
            // A float as the decimal PHP prints, so 0.3 is 0.3 (null beyond the decimal range).
            $out[$name] = is_float($v) ? Decimal::fromFloat($v) : $v;
        }
        return $out;
    }

    private static function check(mixed $v, string $path, string $name): void
    {
        if (is_float($v) && !is_finite($v)) {
            throw new InputException(sprintf('%s.attributes.%s: expected a finite number, got %s',
                $path, $name, is_nan($v) ? 'NAN' : ($v < 0 ? '-INF' : 'INF')), 3);
        }
        if ($v !== null && !is_scalar($v)) {
            throw new InputException(sprintf('%s.attributes.%s: expected a scalar, got %s', $path, $name, Args::typeName($v)), 3);
        }
    }
}
