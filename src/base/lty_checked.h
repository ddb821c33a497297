/* Checked 64-bit arithmetic: true when the exact result does not fit (and *out is then
 * unspecified). GCC and Clang have builtins for it; other compilers (MSVC) get the same
 * answers from comparisons made before the operation. The portable forms are always
 * defined, so that the tests can check them against the builtins. */
#ifndef LTY_CHECKED_H
#define LTY_CHECKED_H

#include <stdbool.h>
#include <stdint.h>

static inline bool lty_add_overflow_portable(int64_t a, int64_t b, int64_t *out)
{
	if ((b > 0 && a > INT64_MAX - b) || (b < 0 && a < INT64_MIN - b)) {
		return true;
	}
	*out = a + b;
	return false;
}

static inline bool lty_sub_overflow_portable(int64_t a, int64_t b, int64_t *out)
{
	if ((b < 0 && a > INT64_MAX + b) || (b > 0 && a < INT64_MIN + b)) {
		return true;
	}
	*out = a - b;
	return false;
}

static inline bool lty_mul_overflow_portable(int64_t a, int64_t b, int64_t *out)
{
	if (a != 0 && b != 0) {
		if (a > 0 ? (b > 0 ? a > INT64_MAX / b : b < INT64_MIN / a)
				: (b > 0 ? a < INT64_MIN / b : b < INT64_MAX / a)) {
			return true;
		}
	}
	*out = a * b;
	return false;
}

/* LTY_CHECKED_PORTABLE (configure --enable-loyalty-portable-arith) forces the portable forms. */
#if (defined(__GNUC__) || defined(__clang__)) && !defined(LTY_CHECKED_PORTABLE)
#define LTY_CHECKED_KIND "compiler builtins"
#define lty_add_overflow(a, b, out) __builtin_add_overflow((a), (b), (out))
#define lty_sub_overflow(a, b, out) __builtin_sub_overflow((a), (b), (out))
#define lty_mul_overflow(a, b, out) __builtin_mul_overflow((a), (b), (out))
#else
#define LTY_CHECKED_KIND "portable"
#define lty_add_overflow(a, b, out) lty_add_overflow_portable((a), (b), (out))
#define lty_sub_overflow(a, b, out) lty_sub_overflow_portable((a), (b), (out))
#define lty_mul_overflow(a, b, out) lty_mul_overflow_portable((a), (b), (out))
#endif

/* The other compiler builtins the code uses, here too so that one file holds them all (the
 * pedantic matrix cell checks it): the lowest set bit of a nonzero word, where the compiler
 * has it (LTY_HAVE_LOWEST_BIT; callers keep a portable form), and a prefetch, which is only a
 * hint (nothing without the builtin). */
#if (defined(__GNUC__) || defined(__clang__)) && !defined(LTY_CHECKED_PORTABLE)
#define LTY_HAVE_LOWEST_BIT 1
#define lty_lowest_bit(m) ((unsigned) __builtin_ctzll(m))
#define LTY_PREFETCH(p) __builtin_prefetch(p)
#else
#define LTY_PREFETCH(p) ((void) (p))
#endif

#endif
