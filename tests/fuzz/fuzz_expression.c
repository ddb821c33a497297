/* libFuzzer harness: arbitrary bytes as the source of a custom segment,
 * compiled through the settings loader (the public entry of the core). An
 * error must be an expression error with a column inside the source and a
 * message that says where; a compiled expression is evaluated against a few
 * fixed customers (defaults, a full one, a disabled one, 64-bit extremes),
 * twice, with the same answer. Nothing may leak either way. */
#include "fuzz_common.h"

#define CUSTOMERS 4
#define NOW 1800000000

static const lty_str groups[] = { { "pro", 3 }, { "VIP", 3 }, { "", 0 }, { "a\0b", 3 } };
static const lty_str carriers[] = { { "Colissimo", 9 }, { "SoColissimo", 11 } };
static const lty_str bought[] = { { "REF-42", 6 }, { "ref-42", 6 } };

static void fill_customer(lty_customer *c, int which, lty_scalar *attrs, size_t attr_count)
{
	size_t i;

	memset(c, 0, sizeof(*c));
	c->active = which != 2;
	c->attrs = attrs;
	if (which == 1 || which == 2) {
		c->orders = 5;
		c->spent = 60000;
		c->points = 120;
		c->lifetime_points = 300;
		c->has_first_order = true;
		c->first_order = NOW - 400 * 86400;
		c->has_last_order = true;
		c->last_order = NOW - 200 * 86400 - 5;
		c->city = (lty_str) { "Paris", 5 };
		c->postcode = (lty_str) { "75011", 5 };
		c->country = (lty_str) { "FR", 2 };
		c->groups = (lty_str_list) { groups, 4 };
		c->carriers = (lty_str_list) { carriers, 2 };
		c->bought = (lty_str_list) { bought, 2 };
	} else if (which == 3) {
		/* Every number at a 64-bit edge: arithmetic must go null, never wrap or trap. */
		c->orders = INT64_MAX;
		c->spent = INT64_MAX;
		c->points = INT64_MAX;
		c->lifetime_points = INT64_MAX;
		c->has_first_order = true;
		c->first_order = INT64_MIN;
		c->has_last_order = true;
		c->last_order = INT64_MAX;
		c->city = (lty_str) { "", 0 };
		c->postcode = (lty_str) { "\xff\xfe*?", 4 };
		c->groups = (lty_str_list) { groups, 1 };
	}
	/* Each slot gets a different kind per customer. */
	for (i = 0; i < attr_count; i++) {
		lty_scalar *a = &attrs[i];
		memset(a, 0, sizeof(*a));
		switch ((i + (size_t) which) % 5) {
			case 0: a->kind = LTY_SCALAR_NULL; break;
			case 1: a->kind = LTY_SCALAR_BOOL; a->u.b = true; break;
			case 2: a->kind = LTY_SCALAR_INT; a->u.i = which == 3 ? INT64_MIN : 3; break;
			case 3: a->kind = LTY_SCALAR_DECIMAL; a->u.i = which == 3 ? -INT64_MAX : 2500000; break; /* 2.5 */
			default: a->kind = LTY_SCALAR_STRING; a->u.s = (lty_str) { "gold", 4 }; break;
		}
	}
}

static void evaluate(const lty_program *p, int seg)
{
	static const int64_t nows[CUSTOMERS] = { NOW, NOW, NOW, INT64_MAX };
	lty_scalar *attrs = calloc(p->attr_count ? p->attr_count : 1, sizeof(lty_scalar));
	uint8_t *memo = malloc(p->segment_count);
	int which;

	FUZZ_ASSERT(attrs != NULL && memo != NULL, "out of memory");
	for (which = 0; which < CUSTOMERS; which++) {
		lty_customer c;
		lty_membership m;
		bool first, second;
		fill_customer(&c, which, attrs, p->attr_count);
		lty_membership_init(&m, p, &c, nows[which], memo);
		first = lty_membership_test(&m, seg);
		lty_membership_init(&m, p, &c, nows[which], memo);
		second = lty_membership_test(&m, seg);
		FUZZ_ASSERT(first == second, "customer %d: evaluation is not deterministic", which);
		FUZZ_ASSERT(c.active || !first, "a disabled customer is in a custom segment");
	}
	free(memo);
	free(attrs);
}

static void check_error(const lty_error *err, size_t len)
{
	char at[48];

	FUZZ_ASSERT(err->status == LTY_ERR_EXPRESSION, "status %d: %s", err->status, err->message);
	FUZZ_ASSERT(strncmp(err->message, "segments.s: ", 12) == 0, "message without the path: %s", err->message);
	FUZZ_ASSERT(err->column >= 1 && (size_t) err->column <= (len > 4096 ? 4097 : len + 1),
		"column %d outside a source of %zu bytes", err->column, len);
	snprintf(at, sizeof(at), " at column %d", err->column);
	FUZZ_ASSERT(strstr(err->message, at) != NULL, "message does not give column %d: %s", err->column, err->message);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	lty_arena arena;
	lty_doc *root, *segs;
	lty_program *p = NULL;
	lty_error err;

	/* {"segments": {"s": <bytes>, "t": "orders >= 2"}}: t is there for segment('t'). */
	lty_arena_init(&arena, &lty_malloc_allocator);
	root = lty_doc_array(&arena, LTY_DOC_MAP, 1);
	FUZZ_ASSERT(root != NULL && lty_doc_set_key(&arena, root, 0, "segments", 8), "out of memory");
	segs = &root->u.c.items[0];
	FUZZ_ASSERT(lty_doc_make_container(&arena, segs, LTY_DOC_MAP, 2)
		&& lty_doc_set_key(&arena, segs, 0, "s", 1) && lty_doc_set_key(&arena, segs, 1, "t", 1)
		&& lty_doc_set_string(&arena, &segs->u.c.items[0], LTY_DOC_STRING, (const char *) data, size)
		&& lty_doc_set_string(&arena, &segs->u.c.items[1], LTY_DOC_STRING, "orders >= 2", 11), "out of memory");
	memset(&err, 0, sizeof(err));
	if (lty_program_load(&fuzz_counting, NULL, root, &p, &err) == LTY_OK) {
		int seg = lty_program_segment_index(p, "s", 1);
		FUZZ_ASSERT(seg >= 0, "segment s is missing");
		if (fuzz_verbose()) {
			fprintf(stderr, "compiled\n");
		}
		evaluate(p, seg);
		lty_program_free(p);
		fuzz_load_out_of_memory(root, fuzz_hash(data, size));
	} else {
		FUZZ_ASSERT(p == NULL, "a program despite an error");
		if (fuzz_verbose()) {
			fprintf(stderr, "refused: %s\n", err.message);
		}
		check_error(&err, size);
	}
	FUZZ_ASSERT(fuzz_live_blocks == 0, "%ld blocks leaked", fuzz_live_blocks);
	lty_arena_free(&arena);
	return 0;
}
