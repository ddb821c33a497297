<?php

declare(strict_types=1);

namespace Loyalty\Polyfill\Cli;

/** @internal Amounts and tables as the command line prints them. */
final class Text
{
    /** 1234 -> "12.34", -5 -> "-0.05" (minor units of the shop's currency). */
    public static function money(int $minor): string
    {
        $abs = $minor < 0 ? -intdiv($minor, 100) : intdiv($minor, 100);
        return sprintf('%s%s.%02d', $minor < 0 ? '-' : '', number_format($abs, 0, '.', ','), abs($minor % 100));
    }

    /**
     * Columns aligned: the first left, the others right.
     * @param list<list<string>> $rows
     */
    public static function table(array $rows): string
    {
        $widths = [];
        foreach ($rows as $row) {
            foreach ($row as $i => $cell) {
                $widths[$i] = max($widths[$i] ?? 0, strlen($cell));
            }
        }
        $out = '';
        foreach ($rows as $row) {
            $cells = [];
            foreach ($row as $i => $cell) {
                $pad = $widths[$i] - strlen($cell);
                $cells[] = $i === 0 ? $cell . str_repeat(' ', $pad) : str_repeat(' ', $pad) . $cell;
            }
            $out .= rtrim(implode('  ', $cells)) . "\n";
        }
        return $out;
    }
}
