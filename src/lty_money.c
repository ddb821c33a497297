#include "lty_money.h"

#include <inttypes.h>
#include <stdio.h>

int64_t lty_percent_of(int64_t amount, int32_t bp, lty_rounding rounding)
{
	/* 128-bit product: amount * 10000 cannot overflow, and the result is <= amount. */
	__int128 product = (__int128) amount * bp;
	int64_t q = (int64_t) (product / 10000);
	int64_t r = (int64_t) (product % 10000);

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
