/* Segment expressions (SPEC 5 and 10): compiled once, type-checked at
 * compile time, evaluated against a customer without allocating. */
#ifndef LTY_EXPR_H
#define LTY_EXPR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../base/lty_arena.h"
#include "../base/lty_customer.h"
#include "../base/lty_error.h"

#define LTY_EXPR_MAX_SOURCE 4096
#define LTY_EXPR_MAX_DEPTH 64

typedef struct lty_expr lty_expr;
/* One test of an expression's condition, and where it goes next (lty_expr_internal.h). */
typedef struct lty_step lty_step;

/* How compile() resolves names that live outside the expression. */
typedef struct {
	/* Index of a segment by name, or -1 when there is none. */
	int (*segment_index)(void *ctx, const char *name, size_t len);
	/* Slot of attr.NAME in lty_customer.attrs, or lty_cart_line.attrs for a line expression
	 * (allocating one for a new name), or -1 when out of memory. */
	int (*attr_slot)(void *ctx, const char *name, size_t len);
	void *ctx;
	bool line;       /* a line expression (SPEC 11): over one cart line, not the customer */
} lty_expr_resolver;

/* What evaluation needs besides the customer. */
typedef struct {
	const lty_customer *customer;                 /* NULL for a line expression */
	const lty_cart_line *line;                    /* the line a line expression reads */
	int64_t now;                                  /* Unix time */
	bool (*segment)(void *ctx, int index);        /* membership of segment('name'), memoized by the caller */
	void *ctx;
} lty_expr_env;

/* The path of an expression in the settings, for messages: `text`, or when NULL what `write`
 * writes out (most expressions compile: their paths are never written). */
typedef struct {
	const char *text;
	const char *(*write)(void *ctx);
	void *ctx;
} lty_expr_path;

/* Compiles src (len bytes, src[len] must be NUL) into arena memory. On error the
 * message reads "PATH: MESSAGE at column N", a newline, the source and a caret line. */
lty_status lty_expr_compile(lty_arena *arena, const char *src, size_t len, const lty_expr_path *path,
	const lty_expr_resolver *resolver, lty_expr **out, lty_error *err);

/* True when the customer (a line expression: the line, env->customer NULL) matches;
 * null-valued conditions are false. */
bool lty_expr_matches(const lty_expr *expr, const lty_expr_env *env);
/* The same with the expression's steps at `steps` (lty_expr_pack_steps()), read there, and in
 * `expr` only for a test the steps do not make alone. */
bool lty_expr_matches_steps(const lty_expr *expr, const lty_step *steps, const lty_expr_env *env);
/* The steps of `count` expressions copied one after another into arena memory, out[i] where
 * exprs[i]'s are: evaluation over many segments then reads them in order, not spread among
 * the expressions' nodes. False when out of memory. */
bool lty_expr_pack_steps(lty_arena *arena, const lty_expr *const *exprs, size_t count, const lty_step **out);

const char *lty_expr_source(const lty_expr *expr, size_t *len);
/* The line expression can never match (`price < 0`): for warnings(). */
bool lty_expr_never_matches_line(const lty_expr *expr);
/* LTY_FIELD_* bits of the customer fields the expression reads. */
uint32_t lty_expr_fields(const lty_expr *expr);
/* A segment referenced through segment('name'), for cycle detection. */
typedef struct {
	int segment;
	uint32_t column;   /* of the call, for error messages */
} lty_expr_ref;

const lty_expr_ref *lty_expr_segment_refs(const lty_expr *expr, size_t *count);

/* Formats an expression error about `src` at `column` as compile() does
 * ("PATH: MESSAGE at column N", the source, a caret line). */
lty_status lty_expr_error(lty_error *err, const char *path, const char *src, size_t len,
	uint32_t column, const char *message);

/* The value of a node that reads no customer, field nor segment (Engine::sql() folds
 * constants with it); `lower`: a string to read in ASCII lower case. False for a list. */
bool lty_expr_node_value(const lty_expr *expr, uint32_t node, lty_scalar *out, bool *lower);

/* Case-insensitive (ASCII) glob with '*' and '?', used by `like`. */
bool lty_glob_match(const char *pat, size_t plen, const char *s, size_t slen, bool s_lower);

#endif
