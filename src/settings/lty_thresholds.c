/* See lty_thresholds.h. Written order breaks ties, so that among equal `from` values the
 * first written wins, as SPEC 10 says, whatever the sort. */
#include "lty_thresholds.h"

#include <stdlib.h>

const int64_t *lty_thresholds_sort(lty_arena *arena, const void *items, size_t n, size_t stride, size_t from_offset)
{
	int64_t *from = lty_arena_alloc(arena, n ? n * (sizeof(int64_t) + sizeof(uint32_t)) : sizeof(int64_t));
	uint32_t *order;
	size_t i, j;

	if (from == NULL) {
		return NULL;
	}
	order = (uint32_t *) (void *) (from + n);
	for (i = 0; i < n; i++) { /* insertion sort: stable, and lists are written nearly sorted */
		int64_t fx = lty_threshold_from(items, stride, from_offset, i);
		for (j = i; j > 0 && from[j - 1] > fx; j--) {
			from[j] = from[j - 1];
			order[j] = order[j - 1];
		}
		from[j] = fx;
		order[j] = (uint32_t) i;
	}
	return from;
}
