/* Exact money arithmetic on int64 minor units: checked operations (an
 * overflow is reported, never wrapped), percents in basis points with the
 * program's rounding, and the "12.34" formatting used in messages. */
#ifndef LTY_MONEY_H
#define LTY_MONEY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lty_checked.h"

/* How a percent of an amount is rounded to the minor unit (settings `rounding`). */
typedef enum { LTY_ROUND_HALF_UP, LTY_ROUND_HALF_EVEN, LTY_ROUND_DOWN } lty_rounding;

static inline bool lty_add(int64_t a, int64_t b, int64_t *out)
{
	return !lty_add_overflow(a, b, out);
}

static inline bool lty_mul(int64_t a, int64_t b, int64_t *out)
{
	return !lty_mul_overflow(a, b, out);
}

static inline int64_t lty_min(int64_t a, int64_t b)
{
	return a < b ? a : b;
}

static inline int64_t lty_max(int64_t a, int64_t b)
{
	return a > b ? a : b;
}

/* q = a * b / c and r = a * b % c, exactly, for 0 <= a, b and 0 < c (a * b / c must fit int64):
 * in 64 bits when a * b fits, else by a long division of the 128-bit product kept as two
 * 64-bit halves (no 128-bit type: 32-bit builds and MSVC have none). The long division is
 * exported for the tests, which check the two paths against each other. */
void lty_mul_div_mod(int64_t a, int64_t b, int64_t c, int64_t *q, int64_t *r);
void lty_mul_div_mod_portable(int64_t a, int64_t b, int64_t c, int64_t *q, int64_t *r);

/* amount * bp / 10000 rounded as the program says (amount >= 0, bp 0..10000); exact. */
int64_t lty_percent_of(int64_t amount, int32_t bp, lty_rounding rounding);
/* amount * bp / 10000 rounded down: caps (max_percent). */
int64_t lty_percent_floor(int64_t amount, int32_t bp);

/* "1234" -> "12.34", "-5" -> "-0.05"; buf of at least 32 bytes. */
const char *lty_money_format(int64_t amount, char *buf, size_t size);

#endif
