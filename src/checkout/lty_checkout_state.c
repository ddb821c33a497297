/* How one evaluation records what applied and what did not (see lty_checkout_state.h). */
#include "lty_checkout_state.h"

#include <string.h>

lty_rejected *lty_checkout_reject_record(checkout *ck, lty_source source, const lty_str *id, lty_reason reason,
	lty_message message, int64_t a, int64_t b)
{
	lty_result *r = ck->r;
	lty_rejected *x;

	x = lty_arena_grow(ck->arena, r->rejected, r->rejected_count, &ck->rejected_cap, sizeof(lty_rejected));
	if (x == NULL) {
		lty_error_set(ck->err, LTY_ERR_NOMEM, "evaluate: out of memory");
		return &ck->unused;
	}
	r->rejected = x;
	x += r->rejected_count;
	x->seq = (uint32_t) r->rejected_count++;
	x->source = source;
	x->id = *id;
	x->reason = reason;
	x->has_missing = false;
	x->missing = 0;
	x->rule = ck->rule;
	x->message = message;
	x->a = a;
	x->b = b;
	x->advantage = NULL;
	x->benefit = NULL;
	x->text.ptr = NULL;
	x->text.len = 0;
	return x;
}

bool lty_checkout_reserve_records(checkout *ck, size_t n)
{
	lty_result *r = ck->r;
	size_t need = r->rejected_count + n;
	lty_rejected *x;

	if (need <= ck->rejected_cap || need < r->rejected_count) {
		return need >= r->rejected_count;
	}
	x = lty_arena_array_raw(ck->arena, need, sizeof(lty_rejected)); /* written as they are recorded */
	if (x == NULL) {
		lty_error_set(ck->err, LTY_ERR_NOMEM, "evaluate: out of memory");
		return false;
	}
	if (r->rejected_count > 0) {
		memcpy(x, r->rejected, r->rejected_count * sizeof(lty_rejected));
	}
	r->rejected = x;
	ck->rejected_cap = need;
	return true;
}

void lty_checkout_apply(checkout *ck, lty_source source, const lty_str *id, const lty_str *label,
	int64_t discount, bool ship, int64_t points)
{
	lty_applied *a = &ck->r->applied[ck->r->applied_count++];

	a->source = source;
	a->id = *id;
	a->label = *label;
	a->discount = discount;
	a->free_shipping = ship;
	a->points_spent = points;
	a->rule = ck->rule;
	ck->r->discount += discount; /* <= payable: no overflow */
	if (ship && !ck->r->free_shipping) {
		ck->r->free_shipping = true;
		ck->r->shipping_discount = ck->cart->shipping;
	}
}

bool lty_checkout_carrier_allowed(const lty_benefit *b, const lty_str *carrier)
{
	size_t i;

	if (!b->has_carriers) {
		return true;
	}
	for (i = 0; carrier->ptr != NULL && i < b->carriers.count; i++) {
		if (b->carriers.items[i].len == carrier->len && memcmp(b->carriers.items[i].ptr, carrier->ptr, carrier->len) == 0) {
			return true;
		}
	}
	return false;
}

/* The message quotes the cart's carrier, which is not kept: a copy goes to the arena, once per
 * evaluation (its printable form is made when the message is). */
void lty_checkout_reject_carrier(checkout *ck, lty_source source, const lty_str *id, const lty_benefit *b)
{
	const lty_str *carrier = &ck->cart->carrier;
	lty_rejected *x = lty_checkout_reject(ck, source, id, LTY_REASON_CARRIER,
		carrier->ptr == NULL ? LTY_MSG_NO_CARRIER : LTY_MSG_OTHER_CARRIER, 0, 0);

	x->benefit = b;
	if (carrier->ptr != NULL) {
		if (ck->carrier_copy.ptr == NULL) {
			ck->carrier_copy.ptr = lty_arena_strndup(ck->arena, carrier->ptr, carrier->len);
			ck->carrier_copy.len = carrier->len;
			if (ck->carrier_copy.ptr == NULL) {
				ck->carrier_copy.len = 0;
				lty_error_set(ck->err, LTY_ERR_NOMEM, "evaluate: out of memory");
			}
		}
		x->text = ck->carrier_copy;
	}
}
