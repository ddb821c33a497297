<?php
declare(strict_types=1);

namespace Loyalty\Polyfill\Expression;

use Closure;
use Loyalty\Polyfill\Customer;

/**
 * @internal A compiled segment expression: one closure over a Customer, plus what the
 * program needs to know about it (fields read, segment references for cycle detection).
 */
final class Expression
{
    /**
     * @param Closure(Customer): mixed $eval
     * @param list<array{0: int, 1: int}> $segmentRefs [segment index, 1-based column of the call]
     */
    public function __construct(
        public readonly string $source,
        public readonly Closure $eval,
        public readonly int $fields,
        public readonly array $segmentRefs,
        /** a line expression no line can match (`price < 0`), for warnings() */
        public readonly bool $neverMatches = false,
    ) {
    }

    public function matches(Customer $customer): bool
    {
        return ($this->eval)($customer) === true;
    }
}
