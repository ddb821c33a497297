<?php

declare(strict_types=1);

namespace Loyalty\Polyfill\Cli;

/**
 * @internal The files the command line reads (docs/cli.md): a JSON document, or rows from
 * JSONL (one JSON object a line) or CSV (a header of dotted names: `cart.subtotal`,
 * `customer.groups`, `at`). A malformed file is a Failure naming the file and the line.
 */
final class Input
{
    /** CSV columns read as ints, lists (`;`-separated) and bools; any other column is a string. */
    private const INTS = ['subtotal', 'shipping', 'voucher_discount', 'orders', 'spent', 'points', 'lifetime_points', 'qty', 'price'];
    private const LISTS = ['vouchers', 'groups', 'carriers', 'bought'];
    private const BOOLS = ['active', 'use_points'];
    private const JSON = ['lines', 'attributes', 'uses', 'ledger'];

    public static function json(string $path): mixed
    {
        $text = self::contents($path);
        try {
            return json_decode($text, true, 512, JSON_THROW_ON_ERROR);
        } catch (\JsonException $e) {
            throw new Failure(sprintf('%s: invalid JSON: %s', $path, $e->getMessage()));
        }
    }

    /** The settings as the engine takes them: the JSON text itself (compiled once, cached). */
    public static function contents(string $path): string
    {
        if (!is_file($path) || !is_readable($path)) {
            throw new Failure("$path: no such readable file");
        }
        $text = file_get_contents($path);
        if ($text === false) {
            throw new Failure("$path: cannot be read");
        }
        return $text;
    }

    /** Lines of a file, counted without reading it into memory (for the time left). */
    public static function countRows(string $path): int
    {
        $count = 0;
        $h = self::open($path);
        while (!feof($h)) {
            $count += substr_count((string) fread($h, 1 << 20), "\n");
        }
        fclose($h);
        return self::isCsv($path) ? max(0, $count - 1) : $count;
    }

    /** The line of row `$row` (0-based) of a rows file. */
    public static function lineOf(string $path, int $row): int
    {
        return $row + (self::isCsv($path) ? 2 : 1);
    }

    public static function isCsv(string $path): bool
    {
        return strtolower(pathinfo($path, PATHINFO_EXTENSION)) === 'csv';
    }

    /**
     * Rows of a .jsonl or .csv file, keyed by their line number (1-based): row N (0-based) is
     * line N + 1 of a JSONL file and line N + 2 of a CSV file (after its header).
     * @return \Generator<int, array>
     */
    public static function rows(string $path): \Generator
    {
        return self::isCsv($path) ? self::csvRows($path) : self::jsonlRows($path);
    }

    /** @return resource */
    private static function open(string $path)
    {
        if (!is_file($path) || !is_readable($path)) {
            throw new Failure("$path: no such readable file");
        }
        $h = @fopen($path, 'rb');
        if ($h === false) {
            throw new Failure("$path: cannot be opened");
        }
        return $h;
    }

    private static function jsonlRows(string $path): \Generator
    {
        $h = self::open($path);
        try {
            for ($n = 1; ($line = fgets($h)) !== false; $n++) {
                try { // a blank line too is an error: row N is always line N + 1
                    $row = json_decode($line, true, 512, JSON_THROW_ON_ERROR);
                } catch (\JsonException $e) {
                    throw new Failure(sprintf('%s:%d: invalid JSON: %s', $path, $n, $e->getMessage()));
                }
                if (!is_array($row)) {
                    throw new Failure(sprintf('%s:%d: expected a JSON object, got %s', $path, $n, get_debug_type($row)));
                }
                yield $n => $row;
            }
        } finally {
            fclose($h);
        }
    }

    private static function csvRows(string $path): \Generator
    {
        $h = self::open($path);
        try {
            $header = fgetcsv($h, null, ',', '"', '');
            if ($header === false || $header === [null]) {
                throw new Failure("$path:1: expected a header row");
            }
            for ($n = 2; ($fields = fgetcsv($h, null, ',', '"', '')) !== false; $n++) {
                if (count($fields) !== count($header)) { // a blank line too: row N is always line N + 2
                    throw new Failure(sprintf('%s:%d: expected %d fields (as the header), got %d', $path, $n, count($header), count($fields)));
                }
                $row = [];
                foreach ($header as $i => $name) {
                    self::put($row, (string) $name, $fields[$i], $path, $n);
                }
                yield $n => $row;
            }
        } finally {
            fclose($h);
        }
    }

    /** Sets `a.b.c` in `$row` from a CSV field; an empty field is absent. */
    private static function put(array &$row, string $name, ?string $field, string $path, int $n): void
    {
        if ($field === null || $field === '') {
            return;
        }
        $parts = explode('.', $name);
        $key = end($parts);
        if (in_array($key, self::JSON, true)) {
            try {
                $value = json_decode($field, true, 512, JSON_THROW_ON_ERROR);
            } catch (\JsonException $e) {
                throw new Failure(sprintf('%s:%d: column %s: invalid JSON: %s', $path, $n, $name, $e->getMessage()));
            }
        } elseif (in_array($key, self::INTS, true)) {
            if (!preg_match('/^[0-9]{1,19}$/D', $field) || (strlen($field) === 19 && strcmp($field, (string) PHP_INT_MAX) > 0)) {
                throw new Failure(sprintf("%s:%d: column %s: expected an int (minor units or a count), got '%s'", $path, $n, $name, $field));
            }
            $value = (int) $field;
        } elseif (in_array($key, self::LISTS, true)) {
            $value = explode(';', $field);
        } elseif (in_array($key, self::BOOLS, true)) {
            $value = match (strtolower($field)) {
                'true', '1', 'yes' => true,
                'false', '0', 'no' => false,
                default => throw new Failure(sprintf("%s:%d: column %s: expected true or false, got '%s'", $path, $n, $name, $field)),
            };
        } else {
            $value = $field;
        }
        $target = &$row;
        foreach ($parts as $i => $part) {
            if ($i === count($parts) - 1) {
                $target[$part] = $value;
            } else {
                $target[$part] ??= [];
                $target = &$target[$part];
            }
        }
    }
}
