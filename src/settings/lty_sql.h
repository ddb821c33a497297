/* A segment as an SQL condition for the shop's own customer query (SPEC 15):
 * the compiled expression tree translated into a WHERE condition with ?
 * placeholders, exact where SQL can say what the engine says, a superset
 * (with the fields filter() must still read) where it cannot. The polyfill's
 * Expression/Sql.php gives the same text and parameters. */
#ifndef LTY_SQL_H
#define LTY_SQL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../base/lty_arena.h"
#include "../base/lty_customer.h"
#include "../base/lty_error.h"
#include "lty_program.h"

typedef enum { LTY_SQL_MYSQL, LTY_SQL_SQLITE } lty_sql_dialect;

/* The longest value text (arithmetic repeats its steps for the overflow checks). */
#define LTY_SQL_MAX_VALUE 16384
/* The longest condition: a longer one is "1=1" with every field in PHP. */
#define LTY_SQL_MAX_WHERE 1048576

/* Scalar fields of the column map, by index. */
typedef enum {
	LTY_SQL_ACTIVE, LTY_SQL_ORDERS, LTY_SQL_SPENT, LTY_SQL_POINTS, LTY_SQL_LIFETIME_POINTS,
	LTY_SQL_CITY, LTY_SQL_POSTCODE, LTY_SQL_COUNTRY, LTY_SQL_SCALAR_COUNT
} lty_sql_scalar;

/* The column map, checked by the glue: each text is the developer's SQL (ptr NULL: not mapped). */
typedef struct {
	lty_str scalar[LTY_SQL_SCALAR_COUNT];
	lty_str date[2];              /* first_order, last_order */
	bool timestamp[2];            /* an int Unix time, else a DATETIME in the host's timezone */
	lty_str contains[3];          /* groups, carriers, bought: SQL with one ? */
	lty_str count[3];
	const lty_str *attr_names;    /* attr.NAME mapped, without "attr." */
	const lty_str *attr_exprs;
	size_t attr_count;
} lty_sql_columns;

/* What translation needs from the host: the wall clock of its default timezone. */
typedef struct {
	/* t as date('Y-m-d H:i:s') gives it (NUL-terminated, at most 31 bytes) and date('Z') */
	bool (*local)(void *ctx, int64_t t, char *out, size_t size, int64_t *offset);
	void *ctx;
} lty_sql_host;

typedef struct {
	bool is_int;
	int64_t i;
	lty_str s;
} lty_sql_param;

typedef struct {
	const char *where;
	size_t where_len;
	const lty_sql_param *params;
	size_t param_count;
	bool exact;
	const lty_str *residual;      /* customer fields filter() must read, when not exact */
	size_t residual_count;
	const char *explain;
	size_t explain_len;
} lty_sql_result;

/* Translates segment `segment` of the program; everything is allocated in `arena`.
 * `name` is the segment's name, for explain(). */
lty_status lty_sql_translate(lty_arena *arena, const lty_program *program, int segment,
	const lty_sql_columns *columns, lty_sql_dialect dialect, int64_t now, const lty_sql_host *host,
	lty_sql_result *out, lty_error *err);

#endif
