/* Checkout evaluation (SPEC 6, 7, 8, 10): one cart and one customer against
 * a program give discounts, free shipping, points, and the reason for every
 * rule that did not apply. */
#ifndef LTY_CHECKOUT_H
#define LTY_CHECKOUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../base/lty_arena.h"
#include "../base/lty_customer.h"
#include "../base/lty_error.h"
#include "../settings/lty_program.h"

/* A cart as the glue read it: amounts already checked for type, sign and overflow. */
typedef struct {
	const lty_cart_line *lines;
	size_t line_count;
	bool has_lines;              /* false: subtotal was given */
	int64_t subtotal;            /* sum of line amounts, or the given subtotal */
	lty_str carrier;             /* ptr NULL when none was chosen */
	int64_t shipping;
	size_t voucher_count;
	int64_t voucher_discount;
	bool use_points;             /* false: skip loyalty (SPEC 10) */
	bool use_points_limited;     /* an int was given ... */
	int64_t use_points_max;      /* ... at most this many points */
} lty_cart;

typedef enum { LTY_SOURCE_ADVANTAGE, LTY_SOURCE_LOYALTY } lty_source;

typedef enum {
	LTY_REASON_NOT_IN_SEGMENT,
	LTY_REASON_BELOW_TIER,
	LTY_REASON_VOUCHER,
	LTY_REASON_ADVANTAGE_WINS,
	LTY_REASON_NOT_BEST,
	LTY_REASON_ORDER_NUMBER,
	LTY_REASON_MIN_CART,
	LTY_REASON_NO_POINTS,
	LTY_REASON_CARRIER,
	LTY_REASON_DISABLED,
	LTY_REASON_ZERO_VALUE,       /* eligible, but gives nothing on this cart (SPEC 14) */
	LTY_REASON_USED_UP,          /* the customer used it max_uses times (SPEC 11) */
	LTY_REASON_SCHEDULE,         /* not active now: dates, days or hours (SPEC 11) */
	LTY_REASON_NO_LINE           /* no cart line matches its `lines` (SPEC 11) */
} lty_reason;

#define LTY_REASON_LAST LTY_REASON_NO_LINE

#define LTY_MESSAGE_MAX 200        /* longest message, NUL included */

typedef struct {
	lty_source source;
	lty_str id;
	lty_str label;
	int64_t discount;
	bool free_shipping;
	int64_t points_spent;
	size_t rule;                 /* advantage index, or advantage_count for loyalty */
} lty_applied;

/* Which message a rejection has. Messages are written only when the caller asks for them
 * (lty_rejected_message): with many rules, formatting them is most of an evaluation. */
typedef enum {
	LTY_MSG_DISABLED,
	LTY_MSG_NOT_IN_SEGMENT,      /* `advantage`'s segment */
	LTY_MSG_ADVANTAGE_VOUCHER,
	LTY_MSG_BELOW,               /* subtotal a is below b */
	LTY_MSG_NOT_BEST,            /* `advantage` is worth a against b */
	LTY_MSG_ORDER_NUMBER,        /* usable from order a, this is order b */
	LTY_MSG_LOYALTY_VOUCHER,
	LTY_MSG_ADVANTAGE_WINS,
	LTY_MSG_NO_BRACKET_POINTS,   /* a points, the first bracket needs b */
	LTY_MSG_NO_BRACKET_ORDERS,   /* a orders, ... */
	LTY_MSG_NOT_USABLE,          /* a usable points, the bracket needs b */
	LTY_MSG_NO_CARRIER,          /* free shipping only with `benefit`'s carriers */
	LTY_MSG_OTHER_CARRIER,       /* ..., not `text` (the cart's carrier) */
	LTY_MSG_ZERO_VALUE,
	LTY_MSG_USED_UP,             /* used a times, at most b */
	LTY_MSG_SCHEDULE,            /* `advantage`'s schedule in state a (lty_schedule_state), b seconds from its start or end */
	LTY_MSG_NO_LINE,             /* no line matches `advantage`'s lines */
	LTY_MSG_BELOW_LINES,         /* the concerned lines make a, below b (money) */
	LTY_MSG_BELOW_UNITS          /* a units, the first tier needs b */
} lty_message;

typedef struct {
	lty_source source;
	lty_str id;
	lty_reason reason;
	bool has_missing;
	int64_t missing;                /* in the threshold's unit: money, points or orders */
	size_t rule;                    /* advantage index, or advantage_count for loyalty: the list's order */
	uint32_t seq;                   /* order found */
	lty_message message;
	int64_t a, b;                   /* the message's numbers */
	const lty_advantage *advantage; /* for the messages that name one */
	const lty_benefit *benefit;     /* carrier messages: the carriers allowed */
	lty_str text;                   /* LTY_MSG_OTHER_CARRIER: the cart's carrier, in the result's arena */
} lty_rejected;

typedef struct {
	int64_t subtotal;
	int64_t discount;               /* engine discounts on the products */
	int64_t shipping;
	int64_t shipping_discount;
	bool free_shipping;
	int64_t total;
	int64_t points_earned;
	int64_t points_spent;
	int64_t points_balance;         /* after this order */
	lty_applied *applied;
	size_t applied_count;
	lty_rejected *rejected;         /* records of the rejections that carry data, in rule order */
	size_t rejected_count;
	uint8_t *quiet;                 /* per advantage: lty_message + 1 of a rejection without data, or 0 */
	size_t quiet_count;
	int64_t *line_discounts;        /* one per cart line, summing to discount once lty_result_line_discounts() ran */
	int64_t *lines_left;            /* what is left of each line when cart-level discounts wait (lines_pending) */
	int64_t lines_pending;          /* cart-level discount not yet spread over the lines */
	size_t line_count;
	int64_t *line_points;           /* one per cart line, summing to points_earned; NULL without earn.exclude / bonus */
} lty_result;

/* Evaluates into `result`, allocating its arrays in `arena` (freed by the caller).
 * `memo` has program->segment_count bytes. `utc_offset`: seconds east of UTC of the program's
 * timezone at `now`, read only when program->has_clock. Fails only on overflow or memory. */
lty_status lty_checkout_evaluate(const lty_program *program, const lty_cart *cart,
	const lty_customer *customer, int64_t now, int64_t utc_offset, uint8_t *memo, lty_arena *arena,
	lty_result *result, lty_error *err);

/* The per-line allocation of the discount (one per cart line, summing to discount): the
 * cart-level part is spread on the first call, in `arena` (the result's; NULL when out of
 * memory). Readers of line_discounts call this first: evaluation leaves that part to it. */
const int64_t *lty_result_line_discounts(lty_result *result, lty_arena *arena, lty_error *err);

/* Every rejection, records and quiet ones merged in rule order: a cursor starts zeroed;
 * `out` gets the next one (false at the end). */
typedef struct {
	size_t rule;
	size_t record;
} lty_rejection_cursor;

size_t lty_result_rejected_count(const lty_result *r);
bool lty_result_next_rejection(const lty_program *p, const lty_result *r, lty_rejection_cursor *c, lty_rejected *out);

/* "not_in_segment", "below_tier", ... */
const char *lty_reason_name(lty_reason reason);

/* The message of a rejection, "min_cart: subtotal 79.99 is below 80.00", written to `buf`
 * (LTY_MESSAGE_MAX bytes are always enough); returns its length. The program evaluated
 * must still be alive. */
size_t lty_rejected_message(const lty_rejected *x, char *buf, size_t size);

#endif
