/* toArray(): the normalized settings, every default filled in. Absent
 * sections (loyalty, earn, expiry, rewards) are null; unset values of a
 * benefit (discount, discount_percent, rate, carriers, max_percent,
 * valid_days) are left out. Keys are borrowed from the program. */
#include "lty_program.h"

#include <string.h>

typedef struct {
	lty_arena *arena;
	bool ok;
} exporter;

static lty_doc *map_new(exporter *x, size_t capacity)
{
	lty_doc *d = lty_doc_array(x->arena, LTY_DOC_MAP, capacity);

	if (d == NULL) {
		x->ok = false;
		return NULL;
	}
	d->u.c.count = 0;
	return d;
}

static lty_doc *list_new(exporter *x, lty_doc *slot, size_t count)
{
	if (slot == NULL || !lty_doc_make_container(x->arena, slot, LTY_DOC_LIST, count)) {
		x->ok = false;
		return NULL;
	}
	return slot;
}

/* A new member of map; NULL once anything failed (every put then does nothing). */
static lty_doc *put(exporter *x, lty_doc *map, const char *key, size_t key_len)
{
	lty_doc *slot;

	if (!x->ok || map == NULL) {
		x->ok = false;
		return NULL;
	}
	slot = &map->u.c.items[map->u.c.count];
	map->u.c.keys[map->u.c.count] = key;
	map->u.c.key_lens[map->u.c.count] = key_len;
	map->u.c.count++;
	slot->kind = LTY_DOC_NULL;
	return slot;
}

#define PUT(x, map, key) put((x), (map), (key), sizeof(key) - 1)

static void set_int(lty_doc *d, int64_t i)
{
	if (d != NULL) {
		d->kind = LTY_DOC_INT;
		d->u.i = i;
	}
}

static void set_bool(lty_doc *d, bool b)
{
	if (d != NULL) {
		d->kind = LTY_DOC_BOOL;
		d->u.b = b;
	}
}

static void set_str(lty_doc *d, const lty_str *s)
{
	if (d != NULL) {
		d->kind = LTY_DOC_STRING;
		d->u.str.ptr = s->ptr;
		d->u.str.len = s->len;
	}
}

static void set_cstr(lty_doc *d, const char *s)
{
	lty_str str = { s, strlen(s) };
	set_str(d, &str);
}

/* Whole percents as int, others as float (2.5). */
static void set_percent(lty_doc *d, int32_t bp)
{
	if (d == NULL) {
		return;
	}
	if (bp % 100 == 0) {
		set_int(d, bp / 100);
	} else {
		d->kind = LTY_DOC_DOUBLE;
		d->u.d = bp / 100.0;
	}
}

static void set_strings(exporter *x, lty_doc *d, const lty_str_list *l)
{
	size_t i;

	if (list_new(x, d, l->count) == NULL) {
		return;
	}
	for (i = 0; i < l->count; i++) {
		set_str(&d->u.c.items[i], &l->items[i]);
	}
}

static void put_benefit(exporter *x, lty_doc *map, const lty_benefit *b, bool shipping, int64_t free_units)
{
	if (b->has_discount) {
		set_int(PUT(x, map, "discount"), b->discount);
	}
	if (b->has_percent) {
		set_percent(PUT(x, map, "discount_percent"), b->percent_bp);
	}
	if (free_units > 0) {
		set_int(PUT(x, map, "free_units"), free_units);
	}
	if (shipping) {
		set_bool(PUT(x, map, "free_shipping"), b->free_shipping);
		if (b->has_carriers) {
			set_strings(x, PUT(x, map, "carriers"), &b->carriers);
		}
	}
}

static void export_advantage(exporter *x, lty_doc *slot, const lty_advantage *a)
{
	lty_doc *m = map_new(x, 14), *tiers;
	const lty_schedule *s = a->schedule;
	size_t i;

	if (m == NULL) {
		return;
	}
	*slot = *m;
	set_str(PUT(x, slot, "id"), &a->id);
	set_str(PUT(x, slot, "label"), &a->label);
	set_str(PUT(x, slot, "segment"), &a->segment_source);
	set_bool(PUT(x, slot, "earn_points"), a->earn_points);
	set_bool(PUT(x, slot, "with_voucher"), a->with_voucher);
	set_bool(PUT(x, slot, "combinable"), a->combinable);
	set_cstr(PUT(x, slot, "tiers_on"), a->tiers_on_quantity ? "quantity" : "amount"); /* a default, as every other */
	if (a->lines != NULL) {
		set_str(PUT(x, slot, "lines"), &a->lines_source);
	}
	/* unset: left out, as the other optional values; dates as Unix time (SPEC 13) */
	if (a->max_uses > 0) {
		set_int(PUT(x, slot, "max_uses"), a->max_uses);
	}
	if (s != NULL && s->has_starts_at) {
		set_int(PUT(x, slot, "starts_at"), s->starts_at);
	}
	if (s != NULL && s->has_ends_at) {
		set_int(PUT(x, slot, "ends_at"), s->ends_at);
	}
	if (s != NULL && s->days.count > 0) {
		set_strings(x, PUT(x, slot, "days"), &s->days);
	}
	if (s != NULL && s->has_hours) {
		set_str(PUT(x, slot, "hours"), &s->hours);
	}
	tiers = list_new(x, PUT(x, slot, "tiers"), a->tier_count);
	for (i = 0; tiers != NULL && i < a->tier_count; i++) {
		lty_doc *t = map_new(x, 6);
		if (t == NULL) {
			return;
		}
		tiers->u.c.items[i] = *t;
		set_int(PUT(x, &tiers->u.c.items[i], "from"), a->tiers[i].from);
		put_benefit(x, &tiers->u.c.items[i], &a->tiers[i].benefit, true, a->tiers[i].free_units);
	}
}

/* earn.exclude and earn.bonus, when set (SPEC 11). */
static void export_earn_lines(exporter *x, lty_doc *earn, const lty_loyalty *y)
{
	lty_doc *list;
	size_t i;

	if (y->earn_exclude != NULL) {
		set_str(PUT(x, earn, "exclude"), &y->earn_exclude_source);
	}
	if (y->earn_bonus == NULL) {
		return;
	}
	list = list_new(x, PUT(x, earn, "bonus"), y->earn_bonus_count);
	for (i = 0; list != NULL && i < y->earn_bonus_count; i++) {
		lty_doc *m = map_new(x, 2);
		if (m == NULL) {
			return;
		}
		list->u.c.items[i] = *m;
		set_str(PUT(x, &list->u.c.items[i], "lines"), &y->earn_bonus[i].source);
		set_percent(PUT(x, &list->u.c.items[i], "multiplier"), y->earn_bonus[i].multiplier);
	}
}

static void export_bracket(exporter *x, lty_doc *slot, const lty_loyalty *y, const lty_bracket *b)
{
	lty_doc *m = map_new(x, 7);

	if (m == NULL) {
		return;
	}
	*slot = *m;
	set_int(PUT(x, slot, "from"), b->from);
	put_benefit(x, slot, &b->benefit, false, 0);
	if (b->has_rate) {
		lty_doc *rate = map_new(x, 2), *r = PUT(x, slot, "rate");
		if (rate != NULL && r != NULL) {
			*r = *rate;
			set_int(PUT(x, r, "points"), b->rate_points);
			set_int(PUT(x, r, "value"), b->rate_value);
		}
	}
	set_bool(PUT(x, slot, "free_shipping"), b->benefit.free_shipping);
	if (b->benefit.has_carriers) {
		set_strings(x, PUT(x, slot, "carriers"), &b->benefit.carriers);
	}
	if (!b->has_rate) {
		set_int(PUT(x, slot, "cost"), lty_bracket_cost(y, b));
	}
}

static const char *policy_name(lty_policy p)
{
	return p == LTY_POLICY_LOSE_ALL ? "lose_all" : p == LTY_POLICY_KEEP_ALL ? "keep_all" : "lose_used";
}

static const char *rank_name(lty_rank r)
{
	return r == LTY_RANK_ORDERS ? "orders" : r == LTY_RANK_LIFETIME_POINTS ? "lifetime_points" : "points";
}

static void export_sections(exporter *x, lty_doc *m, const lty_loyalty *y)
{
	lty_doc *d, *e;
	size_t i;

	if (y->has_expiry) {
		d = PUT(x, m, "expiry");
		e = map_new(x, 3);
		if (d != NULL && e != NULL) {
			*d = *e;
			set_int(PUT(x, d, "days"), y->expiry_days);
			set_cstr(PUT(x, d, "mode"), y->expiry_mode == LTY_EXPIRY_PER_LOT ? "per_lot" : "rolling");
			e = list_new(x, PUT(x, d, "warn_days"), y->warn_count);
			for (i = 0; e != NULL && i < y->warn_count; i++) {
				set_int(&e->u.c.items[i], y->warn_days[i]);
			}
		}
	} else {
		PUT(x, m, "expiry");
	}
	if (y->has_rewards) {
		lty_doc *coupon;
		d = PUT(x, m, "rewards");
		e = map_new(x, 2);
		coupon = map_new(x, 4);
		if (d != NULL && e != NULL && coupon != NULL) {
			*d = *e;
			set_int(PUT(x, d, "threshold"), y->reward_threshold);
			e = PUT(x, d, "coupon");
			if (e != NULL) {
				*e = *coupon;
				put_benefit(x, e, &y->reward, false, 0);
				set_int(PUT(x, e, "min_cart"), y->reward_min_cart);
				if (y->reward_valid_days) {
					set_int(PUT(x, e, "valid_days"), y->reward_valid_days);
				}
			}
		}
	} else {
		PUT(x, m, "rewards");
	}
	set_int(PUT(x, m, "pending_days"), y->pending_days);
}

static void export_loyalty(exporter *x, lty_doc *slot, const lty_loyalty *y)
{
	lty_doc *m = map_new(x, 9), *d, *e;
	size_t i;

	if (m == NULL || slot == NULL) {
		x->ok = false;
		return;
	}
	*slot = *m;
	m = slot;
	d = PUT(x, m, "earn");
	if (y->earn_points || y->earn_per_amount || y->earn_per_order) {
		e = map_new(x, 4);
		if (d != NULL && e != NULL) {
			*d = *e;
			if (y->earn_per_order) {
				set_int(PUT(x, d, "per_order"), y->earn_points);
			} else {
				set_int(PUT(x, d, "per_amount"), y->earn_per_amount);
				set_int(PUT(x, d, "points"), y->earn_points);
			}
			export_earn_lines(x, d, y);
		}
	}
	set_bool(PUT(x, m, "earn_with_voucher"), y->earn_with_voucher);
	set_bool(PUT(x, m, "earn_with_loyalty_discount"), y->earn_with_loyalty_discount);
	d = PUT(x, m, "spend");
	e = map_new(x, 6);
	if (d != NULL && e != NULL) {
		*d = *e;
		set_cstr(PUT(x, d, "policy"), policy_name(y->policy));
		set_int(PUT(x, d, "from_order"), y->from_order);
		set_int(PUT(x, d, "min_cart"), y->min_cart);
		set_bool(PUT(x, d, "with_voucher"), y->spend_with_voucher);
		set_bool(PUT(x, d, "with_advantage"), y->spend_with_advantage);
		if (y->has_max_percent) {
			set_percent(PUT(x, d, "max_percent"), y->max_percent_bp);
		}
	}
	set_cstr(PUT(x, m, "rank_by"), rank_name(y->rank_by));
	d = list_new(x, PUT(x, m, "brackets"), y->bracket_count);
	for (i = 0; d != NULL && i < y->bracket_count; i++) {
		export_bracket(x, &d->u.c.items[i], y, &y->brackets[i]);
	}
	export_sections(x, m, y);
}

lty_doc *lty_program_to_doc(const lty_program *p, lty_arena *arena)
{
	exporter x = { arena, true };
	lty_doc *root = map_new(&x, 5), *d;
	static const char *const roundings[] = { "half_up", "half_even", "down" };
	size_t i;

	set_cstr(PUT(&x, root, "rounding"), roundings[p->rounding]);
	set_str(PUT(&x, root, "timezone"), &p->timezone); /* always: a compiled program keeps its own */
	d = PUT(&x, root, "segments");
	if (d != NULL) {
		lty_doc *m = map_new(&x, p->segment_count - LTY_SEG_BUILTIN_COUNT);
		if (m != NULL) {
			*d = *m;
			for (i = LTY_SEG_BUILTIN_COUNT; i < p->segment_count; i++) {
				size_t len;
				lty_str src;
				src.ptr = lty_expr_source(p->segments[i].expr, &len);
				src.len = len;
				set_str(put(&x, d, p->segments[i].name.ptr, p->segments[i].name.len), &src);
			}
		}
	}
	d = list_new(&x, PUT(&x, root, "advantages"), p->advantage_count);
	for (i = 0; d != NULL && i < p->advantage_count; i++) {
		export_advantage(&x, &d->u.c.items[i], &p->advantages[i]);
	}
	d = PUT(&x, root, "loyalty");
	if (p->has_loyalty) {
		export_loyalty(&x, d, &p->loyalty);
	}
	return x.ok ? root : NULL;
}
