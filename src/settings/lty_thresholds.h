/* Tiers and brackets found by binary search on their `from`: the highest `from` <= a
 * value, the first written on ties (SPEC 10), and the lowest `from` for `missing`. */
#ifndef LTY_THRESHOLDS_H
#define LTY_THRESHOLDS_H

#include <stddef.h>
#include <stdint.h>

#include "../base/lty_arena.h"

/* Indexes of n items (each `stride` bytes, an int64_t `from` at `from_offset`) sorted by
 * from, ties in written order; NULL when out of memory. */
uint32_t *lty_thresholds_sort(lty_arena *arena, const void *items, size_t n, size_t stride, size_t from_offset);

/* Index of the item reached by `value`, or SIZE_MAX when none is; *lowest = the lowest from. */
size_t lty_thresholds_find(const void *items, size_t n, size_t stride, size_t from_offset,
	const uint32_t *order, int64_t value, int64_t *lowest);

#endif
