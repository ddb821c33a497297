/* Exact decimals of segment expressions (docs/expressions.md, "Decimals"): a
 * decimal is an int64 count of millionths, so 0.1 + 0.2 is 0.3 exactly. Every
 * operation is checked: false means overflow (null in an expression), never a
 * wrap. No operation gives INT64_MIN, so magnitudes always fit. */
#ifndef LTY_DECIMAL_H
#define LTY_DECIMAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define LTY_DEC_SCALE 6                      /* digits after the point */
#define LTY_DEC_ONE INT64_C(1000000)         /* 10^LTY_DEC_SCALE: 1 as a decimal */

/* An int as a decimal; false outside +-9223372036854 (INT64_MAX millionths). */
bool lty_dec_from_int(int64_t i, int64_t *out);

/* D * 10^exp10 (D the n digits, '0'..'9') cut toward zero to millionths, negated when
 * `negative`; false when out of range. Reads a float by its shortest digits. */
bool lty_dec_from_digits(bool negative, const char *digits, size_t n, int exp10, int64_t *out);

/* x as a double. 32-bit x86 (x87) evaluates double expressions in 80 bits (FLT_EVAL_METHOD 2):
 * a product or a quotient compared with the double it should equal can then differ in the
 * extra bits (0.3 * 1e6 / 1e6 != 0.3). Going through memory rounds it to a double. */
static inline double lty_double(double x)
{
	volatile double v = x;
	return v;
}

/* The decimal of a float whose shortest digits have at most 6 decimals, without printing
 * it (the common case: prices, rates); false means "print it and use lty_dec_from_digits". */
bool lty_dec_from_double(double d, int64_t *out);

bool lty_dec_add(int64_t a, int64_t b, int64_t *out);
bool lty_dec_sub(int64_t a, int64_t b, int64_t *out);
/* a * b and a / b cut toward zero to millionths (as int / int cuts to units); a / 0 is false. */
bool lty_dec_mul(int64_t a, int64_t b, int64_t *out);
bool lty_dec_div(int64_t a, int64_t b, int64_t *out);

/* -1, 0, 1: the decimal d against the int i, exact whatever their size. */
int lty_dec_cmp_int(int64_t d, int64_t i);

#endif
