/* Loyalty points at checkout (SPEC 7, 10): the bracket reached by the rank
 * metric, its conditions, the discount it gives and the points it consumes;
 * then the points the order earns. */
#include "lty_checkout_internal.h"
#include "lty_money.h"

static const lty_str loyalty_id = { "loyalty", 7 };
static const lty_str loyalty_label = { "Loyalty points", 14 };

#define REJECT(ck, reason, has_missing, missing, ...) \
	lty_checkout_reject((ck), LTY_SOURCE_LOYALTY, &loyalty_id, (reason), (has_missing), (missing), __VA_ARGS__)

static int64_t rank_metric(const lty_loyalty *y, const lty_customer *c)
{
	switch (y->rank_by) {
		case LTY_RANK_ORDERS: return c->orders;
		case LTY_RANK_LIFETIME_POINTS: return c->lifetime_points;
		default: return c->points;
	}
}

static const lty_bracket *find_bracket(const lty_loyalty *y, int64_t metric, int64_t *lowest)
{
	const lty_bracket *best = NULL;
	size_t i;

	*lowest = INT64_MAX;
	for (i = 0; i < y->bracket_count; i++) {
		const lty_bracket *b = &y->brackets[i];
		*lowest = lty_min(*lowest, b->from);
		if (b->from <= metric && (best == NULL || b->from > best->from)) {
			best = b;
		}
	}
	return best;
}

/* SPEC 10: `from` for fixed and percent brackets ranked by points; 0 otherwise. */
static int64_t bracket_cost(const lty_loyalty *y, const lty_bracket *b)
{
	if (b->has_cost) {
		return b->cost;
	}
	if (y->rank_by == LTY_RANK_POINTS && (b->benefit.has_discount || b->benefit.has_percent)) {
		return b->from;
	}
	return 0;
}

/* The conditions of SPEC 10 before a bracket is looked at; false when one failed (rejected). */
static bool conditions_met(checkout *ck, const lty_loyalty *y)
{
	char have[32], need[32];

	if (!ck->c->active) {
		REJECT(ck, LTY_REASON_DISABLED, false, 0, "the customer account is disabled");
		return false;
	}
	/* order_number < from_order, written so that orders = INT64_MAX does not overflow (from_order >= 1). */
	if (ck->c->orders < y->from_order - 1) {
		int64_t order_number = ck->c->orders + 1;
		REJECT(ck, LTY_REASON_ORDER_NUMBER, true, y->from_order - order_number,
			"points are usable from order %lld, this is order %lld", (long long) y->from_order, (long long) order_number);
		return false;
	}
	if (ck->r->subtotal < y->min_cart) {
		REJECT(ck, LTY_REASON_MIN_CART, true, y->min_cart - ck->r->subtotal, "subtotal %s is below %s",
			lty_money_format(ck->r->subtotal, have, sizeof(have)), lty_money_format(y->min_cart, need, sizeof(need)));
		return false;
	}
	if (ck->has_voucher && !y->spend_with_voucher) {
		REJECT(ck, LTY_REASON_VOUCHER, false, 0, "points cannot be used with a voucher");
		return false;
	}
	if (ck->advantage_applied && !y->spend_with_advantage) {
		REJECT(ck, LTY_REASON_ADVANTAGE_WINS, false, 0, "a segment advantage applied and points do not combine with it");
		return false;
	}
	return true;
}

/* The discount of a bracket within what is payable and max_percent; for a rate, the points it spends. */
static int64_t bracket_discount(checkout *ck, const lty_loyalty *y, const lty_bracket *b, int64_t usable, int64_t *rate_points)
{
	int64_t limit = ck->remaining, d;

	if (y->has_max_percent) {
		limit = lty_min(limit, lty_percent_floor(ck->r->subtotal, y->max_percent_bp));
	}
	*rate_points = 0;
	if (b->has_rate) {
		int64_t blocks = usable / b->rate_points;
		if (b->rate_value > 0) {
			blocks = lty_min(blocks, limit / b->rate_value);
		}
		*rate_points = blocks * b->rate_points;   /* <= usable */
		return blocks * b->rate_value;            /* <= limit when rate_value > 0 */
	}
	if (b->benefit.has_discount) {
		d = b->benefit.discount;
	} else if (b->benefit.has_percent) {
		d = lty_percent_of(ck->r->subtotal, b->benefit.percent_bp, ck->p->rounding);
	} else {
		d = 0;
	}
	return lty_min(d, limit);
}

lty_status lty_points_spend(checkout *ck)
{
	const lty_loyalty *y = &ck->p->loyalty;
	const lty_bracket *b;
	int64_t metric, lowest, usable, cost, discount, rate_points, spent;
	bool gives_discount, ship = false;

	if (!ck->p->has_loyalty || y->bracket_count == 0 || !ck->cart->use_points || !conditions_met(ck, y)) {
		return LTY_OK;
	}
	metric = rank_metric(y, ck->c);
	b = find_bracket(y, metric, &lowest);
	usable = ck->cart->use_points_limited ? lty_min(ck->c->points, ck->cart->use_points_max) : ck->c->points;
	if (b == NULL) {
		REJECT(ck, LTY_REASON_NO_POINTS, true, lowest - metric, "%lld %s, the first bracket needs %lld",
			(long long) metric, y->rank_by == LTY_RANK_ORDERS ? "orders" : "points", (long long) lowest);
		return LTY_OK;
	}
	cost = b->has_rate ? b->rate_points : bracket_cost(y, b);
	if (cost > usable) {
		REJECT(ck, LTY_REASON_NO_POINTS, true, cost - usable, "%lld usable points, the bracket needs %lld",
			(long long) usable, (long long) cost);
		return LTY_OK;
	}
	discount = bracket_discount(ck, y, b, usable, &rate_points);
	gives_discount = b->has_rate || b->benefit.has_discount || b->benefit.has_percent;
	if (b->benefit.free_shipping) {
		ship = lty_checkout_carrier_allowed(&b->benefit, &ck->cart->carrier);
	}
	if (!ship && discount == 0) {
		if (b->benefit.free_shipping && !gives_discount) {
			lty_checkout_reject_carrier(ck, LTY_SOURCE_LOYALTY, &loyalty_id, &b->benefit);
		} else {
			REJECT(ck, LTY_REASON_MIN_CART, false, 0, "nothing left to pay with points");
		}
		return LTY_OK;
	}
	switch (y->policy) {
		case LTY_POLICY_LOSE_ALL: spent = ck->c->points; break;
		case LTY_POLICY_KEEP_ALL: spent = 0; break;
		default: spent = b->has_rate ? rate_points : cost; break;
	}
	ck->remaining -= discount;
	ck->loyalty_used = true;
	lty_checkout_apply(ck, LTY_SOURCE_LOYALTY, &loyalty_id, &loyalty_label, discount, ship, spent);
	ck->r->points_spent = spent;
	if (b->benefit.free_shipping && !ship) {
		lty_checkout_reject_carrier(ck, LTY_SOURCE_LOYALTY, &loyalty_id, &b->benefit);
	}
	return LTY_OK;
}

/* A member of an advantage's segment with earn_points false earns nothing (SPEC 7). */
static bool earning_blocked_by_segment(checkout *ck)
{
	size_t i;

	for (i = 0; i < ck->p->advantage_count; i++) {
		const lty_advantage *a = &ck->p->advantages[i];
		if (!a->earn_points && (a->segment >= 0 ? lty_membership_test(&ck->m, a->segment)
				: lty_membership_matches(&ck->m, a->inline_expr))) {
			return true;
		}
	}
	return false;
}

lty_status lty_points_earn(checkout *ck)
{
	const lty_loyalty *y = &ck->p->loyalty;
	int64_t earned = 0, billed, balance;

	if (ck->p->has_loyalty && ck->c->active && (y->earn_per_order || y->earn_per_amount > 0)
			&& (!ck->has_voucher || y->earn_with_voucher)
			&& (!ck->loyalty_used || y->earn_with_loyalty_discount)
			&& !earning_blocked_by_segment(ck)) {
		if (y->earn_per_order) {
			earned = y->earn_points;
		} else {
			billed = lty_max(0, ck->r->subtotal - ck->r->discount - ck->cart->voucher_discount);
			if (!lty_mul(billed / y->earn_per_amount, y->earn_points, &earned)) {
				return lty_error_set(ck->err, LTY_ERR_INPUT, "cart: points earned overflow 64 bits");
			}
		}
	}
	ck->r->points_earned = earned;
	if (!lty_add(ck->c->points - ck->r->points_spent, earned, &balance)) {
		return lty_error_set(ck->err, LTY_ERR_INPUT, "customer.points: balance overflows 64 bits");
	}
	ck->r->points_balance = balance;
	return LTY_OK;
}
