#include "lty_warnings.h"
#include "../base/lty_money.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

typedef struct {
	lty_warning *items;
	size_t count, capacity;
	lty_arena *arena;
	bool failed;
} warnings;

static void warn(warnings *w, const char *path, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 3, 4)))
#endif
	;

static void warn(warnings *w, const char *path, const char *fmt, ...)
{
	va_list ap;
	lty_warning *items = lty_arena_grow(w->arena, w->items, w->count, &w->capacity, sizeof(lty_warning));

	if (items == NULL) {
		w->failed = true;
		return;
	}
	w->items = items;
	snprintf(w->items[w->count].path, sizeof(w->items[w->count].path), "%s", path);
	va_start(ap, fmt);
	vsnprintf(w->items[w->count].message, sizeof(w->items[w->count].message), fmt, ap);
	va_end(ap);
	w->count++;
}

/* What a benefit takes off a cart of `subtotal` (free shipping aside). */
static int64_t value_at(const lty_benefit *b, int64_t subtotal)
{
	if (b->has_discount) {
		return lty_min(b->discount, subtotal);
	}
	if (b->has_percent) {
		return lty_percent_of(subtotal, b->percent_bp, LTY_ROUND_DOWN);
	}
	return 0;
}

/* A tier with the same `from` as an earlier one never applies (the first written wins). */
static bool shadowed(const lty_advantage *a, size_t i)
{
	size_t j;

	for (j = 0; j < i; j++) {
		if (a->tiers[j].from == a->tiers[i].from) {
			return true;
		}
	}
	return false;
}

static void check_tiers(warnings *w, size_t ai, const lty_advantage *a)
{
	char path[96], have[32], other[32], at[32];
	size_t i, j;

	for (i = 0; i < a->tier_count; i++) {
		const lty_tier *t = &a->tiers[i];
		snprintf(path, sizeof(path), "advantages[%zu].tiers[%zu]", ai, i);
		for (j = 0; j < i; j++) {
			if (a->tiers[j].from == t->from) {
				warn(w, path, "never applies: tiers[%zu] has the same from (%s) and is written first", j,
					lty_money_format(t->from, have, sizeof(have)));
				break;
			}
		}
		for (j = 0; j < a->tier_count; j++) {
			const lty_tier *lower = &a->tiers[j];
			if (lower->from < t->from && !shadowed(a, j) && value_at(&t->benefit, t->from) < value_at(&lower->benefit, t->from)
					&& (!t->benefit.free_shipping || lower->benefit.free_shipping)) {
				warn(w, path, "gives less than the lower tiers[%zu]: %s against %s on a cart of %s", j,
					lty_money_format(value_at(&t->benefit, t->from), have, sizeof(have)),
					lty_money_format(value_at(&lower->benefit, t->from), other, sizeof(other)),
					lty_money_format(t->from, at, sizeof(at)));
				break;
			}
		}
		if (!t->benefit.free_shipping && !t->benefit.has_discount && t->benefit.percent_bp == 0) {
			warn(w, path, "gives nothing: a 0%% discount without free shipping");
		} else if (!t->benefit.free_shipping && t->benefit.has_discount && t->benefit.discount == 0) {
			warn(w, path, "gives nothing: a 0.00 discount without free shipping");
		}
	}
}

/* An advantage for everybody from 0.00 with a discount applies to every cart with products. */
static bool applies_to_every_cart(const lty_advantage *a)
{
	size_t i;

	if (a->segment != LTY_SEG_ALL || a->schedule != NULL || a->max_uses > 0 || a->lines != NULL) {
		return false;
	}
	for (i = 0; i < a->tier_count; i++) {
		const lty_benefit *b = &a->tiers[i].benefit;
		if (a->tiers[i].from == 0 && ((b->has_discount && b->discount > 0) || b->percent_bp > 0)) {
			return true;
		}
	}
	return false;
}

/* spend.with_advantage false loses to an advantage that always applies, in every case the
 * voucher settings leave open (with a voucher, the advantage needs with_voucher). */
static void check_advantage_wins(warnings *w, const lty_program *p)
{
	const lty_loyalty *y = &p->loyalty;
	size_t i;

	if (y->spend_with_advantage || y->bracket_count == 0) {
		return;
	}
	for (i = 0; i < p->advantage_count; i++) {
		if (applies_to_every_cart(&p->advantages[i]) && (p->advantages[i].with_voucher || !y->spend_with_voucher)) {
			warn(w, "loyalty.spend.with_advantage", "is false and advantages[%zu] (segment all, from 0.00) applies to every cart: no loyalty discount can ever apply", i);
			return;
		}
	}
}

static void check_brackets(warnings *w, const lty_loyalty *y)
{
	char path[64];
	size_t i, j;

	for (i = 0; i < y->bracket_count; i++) {
		const lty_bracket *b = &y->brackets[i];
		snprintf(path, sizeof(path), "loyalty.brackets[%zu]", i);
		for (j = 0; j < i; j++) {
			if (y->brackets[j].from == b->from) {
				warn(w, path, "never applies: brackets[%zu] has the same from (%lld) and is written first", j, (long long) b->from);
				break;
			}
		}
		if (y->policy == LTY_POLICY_KEEP_ALL && b->has_cost && b->cost != lty_bracket_default_cost(y, b)) {
			warn(w, path, "cost %lld has no effect: keep_all never deducts points", (long long) b->cost);
		} else if (y->rank_by == LTY_RANK_POINTS && b->has_cost && b->cost > b->from) {
			warn(w, path, "costs %lld points but is reached from %lld: customers with fewer than %lld points reach it and cannot use it",
				(long long) b->cost, (long long) b->from, (long long) b->cost);
		}
		if (!b->benefit.free_shipping && ((b->benefit.has_discount && b->benefit.discount == 0)
				|| (b->benefit.has_percent && b->benefit.percent_bp == 0) || (b->has_rate && b->rate_value == 0))) {
			warn(w, path, "gives nothing: a zero discount without free shipping");
		}
		if (b->has_rate && y->rank_by == LTY_RANK_POINTS && b->from < b->rate_points) {
			warn(w, path, "is reached from %lld points but one block costs %lld", (long long) b->from, (long long) b->rate_points);
		}
	}
	if (y->has_max_percent && y->max_percent_bp == 0 && y->bracket_count > 0) {
		warn(w, "loyalty.spend.max_percent", "is 0: no loyalty discount can ever apply");
	}
	if (y->has_expiry && y->expiry_mode == LTY_EXPIRY_ROLLING) {
		for (i = 0; i < y->warn_count; i++) {
			if (y->warn_days[i] >= y->expiry_days) {
				snprintf(path, sizeof(path), "loyalty.expiry.warn_days[%zu]", i);
				warn(w, path, "%lld days before expiry is at or before the points are earned (they last %lld days)",
					(long long) y->warn_days[i], (long long) y->expiry_days);
			}
		}
	}
}

static bool segment_used(const lty_program *p, size_t seg)
{
	size_t i, j, count;

	for (i = 0; i < p->advantage_count; i++) {
		if (p->advantages[i].segment == (int) seg) {
			return true;
		}
		if (p->advantages[i].inline_expr) {
			const lty_expr_ref *refs = lty_expr_segment_refs(p->advantages[i].inline_expr, &count);
			for (j = 0; j < count; j++) {
				if (refs[j].segment == (int) seg) {
					return true;
				}
			}
		}
	}
	for (i = LTY_SEG_BUILTIN_COUNT; i < p->segment_count; i++) {
		const lty_expr_ref *refs = lty_expr_segment_refs(p->segments[i].expr, &count);
		for (j = 0; j < count; j++) {
			if (refs[j].segment == (int) seg && i != seg) {
				return true;
			}
		}
	}
	return false;
}

lty_warning *lty_program_warnings(const lty_program *p, lty_arena *arena, size_t *count)
{
	warnings w = { NULL, 0, 0, arena, false };
	char path[96];
	size_t i;

	for (i = LTY_SEG_BUILTIN_COUNT; i < p->segment_count; i++) {
		if (!segment_used(p, i)) {
			snprintf(path, sizeof(path), "segments.%s", p->segments[i].name.ptr);
			warn(&w, path, "is referenced nowhere: no advantage or segment uses it (filter() still can)");
		}
	}
	for (i = 0; i < p->advantage_count; i++) {
		const lty_schedule *s = p->advantages[i].schedule;
		check_tiers(&w, i, &p->advantages[i]);
		if (p->advantages[i].lines != NULL && lty_expr_never_matches_line(p->advantages[i].lines)) {
			snprintf(path, sizeof(path), "advantages[%zu].lines", i);
			warn(&w, path, "never matches: qty, price and amount are never negative");
		}
		if (s != NULL && s->has_starts_at && s->has_ends_at && s->ends_at <= s->starts_at) {
			snprintf(path, sizeof(path), "advantages[%zu].ends_at", i);
			warn(&w, path, "is not after starts_at: the advantage is never active");
		}
	}
	if (p->has_loyalty) {
		check_brackets(&w, &p->loyalty);
		check_advantage_wins(&w, p);
	}
	*count = w.count;
	if (w.failed) {
		return NULL;
	}
	return w.items != NULL ? w.items : lty_arena_alloc(arena, 1);
}
