/* Helpers of the settings loader: typed reads from an lty_doc, each failure
 * reported with the path of the bad value (SPEC 2, 10). */
#include "../base/lty_hash.h"
#include "../base/lty_limits.h"
#include "../expression/lty_decimal.h"
#include "lty_settings.h"

#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

/* The path is kept as its parts and written out only for a message: most values read are fine. */
static size_t path_push(lty_loader *l, const char *key, size_t index)
{
	size_t old = l->depth;

	if (l->depth < LTY_PATH_DEPTH) {
		l->parts[l->depth].key = key;
		l->parts[l->depth].index = index;
	}
	l->depth++; /* deeper than the parts kept: counted, for the pops, and cut from the path */
	return old;
}

size_t lty_path_key(lty_loader *l, const char *key)
{
	return path_push(l, key, 0);
}

size_t lty_path_index(lty_loader *l, size_t index)
{
	return path_push(l, NULL, index);
}

void lty_path_pop(lty_loader *l, size_t depth)
{
	l->depth = depth;
}

/* Appends `text` (n bytes) to the path being written, cut at its end. */
static void path_append(lty_loader *l, size_t *len, const char *text, size_t n)
{
	size_t room = sizeof(l->path) - 1 - *len;

	if (n > room) {
		n = room;
	}
	memcpy(l->path + *len, text, n);
	*len += n;
	l->path[*len] = '\0';
}

const char *lty_path(lty_loader *l)
{
	size_t len = 0, i, n = l->depth < LTY_PATH_DEPTH ? l->depth : LTY_PATH_DEPTH;

	l->path[0] = '\0';
	for (i = 0; i < n; i++) {
		const lty_path_part *part = &l->parts[i];
		if (part->key != NULL) {
			if (len > 0) {
				path_append(l, &len, ".", 1);
			}
			path_append(l, &len, part->key, strlen(part->key));
		} else {
			char digits[24], *d = digits + sizeof(digits);
			size_t index = part->index;
			*--d = ']';
			do {
				*--d = (char) ('0' + index % 10);
				index /= 10;
			} while (index);
			*--d = '[';
			path_append(l, &len, d, (size_t) (digits + sizeof(digits) - d));
		}
	}
	return l->path;
}

lty_status lty_fail(lty_loader *l, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (*lty_path(l) == '\0') {
		return lty_error_set(l->err, LTY_ERR_CONFIG, "%s", msg);
	}
	return lty_error_set(l->err, LTY_ERR_CONFIG, "%s: %s", l->path, msg);
}

lty_status lty_fail_nomem(lty_loader *l)
{
	return lty_error_set(l->err, LTY_ERR_NOMEM, "%s: out of memory", *lty_path(l) != '\0' ? l->path : "settings");
}

lty_status lty_expect_map(lty_loader *l, const lty_doc *d, const lty_key *allowed)
{
	size_t i, j, n, next = 0;

	l->view_map = NULL;
	if (d->kind != LTY_DOC_MAP && !(d->kind == LTY_DOC_LIST && d->u.c.count == 0)) {
		return lty_fail(l, "expected an object (array with string keys), got %s", lty_doc_type_name(d));
	}
	for (n = 0; allowed[n].name != NULL; n++) {
		if (n < LTY_VIEW_KEYS) {
			l->view_item[n] = -1;
		}
	}
	for (i = 0; i < d->u.c.count; i++) {
		const char *k = d->u.c.keys[i];
		size_t len = d->u.c.key_lens[i], tried;
		/* by length first (no strlen()), from the allowed key after the last one matched, round:
		 * documents mostly list their keys in one order, so the first tries are the likely ones */
		for (tried = 0, j = next; tried < n; tried++, j = j + 1 < n ? j + 1 : 0) {
			if (allowed[j].len == len && memcmp(allowed[j].name, k, len) == 0) {
				break;
			}
		}
		if (tried == n) {
			char key[128];
			size_t old;
			lty_printable(key, sizeof(key), k, len);
			old = lty_path_key(l, key);
			lty_fail(l, "unknown key");
			lty_path_pop(l, old);
			return LTY_ERR_CONFIG;
		}
		if (j < LTY_VIEW_KEYS) {
			l->view_item[j] = (int32_t) i;
		}
		next = j + 1 < n ? j + 1 : 0;
	}
	if (n <= LTY_VIEW_KEYS && d->u.c.count <= INT32_MAX) {
		l->view_map = d;
		l->view_keys = allowed;
		l->view_count = n;
		l->view_next = 0;
	}
	return LTY_OK;
}

const lty_doc *lty_member(const lty_doc *map, const char *key)
{
	const lty_doc *d = lty_doc_get(map, key);

	return d == NULL || d->kind == LTY_DOC_NULL ? NULL : d;
}

const lty_doc *lty_loader_member_slow(lty_loader *l, const lty_doc *map, const char *key)
{
	size_t j;

	if (map == l->view_map) {
		/* the key as the allowed list spells it, by pointer: the literals of a key are one string
		 * (not guaranteed: another pointer is looked up by its text). From the place after the
		 * last one found, round: loaders read keys in the order they list them. */
		size_t n = l->view_count, k;
		for (k = 0, j = l->view_next; k < n; k++, j = j + 1 < n ? j + 1 : 0) {
			if (l->view_keys[j].name == key) {
				return lty_loader_view_item(l, map, j);
			}
		}
	}
	return lty_member(map, key);
}

lty_status lty_read_bool(lty_loader *l, const lty_doc *map, const char *key, bool def, bool *out)
{
	const lty_doc *d = lty_loader_member(l, map, key);
	size_t old;

	*out = def;
	if (d == NULL) {
		return LTY_OK;
	}
	if (d->kind != LTY_DOC_BOOL) {
		old = lty_path_key(l, key);
		lty_fail(l, "expected bool, got %s", lty_doc_type_name(d));
		lty_path_pop(l, old);
		return LTY_ERR_CONFIG;
	}
	*out = d->u.b;
	return LTY_OK;
}

static lty_status read_int_as(lty_loader *l, const lty_doc *map, const char *key, int64_t def,
	int64_t min, int64_t max, bool *present, int64_t *out, const char *what)
{
	const lty_doc *d = lty_loader_member(l, map, key);
	lty_status st = LTY_OK;
	size_t old;

	*out = def;
	if (present != NULL) {
		*present = d != NULL;
	}
	if (d == NULL) {
		return LTY_OK;
	}
	if (d->kind == LTY_DOC_INT && d->u.i >= min && d->u.i <= max) {
		*out = d->u.i;
		return LTY_OK;  /* the path is written only for a message */
	}
	old = lty_path_key(l, key);
	if (d->kind != LTY_DOC_INT) {
		st = lty_fail(l, "expected %s, got %s", what, lty_doc_type_name(d));
	} else if (d->u.i < min) {
		st = lty_fail(l, "must be >= %" PRId64 ", got %" PRId64, min, d->u.i);
	} else {
		st = lty_fail(l, "must be <= %" PRId64 ", got %" PRId64, max, d->u.i);
	}
	lty_path_pop(l, old);
	return st;
}

lty_status lty_read_int(lty_loader *l, const lty_doc *map, const char *key, int64_t def,
	int64_t min, int64_t max, bool *present, int64_t *out)
{
	return read_int_as(l, map, key, def, min, max, present, out, "int");
}

lty_status lty_read_money(lty_loader *l, const lty_doc *map, const char *key, int64_t def,
	bool *present, int64_t *out)
{
	return read_int_as(l, map, key, def, 0, INT64_MAX, present, out, "int (minor units)");
}

lty_status lty_read_percent(lty_loader *l, const lty_doc *map, const char *key, bool *present, int32_t *bp)
{
	const lty_doc *d = lty_loader_member(l, map, key);
	lty_status st = LTY_OK;
	size_t old;

	*present = d != NULL;
	*bp = 0;
	if (d == NULL) {
		return LTY_OK;
	}
	if (d->kind == LTY_DOC_INT && d->u.i >= 0 && d->u.i <= 100) {
		*bp = (int32_t) (d->u.i * 100);
		return LTY_OK;
	}
	old = lty_path_key(l, key);
	if (d->kind == LTY_DOC_INT) {  /* one outside 0..100: the others returned above */
		st = lty_fail(l, "must be between 0 and 100, got %" PRId64, d->u.i);
	} else if (d->kind == LTY_DOC_DOUBLE) {
		double scaled = lty_double(d->u.d * 100.0), r = round(scaled);
		if (!isfinite(d->u.d)) {
			/* As PHP prints them, not as printf does ("nan", "inf"). */
			st = lty_fail(l, "must be between 0 and 100, got %s", isnan(d->u.d) ? "NAN" : d->u.d < 0 ? "-INF" : "INF");
		} else if (d->u.d < 0.0 || d->u.d > 100.0) {
			st = lty_fail(l, "must be between 0 and 100, got %.15g", d->u.d);
		} else if (lty_double(r / 100.0) != d->u.d) { /* exactly the double of a two-decimal literal */
			st = lty_fail(l, "at most two decimals, got %.15g", d->u.d);
		} else {
			*bp = (int32_t) r;
		}
	} else {
		st = lty_fail(l, "expected int or float (percent), got %s", lty_doc_type_name(d));
	}
	lty_path_pop(l, old);
	return st;
}

/* Whether the len bytes at s are one of `choices` (NULL-terminated). */
static bool is_choice(const char *const *choices, const char *s, size_t len)
{
	size_t i;

	for (i = 0; choices[i] != NULL; i++) {
		if (strlen(choices[i]) == len && memcmp(choices[i], s, len) == 0) {
			return true;
		}
	}
	return false;
}

lty_status lty_read_string(lty_loader *l, const lty_doc *map, const char *key, bool required,
	const char *const *choices, lty_str *out)
{
	const lty_doc *d = lty_loader_member(l, map, key);
	lty_status st;
	size_t old, i;

	out->ptr = NULL;
	out->len = 0;
	if (d == NULL && !required) {
		return LTY_OK;
	}
	if (d == NULL || d->kind != LTY_DOC_STRING || (choices != NULL && !is_choice(choices, d->u.str.ptr, d->u.str.len))) {
		old = lty_path_key(l, key);  /* the path is written only for a message */
		if (d == NULL) {
			st = lty_fail(l, "is required");
		} else if (d->kind != LTY_DOC_STRING) {
			st = lty_fail(l, "expected string, got %s", lty_doc_type_name(d));
		} else {
			char buf[256] = "", shown[64];
			for (i = 0; choices[i] != NULL; i++) {
				snprintf(buf + strlen(buf), sizeof(buf) - strlen(buf), "%s'%s'", i ? ", " : "", choices[i]);
			}
			lty_printable(shown, sizeof(shown), d->u.str.ptr, d->u.str.len);
			st = lty_fail(l, "must be one of %s, got '%s'", buf, shown);
		}
		lty_path_pop(l, old);
		return st;
	}
	out->ptr = lty_arena_strndup(l->arena, d->u.str.ptr, d->u.str.len);
	if (out->ptr == NULL) {
		old = lty_path_key(l, key);
		st = lty_fail_nomem(l);
		lty_path_pop(l, old);
		return st;
	}
	out->len = d->u.str.len;
	return LTY_OK;
}

lty_status lty_read_strings(lty_loader *l, const lty_doc *map, const char *key, bool *present, lty_str_list *out)
{
	const lty_doc *d = lty_loader_member(l, map, key);
	lty_str *items;
	size_t old, i;

	out->items = NULL;
	out->count = 0;
	*present = d != NULL;
	if (d == NULL) {
		return LTY_OK;
	}
	old = lty_path_key(l, key);
	if (d->kind != LTY_DOC_LIST) {
		lty_fail(l, "expected a list of strings, got %s", lty_doc_type_name(d));
		lty_path_pop(l, old);
		return LTY_ERR_CONFIG;
	}
	if (d->u.c.count > LTY_MAX_LIST) {
		lty_fail(l, "too many values (%zu, at most %d)", d->u.c.count, LTY_MAX_LIST);
		lty_path_pop(l, old);
		return LTY_ERR_CONFIG;
	}
	items = lty_arena_array(l->arena, d->u.c.count ? d->u.c.count : 1, sizeof(lty_str));
	if (items == NULL) {
		return lty_fail_nomem(l);
	}
	for (i = 0; i < d->u.c.count; i++) {
		const lty_doc *item = &d->u.c.items[i];
		if (item->kind != LTY_DOC_STRING) {
			lty_path_index(l, i);
			lty_fail(l, "expected string, got %s", lty_doc_type_name(item));
			lty_path_pop(l, old);
			return LTY_ERR_CONFIG;
		}
		items[i].ptr = lty_arena_strndup(l->arena, item->u.str.ptr, item->u.str.len);
		items[i].len = item->u.str.len;
		if (items[i].ptr == NULL) {
			return lty_fail_nomem(l);
		}
	}
	out->items = items;
	out->count = d->u.c.count;
	lty_path_pop(l, old);
	return LTY_OK;
}

lty_status lty_read_benefit(lty_loader *l, const lty_doc *map, lty_benefit *out)
{
	bool has_carriers;

	if (lty_read_money(l, map, "discount", 0, &out->has_discount, &out->discount) != LTY_OK
			|| lty_read_percent(l, map, "discount_percent", &out->has_percent, &out->percent_bp) != LTY_OK
			|| lty_read_bool(l, map, "free_shipping", false, &out->free_shipping) != LTY_OK
			|| lty_read_strings(l, map, "carriers", &has_carriers, &out->carriers) != LTY_OK) {
		return l->err->status;
	}
	out->has_carriers = has_carriers;
	if (out->has_discount && out->has_percent) {
		return lty_fail(l, "discount and discount_percent exclude each other");
	}
	if (has_carriers && (!out->free_shipping || out->carriers.count == 0)) {
		size_t old = lty_path_key(l, "carriers");
		/* an empty list would be free shipping with no carrier: a rule that never gives it */
		lty_fail(l, out->free_shipping ? "must not be empty (leave it out for every carrier)" : "needs free_shipping");
		lty_path_pop(l, old);
		return LTY_ERR_CONFIG;
	}
	return LTY_OK;
}

static int resolve_segment(void *ctx, const char *name, size_t len)
{
	lty_loader *l = ctx;
	return lty_program_segment_index(l->program, name, len);
}

/* The slot of `name` in a list of attribute names, added when new; -1 when out of memory. */
#define NAMES_SCANNED 8 /* up to this many names, found by a scan */

/* Name i in the table, in the first empty slot from its hash's. */
static void names_insert(lty_names *names, size_t i)
{
	size_t slot = (size_t) lty_hash_bytes(names->items[i].ptr, names->items[i].len) & names->table_mask;

	while (names->table[slot] != 0) {
		slot = (slot + 1) & names->table_mask;
	}
	names->table[slot] = (uint32_t) i + 1;
}

/* A table of 2^bits slots for the names there are (a new, larger one when it fills). */
static bool names_index(lty_loader *l, lty_names *names, unsigned bits)
{
	size_t size = (size_t) 1 << bits, i;
	uint32_t *table = lty_arena_array(l->arena, size, sizeof(uint32_t)); /* zeroed: empty */

	if (table == NULL) {
		return false;
	}
	names->table = table;
	names->table_mask = size - 1;
	for (i = 0; i < names->count; i++) {
		names_insert(names, i);
	}
	return true;
}

static int name_slot(lty_loader *l, lty_names *names, const char *name, size_t len)
{
	lty_str *grown;
	size_t i;

	if (names->table == NULL) {
		for (i = 0; i < names->count; i++) {
			if (names->items[i].len == len && memcmp(names->items[i].ptr, name, len) == 0) {
				return (int) i;
			}
		}
	} else {
		size_t slot = (size_t) lty_hash_bytes(name, len) & names->table_mask;
		for (; names->table[slot] != 0; slot = (slot + 1) & names->table_mask) {
			const lty_str *n = &names->items[names->table[slot] - 1];
			if (n->len == len && memcmp(n->ptr, name, len) == 0) {
				return (int) names->table[slot] - 1;
			}
		}
	}
	grown = lty_arena_grow(l->arena, names->items, names->count, &names->cap, sizeof(lty_str));
	if (grown == NULL || names->cap > INT32_MAX) {
		return -1;
	}
	names->items = grown;
	names->items[names->count].ptr = lty_arena_strndup(l->arena, name, len);
	names->items[names->count].len = len;
	if (names->items[names->count].ptr == NULL) {
		return -1;
	}
	names->count++;
	/* a table, or a new one twice as large, when this one would be more than half full */
	if (names->count > NAMES_SCANNED && (names->table == NULL || names->count * 2 > names->table_mask + 1)) {
		unsigned bits = 5;
		while (((size_t) 1 << bits) < names->count * 4) {
			bits++;
		}
		if (!names_index(l, names, bits)) {
			return -1;
		}
	} else if (names->table != NULL) {
		names_insert(names, names->count - 1);
	}
	return (int) names->count - 1;
}

static int resolve_attr(void *ctx, const char *name, size_t len)
{
	lty_loader *l = ctx;
	return name_slot(l, &l->attrs, name, len);
}

static int resolve_line_attr(void *ctx, const char *name, size_t len)
{
	lty_loader *l = ctx;
	return name_slot(l, &l->line_attrs, name, len);
}

static const char *write_path(void *ctx)
{
	return lty_path(ctx);
}

static lty_status compile(lty_loader *l, const lty_str *src, bool line, const lty_expr **out)
{
	lty_expr_path path = { NULL, write_path, l };
	lty_expr_resolver r;
	lty_expr *e;
	lty_status st;

	r.segment_index = resolve_segment;
	r.attr_slot = line ? resolve_line_attr : resolve_attr;
	r.ctx = l;
	r.line = line;
	st = lty_expr_compile(l->arena, src->ptr, src->len, &path, &r, &e, l->err);
	if (st == LTY_OK) {
		l->program->fields |= lty_expr_fields(e);
		*out = e;
	}
	return st;
}

lty_status lty_compile_expr(lty_loader *l, const lty_str *src, const lty_expr **out)
{
	return compile(l, src, false, out);
}

lty_status lty_compile_line_expr(lty_loader *l, const lty_str *src, const lty_expr **out)
{
	return compile(l, src, true, out);
}
