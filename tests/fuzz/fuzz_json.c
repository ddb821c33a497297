/* libFuzzer harness: the JSON reader (src/base/lty_json.c) on arbitrary bytes. It must never
 * crash nor leak, and agree with itself:
 *   - an error is LTY_ERR_CONFIG with json_last_error_msg()'s wording, or out of memory;
 *   - a document has unique keys in every map, no map keyed "0".."n-1" (that is a list),
 *     NUL-terminated strings of well-formed UTF-8, nothing kept deeper than doc_depth;
 *   - written back as JSON (when it holds no OTHER, inf or nan) it reads as the same document;
 *   - read with a 32-bit int range it is the same document but for the ints beyond 32 bits,
 *     which are then the floats of the same numbers;
 *   - read with a node limit below its size it is refused with "more than N values" (and with
 *     the same JSON error when the text was invalid);
 *   - read with an allocator that fails at one call chosen from the input, it fails cleanly
 *     with "out of memory" and frees everything. */
#include "fuzz_common.h"

#include "../../src/base/lty_json.h"

static double read_double(void *ctx, const char *s, size_t len)
{
	(void) ctx;
	(void) len;
	return strtod(s, NULL);  /* the C locale: libFuzzer never calls setlocale() */
}

static const lty_json_options options64 = { INT64_MIN, INT64_MAX, read_double, NULL, LTY_JSON_DEFAULT_DEPTH, 32, 4000000 };

static bool utf8_ok(const char *s, size_t len)
{
	size_t i = 0;

	while (i < len) {
		unsigned char c = (unsigned char) s[i];
		size_t n = c < 0x80 ? 1 : c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
		size_t k;
		if (n == 0 || i + n > len) {
			return false;
		}
		for (k = 1; k < n; k++) {
			if (((unsigned char) s[i + k] & 0xC0) != 0x80) {
				return false;
			}
		}
		i += n;
	}
	return true;
}

static bool is_index(const char *key, size_t len, size_t i)
{
	char want[32];
	int n = snprintf(want, sizeof(want), "%zu", i);

	return len == (size_t) n && memcmp(key, want, len) == 0;
}

/* The invariants of a document; whether it can be written back as JSON. */
static bool check_doc(const lty_doc *d, int depth, size_t *nodes)
{
	bool writable = true;
	size_t i, j;

	switch (d->kind) {
		case LTY_DOC_STRING:
			FUZZ_ASSERT(d->u.str.ptr[d->u.str.len] == '\0', "unterminated string");
			FUZZ_ASSERT(utf8_ok(d->u.str.ptr, d->u.str.len), "malformed UTF-8 in a string");
			return true;
		case LTY_DOC_DOUBLE:
			return isfinite(d->u.d);
		case LTY_DOC_OTHER:
			FUZZ_ASSERT(depth >= 32 && strcmp(d->u.str.ptr, "array nested too deep") == 0, "OTHER at depth %d", depth);
			return false;
		case LTY_DOC_LIST:
		case LTY_DOC_MAP:
			FUZZ_ASSERT(depth < 32, "a container kept at depth %d", depth);
			*nodes += d->u.c.count;
			if (d->kind == LTY_DOC_MAP) {
				bool indexes = true;
				FUZZ_ASSERT(d->u.c.count > 0, "an empty map (PHP's empty array is a list)");
				for (i = 0; i < d->u.c.count; i++) {
					FUZZ_ASSERT(d->u.c.keys[i][d->u.c.key_lens[i]] == '\0', "unterminated key");
					FUZZ_ASSERT(utf8_ok(d->u.c.keys[i], d->u.c.key_lens[i]), "malformed UTF-8 in a key");
					indexes = indexes && is_index(d->u.c.keys[i], d->u.c.key_lens[i], i);
					for (j = 0; j < i && d->u.c.count <= 64; j++) {
						FUZZ_ASSERT(d->u.c.key_lens[i] != d->u.c.key_lens[j]
							|| memcmp(d->u.c.keys[i], d->u.c.keys[j], d->u.c.key_lens[i]) != 0, "key %zu repeated", i);
					}
				}
				FUZZ_ASSERT(!indexes, "a map keyed 0..n-1 (a list to PHP)");
			}
			for (i = 0; i < d->u.c.count; i++) {
				writable = check_doc(&d->u.c.items[i], depth + 1, nodes) && writable;
			}
			return writable;
		default:
			return true;
	}
}

/* ---- writing a document back as JSON ---- */

typedef struct {
	char *p;
	size_t len, cap;
} text;

static void put(text *t, const char *s, size_t n)
{
	if (t->len + n + 1 > t->cap) {
		t->cap = (t->len + n + 1) * 2;
		t->p = realloc(t->p, t->cap);
		FUZZ_ASSERT(t->p != NULL, "out of memory writing JSON");
	}
	memcpy(t->p + t->len, s, n);
	t->len += n;
	t->p[t->len] = '\0';
}

static void put_string(text *t, const char *s, size_t len)
{
	size_t i;

	put(t, "\"", 1);
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char) s[i];
		char esc[8];
		if (c == '"' || c == '\\') {
			esc[0] = '\\';
			esc[1] = (char) c;
			put(t, esc, 2);
		} else if (c < 0x20) {
			snprintf(esc, sizeof(esc), "\\u%04x", c);
			put(t, esc, 6);
		} else {
			put(t, s + i, 1);
		}
	}
	put(t, "\"", 1);
}

static void write_doc(text *t, const lty_doc *d)
{
	char buf[40];
	size_t i;

	switch (d->kind) {
		case LTY_DOC_NULL: put(t, "null", 4); return;
		case LTY_DOC_BOOL: d->u.b ? put(t, "true", 4) : put(t, "false", 5); return;
		case LTY_DOC_INT: put(t, buf, (size_t) snprintf(buf, sizeof(buf), "%lld", (long long) d->u.i)); return;
		case LTY_DOC_DOUBLE:
			snprintf(buf, sizeof(buf), "%.17g", d->u.d);
			if (strpbrk(buf, ".e") == NULL) {
				strcat(buf, ".0");  /* still a float */
			}
			put(t, buf, strlen(buf));
			return;
		case LTY_DOC_STRING: put_string(t, d->u.str.ptr, d->u.str.len); return;
		case LTY_DOC_LIST:
		case LTY_DOC_MAP:
			put(t, d->kind == LTY_DOC_LIST ? "[" : "{", 1);
			for (i = 0; i < d->u.c.count; i++) {
				if (i > 0) {
					put(t, ",", 1);
				}
				if (d->kind == LTY_DOC_MAP) {
					put_string(t, d->u.c.keys[i], d->u.c.key_lens[i]);
					put(t, ":", 1);
				}
				write_doc(t, &d->u.c.items[i]);
			}
			put(t, d->kind == LTY_DOC_LIST ? "]" : "}", 1);
			return;
		default:
			return;
	}
}

/* a (read with 64-bit ints) and b (32-bit) are the same but where an int left 32 bits. */
static void check_int32(const lty_doc *a, const lty_doc *b)
{
	size_t i;

	if (a->kind == LTY_DOC_INT && (a->u.i < INT32_MIN || a->u.i > INT32_MAX)) {
		FUZZ_ASSERT(b->kind == LTY_DOC_DOUBLE && b->u.d == (double) a->u.i, "int %lld with 32 bits", (long long) a->u.i);
		return;
	}
	FUZZ_ASSERT(a->kind == b->kind, "kinds %d and %d with 32-bit ints", a->kind, b->kind);
	if (a->kind == LTY_DOC_LIST || a->kind == LTY_DOC_MAP) {
		FUZZ_ASSERT(a->u.c.count == b->u.c.count, "counts with 32-bit ints");
		for (i = 0; i < a->u.c.count; i++) {
			check_int32(&a->u.c.items[i], &b->u.c.items[i]);
		}
	} else {
		FUZZ_ASSERT(fuzz_doc_equal(a, b), "values with 32-bit ints");
	}
}

static lty_status read_with(const lty_allocator *alloc, lty_arena *arena, const char *s, size_t len,
	const lty_json_options *o, lty_doc **doc, lty_json_error *code, lty_error *err)
{
	lty_arena_init(arena, alloc);
	memset(err, 0, sizeof(*err));
	return lty_json_read(arena, s, len, o, doc, code, err);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	lty_arena a1, a2;
	lty_doc *d1, *d2;
	lty_json_error c1, c2;
	lty_error e1, e2;
	lty_status st;
	lty_json_options o = options64;
	size_t nodes = 0;
	long calls;

	memcpy(s, data, size);
	s[size] = '\0';
	fuzz_alloc_calls = 0;
	fuzz_fail_after = -1;
	st = read_with(&fuzz_failing, &a1, s, size, &o, &d1, &c1, &e1);
	calls = fuzz_alloc_calls;
	if (fuzz_verbose()) {
		fprintf(stderr, "status %d: %s\n", st, st == LTY_OK ? "ok" : e1.message);
	}
	if (st != LTY_OK) {
		char want[128];
		snprintf(want, sizeof(want), "settings: invalid JSON: %s", lty_json_error_message(c1));
		FUZZ_ASSERT(st == LTY_ERR_CONFIG && d1 == NULL && c1 != LTY_JSON_OK && strcmp(e1.message, want) == 0,
			"status %d, code %d: %s", st, c1, e1.message);
	} else {
		bool writable = check_doc(d1, 0, &nodes);
		FUZZ_ASSERT(c1 == LTY_JSON_OK, "code %d on success", c1);
		if (writable) {
			text t = { NULL, 0, 0 };
			write_doc(&t, d1);
			FUZZ_ASSERT(read_with(&fuzz_counting, &a2, t.p, t.len, &o, &d2, &c2, &e2) == LTY_OK, "written back: %s", e2.message);
			FUZZ_ASSERT(fuzz_doc_equal(d1, d2), "written back, another document: %s", t.p);
			lty_arena_free(&a2);
			free(t.p);
		}
		/* 32-bit ints */
		o.int_min = INT32_MIN;
		o.int_max = INT32_MAX;
		FUZZ_ASSERT(read_with(&fuzz_counting, &a2, s, size, &o, &d2, &c2, &e2) == LTY_OK, "32-bit ints: %s", e2.message);
		check_int32(d1, d2);
		lty_arena_free(&a2);
		o = options64;
	}
	/* a node limit below the document's size */
	if (nodes > 0 || st != LTY_OK) {
		o.max_nodes = nodes > 0 ? nodes - 1 : 0;
		st = read_with(&fuzz_counting, &a2, s, size, &o, &d2, &c2, &e2);
		if (c1 != LTY_JSON_OK) {
			FUZZ_ASSERT(st == LTY_ERR_CONFIG && c2 == c1, "with a node limit: code %d, was %d", c2, c1);
		} else {
			char want[64];
			snprintf(want, sizeof(want), "settings: more than %zu values", o.max_nodes);
			FUZZ_ASSERT(st == LTY_ERR_CONFIG && strcmp(e2.message, want) == 0, "with a node limit: %s", e2.message);
		}
		lty_arena_free(&a2);
		o = options64;
	}
	/* out of memory at one allocation */
	if (calls > 0) {
		fuzz_alloc_calls = 0;
		fuzz_fail_after = (long) (fuzz_hash(data, size) % (uint64_t) calls);
		st = read_with(&fuzz_failing, &a2, s, size, &o, &d2, &c2, &e2);
		FUZZ_ASSERT(st == LTY_ERR_NOMEM && strcmp(e2.message, "settings: out of memory") == 0 && d2 == NULL,
			"allocation %ld of %ld failed: status %d %s", fuzz_fail_after, calls, st, e2.message);
		lty_arena_free(&a2);
		fuzz_fail_after = -1;
	}
	lty_arena_free(&a1);
	free(s);
	FUZZ_ASSERT(fuzz_live_blocks == 0, "%ld blocks leaked", fuzz_live_blocks);
	return 0;
}
