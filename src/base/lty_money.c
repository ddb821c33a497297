#include "lty_money.h"

#include <inttypes.h>
#include <stdio.h>

/* The 128-bit product of two 64-bit values, as two halves. */
static void mul_wide(uint64_t a, uint64_t b, uint64_t *hi, uint64_t *lo)
{
	uint64_t a_lo = a & 0xffffffffu, a_hi = a >> 32, b_lo = b & 0xffffffffu, b_hi = b >> 32;
	uint64_t ll = a_lo * b_lo, lh = a_lo * b_hi, hl = a_hi * b_lo, hh = a_hi * b_hi;
	uint64_t mid = (ll >> 32) + (lh & 0xffffffffu) + (hl & 0xffffffffu);

	*lo = (ll & 0xffffffffu) | (mid << 32);
	*hi = hh + (lh >> 32) + (hl >> 32) + (mid >> 32);
}

void lty_mul_div_mod_portable(int64_t a, int64_t b, int64_t c, int64_t *q, int64_t *r)
{
	uint64_t hi, lo, rem = 0, quot = 0, d = (uint64_t) c;
	int i;

	mul_wide((uint64_t) a, (uint64_t) b, &hi, &lo);
	/* long division, a bit at a time: the remainder stays below c < 2^63, so shifting it fits */
	for (i = 127; i >= 0; i--) {
		uint64_t bit = i >= 64 ? (hi >> (i - 64)) & 1 : (lo >> i) & 1;
		rem = (rem << 1) | bit;
		quot <<= 1;
		if (rem >= d) {
			rem -= d;
			quot |= 1;
		}
	}
	*q = (int64_t) quot;
	*r = (int64_t) rem;
}

void lty_mul_div_mod(int64_t a, int64_t b, int64_t c, int64_t *q, int64_t *r)
{
	int64_t product;

	/* the usual case: the product fits 64 bits; otherwise the long division (no 128-bit type:
	 * 32-bit targets, MSVC and ISO C have none) */
	if (!lty_mul_overflow(a, b, &product)) {
		*q = product / c;
		*r = product % c;
		return;
	}
	lty_mul_div_mod_portable(a, b, c, q, r);
}

int64_t lty_percent_of(int64_t amount, int32_t bp, lty_rounding rounding)
{
	/* amount * 10000 needs more than 64 bits, the result is <= amount */
	int64_t q, r;

	lty_mul_div_mod(amount, bp, 10000, &q, &r);

	switch (rounding) {
		case LTY_ROUND_DOWN:
			return q;
		case LTY_ROUND_HALF_EVEN:
			return r > 5000 || (r == 5000 && (q & 1)) ? q + 1 : q;
		case LTY_ROUND_HALF_UP:
		default:
			return r >= 5000 ? q + 1 : q;
	}
}

int64_t lty_percent_floor(int64_t amount, int32_t bp)
{
	return lty_percent_of(amount, bp, LTY_ROUND_DOWN);
}

const char *lty_money_format(int64_t amount, char *buf, size_t size)
{
	uint64_t abs = amount < 0 ? (uint64_t) 0 - (uint64_t) amount : (uint64_t) amount;

	snprintf(buf, size, "%s%" PRIu64 ".%02" PRIu64, amount < 0 ? "-" : "", abs / 100, abs % 100);
	return buf;
}
