/* Fixed-point decimals (millionths in an int64) without a wider type: the
 * products and quotients that do not fit 64 bits are split into parts that
 * do, so the result is the exact one cut to millionths, and the polyfill
 * (polyfill/src/Expression/Decimal.php) can do the same steps with PHP ints. */
#include "../base/lty_checked.h"
#include "lty_decimal.h"

bool lty_dec_from_int(int64_t i, int64_t *out)
{
	return !lty_mul_overflow(i, LTY_DEC_ONE, out);
}

bool lty_dec_from_digits(bool negative, const char *digits, size_t n, int exp10, int64_t *out)
{
	int64_t m = 0;
	long e = (long) exp10 + LTY_DEC_SCALE;   /* D * 10^e millionths */
	size_t i, keep = n;

	if (e < 0) {
		/* cut the digits below a millionth */
		keep = (size_t) -e >= n ? 0 : n - (size_t) -e;
		e = 0;
	}
	for (i = 0; i < keep; i++) {
		if (lty_mul_overflow(m, 10, &m) || lty_add_overflow(m, digits[i] - '0', &m)) {
			return false;
		}
	}
	for (; e > 0 && m != 0; e--) {
		if (lty_mul_overflow(m, 10, &m)) {
			return false;
		}
	}
	*out = negative ? -m : m;
	return true;
}

/* Below 2^31 neighbouring floats are less than half a millionth apart, so at most one
 * millionth reads back as d: when the nearest one does, it is d's shortest digits (which
 * read back too and, being no longer, are millionths as well). Otherwise d has more than
 * 6 decimals. */
bool lty_dec_from_double(double d, int64_t *out)
{
	double t;
	int64_t m;

	if (!(d > -2147483648.0 && d < 2147483648.0)) {
		return false;
	}
	t = lty_double(d * 1e6);
	m = (int64_t) (t < 0 ? t - 0.5 : t + 0.5);
	if (lty_double((double) m / 1e6) != d) {
		return false;
	}
	*out = m;
	return true;
}

bool lty_dec_add(int64_t a, int64_t b, int64_t *out)
{
	return !lty_add_overflow(a, b, out) && *out != INT64_MIN;
}

bool lty_dec_sub(int64_t a, int64_t b, int64_t *out)
{
	return !lty_sub_overflow(a, b, out) && *out != INT64_MIN;
}

bool lty_dec_mul(int64_t a, int64_t b, int64_t *out)
{
	int64_t p, ua = a < 0 ? -a : a, ub = b < 0 ? -b : b;
	int64_t qa = ua / LTY_DEC_ONE, ra = ua % LTY_DEC_ONE, qb = ub / LTY_DEC_ONE, rb = ub % LTY_DEC_ONE;
	int64_t z, t;

	if (!lty_mul_overflow(a, b, &p)) {
		*out = p / LTY_DEC_ONE; /* C truncates toward zero */
		return true;
	}
	/* |a| * |b| / 10^6 = qa*qb*10^6 + qa*rb + ra*qb + ra*rb / 10^6, every part >= 0 */
	if (lty_mul_overflow(qa, qb, &z) || lty_mul_overflow(z, LTY_DEC_ONE, &z)
			|| lty_mul_overflow(qa, rb, &t) || lty_add_overflow(z, t, &z)
			|| lty_mul_overflow(ra, qb, &t) || lty_add_overflow(z, t, &z)
			|| lty_add_overflow(z, ra * rb / LTY_DEC_ONE, &z)) {
		return false;
	}
	*out = (a < 0) != (b < 0) ? -z : z;
	return true;
}

/* 10 * r = digit * b + the result, for 0 <= r < b, by doubling and adding below b
 * (10 * r itself may not fit 64 bits). */
static int64_t times10_mod(int64_t r, int64_t b, int64_t *digit)
{
	int64_t t = r, d = 0;
	int step;

	for (step = 0; step < 4; step++) {
		int64_t add = step == 2 ? r : t;   /* 2r, 4r, 5r, 10r */
		d = step == 2 ? d : 2 * d;
		if (t >= b - add) {
			t -= b - add;
			d++;
		} else {
			t += add;
		}
	}
	*digit = d;
	return t;
}

bool lty_dec_div(int64_t a, int64_t b, int64_t *out)
{
	int64_t t, q, r, ua = a < 0 ? -a : a, ub = b < 0 ? -b : b;
	int i;

	if (b == 0) {
		return false;
	}
	if (!lty_mul_overflow(a, LTY_DEC_ONE, &t)) {
		*out = t / b; /* a * 10^6 is never INT64_MIN: no INT64_MIN / -1 */
		return true;
	}
	/* long division: the integral part, then six digits */
	q = ua / ub;
	r = ua % ub;
	for (i = 0; i < LTY_DEC_SCALE; i++) {
		int64_t digit;
		r = times10_mod(r, ub, &digit);
		if (lty_mul_overflow(q, 10, &q) || lty_add_overflow(q, digit, &q)) {
			return false;
		}
	}
	*out = (a < 0) != (b < 0) ? -q : q;
	return true;
}

int lty_dec_cmp_int(int64_t d, int64_t i)
{
	int64_t q = d / LTY_DEC_ONE, r = d % LTY_DEC_ONE;

	if (q != i) {
		return q > i ? 1 : -1;
	}
	return (r > 0) - (r < 0);
}
