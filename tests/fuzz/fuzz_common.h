/* Shared by the libFuzzer harnesses (each is its own binary, so everything
 * here is static): a counting allocator to prove that the core frees what it
 * allocates, a JSON-ish reader that turns bytes into an lty_doc the way the
 * glue turns a PHP array into one, and a comparison of two docs. */
#ifndef LTY_FUZZ_COMMON_H
#define LTY_FUZZ_COMMON_H

#define _POSIX_C_SOURCE 200809L /* strnlen */

#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/checkout/lty_checkout.h"
#include "../../src/base/lty_doc.h"
#include "../../src/settings/lty_program.h"

/* Set by a harness to print the case it built before an abort. */
static void (*fuzz_dump)(void);

/* Abort with a message: libFuzzer then saves the input as crash-*. */
#define FUZZ_ASSERT(cond, ...) do { \
	if (!(cond)) { \
		if (fuzz_dump != NULL) { \
			fuzz_dump(); \
		} \
		fprintf(stderr, "invariant failed at %s:%d: %s\n  ", __FILE__, __LINE__, #cond); \
		fprintf(stderr, __VA_ARGS__); \
		fprintf(stderr, "\n"); \
		abort(); \
	} \
} while (0)

/* FUZZ_VERBOSE=1 in the environment: harnesses say what they did with an input
 * (for reproducing a crash or checking a seed). */
static inline bool fuzz_verbose(void)
{
	static int verbose = -1;

	if (verbose < 0) {
		verbose = getenv("FUZZ_VERBOSE") != NULL && *getenv("FUZZ_VERBOSE") != '0';
	}
	return verbose;
}

/* ---- counting allocator: live blocks must be 0 after every free ---- */

static long fuzz_live_blocks;

static inline void *fuzz_count_alloc(void *ctx, size_t size)
{
	void *p = malloc(size);

	(void) ctx;
	if (p != NULL) {
		fuzz_live_blocks++;
	}
	return p;
}

static inline void fuzz_count_free(void *ctx, void *ptr)
{
	(void) ctx;
	if (ptr != NULL) {
		fuzz_live_blocks--;
	}
	free(ptr);
}

static const lty_allocator fuzz_counting = { fuzz_count_alloc, fuzz_count_free, NULL };

/* The same, counting calls, and failing once fuzz_fail_after calls have succeeded
 * (never when it is negative): out-of-memory paths must free everything too. */
static long fuzz_alloc_calls;
static long fuzz_fail_after = -1;

static inline void *fuzz_failing_alloc(void *ctx, size_t size)
{
	fuzz_alloc_calls++;
	if (fuzz_fail_after == 0) {
		return NULL;
	}
	if (fuzz_fail_after > 0) {
		fuzz_fail_after--;
	}
	return fuzz_count_alloc(ctx, size);
}

static const lty_allocator fuzz_failing = { fuzz_failing_alloc, fuzz_count_free, NULL };

static inline uint64_t fuzz_hash(const uint8_t *data, size_t size)
{
	uint64_t h = 1469598103934665603ULL; /* FNV-1a */
	size_t i;

	for (i = 0; i < size; i++) {
		h = (h ^ data[i]) * 1099511628211ULL;
	}
	return h;
}

/* Loads `doc` (which loads) again with allocation number h % (allocations it
 * needs) failing: a clean out-of-memory error and nothing kept. */
static inline void fuzz_load_out_of_memory(const lty_doc *doc, uint64_t h)
{
	long before = fuzz_live_blocks, calls, k;
	lty_program *p = NULL;
	lty_error err;

	fuzz_alloc_calls = 0;
	fuzz_fail_after = -1;
	FUZZ_ASSERT(lty_program_load(&fuzz_failing, NULL, doc, &p, &err) == LTY_OK, "a second load failed: %s", err.message);
	lty_program_free(p);
	calls = fuzz_alloc_calls;
	k = (long) (h % (uint64_t) calls);
	fuzz_fail_after = k;
	p = NULL;
	memset(&err, 0, sizeof(err));
	FUZZ_ASSERT(lty_program_load(&fuzz_failing, NULL, doc, &p, &err) == LTY_ERR_NOMEM && p == NULL,
		"allocation %ld of %ld failed: status %d", k, calls, err.status);
	FUZZ_ASSERT(strstr(err.message, "out of memory") != NULL, "message: %s", err.message);
	FUZZ_ASSERT(fuzz_live_blocks == before, "%ld blocks leaked after out of memory", fuzz_live_blocks - before);
	fuzz_fail_after = -1;
}

/* ---- JSON-ish reader ----
 * JSON plus what a PHP array may hold and JSON cannot say: raw bytes of any
 * value in strings (NUL via \u0000), `inf`, `-inf`, `nan`, and `@` for an object
 * (LTY_DOC_OTHER). Like json_decode(..., true) + the glue: `{}` and `[]` are
 * empty lists, an object keyed "0".."n-1" in order is a list, a repeated key
 * keeps its first position and its last value, an int beyond 64 bits is a
 * float, and nesting past 32 levels becomes OTHER. */

#define FUZZ_DOC_MAX_DEPTH 32
#define FUZZ_DOC_MAX_NODES 20000

typedef struct {
	const char *s;
	size_t len, pos;
	lty_arena *arena;
	size_t nodes;
} fuzz_reader;

typedef struct fuzz_item {
	lty_doc value;
	char *key;
	size_t key_len;
	struct fuzz_item *next;
} fuzz_item;

static inline bool fuzz_read_value(fuzz_reader *r, lty_doc *out, int depth);

static inline void fuzz_ws(fuzz_reader *r)
{
	while (r->pos < r->len && (r->s[r->pos] == ' ' || r->s[r->pos] == '\n' || r->s[r->pos] == '\t' || r->s[r->pos] == '\r')) {
		r->pos++;
	}
}

static inline bool fuzz_lit(fuzz_reader *r, const char *word)
{
	size_t n = strlen(word);

	if (r->len - r->pos >= n && memcmp(r->s + r->pos, word, n) == 0) {
		r->pos += n;
		return true;
	}
	return false;
}

static inline int fuzz_hex(char c)
{
	if (c >= '0' && c <= '9') {
		return c - '0';
	}
	if (c >= 'a' && c <= 'f') {
		return c - 'a' + 10;
	}
	if (c >= 'A' && c <= 'F') {
		return c - 'A' + 10;
	}
	return -1;
}

/* A quoted string; the copy is NUL-terminated in the arena. */
static inline bool fuzz_read_string(fuzz_reader *r, char **out, size_t *out_len)
{
	size_t start = ++r->pos, n = 0, i;
	char *buf;

	/* The decoded text is never longer than the source. */
	while (r->pos < r->len && r->s[r->pos] != '"') {
		r->pos += r->s[r->pos] == '\\' ? 2 : 1;
	}
	if (r->pos >= r->len) {
		return false;
	}
	buf = lty_arena_alloc(r->arena, r->pos - start + 1);
	if (buf == NULL) {
		return false;
	}
	for (i = start; i < r->pos; i++) {
		char c = r->s[i];
		if (c != '\\') {
			buf[n++] = c;
			continue;
		}
		c = r->s[++i];
		switch (c) {
			case 'n': buf[n++] = '\n'; break;
			case 't': buf[n++] = '\t'; break;
			case 'r': buf[n++] = '\r'; break;
			case 'b': buf[n++] = '\b'; break;
			case 'f': buf[n++] = '\f'; break;
			case 'u': {
				/* \uXXXX as UTF-8, surrogates not paired: enough for hostile text. */
				unsigned cp = 0;
				int k, h;
				if (i + 4 >= r->pos) {
					return false;
				}
				for (k = 1; k <= 4; k++) {
					if ((h = fuzz_hex(r->s[i + k])) < 0) {
						return false;
					}
					cp = cp * 16 + (unsigned) h;
				}
				i += 4;
				if (cp < 0x80) {
					buf[n++] = (char) cp;
				} else if (cp < 0x800) {
					buf[n++] = (char) (0xC0 | (cp >> 6));
					buf[n++] = (char) (0x80 | (cp & 0x3F));
				} else {
					buf[n++] = (char) (0xE0 | (cp >> 12));
					buf[n++] = (char) (0x80 | ((cp >> 6) & 0x3F));
					buf[n++] = (char) (0x80 | (cp & 0x3F));
				}
				break;
			}
			default: buf[n++] = c; break;   /* \" \\ \/ and anything else literally */
		}
	}
	buf[n] = '\0';
	r->pos++;
	*out = buf;
	*out_len = n;
	return true;
}

static inline bool fuzz_read_number(fuzz_reader *r, lty_doc *out)
{
	size_t start = r->pos;
	bool is_float = false, neg = false;
	uint64_t mag = 0;
	bool big = false;
	char tmp[64];

	if (r->s[r->pos] == '-') {
		neg = true;
		r->pos++;
	}
	if (r->pos >= r->len || r->s[r->pos] < '0' || r->s[r->pos] > '9') {
		return false;
	}
	while (r->pos < r->len && r->s[r->pos] >= '0' && r->s[r->pos] <= '9') {
		unsigned d = (unsigned) (r->s[r->pos] - '0');
		if (mag > (UINT64_MAX - d) / 10) {
			big = true;
		} else {
			mag = mag * 10 + d;
		}
		r->pos++;
	}
	while (r->pos < r->len && strchr(".eE+-0123456789", r->s[r->pos]) != NULL && r->s[r->pos] != '\0') {
		is_float = true;
		r->pos++;
	}
	if (!is_float && !big && (neg ? mag <= (uint64_t) INT64_MAX + 1 : mag <= (uint64_t) INT64_MAX)) {
		out->kind = LTY_DOC_INT;
		out->u.i = neg ? (int64_t) (0 - mag) : (int64_t) mag;
		return true;
	}
	if (r->pos - start >= sizeof(tmp)) {
		return false;
	}
	memcpy(tmp, r->s + start, r->pos - start);
	tmp[r->pos - start] = '\0';
	out->kind = LTY_DOC_DOUBLE;
	out->u.d = strtod(tmp, NULL);
	return true;
}

/* "0", "1", ... in order: PHP makes such an array a list. */
static inline bool fuzz_key_is_index(const fuzz_item *it, size_t i)
{
	char want[32];
	int n = snprintf(want, sizeof(want), "%zu", i);

	return it->key_len == (size_t) n && memcmp(it->key, want, (size_t) n) == 0;
}

static inline bool fuzz_read_container(fuzz_reader *r, lty_doc *out, int depth, bool object)
{
	char close = object ? '}' : ']';
	fuzz_item *head = NULL, **tail = &head, *it;
	size_t count = 0, i;
	bool as_list = true;

	r->pos++;
	fuzz_ws(r);
	if (r->pos < r->len && r->s[r->pos] == close) {
		r->pos++;
		return lty_doc_make_container(r->arena, out, LTY_DOC_LIST, 0);
	}
	for (;;) {
		fuzz_item *dup = NULL;
		it = lty_arena_alloc(r->arena, sizeof(fuzz_item));
		if (it == NULL) {
			return false;
		}
		fuzz_ws(r);
		if (object) {
			if (r->pos >= r->len || r->s[r->pos] != '"' || !fuzz_read_string(r, &it->key, &it->key_len)) {
				return false;
			}
			fuzz_ws(r);
			if (r->pos >= r->len || r->s[r->pos] != ':') {
				return false;
			}
			r->pos++;
		}
		if (!fuzz_read_value(r, &it->value, depth + 1)) {
			return false;
		}
		for (fuzz_item *o = head; object && o != NULL; o = o->next) {
			if (o->key_len == it->key_len && memcmp(o->key, it->key, it->key_len) == 0) {
				dup = o;
			}
		}
		if (dup != NULL) {
			dup->value = it->value;
		} else {
			*tail = it;
			tail = &it->next;
			count++;
		}
		fuzz_ws(r);
		if (r->pos < r->len && r->s[r->pos] == ',') {
			r->pos++;
			continue;
		}
		if (r->pos < r->len && r->s[r->pos] == close) {
			r->pos++;
			break;
		}
		return false;
	}
	for (it = head, i = 0; object && it != NULL; it = it->next, i++) {
		as_list = as_list && fuzz_key_is_index(it, i);
	}
	if (!lty_doc_make_container(r->arena, out, as_list ? LTY_DOC_LIST : LTY_DOC_MAP, count)) {
		return false;
	}
	for (it = head, i = 0; it != NULL; it = it->next, i++) {
		out->u.c.items[i] = it->value;
		if (!as_list) {
			out->u.c.keys[i] = it->key;
			out->u.c.key_lens[i] = it->key_len;
		}
	}
	if (depth >= FUZZ_DOC_MAX_DEPTH) {
		/* The glue stops descending here. */
		return lty_doc_set_string(r->arena, out, LTY_DOC_OTHER, "array nested too deep", 21);
	}
	return true;
}

static inline bool fuzz_read_value(fuzz_reader *r, lty_doc *out, int depth)
{
	char c;

	if (++r->nodes > FUZZ_DOC_MAX_NODES || depth > 200) {
		return false;
	}
	fuzz_ws(r);
	if (r->pos >= r->len) {
		return false;
	}
	c = r->s[r->pos];
	memset(out, 0, sizeof(*out));
	if (c == '{' || c == '[') {
		return fuzz_read_container(r, out, depth, c == '{');
	}
	if (c == '"') {
		char *s;
		size_t n;
		if (!fuzz_read_string(r, &s, &n)) {
			return false;
		}
		out->kind = LTY_DOC_STRING;
		out->u.str.ptr = s;
		out->u.str.len = n;
		return true;
	}
	if (c == '@') {
		r->pos++;
		return lty_doc_set_string(r->arena, out, LTY_DOC_OTHER, "stdClass", 8);
	}
	if (fuzz_lit(r, "null")) {
		out->kind = LTY_DOC_NULL;
		return true;
	}
	if (fuzz_lit(r, "true") || fuzz_lit(r, "false")) {
		out->kind = LTY_DOC_BOOL;
		out->u.b = r->s[r->pos - 1] == 'e' && r->s[r->pos - 2] == 'u';
		return true;
	}
	if (fuzz_lit(r, "nan") || fuzz_lit(r, "inf") || fuzz_lit(r, "-inf")) {
		out->kind = LTY_DOC_DOUBLE;
		out->u.d = c == 'n' ? NAN : c == '-' ? -INFINITY : INFINITY;
		return true;
	}
	return fuzz_read_number(r, out);
}

/* The doc of `len` bytes, or NULL when they do not read as one value. */
static inline lty_doc *fuzz_parse_doc(lty_arena *arena, const char *s, size_t len)
{
	fuzz_reader r = { s, len, 0, arena, 0 };
	lty_doc *d = lty_arena_alloc(arena, sizeof(lty_doc));

	if (d == NULL || !fuzz_read_value(&r, d, 0)) {
		return NULL;
	}
	return d;
}

/* ---- doc comparison (round trips) ---- */

static inline bool fuzz_doc_equal(const lty_doc *a, const lty_doc *b)
{
	size_t i;

	if (a->kind != b->kind) {
		return false;
	}
	switch (a->kind) {
		case LTY_DOC_NULL: return true;
		case LTY_DOC_BOOL: return a->u.b == b->u.b;
		case LTY_DOC_INT: return a->u.i == b->u.i;
		case LTY_DOC_DOUBLE: return a->u.d == b->u.d || (isnan(a->u.d) && isnan(b->u.d));
		case LTY_DOC_STRING:
		case LTY_DOC_OTHER:
			return a->u.str.len == b->u.str.len && memcmp(a->u.str.ptr, b->u.str.ptr, a->u.str.len) == 0;
		case LTY_DOC_LIST:
		case LTY_DOC_MAP:
			if (a->u.c.count != b->u.c.count) {
				return false;
			}
			for (i = 0; i < a->u.c.count; i++) {
				if (a->kind == LTY_DOC_MAP && (a->u.c.key_lens[i] != b->u.c.key_lens[i]
						|| memcmp(a->u.c.keys[i], b->u.c.keys[i], a->u.c.key_lens[i]) != 0)) {
					return false;
				}
				if (!fuzz_doc_equal(&a->u.c.items[i], &b->u.c.items[i])) {
					return false;
				}
			}
			return true;
	}
	return false;
}

/* ---- bytes consumed as choices (the evaluate and expression harnesses) ---- */

typedef struct {
	const uint8_t *p;
	size_t len, pos;
	uint64_t state;   /* past the end: a generator seeded from the bytes */
} fuzz_bytes;

static inline void fuzz_bytes_init(fuzz_bytes *b, const uint8_t *p, size_t len)
{
	size_t i;

	b->p = p;
	b->len = len;
	b->pos = 0;
	b->state = 1469598103934665603ULL;
	for (i = 0; i < len; i++) {
		b->state = (b->state ^ p[i]) * 1099511628211ULL;
	}
}

/* Past the end the choices go on pseudo-randomly (and deterministically), so a
 * short input still gives a varied case rather than all zeros. */
static inline uint8_t fuzz_u8(fuzz_bytes *b)
{
	if (b->pos < b->len) {
		return b->p[b->pos++];
	}
	b->state = b->state * 6364136223846793005ULL + 1442695040888963407ULL;
	return (uint8_t) (b->state >> 56);
}

static inline uint64_t fuzz_u64(fuzz_bytes *b)
{
	uint64_t v = 0;
	int i;

	for (i = 0; i < 8; i++) {
		v = (v << 8) | fuzz_u8(b);
	}
	return v;
}

/* 0..n-1 */
static inline size_t fuzz_pick(fuzz_bytes *b, size_t n)
{
	return n ? fuzz_u8(b) % n : 0;
}

/* ---- checkout invariants ---- */

/* SPEC 7 and 10 on the loyalty part: conditions, policies, max_percent, earning. */
static inline void fuzz_check_loyalty(const lty_program *p, const lty_cart *cart, const lty_customer *customer,
	const lty_result *r)
{
	const lty_loyalty *y = &p->loyalty;
	const lty_applied *used = NULL;
	bool voucher = cart->voucher_count > 0 || cart->voucher_discount > 0;
	size_t i;

	for (i = 0; i < r->applied_count; i++) {
		if (r->applied[i].source == LTY_SOURCE_LOYALTY) {
			used = &r->applied[i];
		}
	}
	if (!cart->use_points) {
		lty_rejection_cursor c = { 0, 0 };
		lty_rejected x;
		FUZZ_ASSERT(r->points_spent == 0 && used == NULL, "points used with use_points false");
		while (lty_result_next_rejection(p, r, &c, &x)) {
			FUZZ_ASSERT(x.source != LTY_SOURCE_LOYALTY, "use_points false gave a loyalty rejection");
		}
	}
	if (used == NULL) {
		FUZZ_ASSERT(r->points_spent == 0, "points spent without a loyalty advantage");
	} else {
		FUZZ_ASSERT(used->points_spent == r->points_spent, "applied points differ from points spent");
		FUZZ_ASSERT(y->policy != LTY_POLICY_LOSE_ALL || r->points_spent == customer->points, "lose_all kept points");
		FUZZ_ASSERT(y->policy != LTY_POLICY_KEEP_ALL || r->points_spent == 0, "keep_all spent points");
		FUZZ_ASSERT(customer->orders + (__int128) 1 >= y->from_order && r->subtotal >= y->min_cart
			&& (!voucher || y->spend_with_voucher), "loyalty used against its conditions");
		FUZZ_ASSERT(!y->has_max_percent || (__int128) used->discount * 10000 <= (__int128) r->subtotal * y->max_percent_bp,
			"loyalty discount %lld beyond max_percent", (long long) used->discount);
		FUZZ_ASSERT(r->points_earned == 0 || y->earn_with_loyalty_discount, "points earned with a loyalty discount");
	}
	FUZZ_ASSERT(!voucher || y->earn_with_voucher || r->points_earned == 0, "points earned with a voucher");
	FUZZ_ASSERT(p->has_loyalty || (r->points_earned == 0 && used == NULL), "points without a loyalty section");
}

/* The invariants of SPEC 6, 7 and 10 on a successful evaluation. */
static inline void fuzz_check_result(const lty_program *p, const lty_cart *cart, const lty_customer *customer,
	const lty_result *r)
{
	int64_t payable = cart->subtotal > cart->voucher_discount ? cart->subtotal - cart->voucher_discount : 0;
	__int128 sum = 0, net;
	size_t i;

	FUZZ_ASSERT(r->subtotal == cart->subtotal && r->shipping == cart->shipping, "subtotal or shipping changed");
	FUZZ_ASSERT(r->discount >= 0 && r->discount <= r->subtotal, "discount %lld, subtotal %lld",
		(long long) r->discount, (long long) r->subtotal);
	FUZZ_ASSERT(r->discount <= payable, "discount %lld beyond payable %lld", (long long) r->discount, (long long) payable);
	FUZZ_ASSERT(r->free_shipping ? r->shipping_discount == r->shipping : r->shipping_discount == 0,
		"free shipping %d with shipping discount %lld of %lld", r->free_shipping, (long long) r->shipping_discount,
		(long long) r->shipping);
	net = (__int128) r->subtotal - r->discount - cart->voucher_discount;
	net = (net > 0 ? net : 0) + r->shipping - r->shipping_discount;
	FUZZ_ASSERT(r->total >= 0 && (__int128) r->total == net, "total %lld", (long long) r->total);
	FUZZ_ASSERT(r->points_earned >= 0 && r->points_spent >= 0, "negative points earned or spent");
	FUZZ_ASSERT(r->points_spent <= customer->points, "spent %lld of %lld points", (long long) r->points_spent,
		(long long) customer->points);
	FUZZ_ASSERT(r->points_balance >= 0, "points balance %lld", (long long) r->points_balance);
	FUZZ_ASSERT((__int128) r->points_balance == (__int128) customer->points - r->points_spent + r->points_earned,
		"balance %lld != %lld - %lld + %lld", (long long) r->points_balance, (long long) customer->points,
		(long long) r->points_spent, (long long) r->points_earned);
	FUZZ_ASSERT(r->applied_count <= p->advantage_count + 1 && lty_result_rejected_count(r) <= p->advantage_count + 2,
		"%zu applied, %zu rejected", r->applied_count, lty_result_rejected_count(r));
	for (i = 0; i < r->applied_count; i++) {
		FUZZ_ASSERT(r->applied[i].discount >= 0 && r->applied[i].points_spent >= 0, "applied[%zu] negative", i);
		sum += r->applied[i].discount;
	}
	FUZZ_ASSERT(sum == r->discount, "applied discounts do not add up to the discount");
	{
		/* every rejection, records and quiet ones merged, in settings order, each with a message */
		lty_rejection_cursor c = { 0, 0 };
		lty_rejected x;
		char message[LTY_MESSAGE_MAX];
		size_t n = 0, previous_rule = 0;
		while (lty_result_next_rejection(p, r, &c, &x)) {
			size_t len = lty_rejected_message(&x, message, sizeof(message));
			FUZZ_ASSERT(x.reason <= LTY_REASON_LAST && len > 0 && len < sizeof(message) && strlen(message) == len,
				"rejected[%zu] malformed", n);
			FUZZ_ASSERT(!x.has_missing || x.missing > 0, "rejected[%zu] %s: missing %lld", n, message, (long long) x.missing);
			FUZZ_ASSERT(n == 0 || x.rule >= previous_rule, "rejections out of settings order");
			previous_rule = x.rule;
			n++;
		}
		FUZZ_ASSERT(n == lty_result_rejected_count(r), "%zu rejections listed, %zu counted", n, lty_result_rejected_count(r));
	}
	if (cart->line_count > 0 && r->subtotal > 0) {
		sum = 0;
		for (i = 0; i < cart->line_count; i++) {
			FUZZ_ASSERT(r->line_discounts[i] >= 0 && r->line_discounts[i] <= cart->lines[i].amount,
				"line %zu: discount %lld on %lld", i, (long long) r->line_discounts[i], (long long) cart->lines[i].amount);
			sum += r->line_discounts[i];
		}
		FUZZ_ASSERT(sum == r->discount, "line discounts do not add up to the discount");
	}
	if (!customer->active) {
		FUZZ_ASSERT(r->discount == 0 && r->applied_count == 0 && r->points_earned == 0 && !r->free_shipping,
			"a disabled customer got something");
	}
	fuzz_check_loyalty(p, cart, customer, r);
	if (cart->use_points_limited && p->loyalty.policy == LTY_POLICY_LOSE_USED) {
		FUZZ_ASSERT(r->points_spent <= cart->use_points_max, "spent %lld points, at most %lld asked",
			(long long) r->points_spent, (long long) cart->use_points_max);
	}
}

#endif
