/* See lty_thresholds.h. Written order breaks ties, so that among equal `from` values the
 * first written wins, as SPEC 10 says, whatever the sort. */
#include "lty_thresholds.h"

#include <stdlib.h>

uint32_t *lty_thresholds_sort(lty_arena *arena, const void *items, size_t n, size_t stride, size_t from_offset)
{
	uint32_t *order = lty_arena_array(arena, n ? n : 1, sizeof(uint32_t));
	size_t i, j;

	if (order == NULL) {
		return NULL;
	}
	for (i = 0; i < n; i++) { /* insertion sort: stable, and lists are written nearly sorted */
		uint32_t x = (uint32_t) i;
		int64_t fx = lty_threshold_from(items, stride, from_offset, i);
		for (j = i; j > 0 && lty_threshold_from(items, stride, from_offset, order[j - 1]) > fx; j--) {
			order[j] = order[j - 1];
		}
		order[j] = x;
	}
	return order;
}
