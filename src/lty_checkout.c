/* Checkout evaluation: segment advantages (best-of and combinable), then
 * loyalty points (brackets, policies, conditions), then earning, totals and
 * the per-line allocation of the discount. */
#include "lty_checkout_internal.h"
#include "lty_money.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* An eligible advantage before the best-of choice. */
typedef struct {
	const lty_tier *tier;
	int64_t discount;         /* uncapped */
	bool ship;                /* free shipping for the chosen carrier */
	bool ship_refused;        /* free shipping limited to other carriers */
	int64_t value;            /* best-of value: capped discount + shipping saved */
	bool eligible;
	bool chosen;
} candidate;

const char *lty_reason_name(lty_reason reason)
{
	static const char *const names[] = {
		"not_in_segment", "below_tier", "voucher", "advantage_wins", "not_best",
		"order_number", "min_cart", "no_points", "carrier", "disabled"
	};
	return names[reason];
}

void lty_checkout_reject(checkout *ck, lty_source source, const lty_str *id, lty_reason reason,
	bool has_missing, int64_t missing, const char *fmt, ...)
{
	lty_rejected *x = &ck->r->rejected[ck->r->rejected_count++];
	size_t used;
	va_list ap;

	x->source = source;
	x->id = *id;
	x->reason = reason;
	x->has_missing = has_missing;
	x->missing = missing;
	x->rule = ck->rule;
	x->seq = ck->r->rejected_count - 1;
	used = (size_t) snprintf(x->message, sizeof(x->message), "%s: ", lty_reason_name(reason));
	va_start(ap, fmt);
	vsnprintf(x->message + used, sizeof(x->message) - used, fmt, ap);
	va_end(ap);
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

/* "Colissimo or Chronopost" for messages. */
static void carrier_names(const lty_benefit *b, char *buf, size_t size)
{
	size_t i, used = 0;

	buf[0] = '\0';
	for (i = 0; i < b->carriers.count && used + 1 < size; i++) {
		int n = snprintf(buf + used, size - used, "%s%.*s", i == 0 ? "" : i + 1 == b->carriers.count ? " or " : ", ",
			b->carriers.items[i].len > 40 ? 40 : (int) b->carriers.items[i].len, b->carriers.items[i].ptr);
		used += n > 0 ? (size_t) n : 0;
	}
}

void lty_checkout_reject_carrier(checkout *ck, lty_source source, const lty_str *id, const lty_benefit *b)
{
	char names[128];

	carrier_names(b, names, sizeof(names));
	if (ck->cart->carrier.ptr == NULL) {
		lty_checkout_reject(ck, source, id, LTY_REASON_CARRIER, false, 0, "free shipping only with %s, no carrier chosen", names);
	} else {
		lty_checkout_reject(ck, source, id, LTY_REASON_CARRIER, false, 0, "free shipping only with %s, not %.*s", names,
			ck->cart->carrier.len > 40 ? 40 : (int) ck->cart->carrier.len, ck->cart->carrier.ptr);
	}
}

/* Highest `from` <= metric, the first written on ties; NULL when none is reached. */
static const lty_tier *find_tier(const lty_advantage *a, int64_t subtotal, int64_t *lowest)
{
	const lty_tier *best = NULL;
	size_t i;

	*lowest = INT64_MAX;
	for (i = 0; i < a->tier_count; i++) {
		const lty_tier *t = &a->tiers[i];
		*lowest = lty_min(*lowest, t->from);
		if (t->from <= subtotal && (best == NULL || t->from > best->from)) {
			best = t;
		}
	}
	return best;
}

static int64_t benefit_discount(const checkout *ck, const lty_benefit *b)
{
	if (b->has_discount) {
		return lty_min(b->discount, ck->r->subtotal);
	}
	if (b->has_percent) {
		return lty_percent_of(ck->r->subtotal, b->percent_bp, ck->p->rounding);
	}
	return 0;
}

static bool in_advantage_segment(checkout *ck, const lty_advantage *a)
{
	return a->segment >= 0 ? lty_membership_test(&ck->m, a->segment) : lty_membership_matches(&ck->m, a->inline_expr);
}

/* Checks one advantage in the order of SPEC 10; fills `cand` when it is eligible. */
static void check_advantage(checkout *ck, const lty_advantage *a, candidate *cand)
{
	char have[32], need[32];
	int64_t lowest;

	memset(cand, 0, sizeof(*cand));
	if (!ck->c->active) {
		lty_checkout_reject(ck, LTY_SOURCE_ADVANTAGE, &a->id, LTY_REASON_DISABLED, false, 0, "the customer account is disabled");
		return;
	}
	if (!in_advantage_segment(ck, a)) {
		lty_checkout_reject(ck, LTY_SOURCE_ADVANTAGE, &a->id, LTY_REASON_NOT_IN_SEGMENT, false, 0, a->segment >= 0
			? "not in segment '%.*s'" : "does not match %.*s",
			a->segment_source.len > 100 ? 100 : (int) a->segment_source.len, a->segment_source.ptr);
		return;
	}
	if (ck->has_voucher && !a->with_voucher) {
		lty_checkout_reject(ck, LTY_SOURCE_ADVANTAGE, &a->id, LTY_REASON_VOUCHER, false, 0, "does not apply with a voucher");
		return;
	}
	cand->tier = find_tier(a, ck->r->subtotal, &lowest);
	if (cand->tier == NULL) {
		lty_checkout_reject(ck, LTY_SOURCE_ADVANTAGE, &a->id, LTY_REASON_BELOW_TIER, true, lowest - ck->r->subtotal,
			"subtotal %s is below %s", lty_money_format(ck->r->subtotal, have, sizeof(have)),
			lty_money_format(lowest, need, sizeof(need)));
		return;
	}
	cand->discount = benefit_discount(ck, &cand->tier->benefit);
	if (cand->tier->benefit.free_shipping) {
		cand->ship = lty_checkout_carrier_allowed(&cand->tier->benefit, &ck->cart->carrier);
		cand->ship_refused = !cand->ship;
	}
	if (cand->ship_refused && cand->discount == 0 && !cand->tier->benefit.has_discount && !cand->tier->benefit.has_percent) {
		/* Free shipping was all it gave. */
		lty_checkout_reject_carrier(ck, LTY_SOURCE_ADVANTAGE, &a->id, &cand->tier->benefit);
		return;
	}
	/* Shipping near INT64_MAX would wrap the best-of value: an overflow is an error (SPEC 2). */
	if (!lty_add(lty_min(cand->discount, ck->payable), cand->ship ? ck->cart->shipping : 0, &cand->value)) {
		lty_error_set(ck->err, LTY_ERR_INPUT, "cart.shipping: discount plus shipping saved overflows 64-bit minor units");
		return;
	}
	cand->eligible = true;
}

static void choose_advantages(checkout *ck, candidate *cands)
{
	const lty_program *p = ck->p;
	size_t i, best = SIZE_MAX;
	char worth[32], best_worth[32];

	for (i = 0; i < p->advantage_count; i++) {
		if (!cands[i].eligible) {
			continue;
		}
		if (p->advantages[i].combinable) {
			cands[i].chosen = true;
		} else if (best == SIZE_MAX || cands[i].value > cands[best].value) {
			best = i;
		}
	}
	if (best != SIZE_MAX) {
		cands[best].chosen = true;
	}
	for (i = 0; i < p->advantage_count; i++) {
		const lty_advantage *a = &p->advantages[i];
		if (!cands[i].eligible) {
			continue;
		}
		ck->rule = i;
		if (!cands[i].chosen) {
			lty_checkout_reject(ck, LTY_SOURCE_ADVANTAGE, &a->id, LTY_REASON_NOT_BEST, false, 0,
				"'%.*s' is worth more (%s against %s)", p->advantages[best].id.len > 64 ? 64 : (int) p->advantages[best].id.len,
				p->advantages[best].id.ptr, lty_money_format(cands[best].value, best_worth, sizeof(best_worth)),
				lty_money_format(cands[i].value, worth, sizeof(worth)));
			continue;
		}
		{
			int64_t d = lty_min(cands[i].discount, ck->remaining);
			ck->remaining -= d;
			lty_checkout_apply(ck, LTY_SOURCE_ADVANTAGE, &a->id, &a->label, d, cands[i].ship, 0);
			ck->advantage_applied = true;
			if (cands[i].ship_refused) {
				lty_checkout_reject_carrier(ck, LTY_SOURCE_ADVANTAGE, &a->id, &cands[i].tier->benefit);
			}
		}
	}
}

static void evaluate_advantages(checkout *ck, lty_arena *arena)
{
	candidate *cands;
	size_t i;

	if (ck->p->advantage_count == 0) {
		return;
	}
	cands = lty_arena_array(arena, ck->p->advantage_count, sizeof(candidate));
	if (cands == NULL) {
		lty_error_set(ck->err, LTY_ERR_NOMEM, "evaluate: out of memory");
		return;
	}
	for (i = 0; i < ck->p->advantage_count; i++) {
		ck->rule = i;
		check_advantage(ck, &ck->p->advantages[i], &cands[i]);
		if (ck->err->status != LTY_OK) {
			return;
		}
	}
	choose_advantages(ck, cands);
}

static int by_rule(const void *a, const void *b)
{
	const lty_rejected *x = a, *y = b;

	if (x->rule != y->rule) {
		return x->rule < y->rule ? -1 : 1;
	}
	return (x->seq > y->seq) - (x->seq < y->seq);
}

/* Rejections in settings order (advantages, then loyalty), each rule's own in the order found. */
static void order_rejections(lty_result *r)
{
	qsort(r->rejected, r->rejected_count, sizeof(lty_rejected), by_rule);
}

/* Largest remainder: line shares of the discount, in proportion to line amounts, summing exactly. */
typedef struct {
	int64_t remainder;
	size_t index;
} share;

static int by_remainder(const void *a, const void *b)
{
	const share *x = a, *y = b;

	if (x->remainder != y->remainder) {
		return x->remainder > y->remainder ? -1 : 1;
	}
	return x->index < y->index ? -1 : x->index > y->index;
}

static lty_status allocate_lines(checkout *ck, lty_arena *arena)
{
	const lty_cart *cart = ck->cart;
	int64_t discount = ck->r->discount, given = 0;
	share *shares;
	size_t i;

	ck->r->line_discounts = lty_arena_array(arena, cart->line_count ? cart->line_count : 1, sizeof(int64_t));
	shares = lty_arena_array(arena, cart->line_count ? cart->line_count : 1, sizeof(share));
	if (ck->r->line_discounts == NULL || shares == NULL) {
		return lty_error_set(ck->err, LTY_ERR_NOMEM, "evaluate: out of memory");
	}
	if (discount == 0 || ck->r->subtotal == 0) {
		return LTY_OK;
	}
	for (i = 0; i < cart->line_count; i++) {
		__int128 part = (__int128) discount * cart->lines[i].amount;
		ck->r->line_discounts[i] = (int64_t) (part / ck->r->subtotal);
		shares[i].remainder = (int64_t) (part % ck->r->subtotal);
		shares[i].index = i;
		given += ck->r->line_discounts[i];
	}
	qsort(shares, cart->line_count, sizeof(share), by_remainder);
	for (i = 0; given < discount && i < cart->line_count; i++, given++) {
		ck->r->line_discounts[shares[i].index]++;
	}
	return LTY_OK;
}

lty_status lty_checkout_evaluate(const lty_program *program, const lty_cart *cart,
	const lty_customer *customer, int64_t now, uint8_t *memo, lty_arena *arena,
	lty_result *result, lty_error *err)
{
	checkout ck;
	int64_t net;

	memset(result, 0, sizeof(*result));
	memset(&ck, 0, sizeof(ck));
	err->status = LTY_OK;
	ck.p = program;
	ck.cart = cart;
	ck.c = customer;
	ck.r = result;
	ck.err = err;
	lty_membership_init(&ck.m, program, customer, now, memo);
	result->subtotal = cart->subtotal;
	result->shipping = cart->shipping;
	ck.has_voucher = cart->voucher_count > 0 || cart->voucher_discount > 0;
	ck.payable = lty_max(0, cart->subtotal - cart->voucher_discount);
	ck.remaining = ck.payable;
	result->applied = lty_arena_array(arena, program->advantage_count + 1, sizeof(lty_applied));
	result->rejected = lty_arena_array(arena, program->advantage_count + 2, sizeof(lty_rejected));
	if (result->applied == NULL || result->rejected == NULL) {
		return lty_error_set(err, LTY_ERR_NOMEM, "evaluate: out of memory");
	}
	evaluate_advantages(&ck, arena);
	ck.rule = program->advantage_count;
	if (err->status != LTY_OK || lty_points_spend(&ck) != LTY_OK || lty_points_earn(&ck) != LTY_OK) {
		return err->status;
	}
	order_rejections(result);
	net = lty_max(0, cart->subtotal - result->discount - cart->voucher_discount);
	if (!lty_add(net, cart->shipping - result->shipping_discount, &result->total)) {
		return lty_error_set(err, LTY_ERR_INPUT, "cart: total overflows 64-bit minor units");
	}
	return allocate_lines(&ck, arena);
}
