/* Rules on products (SPEC 11, 13): the cart lines an advantage concerns, the value of
 * free units, and the per-line allocation of discounts (item-scoped ones first, over
 * what is left of their lines, then the rest over what is left of every line). */
#include "../base/lty_checked.h"
#include "lty_lines.h"
#include "../base/lty_money.h"

#include <stdlib.h>
#include <string.h>

bool lty_lines_match(const checkout *ck, const lty_expr *e, const lty_cart_line *line)
{
	lty_expr_env env;

	env.customer = NULL;
	env.line = line;
	env.now = ck->now;
	env.segment = NULL;
	env.ctx = NULL;
	return lty_expr_matches(e, &env);
}

static int64_t add_saturating(int64_t a, int64_t b)
{
	int64_t sum;

	return lty_add_overflow(a, b, &sum) ? INT64_MAX : sum;
}

lty_status lty_lines_concern_lines(checkout *ck, const lty_advantage *a, lty_concern *out)
{
	const lty_cart *cart = ck->cart;
	uint8_t *match = NULL;
	size_t i;

	memset(out, 0, sizeof(*out));
	if (a->lines != NULL && ck->concerns == NULL && ck->p->line_expr_count > 0) {
		ck->concerns = lty_arena_array(ck->arena, ck->p->line_expr_count, sizeof(lty_concern));
		ck->concern_found = lty_arena_array(ck->arena, ck->p->line_expr_count, 1);
		if (ck->concerns == NULL || ck->concern_found == NULL) {
			ck->concerns = NULL;
			return lty_error_set(ck->err, LTY_ERR_NOMEM, "evaluate: out of memory");
		}
	}
	if (a->lines != NULL && ck->concern_found[a->lines_index]) {
		*out = ck->concerns[a->lines_index]; /* the same `lines` text as an advantage checked before */
		return LTY_OK;
	}
	if (a->lines != NULL && cart->line_count > 0) {
		match = lty_arena_array(ck->arena, cart->line_count, 1);
		if (match == NULL) {
			return lty_error_set(ck->err, LTY_ERR_NOMEM, "evaluate: out of memory");
		}
	}
	for (i = 0; i < cart->line_count; i++) {
		if (a->lines != NULL) {
			if (!lty_lines_match(ck, a->lines, &cart->lines[i])) {
				continue;
			}
			match[i] = 1;
		}
		out->count++;
		out->amount += cart->lines[i].amount; /* <= subtotal, checked by the reader */
		out->units = add_saturating(out->units, cart->lines[i].qty);
	}
	out->match = match;
	if (a->lines == NULL) {
		out->amount = cart->subtotal; /* also for a cart given by its subtotal */
	} else {
		ck->concerns[a->lines_index] = *out;
		ck->concern_found[a->lines_index] = 1;
	}
	return LTY_OK;
}

static bool concerned(const lty_concern *c, size_t i)
{
	return c->match == NULL || c->match[i];
}

typedef struct {
	int64_t price;
	size_t index;
} by_price;

static int cheaper(const void *a, const void *b)
{
	const by_price *x = a, *y = b;

	if (x->price != y->price) {
		return x->price < y->price ? -1 : 1;
	}
	return x->index < y->index ? -1 : x->index > y->index;
}

/* k units free for each whole `from` units, never more than there are, cheapest units first. */
int64_t lty_lines_free_units(checkout *ck, const lty_concern *c, const lty_tier *t)
{
	const lty_cart *cart = ck->cart;
	int64_t free, value = 0;
	by_price *order;
	size_t i, n = 0;

	if (lty_mul_overflow(c->units / t->from, t->free_units, &free) || free > c->units) {
		free = c->units;
	}
	if (free == 0) {
		return 0;
	}
	order = lty_arena_array(ck->arena, cart->line_count, sizeof(by_price));
	if (order == NULL) {
		lty_error_set(ck->err, LTY_ERR_NOMEM, "evaluate: out of memory");
		return 0;
	}
	for (i = 0; i < cart->line_count; i++) {
		if (concerned(c, i) && cart->lines[i].qty > 0) {
			order[n].price = cart->lines[i].price;
			order[n].index = i;
			n++;
		}
	}
	qsort(order, n, sizeof(by_price), cheaper);
	for (i = 0; i < n && free > 0; i++) {
		int64_t take = lty_min(free, cart->lines[order[i].index].qty);
		value += take * order[i].price; /* <= the line's amount: no overflow */
		free -= take;
	}
	return value;
}

int64_t lty_lines_left(const checkout *ck, const lty_concern *c)
{
	int64_t left = 0;
	size_t i;

	if (ck->left == NULL) {
		return c->amount; /* a cart given by its subtotal: nothing allocated per line */
	}
	for (i = 0; i < ck->cart->line_count; i++) {
		if (concerned(c, i)) {
			left += ck->left[i];
		}
	}
	return left;
}

/* Largest remainder: shares in proportion to what is left of the lines, summing exactly. */
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

/* Largest remainder first, ties in line order. Carts are small: an insertion sort, which keeps
 * the line order of equal remainders by itself, beats qsort's set-up there. */
static void sort_shares(share *shares, size_t n)
{
	size_t i, j;

	if (n > 48) {
		qsort(shares, n, sizeof(share), by_remainder);
		return;
	}
	for (i = 1; i < n; i++) {
		share x = shares[i];
		for (j = i; j > 0 && shares[j - 1].remainder < x.remainder; j--) {
			shares[j] = shares[j - 1];
		}
		shares[j] = x;
	}
}

lty_status lty_shares(size_t count, lty_arena *arena, lty_error *err, int64_t amount, const int64_t *weights, int64_t *out)
{
	size_t i, n = 0;
	int64_t total = 0, given = 0;
	share *shares;

	for (i = 0; i < count; i++) {
		out[i] = 0;
		if (lty_add_overflow(total, weights[i], &total)) {
			return lty_error_set(err, LTY_ERR_INPUT, "cart: line weights overflow 64 bits");
		}
	}
	if (amount == 0 || total == 0) {
		return LTY_OK;
	}
	shares = lty_arena_array(arena, count, sizeof(share));
	if (shares == NULL) {
		return lty_error_set(err, LTY_ERR_NOMEM, "evaluate: out of memory");
	}
	for (i = 0; i < count; i++) {
		if (weights[i] == 0) {
			continue;
		}
		/* amount <= total or weights[i] <= total: the share fits 64 bits */
		lty_mul_div_mod(amount, weights[i], total, &out[i], &shares[n].remainder);
		shares[n].index = i;
		given += out[i];
		n++;
	}
	if (given < amount) {
		sort_shares(shares, n);
	}
	/* the units left go to the largest remainders (never a line of weight 0, never past its weight) */
	for (i = 0; given < amount && i < n; i++, given++) {
		out[shares[i].index]++;
	}
	return LTY_OK;
}

lty_status lty_lines_shares(checkout *ck, int64_t amount, const int64_t *weights, int64_t *out)
{
	return lty_shares(ck->cart->line_count, ck->arena, ck->err, amount, weights, out);
}

/* Adds `amount` to the line discounts in proportion to what is left of the lines (weights 0
 * for the lines not concerned: `concern` NULL means every line). */
static lty_status spread(size_t count, lty_arena *arena, lty_error *err, int64_t amount, int64_t *left,
	const uint8_t *concern, int64_t *discounts)
{
	int64_t *weights, *shares;
	size_t i;

	weights = lty_arena_array(arena, count, sizeof(int64_t));
	shares = lty_arena_array(arena, count, sizeof(int64_t));
	if (weights == NULL || shares == NULL) {
		return lty_error_set(err, LTY_ERR_NOMEM, "evaluate: out of memory");
	}
	for (i = 0; i < count; i++) {
		weights[i] = concern == NULL || concern[i] ? left[i] : 0;
	}
	if (lty_shares(count, arena, err, amount, weights, shares) != LTY_OK) {
		return err->status;
	}
	for (i = 0; i < count; i++) {
		discounts[i] += shares[i];
		left[i] -= shares[i];
	}
	return LTY_OK;
}

const int64_t *lty_result_line_discounts(lty_result *r, lty_arena *arena, lty_error *err)
{
	if (r->lines_pending != 0) {
		if (spread(r->line_count, arena, err, r->lines_pending, r->lines_left, NULL, r->line_discounts) != LTY_OK) {
			return NULL;
		}
		r->lines_pending = 0;
	}
	return r->line_discounts;
}

lty_status lty_lines_spread(checkout *ck, int64_t amount, const lty_concern *c)
{
	if (ck->left == NULL || amount == 0) {
		return LTY_OK;
	}
	return spread(ck->cart->line_count, ck->arena, ck->err, amount, ck->left, c->match,
		ck->r->line_discounts);
}
