<?php
declare(strict_types=1);

namespace Loyalty\Polyfill\Settings;

use Loyalty\Polyfill\Expression\Expression;

/**
 * @internal What a Program compiles its settings into: built once, immutable, shared by every
 * customer conversion and evaluation.
 */
final class CompiledProgram
{
    public const BUILTIN_SEGMENTS = ['all', 'disabled', 'no_orders', 'first_order_recent', 'loyal', 'customers'];

    /**
     * @param array<string, mixed> $settings normalized settings (toArray())
     * @param list<string> $segmentNames built-ins first, then custom ones in settings order
     * @param array<string, int> $segmentIndex name => index
     * @param array<int, Expression|null> $exprs index => expression (null for built-ins)
     * @param list<int> $sorted segment indexes in byte order of their names
     * @param list<int|Expression> $advantageSegments per advantage: a segment index or an inline expression
     * @param list<string> $attrNames attr.NAME read by any expression, in order of first use
     * @param int $fields Compiler::F_* bits of the customer fields read
     * @param list<bool> $bracketCostGiven per loyalty bracket: whether `cost` was written
     * @param list<string> $lineAttrNames attr.NAME read by line expressions (SPEC 11)
     * @param array<int, Expression> $advantageLines advantage index => its `lines` expression
     */
    public function __construct(
        public readonly array $settings,
        public readonly array $segmentNames,
        public readonly array $segmentIndex,
        public readonly array $exprs,
        public readonly array $sorted,
        public readonly array $advantageSegments,
        public readonly array $attrNames,
        public readonly int $fields,
        public readonly array $bracketCostGiven,
        public readonly array $lineAttrNames = [],
        public readonly array $advantageLines = [],
        /** earn.exclude (SPEC 11) */
        public readonly ?Expression $earnExclude = null,
        /** @var list<array{Expression, int}> earn.bonus: lines, multiplier in hundredths */
        public readonly array $earnBonus = [],
        /** @var array<int, int> segment index => the customer fields its membership reads */
        public readonly array $segmentFields = [],
    ) {
    }
}
