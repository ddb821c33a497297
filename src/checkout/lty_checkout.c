/* Checkout evaluation: segment advantages (best-of and combinable), then
 * loyalty points (brackets, policies, conditions), then earning, totals and
 * the per-line allocation of the discount. */
#include "../base/lty_checked.h"
#include "lty_checkout_state.h"
#include "lty_lines.h"
#include "lty_points.h"
#include "../base/lty_money.h"
#include "../settings/lty_thresholds.h"
#include "../settings/lty_settings.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* An eligible advantage before the best-of choice. */
typedef struct {
	const lty_tier *tier;
	lty_concern concern;      /* the lines it concerns (SPEC 11) */
	bool item_scoped;         /* `lines` or free units: allocated over its lines as it applies */
	int64_t discount;         /* uncapped */
	bool ship;                /* free shipping for the chosen carrier */
	bool ship_refused;        /* free shipping limited to other carriers */
	int64_t capped;           /* the best-of value is capped + shipping_saved (compared exactly) */
	int64_t shipping_saved;
	size_t index;             /* of the advantage */
	bool eligible;
	bool chosen;
} candidate;

/* Highest `from` <= metric, the first written on ties; NULL when none is reached. */
static const lty_tier *find_tier(const lty_advantage *a, int64_t subtotal, int64_t *lowest)
{
	size_t i = lty_thresholds_find(a->tier_sorted, a->tier_count, subtotal, lowest);

	return i == SIZE_MAX ? NULL : &a->tiers[i];
}

/* A tier's discount on what the advantage concerns: its lines' amount, or the subtotal. */
static int64_t tier_discount(checkout *ck, const lty_tier *t, const lty_concern *c)
{
	if (t->free_units > 0) {
		return lty_lines_free_units(ck, c, t);
	}
	if (t->benefit.has_discount) {
		return lty_min(t->benefit.discount, c->amount);
	}
	if (t->benefit.has_percent) {
		return lty_percent_of(c->amount, t->benefit.percent_bp, ck->p->rounding);
	}
	return 0;
}

static bool in_advantage_segment(checkout *ck, const lty_advantage *a)
{
	if (a->segment >= 0) {
		return lty_membership_in(&ck->m, a->segment);
	}
	if (ck->may_match != NULL && ck->p->index.indexed[ck->rule] && !ck->may_match[ck->rule]) {
		return false; /* it requires another city, postcode or country (lty_advantage_index.c) */
	}
	return lty_membership_matches(&ck->m, a->inline_expr);
}

/* SPEC 11, 13: false (and rejected `schedule`) when the advantage is not active now; `missing` is
 * the seconds until it starts, only before its start. */
static bool schedule_active(checkout *ck, const lty_advantage *a)
{
	lty_schedule_state state = lty_schedule_check(a->schedule, ck->now, ck->utc_offset);
	int64_t seconds = 0;
	lty_rejected *x;

	if (state == LTY_SCHEDULE_ACTIVE) {
		return true;
	}
	if (state == LTY_SCHEDULE_NOT_STARTED) {
		seconds = a->schedule->starts_at - ck->now; /* > 0, fits: both are int64 and now < starts_at */
	} else if (state == LTY_SCHEDULE_ENDED && lty_sub_overflow(ck->now, a->schedule->ends_at, &seconds)) {
		seconds = 0; /* ended longer ago than 64 bits count: "ended" */
	}
	x = lty_checkout_reject(ck, LTY_SOURCE_ADVANTAGE, &a->id, LTY_REASON_SCHEDULE, LTY_MSG_SCHEDULE, (int64_t) state, seconds);
	x->advantage = a;
	if (state == LTY_SCHEDULE_NOT_STARTED) {
		x->has_missing = true;
		x->missing = seconds;
	}
	return false;
}

/* SPEC 14: a tier that gives nothing on this cart is not applied. When its free shipping was refused,
 * the carrier is the reason (eligibility comes first); otherwise it is zero_value. */
static void reject_nothing_given(checkout *ck, const lty_advantage *a, const candidate *cand)
{
	if (cand->ship_refused) {
		lty_checkout_reject_carrier(ck, LTY_SOURCE_ADVANTAGE, &a->id, &cand->tier->benefit);
	} else {
		lty_checkout_reject(ck, LTY_SOURCE_ADVANTAGE, &a->id, LTY_REASON_ZERO_VALUE, LTY_MSG_ZERO_VALUE, 0, 0);
	}
}

/* Checks one advantage in the order of SPEC 10 and 14; fills `cand` when it is eligible and gives something. */
static void check_advantage(checkout *ck, const lty_advantage *a, candidate *cand)
{
	lty_rejected *x;
	int64_t lowest, basis;

	cand->eligible = false; /* the rest is read only once eligible, and set on the way there */
	if (!ck->c->active) {
		lty_checkout_reject(ck, LTY_SOURCE_ADVANTAGE, &a->id, LTY_REASON_DISABLED, LTY_MSG_DISABLED, 0, 0);
		return;
	}
	if (a->schedule != NULL && !schedule_active(ck, a)) {
		return;
	}
	if (a->max_uses > 0 && ck->c->uses[a->uses_slot] >= a->max_uses) {
		lty_checkout_reject(ck, LTY_SOURCE_ADVANTAGE, &a->id, LTY_REASON_USED_UP, LTY_MSG_USED_UP,
			ck->c->uses[a->uses_slot], a->max_uses);
		return;
	}
	if (!in_advantage_segment(ck, a)) {
		/* quiet: its message names the advantage's segment, known from the rule */
		lty_checkout_reject(ck, LTY_SOURCE_ADVANTAGE, &a->id, LTY_REASON_NOT_IN_SEGMENT, LTY_MSG_NOT_IN_SEGMENT, 0, 0);
		return;
	}
	if (ck->has_voucher && !a->with_voucher) {
		lty_checkout_reject(ck, LTY_SOURCE_ADVANTAGE, &a->id, LTY_REASON_VOUCHER, LTY_MSG_ADVANTAGE_VOUCHER, 0, 0);
		return;
	}
	if (lty_lines_concern(ck, a, &cand->concern) != LTY_OK) {
		return;
	}
	if (a->lines != NULL && cand->concern.count == 0) {
		lty_checkout_reject(ck, LTY_SOURCE_ADVANTAGE, &a->id, LTY_REASON_NO_LINE, LTY_MSG_NO_LINE, 0, 0)->advantage = a;
		return;
	}
	basis = a->tiers_on_quantity ? cand->concern.units : cand->concern.amount;
	cand->tier = find_tier(a, basis, &lowest);
	if (cand->tier == NULL) {
		x = lty_checkout_reject(ck, LTY_SOURCE_ADVANTAGE, &a->id, LTY_REASON_BELOW_TIER,
			a->tiers_on_quantity ? LTY_MSG_BELOW_UNITS : a->lines != NULL ? LTY_MSG_BELOW_LINES : LTY_MSG_BELOW, basis, lowest);
		x->has_missing = true;
		x->missing = lowest - basis; /* in units with tiers_on quantity ("add 2 more books") */
		return;
	}
	cand->item_scoped = a->lines != NULL || cand->tier->free_units > 0;
	cand->discount = tier_discount(ck, cand->tier, &cand->concern);
	cand->ship = cand->ship_refused = cand->chosen = false;
	if (cand->tier->benefit.free_shipping) {
		cand->ship = lty_checkout_carrier_allowed(&cand->tier->benefit, &ck->cart->carrier);
		cand->ship_refused = !cand->ship;
	}
	if (!cand->ship && lty_min(cand->discount, ck->payable) == 0) {
		reject_nothing_given(ck, a, cand);
		return;
	}
	cand->capped = lty_min(cand->discount, ck->payable);
	cand->shipping_saved = cand->ship ? ck->cart->shipping : 0;
	cand->eligible = true;
}

/* The best-of value for a message, saturated: near INT64_MAX it reads "more than anything". */
static int64_t shown_value(const candidate *c)
{
	int64_t v;

	return lty_add_overflow(c->capped, c->shipping_saved, &v) ? INT64_MAX : v;
}

/* a's value above b's, exactly: the sums may pass 64 bits, their differences may not (every part
 * is in [0, INT64_MAX]), so (a.d + a.s) > (b.d + b.s) is compared as a.d - b.d > b.s - a.s. */
static bool worth_more(const candidate *a, const candidate *b)
{
	return a->capped - b->capped > b->shipping_saved - a->shipping_saved;
}

/* `cands`: the eligible advantages, in settings order. */
static void choose_advantages(checkout *ck, candidate *cands, size_t count)
{
	const lty_program *p = ck->p;
	size_t i, best = SIZE_MAX, chosen = 0;

	for (i = 0; i < count; i++) {
		if (p->advantages[cands[i].index].combinable) {
			cands[i].chosen = true;
			chosen++;
		} else if (best == SIZE_MAX || worth_more(&cands[i], &cands[best])) {
			best = i;
		}
	}
	if (best != SIZE_MAX) {
		cands[best].chosen = true;
		chosen++;
	}
	/* room for the chosen advantages and loyalty, and for a record per candidate (not_best, or
	 * what its free shipping or the running cap leaves it) */
	ck->r->applied = lty_arena_array_raw(ck->arena, chosen + 1, sizeof(lty_applied)); /* applied_count written */
	if (ck->r->applied == NULL || !lty_checkout_reserve_records(ck, count)) {
		lty_error_set(ck->err, LTY_ERR_NOMEM, "evaluate: out of memory");
		return;
	}
	for (i = 0; i < count; i++) {
		const lty_advantage *a = &p->advantages[cands[i].index];
		ck->rule = cands[i].index;
		if (!cands[i].chosen) {
			lty_checkout_reject(ck, LTY_SOURCE_ADVANTAGE, &a->id, LTY_REASON_NOT_BEST, LTY_MSG_NOT_BEST,
				shown_value(&cands[best]), shown_value(&cands[i]))->advantage = &p->advantages[cands[best].index];
			continue;
		}
		{
			int64_t d = lty_min(cands[i].discount, ck->remaining);
			if (cands[i].item_scoped) { /* never more than is left of its lines (SPEC 13) */
				d = lty_min(d, lty_lines_left(ck, &cands[i].concern));
			}
			if (d == 0 && !cands[i].ship) {
				/* SPEC 14: the running cap left it nothing; the best-of is not run again */
				reject_nothing_given(ck, a, &cands[i]);
				continue;
			}
			ck->remaining -= d;
			if (cands[i].item_scoped) {
				ck->item_total += d;
				if (lty_lines_spread(ck, d, &cands[i].concern) != LTY_OK) {
					return;
				}
			}
			lty_checkout_apply(ck, LTY_SOURCE_ADVANTAGE, &a->id, &a->label, d, cands[i].ship, 0);
			ck->advantage_applied = true;
			if (cands[i].ship_refused) {
				lty_checkout_reject_carrier(ck, LTY_SOURCE_ADVANTAGE, &a->id, &cands[i].tier->benefit);
			}
		}
	}
}

/* Candidates' room taken at once: enough for all read with many rules, within a large block. */
#define MAX_FIRST_CANDIDATES 8192

static size_t min_size(size_t a, size_t b)
{
	return a < b ? a : b;
}

static void evaluate_advantages(checkout *ck, lty_arena *arena)
{
	candidate *cands = NULL, *grown;
	size_t i, count = 0, cap = 0, skipped = 0, n = ck->p->advantage_count;
	const uint8_t *indexed = ck->p->index.indexed, *skip;
	const int32_t *plain;
	uint8_t *quiet;

	ck->r->quiet = lty_arena_array(arena, ck->p->advantage_count ? ck->p->advantage_count : 1, 1);
	if (ck->r->quiet == NULL) {
		lty_error_set(ck->err, LTY_ERR_NOMEM, "evaluate: out of memory");
		return;
	}
	ck->may_match = lty_advantage_index_marks(ck->p, ck->c, arena);
	skip = ck->c->active ? ck->may_match : NULL; /* a disabled customer's rejections are `disabled` */
	quiet = ck->r->quiet;
	plain = ck->c->active ? ck->p->index.plain_segment : NULL;
	/* first what check_advantage() would find without reading the advantage (the most common
	 * case with many rules), so that the candidates' room is known before the others are read */
	for (i = 0; i < n && (skip != NULL || plain != NULL); i++) {
		if (skip != NULL && !skip[i] && indexed[i] == LTY_INDEXED_PLAIN) {
			quiet[i] = (uint8_t) (LTY_MSG_NOT_IN_SEGMENT + 1);
			skipped++;
		} else if (plain != NULL && plain[i] >= 0 && !lty_membership_in(&ck->m, plain[i])) {
			quiet[i] = (uint8_t) (LTY_MSG_NOT_IN_SEGMENT + 1);
			skipped++;
		}
	}
	/* room for every advantage read (up to a bound: a few are eligible when many are read) */
	cap = min_size(n - skipped, MAX_FIRST_CANDIDATES);
	if (cap > 0 && (cands = lty_arena_array_raw(arena, cap, sizeof(candidate))) == NULL) {
		lty_error_set(ck->err, LTY_ERR_NOMEM, "evaluate: out of memory");
		return;
	}
	for (i = 0; i < n; i++) {
		if (quiet[i] != 0) {
			continue;
		}
		/* room for one more first: the advantage is checked in its place, not copied there */
		grown = lty_arena_grow(arena, cands, count, &cap, sizeof(candidate));
		if (grown == NULL) {
			lty_error_set(ck->err, LTY_ERR_NOMEM, "evaluate: out of memory");
			return;
		}
		cands = grown;
		ck->rule = i;
		check_advantage(ck, &ck->p->advantages[i], &cands[count]);
		if (ck->err->status != LTY_OK) {
			return;
		}
		if (cands[count].eligible) {
			cands[count++].index = i;
		}
	}
	ck->r->quiet_count += skipped;
	choose_advantages(ck, cands, count);
}

static int by_rule(const void *pa, const void *pb)
{
	const lty_rejected *a = pa, *b = pb;

	if (a->rule != b->rule) {
		return a->rule < b->rule ? -1 : 1;
	}
	return (a->seq > b->seq) - (a->seq < b->seq);
}

/* Records in settings order (advantages, then loyalty), each rule's own in the order found.
 * They are recorded rule by rule except not_best and carrier, decided once all rules are seen. */
static void order_rejections(lty_result *r)
{
	size_t i;

	for (i = 1; i < r->rejected_count && r->rejected[i - 1].rule <= r->rejected[i].rule; i++) {
	}
	if (i < r->rejected_count) {
		qsort(r->rejected, r->rejected_count, sizeof(lty_rejected), by_rule);
	}
}

size_t lty_result_rejected_count(const lty_result *r)
{
	return r->rejected_count + r->quiet_count;
}

bool lty_result_next_rejection(const lty_program *p, const lty_result *r, lty_rejection_cursor *c, lty_rejected *out)
{
	size_t quiet_rule = c->rule;

	while (quiet_rule < p->advantage_count && (r->quiet == NULL || r->quiet[quiet_rule] == 0)) {
		quiet_rule++;
	}
	if (c->record < r->rejected_count && r->rejected[c->record].rule <= quiet_rule) {
		*out = r->rejected[c->record++];
		c->rule = quiet_rule;
		return true;
	}
	if (quiet_rule >= p->advantage_count) {
		return false;
	}
	memset(out, 0, sizeof(*out));
	out->source = LTY_SOURCE_ADVANTAGE;
	out->id = p->advantages[quiet_rule].id;
	out->message = (lty_message) (r->quiet[quiet_rule] - 1);
	out->reason = out->message == LTY_MSG_DISABLED ? LTY_REASON_DISABLED
		: out->message == LTY_MSG_NOT_IN_SEGMENT ? LTY_REASON_NOT_IN_SEGMENT : LTY_REASON_VOUCHER;
	out->rule = quiet_rule;
	out->advantage = &p->advantages[quiet_rule];
	c->rule = quiet_rule + 1;
	return true;
}

/* Per-line allocation: room for it before the advantages apply, item-scoped ones being
 * allocated as they apply; the rest (cart-level discounts and loyalty) at the end. */
static lty_status lines_init(checkout *ck)
{
	const lty_cart *cart = ck->cart;
	size_t i;

	ck->r->line_discounts = lty_arena_array(ck->arena, cart->line_count ? cart->line_count : 1, sizeof(int64_t));
	if (ck->r->line_discounts == NULL) {
		return lty_error_set(ck->err, LTY_ERR_NOMEM, "evaluate: out of memory");
	}
	if (cart->line_count == 0) {
		return LTY_OK;
	}
	ck->left = lty_arena_array_raw(ck->arena, cart->line_count, sizeof(int64_t)); /* set below */
	if (ck->left == NULL) {
		return lty_error_set(ck->err, LTY_ERR_NOMEM, "evaluate: out of memory");
	}
	for (i = 0; i < cart->line_count; i++) {
		ck->left[i] = cart->lines[i].amount;
	}
	return LTY_OK;
}

lty_status lty_checkout_evaluate(const lty_program *program, const lty_cart *cart,
	const lty_customer *customer, int64_t now, int64_t utc_offset, uint8_t *memo, lty_arena *arena,
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
	ck.now = now;
	ck.utc_offset = utc_offset;
	ck.r = result;
	ck.err = err;
	ck.arena = arena;
	lty_membership_init(&ck.m, program, customer, now, memo);
	result->subtotal = cart->subtotal;
	result->shipping = cart->shipping;
	ck.has_voucher = cart->voucher_count > 0 || cart->voucher_discount > 0;
	ck.payable = cart->subtotal - lty_min(cart->voucher_discount, cart->subtotal); /* minus the voucher used */
	ck.remaining = ck.payable;
	if (lines_init(&ck) != LTY_OK) {
		return err->status;
	}
	evaluate_advantages(&ck, arena);
	ck.rule = program->advantage_count;
	/* The discount is final once loyalty spent: the rest is spread over the lines before earning
	 * per line reads them, else when the lines are read (lty_result_line_discounts()). */
	if (err->status != LTY_OK || lty_points_spend(&ck) != LTY_OK) {
		return err->status;
	}
	result->line_count = cart->line_count;
	if (ck.left != NULL) {
		result->lines_left = ck.left;
		result->lines_pending = result->discount - ck.item_total;
		if (program->has_loyalty && program->loyalty.earn_per_line
				&& lty_result_line_discounts(result, arena, err) == NULL) {
			return err->status;
		}
	}
	if (lty_points_earn(&ck) != LTY_OK) {
		return err->status;
	}
	if (err->status != LTY_OK) { /* out of memory while recording a rejection */
		return err->status;
	}
	order_rejections(result);
	/* SPEC 14: a voucher reduces the merchandise only, never the shipping. */
	net = ck.payable - result->discount;
	if (!lty_add(net, cart->shipping - result->shipping_discount, &result->total)) {
		return lty_error_set(err, LTY_ERR_INPUT, "cart: total overflows 64-bit minor units");
	}
	return LTY_OK;
}
