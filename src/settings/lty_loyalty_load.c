/* The loyalty section (SPEC 7): earning, spending conditions, brackets,
 * expiry and rewards. */
#include "../base/lty_limits.h"
#include "../expression/lty_decimal.h"
#include "lty_settings.h"
#include "lty_thresholds.h"

#include <inttypes.h>
#include <math.h>
#include <string.h>

/* Runs `load` on member `key` when present (path extended), or leaves defaults. */
typedef lty_status (*section_loader)(lty_loader *l, const lty_doc *d, lty_loyalty *y);

static lty_status section(lty_loader *l, const lty_doc *map, const char *key, section_loader load, lty_loyalty *y)
{
	const lty_doc *d = lty_loader_member(l, map, key);
	size_t old;

	if (d == NULL) {
		return LTY_OK;
	}
	old = lty_path_key(l, key);
	if (load(l, d, y) != LTY_OK) {
		return l->err->status;
	}
	lty_path_pop(l, old);
	return LTY_OK;
}

/* A multiplier: an int or a float with at most two decimals, > 0 and at most LTY_MAX_MULTIPLIER. */
static lty_status read_multiplier(lty_loader *l, const lty_doc *map, int32_t *out)
{
	const lty_doc *d = lty_loader_member(l, map, "multiplier");
	lty_status st = LTY_OK;
	size_t old;

	old = lty_path_key(l, "multiplier");
	if (d == NULL) {
		st = lty_fail(l, "is required");
	} else if (d->kind == LTY_DOC_INT) {
		if (d->u.i <= 0 || d->u.i > LTY_MAX_MULTIPLIER) {
			st = lty_fail(l, "must be > 0 and at most %d, got %" PRId64, LTY_MAX_MULTIPLIER, d->u.i);
		} else {
			*out = (int32_t) (d->u.i * 100);
		}
	} else if (d->kind == LTY_DOC_DOUBLE) {
		double r = round(lty_double(d->u.d * 100.0));
		if (!isfinite(d->u.d)) {
			st = lty_fail(l, "must be > 0 and at most %d, got %s", LTY_MAX_MULTIPLIER, isnan(d->u.d) ? "NAN" : d->u.d < 0 ? "-INF" : "INF");
		} else if (d->u.d <= 0.0 || d->u.d > LTY_MAX_MULTIPLIER) {
			st = lty_fail(l, "must be > 0 and at most %d, got %.15g", LTY_MAX_MULTIPLIER, d->u.d);
		} else if (lty_double(r / 100.0) != d->u.d) { /* exactly the double of a two-decimal literal */
			st = lty_fail(l, "at most two decimals, got %.15g", d->u.d);
		} else {
			*out = (int32_t) r;
		}
	} else {
		st = lty_fail(l, "expected int or float, got %s", lty_doc_type_name(d));
	}
	lty_path_pop(l, old);
	return st;
}

/* earn.bonus: a list of {lines, multiplier}. */
static lty_status load_bonus(lty_loader *l, const lty_doc *list, lty_loyalty *y)
{
	static const lty_key keys[] = { LTY_KEY("lines"), LTY_KEY("multiplier"), LTY_KEYS_END };
	lty_earn_bonus *bonus;
	size_t i, old = lty_path_key(l, "bonus");

	if (list->kind != LTY_DOC_LIST) {
		return lty_fail(l, "expected a list of {lines, multiplier}, got %s", lty_doc_type_name(list));
	}
	if (list->u.c.count > LTY_MAX_TIERS) {
		return lty_fail(l, "too many entries (%zu, at most %d)", list->u.c.count, LTY_MAX_TIERS);
	}
	bonus = lty_arena_array(l->arena, list->u.c.count ? list->u.c.count : 1, sizeof(lty_earn_bonus));
	if (bonus == NULL) {
		return lty_fail_nomem(l);
	}
	for (i = 0; i < list->u.c.count; i++) {
		const lty_doc *e = &list->u.c.items[i];
		size_t at = lty_path_index(l, i), inner;
		if (lty_expect_map(l, e, keys) != LTY_OK
				|| lty_read_string(l, e, "lines", true, NULL, &bonus[i].source) != LTY_OK) {
			return l->err->status;
		}
		inner = lty_path_key(l, "lines");
		if (lty_compile_line_expr(l, &bonus[i].source, &bonus[i].lines) != LTY_OK) {
			return l->err->status;
		}
		lty_path_pop(l, inner);
		if (read_multiplier(l, e, &bonus[i].multiplier) != LTY_OK) {
			return l->err->status;
		}
		lty_path_pop(l, at);
	}
	lty_path_pop(l, old);
	y->earn_bonus = bonus;
	y->earn_bonus_count = list->u.c.count;
	return LTY_OK;
}

/* earn.exclude and earn.bonus (SPEC 11): billed and points per line; not with per_order. */
static lty_status load_earn_lines(lty_loader *l, const lty_doc *d, lty_loyalty *y)
{
	const lty_doc *bonus = lty_loader_member(l, d, "bonus");
	size_t old;

	if (lty_read_string(l, d, "exclude", false, NULL, &y->earn_exclude_source) != LTY_OK) {
		return l->err->status;
	}
	if (y->earn_exclude_source.ptr != NULL) {
		old = lty_path_key(l, "exclude");
		if (lty_compile_line_expr(l, &y->earn_exclude_source, &y->earn_exclude) != LTY_OK) {
			return l->err->status;
		}
		lty_path_pop(l, old);
	}
	if (bonus != NULL && load_bonus(l, bonus, y) != LTY_OK) {
		return l->err->status;
	}
	y->earn_per_line = y->earn_exclude != NULL || bonus != NULL;
	if (y->earn_per_line && y->earn_per_order) {
		old = lty_path_key(l, y->earn_exclude != NULL ? "exclude" : "bonus");
		lty_fail(l, "goes with per_amount: per_order gives the points of an order, not of its lines");
		lty_path_pop(l, old);
		return LTY_ERR_CONFIG;
	}
	return LTY_OK;
}

static lty_status load_earn(lty_loader *l, const lty_doc *d, lty_loyalty *y)
{
	static const lty_key keys[] = {
		LTY_KEY("per_amount"), LTY_KEY("points"), LTY_KEY("per_order"), LTY_KEY("exclude"),
		LTY_KEY("bonus"), LTY_KEYS_END
	};
	bool has_amount, has_points, has_order;
	int64_t per_order;

	if (lty_expect_map(l, d, keys) != LTY_OK
			|| lty_read_int(l, d, "per_amount", 0, 1, INT64_MAX, &has_amount, &y->earn_per_amount) != LTY_OK
			|| lty_read_int(l, d, "points", 1, 0, INT64_MAX, &has_points, &y->earn_points) != LTY_OK
			|| lty_read_int(l, d, "per_order", 0, 0, INT64_MAX, &has_order, &per_order) != LTY_OK) {
		return l->err->status;
	}
	if (has_amount == has_order) {
		return lty_fail(l, has_amount ? "per_amount and per_order exclude each other"
			: "needs per_amount (with points) or per_order");
	}
	if (has_order) {
		if (has_points) {
			return lty_fail(l, "points goes with per_amount; per_order gives the points of an order");
		}
		y->earn_per_order = true;
		y->earn_points = per_order;
	}
	return load_earn_lines(l, d, y);
}

static lty_status load_spend(lty_loader *l, const lty_doc *d, lty_loyalty *y)
{
	static const lty_key keys[] = {
		LTY_KEY("policy"), LTY_KEY("from_order"), LTY_KEY("min_cart"), LTY_KEY("with_voucher"),
		LTY_KEY("with_advantage"), LTY_KEY("max_percent"), LTY_KEYS_END
	};
	static const char *const policies[] = { "lose_used", "lose_all", "keep_all", NULL };
	lty_str policy;
	bool has_max;

	if (lty_expect_map(l, d, keys) != LTY_OK
			|| lty_read_string(l, d, "policy", false, policies, &policy) != LTY_OK
			|| lty_read_int(l, d, "from_order", 1, 1, INT64_MAX, NULL, &y->from_order) != LTY_OK
			|| lty_read_money(l, d, "min_cart", 0, NULL, &y->min_cart) != LTY_OK
			|| lty_read_bool(l, d, "with_voucher", false, &y->spend_with_voucher) != LTY_OK
			|| lty_read_bool(l, d, "with_advantage", false, &y->spend_with_advantage) != LTY_OK
			|| lty_read_percent(l, d, "max_percent", &has_max, &y->max_percent_bp) != LTY_OK) {
		return l->err->status;
	}
	y->has_max_percent = has_max;
	if (policy.ptr != NULL) {
		y->policy = strcmp(policy.ptr, "lose_all") == 0 ? LTY_POLICY_LOSE_ALL
			: strcmp(policy.ptr, "keep_all") == 0 ? LTY_POLICY_KEEP_ALL : LTY_POLICY_LOSE_USED;
	}
	return LTY_OK;
}

static lty_status load_rate(lty_loader *l, const lty_doc *d, lty_bracket *b)
{
	static const lty_key keys[] = { LTY_KEY("points"), LTY_KEY("value"), LTY_KEYS_END };
	const lty_doc *rate = lty_loader_member(l, d, "rate");
	size_t old;

	if (rate == NULL) {
		return LTY_OK;
	}
	old = lty_path_key(l, "rate");
	if (lty_expect_map(l, rate, keys) != LTY_OK
			|| lty_read_int(l, rate, "points", 0, 1, INT64_MAX, NULL, &b->rate_points) != LTY_OK
			|| lty_read_money(l, rate, "value", 0, NULL, &b->rate_value) != LTY_OK) {
		return l->err->status;
	}
	if (lty_loader_member(l, rate, "points") == NULL || lty_loader_member(l, rate, "value") == NULL) {
		return lty_fail(l, "needs points and value (e.g. {\"points\": 10, \"value\": 100})");
	}
	b->has_rate = true;
	lty_path_pop(l, old);
	return LTY_OK;
}

static lty_status load_bracket(lty_loader *l, const lty_doc *d, lty_bracket *b)
{
	static const lty_key keys[] = {
		LTY_KEY("from"), LTY_KEY("discount"), LTY_KEY("discount_percent"), LTY_KEY("rate"),
		LTY_KEY("free_shipping"), LTY_KEY("carriers"), LTY_KEY("cost"), LTY_KEYS_END
	};
	bool has_cost;

	if (lty_expect_map(l, d, keys) != LTY_OK
			|| lty_read_int(l, d, "from", 0, 0, INT64_MAX, NULL, &b->from) != LTY_OK
			|| lty_read_benefit(l, d, &b->benefit) != LTY_OK
			|| load_rate(l, d, b) != LTY_OK
			|| lty_read_int(l, d, "cost", 0, 0, INT64_MAX, &has_cost, &b->cost) != LTY_OK) {
		return l->err->status;
	}
	b->has_cost = has_cost;
	if (b->has_rate && (b->benefit.has_discount || b->benefit.has_percent)) {
		return lty_fail(l, "discount, discount_percent and rate exclude each other");
	}
	if (b->has_rate && has_cost) {
		return lty_fail(l, "cost cannot be used with rate (a rate spends its blocks)");
	}
	if (!b->has_rate && !b->benefit.has_discount && !b->benefit.has_percent && !b->benefit.free_shipping) {
		return lty_fail(l, "gives nothing: set discount, discount_percent, rate or free_shipping");
	}
	return LTY_OK;
}

static lty_status load_brackets(lty_loader *l, const lty_doc *list, lty_loyalty *y)
{
	lty_bracket *brackets;
	size_t i;

	if (list->kind != LTY_DOC_LIST) {
		return lty_fail(l, "expected a list of brackets, got %s", lty_doc_type_name(list));
	}
	if (list->u.c.count > LTY_MAX_BRACKETS) {
		return lty_fail(l, "too many brackets (%zu, at most %d)", list->u.c.count, LTY_MAX_BRACKETS);
	}
	brackets = lty_arena_array(l->arena, list->u.c.count ? list->u.c.count : 1, sizeof(lty_bracket));
	if (brackets == NULL) {
		return lty_fail_nomem(l);
	}
	for (i = 0; i < list->u.c.count; i++) {
		size_t old = lty_path_index(l, i);
		if (load_bracket(l, &list->u.c.items[i], &brackets[i]) != LTY_OK) {
			return l->err->status;
		}
		lty_path_pop(l, old);
	}
	y->brackets = brackets;
	y->bracket_count = list->u.c.count;
	y->bracket_sorted = lty_thresholds_sort(l->arena, brackets, y->bracket_count, sizeof(lty_bracket), offsetof(lty_bracket, from));
	if (y->bracket_sorted == NULL) {
		return lty_fail_nomem(l);
	}
	return LTY_OK;
}

static lty_status load_warn_days(lty_loader *l, const lty_doc *list, lty_loyalty *y)
{
	int64_t *days;
	size_t i;

	if (list->kind != LTY_DOC_LIST) {
		return lty_fail(l, "expected a list of days, got %s", lty_doc_type_name(list));
	}
	if (list->u.c.count > LTY_MAX_LIST) {
		return lty_fail(l, "too many values (%zu, at most %d)", list->u.c.count, LTY_MAX_LIST);
	}
	days = lty_arena_array(l->arena, list->u.c.count ? list->u.c.count : 1, sizeof(int64_t));
	if (days == NULL) {
		return lty_fail_nomem(l);
	}
	for (i = 0; i < list->u.c.count; i++) {
		const lty_doc *d = &list->u.c.items[i];
		size_t old = lty_path_index(l, i);
		if (d->kind != LTY_DOC_INT) {
			return lty_fail(l, "expected int (days), got %s", lty_doc_type_name(d));
		}
		if (d->u.i < 1 || d->u.i > LTY_MAX_DAYS) {
			return lty_fail(l, "must be between 1 and %d days", LTY_MAX_DAYS);
		}
		days[i] = d->u.i;
		lty_path_pop(l, old);
	}
	y->warn_days = days;
	y->warn_count = list->u.c.count;
	return LTY_OK;
}

static lty_status load_expiry(lty_loader *l, const lty_doc *d, lty_loyalty *y)
{
	static const lty_key keys[] = { LTY_KEY("days"), LTY_KEY("mode"), LTY_KEY("warn_days"), LTY_KEYS_END };
	static const char *const modes[] = { "rolling", "per_lot", NULL };
	const lty_doc *warn;
	lty_str mode;
	bool has_days;

	if (lty_expect_map(l, d, keys) != LTY_OK
			|| lty_read_int(l, d, "days", 0, 1, LTY_MAX_DAYS, &has_days, &y->expiry_days) != LTY_OK
			|| lty_read_string(l, d, "mode", false, modes, &mode) != LTY_OK) {
		return l->err->status;
	}
	if (!has_days) {
		size_t old = lty_path_key(l, "days");
		lty_fail(l, "is required");
		lty_path_pop(l, old);
		return LTY_ERR_CONFIG;
	}
	y->has_expiry = true;
	y->expiry_mode = mode.ptr != NULL && strcmp(mode.ptr, "per_lot") == 0 ? LTY_EXPIRY_PER_LOT : LTY_EXPIRY_ROLLING;
	warn = lty_loader_member(l, d, "warn_days");
	if (warn != NULL) {
		size_t old = lty_path_key(l, "warn_days");
		if (load_warn_days(l, warn, y) != LTY_OK) {
			return l->err->status;
		}
		lty_path_pop(l, old);
	}
	return LTY_OK;
}

static lty_status load_coupon(lty_loader *l, const lty_doc *d, lty_loyalty *y)
{
	static const lty_key keys[] = {
		LTY_KEY("discount"), LTY_KEY("discount_percent"), LTY_KEY("min_cart"), LTY_KEY("valid_days"),
		LTY_KEYS_END
	};

	if (lty_expect_map(l, d, keys) != LTY_OK
			|| lty_read_benefit(l, d, &y->reward) != LTY_OK
			|| lty_read_money(l, d, "min_cart", 0, NULL, &y->reward_min_cart) != LTY_OK
			|| lty_read_int(l, d, "valid_days", 0, 1, LTY_MAX_DAYS, NULL, &y->reward_valid_days) != LTY_OK) {
		return l->err->status;
	}
	if (!y->reward.has_discount && !y->reward.has_percent) {
		return lty_fail(l, "needs discount or discount_percent");
	}
	return LTY_OK;
}

static lty_status load_rewards(lty_loader *l, const lty_doc *d, lty_loyalty *y)
{
	static const lty_key keys[] = { LTY_KEY("threshold"), LTY_KEY("coupon"), LTY_KEYS_END };
	bool has_threshold;

	if (lty_expect_map(l, d, keys) != LTY_OK
			|| lty_read_int(l, d, "threshold", 0, 1, INT64_MAX, &has_threshold, &y->reward_threshold) != LTY_OK) {
		return l->err->status;
	}
	if (!has_threshold) {
		size_t old = lty_path_key(l, "threshold");
		lty_fail(l, "is required");
		lty_path_pop(l, old);
		return LTY_ERR_CONFIG;
	}
	if (lty_loader_member(l, d, "coupon") == NULL) {
		size_t old = lty_path_key(l, "coupon");
		lty_fail(l, "is required");
		lty_path_pop(l, old);
		return LTY_ERR_CONFIG;
	}
	y->has_rewards = true;
	return section(l, d, "coupon", load_coupon, y);
}

static lty_status load_rank(lty_loader *l, const lty_doc *map, lty_loyalty *y)
{
	static const char *const ranks[] = { "points", "orders", "lifetime_points", NULL };
	lty_str rank;

	if (lty_read_string(l, map, "rank_by", false, ranks, &rank) != LTY_OK) {
		return l->err->status;
	}
	y->rank_by = rank.ptr == NULL || strcmp(rank.ptr, "points") == 0 ? LTY_RANK_POINTS
		: strcmp(rank.ptr, "orders") == 0 ? LTY_RANK_ORDERS : LTY_RANK_LIFETIME_POINTS;
	return LTY_OK;
}

lty_status lty_load_loyalty(lty_loader *l, const lty_doc *map)
{
	static const lty_key keys[] = {
		LTY_KEY("earn"), LTY_KEY("earn_with_voucher"), LTY_KEY("earn_with_loyalty_discount"),
		LTY_KEY("spend"), LTY_KEY("rank_by"), LTY_KEY("brackets"), LTY_KEY("expiry"), LTY_KEY("rewards"),
		LTY_KEY("pending_days"), LTY_KEYS_END
	};
	lty_loyalty *y = &l->program->loyalty;

	memset(y, 0, sizeof(*y));
	y->from_order = 1;
	if (lty_expect_map(l, map, keys) != LTY_OK
			|| section(l, map, "earn", load_earn, y) != LTY_OK
			|| lty_read_bool(l, map, "earn_with_voucher", false, &y->earn_with_voucher) != LTY_OK
			|| lty_read_bool(l, map, "earn_with_loyalty_discount", false, &y->earn_with_loyalty_discount) != LTY_OK
			|| section(l, map, "spend", load_spend, y) != LTY_OK
			|| load_rank(l, map, y) != LTY_OK
			|| section(l, map, "brackets", load_brackets, y) != LTY_OK
			|| section(l, map, "expiry", load_expiry, y) != LTY_OK
			|| section(l, map, "rewards", load_rewards, y) != LTY_OK
			|| lty_read_int(l, map, "pending_days", 0, 0, LTY_MAX_DAYS, NULL, &y->pending_days) != LTY_OK) {
		return l->err->status;
	}
	l->program->has_loyalty = true;
	/* Evaluation reads the balance and the rank metrics. */
	l->program->fields |= LTY_FIELD_POINTS | LTY_FIELD_LIFETIME_POINTS;
	return LTY_OK;
}

int64_t lty_bracket_default_cost(const lty_loyalty *y, const lty_bracket *b)
{
	if (b->has_rate || y->rank_by != LTY_RANK_POINTS || (!b->benefit.has_discount && !b->benefit.has_percent)) {
		return 0;
	}
	return b->from;
}

int64_t lty_bracket_cost(const lty_loyalty *y, const lty_bracket *b)
{
	return b->has_cost ? b->cost : lty_bracket_default_cost(y, b);
}
