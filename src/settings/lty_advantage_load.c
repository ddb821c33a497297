/* The advantages section (SPEC 6): tiered benefits for a segment. */
#include "../base/lty_hash.h"
#include "../base/lty_limits.h"
#include "lty_settings.h"
#include "lty_thresholds.h"

#include <string.h>

/* `free_units` (SPEC 11, 13): an int >= 1, from >= 1 units, tiers_on quantity, no discount beside it. */
static lty_status check_free_units(lty_loader *l, const lty_tier *t, const lty_advantage *a)
{
	const char *problem = NULL;
	size_t old;

	if (!a->tiers_on_quantity) {
		problem = "needs tiers_on: quantity (free units are counted per `from` units)";
	} else if (t->benefit.has_discount || t->benefit.has_percent) {
		problem = "excludes discount and discount_percent";
	} else if (t->from < 1) {
		problem = "needs from >= 1 (units)";
	}
	if (problem == NULL) {
		return LTY_OK;
	}
	old = lty_path_key(l, "free_units");
	lty_fail(l, "%s", problem);
	lty_path_pop(l, old);
	return LTY_ERR_CONFIG;
}

static lty_status load_tier(lty_loader *l, const lty_doc *d, lty_tier *t, const lty_advantage *a)
{
	static const lty_key keys[] = {
		LTY_KEY("from"), LTY_KEY("discount"), LTY_KEY("discount_percent"), LTY_KEY("free_units"),
		LTY_KEY("free_shipping"), LTY_KEY("carriers"), LTY_KEYS_END
	};
	bool has_free_units;

	if (lty_expect_map(l, d, keys) != LTY_OK
			|| (a->tiers_on_quantity ? lty_read_int(l, d, "from", 0, 0, INT64_MAX, NULL, &t->from)
				: lty_read_money(l, d, "from", 0, NULL, &t->from)) != LTY_OK
			|| lty_read_benefit(l, d, &t->benefit) != LTY_OK
			|| lty_read_int(l, d, "free_units", 0, 1, INT64_MAX, &has_free_units, &t->free_units) != LTY_OK
			|| (has_free_units && check_free_units(l, t, a) != LTY_OK)) {
		return l->err->status;
	}
	if (!t->benefit.has_discount && !t->benefit.has_percent && !t->benefit.free_shipping && !has_free_units) {
		return lty_fail(l, "gives nothing: set discount, discount_percent, free_units or free_shipping");
	}
	return LTY_OK;
}

static lty_status load_tiers(lty_loader *l, const lty_doc *map, lty_advantage *a)
{
	const lty_doc *list = lty_loader_member(l, map, "tiers");
	size_t old = lty_path_key(l, "tiers"), i;
	lty_tier *tiers;

	if (list == NULL) {
		return lty_fail(l, "is required (a non-empty list of tiers)");
	}
	if (list->kind != LTY_DOC_LIST) {
		return lty_fail(l, "expected a list of tiers, got %s", lty_doc_type_name(list));
	}
	if (list->u.c.count == 0) {
		return lty_fail(l, "must not be empty");
	}
	if (list->u.c.count > LTY_MAX_TIERS) {
		return lty_fail(l, "too many tiers (%zu, at most %d)", list->u.c.count, LTY_MAX_TIERS);
	}
	tiers = lty_arena_array(l->arena, list->u.c.count, sizeof(lty_tier));
	if (tiers == NULL) {
		return lty_fail_nomem(l);
	}
	for (i = 0; i < list->u.c.count; i++) {
		size_t at = lty_path_index(l, i);
		if (load_tier(l, &list->u.c.items[i], &tiers[i], a) != LTY_OK) {
			return l->err->status;
		}
		lty_path_pop(l, at);
	}
	a->tiers = tiers;
	a->tier_count = list->u.c.count;
	a->tier_sorted = lty_thresholds_sort(l->arena, tiers, a->tier_count, sizeof(lty_tier), offsetof(lty_tier, from));
	if (a->tier_sorted == NULL) {
		return lty_fail_nomem(l);
	}
	lty_path_pop(l, old);
	return LTY_OK;
}

/* A segment name, else an inline expression (SPEC 10). Absent: `all`. */
static lty_status load_segment(lty_loader *l, const lty_doc *map, lty_advantage *a)
{
	static const lty_str all = { "all", 3 };
	size_t old;

	if (lty_read_string(l, map, "segment", false, NULL, &a->segment_source) != LTY_OK) {
		return l->err->status;
	}
	if (a->segment_source.ptr == NULL) {
		a->segment_source = all;
	}
	a->segment = lty_program_segment_index(l->program, a->segment_source.ptr, a->segment_source.len);
	if (a->segment >= 0) {
		return LTY_OK;
	}
	old = lty_path_key(l, "segment");
	if (lty_compile_expr(l, &a->segment_source, &a->inline_expr) != LTY_OK) {
		return l->err->status;
	}
	lty_path_pop(l, old);
	return LTY_OK;
}

/* Texts of advantages seen so far (ids, `lines`): open addressing over the advantages'
 * indexes, sized for all of them, so that 100,000 advantages are looked up in linear time. */
typedef struct {
	size_t *slots;          /* advantage index + 1; 0 is empty */
	size_t mask;
	size_t field;           /* offset of the lty_str looked up in lty_advantage */
} text_set;

static const lty_str *text_of(const text_set *set, const lty_advantage *a)
{
	return (const lty_str *) ((const char *) a + set->field);
}

/* The index of an earlier advantage with the same text as advs[index]; SIZE_MAX when it is new
 * (and now recorded). */
static size_t text_set_add(text_set *set, const lty_advantage *advs, size_t index)
{
	const lty_str *text = text_of(set, &advs[index]);
	size_t slot = (size_t) lty_hash_bytes(text->ptr, text->len) & set->mask;

	while (set->slots[slot] != 0) {
		const lty_str *other = text_of(set, &advs[set->slots[slot] - 1]);
		if (other->len == text->len && memcmp(other->ptr, text->ptr, text->len) == 0) {
			return set->slots[slot] - 1;
		}
		slot = (slot + 1) & set->mask;
	}
	set->slots[slot] = index + 1;
	return SIZE_MAX;
}

/* `tiers_on` (amount or quantity) and `lines`, a line expression (SPEC 11). */
static lty_status load_lines(lty_loader *l, const lty_doc *map, lty_advantage *a, text_set *texts, lty_advantage *advs, size_t index)
{
	size_t same;
	static const char *const bases[] = { "amount", "quantity", NULL };
	lty_str base;
	size_t old;

	if (lty_read_string(l, map, "tiers_on", false, bases, &base) != LTY_OK
			|| lty_read_string(l, map, "lines", false, NULL, &a->lines_source) != LTY_OK) {
		return l->err->status;
	}
	a->tiers_on_quantity = base.ptr != NULL && base.len == strlen("quantity");
	if (a->lines_source.ptr == NULL) {
		return LTY_OK;
	}
	/* the same text, the same expression: a cart line is then matched once per evaluation */
	if ((same = text_set_add(texts, advs, index)) != SIZE_MAX) {
		a->lines = advs[same].lines;
		a->lines_index = advs[same].lines_index;
		return LTY_OK;
	}
	a->lines_index = l->program->line_expr_count++;
	old = lty_path_key(l, "lines");
	if (lty_compile_line_expr(l, &a->lines_source, &a->lines) != LTY_OK) {
		return l->err->status;
	}
	lty_path_pop(l, old);
	return LTY_OK;
}

/* A date of the settings: an int (Unix time) or a string the host reads in the program's timezone. */
static lty_status read_date(lty_loader *l, const lty_doc *map, const char *key, bool *has, int64_t *out)
{
	const lty_doc *d = lty_loader_member(l, map, key);
	const lty_str *tz = &l->program->timezone;
	lty_status st = LTY_OK;
	char shown[96];
	size_t old;

	*has = d != NULL;
	if (d == NULL) {
		return LTY_OK;
	}
	old = lty_path_key(l, key);
	if (d->kind == LTY_DOC_INT) {
		*out = d->u.i;
	} else if (d->kind != LTY_DOC_STRING) {
		st = lty_fail(l, "expected int (Unix time) or date string, got %s", lty_doc_type_name(d));
	} else if (l->host == NULL || !l->host->read_date(l->host->ctx, d->u.str.ptr, d->u.str.len, tz->ptr, tz->len, out)) {
		lty_printable(shown, sizeof(shown), d->u.str.ptr, d->u.str.len);
		st = lty_fail(l, "invalid date '%s'", shown);
	}
	lty_path_pop(l, old);
	return st;
}

/* `days`: a non-empty list of lowercase day names. */
static lty_status read_days(lty_loader *l, const lty_doc *map, lty_schedule *s)
{
	bool present;
	size_t i;

	s->day_bits = 0x7f;
	if (lty_read_strings(l, map, "days", &present, &s->days) != LTY_OK) {
		return l->err->status;
	}
	if (!present) {
		return LTY_OK;
	}
	if (s->days.count == 0) {
		size_t old = lty_path_key(l, "days");
		lty_fail(l, "must not be empty (leave it out for every day)");
		lty_path_pop(l, old);
		return LTY_ERR_CONFIG;
	}
	s->day_bits = 0;
	for (i = 0; i < s->days.count; i++) {
		int bit = lty_day_bit(s->days.items[i].ptr, s->days.items[i].len);
		if (bit < 0) {
			size_t old = lty_path_key(l, "days"), at = lty_path_index(l, i);
			char shown[96];
			lty_printable(shown, sizeof(shown), s->days.items[i].ptr, s->days.items[i].len);
			lty_fail(l, "unknown day '%s' (mon, tue, wed, thu, fri, sat or sun)", shown);
			lty_path_pop(l, at);
			lty_path_pop(l, old);
			return LTY_ERR_CONFIG;
		}
		s->day_bits |= (uint8_t) (1u << bit);
	}
	return LTY_OK;
}

/* starts_at, ends_at, days, hours (SPEC 11, 13). */
static lty_status load_schedule(lty_loader *l, const lty_doc *map, lty_advantage *a)
{
	lty_schedule read, *s = &read;
	lty_schedule *kept;

	memset(s, 0, sizeof(*s));
	if (read_date(l, map, "starts_at", &s->has_starts_at, &s->starts_at) != LTY_OK
			|| read_date(l, map, "ends_at", &s->has_ends_at, &s->ends_at) != LTY_OK
			|| read_days(l, map, s) != LTY_OK
			|| lty_read_string(l, map, "hours", false, NULL, &s->hours) != LTY_OK) {
		return l->err->status;
	}
	s->has_hours = s->hours.ptr != NULL;
	if (s->has_hours && !lty_hours_parse(s->hours.ptr, s->hours.len, &s->open, &s->close)) {
		size_t old = lty_path_key(l, "hours");
		char shown[96];
		lty_printable(shown, sizeof(shown), s->hours.ptr, s->hours.len);
		lty_fail(l, "expected \"HH:MM-HH:MM\" (00:00 to 24:00, start and end different), got '%s'", shown);
		lty_path_pop(l, old);
		return LTY_ERR_CONFIG;
	}
	a->schedule = NULL;
	if (lty_schedule_set(s)) {
		if ((kept = lty_arena_alloc(l->arena, sizeof(*kept))) == NULL) {
			return lty_fail_nomem(l);
		}
		*kept = *s;
		a->schedule = kept;
	}
	l->program->has_clock = l->program->has_clock || lty_schedule_has_clock(s);
	return LTY_OK;
}

static lty_status load_advantage(lty_loader *l, const lty_doc *d, lty_advantage *a, lty_advantage *before,
	size_t n, text_set *ids, text_set *lines)
{
	size_t same;
	static const lty_key keys[] = {
		LTY_KEY("id"), LTY_KEY("label"), LTY_KEY("segment"), LTY_KEY("earn_points"),
		LTY_KEY("with_voucher"), LTY_KEY("combinable"), LTY_KEY("tiers_on"), LTY_KEY("lines"),
		LTY_KEY("max_uses"), LTY_KEY("starts_at"), LTY_KEY("ends_at"), LTY_KEY("days"), LTY_KEY("hours"),
		LTY_KEY("tiers"), LTY_KEYS_END
	};

	if (lty_expect_map(l, d, keys) != LTY_OK
			|| lty_read_string(l, d, "id", true, NULL, &a->id) != LTY_OK
			|| lty_read_string(l, d, "label", false, NULL, &a->label) != LTY_OK) {
		return l->err->status;
	}
	if (a->id.len == 0) {
		size_t old = lty_path_key(l, "id");
		lty_fail(l, "must not be empty");
		lty_path_pop(l, old);
		return LTY_ERR_CONFIG;
	}
	if ((same = text_set_add(ids, before, n)) != SIZE_MAX) {
		size_t old = lty_path_key(l, "id");
		char shown[96];
		lty_printable(shown, sizeof(shown), a->id.ptr, a->id.len);
		lty_fail(l, "duplicate id '%s' (also advantages[%zu])", shown, same);
		lty_path_pop(l, old);
		return LTY_ERR_CONFIG;
	}
	if (a->label.ptr == NULL) {
		a->label = a->id;
	}
	if (load_segment(l, d, a) != LTY_OK
			|| lty_read_bool(l, d, "earn_points", true, &a->earn_points) != LTY_OK
			|| lty_read_bool(l, d, "with_voucher", false, &a->with_voucher) != LTY_OK
			|| lty_read_bool(l, d, "combinable", false, &a->combinable) != LTY_OK
			|| load_lines(l, d, a, lines, before, n) != LTY_OK
			|| lty_read_int(l, d, "max_uses", 0, 1, INT64_MAX, NULL, &a->max_uses) != LTY_OK
			|| load_schedule(l, d, a) != LTY_OK) {
		return l->err->status;
	}
	return load_tiers(l, d, a);
}

/* The advantages with max_uses get a slot each: the glue reads the customer's `uses` for those only. */
static lty_status index_limited(lty_loader *l, lty_advantage *advs, size_t count)
{
	size_t i, n = 0;
	size_t *limited;

	for (i = 0; i < count; i++) {
		n += advs[i].max_uses > 0;
	}
	if (n == 0) {
		return LTY_OK;
	}
	limited = lty_arena_array(l->arena, n, sizeof(size_t));
	if (limited == NULL) {
		return lty_fail_nomem(l);
	}
	for (i = 0, n = 0; i < count; i++) {
		if (advs[i].max_uses > 0) {
			advs[i].uses_slot = n;
			limited[n++] = i;
		}
	}
	l->program->limited = limited;
	l->program->limited_count = n;
	return LTY_OK;
}

lty_status lty_load_advantages(lty_loader *l, const lty_doc *list)
{
	lty_advantage *advs;
	text_set ids, lines;
	size_t i, size = 16;

	if (list->kind != LTY_DOC_LIST) {
		return lty_fail(l, "expected a list of advantages, got %s", lty_doc_type_name(list));
	}
	if (list->u.c.count > LTY_MAX_ADVANTAGES) {
		return lty_fail(l, "too many advantages (%zu, at most %d)", list->u.c.count, LTY_MAX_ADVANTAGES);
	}
	while (size < 2 * list->u.c.count && size < SIZE_MAX / 4) {
		size *= 2;
	}
	advs = lty_arena_array(l->arena, list->u.c.count ? list->u.c.count : 1, sizeof(lty_advantage));
	ids.slots = lty_arena_array(l->arena, size, sizeof(size_t));
	ids.mask = size - 1;
	ids.field = offsetof(lty_advantage, id);
	lines.slots = lty_arena_array(l->arena, size, sizeof(size_t));
	lines.mask = size - 1;
	lines.field = offsetof(lty_advantage, lines_source);
	if (advs == NULL || ids.slots == NULL || lines.slots == NULL) {
		return lty_fail_nomem(l);
	}
	for (i = 0; i < list->u.c.count; i++) {
		size_t old = lty_path_index(l, i);
		if (load_advantage(l, &list->u.c.items[i], &advs[i], advs, i, &ids, &lines) != LTY_OK) {
			return l->err->status;
		}
		lty_path_pop(l, old);
	}
	l->program->advantages = advs;
	l->program->advantage_count = list->u.c.count;
	if (index_limited(l, advs, list->u.c.count) != LTY_OK) {
		return l->err->status;
	}
	if (lty_advantage_index_build(l->program, l->arena) != LTY_OK) {
		return lty_fail_nomem(l);
	}
	return LTY_OK;
}
