/* See lty_thresholds.h. Written order breaks ties, so that among equal `from` values the
 * first written wins, as SPEC 10 says, whatever the sort. */
#include "lty_thresholds.h"

#include <stdlib.h>

static int64_t from_of(const void *items, size_t stride, size_t from_offset, size_t i)
{
	return *(const int64_t *) ((const char *) items + i * stride + from_offset);
}

uint32_t *lty_thresholds_sort(lty_arena *arena, const void *items, size_t n, size_t stride, size_t from_offset)
{
	uint32_t *order = lty_arena_array(arena, n ? n : 1, sizeof(uint32_t));
	size_t i, j;

	if (order == NULL) {
		return NULL;
	}
	for (i = 0; i < n; i++) { /* insertion sort: stable, and lists are written nearly sorted */
		uint32_t x = (uint32_t) i;
		int64_t fx = from_of(items, stride, from_offset, i);
		for (j = i; j > 0 && from_of(items, stride, from_offset, order[j - 1]) > fx; j--) {
			order[j] = order[j - 1];
		}
		order[j] = x;
	}
	return order;
}

size_t lty_thresholds_find(const void *items, size_t n, size_t stride, size_t from_offset,
	const uint32_t *order, int64_t value, int64_t *lowest)
{
	size_t lo = 0, hi = n;
	int64_t reached;

	*lowest = n ? from_of(items, stride, from_offset, order[0]) : INT64_MAX;
	while (lo < hi) { /* lo = the number of items with from <= value */
		size_t mid = lo + (hi - lo) / 2;
		if (from_of(items, stride, from_offset, order[mid]) <= value) {
			lo = mid + 1;
		} else {
			hi = mid;
		}
	}
	if (lo == 0) {
		return SIZE_MAX;
	}
	reached = from_of(items, stride, from_offset, order[lo - 1]);
	while (lo > 1 && from_of(items, stride, from_offset, order[lo - 2]) == reached) {
		lo--; /* back to the first written of equal ones */
	}
	return order[lo - 1];
}
