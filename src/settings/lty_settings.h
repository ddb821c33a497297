/* Reading settings values out of an lty_doc with the path of every bad value:
 * the shared helpers of the settings loader (lty_program_load). */
#ifndef LTY_SETTINGS_H
#define LTY_SETTINGS_H

#include "lty_program.h"

#define LTY_PATH_MAX 512
#define LTY_PATH_DEPTH 64
#define LTY_VIEW_KEYS 32

/* An allowed key of a settings object, with its length; a list of them ends with LTY_KEYS_END. */
typedef struct {
	const char *name;
	size_t len;
} lty_key;
#define LTY_KEY(literal) { literal, sizeof(literal) - 1 }
#define LTY_KEYS_END { NULL, 0 }

/* One part of a value's path: a key, or an index when key is NULL. */
typedef struct {
	const char *key;   /* NUL-terminated; alive while the part is on the path */
	size_t index;
} lty_path_part;

/* Attribute names by slot, grown by doubling in the arena; past a few, found through a table of
 * their slots + 1 (0: empty) by hash, kept at most half full: a program may read thousands. */
typedef struct {
	lty_str *items;
	size_t count, cap;
	uint32_t *table;       /* NULL while the names are few (found by a scan) */
	size_t table_mask;     /* its size - 1 */
} lty_names;

typedef struct {
	lty_program *program;
	const lty_host *host;
	lty_arena *arena;
	lty_error *err;
	lty_path_part parts[LTY_PATH_DEPTH];
	size_t depth;
	char path[LTY_PATH_MAX]; /* written out by lty_path() */
	/* the map lty_expect_map() checked last: its members by their key's place in the allowed list */
	const lty_doc *view_map;
	const lty_key *view_keys;
	size_t view_count, view_next;
	int32_t view_item[LTY_VIEW_KEYS]; /* -1: absent */
	lty_names attrs;       /* customer attribute names seen so far */
	lty_names line_attrs;  /* line attribute names (SPEC 11) */
} lty_loader;

/* Path building: each returns the previous depth, to restore with path_pop. */
size_t lty_path_key(lty_loader *l, const char *key);
size_t lty_path_index(lty_loader *l, size_t index);
void lty_path_pop(lty_loader *l, size_t depth);
/* The path written out ("advantages[0].tiers[2]"), in l->path; "" at the top. */
const char *lty_path(lty_loader *l);

/* All return LTY_OK or set err with the current path. */
lty_status lty_fail(lty_loader *l, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;
lty_status lty_fail_nomem(lty_loader *l);
/* A map (an empty list counts as an empty map) whose keys are all in `allowed`. */
lty_status lty_expect_map(lty_loader *l, const lty_doc *d, const lty_key *allowed);
/* Member `key` of map, NULL when absent or null. */
const lty_doc *lty_member(const lty_doc *map, const char *key);
/* The same, found through the map lty_expect_map() checked last when it is `map`. */
const lty_doc *lty_loader_member_slow(lty_loader *l, const lty_doc *map, const char *key);
/* Member j of the allowed list of the map lty_expect_map() checked last (map), NULL when
 * absent or null; the next lookup tries j + 1 first. */
static inline const lty_doc *lty_loader_view_item(lty_loader *l, const lty_doc *map, size_t j)
{
	const lty_doc *d = l->view_item[j] < 0 ? NULL : &map->u.c.items[l->view_item[j]];

	l->view_next = j + 1 < l->view_count ? j + 1 : 0;
	return d == NULL || d->kind == LTY_DOC_NULL ? NULL : d;
}
/* Inline for the usual case: the key after the last one read, in the map checked last. */
static inline const lty_doc *lty_loader_member(lty_loader *l, const lty_doc *map, const char *key)
{
	if (map == l->view_map && l->view_keys[l->view_next].name == key) {
		return lty_loader_view_item(l, map, l->view_next);
	}
	return lty_loader_member_slow(l, map, key);
}

lty_status lty_read_bool(lty_loader *l, const lty_doc *map, const char *key, bool def, bool *out);
/* An int in [min, max]; `present` (may be NULL) tells whether it was given. */
lty_status lty_read_int(lty_loader *l, const lty_doc *map, const char *key, int64_t def,
	int64_t min, int64_t max, bool *present, int64_t *out);
/* Money: an int >= 0 in minor units. */
lty_status lty_read_money(lty_loader *l, const lty_doc *map, const char *key, int64_t def,
	bool *present, int64_t *out);
/* A percent (int or float, at most two decimals, 0..100) as basis points. */
lty_status lty_read_percent(lty_loader *l, const lty_doc *map, const char *key, bool *present, int32_t *bp);
/* A string, copied into the arena; `choices` (NULL-terminated, may be NULL) restricts it. */
lty_status lty_read_string(lty_loader *l, const lty_doc *map, const char *key, bool required,
	const char *const *choices, lty_str *out);
/* A list of strings. */
lty_status lty_read_strings(lty_loader *l, const lty_doc *map, const char *key, bool *present, lty_str_list *out);

/* What tiers, brackets and coupons give (discount, discount_percent, free_shipping, carriers). */
lty_status lty_read_benefit(lty_loader *l, const lty_doc *map, lty_benefit *out);

lty_status lty_load_advantages(lty_loader *l, const lty_doc *list);
lty_status lty_load_loyalty(lty_loader *l, const lty_doc *map);

/* Compiles an expression with the program's resolver: over the customer, or over one cart line. */
lty_status lty_compile_expr(lty_loader *l, const lty_str *src, const lty_expr **out);
lty_status lty_compile_line_expr(lty_loader *l, const lty_str *src, const lty_expr **out);

#endif
