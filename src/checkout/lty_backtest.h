/* Backtest sums (SPEC 12, 13): what evaluate() gave one program over many orders,
 * every sum checked against 64 bits. */
#ifndef LTY_BACKTEST_H
#define LTY_BACKTEST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lty_checkout.h"

typedef struct {
	int64_t applied;             /* orders it applied to */
	int64_t discount;
	int64_t shipping_saved;      /* the shipping of the orders whose free shipping it gave first */
} lty_tally_rule;

typedef struct {
	int64_t discount;
	int64_t shipping_saved;
	int64_t points_earned;
	int64_t points_spent;
	int64_t loyalty_discount;
	int64_t orders_discounted;   /* a discount or free shipping */
	lty_tally_rule *advantages;  /* one per advantage of the program */
	int64_t *segments;           /* one per segment: orders whose customer was in it */
} lty_tally;

/* Zeroed sums for `program`, allocated in `arena`. */
lty_status lty_tally_init(lty_tally *t, const lty_program *program, lty_arena *arena, lty_error *err);

/* Adds one evaluation of `program` (`m`: the customer's membership, as evaluated). False when a
 * sum would pass INT64_MAX: the tally is then unusable. */
bool lty_tally_add(lty_tally *t, const lty_program *program, const lty_result *r, lty_membership *m);

#endif
