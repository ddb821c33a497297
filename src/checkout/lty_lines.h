/* Rules on products (SPEC 11): the cart lines an advantage concerns, free units, and the
 * allocation of amounts over lines. */
#ifndef LTY_LINES_H
#define LTY_LINES_H

#include "lty_checkout_state.h"

/* Whether a line expression (an advantage's lines, earn.exclude, earn.bonus) matches the line. */
bool lty_lines_match(const checkout *ck, const lty_expr *e, const lty_cart_line *line);
/* What advantage `a` concerns on this cart: the whole cart, found inline, or the lines its `lines`
 * or its tiers on quantity read (lty_lines_concern_lines()). Not LTY_OK when out of memory. */
lty_status lty_lines_concern_lines(checkout *ck, const lty_advantage *a, lty_concern *out);
static inline lty_status lty_lines_concern(checkout *ck, const lty_advantage *a, lty_concern *out)
{
	if (a->lines == NULL && !a->tiers_on_quantity) { /* the whole cart: its subtotal, no units needed */
		out->match = NULL;
		out->count = ck->cart->line_count;
		out->amount = ck->cart->subtotal;
		out->units = 0;
		return LTY_OK;
	}
	return lty_lines_concern_lines(ck, a, out);
}
/* The value of a free_units tier: the cheapest concerned units, k per whole `from` units. */
int64_t lty_lines_free_units(checkout *ck, const lty_concern *c, const lty_tier *t);
/* What is left of the concerned lines after the item-scoped discounts allocated so far. */
int64_t lty_lines_left(const checkout *ck, const lty_concern *c);
/* `amount` in proportion to `weights` (one per cart line), largest remainder first, into `out`. */
lty_status lty_lines_shares(checkout *ck, int64_t amount, const int64_t *weights, int64_t *out);
/* The same over `count` weights, scratch memory from `arena`. */
lty_status lty_shares(size_t count, lty_arena *arena, lty_error *err, int64_t amount, const int64_t *weights, int64_t *out);
/* Allocates an item-scoped `amount` over what is left of the lines `c` concerns, largest
 * remainder first; amount never exceeds what is left. (The cart-level rest is spread by
 * lty_result_line_discounts().) */
lty_status lty_lines_spread(checkout *ck, int64_t amount, const lty_concern *c);

#endif
