/* libFuzzer harness: checkout evaluation of random but valid programs,
 * customers and carts. The bytes are read as choices: a settings document is
 * written as JSON from a small template space (segments with generated
 * expressions, 1-8 advantages with tiers, a loyalty section), loaded (it must
 * load: the generator writes only valid settings), then one customer and one
 * cart are evaluated twice. Every run checks the invariants of SPEC 6, 7, 10:
 * money never goes negative or beyond what is payable, points are never
 * overspent, line discounts add up, the result is deterministic, and an
 * overflow is reported only when some input is near the 64-bit limits. */
#include "fuzz_common.h"

#include <stdarg.h>

#define NOW 1800000000
#define DAY 86400
#define MAX_LINES 8
#define MAX_LIST 4
#define JSON_MAX 65536
/* Above this an input counts as "near the 64-bit limits" (overflow allowed). */
#define NEAR_LIMIT ((int64_t) 1 << 60)

typedef struct {
	fuzz_bytes b;
	char json[JSON_MAX];
	size_t len;
	bool near;              /* some number is near the 64-bit limits */
	int segments;           /* custom segments s0..s{n-1} */
} gen;

/* Where choices are read: the first CART_BYTES bytes of the input describe the
 * customer and the cart, the rest the settings (so that both vary with short inputs). */
#define CART_BYTES 96

static gen g;
static fuzz_bytes cart_bytes;
static fuzz_bytes *in;
static lty_customer customer;
static lty_cart cart;
static lty_cart_line lines[MAX_LINES];
static lty_str groups[MAX_LIST], carriers_seen[MAX_LIST], bought[MAX_LIST];
static int64_t now;

static const char *const group_pool[] = { "pro", "VIP", "wholesale", "" };
static const char *const carrier_pool[] = { "Colissimo", "DPD", "SoColissimo", "Relay" };
static const char *const sku_pool[] = { "REF-42", "REF-7", "ref-42", "X" };
static const char *const city_pool[] = { "Paris", "Lyon", "paris", "" };
static const char *const postcode_pool[] = { "75011", "69001", "7500", "" };
static const char *const country_pool[] = { "FR", "BE", "LU", "DE" };

#define POOL(b, pool) ((pool)[fuzz_pick((b), sizeof(pool) / sizeof((pool)[0]))])

static void emit(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));

static void emit(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(g.json + g.len, sizeof(g.json) - g.len, fmt, ap);
	va_end(ap);
	FUZZ_ASSERT(n >= 0 && (size_t) n < sizeof(g.json) - g.len, "generated settings too long");
	g.len += (size_t) n;
}

/* Money or a count: mostly shop-sized, sometimes at the 64-bit edge. */
static int64_t gen_amount(void)
{
	uint8_t mode = fuzz_u8(in) % 16;
	int64_t v;

	switch (mode) {
		case 0: case 1: v = 0; break;
		case 2: case 3: case 4: case 5: v = fuzz_u8(in); break;
		case 6: case 7: case 8: case 9: case 10: v = (int64_t) fuzz_u8(in) * 100 + fuzz_u8(in); break;
		case 11: case 12: v = ((int64_t) fuzz_u8(in) << 16) | ((int64_t) fuzz_u8(in) << 8) | fuzz_u8(in); break;
		case 13: v = (int64_t) (fuzz_u64(in) >> 24); break;
		case 14: v = INT64_MAX - fuzz_u8(in) % 4; break;
		default: v = fuzz_u8(in) % 2 ? INT64_MAX / 2 + fuzz_u8(in) % 4 : (int64_t) (fuzz_u64(in) >> 1); break;
	}
	if (v > NEAR_LIMIT) {
		g.near = true;
	}
	return v;
}

/* A small positive count (orders, points per block, ...). */
static int64_t gen_small(int64_t min, int64_t max)
{
	return min + (int64_t) (fuzz_u8(in) % (uint64_t) (max - min + 1));
}

/* ---- expressions: conditions over every field, nested at most `depth` ---- */

static void gen_expr(int depth, int own_index);

static void gen_atom(int own_index)
{
	switch (fuzz_u8(in) % 18) {
		case 0: emit("orders >= %lld", (long long) gen_small(0, 12)); break;
		case 1: emit("'%s' in groups", POOL(in, group_pool)); break;
		case 2: emit("city == '%s'", POOL(in, city_pool)); break;
		case 3: emit("postcode like '%s'", fuzz_u8(in) % 2 ? "75*" : "?9*"); break;
		case 4: emit("spent >= %lld", (long long) gen_amount()); break;
		case 5: emit("days_since_last_order > %lld", (long long) gen_small(0, 400)); break;
		case 6: emit("days_since_first_order <= %lld", (long long) gen_small(0, 400)); break;
		case 7: emit("attr.a == %lld", (long long) gen_small(0, 3)); break;
		case 8: emit("attr.b == 'gold'"); break;
		case 9: emit("country in ['%s', '%s']", POOL(in, country_pool), POOL(in, country_pool)); break;
		case 10: emit("count(bought) > %lld", (long long) gen_small(0, 3)); break;
		case 11: emit("'%s' in carriers", POOL(in, carrier_pool)); break;
		case 12:
			/* Only earlier segments: the generator never writes a cycle. */
			if (own_index > 0) {
				emit("segment('s%d')", (int) fuzz_pick(in, (size_t) own_index));
			} else {
				emit("true");
			}
			break;
		case 13: emit("lower(city) == 'paris'"); break;
		case 14: emit("points + %lld > %lld", (long long) gen_amount(), (long long) gen_small(0, 200)); break;
		case 15: emit("orders * %lld / %lld >= %lld", (long long) gen_small(0, 9), (long long) gen_small(0, 3),
			(long long) gen_small(0, 9)); break;
		case 16: emit("active == %s", fuzz_u8(in) % 2 ? "true" : "false"); break;
		default: emit("'%s' in bought", POOL(in, sku_pool)); break;
	}
}

static void gen_expr(int depth, int own_index)
{
	uint8_t op = depth > 0 ? fuzz_u8(in) % 6 : 0;

	if (op <= 2) {
		gen_atom(own_index);
	} else if (op == 3) {
		emit("not (");
		gen_expr(depth - 1, own_index);
		emit(")");
	} else {
		emit("(");
		gen_expr(depth - 1, own_index);
		emit(op == 4 ? " and " : " or ");
		gen_expr(depth - 1, own_index);
		emit(")");
	}
}

/* ---- settings ---- */

/* A percent with at most two decimals, as an int or a float. */
static void gen_percent(const char *key)
{
	int bp = (int) (((unsigned) fuzz_u8(in) << 8 | fuzz_u8(in)) % 10001);

	if (bp % 100 == 0 || fuzz_u8(in) % 4 == 0) {
		emit("\"%s\": %d", key, bp / 100);
	} else {
		emit("\"%s\": %d.%02d", key, bp / 100, bp % 100);
	}
}

static void gen_carriers(void)
{
	size_t n = 1 + fuzz_pick(in, 3), i;

	emit(", \"carriers\": [");
	for (i = 0; i < n; i++) {
		emit("%s\"%s\"", i ? ", " : "", POOL(in, carrier_pool));
	}
	emit("]");
}

/* What a tier gives: a discount, a percent, free shipping (maybe for some carriers), or a mix. */
static void gen_tier(void)
{
	uint8_t kind = fuzz_u8(in) % 5;

	/* Mostly reachable thresholds, so that discounts are actually given and checked. */
	emit("{\"from\": %lld", (long long) (fuzz_u8(in) % 2 ? gen_small(0, 255) * 10 : gen_amount()));
	if (kind == 0 || kind == 3) {
		emit(", \"discount\": %lld", (long long) gen_amount());
	} else if (kind == 1 || kind == 4) {
		emit(", ");
		gen_percent("discount_percent");
	}
	if (kind >= 2) {
		emit(", \"free_shipping\": true");
		if (fuzz_u8(in) % 2) {
			gen_carriers();
		}
	}
	emit("}");
}

static void gen_flag(const char *key)
{
	uint8_t v = fuzz_u8(in) % 3;

	if (v < 2) {
		emit(", \"%s\": %s", key, v ? "true" : "false");
	}
}

static void gen_advantage(int index)
{
	static const char *const builtins[] = { "all", "disabled", "no_orders", "first_order_recent", "loyal", "customers" };
	uint8_t seg = fuzz_u8(in) % 4;
	size_t tiers = 1 + fuzz_pick(in, 4), i;

	emit("{\"id\": \"a%d\"", index);
	if (fuzz_u8(in) % 2) {
		emit(", \"label\": \"Advantage %d\"", index);
	}
	if (seg == 0) {
		emit(", \"segment\": \"%s\"", POOL(in, builtins));
	} else if (seg == 1 && g.segments > 0) {
		emit(", \"segment\": \"s%d\"", (int) fuzz_pick(in, (size_t) g.segments));
	} else if (seg == 2) {
		emit(", \"segment\": \"");
		gen_expr(2, g.segments);
		emit("\"");
	}
	gen_flag("earn_points");
	gen_flag("with_voucher");
	gen_flag("combinable");
	emit(", \"tiers\": [");
	for (i = 0; i < tiers; i++) {
		emit(i ? ", " : "");
		gen_tier();
	}
	emit("]}");
}

static void gen_bracket(void)
{
	uint8_t kind = fuzz_u8(in) % 6;

	emit("{\"from\": %lld", (long long) (fuzz_u8(in) % 2 ? gen_small(0, 255) : gen_amount()));
	switch (kind) {
		case 0: emit(", \"discount\": %lld", (long long) gen_amount()); break;
		case 1: emit(", "); gen_percent("discount_percent"); break;
		case 2: case 3:
			emit(", \"rate\": {\"points\": %lld, \"value\": %lld}", (long long) gen_small(1, 50), (long long) gen_amount());
			break;
		default: break;
	}
	if (kind >= 3 || fuzz_u8(in) % 4 == 0) {
		emit(", \"free_shipping\": true");
		if (fuzz_u8(in) % 2) {
			gen_carriers();
		}
	}
	if (kind != 2 && kind != 3 && fuzz_u8(in) % 3 == 0) {
		emit(", \"cost\": %lld", (long long) (fuzz_u8(in) % 2 ? gen_small(0, 255) : gen_amount()));
	}
	emit("}");
}

static void gen_loyalty(void)
{
	static const char *const policies[] = { "lose_used", "lose_all", "keep_all" };
	static const char *const ranks[] = { "points", "orders", "lifetime_points" };
	size_t brackets = fuzz_pick(in, 5), i;

	emit(", \"loyalty\": {");
	switch (fuzz_u8(in) % 3) {
		case 0: emit("\"earn\": {\"per_amount\": %lld, \"points\": %lld}", (long long) gen_small(1, 255) * 10,
			(long long) gen_small(0, 5)); break;
		case 1: emit("\"earn\": {\"per_order\": %lld}", (long long) gen_amount()); break;
		default: emit("\"earn\": {\"per_amount\": %lld}", (long long) (1 + gen_amount() % 100000)); break;
	}
	gen_flag("earn_with_voucher");
	gen_flag("earn_with_loyalty_discount");
	emit(", \"spend\": {\"policy\": \"%s\", \"from_order\": %lld, \"min_cart\": %lld", POOL(in, policies),
		(long long) gen_small(1, 4), (long long) (fuzz_u8(in) % 2 ? 0 : gen_amount()));
	gen_flag("with_voucher");
	gen_flag("with_advantage");
	if (fuzz_u8(in) % 3 == 0) {
		emit(", ");
		gen_percent("max_percent");
	}
	emit("}, \"rank_by\": \"%s\", \"brackets\": [", POOL(in, ranks));
	for (i = 0; i < brackets; i++) {
		emit(i ? ", " : "");
		gen_bracket();
	}
	emit("]");
	if (fuzz_u8(in) % 4 == 0) {
		emit(", \"expiry\": {\"days\": %lld, \"mode\": \"%s\", \"warn_days\": [30, 7]}", (long long) gen_small(1, 255),
			fuzz_u8(in) % 2 ? "rolling" : "per_lot");
	}
	if (fuzz_u8(in) % 4 == 0) {
		emit(", \"rewards\": {\"threshold\": %lld, \"coupon\": {\"discount\": %lld}}", (long long) gen_small(1, 255),
			(long long) gen_amount());
	}
	emit(", \"pending_days\": %lld}", (long long) gen_small(0, 30));
}

static void gen_settings(void)
{
	static const char *const roundings[] = { "half_up", "half_even", "down" };
	size_t advantages = 1 + fuzz_pick(in, 8), i;
	int s;

	g.segments = (int) fuzz_pick(in, 5);
	emit("{\"rounding\": \"%s\", \"segments\": {", POOL(in, roundings));
	for (s = 0; s < g.segments; s++) {
		emit("%s\"s%d\": \"", s ? ", " : "", s);
		gen_expr(3, s);
		emit("\"");
	}
	emit("}, \"advantages\": [");
	for (i = 0; i < advantages; i++) {
		emit(i ? ", " : "");
		gen_advantage((int) i);
	}
	emit("]");
	if (fuzz_u8(in) % 4 != 0) {
		gen_loyalty();
	}
	emit("}");
}

/* ---- customer and cart, as the glue would pass them ---- */

static int64_t gen_date(void)
{
	uint8_t mode = fuzz_u8(in) % 8;

	if (mode == 7) {
		g.near = true;
		return fuzz_u8(in) % 2 ? INT64_MIN + fuzz_u8(in) : INT64_MAX - fuzz_u8(in);
	}
	return NOW - gen_small(0, 255) * (mode < 4 ? DAY : 7 * DAY) + gen_small(0, 255) * 60;
}

static void gen_list(lty_str_list *out, lty_str *items, const char *const *pool, size_t pool_size)
{
	size_t n = fuzz_pick(in, MAX_LIST + 1), i;

	for (i = 0; i < n; i++) {
		const char *s = pool[fuzz_pick(in, pool_size)];
		items[i].ptr = s;
		items[i].len = strlen(s);
	}
	out->items = items;
	out->count = n;
}

static lty_str pool_str(const char *const *pool, size_t n)
{
	uint8_t pick = fuzz_u8(in);
	lty_str s = { NULL, 0 };

	if (pick % (n + 1) < n) {
		s.ptr = pool[pick % (n + 1)];
		s.len = strlen(s.ptr);
	}
	return s;
}

static void gen_customer(lty_scalar *attrs, size_t attr_count)
{
	size_t i;

	memset(&customer, 0, sizeof(customer));
	now = fuzz_u8(in) % 16 == 0 ? (g.near = true, INT64_MAX - fuzz_u8(in)) : NOW + gen_small(0, 255) * DAY;
	customer.active = fuzz_u8(in) % 8 != 7;
	customer.orders = fuzz_u8(in) % 8 == 0 ? gen_amount() : gen_small(0, 30);
	customer.spent = gen_amount();
	customer.points = fuzz_u8(in) % 4 == 0 ? gen_amount() : gen_small(0, 255);
	customer.lifetime_points = gen_amount();
	if ((customer.has_first_order = fuzz_u8(in) % 2)) {
		customer.first_order = gen_date();
	}
	if ((customer.has_last_order = fuzz_u8(in) % 2)) {
		customer.last_order = gen_date();
	}
	customer.city = pool_str(city_pool, 4);
	customer.postcode = pool_str(postcode_pool, 4);
	customer.country = pool_str(country_pool, 4);
	gen_list(&customer.groups, groups, group_pool, 4);
	gen_list(&customer.carriers, carriers_seen, carrier_pool, 4);
	gen_list(&customer.bought, bought, sku_pool, 4);
	for (i = 0; i < attr_count; i++) {
		memset(&attrs[i], 0, sizeof(attrs[i]));
		switch (fuzz_u8(in) % 5) {
			case 0: attrs[i].kind = LTY_SCALAR_NULL; break;
			case 1: attrs[i].kind = LTY_SCALAR_INT; attrs[i].u.i = gen_small(0, 3); break;
			case 2: attrs[i].kind = LTY_SCALAR_STRING; attrs[i].u.s = (lty_str) { "gold", 4 }; break;
			case 3: attrs[i].kind = LTY_SCALAR_DECIMAL; attrs[i].u.i = 1500000; break; /* 1.5 */
			default: attrs[i].kind = LTY_SCALAR_BOOL; attrs[i].u.b = true; break;
		}
	}
	customer.attrs = attrs;
}

/* false when the glue would refuse the cart (an amount overflows 64 bits). */
static bool gen_cart(void)
{
	size_t i;

	memset(&cart, 0, sizeof(cart));
	cart.has_lines = fuzz_u8(in) % 4 != 3;
	if (cart.has_lines) {
		cart.line_count = (fuzz_u8(in) + 1u) % (MAX_LINES + 1);
		for (i = 0; i < cart.line_count; i++) {
			lines[i].sku.ptr = POOL(in, sku_pool);
			lines[i].sku.len = strlen(lines[i].sku.ptr);
			lines[i].qty = fuzz_u8(in) % 8 == 0 ? gen_amount() : gen_small(0, 5);
			lines[i].price = gen_amount();
			if (__builtin_mul_overflow(lines[i].qty, lines[i].price, &lines[i].amount)
					|| __builtin_add_overflow(cart.subtotal, lines[i].amount, &cart.subtotal)) {
				return false;
			}
		}
		cart.lines = lines;
		/* Small factors can still make a subtotal near the limits. */
		g.near = g.near || cart.subtotal > NEAR_LIMIT;
	} else {
		cart.subtotal = gen_amount();
	}
	cart.carrier = pool_str(carrier_pool, 4);
	cart.shipping = fuzz_u8(in) % 2 ? gen_small(0, 255) * 10 : gen_amount();
	cart.voucher_count = fuzz_u8(in) % 4 == 3 ? 1 : 0;
	cart.voucher_discount = fuzz_u8(in) % 4 == 3 ? gen_amount() : 0;
	switch (fuzz_u8(in) % 4) {
		case 3: cart.use_points = false; break;
		case 1:
			cart.use_points_limited = true;
			cart.use_points_max = fuzz_u8(in) % 2 ? gen_small(0, 255) : gen_amount();
			cart.use_points = cart.use_points_max > 0;
			break;
		default: cart.use_points = true; break;
	}
	return true;
}

static void dump_case(void)
{
	size_t i;

	fprintf(stderr, "settings: %.*s\n", (int) g.len, g.json);
	fprintf(stderr, "now %lld; customer: active %d orders %lld spent %lld points %lld lifetime %lld first %d:%lld last %d:%lld"
		" groups %zu carriers %zu bought %zu\n", (long long) now, customer.active, (long long) customer.orders,
		(long long) customer.spent, (long long) customer.points, (long long) customer.lifetime_points,
		customer.has_first_order, (long long) customer.first_order, customer.has_last_order,
		(long long) customer.last_order, customer.groups.count, customer.carriers.count, customer.bought.count);
	fprintf(stderr, "cart: subtotal %lld lines %zu (given %d) carrier %.*s shipping %lld vouchers %zu voucher_discount %lld"
		" use_points %d limited %d max %lld\n", (long long) cart.subtotal, cart.line_count, cart.has_lines,
		cart.carrier.ptr ? (int) cart.carrier.len : 4, cart.carrier.ptr ? cart.carrier.ptr : "none",
		(long long) cart.shipping, cart.voucher_count, (long long) cart.voucher_discount, cart.use_points,
		cart.use_points_limited, (long long) cart.use_points_max);
	for (i = 0; i < cart.line_count; i++) {
		fprintf(stderr, "  line %zu: %.*s qty %lld price %lld\n", i, (int) lines[i].sku.len, lines[i].sku.ptr,
			(long long) lines[i].qty, (long long) lines[i].price);
	}
}

/* ---- invariants ---- */

static bool same_str(lty_str a, lty_str b)
{
	return a.len == b.len && (a.len == 0 || memcmp(a.ptr, b.ptr, a.len) == 0);
}

static void check_same(const lty_program *p, const lty_result *a, const lty_result *b)
{
	lty_rejection_cursor ca = { 0, 0 }, cb = { 0, 0 };
	lty_rejected x, y;
	char mx[LTY_MESSAGE_MAX], my[LTY_MESSAGE_MAX];
	size_t i;

	FUZZ_ASSERT(a->subtotal == b->subtotal && a->discount == b->discount && a->shipping == b->shipping
		&& a->shipping_discount == b->shipping_discount && a->free_shipping == b->free_shipping && a->total == b->total
		&& a->points_earned == b->points_earned && a->points_spent == b->points_spent
		&& a->points_balance == b->points_balance && a->applied_count == b->applied_count
		&& lty_result_rejected_count(a) == lty_result_rejected_count(b), "two evaluations differ");
	for (i = 0; i < a->applied_count; i++) {
		const lty_applied *x = &a->applied[i], *y = &b->applied[i];
		FUZZ_ASSERT(x->source == y->source && same_str(x->id, y->id) && same_str(x->label, y->label)
			&& x->discount == y->discount && x->free_shipping == y->free_shipping && x->points_spent == y->points_spent,
			"applied[%zu] differs between two evaluations", i);
	}
	for (i = 0; lty_result_next_rejection(p, a, &ca, &x); i++) {
		FUZZ_ASSERT(lty_result_next_rejection(p, b, &cb, &y), "rejected[%zu] missing from the second evaluation", i);
		lty_rejected_message(&x, mx, sizeof(mx));
		lty_rejected_message(&y, my, sizeof(my));
		FUZZ_ASSERT(x.source == y.source && same_str(x.id, y.id) && x.reason == y.reason
			&& x.has_missing == y.has_missing && (!x.has_missing || x.missing == y.missing)
			&& strcmp(mx, my) == 0, "rejected[%zu] differs between two evaluations", i);
	}
	for (i = 0; i < cart.line_count; i++) {
		FUZZ_ASSERT(a->line_discounts[i] == b->line_discounts[i], "line %zu differs between two evaluations", i);
	}
}

static void evaluate(const lty_program *p)
{
	lty_arena a1, a2;
	lty_result r1, r2;
	lty_error e1, e2;
	uint8_t *memo = malloc(p->segment_count);
	lty_status s1, s2;

	FUZZ_ASSERT(memo != NULL, "out of memory");
	lty_arena_init(&a1, &fuzz_counting);
	lty_arena_init(&a2, &fuzz_counting);
	if (fuzz_verbose()) {
		dump_case();
	}
	s1 = lty_checkout_evaluate(p, &cart, &customer, now, 0, memo, &a1, &r1, &e1);
	s2 = lty_checkout_evaluate(p, &cart, &customer, now, 0, memo, &a2, &r2, &e2);
	FUZZ_ASSERT(s1 == s2, "two evaluations differ: %d then %d", s1, s2);
	if (fuzz_verbose()) {
		fprintf(stderr, "status %d: discount %lld total %lld earned %lld spent %lld balance %lld, %zu applied, %zu rejected\n",
			s1, (long long) r1.discount, (long long) r1.total, (long long) r1.points_earned, (long long) r1.points_spent,
			(long long) r1.points_balance, r1.applied_count, lty_result_rejected_count(&r1));
		if (s1 == LTY_OK) {
			lty_rejection_cursor c = { 0, 0 };
			lty_rejected x;
			char message[LTY_MESSAGE_MAX];
			while (lty_result_next_rejection(p, &r1, &c, &x)) {
				lty_rejected_message(&x, message, sizeof(message));
				fprintf(stderr, "  rejected %.*s: %s\n", (int) x.id.len, x.id.ptr, message);
			}
		}
	}
	if (s1 == LTY_OK) {
		FUZZ_ASSERT(lty_result_line_discounts(&r1, &a1, &e1) != NULL && lty_result_line_discounts(&r2, &a2, &e2) != NULL,
			"line discounts: %s", e1.message);
		fuzz_check_result(p, &cart, &customer, &r1);
		check_same(p, &r1, &r2);
	} else {
		FUZZ_ASSERT(s1 == LTY_ERR_INPUT && g.near, "status %d without inputs near the 64-bit limits: %s", s1, e1.message);
		FUZZ_ASSERT(strlen(e1.message) > 0 && strcmp(e1.message, e2.message) == 0, "error messages differ");
	}
	lty_arena_free(&a1);
	lty_arena_free(&a2);
	/* Once more with the arena's allocator failing early: a clean status, nothing kept. */
	fuzz_fail_after = (long) (fuzz_u8(&cart_bytes) % 4);
	lty_arena_init(&a1, &fuzz_failing);
	s2 = lty_checkout_evaluate(p, &cart, &customer, now, 0, memo, &a1, &r2, &e2);
	FUZZ_ASSERT(s2 == s1 || s2 == LTY_ERR_NOMEM, "status %d when memory runs out, %d otherwise", s2, s1);
	if (s2 == LTY_OK) {
		FUZZ_ASSERT(lty_result_line_discounts(&r2, &a1, &e2) != NULL || e2.status == LTY_ERR_NOMEM,
			"line discounts when memory runs out: %s", e2.message);
	}
	lty_arena_free(&a1);
	fuzz_fail_after = -1;
	free(memo);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	lty_arena doc_arena;
	lty_doc *doc;
	lty_program *p = NULL;
	lty_error err;
	lty_scalar *attrs;

	fuzz_bytes_init(&cart_bytes, data, size < CART_BYTES ? size : CART_BYTES);
	fuzz_bytes_init(&g.b, data + cart_bytes.len, size - cart_bytes.len);
	in = &g.b;
	g.len = 0;
	g.near = false;
	g.json[0] = '\0';
	memset(&cart, 0, sizeof(cart));
	memset(&customer, 0, sizeof(customer));
	fuzz_dump = dump_case;
	gen_settings();
	lty_arena_init(&doc_arena, &lty_malloc_allocator);
	doc = fuzz_parse_doc(&doc_arena, g.json, g.len);
	FUZZ_ASSERT(doc != NULL, "the generated settings do not parse");
	FUZZ_ASSERT(lty_program_load(&fuzz_counting, NULL, doc, &p, &err) == LTY_OK, "valid settings refused: %s", err.message);
	attrs = calloc(p->attr_count ? p->attr_count : 1, sizeof(lty_scalar));
	FUZZ_ASSERT(attrs != NULL, "out of memory");
	in = &cart_bytes;
	gen_customer(attrs, p->attr_count);
	if (gen_cart()) {
		evaluate(p);
	}
	free(attrs);
	lty_program_free(p);
	lty_arena_free(&doc_arena);
	FUZZ_ASSERT(fuzz_live_blocks == 0, "%ld blocks leaked", fuzz_live_blocks);
	return 0;
}
