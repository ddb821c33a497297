/* A JSON reader from text straight into the settings tree (lty_doc), without PHP arrays in
 * between. It gives exactly what json_decode($text, true) followed by the glue's conversion of
 * the array gives, for every input:
 *   - the same error, decided at the same token, for every invalid text (json_last_error()'s
 *     classes: depth, state mismatch, control character, syntax, UTF-8, UTF-16 surrogate);
 *   - PHP array semantics for objects: a repeated key keeps its first position and takes its
 *     last value; an object keyed "0", "1", ... "n-1" in that order is a list; `{}` and `[]`
 *     are both an empty list;
 *   - integers beyond the host's int range are floats; floats come from the host's conversion
 *     (the glue plugs in zend_strtod(), the one json_decode() uses);
 *   - containers nested `doc_depth` levels deep or more become LTY_DOC_OTHER "array nested too
 *     deep" (their contents are checked, not kept), as the conversion of a PHP array does.
 * The text must be followed by a NUL byte (text[len] == '\0', as in a zend_string): like
 * PHP's scanner, a NUL before the end is a control character, the one at the end ends input.
 * Nothing is allocated but through the arena (the doc) and its allocator (scratch space,
 * freed before returning). */
#ifndef LTY_JSON_H
#define LTY_JSON_H

#include <stddef.h>
#include <stdint.h>

#include "lty_arena.h"
#include "lty_doc.h"
#include "lty_error.h"

/* json_last_error()'s numbers, for the classes a decoder with these options can give. */
typedef enum {
	LTY_JSON_OK = 0,
	LTY_JSON_DEPTH = 1,           /* "Maximum stack depth exceeded" */
	LTY_JSON_STATE_MISMATCH = 2,  /* "State mismatch (invalid or malformed JSON)": [1} or {"a":1] */
	LTY_JSON_CTRL_CHAR = 3,       /* "Control character error, possibly incorrectly encoded" */
	LTY_JSON_SYNTAX = 4,          /* "Syntax error" */
	LTY_JSON_UTF8 = 5,            /* "Malformed UTF-8 characters, possibly incorrectly encoded" */
	LTY_JSON_UTF16 = 10           /* "Single unpaired UTF-16 surrogate in unicode escape" */
} lty_json_error;

#define LTY_JSON_DEFAULT_DEPTH 512    /* json_decode()'s: at most 511 nested arrays or objects */

typedef struct {
	int64_t int_min, int_max;     /* the host's int (zend_long): integers outside are floats */
	/* The double of the JSON number at s (len bytes; s[len] is the byte after it, never a
	 * digit, '.', 'e' or sign): correctly rounded and locale-independent. */
	double (*read_double)(void *ctx, const char *s, size_t len);
	void *ctx;
	int max_depth;                /* json_decode()'s depth argument: LTY_JSON_DEFAULT_DEPTH */
	int doc_depth;                /* containers this deep (the top value is 0) become OTHER */
	size_t max_nodes;             /* values in kept containers, all levels, beyond which the
	                                 text is refused (after it has been checked as JSON) */
} lty_json_options;

/* Reads `len` bytes of JSON into *out (a doc in `arena`). LTY_OK; LTY_ERR_CONFIG with
 * "settings: invalid JSON: <json_last_error_msg()>" (*json_error tells which, when not NULL)
 * or "settings: more than N values"; LTY_ERR_NOMEM "settings: out of memory". The arena
 * keeps what was allocated either way (the caller frees it). */
lty_status lty_json_read(lty_arena *arena, const char *text, size_t len, const lty_json_options *opt,
	lty_doc **out, lty_json_error *json_error, lty_error *err);

/* json_last_error_msg() for a code. */
const char *lty_json_error_message(lty_json_error code);

#endif
