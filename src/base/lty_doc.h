/* A Zend-free tree of settings values: what the glue makes of a PHP array
 * (or decoded JSON) and what the settings loader validates. toArray() goes
 * the other way. Nodes live in an arena. */
#ifndef LTY_DOC_H
#define LTY_DOC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lty_arena.h"

typedef enum {
	LTY_DOC_NULL,
	LTY_DOC_BOOL,
	LTY_DOC_INT,
	LTY_DOC_DOUBLE,
	LTY_DOC_STRING,
	LTY_DOC_LIST,   /* sequential keys 0..n-1; an empty PHP array is an empty list */
	LTY_DOC_MAP,    /* string keys (int keys of a non-list array are written in decimal) */
	LTY_DOC_OTHER   /* anything else (object, resource, nesting too deep): str names it */
} lty_doc_kind;

typedef struct lty_doc lty_doc;

struct lty_doc {
	lty_doc_kind kind;
	union {
		bool b;
		int64_t i;
		double d;
		struct {
			const char *ptr;  /* NUL-terminated; may contain NUL bytes */
			size_t len;
		} str;                /* STRING, and OTHER's type name */
		struct {
			lty_doc *items;
			const char **keys;    /* MAP only: NUL-terminated keys */
			size_t *key_lens;     /* MAP only */
			size_t count;
		} c;
	} u;
};

/* Builders used by the glue and by C tests; return NULL when out of memory. */
lty_doc *lty_doc_array(lty_arena *a, lty_doc_kind kind, size_t count);
bool lty_doc_set_string(lty_arena *a, lty_doc *d, lty_doc_kind kind, const char *s, size_t len);
bool lty_doc_set_key(lty_arena *a, lty_doc *map, size_t i, const char *key, size_t len);
bool lty_doc_make_container(lty_arena *a, lty_doc *d, lty_doc_kind kind, size_t count);

/* Member of a MAP by key, or NULL. */
const lty_doc *lty_doc_get(const lty_doc *map, const char *key);
/* Human name of a node's type for messages: "int", "float", "string", ... */
const char *lty_doc_type_name(const lty_doc *d);

#endif
