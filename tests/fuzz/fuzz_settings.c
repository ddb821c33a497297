/* libFuzzer harness: the settings loader fed a JSON-ish document (see
 * fuzz_common.h for the reader). A refused document must carry a message and
 * free everything; an accepted one must export (toArray), list its warnings,
 * and load again from its export into the same export (round trip), and a
 * few fixed carts and customers evaluate against it within the checkout
 * invariants (an overflow error is allowed: the settings may hold any amount). */
#include "fuzz_common.h"

#include "../../src/settings/lty_warnings.h"

static void check_error(const lty_error *err)
{
	size_t len = strnlen(err->message, sizeof(err->message));

	FUZZ_ASSERT(err->status == LTY_ERR_CONFIG || err->status == LTY_ERR_EXPRESSION, "status %d: %s", err->status,
		err->message);
	FUZZ_ASSERT(len > 0 && len < sizeof(err->message), "empty or unterminated message");
	FUZZ_ASSERT(err->status != LTY_ERR_EXPRESSION || err->column >= 1, "expression error without a column: %s",
		err->message);
}

static size_t check_warnings(const lty_program *p)
{
	lty_arena arena;
	lty_warning *w;
	size_t count = 0, i;

	lty_arena_init(&arena, &fuzz_counting);
	w = lty_program_warnings(p, &arena, &count);
	FUZZ_ASSERT(w != NULL || count == 0, "warnings out of memory");
	for (i = 0; i < count; i++) {
		FUZZ_ASSERT(strnlen(w[i].path, sizeof(w[i].path)) < sizeof(w[i].path), "unterminated warning path");
		FUZZ_ASSERT(strnlen(w[i].message, sizeof(w[i].message)) > 0, "empty warning message at %s", w[i].path);
		FUZZ_ASSERT(strnlen(w[i].message, sizeof(w[i].message)) < sizeof(w[i].message), "unterminated warning");
	}
	lty_arena_free(&arena);
	return count;
}

static void round_trip(const lty_program *p, size_t warnings)
{
	lty_arena a1, a2;
	lty_doc *first, *second;
	lty_program *again = NULL;
	lty_error err;
	size_t i;

	lty_arena_init(&a1, &fuzz_counting);
	lty_arena_init(&a2, &fuzz_counting);
	first = lty_program_to_doc(p, &a1);
	FUZZ_ASSERT(first != NULL, "export failed");
	FUZZ_ASSERT(lty_program_load(&fuzz_counting, NULL, first, &again, &err) == LTY_OK,
		"the export of a loaded program is refused: %s", err.message);
	second = lty_program_to_doc(again, &a2);
	FUZZ_ASSERT(second != NULL, "second export failed");
	FUZZ_ASSERT(fuzz_doc_equal(first, second), "load(export(x)) exports something else");
	FUZZ_ASSERT(again->segment_count == p->segment_count && again->advantage_count == p->advantage_count
		&& again->attr_count == p->attr_count && again->fields == p->fields, "reloaded program differs");
	for (i = 0; i < p->segment_count; i++) {
		FUZZ_ASSERT(again->segments[i].name.len == p->segments[i].name.len
			&& memcmp(again->segments[i].name.ptr, p->segments[i].name.ptr, p->segments[i].name.len) == 0,
			"segment %zu renamed", i);
	}
	FUZZ_ASSERT(check_warnings(again) == warnings, "warnings differ after a round trip");
	lty_program_free(again);
	lty_arena_free(&a1);
	lty_arena_free(&a2);
}

static const lty_str groups[] = { { "VIP", 3 }, { "pro", 3 } };
static const lty_str carriers[] = { { "Colissimo", 9 } };

/* Customer 0 is ordinary, 1 sits at the 64-bit limits; cart 0 has lines, 1 a voucher, 2 the maximal subtotal
 * (and the maximal shipping with customer 1). */
static void fill_case(int which, lty_customer *c, lty_cart *cart, lty_cart_line *lines, lty_scalar *attrs)
{
	memset(c, 0, sizeof(*c));
	memset(cart, 0, sizeof(*cart));
	c->active = true;
	c->attrs = attrs;
	c->groups = (lty_str_list) { groups, 2 };
	c->carriers = (lty_str_list) { carriers, 1 };
	c->city = (lty_str) { "Paris", 5 };
	c->has_last_order = true;
	c->last_order = 1700000000;
	if (which % 2 == 0) {
		c->orders = 3;
		c->spent = 120000;
		c->points = 640;
		c->lifetime_points = 2000;
	} else {
		c->orders = c->spent = c->points = c->lifetime_points = INT64_MAX;
	}
	cart->use_points = true;
	cart->carrier = (lty_str) { "Colissimo", 9 };
	cart->shipping = 590;
	switch (which / 2) {
		case 0:
			lines[0] = (lty_cart_line) { .sku = { "REF-42", 6 }, .qty = 2, .price = 2999, .amount = 5998 };
			lines[1] = (lty_cart_line) { .sku = { "REF-7", 5 }, .qty = 1, .price = 9001, .amount = 9001 };
			cart->lines = lines;
			cart->line_count = 2;
			cart->has_lines = true;
			cart->subtotal = 14999;
			break;
		case 1:
			cart->subtotal = 8000;
			cart->voucher_count = 1;
			cart->voucher_discount = 1000;
			cart->use_points_limited = true;
			cart->use_points_max = 100;
			break;
		default:
			cart->subtotal = INT64_MAX;
			cart->shipping = which % 2 == 0 ? 0 : INT64_MAX;
			break;
	}
}

static void evaluate_cases(const lty_program *p)
{
	lty_scalar *attrs = calloc(p->attr_count ? p->attr_count : 1, sizeof(lty_scalar));
	uint8_t *memo = malloc(p->segment_count);
	lty_cart_line lines[2];
	int which;

	FUZZ_ASSERT(attrs != NULL && memo != NULL, "out of memory");
	for (which = 0; which < 6; which++) {
		lty_customer c;
		lty_cart cart;
		lty_arena arena;
		lty_result r;
		lty_error err;
		fill_case(which, &c, &cart, lines, attrs);
		lty_arena_init(&arena, &fuzz_counting);
		if (lty_checkout_evaluate(p, &cart, &c, 1800000000, 0, memo, &arena, &r, &err) == LTY_OK) {
			FUZZ_ASSERT(lty_result_line_discounts(&r, &arena, &err) != NULL, "case %d: line discounts: %s", which, err.message);
			fuzz_check_result(p, &cart, &c, &r);
		} else {
			FUZZ_ASSERT(err.status == LTY_ERR_INPUT && strlen(err.message) > 0, "case %d: status %d: %s", which,
				err.status, err.message);
		}
		lty_arena_free(&arena);
	}
	free(memo);
	free(attrs);
}

/* Export and warnings again with allocation number 0-3 of their arena failing:
 * they allocate only there, and the caller frees it. */
static void export_out_of_memory(const lty_program *loaded, uint64_t h)
{
	lty_arena arena;
	size_t count;

	fuzz_fail_after = (long) ((h >> 32) % 4);
	lty_arena_init(&arena, &fuzz_failing);
	(void) lty_program_to_doc(loaded, &arena);
	lty_arena_free(&arena);
	fuzz_fail_after = (long) ((h >> 40) % 4);
	lty_arena_init(&arena, &fuzz_failing);
	(void) lty_program_warnings(loaded, &arena, &count);
	lty_arena_free(&arena);
	fuzz_fail_after = -1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	lty_arena doc_arena;
	lty_doc *doc;
	lty_program *p = NULL;
	lty_error err;

	lty_arena_init(&doc_arena, &lty_malloc_allocator);
	doc = fuzz_parse_doc(&doc_arena, (const char *) data, size);
	if (doc == NULL && fuzz_verbose()) {
		fprintf(stderr, "not a document\n");
	}
	if (doc != NULL) {
		memset(&err, 0, sizeof(err));
		if (lty_program_load(&fuzz_counting, NULL, doc, &p, &err) == LTY_OK) {
			FUZZ_ASSERT(p != NULL, "LTY_OK without a program");
			if (fuzz_verbose()) {
				fprintf(stderr, "loaded: %zu segments, %zu advantages, loyalty %s\n", p->segment_count,
					p->advantage_count, p->has_loyalty ? "yes" : "no");
			}
			round_trip(p, check_warnings(p));
			evaluate_cases(p);
			fuzz_load_out_of_memory(doc, fuzz_hash(data, size));
			export_out_of_memory(p, fuzz_hash(data, size));
			lty_program_free(p);
		} else {
			FUZZ_ASSERT(p == NULL, "a program despite an error");
			if (fuzz_verbose()) {
				fprintf(stderr, "refused: %s\n", err.message);
			}
			check_error(&err);
		}
		FUZZ_ASSERT(fuzz_live_blocks == 0, "%ld blocks leaked", fuzz_live_blocks);
	}
	lty_arena_free(&doc_arena);
	return 0;
}
