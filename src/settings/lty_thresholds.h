/* Tiers and brackets found by binary search on their `from`: the highest `from` <= a
 * value, the first written on ties (SPEC 10), and the lowest `from` for `missing`. */
#ifndef LTY_THRESHOLDS_H
#define LTY_THRESHOLDS_H

#include <stddef.h>
#include <stdint.h>

#include "../base/lty_arena.h"

static inline int64_t lty_threshold_from(const void *items, size_t stride, size_t from_offset, size_t i)
{
	return *(const int64_t *) (const void *) ((const char *) items + i * stride + from_offset);
}

/* The `from` of n items (each `stride` bytes, an int64_t `from` at `from_offset`) in ascending
 * order, ties in written order, followed in the same block by the items' indexes in that order
 * (n uint32_t): a search reads this block alone, not the items. NULL when out of memory. */
const int64_t *lty_thresholds_sort(lty_arena *arena, const void *items, size_t n, size_t stride, size_t from_offset);

/* Index of the item reached by `value` in the n items `sorted` (lty_thresholds_sort()) is
 * of, or SIZE_MAX when none is; *lowest = the lowest from. Inline: lists are a few items. */
static inline size_t lty_thresholds_find(const int64_t *sorted, size_t n, int64_t value, int64_t *lowest)
{
	const uint32_t *order = (const uint32_t *) (const void *) (sorted + n);
	size_t lo = 0, hi = n;

	*lowest = n ? sorted[0] : INT64_MAX;
	while (lo < hi) { /* lo = the number of items with from <= value */
		size_t mid = lo + (hi - lo) / 2;
		if (sorted[mid] <= value) {
			lo = mid + 1;
		} else {
			hi = mid;
		}
	}
	if (lo == 0) {
		return SIZE_MAX;
	}
	while (lo > 1 && sorted[lo - 2] == sorted[lo - 1]) {
		lo--; /* back to the first written of equal ones */
	}
	return order[lo - 1];
}

#endif
