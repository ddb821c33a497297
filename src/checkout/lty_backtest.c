/* Backtest sums: one evaluation at a time, as evaluate() returned it. */
#include "lty_backtest.h"
#include "../base/lty_money.h"

#include <string.h>

lty_status lty_tally_init(lty_tally *t, const lty_program *p, lty_arena *arena, lty_error *err)
{
	memset(t, 0, sizeof(*t));
	t->advantages = lty_arena_array(arena, p->advantage_count ? p->advantage_count : 1, sizeof(lty_tally_rule));
	t->segments = lty_arena_array(arena, p->segment_count, sizeof(int64_t));
	if (t->advantages == NULL || t->segments == NULL) {
		return lty_error_set(err, LTY_ERR_NOMEM, "backtest: out of memory");
	}
	return LTY_OK;
}

static bool add(int64_t *sum, int64_t v)
{
	return lty_add(*sum, v, sum);
}

bool lty_tally_add(lty_tally *t, const lty_program *p, const lty_result *r, lty_membership *m)
{
	bool ship_given = false, ok;
	size_t i;

	ok = add(&t->discount, r->discount) && add(&t->shipping_saved, r->shipping_discount)
		&& add(&t->points_earned, r->points_earned) && add(&t->points_spent, r->points_spent)
		&& add(&t->orders_discounted, r->discount > 0 || r->free_shipping);
	for (i = 0; ok && i < r->applied_count; i++) {
		const lty_applied *a = &r->applied[i];
		/* the shipping saved goes to the first rule that gave free shipping, as the result counts it once */
		int64_t shipping = a->free_shipping && !ship_given ? r->shipping_discount : 0;
		ship_given = ship_given || a->free_shipping;
		if (a->source == LTY_SOURCE_LOYALTY) {
			ok = add(&t->loyalty_discount, a->discount);
			continue;
		}
		ok = add(&t->advantages[a->rule].applied, 1) && add(&t->advantages[a->rule].discount, a->discount)
			&& add(&t->advantages[a->rule].shipping_saved, shipping);
	}
	for (i = 0; ok && i < p->segment_count; i++) {
		ok = !lty_membership_test(m, (int) i) || add(&t->segments[i], 1);
	}
	return ok;
}
