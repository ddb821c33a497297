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

/* Indexes of n items (each `stride` bytes, an int64_t `from` at `from_offset`) sorted by
 * from, ties in written order; NULL when out of memory. */
uint32_t *lty_thresholds_sort(lty_arena *arena, const void *items, size_t n, size_t stride, size_t from_offset);

/* Index of the item reached by `value`, or SIZE_MAX when none is; *lowest = the lowest from.
 * Inline: its callers' stride and offset are constants, and lists are a few items. */
static inline size_t lty_thresholds_find(const void *items, size_t n, size_t stride, size_t from_offset,
	const uint32_t *order, int64_t value, int64_t *lowest)
{
	size_t lo = 0, hi = n;
	int64_t reached;

	*lowest = n ? lty_threshold_from(items, stride, from_offset, order[0]) : INT64_MAX;
	while (lo < hi) { /* lo = the number of items with from <= value */
		size_t mid = lo + (hi - lo) / 2;
		if (lty_threshold_from(items, stride, from_offset, order[mid]) <= value) {
			lo = mid + 1;
		} else {
			hi = mid;
		}
	}
	if (lo == 0) {
		return SIZE_MAX;
	}
	reached = lty_threshold_from(items, stride, from_offset, order[lo - 1]);
	while (lo > 1 && lty_threshold_from(items, stride, from_offset, order[lo - 2]) == reached) {
		lo--; /* back to the first written of equal ones */
	}
	return order[lo - 1];
}

#endif
