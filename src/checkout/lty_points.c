/* Loyalty points at checkout (SPEC 7, 10): the bracket reached by the rank
 * metric, its conditions, the discount it gives and the points it consumes;
 * then the points the order earns. */
#include "lty_points.h"
#include "lty_lines.h"
#include "../base/lty_money.h"
#include "../settings/lty_thresholds.h"

static const lty_str loyalty_id = { "loyalty", 7 };
static const lty_str loyalty_label = { "Loyalty points", 14 };

/* A loyalty rejection; `missing` < 0 when it has none. */
static void reject(checkout *ck, lty_reason reason, int64_t missing, lty_message message, int64_t a, int64_t b)
{
	lty_rejected *x = lty_checkout_reject(ck, LTY_SOURCE_LOYALTY, &loyalty_id, reason, message, a, b);

	x->has_missing = missing >= 0;
	x->missing = missing >= 0 ? missing : 0;
}

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
	size_t i = lty_thresholds_find(y->bracket_sorted, y->bracket_count, metric, lowest);

	return i == SIZE_MAX ? NULL : &y->brackets[i];
}

/* The conditions of SPEC 10 before a bracket is looked at; false when one failed (rejected). */
static bool conditions_met(checkout *ck, const lty_loyalty *y)
{
	/* The order being placed; a customer with INT64_MAX orders is past every from_order. */
	int64_t order_number = ck->c->orders == INT64_MAX ? INT64_MAX : ck->c->orders + 1;

	if (!ck->c->active) {
		reject(ck, LTY_REASON_DISABLED, -1, LTY_MSG_DISABLED, 0, 0);
		return false;
	}
	if (order_number < y->from_order) {
		reject(ck, LTY_REASON_ORDER_NUMBER, y->from_order - order_number, LTY_MSG_ORDER_NUMBER, y->from_order, order_number);
		return false;
	}
	if (ck->r->subtotal < y->min_cart) {
		reject(ck, LTY_REASON_MIN_CART, y->min_cart - ck->r->subtotal, LTY_MSG_BELOW, ck->r->subtotal, y->min_cart);
		return false;
	}
	if (ck->has_voucher && !y->spend_with_voucher) {
		reject(ck, LTY_REASON_VOUCHER, -1, LTY_MSG_LOYALTY_VOUCHER, 0, 0);
		return false;
	}
	if (ck->advantage_applied && !y->spend_with_advantage) {
		reject(ck, LTY_REASON_ADVANTAGE_WINS, -1, LTY_MSG_ADVANTAGE_WINS, 0, 0);
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
	bool ship = false;

	if (!ck->p->has_loyalty || y->bracket_count == 0 || !ck->cart->use_points || !conditions_met(ck, y)) {
		return LTY_OK;
	}
	metric = rank_metric(y, ck->c);
	b = find_bracket(y, metric, &lowest);
	usable = ck->cart->use_points_limited ? lty_min(ck->c->points, ck->cart->use_points_max) : ck->c->points;
	if (b == NULL) {
		reject(ck, LTY_REASON_NO_POINTS, lowest - metric,
			y->rank_by == LTY_RANK_ORDERS ? LTY_MSG_NO_BRACKET_ORDERS : LTY_MSG_NO_BRACKET_POINTS, metric, lowest);
		return LTY_OK;
	}
	/* A rate has no cost: fewer points than a block give nothing (zero_value below). keep_all never
	 * deducts, so its cost gates nothing (SPEC 14). */
	cost = b->has_rate ? 0 : lty_bracket_cost(y, b);
	if (y->policy != LTY_POLICY_KEEP_ALL && cost > usable) {
		reject(ck, LTY_REASON_NO_POINTS, cost - usable, LTY_MSG_NOT_USABLE, usable, cost);
		return LTY_OK;
	}
	discount = bracket_discount(ck, y, b, usable, &rate_points);
	if (b->benefit.free_shipping) {
		ship = lty_checkout_carrier_allowed(&b->benefit, &ck->cart->carrier);
	}
	if (!ship && discount == 0) {
		/* Gives nothing: a refused free shipping is the reason when it had one (SPEC 14). */
		if (b->benefit.free_shipping) {
			lty_checkout_reject_carrier(ck, LTY_SOURCE_LOYALTY, &loyalty_id, &b->benefit);
		} else {
			reject(ck, LTY_REASON_ZERO_VALUE, -1, LTY_MSG_ZERO_VALUE, 0, 0);
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
		if (!a->earn_points && (a->segment >= 0 ? lty_membership_in(&ck->m, a->segment)
				: lty_membership_matches(&ck->m, a->inline_expr))) {
			return true;
		}
	}
	return false;
}

/* A line's multiplier in hundredths: 0 excluded, the first matching bonus, else 100. */
static int64_t line_multiplier(const checkout *ck, const lty_loyalty *y, const lty_cart_line *line)
{
	size_t i;

	if (y->earn_exclude != NULL && lty_lines_match(ck, y->earn_exclude, line)) {
		return 0;
	}
	for (i = 0; i < y->earn_bonus_count; i++) {
		if (lty_lines_match(ck, y->earn_bonus[i].lines, line)) {
			return y->earn_bonus[i].multiplier;
		}
	}
	return 100;
}

/* SPEC 11, 13: billed per line (its amount minus its share of the engine's discounts and of the
 * voucher used, spread the same way), times its multiplier, summed exactly and rounded down
 * once; the points are then spread over the lines in proportion to billed x multiplier. */
static lty_status earn_per_line(checkout *ck, const lty_loyalty *y, int64_t *earned)
{
	size_t n = ck->cart->line_count, i;
	int64_t *voucher = lty_arena_array(ck->arena, n, sizeof(int64_t));
	int64_t *weights = lty_arena_array(ck->arena, n, sizeof(int64_t));
	int64_t total = 0, billed;

	ck->r->line_points = lty_arena_array(ck->arena, n, sizeof(int64_t));
	if (voucher == NULL || weights == NULL || ck->r->line_points == NULL) {
		return lty_error_set(ck->err, LTY_ERR_NOMEM, "evaluate: out of memory");
	}
	if (lty_lines_shares(ck, ck->cart->subtotal - ck->payable, ck->left, voucher) != LTY_OK) {
		return ck->err->status;
	}
	for (i = 0; i < n; i++) {
		/* in hundredths of a minor unit: the sum must fit 64 bits (docs/decisions.md) */
		if (!lty_mul(ck->left[i] - voucher[i], line_multiplier(ck, y, &ck->cart->lines[i]), &weights[i])
				|| !lty_add(total, weights[i], &total)) {
			return lty_error_set(ck->err, LTY_ERR_INPUT, "cart: points earned overflow 64 bits");
		}
	}
	billed = total / 100; /* rounded down once */
	if (!lty_mul(billed / y->earn_per_amount, y->earn_points, earned)) {
		return lty_error_set(ck->err, LTY_ERR_INPUT, "cart: points earned overflow 64 bits");
	}
	return lty_lines_shares(ck, *earned, weights, ck->r->line_points);
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
		} else if (y->earn_per_line && ck->left != NULL) {
			if (earn_per_line(ck, y, &earned) != LTY_OK) {
				return ck->err->status;
			}
		} else {
			billed = ck->payable - ck->r->discount; /* the voucher used and the engine's discounts are off */
			if (!lty_mul(billed / y->earn_per_amount, y->earn_points, &earned)) {
				return lty_error_set(ck->err, LTY_ERR_INPUT, "cart: points earned overflow 64 bits");
			}
		}
	}
	ck->r->points_earned = earned;
	if (ck->p->has_loyalty && y->earn_per_line && ck->left != NULL && ck->r->line_points == NULL) {
		/* the lines carry points whenever exclude or bonus is set: 0 when the order earns none */
		ck->r->line_points = lty_arena_array(ck->arena, ck->cart->line_count, sizeof(int64_t));
		if (ck->r->line_points == NULL) {
			return lty_error_set(ck->err, LTY_ERR_NOMEM, "evaluate: out of memory");
		}
	}
	if (!lty_add(ck->c->points - ck->r->points_spent, earned, &balance)) {
		return lty_error_set(ck->err, LTY_ERR_INPUT, "customer.points: balance overflows 64 bits");
	}
	ck->r->points_balance = balance;
	return LTY_OK;
}
