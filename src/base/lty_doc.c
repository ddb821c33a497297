#include "lty_doc.h"

#include <string.h>

bool lty_doc_make_container(lty_arena *a, lty_doc *d, lty_doc_kind kind, size_t count)
{
	d->kind = kind;
	d->u.c.count = count;
	d->u.c.items = NULL;
	d->u.c.keys = NULL;
	d->u.c.key_lens = NULL;
	if (count == 0) {
		return true;
	}
	d->u.c.items = lty_arena_array(a, count, sizeof(lty_doc));
	if (d->u.c.items == NULL) {
		return false;
	}
	if (kind == LTY_DOC_MAP) {
		d->u.c.keys = lty_arena_array(a, count, sizeof(char *));
		d->u.c.key_lens = lty_arena_array(a, count, sizeof(size_t));
		if (d->u.c.keys == NULL || d->u.c.key_lens == NULL) {
			return false;
		}
	}
	return true;
}

lty_doc *lty_doc_array(lty_arena *a, lty_doc_kind kind, size_t count)
{
	lty_doc *d = lty_arena_alloc(a, sizeof(lty_doc));

	if (d == NULL || !lty_doc_make_container(a, d, kind, count)) {
		return NULL;
	}
	return d;
}

bool lty_doc_set_string(lty_arena *a, lty_doc *d, lty_doc_kind kind, const char *s, size_t len)
{
	char *copy = lty_arena_strndup(a, s, len);

	if (copy == NULL) {
		return false;
	}
	d->kind = kind;
	d->u.str.ptr = copy;
	d->u.str.len = len;
	return true;
}

bool lty_doc_set_key(lty_arena *a, lty_doc *map, size_t i, const char *key, size_t len)
{
	char *copy = lty_arena_strndup(a, key, len);

	if (copy == NULL) {
		return false;
	}
	map->u.c.keys[i] = copy;
	map->u.c.key_lens[i] = len;
	return true;
}

const lty_doc *lty_doc_get(const lty_doc *map, const char *key)
{
	size_t len = strlen(key);
	size_t i;

	if (map->kind != LTY_DOC_MAP) {
		return NULL;
	}
	for (i = 0; i < map->u.c.count; i++) {
		/* the first byte before memcmp(): keys of one length often differ there */
		if (map->u.c.key_lens[i] == len && (len == 0 || (map->u.c.keys[i][0] == key[0] && memcmp(map->u.c.keys[i], key, len) == 0))) {
			return &map->u.c.items[i];
		}
	}
	return NULL;
}

const char *lty_doc_type_name(const lty_doc *d)
{
	switch (d->kind) {
		case LTY_DOC_NULL: return "null";
		case LTY_DOC_BOOL: return "bool";
		case LTY_DOC_INT: return "int";
		case LTY_DOC_DOUBLE: return "float";
		case LTY_DOC_STRING: return "string";
		case LTY_DOC_LIST: return "list";
		case LTY_DOC_MAP: return "array";
		case LTY_DOC_OTHER: return d->u.str.ptr;
	}
	return "unknown";
}
