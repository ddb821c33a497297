/* The state of one checkout evaluation, shared by its parts (advantages, lines, points),
 * and how applied and rejected rules are recorded in it. */
#ifndef LTY_CHECKOUT_STATE_H
#define LTY_CHECKOUT_STATE_H

#include "lty_checkout.h"

/* What an advantage concerns on this cart (SPEC 11): its matching lines, or the whole cart. */
typedef struct {
	const uint8_t *match;     /* per cart line, 1 when concerned; NULL: every line */
	size_t count;             /* lines concerned */
	int64_t amount;           /* their amount (the subtotal without `lines`) */
	int64_t units;            /* their quantity, saturating at INT64_MAX */
} lty_concern;

typedef struct {
	const lty_program *p;
	const lty_cart *cart;
	const lty_customer *c;
	int64_t now;
	int64_t utc_offset;       /* of the program's timezone at now (schedules with days or hours) */
	lty_membership m;
	lty_result *r;
	lty_error *err;
	lty_arena *arena;         /* the result's memory */
	const uint8_t *may_match; /* per advantage, from the index; NULL: evaluate every inline segment */
	size_t rejected_cap;      /* room in r->rejected */
	lty_rejected unused;      /* filled in by callers of a quiet rejection, and ignored */
	bool has_voucher;
	int64_t payable;          /* subtotal - the voucher used, min(voucher_discount, subtotal) (SPEC 14) */
	int64_t remaining;        /* payable not yet discounted by the engine */
	size_t rule;              /* the rule being checked (advantage index; advantage_count for loyalty) */
	bool advantage_applied;
	bool loyalty_used;
	int64_t *left;            /* per cart line: its amount not yet allocated; NULL without lines */
	int64_t item_total;       /* item-scoped discounts applied, allocated as they apply */
	lty_concern *concerns;    /* per distinct `lines` of the program: its lines on this cart, once found */
	uint8_t *concern_found;
	lty_str carrier_copy;     /* the cart's carrier in the arena, for the messages; NULL until needed */
} checkout;

/* Room for n more records at once (one copy instead of doublings); false with the error set. */
bool lty_checkout_reserve_records(checkout *ck, size_t n);
/* A rejection's record (lty_checkout_reject() without a quiet message). */
lty_rejected *lty_checkout_reject_record(checkout *ck, lty_source source, const lty_str *id, lty_reason reason,
	lty_message message, int64_t a, int64_t b);

/* Records a rejection of the rule being checked; the caller fills in what its message needs.
 * Those that carry nothing but their kind (disabled, not_in_segment, voucher: by far the most,
 * with many rules) take one byte per advantage, inline; the others get a record. */
static inline lty_rejected *lty_checkout_reject(checkout *ck, lty_source source, const lty_str *id, lty_reason reason,
	lty_message message, int64_t a, int64_t b)
{
	if (source == LTY_SOURCE_ADVANTAGE
			&& (message == LTY_MSG_DISABLED || message == LTY_MSG_NOT_IN_SEGMENT || message == LTY_MSG_ADVANTAGE_VOUCHER)) {
		ck->r->quiet[ck->rule] = (uint8_t) (message + 1);
		ck->r->quiet_count++;
		return &ck->unused; /* what callers fill in is known from the advantage */
	}
	return lty_checkout_reject_record(ck, source, id, reason, message, a, b);
}
/* Records an applied rule; its discount must fit what remains payable. */
void lty_checkout_apply(checkout *ck, lty_source source, const lty_str *id, const lty_str *label,
	int64_t discount, bool ship, int64_t points);
bool lty_checkout_carrier_allowed(const lty_benefit *b, const lty_str *carrier);
void lty_checkout_reject_carrier(checkout *ck, lty_source source, const lty_str *id, const lty_benefit *b);

#endif
