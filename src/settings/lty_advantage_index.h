/* Advantages found by the literal their inline segment requires, so that checking a
 * customer against many rules evaluates only the ones that can match. */
#ifndef LTY_ADVANTAGE_INDEX_H
#define LTY_ADVANTAGE_INDEX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../base/lty_arena.h"
#include "../base/lty_customer.h"
#include "../base/lty_error.h"

typedef struct {
	uint8_t field;               /* lty_field: city, postcode or country */
	lty_str value;               /* the literal it must equal */
	uint32_t advantage;
} lty_index_entry;

typedef struct {
	const lty_index_entry *entries; /* sorted by field, then value bytes */
	size_t count;
	const uint8_t *indexed;      /* per advantage: LTY_INDEXED when an entry stands for its segment, */
	                             /* LTY_INDEXED_PLAIN when besides it has no schedule and no max_uses */
	/* per advantage: its named segment when nothing is checked before it but the customer's account
	 * (no schedule, no max_uses), else -1; four bytes an advantage, read instead of the advantage
	 * for those whose segment the customer is not in (NULL without advantages) */
	const int32_t *plain_segment;
} lty_advantage_index;

#define LTY_INDEXED 1
/* Nothing is checked before its segment but the customer's account (SPEC 10): when the index
 * rules its segment out, the advantage is rejected not_in_segment without a visit. */
#define LTY_INDEXED_PLAIN 2

struct lty_program;

/* Builds program->index from its advantages (in the program's arena). */
lty_status lty_advantage_index_build(struct lty_program *program, lty_arena *arena);

/* Per advantage, 1 when its inline segment may match this customer (0: it cannot, it
 * requires another value); NULL when no advantage is indexed. */
uint8_t *lty_advantage_index_marks(const struct lty_program *program, const lty_customer *customer, lty_arena *arena);

#endif
