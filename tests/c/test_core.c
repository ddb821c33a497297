/* Unit tests of the Zend-free core: expressions, settings loading, memory.
 * Built with ASan/UBSan by scripts/test.sh; prints "N passed, N failed". */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/checkout/lty_checkout.h"
#include "../../src/expression/lty_decimal.h"
#include "../../src/expression/lty_expr.h"
#include "../../src/ledger/lty_ledger.h"
#include "../../src/base/lty_checked.h"
#include "../../src/base/lty_json.h"
#include "../../src/base/lty_money.h"
#include "../../src/settings/lty_program.h"
#include "../../src/settings/lty_thresholds.h"

static int passed, failed;

#define CHECK(cond) do { \
	if (cond) { passed++; } else { failed++; fprintf(stderr, "%s:%d: CHECK(%s) failed\n", __FILE__, __LINE__, #cond); } \
} while (0)

/* An allocator that counts live blocks, to prove that every path frees everything. */
static long live_blocks;

static void *counting_alloc(void *ctx, size_t size)
{
	(void) ctx;
	live_blocks++;
	return malloc(size);
}

static void counting_free(void *ctx, void *ptr)
{
	(void) ctx;
	if (ptr) {
		live_blocks--;
	}
	free(ptr);
}

static const lty_allocator counting = { counting_alloc, counting_free, NULL };

/* ---- settings documents built in C ---- */

static lty_arena doc_arena;

static lty_doc *map_of(size_t n)
{
	lty_doc *d = lty_doc_array(&doc_arena, LTY_DOC_MAP, n);
	d->u.c.count = 0;
	return d;
}

static lty_doc *put(lty_doc *map, const char *key)
{
	size_t i = map->u.c.count++;
	map->u.c.keys[i] = key;
	map->u.c.key_lens[i] = strlen(key);
	return &map->u.c.items[i];
}

static void set_str(lty_doc *d, const char *s)
{
	d->kind = LTY_DOC_STRING;
	d->u.str.ptr = s;
	d->u.str.len = strlen(s);
}

/* A program with one custom segment `s` = expr; NULL with err set on failure. */
static lty_program *program_with(const char *expr, lty_error *err)
{
	lty_doc *root = map_of(1), *segs;
	lty_program *p = NULL;

	segs = put(root, "segments");
	*segs = *map_of(1);
	set_str(put(segs, "s"), expr);
	lty_program_load(&counting, NULL, root, &p, err);
	return p;
}

static int matches(const char *expr, const lty_customer *c, int64_t now)
{
	lty_error err;
	lty_program *p = program_with(expr, &err);
	uint8_t memo[64];
	lty_membership m;
	int r;

	if (p == NULL) {
		fprintf(stderr, "unexpected compile error: %s\n", err.message);
		return -1;
	}
	lty_membership_init(&m, p, c, now, memo);
	r = lty_membership_test(&m, lty_program_segment_index(p, "s", 1));
	lty_program_free(p);
	return r;
}

static int error_column(const char *expr)
{
	lty_error err;
	lty_program *p = program_with(expr, &err);

	if (p != NULL) {
		lty_program_free(p);
		return 0;
	}
	return err.status == LTY_ERR_EXPRESSION ? err.column : -1;
}

static void test_evaluation(void)
{
	static const lty_str groups[] = { { "pro", 3 }, { "VIP", 3 } };
	lty_scalar attrs[2];
	lty_customer c;
	int64_t now = 1800000000;

	memset(&c, 0, sizeof(c));
	memset(attrs, 0, sizeof(attrs));
	c.active = true;
	c.orders = 5;
	c.spent = 60000;
	c.city.ptr = "Paris";
	c.city.len = 5;
	c.postcode.ptr = "75011";
	c.postcode.len = 5;
	c.groups.items = groups;
	c.groups.count = 2;
	c.has_last_order = true;
	c.last_order = now - 200 * 86400 - 5;
	c.attrs = attrs;

	CHECK(matches("'pro' in groups and city == 'Paris'", &c, now) == 1);
	CHECK(matches("'vip' in groups", &c, now) == 0);
	CHECK(matches("postcode like '75*'", &c, now) == 1);
	CHECK(matches("postcode like '7?0*1'", &c, now) == 1);
	CHECK(matches("lower(city) == 'paris'", &c, now) == 1);
	CHECK(matches("days_since_last_order == 200", &c, now) == 1);
	CHECK(matches("days_since_first_order > 0", &c, now) == 0);
	CHECK(matches("not (days_since_first_order > 0)", &c, now) == 1);
	CHECK(matches("days_since_first_order != 1", &c, now) == 0);
	CHECK(matches("orders / 2 == 2", &c, now) == 1);
	CHECK(matches("orders / 0 == 0 or orders / 0 != 0", &c, now) == 0);
	CHECK(matches("9223372036854775807 + orders > 0", &c, now) == 0);
	CHECK(matches("orders * 2.5 == 12.5", &c, now) == 1);
	CHECK(matches("count(groups) == 2 and count([]) == 0", &c, now) == 1);
	CHECK(matches("country not in ['FR']", &c, now) == 0);
	CHECK(matches("city not like 'X*'", &c, now) == 1);
	CHECK(matches("attr.tier == 'gold'", &c, now) == 0);
	attrs[0].kind = LTY_SCALAR_STRING;
	attrs[0].u.s.ptr = "gold";
	attrs[0].u.s.len = 4;
	CHECK(matches("attr.tier == 'gold'", &c, now) == 1);
	CHECK(matches("attr.tier > 3", &c, now) == 0);
	c.active = false;
	CHECK(matches("true", &c, now) == 0); /* disabled: in no custom segment */
}

static void test_errors(void)
{
	char deep[200];
	int i;

	CHECK(error_column("orders like 'x'") == 8);
	CHECK(error_column("3 in groups") == 3);
	CHECK(error_column("orders >= -1") == 11);
	CHECK(error_column("city == 'x") == 9);
	CHECK(error_column("orders > 1 and") == 15);
	CHECK(error_column("segment('s')") == 1);
	CHECK(error_column("") == 1);
	CHECK(error_column("orders") == 1);
	for (i = 0; i < 64; i++) {
		deep[i] = '(';
	}
	strcpy(deep + 64, "true");
	for (i = 0; i < 64; i++) {
		deep[68 + i] = ')';
	}
	deep[132] = '\0';
	CHECK(error_column(deep) == 0);
	memmove(deep + 1, deep, 133);
	deep[0] = '(';
	strcat(deep, ")");
	CHECK(error_column(deep) == 65);
}

static void test_glob(void)
{
	CHECK(lty_glob_match("75*", 3, "75011", 5, false));
	CHECK(lty_glob_match("*", 1, "", 0, false));
	CHECK(!lty_glob_match("?", 1, "", 0, false));
	CHECK(lty_glob_match("a*b*c", 5, "AxxBxxC", 7, false));
	CHECK(!lty_glob_match("a*b*c", 5, "AxxBxx", 6, false));
}

static void test_memory(void)
{
	lty_error err;
	lty_program *p;

	CHECK(live_blocks == 0);
	p = program_with("segment('s')", &err);
	CHECK(p == NULL && live_blocks == 0);
	p = program_with("'a' in groups and (orders > 1 or city like 'P*')", &err);
	CHECK(p != NULL && live_blocks > 0);
	lty_program_free(p);
	CHECK(live_blocks == 0);
}

/* A program whose loyalty section sets expiry and the return window. */
static lty_program *ledger_program(const char *mode, int64_t days, int64_t pending)
{
	lty_doc *root = map_of(1), *loyalty, *expiry;
	lty_program *p = NULL;
	lty_error err;

	loyalty = put(root, "loyalty");
	*loyalty = *map_of(2);
	expiry = put(loyalty, "expiry");
	*expiry = *map_of(2);
	put(expiry, "days")->kind = LTY_DOC_INT;
	expiry->u.c.items[0].u.i = days;
	set_str(put(expiry, "mode"), mode);
	put(loyalty, "pending_days")->kind = LTY_DOC_INT;
	loyalty->u.c.items[1].u.i = pending;
	lty_program_load(&counting, NULL, root, &p, &err);
	return p;
}

static int64_t balance_at(lty_ledger *l, int64_t t)
{
	lty_error err;
	int64_t b = -1;

	lty_ledger_balance(l, t, &b, &err);
	return b;
}

static void test_ledger(void)
{
	const int64_t D = 86400;
	lty_program *rolling = ledger_program("rolling", 10, 0), *lots = ledger_program("per_lot", 10, 2);
	lty_ledger l, copy;
	lty_error err;

	CHECK(rolling != NULL && lots != NULL);
	/* rolling: an order resets every deadline; expired points stay gone */
	lty_ledger_init(&l, &counting, rolling);
	CHECK(lty_ledger_add(&l, LTY_ENTRY_EARN, 100, 0, "o1", 2, "earn", &err) == LTY_OK);
	CHECK(lty_ledger_add(&l, LTY_ENTRY_EARN, 50, 8 * D, "o2", 2, "earn", &err) == LTY_OK);
	CHECK(balance_at(&l, 17 * D) == 150);
	CHECK(balance_at(&l, 18 * D) == 0);
	CHECK(lty_ledger_add(&l, LTY_ENTRY_EARN, 5, 30 * D, "o3", 2, "earn", &err) == LTY_OK);
	CHECK(balance_at(&l, 30 * D) == 5);
	CHECK(lty_ledger_add(&l, LTY_ENTRY_SPEND, 6, 31 * D, "", 0, "spend", &err) == LTY_ERR_LEDGER);
	CHECK(l.count == 3);
	/* an earlier spend that leaves nothing for a later one is refused */
	CHECK(lty_ledger_add(&l, LTY_ENTRY_SPEND, 5, 31 * D, "", 0, "spend", &err) == LTY_OK);
	CHECK(lty_ledger_add(&l, LTY_ENTRY_SPEND, 1, 30 * D, "", 0, "spend", &err) == LTY_ERR_LEDGER);
	CHECK(l.count == 4 && balance_at(&l, 31 * D) == 0);
	CHECK(lty_ledger_copy(&copy, &l, &err) == LTY_OK && copy.count == 4);
	lty_ledger_free(&copy);
	lty_ledger_free(&l);

	/* per lot: oldest lots first, pending points wait two days */
	lty_ledger_init(&l, &counting, lots);
	CHECK(lty_ledger_add(&l, LTY_ENTRY_EARN, 10, 0, "", 0, "earn", &err) == LTY_OK);
	CHECK(lty_ledger_add(&l, LTY_ENTRY_EARN, 20, 5 * D, "", 0, "earn", &err) == LTY_OK);
	CHECK(balance_at(&l, 6 * D) == 10);
	CHECK(balance_at(&l, 7 * D) == 30);
	CHECK(lty_ledger_add(&l, LTY_ENTRY_SPEND, 15, 7 * D, "", 0, "spend", &err) == LTY_OK);
	CHECK(balance_at(&l, 9 * D) == 15);
	CHECK(balance_at(&l, 10 * D) == 15);   /* the first lot was used up */
	CHECK(balance_at(&l, 15 * D) == 0);
	lty_ledger_free(&l);

	/* loading stored entries into an empty ledger (out of order: sorted on the way in) */
	{
		lty_entry stored[2] = {
			{ LTY_ENTRY_SPEND, 4, 3 * D, (char *) "s", 1 },
			{ LTY_ENTRY_GRANT, 10, 1 * D, (char *) "g", 1 },
		};
		lty_ledger_init(&l, &counting, lots);
		CHECK(lty_ledger_add_all(&l, stored, 2, &err) == LTY_OK);
		CHECK(l.count == 2 && l.entries[0].type == LTY_ENTRY_GRANT && balance_at(&l, 4 * D) == 6);
		lty_ledger_free(&l);
	}
	lty_program_free(rolling);
	lty_program_free(lots);
	CHECK(live_blocks == 0);
}

static unsigned next_random(unsigned *seed)
{
	*seed = *seed * 1103515245u + 12345u;
	return *seed >> 8;
}

/* Entries at random dates: a ledger checked through the summaries (lty_ledger_index.c) answers
 * as one that replays (fast off), refusals and their messages included, under ASan and UBSan. */
static void test_ledger_summaries(void)
{
	static const struct { const char *mode; int64_t days, pending; } settings[] = {
		{ "rolling", 10, 0 }, { "rolling", 5, 2 }, { "per_lot", 10, 0 }, { "per_lot", 8, 3 }, { "per_lot", 2, 4 },
	};
	/* per_lot with pending days and grants replays: the last setting gets grants, so the fast one turns slow */
	const int64_t D = 86400;
	unsigned seed = 11, k;
	int i, bad = 0;
	lty_error err, err2;

	for (k = 0; k < sizeof(settings) / sizeof(settings[0]); k++) {
		lty_program *p = ledger_program(settings[k].mode, settings[k].days, settings[k].pending);
		lty_ledger fast, slow, copy;
		CHECK(p != NULL);
		lty_ledger_init(&fast, &counting, p);
		lty_ledger_init(&slow, &counting, p);
		slow.t.fast = false;
		CHECK(balance_at(&fast, 0) == 0); /* empty: no node at all */
		for (i = 0; i < 3000; i++) {
			int64_t at = (int64_t) (next_random(&seed) % 60) * D + (next_random(&seed) % 4 == 0 ? (int64_t) (next_random(&seed) % D) : 0);
			unsigned r = next_random(&seed) % 10;
			bool grants = settings[k].pending == 0 || settings[k].mode[0] == 'r' || (k == 4 && i > 1500);
			lty_entry_type type = r < 4 ? LTY_ENTRY_EARN : r < 5 && grants ? LTY_ENTRY_GRANT : LTY_ENTRY_SPEND;
			int64_t points = (int64_t) (next_random(&seed) % (type == LTY_ENTRY_SPEND ? 50 : 40));
			lty_status a = lty_ledger_add(&fast, type, points, at, "r", 1, "spend", &err);
			lty_status b = lty_ledger_add(&slow, type, points, at, "r", 1, "spend", &err2);
			bad += a != b || (a != LTY_OK && strcmp(err.message, err2.message) != 0);
			if (i % 50 == 0) {
				at = (int64_t) (next_random(&seed) % 70) * D;
				bad += balance_at(&fast, at) != balance_at(&slow, at) || fast.count != slow.count;
			}
		}
		CHECK(lty_ledger_copy(&copy, &fast, &err) == LTY_OK && copy.count == fast.count);
		CHECK(lty_ledger_add(&copy, LTY_ENTRY_EARN, 5, 3 * D, "", 0, "earn", &err) == LTY_OK);
		lty_ledger_free(&copy);
		lty_ledger_free(&fast);
		lty_ledger_free(&slow);
		lty_program_free(p);
	}
	CHECK(bad == 0);
	CHECK(live_blocks == 0);
}

/* Binary search over sorted thresholds gives what a scan of the written list gives. */
static void test_thresholds(void)
{
	lty_arena arena;
	int64_t from[40], lowest, scan_lowest;
	unsigned seed = 7;
	int round, bad = 0;

	lty_arena_init(&arena, &lty_malloc_allocator);
	for (round = 0; round < 2000; round++) {
		size_t n = (size_t) (seed = seed * 1103515245u + 12345u) % 40, i, want;
		const int64_t *sorted;
		int64_t value;
		for (i = 0; i < n; i++) {
			from[i] = (int64_t) ((seed = seed * 1103515245u + 12345u) % 10) * 100; /* many ties */
		}
		value = (int64_t) ((seed = seed * 1103515245u + 12345u) % 1100) - 50;
		sorted = lty_thresholds_sort(&arena, from, n, sizeof(int64_t), 0);
		want = SIZE_MAX;
		scan_lowest = INT64_MAX;
		for (i = 0; i < n; i++) {
			scan_lowest = from[i] < scan_lowest ? from[i] : scan_lowest;
			if (from[i] <= value && (want == SIZE_MAX || from[i] > from[want])) {
				want = i;
			}
		}
		bad += sorted == NULL || lty_thresholds_find(sorted, n, value, &lowest) != want || lowest != scan_lowest;
	}
	CHECK(bad == 0);
	lty_arena_free(&arena);
}

/* One advantage for everybody: 1.00 off and free shipping. */
static lty_program *free_shipping_program(void)
{
	lty_doc *root = map_of(1), *list, *adv, *tiers, *tier;
	lty_program *p = NULL;
	lty_error err;

	list = put(root, "advantages");
	lty_doc_make_container(&doc_arena, list, LTY_DOC_LIST, 1);
	adv = &list->u.c.items[0];
	*adv = *map_of(2);
	set_str(put(adv, "id"), "a");
	tiers = put(adv, "tiers");
	lty_doc_make_container(&doc_arena, tiers, LTY_DOC_LIST, 1);
	tier = &tiers->u.c.items[0];
	*tier = *map_of(2);
	put(tier, "discount")->kind = LTY_DOC_INT;
	tier->u.c.items[0].u.i = 100;
	put(tier, "free_shipping")->kind = LTY_DOC_BOOL;
	tier->u.c.items[1].u.b = true;
	lty_program_load(&counting, NULL, root, &p, &err);
	return p;
}

static lty_status evaluate_shipping(const lty_program *p, int64_t shipping, lty_result *r, lty_error *err)
{
	lty_customer c;
	lty_cart cart;
	lty_arena arena;
	uint8_t memo[16];
	lty_status st;

	memset(&c, 0, sizeof(c));
	memset(&cart, 0, sizeof(cart));
	c.active = true;
	cart.subtotal = 1000;
	cart.shipping = shipping;
	cart.use_points = true;
	lty_arena_init(&arena, &counting);
	st = lty_checkout_evaluate(p, &cart, &c, 1800000000, 0, memo, &arena, r, err);
	lty_arena_free(&arena);
	return st;
}

/* Found by fuzz_evaluate: discount + shipping saved (the best-of value) wrapped past INT64_MAX;
 * it saturates now, and the cart evaluates. */
static void test_shipping_overflow(void)
{
	lty_program *p = free_shipping_program();
	lty_result r;
	lty_error err;

	CHECK(p != NULL);
	if (p == NULL) {
		return;
	}
	CHECK(evaluate_shipping(p, INT64_MAX - 100, &r, &err) == LTY_OK && r.free_shipping && r.total == 900);
	CHECK(evaluate_shipping(p, INT64_MAX - 99, &r, &err) == LTY_OK && r.free_shipping && r.total == 900);
	CHECK(evaluate_shipping(p, INT64_MAX, &r, &err) == LTY_OK && r.free_shipping && r.total == 900);
	lty_program_free(p);
	CHECK(live_blocks == 0);
}

/* Points from the second order: a bracket from 10 points giving 1.00 off. */
static lty_program *second_order_program(void)
{
	lty_doc *root = map_of(1), *loyalty, *spend, *list, *bracket;
	lty_program *p = NULL;
	lty_error err;

	loyalty = put(root, "loyalty");
	*loyalty = *map_of(2);
	spend = put(loyalty, "spend");
	*spend = *map_of(1);
	put(spend, "from_order")->kind = LTY_DOC_INT;
	spend->u.c.items[0].u.i = 2;
	list = put(loyalty, "brackets");
	lty_doc_make_container(&doc_arena, list, LTY_DOC_LIST, 1);
	bracket = &list->u.c.items[0];
	*bracket = *map_of(2);
	put(bracket, "from")->kind = LTY_DOC_INT;
	bracket->u.c.items[0].u.i = 10;
	put(bracket, "discount")->kind = LTY_DOC_INT;
	bracket->u.c.items[1].u.i = 100;
	lty_program_load(&counting, NULL, root, &p, &err);
	return p;
}

/* The result's arrays live in `arena` (freed by the caller). */
static lty_status evaluate_orders(const lty_program *p, int64_t orders, lty_arena *arena, lty_result *r, lty_error *err)
{
	lty_customer c;
	lty_cart cart;
	uint8_t memo[16];

	memset(&c, 0, sizeof(c));
	memset(&cart, 0, sizeof(cart));
	c.active = true;
	c.orders = orders;
	c.points = 50;
	cart.subtotal = 1000;
	cart.use_points = true;
	return lty_checkout_evaluate(p, &cart, &c, 1800000000, 0, memo, arena, r, err);
}

/* Found by fuzz_evaluate: the order number (orders + 1) overflowed at orders = INT64_MAX. */
static void test_orders_overflow(void)
{
	lty_program *p = second_order_program();
	lty_arena arena;
	lty_result r;
	lty_error err;

	CHECK(p != NULL);
	if (p == NULL) {
		return;
	}
	lty_arena_init(&arena, &counting);
	CHECK(evaluate_orders(p, INT64_MAX, &arena, &r, &err) == LTY_OK && r.discount == 100 && r.points_spent == 10);
	CHECK(evaluate_orders(p, 1, &arena, &r, &err) == LTY_OK && r.discount == 100);
	CHECK(evaluate_orders(p, 0, &arena, &r, &err) == LTY_OK && r.discount == 0 && r.rejected_count == 1
		&& r.rejected[0].reason == LTY_REASON_ORDER_NUMBER && r.rejected[0].missing == 1);
	lty_arena_free(&arena);
	lty_program_free(p);
	CHECK(live_blocks == 0);
}

/* The paths of lty_decimal.c that expressions rarely reach: products and quotients
 * beyond 64 bits (expected values computed with exact integers). */
static void test_decimal(void)
{
	const int64_t M = INT64_MAX;
	int64_t z = 0;

	CHECK(lty_dec_div(M, M - 1, &z) && z == 1000000);
	CHECK(lty_dec_div(M - 1, M, &z) && z == 999999);
	CHECK(lty_dec_div(M, -2000000, &z) && z == -4611686018427387903);
	CHECK(lty_dec_div(M, 1500000, &z) && z == 6148914691236517204);
	CHECK(lty_dec_div(-(M - 5), 7000000, &z) && z == -1317624576693539400);
	CHECK(lty_dec_div(M, INT64_C(3000000000007), &z) && z == 3074457345611);
	CHECK(lty_dec_div(INT64_C(123456789012345678), INT64_C(-987654321098), &z) && z == -124999998861);
	CHECK(lty_dec_div(INT64_C(5000000000000000000), INT64_C(4999999999999999999), &z) && z == 1000000);
	CHECK(lty_dec_div(1, M, &z) && z == 0);
	CHECK(!lty_dec_div(M, 3, &z) && !lty_dec_div(-M, 7, &z) && !lty_dec_div(1, 0, &z));
	CHECK(lty_dec_mul(M, 1000000, &z) && z == M);
	CHECK(lty_dec_mul(M, 999999, &z) && z == INT64_C(9223362813482738952));
	CHECK(lty_dec_mul(INT64_C(4000000000000000), 3000000, &z) && z == INT64_C(12000000000000000));
	CHECK(lty_dec_mul(-1500000, -1, &z) && z == 1 && lty_dec_mul(-1500000, 1, &z) && z == -1);
	CHECK(!lty_dec_mul(-M, 1500000, &z) && !lty_dec_mul(INT64_C(3037000499999999), INT64_C(3037000499999999), &z));
	CHECK(!lty_dec_sub(-M, 1, &z) && !lty_dec_add(M, 1, &z) && lty_dec_add(-M, 0, &z) && z == -M);
	CHECK(lty_dec_cmp_int(-1, 0) == -1 && lty_dec_cmp_int(1, 0) == 1 && lty_dec_cmp_int(-M, INT64_MIN) == 1);
	CHECK(lty_dec_cmp_int(M, INT64_C(9223372036854)) == 1 && lty_dec_cmp_int(INT64_C(9223372036854000000), INT64_C(9223372036854)) == 0);
	CHECK(lty_dec_from_digits(true, "15", 2, -7, &z) && z == -1 && lty_dec_from_digits(false, "3", 1, -300, &z) && z == 0);
	CHECK(!lty_dec_from_digits(false, "1", 1, 300, &z) && lty_dec_from_digits(false, "0", 1, 300, &z) && z == 0);
	CHECK(lty_dec_from_digits(false, "9223372036854775807", 19, -6, &z) && z == M);
	CHECK(!lty_dec_from_digits(false, "9223372036854775808", 19, -6, &z) && !lty_dec_from_int(INT64_C(9223372036855), &z));
	/* floats with at most 6 decimals skip the printing; the others must be printed */
	/* 0.1 + 0.2 as a double (written out: x87 would add in 80 bits, then round to 0.3) */
	CHECK(lty_dec_from_double(0.30000000000000004, &z) == false && lty_dec_from_double(1.0 / 3, &z) == false);
	CHECK(lty_dec_from_double(0.3, &z) && z == 300000 && lty_dec_from_double(-19.99, &z) && z == -19990000);
	CHECK(lty_dec_from_double(2147483647.999999, &z) && z == INT64_C(2147483647999999));
	CHECK(lty_dec_from_double(-0.0, &z) && z == 0 && lty_dec_from_double(1e-6, &z) && z == 1);
	CHECK(!lty_dec_from_double(2147483648.0, &z) && !lty_dec_from_double(1e-7, &z));
}

/* The portable checked operations of compilers without the builtins, against the builtins. */
static void test_checked(void)
{
	static const int64_t v[] = { 0, 1, -1, 2, -2, 3037000499LL, 3037000500LL, -3037000500LL, 4294967296LL,
		INT64_MAX / 2, INT64_MIN / 2, INT64_MAX - 1, INT64_MAX, INT64_MIN + 1, INT64_MIN };
	size_t i, j, bad = 0;

	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		for (j = 0; j < sizeof(v) / sizeof(v[0]); j++) {
			int64_t x = 0, y = 0;
			bool o1 = __builtin_add_overflow(v[i], v[j], &x), o2 = lty_add_overflow_portable(v[i], v[j], &y);
			bad += o1 != o2 || (!o1 && x != y);
			o1 = __builtin_sub_overflow(v[i], v[j], &x);
			o2 = lty_sub_overflow_portable(v[i], v[j], &y);
			bad += o1 != o2 || (!o1 && x != y);
			o1 = __builtin_mul_overflow(v[i], v[j], &x);
			o2 = lty_mul_overflow_portable(v[i], v[j], &y);
			bad += o1 != o2 || (!o1 && x != y);
		}
	}
	CHECK(bad == 0);
}

/* x * y + z as four 32-bit limbs, least significant first (schoolbook, independent of lty_money.c). */
static void wide_mul_add(uint64_t x, uint64_t y, uint64_t z, uint32_t out[4])
{
	uint32_t xs[2] = { (uint32_t) x, (uint32_t) (x >> 32) }, ys[2] = { (uint32_t) y, (uint32_t) (y >> 32) };
	uint64_t acc[4] = { z & 0xffffffffu, z >> 32, 0, 0 }, carry = 0;
	int i, j;

	for (i = 0; i < 2; i++) {
		for (j = 0; j < 2; j++) {
			uint64_t p = (uint64_t) xs[i] * ys[j];
			acc[i + j] += p & 0xffffffffu;
			acc[i + j + 1] += p >> 32;
		}
	}
	for (i = 0; i < 4; i++) {
		acc[i] += carry;
		out[i] = (uint32_t) acc[i];
		carry = acc[i] >> 32;
	}
}

/* q and r are a * b / c and a * b % c: q * c + r == a * b and 0 <= r < c. */
static bool mul_div_ok(int64_t a, int64_t b, int64_t c, int64_t q, int64_t r)
{
	uint32_t left[4], right[4];

	if (q < 0 || r < 0 || r >= c) {
		return false;
	}
	wide_mul_add((uint64_t) q, (uint64_t) c, (uint64_t) r, left);
	wide_mul_add((uint64_t) a, (uint64_t) b, 0, right);
	return memcmp(left, right, sizeof(left)) == 0;
}

/* a * b / c (the 64-bit path when the product fits, the long division otherwise) and the long
 * division alone, checked by multiplying back, on the edges and at random. */
static void test_mul_div(void)
{
	static const int64_t edges[] = { 0, 1, 2, 99, 100, 9999, 10000, 4294967295LL, 4294967296LL,
		3037000499LL, 3037000500LL, INT64_MAX / 10000, INT64_MAX / 2, INT64_MAX - 1, INT64_MAX };
	uint64_t seed = 88172645463325252ULL;
	size_t i, j, bad = 0;
	int k;

	for (i = 0; i < sizeof(edges) / sizeof(edges[0]); i++) {
		for (j = 0; j < sizeof(edges) / sizeof(edges[0]); j++) {
			int64_t a = edges[i], b = edges[j], c = a > b ? a : b, q1, r1, q2, r2;
			if (c == 0) {
				continue;
			}
			lty_mul_div_mod(a, b, c, &q1, &r1);
			lty_mul_div_mod_portable(a, b, c, &q2, &r2);
			bad += !mul_div_ok(a, b, c, q1, r1) || !mul_div_ok(a, b, c, q2, r2);
		}
	}
	for (k = 0; k < 100000; k++) {
		int64_t a, b, c, q1, r1, q2, r2;
		seed ^= seed << 13; seed ^= seed >> 7; seed ^= seed << 17;
		a = (int64_t) (seed >> (1 + seed % 63));
		seed ^= seed << 13; seed ^= seed >> 7; seed ^= seed << 17;
		b = (int64_t) (seed >> (1 + seed % 63));
		c = (a > b ? a : b) + 1; /* a * b / c < 2^63 */
		if (c <= 0) {
			continue;
		}
		lty_mul_div_mod(a, b, c, &q1, &r1);
		lty_mul_div_mod_portable(a, b, c, &q2, &r2);
		bad += !mul_div_ok(a, b, c, q1, r1) || q1 != q2 || r1 != r2;
	}
	CHECK(bad == 0);
	{
		int64_t q, r;
		lty_mul_div_mod_portable(INT64_MAX, 10000, 10000, &q, &r);
		CHECK(q == INT64_MAX && r == 0);
		lty_mul_div_mod_portable(INT64_MAX, INT64_MAX - 1, INT64_MAX, &q, &r);
		CHECK(q == INT64_MAX - 1 && r == 0);
		lty_mul_div_mod(INT64_MAX, 9999, 10000, &q, &r);
		CHECK(q == INT64_MAX - INT64_MAX / 10000 - 1 && r == 10000 - INT64_MAX % 10000);
		CHECK(!mul_div_ok(3, 5, 4, 3, 2) && mul_div_ok(3, 5, 4, 3, 3));
	}
}


/* ---- the JSON reader: what json_decode($j, true) + the glue's conversion would give ---- */

static double json_strtod(void *ctx, const char *s, size_t len)
{
	(void) ctx;
	(void) len;
	return strtod(s, NULL);
}

static const lty_json_options json64 = { INT64_MIN, INT64_MAX, json_strtod, NULL, LTY_JSON_DEFAULT_DEPTH, 32, 4000000 };

/* The doc of a NUL-terminated text in doc_arena, or NULL with *code set. */
static lty_doc *json(const char *text, const lty_json_options *o, lty_json_error *code)
{
	lty_doc *d = NULL;
	lty_error err;

	lty_json_read(&doc_arena, text, strlen(text), o, &d, code, &err);
	return d;
}

static bool key_is(const lty_doc *map, size_t i, const char *key)
{
	return map->kind == LTY_DOC_MAP && i < map->u.c.count && map->u.c.key_lens[i] == strlen(key)
		&& memcmp(map->u.c.keys[i], key, strlen(key)) == 0;
}

static void test_json_shapes(void)
{
	lty_json_error code;
	lty_doc *d;
	char big[20000], *p;
	int i;

	/* {} and [] are empty lists; an object keyed 0..n-1 in order is a list, otherwise a map */
	d = json("[{}, [], {\"0\": 1, \"1\": 2}, {\"1\": 1, \"0\": 2}, {\"0\": 1, \"0\": 2}, {\"00\": 1}]", &json64, &code);
	CHECK(d != NULL && d->kind == LTY_DOC_LIST && d->u.c.count == 6);
	if (d != NULL && d->u.c.count == 6) {
		lty_doc *it = d->u.c.items;
		CHECK(it[0].kind == LTY_DOC_LIST && it[0].u.c.count == 0 && it[1].kind == LTY_DOC_LIST && it[1].u.c.count == 0);
		CHECK(it[2].kind == LTY_DOC_LIST && it[2].u.c.count == 2 && it[2].u.c.items[1].u.i == 2);
		CHECK(key_is(&it[3], 0, "1") && key_is(&it[3], 1, "0") && it[3].u.c.items[0].u.i == 1);
		CHECK(it[4].kind == LTY_DOC_LIST && it[4].u.c.count == 1 && it[4].u.c.items[0].u.i == 2);
		CHECK(key_is(&it[5], 0, "00"));
	}
	/* a repeated key keeps its first place and takes its last value, in a large object too (sorted) */
	p = big;
	p += sprintf(p, "{\"z\": 0");
	for (i = 0; i < 500; i++) {
		p += sprintf(p, ", \"k%d\": %d", i % 250, i);
	}
	sprintf(p, ", \"z\": \"last\"}");
	d = json(big, &json64, &code);
	CHECK(d != NULL && d->kind == LTY_DOC_MAP && d->u.c.count == 251);
	if (d != NULL && d->u.c.count == 251) {
		CHECK(key_is(d, 0, "z") && d->u.c.items[0].kind == LTY_DOC_STRING && strcmp(d->u.c.items[0].u.str.ptr, "last") == 0);
		CHECK(key_is(d, 1, "k0") && d->u.c.items[1].u.i == 250 && key_is(d, 250, "k249") && d->u.c.items[250].u.i == 499);
	}
	/* 32 levels are kept, the 33rd array is named, json_decode()'s 512 is an error */
	p = big;
	for (i = 0; i < 33; i++) {
		*p++ = '[';
	}
	p += sprintf(p, "1");
	for (i = 0; i < 33; i++) {
		*p++ = ']';
	}
	*p = '\0';
	d = json(big, &json64, &code);
	for (i = 0; d != NULL && i < 32 && d->kind == LTY_DOC_LIST && d->u.c.count == 1; i++) {
		d = d->u.c.items;
	}
	CHECK(i == 32 && d != NULL && d->kind == LTY_DOC_OTHER && strcmp(d->u.str.ptr, "array nested too deep") == 0);
	memset(big, '[', 511);
	memset(big + 511, ']', 511);
	big[1022] = '\0';
	CHECK(json(big, &json64, &code) != NULL);
	memset(big, '[', 512);
	memset(big + 512, ']', 512);
	big[1024] = '\0';
	CHECK(json(big, &json64, &code) == NULL && code == LTY_JSON_DEPTH);
}

static void test_json_values(void)
{
	lty_json_options int32 = json64;
	lty_json_error code;
	lty_doc *d;

	d = json("[9223372036854775807, -9223372036854775808, 9223372036854775808, -0, -0.0, 1e400, 2147483648]", &json64, &code);
	CHECK(d != NULL && d->u.c.count == 7);
	if (d != NULL && d->u.c.count == 7) {
		lty_doc *it = d->u.c.items;
		CHECK(it[0].kind == LTY_DOC_INT && it[0].u.i == INT64_MAX && it[1].kind == LTY_DOC_INT && it[1].u.i == INT64_MIN);
		CHECK(it[2].kind == LTY_DOC_DOUBLE && it[2].u.d == 9223372036854775808.0);
		CHECK(it[3].kind == LTY_DOC_INT && it[3].u.i == 0 && it[4].kind == LTY_DOC_DOUBLE && it[4].u.d == 0.0);
		CHECK(it[5].kind == LTY_DOC_DOUBLE && it[5].u.d > 1e308 && it[6].kind == LTY_DOC_INT);
	}
	int32.int_min = INT32_MIN;
	int32.int_max = INT32_MAX;
	d = json("[2147483647, -2147483648, 2147483648, -2147483649]", &int32, &code);
	CHECK(d != NULL && d->u.c.items[0].kind == LTY_DOC_INT && d->u.c.items[1].kind == LTY_DOC_INT
		&& d->u.c.items[2].kind == LTY_DOC_DOUBLE && d->u.c.items[3].kind == LTY_DOC_DOUBLE);
	/* escapes: surrogate pairs to 4 bytes, \u0000 in a key */
	d = json("{\"\\u0000k\": \"\\ud83d\\ude00\\u00e9\\/\\b\"}", &json64, &code);
	CHECK(d != NULL && d->kind == LTY_DOC_MAP && d->u.c.key_lens[0] == 2 && d->u.c.keys[0][0] == '\0'
		&& d->u.c.items[0].u.str.len == 8 && memcmp(d->u.c.items[0].u.str.ptr, "\xf0\x9f\x98\x80\xc3\xa9/\b", 8) == 0);
	/* each error class at its token, as json_decode() */
	CHECK(json("", &json64, &code) == NULL && code == LTY_JSON_SYNTAX);
	CHECK(json("[1}", &json64, &code) == NULL && code == LTY_JSON_STATE_MISMATCH);
	CHECK(json("\"abc", &json64, &code) == NULL && code == LTY_JSON_CTRL_CHAR);
	CHECK(json("[\"\\ud800\"]", &json64, &code) == NULL && code == LTY_JSON_UTF16);
	CHECK(json("[\"\xed\xa0\x80\"]", &json64, &code) == NULL && code == LTY_JSON_UTF8);
	CHECK(json("[1] \xc3\xa9", &json64, &code) == NULL && code == LTY_JSON_SYNTAX);
	CHECK(json("[1] \xc3", &json64, &code) == NULL && code == LTY_JSON_UTF8);
	CHECK(strcmp(lty_json_error_message(LTY_JSON_UTF16), "Single unpaired UTF-16 surrogate in unicode escape") == 0);
}

/* Out of memory at each allocation of a read: a clean error, nothing kept. */
static long json_fail_after;

static void *json_failing_alloc(void *ctx, size_t size)
{
	if (json_fail_after-- == 0) {
		return NULL;
	}
	return counting_alloc(ctx, size);
}

static void test_json_memory(void)
{
	static const lty_allocator failing = { json_failing_alloc, counting_free, NULL };
	char text[16000], *p = text;
	long fail_at, ok = 0, nomem = 0;
	int i;

	/* many strings and a large object: string chunks, the item stack and the sort allocate */
	p += sprintf(p, "{\"list\": [");
	for (i = 0; i < 300; i++) {
		p += sprintf(p, "%s\"string number %d with some length\"", i ? ", " : "", i);
	}
	p += sprintf(p, "]");
	for (i = 0; i < 40; i++) {
		p += sprintf(p, ", \"k%d\": [%d]", i % 30, i);
	}
	sprintf(p, "}");
	for (fail_at = 0; fail_at < 40; fail_at++) {
		lty_arena arena;
		lty_doc *d;
		lty_error err;
		lty_status st;
		json_fail_after = fail_at;
		lty_arena_init(&arena, &failing);
		st = lty_json_read(&arena, text, strlen(text), &json64, &d, NULL, &err);
		ok += st == LTY_OK && d != NULL && d->u.c.count == 31;
		nomem += st == LTY_ERR_NOMEM && d == NULL && strcmp(err.message, "settings: out of memory") == 0;
		lty_arena_free(&arena);
	}
	CHECK(ok > 0 && ok + nomem == 40 && live_blocks == 0);
}

/* lty_membership_count() takes eight memo bytes at a time: every length around those steps,
 * every answer at every place, against a byte-by-byte count. */
static void test_membership_count(void)
{
	uint8_t memo[40];
	lty_program program;
	size_t n, i, wrong = 0, tried = 0;
	unsigned seed = 7;

	memset(&program, 0, sizeof(program));
	for (n = 0; n <= sizeof(memo); n++) {
		int round;
		program.segment_count = n;
		for (round = 0; round < 50; round++) {
			size_t expected = 0;
			for (i = 0; i < n; i++) {
				seed = seed * 1103515245u + 12345u;
				memo[i] = (uint8_t) ((seed >> 16) % 3); /* unknown, no, yes */
				if (round == 0) {
					memo[i] = LTY_MEMO_YES;
				} else if (round == 1) {
					memo[i] = LTY_MEMO_NO;
				}
				expected += memo[i] == LTY_MEMO_YES;
			}
			wrong += lty_membership_count(&program, memo) != expected;
			tried++;
		}
	}
	CHECK(tried == 41 * 50 && wrong == 0);
}

int main(void)
{
	lty_arena_init(&doc_arena, &lty_malloc_allocator);
	test_evaluation();
	test_errors();
	test_glob();
	test_decimal();
	test_memory();
	test_ledger();
	test_ledger_summaries();
	test_thresholds();
	test_shipping_overflow();
	test_orders_overflow();
	test_mul_div();
	test_checked();
	test_json_shapes();
	test_json_values();
	test_json_memory();
	test_membership_count();
	lty_arena_free(&doc_arena);
	printf("%d passed, %d failed\n", passed, failed);
	return failed != 0;
}
