/* A segment as an SQL condition (SPEC 15). One walk over the compiled tree:
 * a condition is a constant (folded) or text with its parameters; a value is a
 * kind with its SQL. `pol` is +1 where a superset is needed and -1 under an
 * odd number of 'not's, where a subset is: a part that does not translate is
 * true in the first case and false in the second, and the result is inexact.
 * NULL is false everywhere (negation is IS NOT TRUE), as in the engine.
 * polyfill/src/Expression/Sql.php is the same algorithm and gives the same text. */
#include "../base/lty_checked.h"
#include "../expression/lty_expr_internal.h"
#include "../expression/lty_decimal.h"
#include "lty_sql.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DAY 86400
#define TRANSITION 10800         /* a DST change within 3 hours of a date bound makes it inexact */
#define RECENT 2592000           /* first_order_recent: 30 days */
#define MAX_NOTES 32
/* like in SQLite: the most literal runs between stars matched byte for byte; each nests the SQL
 * three calls deeper, and SQLite's parser stack (100 entries) overflows at about 30 nested calls */
#define SQLITE_MIDDLES 3

typedef enum { C_FALSE, C_TRUE, C_SQL } cond_kind;

/* Text and parameters; for a condition, kind says whether it is a constant. */
typedef struct {
	uint8_t kind;
	const char *t;
	size_t len;
	const lty_sql_param *p;
	size_t np;
} frag;

typedef enum { K_CONST, K_INT, K_STR, K_BOOL, K_DYN, K_DAYS, K_LFIELD, K_LLIST, K_UNKNOWN } val_kind;

typedef struct {
	uint8_t k;
	frag f;
	bool def0;           /* K_INT: NULL reads as 0 */
	bool raw;            /* K_STR: a column as mapped */
	bool low;            /* K_STR: lower-cased bytes already */
	lty_scalar c;        /* K_CONST (strings lowered already) */
	int field;           /* K_DAYS: 0 first_order, 1 last_order; K_LFIELD: 0 groups, 1 carriers, 2 bought */
	uint32_t node;       /* K_LLIST: the list node */
	const char *why;     /* K_UNKNOWN */
} val;

typedef struct {
	int8_t inf;          /* -1, +1: beyond the int range; 0: v */
	int64_t v;
} bound;

typedef struct {
	lty_arena *arena;
	const lty_program *program;
	const lty_sql_columns *map;
	const lty_sql_host *host;
	lty_sql_dialect dialect;
	int64_t now;
	bool exact;
	bool oom;
	bool too_long;
	const char *notes[MAX_NOTES];
	size_t note_count;
	const lty_expr *e;   /* the expression being walked */
	uint64_t read;       /* residual: LTY_FIELD_* bits */
	const lty_str **attrs_read;
	size_t attrs_read_count, attrs_read_cap;
} tr;

static const frag TRUE_ = { C_TRUE, NULL, 0, NULL, 0 };
static const frag FALSE_ = { C_FALSE, NULL, 0, NULL, 0 };
static const char *const SQL_CMP[] = { "=", "<>", "<", "<=", ">", ">=" };
static const uint8_t FLIP[] = { LTY_CMP_EQ, LTY_CMP_NE, LTY_CMP_GT, LTY_CMP_GE, LTY_CMP_LT, LTY_CMP_LE };

/* ---- text ---- */

typedef struct {
	tr *t;
	char *buf;
	size_t len, cap;
	lty_sql_param *p;
	size_t np, pcap;
} builder;

static void b_init(builder *b, tr *t)
{
	memset(b, 0, sizeof(*b));
	b->t = t;
}

static void b_mem(builder *b, const char *s, size_t n)
{
	if (b->t->oom) {
		return;
	}
	if (b->len + n + 1 > b->cap) {
		size_t cap = (b->len + n + 1) * 2;
		char *nb = lty_arena_alloc(b->t->arena, cap);
		if (nb == NULL) {
			b->t->oom = true;
			return;
		}
		if (b->len) {
			memcpy(nb, b->buf, b->len);
		}
		b->buf = nb;
		b->cap = cap;
	}
	memcpy(b->buf + b->len, s, n);
	b->len += n;
	b->buf[b->len] = '\0';
}

static void b_str(builder *b, const char *s)
{
	b_mem(b, s, strlen(s));
}

static void b_param(builder *b, lty_sql_param p)
{
	if (b->t->oom) {
		return;
	}
	if (b->np == b->pcap) {
		size_t cap = b->pcap ? b->pcap * 2 : 4;
		lty_sql_param *np = lty_arena_array(b->t->arena, cap, sizeof(lty_sql_param));
		if (np == NULL) {
			b->t->oom = true;
			return;
		}
		if (b->np) {
			memcpy(np, b->p, b->np * sizeof(lty_sql_param));
		}
		b->p = np;
		b->pcap = cap;
	}
	b->p[b->np++] = p;
}

static void b_frag(builder *b, frag f)
{
	size_t i;

	b_mem(b, f.t, f.len);
	for (i = 0; i < f.np; i++) {
		b_param(b, f.p[i]);
	}
}

static frag b_done(builder *b)
{
	frag f;

	if (b->t->oom) {
		return TRUE_;
	}
	f.kind = C_SQL;
	f.t = b->buf ? b->buf : "";
	f.len = b->len;
	f.p = b->p;
	f.np = b->np;
	return f;
}

/* Text from a printf format where %F is a frag and %s a C string (no other directive). */
static frag fmt(tr *t, const char *format, ...)
{
	builder b;
	va_list ap;
	const char *s;

	b_init(&b, t);
	va_start(ap, format);
	for (s = format; *s; s++) {
		if (*s == '%' && s[1] == 'F') {
			b_frag(&b, va_arg(ap, frag));
			s++;
		} else if (*s == '%' && s[1] == 's') {
			b_str(&b, va_arg(ap, const char *));
			s++;
		} else {
			b_mem(&b, s, 1);
		}
	}
	va_end(ap);
	return b_done(&b);
}

/* "(" SQL ")" of the developer's text */
static frag col(tr *t, lty_str s)
{
	builder b;

	b_init(&b, t);
	b_str(&b, "(");
	b_mem(&b, s.ptr, s.len);
	b_str(&b, ")");
	return b_done(&b);
}

static lty_sql_param int_param(int64_t i)
{
	lty_sql_param p;

	memset(&p, 0, sizeof(p));
	p.is_int = true;
	p.i = i;
	return p;
}

static lty_sql_param str_param(const char *s, size_t len)
{
	lty_sql_param p;

	memset(&p, 0, sizeof(p));
	p.s.ptr = s;
	p.s.len = len;
	return p;
}

static frag with_param(tr *t, const char *text, lty_sql_param p)
{
	builder b;

	b_init(&b, t);
	b_str(&b, text);
	b_param(&b, p);
	return b_done(&b);
}

static const char *int_param_sql(const tr *t)
{
	return t->dialect == LTY_SQL_SQLITE ? "CAST(? AS INTEGER)" : "CAST(? AS SIGNED)";
}

/* ---- notes ---- */

static void note(tr *t, const char *why)
{
	size_t i;

	t->exact = false;
	for (i = 0; i < t->note_count; i++) {
		if (strcmp(t->notes[i], why) == 0) {
			return;
		}
	}
	if (t->note_count < MAX_NOTES) {
		t->notes[t->note_count++] = why;
	}
}

static frag inexact(tr *t, int pol, const char *why)
{
	note(t, why);
	return pol > 0 ? TRUE_ : FALSE_;
}

/* A note with a name in it, kept in the arena. */
static const char *named(tr *t, const char *a, const char *name, size_t len, const char *b)
{
	builder bl;

	b_init(&bl, t);
	b_str(&bl, a);
	b_mem(&bl, name, len);
	b_str(&bl, b);
	return t->oom ? "out of memory" : bl.buf;
}

/* ---- conditions ---- */

static frag logic(tr *t, const frag *cs, size_t n, bool is_or)
{
	builder b;
	size_t i, texts = 0;
	const frag *only = NULL;

	for (i = 0; i < n; i++) {
		if (cs[i].kind == (is_or ? C_TRUE : C_FALSE)) {
			return cs[i];
		}
		if (cs[i].kind == C_SQL) {
			texts++;
			only = &cs[i];
		}
	}
	if (texts == 0) {
		return is_or ? FALSE_ : TRUE_;
	}
	if (texts == 1) {
		return *only;
	}
	b_init(&b, t);
	b_str(&b, "(");
	texts = 0;
	for (i = 0; i < n; i++) {
		if (cs[i].kind == C_SQL) {
			if (texts++) {
				b_str(&b, is_or ? " OR " : " AND ");
			}
			b_frag(&b, cs[i]);
		}
	}
	b_str(&b, ")");
	if (b.len > LTY_SQL_MAX_WHERE) {
		t->too_long = true;
		return TRUE_;
	}
	return b_done(&b);
}

static frag and2(tr *t, frag a, frag b)
{
	frag cs[2];

	cs[0] = a;
	cs[1] = b;
	return logic(t, cs, 2, false);
}

static frag or2(tr *t, frag a, frag b)
{
	frag cs[2];

	cs[0] = a;
	cs[1] = b;
	return logic(t, cs, 2, true);
}

static frag not_(tr *t, frag c)
{
	if (c.kind != C_SQL) {
		return c.kind == C_TRUE ? FALSE_ : TRUE_;
	}
	return fmt(t, "(%F IS NOT TRUE)", c);
}

static frag cond(tr *t, uint32_t n, int pol);
static frag segment(tr *t, int index, int pol);
static val value(tr *t, uint32_t n);
static frag compare(tr *t, val a, int op, val b, int pol);

static frag active(tr *t, int pol)
{
	frag c;

	if (t->map->scalar[LTY_SQL_ACTIVE].ptr == NULL) {
		return inexact(t, pol, "active: not in the column map (a disabled customer is in no segment but disabled and all)");
	}
	c = col(t, t->map->scalar[LTY_SQL_ACTIVE]);
	return fmt(t, "(%F IS NULL OR %F <> 0)", c, c);
}

/* ---- values ---- */

static val unknown(const char *why)
{
	val v;

	memset(&v, 0, sizeof(v));
	v.k = K_UNKNOWN;
	v.why = why;
	return v;
}

static val of_kind(uint8_t k, frag f)
{
	val v;

	memset(&v, 0, sizeof(v));
	v.k = k;
	v.f = f;
	return v;
}

static int sign64(int64_t a, int64_t b)
{
	return (a > b) - (a < b);
}

static const char *const INT_FIELD_NAMES[] = { "orders", "spent", "points", "lifetime_points" };
static const char *const STR_FIELD_NAMES[] = { "city", "postcode", "country" };

static val field(tr *t, uint32_t f)
{
	val v;
	int i = -1;

	switch (f) {
		case LTY_F_ORDERS: i = LTY_SQL_ORDERS; break;
		case LTY_F_SPENT: i = LTY_SQL_SPENT; break;
		case LTY_F_POINTS: i = LTY_SQL_POINTS; break;
		case LTY_F_LIFETIME_POINTS: i = LTY_SQL_LIFETIME_POINTS; break;
		case LTY_F_CITY: i = LTY_SQL_CITY; break;
		case LTY_F_POSTCODE: i = LTY_SQL_POSTCODE; break;
		case LTY_F_COUNTRY: i = LTY_SQL_COUNTRY; break;
		case LTY_F_ACTIVE: {
			frag c = active(t, 1);
			if (c.kind != C_SQL) {
				/* active() noted it: value() is a probe, the caller decides */
				return unknown("active: not in the column map");
			}
			return of_kind(K_BOOL, c);
		}
		case LTY_F_DAYS_SINCE_FIRST_ORDER:
		case LTY_F_DAYS_SINCE_LAST_ORDER: {
			int which = f == LTY_F_DAYS_SINCE_LAST_ORDER;
			if (t->map->date[which].ptr == NULL) {
				return unknown(which ? "days_since_last_order: last_order is not in the column map"
					: "days_since_first_order: first_order is not in the column map");
			}
			v = of_kind(K_DAYS, TRUE_);
			v.field = which;
			return v;
		}
		default:
			v = of_kind(K_LFIELD, TRUE_);
			v.field = f == LTY_F_GROUPS ? 0 : f == LTY_F_CARRIERS ? 1 : 2;
			return v;
	}
	if (t->map->scalar[i].ptr == NULL) {
		const char *name = i >= LTY_SQL_CITY ? STR_FIELD_NAMES[i - LTY_SQL_CITY] : INT_FIELD_NAMES[i - LTY_SQL_ORDERS];
		return unknown(named(t, "", name, strlen(name), ": not in the column map"));
	}
	v = of_kind(i >= LTY_SQL_CITY ? K_STR : K_INT, col(t, t->map->scalar[i]));
	v.def0 = i < LTY_SQL_CITY;
	v.raw = i >= LTY_SQL_CITY;
	return v;
}

/* No field, attribute or segment below: the engine's own evaluation gives its value. */
static bool constant(const lty_expr *e, uint32_t n)
{
	const lty_node *node = &e->nodes[n];
	uint32_t i;

	if (node->op == LTY_OP_FIELD || node->op == LTY_OP_ATTR || node->op == LTY_OP_SEGMENT) {
		return false;
	}
	for (i = 0; i < node->count; i++) {
		if (!constant(e, e->kids[node->first + i].node)) {
			return false;
		}
	}
	return true;
}

static uint32_t kid(const tr *t, uint32_t n, uint32_t i)
{
	return t->e->kids[t->e->nodes[n].first + i].node;
}

static val const_val(tr *t, uint32_t n)
{
	val v = of_kind(K_CONST, TRUE_);
	bool lower = false;

	lty_expr_node_value(t->e, n, &v.c, &lower);
	if (lower && v.c.kind == LTY_SCALAR_STRING) {
		char *s = lty_arena_strndup(t->arena, v.c.u.s.ptr, v.c.u.s.len);
		size_t i;
		if (s == NULL) {
			t->oom = true;
			return v;
		}
		for (i = 0; i < v.c.u.s.len; i++) {
			if (s[i] >= 'A' && s[i] <= 'Z') {
				s[i] = (char) (s[i] + 32);
			}
		}
		v.c.u.s.ptr = s;
	}
	return v;
}

static const lty_str *attr_expr(const tr *t, uint32_t slot)
{
	const lty_str *name = &t->program->attr_names[slot];
	size_t i;

	for (i = 0; i < t->map->attr_count; i++) {
		if (t->map->attr_names[i].len == name->len && memcmp(t->map->attr_names[i].ptr, name->ptr, name->len) == 0) {
			return &t->map->attr_exprs[i];
		}
	}
	return NULL;
}

/* An attribute as a string (NULL unless it holds one); other values unchanged. */
static val str_view(tr *t, val v)
{
	val r;

	if (v.k != K_DYN) {
		return v;
	}
	r = of_kind(K_STR, t->dialect == LTY_SQL_SQLITE
		? fmt(t, "(CASE WHEN typeof(%F) = 'text' THEN %F END)", v.f, v.f)
		: fmt(t, "(CASE WHEN COLLATION(%F) <> 'binary' THEN %F END)", v.f, v.f));
	return r;
}

static val int_view(tr *t, val v)
{
	if (v.k != K_DYN) {
		return v;
	}
	return of_kind(K_INT, t->dialect == LTY_SQL_SQLITE
		? fmt(t, "(CASE WHEN typeof(%F) = 'integer' THEN %F END)", v.f, v.f)
		: fmt(t, "(CASE WHEN COLLATION(%F) = 'binary' THEN %F END)", v.f, v.f));
}

static frag int_text(tr *t, val v)
{
	if (v.k == K_CONST) {
		return with_param(t, int_param_sql(t), int_param(v.c.u.i));
	}
	return v.def0 ? fmt(t, "COALESCE(%F, 0)", v.f) : v.f;
}

/* ASCII lower case of the bytes: MySQL's LOWER() follows the collation, so 26 REPLACE()s. */
static val lower(tr *t, val v)
{
	val r;
	frag f;
	char from[2] = { 0, 0 }, to[2] = { 0, 0 };
	int c;

	v = str_view(t, v);
	if (v.k != K_STR) {
		return v;
	}
	if (t->dialect == LTY_SQL_SQLITE) {
		f = fmt(t, "lower(%F)", v.f);
	} else {
		f = fmt(t, "CAST(%F AS BINARY)", v.f);
		for (c = 'A'; c <= 'Z'; c++) {
			from[0] = (char) c;
			to[0] = (char) (c + 32);
			f = fmt(t, "REPLACE(%F, '%s', '%s')", f, from, to);
		}
	}
	r = of_kind(K_STR, f);
	r.low = true;
	return r;
}

static val count_field(tr *t, int i);

static val count(tr *t, uint32_t list)
{
	const lty_node *n = &t->e->nodes[list];
	int i;
	val v;

	if (n->op == LTY_OP_LIST) {
		v = of_kind(K_CONST, TRUE_);
		v.c.kind = LTY_SCALAR_INT;
		v.c.u.i = n->count;
		return v;
	}
	i = n->k.field == LTY_F_GROUPS ? 0 : n->k.field == LTY_F_CARRIERS ? 1 : 2;
	return count_field(t, i);
}

/* count() of list field i (0 groups, 1 carriers, 2 bought), through the map's 'count' */
static val count_field(tr *t, int i)
{
	val v;

	if (t->map->count[i].ptr == NULL) {
		static const char *const why[] = { "count(groups): no 'count' for groups in the column map",
			"count(carriers): no 'count' for carriers in the column map", "count(bought): no 'count' for bought in the column map" };
		return unknown(why[i]);
	}
	v = of_kind(K_INT, col(t, t->map->count[i]));
	v.def0 = true;
	return v;
}

/* An arithmetic chain on ints, exact: each step checked for the int64 range in order (a CASE: the
 * first step out of range gives NULL, as the engine's overflow does); division truncates toward
 * zero and by zero gives NULL. MySQL computes in DECIMAL, where no step can overflow. */
static val arith(tr *t, uint32_t n)
{
	const lty_node *node = &t->e->nodes[n];
	bool mysql = t->dialect == LTY_SQL_MYSQL;
	frag *parts, *steps, v;
	builder b;
	uint32_t i;
	val r;

	parts = lty_arena_array(t->arena, node->count, sizeof(frag));
	steps = lty_arena_array(t->arena, node->count, sizeof(frag));
	if (parts == NULL || steps == NULL) {
		t->oom = true;
		return unknown("out of memory");
	}
	for (i = 0; i < node->count; i++) {
		val x = int_view(t, value(t, kid(t, n, i)));
		if (x.k == K_UNKNOWN) {
			return x;
		}
		if (x.k == K_DAYS) {
			return unknown("days_since_* in arithmetic");
		}
		if (x.k == K_CONST && x.c.kind != LTY_SCALAR_INT) {
			return unknown("decimal arithmetic");
		}
		if (x.k != K_CONST && x.k != K_INT) {
			return unknown("arithmetic on a value that is not a number");
		}
		parts[i] = int_text(t, x);
	}
	v = mysql ? fmt(t, "CAST(%F AS DECIMAL(65,0))", parts[0]) : parts[0];
	for (i = 1; i < node->count; i++) {
		uint8_t op = t->e->kids[node->first + i].arith;
		if (op == LTY_ARITH_DIV) {
			v = mysql ? fmt(t, "TRUNCATE(CAST(%F AS DECIMAL(65,30)) / NULLIF(%F, 0), 0)", v, parts[i])
				: fmt(t, "(%F / %F)", v, parts[i]);
		} else {
			v = fmt(t, "(%F %s %F)", v, op == LTY_ARITH_ADD ? "+" : op == LTY_ARITH_SUB ? "-" : "*", parts[i]);
		}
		steps[i] = v;
	}
	b_init(&b, t);
	b_str(&b, "(CASE");
	for (i = 1; i < node->count; i++) {
		if (mysql) {
			b_str(&b, " WHEN ");
			b_frag(&b, steps[i]);
			b_str(&b, " NOT BETWEEN -9223372036854775808 AND 9223372036854775807 THEN NULL");
		} else {
			b_str(&b, " WHEN typeof(");
			b_frag(&b, steps[i]);
			b_str(&b, ") <> 'integer' THEN NULL");
		}
	}
	b_str(&b, " ELSE ");
	b_frag(&b, v);
	b_str(&b, " END)");
	if (b.len > LTY_SQL_MAX_VALUE) {
		return unknown("arithmetic too long to write out in SQL");
	}
	r = of_kind(K_INT, b_done(&b));
	return r;
}

static val value(tr *t, uint32_t n)
{
	const lty_node *node = &t->e->nodes[n];
	val v;

	if (constant(t->e, n)) {
		if (node->op == LTY_OP_LIST) {
			v = of_kind(K_LLIST, TRUE_);
			v.node = n;
			return v;
		}
		return const_val(t, n);
	}
	switch (node->op) {
		case LTY_OP_FIELD:
			return field(t, node->k.field);
		case LTY_OP_ATTR: {
			const lty_str *x = attr_expr(t, node->k.slot);
			const lty_str *name = &t->program->attr_names[node->k.slot];
			if (x == NULL) {
				return unknown(named(t, "attr.", name->ptr, name->len, ": not in the column map"));
			}
			return of_kind(K_DYN, col(t, *x));
		}
		case LTY_OP_LIST:
			v = of_kind(K_LLIST, TRUE_);
			v.node = n;
			return v;
		case LTY_OP_COUNT:
			return count(t, kid(t, n, 0));
		case LTY_OP_LOWER:
			return lower(t, value(t, kid(t, n, 0)));
		case LTY_OP_ARITH:
			return arith(t, n);
	}
	{
		/* a condition as a value (bool == bool): only when it translates exactly */
		bool exact = t->exact;
		size_t notes = t->note_count;
		frag c;
		t->exact = true; /* whether this condition translates exactly, whatever came before */
		c = cond(t, n, 1);
		if (!t->exact) {
			t->exact = exact;
			t->note_count = notes;
			return unknown("a comparison of conditions that do not translate exactly");
		}
		t->exact = exact;
		if (c.kind != C_SQL) {
			v = of_kind(K_CONST, TRUE_);
			v.c.kind = LTY_SCALAR_BOOL;
			v.c.u.b = c.kind == C_TRUE;
			return v;
		}
		return of_kind(K_BOOL, c);
	}
}

/* ---- comparisons ---- */

/* The engine's three-valued comparison of two constants: -2 for null (kinds differ). */
static int compare_scalars(const lty_scalar *a, const lty_scalar *b)
{
	bool an = a->kind == LTY_SCALAR_INT || a->kind == LTY_SCALAR_DECIMAL;
	bool bn = b->kind == LTY_SCALAR_INT || b->kind == LTY_SCALAR_DECIMAL;

	if (an && bn) {
		if (a->kind == b->kind) {
			return sign64(a->u.i, b->u.i);
		}
		return a->kind == LTY_SCALAR_INT ? -lty_dec_cmp_int(b->u.i, a->u.i) : lty_dec_cmp_int(a->u.i, b->u.i);
	}
	if (a->kind == LTY_SCALAR_STRING && b->kind == LTY_SCALAR_STRING) {
		size_t n = a->u.s.len < b->u.s.len ? a->u.s.len : b->u.s.len;
		int r = n ? memcmp(a->u.s.ptr, b->u.s.ptr, n) : 0;
		return r != 0 ? (r < 0 ? -1 : 1) : (a->u.s.len > b->u.s.len) - (a->u.s.len < b->u.s.len);
	}
	if (a->kind == LTY_SCALAR_BOOL && b->kind == LTY_SCALAR_BOOL) {
		return (int) a->u.b - (int) b->u.b;
	}
	return -2;
}

static frag binary(tr *t, frag x, int op, frag y)
{
	return fmt(t, "(%F %s %F)", x, SQL_CMP[op], y);
}

/* x op k, sargable on a column: NULL reads as 0 for the int fields, so `OR x IS NULL` where 0 op k. */
static frag cmp_int(tr *t, val a, int op, int64_t k, int pol)
{
	frag c;

	if (a.k == K_UNKNOWN) {
		return inexact(t, pol, a.why);
	}
	c = fmt(t, "(%F %s ", a.f, SQL_CMP[op]);
	{
		builder b;
		b_init(&b, t);
		b_frag(&b, c);
		b_str(&b, int_param_sql(t));
		b_str(&b, ")");
		b_param(&b, int_param(k));
		c = b_done(&b);
	}
	if (a.def0 && lty_cmp_holds(sign64(0, k), (lty_cmp) op)) {
		return fmt(t, "(%F OR %F IS NULL)", c, a.f);
	}
	return c;
}

/* An int against a number: a decimal bound becomes an int one (x > 12.5 is x >= 13).
 * Returns 1 with *op, *k set; 2: any int; 0: no int. */
static int int_bound(const lty_scalar *c, int *op, int64_t *k)
{
	int64_t m, floor;

	if (c->kind == LTY_SCALAR_INT) {
		*k = c->u.i;
		return 1;
	}
	m = c->u.i;
	floor = m / LTY_DEC_ONE - (m % LTY_DEC_ONE < 0 ? 1 : 0);
	if (m % LTY_DEC_ONE == 0) {
		*k = floor;
		return 1;
	}
	switch (*op) {
		case LTY_CMP_EQ: return 0;
		case LTY_CMP_NE: return 2;
		case LTY_CMP_LT:
		case LTY_CMP_LE: *op = LTY_CMP_LE; *k = floor; return 1;
		default: *op = LTY_CMP_GE; *k = floor + 1; return 1;
	}
}

static frag compare_int_const(tr *t, val a, int op, const lty_scalar *c)
{
	int64_t k = 0;
	int r = int_bound(c, &op, &k);

	if (r == 0) {
		return FALSE_;
	}
	if (r == 2) {
		return a.def0 ? TRUE_ : fmt(t, "(%F IS NOT NULL)", a.f);
	}
	return cmp_int(t, a, op, k, 1);
}

/* Byte-exact, whatever the collation; an equality with a column keeps a sargable `=` first. */
static frag compare_str(tr *t, val a, int op, frag b, bool param)
{
	frag exact;

	if (t->dialect == LTY_SQL_SQLITE) {
		return fmt(t, "(%F COLLATE BINARY %s %F)", a.f, SQL_CMP[op], b);
	}
	exact = fmt(t, "(CAST(%F AS BINARY) %s CAST(%F AS BINARY))", a.f, SQL_CMP[op], b);
	if (op == LTY_CMP_EQ && a.raw && param) {
		return and2(t, fmt(t, "(%F = %F)", a.f, b), exact);
	}
	return exact;
}

/* ---- dates ---- */

static bound fin(int64_t v)
{
	bound b;

	b.inf = 0;
	b.v = v;
	return b;
}

static bound inf(int8_t sign)
{
	bound b;

	b.inf = sign;
	b.v = 0;
	return b;
}

/* a + d, saturated */
static bound sat(bound a, int64_t d)
{
	int64_t r;

	if (a.inf) {
		return a;
	}
	if (lty_add_overflow(a.v, d, &r)) {
		return inf(d > 0 ? 1 : -1);
	}
	return fin(r);
}

/* now - d * 86400, saturated (d * 86400 beyond the range is beyond it too) */
static bound minus_days(int64_t now, int64_t d)
{
	int64_t m;

	if (lty_mul_overflow(d, (int64_t) -DAY, &m)) {
		return inf(d > 0 ? -1 : 1);
	}
	return sat(fin(now), m);
}

static int bcmp_(bound a, bound b)
{
	if (a.inf || b.inf) {
		return (a.inf > b.inf) - (a.inf < b.inf);
	}
	return sign64(a.v, b.v);
}

static bound bmin(bound a, bound b)
{
	return bcmp_(a, b) <= 0 ? a : b;
}

static bound bmax(bound a, bound b)
{
	return bcmp_(a, b) >= 0 ? a : b;
}

/* The dates t for which now - t does not overflow (days_since is null beyond). */
static bound valid_low(int64_t now)
{
	int64_t r;

	return lty_sub_overflow(now, INT64_MAX, &r) ? inf(-1) : fin(r);
}

static bound valid_high(int64_t now)
{
	int64_t r;

	return now >= 0 || lty_sub_overflow(now, INT64_MIN, &r) ? inf(1) : fin(r);
}

/* col >= t or col <= t. A DATETIME is the wall clock of the host's timezone: exact unless a DST
 * change is within 3 hours of t (then moved outwards for a superset, inwards for a subset). */
static frag date_bound(tr *t, frag c, bool upper, int64_t when, bool timestamp, int pol)
{
	char s[32], s2[32];
	int64_t off1 = 0, off2 = 0, a, b, moved;
	builder bl;
	size_t len;

	if (timestamp) {
		b_init(&bl, t);
		b_str(&bl, "(");
		b_frag(&bl, c);
		b_str(&bl, upper ? " <= " : " >= ");
		b_str(&bl, int_param_sql(t));
		b_str(&bl, ")");
		b_param(&bl, int_param(when));
		return b_done(&bl);
	}
	a = lty_sub_overflow(when, (int64_t) TRANSITION, &a) ? INT64_MIN : when - TRANSITION;
	b = lty_add_overflow(when, (int64_t) TRANSITION, &b) ? INT64_MAX : when + TRANSITION;
	if (!t->host->local(t->host->ctx, a, s, sizeof(s), &off1) || !t->host->local(t->host->ctx, b, s2, sizeof(s2), &off2)) {
		t->oom = true;
		return TRUE_;
	}
	if (off1 != off2) {
		note(t, "a date bound within 3 hours of a daylight saving time change");
		if (lty_add_overflow(when, upper == (pol > 0) ? (int64_t) TRANSITION : (int64_t) -TRANSITION, &moved)) {
			return pol > 0 ? TRUE_ : FALSE_;
		}
		when = moved;
	}
	if (!t->host->local(t->host->ctx, when, s, sizeof(s), &off1)) {
		t->oom = true;
		return TRUE_;
	}
	len = strlen(s);
	if (s[0] == '-' || len > 19) { /* before year 0 or after 9999: no DATETIME is beyond */
		return (s[0] == '-') == !upper ? TRUE_ : FALSE_;
	}
	{
		char *copy = lty_arena_strndup(t->arena, s, len);
		if (copy == NULL) {
			t->oom = true;
			return TRUE_;
		}
		b_init(&bl, t);
		b_str(&bl, "(");
		b_frag(&bl, c);
		b_str(&bl, upper ? " <= ?)" : " >= ?)");
		b_param(&bl, str_param(copy, len));
		return b_done(&bl);
	}
}

/* X in one of the ranges [lo, hi] of Unix times, as bounds on the column. */
static frag date_range(tr *t, int which, const bound *ranges, size_t n, int pol)
{
	frag c = col(t, t->map->date[which]), cs[2];
	size_t i, k = 0;

	for (i = 0; i < n; i++) {
		bound lo = ranges[2 * i], hi = ranges[2 * i + 1];
		frag bounds[2] = { TRUE_, TRUE_ }, r;
		if (bcmp_(lo, hi) > 0) {
			continue;
		}
		if (!lo.inf) {
			bounds[0] = date_bound(t, c, false, lo.v, t->map->timestamp[which], pol);
		}
		if (!hi.inf) {
			bounds[1] = date_bound(t, c, true, hi.v, t->map->timestamp[which], pol);
		}
		r = logic(t, bounds, 2, false);
		cs[k++] = r.kind == C_TRUE ? fmt(t, "(%F IS NOT NULL)", c) : r;
	}
	return logic(t, cs, k, true);
}

/* days_since_X op c: the bound on X computed here for `now`, so the column stays sargable. */
static frag compare_days(tr *t, int which, int op, const lty_scalar *c, int pol)
{
	int64_t k = 0;
	int r = int_bound(c, &op, &k);
	/* ranges of days, INT64 extremes with `open` flags for unbounded */
	bool has1[2] = { false, false }, has2[2] = { false, false };
	int64_t d1[2] = { 0, 0 }, d2[2] = { 0, 0 };
	size_t n = 0, i;
	bound ranges[4];

	if (r == 0) {
		return FALSE_;
	}
	if (r == 2) {
		n = 1;
	} else {
		switch (op) {
			case LTY_CMP_EQ: n = 1; has1[0] = has2[0] = true; d1[0] = d2[0] = k; break;
			case LTY_CMP_NE:
				if (k != INT64_MIN) {
					has2[n] = true;
					d2[n++] = k - 1;
				}
				if (k != INT64_MAX) {
					has1[n] = true;
					d1[n++] = k + 1;
				}
				break;
			case LTY_CMP_LT:
				if (k != INT64_MIN) {
					has2[n] = true;
					d2[n++] = k - 1;
				}
				break;
			case LTY_CMP_LE: has2[n] = true; d2[n++] = k; break;
			case LTY_CMP_GT:
				if (k != INT64_MAX) {
					has1[n] = true;
					d1[n++] = k + 1;
				}
				break;
			default: has1[n] = true; d1[n++] = k; break;
		}
	}
	/* days(t) >= d1 iff t <= now - d1 * 86400; days(t) <= d2 iff t >= now - d2 * 86400 - 86399 */
	for (i = 0; i < n; i++) {
		bound hi = valid_high(t->now), lo = valid_low(t->now);
		if (has1[i]) {
			hi = bmin(minus_days(t->now, d1[i]), hi);
		}
		if (has2[i]) {
			lo = bmax(sat(minus_days(t->now, d2[i]), -(DAY - 1)), lo);
		}
		ranges[2 * i] = lo;
		ranges[2 * i + 1] = hi;
	}
	return date_range(t, which, ranges, n, pol);
}

static frag compare_const(tr *t, val a, int op, const lty_scalar *c, int pol)
{
	if (c->kind == LTY_SCALAR_NULL) {
		return FALSE_;
	}
	if (a.k == K_BOOL) {
		if (c->kind != LTY_SCALAR_BOOL) {
			return FALSE_;
		}
		return (op == LTY_CMP_EQ) == c->u.b ? a.f : not_(t, a.f);
	}
	if (c->kind == LTY_SCALAR_INT || c->kind == LTY_SCALAR_DECIMAL) {
		if (a.k == K_DAYS) {
			return compare_days(t, a.field, op, c, pol);
		}
		a = int_view(t, a);
		return a.k == K_INT ? compare_int_const(t, a, op, c) : FALSE_;
	}
	if (c->kind == LTY_SCALAR_STRING) {
		a = str_view(t, a);
		if (a.k != K_STR) {
			return FALSE_;
		}
		return compare_str(t, a, op, with_param(t, "?", str_param(c->u.s.ptr, c->u.s.len)), true);
	}
	return FALSE_;
}

/* list == list: the same length and each pair equal (a null pair is not equal), as the engine;
 * a list field against [] is count() == 0; other list fields stay in PHP (SQL has no order). */
static frag compare_lists(tr *t, val a, int op, val b, int pol)
{
	int p = op == LTY_CMP_EQ ? pol : -pol;
	frag eq;

	if (a.k == K_LFIELD && b.k == K_LFIELD && a.field == b.field) {
		eq = TRUE_;
	} else if (a.k == K_LLIST && b.k == K_LLIST) {
		const lty_node *x = &t->e->nodes[a.node], *y = &t->e->nodes[b.node];
		frag *cs;
		uint32_t i;
		if (x->count != y->count) {
			eq = FALSE_;
		} else if ((cs = lty_arena_array(t->arena, x->count ? x->count : 1, sizeof(frag))) == NULL) {
			t->oom = true;
			return TRUE_;
		} else {
			for (i = 0; i < x->count; i++) {
				cs[i] = compare(t, value(t, kid(t, a.node, i)), LTY_CMP_EQ, value(t, kid(t, b.node, i)), p);
			}
			eq = logic(t, cs, x->count, false);
		}
	} else {
		val f = a.k == K_LFIELD ? a : b, l = a.k == K_LFIELD ? b : a;
		val n;
		if (l.k != K_LLIST || t->e->nodes[l.node].count != 0) {
			return inexact(t, pol, "a comparison of lists");
		}
		n = count_field(t, f.field);
		if (n.k == K_UNKNOWN) {
			return inexact(t, pol, n.why);
		}
		eq = cmp_int(t, n, LTY_CMP_EQ, 0, p);
	}
	return op == LTY_CMP_EQ ? eq : not_(t, eq);
}

static frag compare(tr *t, val a, int op, val b, int pol)
{
	if (a.k == K_UNKNOWN) {
		return inexact(t, pol, a.why);
	}
	if (b.k == K_UNKNOWN) {
		return inexact(t, pol, b.why);
	}
	if (a.k == K_CONST && b.k == K_CONST) {
		int r = compare_scalars(&a.c, &b.c);
		return r != -2 && lty_cmp_holds(r, (lty_cmp) op) ? TRUE_ : FALSE_;
	}
	/* the constant (else an attribute) on the right */
	if (a.k == K_CONST || (a.k == K_DYN && b.k != K_CONST && b.k != K_DYN)) {
		val x = a;
		a = b;
		b = x;
		op = FLIP[op];
	}
	if (a.k == K_LFIELD || a.k == K_LLIST || b.k == K_LFIELD || b.k == K_LLIST) {
		return compare_lists(t, a, op, b, pol);
	}
	if (b.k == K_CONST) {
		return compare_const(t, a, op, &b.c, pol);
	}
	switch (a.k) {
		case K_DAYS:
			return inexact(t, pol, "days_since_* compared with an expression");
		case K_INT:
			b = int_view(t, b);
			if (b.k == K_DAYS) {
				return inexact(t, pol, "days_since_* compared with an expression");
			}
			return b.k == K_INT ? binary(t, int_text(t, a), op, int_text(t, b)) : FALSE_;
		case K_STR:
			b = str_view(t, b);
			return b.k == K_STR ? compare_str(t, a, op, b.f, false) : FALSE_;
		case K_BOOL:
			if (b.k != K_BOOL) {
				return FALSE_; /* no SQL column gives PHP a bool attribute */
			}
			return fmt(t, "((%F IS TRUE) %s (%F IS TRUE))", a.f, SQL_CMP[op], b.f);
		case K_DYN: { /* both attributes: ints with ints, strings with strings */
			val ia = int_view(t, a), ib = int_view(t, b), sa = str_view(t, a), sb = str_view(t, b);
			return or2(t, binary(t, int_text(t, ia), op, int_text(t, ib)), compare_str(t, sa, op, sb.f, false));
		}
	}
	return FALSE_;
}

/* ---- in, like ---- */

/* x not null and of the list's element kind: what `not in` and `not like` need besides the negation. */
static frag present(tr *t, val x, uint8_t elem)
{
	switch (x.k) {
		case K_CONST:
			return x.c.kind != LTY_SCALAR_NULL ? TRUE_ : FALSE_;
		case K_INT:
			return x.def0 ? TRUE_ : fmt(t, "(%F IS NOT NULL)", x.f);
		case K_STR:
			return fmt(t, "(%F IS NOT NULL)", x.f);
		case K_BOOL:
			return TRUE_;
		case K_DAYS: { /* days_since is null without a date or on overflow */
			bound r[2];
			r[0] = valid_low(t->now);
			r[1] = valid_high(t->now);
			return date_range(t, x.field, r, 1, 1);
		}
		case K_DYN: {
			val v;
			switch (elem) {
				case LTY_TYPE_STR: v = str_view(t, x); break;
				case LTY_TYPE_NUM: v = int_view(t, x); break;
				case LTY_TYPE_BOOL: return FALSE_;
				default: v = x; break;
			}
			return fmt(t, "(%F IS NOT NULL)", v.f);
		}
	}
	return FALSE_;
}

/* The developer's `contains` SQL with its ? replaced by the value's SQL. */
static frag substitute(tr *t, lty_str contains, frag x)
{
	const char *q = memchr(contains.ptr, '?', contains.len);
	builder b;

	b_init(&b, t);
	b_str(&b, "(");
	b_mem(&b, contains.ptr, (size_t) (q - contains.ptr));
	b_frag(&b, x);
	b_mem(&b, q + 1, contains.len - (size_t) (q - contains.ptr) - 1);
	b_str(&b, ")");
	return b_done(&b);
}

static frag in(tr *t, uint32_t n, int pol)
{
	const lty_node *node = &t->e->nodes[n];
	val x = value(t, kid(t, n, 0)), l = value(t, kid(t, n, 1));
	bool neg = node->negate;
	int p = neg ? -pol : pol;
	uint8_t elem;
	frag found;

	if (x.k == K_UNKNOWN) {
		return inexact(t, pol, x.why);
	}
	if (l.k == K_UNKNOWN) {
		return inexact(t, pol, l.why);
	}
	if (l.k == K_LFIELD) {
		static const char *const why[] = { "groups: no 'contains' in the column map",
			"carriers: no 'contains' in the column map", "bought: no 'contains' in the column map" };
		lty_str contains = t->map->contains[l.field];
		elem = LTY_TYPE_STR;
		if (contains.ptr == NULL) {
			return inexact(t, pol, why[l.field]);
		}
		x = str_view(t, x);
		if (x.k == K_CONST) {
			found = x.c.kind == LTY_SCALAR_STRING
				? substitute(t, contains, with_param(t, "?", str_param(x.c.u.s.ptr, x.c.u.s.len))) : FALSE_;
		} else if (x.k == K_STR) {
			found = substitute(t, contains, x.f);
		} else {
			found = FALSE_;
		}
	} else {
		const lty_node *list = &t->e->nodes[l.node];
		frag *cs = lty_arena_array(t->arena, list->count ? list->count : 1, sizeof(frag));
		uint32_t i;
		if (cs == NULL) {
			t->oom = true;
			return TRUE_;
		}
		elem = list->elem;
		for (i = 0; i < list->count; i++) {
			cs[i] = compare(t, x, LTY_CMP_EQ, value(t, kid(t, l.node, i)), p);
		}
		found = logic(t, cs, list->count, true);
	}
	return neg ? and2(t, present(t, x, elem), not_(t, found)) : found;
}

/* `like` as SQL's LIKE, its own wildcards escaped with '!'. */
static frag like_param(tr *t, const char *pat, size_t len, bool wild, bool lower_, const char *tail)
{
	char *out = lty_arena_alloc(t->arena, 2 * len + 2);
	size_t i, k = 0;

	if (out == NULL) {
		t->oom = true;
		return TRUE_;
	}
	for (i = 0; i < len; i++) {
		char c = pat[i];
		if (lower_ && c >= 'A' && c <= 'Z') {
			c = (char) (c + 32);
		}
		if (wild && c == '*') {
			out[k++] = '%';
		} else if (wild && c == '?') {
			out[k++] = '_';
		} else if (c == '%' || c == '_' || c == '!') {
			out[k++] = '!';
			out[k++] = c;
		} else {
			out[k++] = c;
		}
	}
	if (*tail) {
		out[k++] = *tail;
	}
	out[k] = '\0';
	return with_param(t, "?", str_param(out, k));
}

/* One run of literal bytes of a SQLite pattern at byte `start` of the blob (from the end when
 * negative), ASCII case folded as `like` does: lower() of SQLite folds ASCII bytes only. */
static frag byte_run(tr *t, frag blob, int64_t start, const char *run, size_t k)
{
	char *low = lty_arena_strndup(t->arena, run, k);
	builder b;
	size_t i;

	if (low == NULL) {
		t->oom = true;
		return TRUE_;
	}
	for (i = 0; i < k; i++) {
		if (low[i] >= 'A' && low[i] <= 'Z') {
			low[i] = (char) (low[i] + 32);
		}
	}
	b_init(&b, t);
	b_str(&b, "(lower(substr(");
	b_frag(&b, blob);
	b_str(&b, ", ");
	b_str(&b, int_param_sql(t));
	b_param(&b, int_param(start));
	b_str(&b, ", ");
	b_str(&b, int_param_sql(t));
	b_param(&b, int_param((int64_t) k));
	b_str(&b, ")) = ?)");
	b_param(&b, str_param(low, k));
	return b_done(&b);
}

/* The start, after the literal run[0..k) between stars framed by `a` and `b` question marks, of the
 * leftmost match at or after the byte offset `s` of the lowered blob `v` (1-based); NULL when there
 * is none (NULLIF). Matching each run between stars at its leftmost place is how a glob of stars
 * matches; a run that would reach into the suffix is caught by the caller's final check. */
static frag next_start(tr *t, frag s, frag v, size_t a, const char *run, size_t k, size_t b)
{
	char *low;
	builder bl;
	size_t i;

	b_init(&bl, t);
	if (k == 0) { /* question marks only: that many bytes */
		b_str(&bl, "(");
		b_frag(&bl, s);
		b_str(&bl, " + ");
		b_str(&bl, int_param_sql(t));
		b_str(&bl, ")");
		b_param(&bl, int_param((int64_t) (a + b)));
		return b_done(&bl);
	}
	low = lty_arena_strndup(t->arena, run, k);
	if (low == NULL) {
		t->oom = true;
		return TRUE_;
	}
	for (i = 0; i < k; i++) {
		if (low[i] >= 'A' && low[i] <= 'Z') {
			low[i] = (char) (low[i] + 32);
		}
	}
	/* the deep term first: SQLite's parser stack then holds no open `s +` while it reads it */
	b_str(&bl, "(NULLIF(instr(substr(");
	b_frag(&bl, v);
	b_str(&bl, ", ");
	b_frag(&bl, s);
	b_str(&bl, " + ");
	b_str(&bl, int_param_sql(t));
	b_param(&bl, int_param((int64_t) a));
	b_str(&bl, "), CAST(? AS BLOB)), 0) + ");
	b_param(&bl, str_param(low, k));
	b_frag(&bl, s);
	b_str(&bl, " + ");
	b_str(&bl, int_param_sql(t));
	b_str(&bl, ")");
	b_param(&bl, int_param((int64_t) (a + k + b) - 1));
	return b_done(&bl);
}

/* The literal runs between the first and the last star, each found at its leftmost place after the
 * previous one: the next start after the last must leave the suffix's `suf` bytes. False for a run
 * with `?` inside its literal (instr() finds literals only) or more than SQLITE_MIDDLES runs. */
static bool middles(tr *t, val x, frag blob, const char *pat, size_t from, size_t to, size_t suf, frag *out)
{
	frag s = with_param(t, int_param_sql(t), int_param((int64_t) from + 1)), v = TRUE_;
	size_t i = from, count = 0;
	builder b;

	while (i < to) {
		size_t at, a = 0, k, q = 0;
		if (pat[i] == '*') {
			i++;
			continue;
		}
		for (at = i; i < to && pat[i] != '*'; i++) {
		}
		while (a < i - at && pat[at + a] == '?') {
			a++;
		}
		while (q < i - at - a && pat[i - 1 - q] == '?') {
			q++;
		}
		k = i - at - a - q;
		if (memchr(pat + at + a, '?', k) != NULL || ++count > SQLITE_MIDDLES) {
			return false;
		}
		if (v.kind != C_SQL && k) {
			v = fmt(t, "CAST(lower(%F) AS BLOB)", x.f);
		}
		s = next_start(t, s, v, a, pat + at + a, k, q);
	}
	if (count == 0) {
		*out = TRUE_;
		return true;
	}
	b_init(&b, t);
	b_str(&b, "(");
	b_frag(&b, s);
	b_str(&b, " <= length(");
	b_frag(&b, blob);
	b_str(&b, ") + ");
	b_str(&b, int_param_sql(t));
	b_str(&b, ")");
	b_param(&b, int_param(1 - (int64_t) suf));
	*out = b_done(&b);
	return true;
}

/* `like` in SQLite, byte for byte, right for a value holding a NUL byte too (SQLite's LIKE reads text
 * up to the first one) and with the engine's `?` as one byte (SQLite's _ is one character): the
 * length, the literal runs of PRE and SUF at their byte offsets of CAST(x AS BLOB), where substr()
 * counts bytes, and the runs between stars by instr() on the lowered blob (middles()). Returns false
 * for the shapes middles() refuses. */
static bool byte_glob(tr *t, val x, const char *pat, size_t len, frag *out)
{
	const char *first = memchr(pat, '*', len);
	size_t pre = first ? (size_t) (first - pat) : len, suf_at = len, i, k, n = 0, fixed = 0;
	frag blob, mid = TRUE_, *cs;
	builder b;

	for (i = 0; i < len; i++) {
		fixed += pat[i] != '*';
	}
	if (first != NULL) {
		while (suf_at > 0 && pat[suf_at - 1] != '*') {
			suf_at--;
		}
	}
	cs = lty_arena_array(t->arena, len + 2, sizeof(frag));
	if (cs == NULL) {
		t->oom = true;
		*out = TRUE_;
		return true;
	}
	blob = fmt(t, "CAST(%F AS BLOB)", x.f);
	if (first != NULL && !middles(t, x, blob, pat, pre, suf_at, len - suf_at, &mid)) {
		return false;
	}
	b_init(&b, t);
	b_str(&b, "(length(");
	b_frag(&b, blob);
	b_str(&b, first ? ") >= " : ") = ");
	b_str(&b, int_param_sql(t));
	b_str(&b, ")");
	b_param(&b, int_param((int64_t) fixed));
	cs[n++] = b_done(&b);
	for (i = 0; i < len; i += k ? k : 1) {
		bool in_suf = first != NULL && i >= suf_at;
		if (first != NULL && i >= pre && i < suf_at) {
			k = 0;
			continue;
		}
		for (k = 0; i + k < (in_suf || first == NULL ? len : pre) && pat[i + k] != '?'; k++) {
		}
		if (k) {
			cs[n++] = byte_run(t, blob, in_suf ? -(int64_t) (len - i) : (int64_t) i + 1, pat + i, k);
		}
	}
	cs[n++] = mid;
	*out = logic(t, cs, n, false);
	return true;
}

/* SQLite: LIKE folds ASCII case as `like` does, but reads a text value only up to its first NUL
 * byte and its _ is one character. A pattern with `?` is matched byte for byte; one without keeps
 * LIKE (and a prefix LIKE the index can use) for values without a NUL byte, the bytes for others.
 * LIKE 'PRE%' is right for every value: PRE holds no NUL byte (expressions have none). */
static frag sqlite_glob(tr *t, val x, const char *pat, size_t len, int pol)
{
	frag bytes = TRUE_, like_, m;
	size_t pre, i;
	bool by_bytes;

	if (memchr(pat, '?', len) != NULL) {
		char *p;
		if (byte_glob(t, x, pat, len, &bytes)) {
			return bytes;
		}
		note(t, "like with '?' in SQLite: its _ matches a character, the engine's ? one byte");
		if (pol < 0) {
			return FALSE_;
		}
		p = lty_arena_strndup(t->arena, pat, len);
		if (p == NULL) {
			t->oom = true;
			return TRUE_;
		}
		for (i = 0; i < len; i++) {
			if (p[i] == '?') {
				p[i] = '*';
			}
		}
		pat = p;
	}
	like_ = fmt(t, "(%F LIKE %F ESCAPE '!')", x.f, like_param(t, pat, len, true, false, ""));
	for (pre = 0; pre < len && pat[pre] != '*'; pre++) {
	}
	for (i = pre; i < len && pat[i] == '*'; i++) {
	}
	if (pre < len && i == len) { /* PRE*: LIKE 'PRE%' */
		return like_;
	}
	by_bytes = byte_glob(t, x, pat, len, &bytes);
	if (!by_bytes) {
		note(t, "like in SQLite with more than 3 literals between stars: a value holding a NUL byte, which SQLite's LIKE reads only up to, is checked in PHP");
		m = fmt(t, "(CASE WHEN instr(CAST(%F AS BLOB), X'00') > 0 THEN %s ELSE %F END)", x.f, pol > 0 ? "1" : "0", like_);
	} else {
		m = fmt(t, "(CASE WHEN instr(CAST(%F AS BLOB), X'00') > 0 THEN %F ELSE %F END)", x.f, bytes, like_);
	}
	if (pre == 0) {
		return m;
	}
	return and2(t, fmt(t, "(%F LIKE %F ESCAPE '!')", x.f, like_param(t, pat, pre, false, false, "%")), m);
}

static frag glob(tr *t, val x, const char *pat, size_t len, int pol)
{
	frag exact, pf;
	val bytes;
	size_t i, n;
	bool letters = false;

	if (t->dialect == LTY_SQL_SQLITE) {
		return sqlite_glob(t, x, pat, len, pol);
	}
	for (i = 0; i < len; i++) {
		if ((pat[i] >= 'A' && pat[i] <= 'Z') || (pat[i] >= 'a' && pat[i] <= 'z')) {
			letters = true;
		}
	}
	bytes = x.low ? x : letters ? lower(t, x) : of_kind(K_STR, fmt(t, "CAST(%F AS BINARY)", x.f));
	exact = fmt(t, "(%F LIKE %F ESCAPE '!')", bytes.f, like_param(t, pat, len, true, true, ""));
	if (!x.raw) {
		return exact;
	}
	/* a prefix without letters nor non-ASCII bytes matches itself under any collation: sargable */
	for (n = 0; n < len && pat[n] != '*' && pat[n] != '?'; n++) {
		unsigned char o = (unsigned char) pat[n];
		if (o >= 0x80 || (o >= 'A' && o <= 'Z') || (o >= 'a' && o <= 'z')) {
			break;
		}
	}
	if (n == 0) {
		return exact;
	}
	pf = fmt(t, "(%F LIKE %F ESCAPE '!')", x.f, like_param(t, pat, n, false, false, "%"));
	return and2(t, pf, exact);
}

static frag like(tr *t, uint32_t n, int pol)
{
	const lty_node *node = &t->e->nodes[n];
	val x = str_view(t, value(t, kid(t, n, 0)));
	frag m;

	if (x.k == K_UNKNOWN) {
		return inexact(t, pol, x.why);
	}
	if (x.k != K_STR) {
		return FALSE_;
	}
	m = glob(t, x, node->k.s.ptr, node->k.s.len, node->negate ? -pol : pol);
	return node->negate ? and2(t, present(t, x, LTY_TYPE_STR), not_(t, m)) : m;
}

/* ---- conditions by node ---- */

static frag cond(tr *t, uint32_t n, int pol)
{
	const lty_node *node = &t->e->nodes[n];

	if (t->oom || t->too_long) {
		return TRUE_;
	}
	if (constant(t->e, n)) {
		lty_scalar v;
		bool lower_;
		lty_expr_node_value(t->e, n, &v, &lower_);
		return v.kind == LTY_SCALAR_BOOL && v.u.b ? TRUE_ : FALSE_;
	}
	switch (node->op) {
		case LTY_OP_NOT:
			return not_(t, cond(t, kid(t, n, 0), -pol));
		case LTY_OP_AND:
		case LTY_OP_OR: {
			frag *cs = lty_arena_array(t->arena, node->count, sizeof(frag));
			uint32_t i;
			if (cs == NULL) {
				t->oom = true;
				return TRUE_;
			}
			for (i = 0; i < node->count; i++) {
				cs[i] = cond(t, kid(t, n, i), pol);
			}
			return logic(t, cs, node->count, node->op == LTY_OP_OR);
		}
		case LTY_OP_SEGMENT:
			return segment(t, node->k.index, pol);
		case LTY_OP_CMP: {
			val a = value(t, kid(t, n, 0)), b = value(t, kid(t, n, 1));
			return compare(t, a, node->sub, b, pol);
		}
		case LTY_OP_IN:
			return in(t, n, pol);
		case LTY_OP_LIKE:
			return like(t, n, pol);
		case LTY_OP_FIELD: { /* active */
			val v = value(t, n);
			return v.k == K_BOOL ? v.f : inexact(t, pol, v.why);
		}
		case LTY_OP_ATTR: { /* true only for a bool true, which no SQL column gives PHP */
			val v = value(t, n);
			return v.k == K_UNKNOWN ? inexact(t, pol, v.why) : FALSE_;
		}
	}
	return inexact(t, pol, "an expression the translation does not know");
}

/* first_order_recent: the first order (else the last) within 30 days. */
static frag recent(tr *t, int pol)
{
	bound range[2];
	frag first, fo;

	if (t->map->date[0].ptr == NULL || t->map->date[1].ptr == NULL) {
		return inexact(t, pol, "first_order_recent: first_order and last_order must both be in the column map");
	}
	/* now - when < 30 days, without overflow */
	range[0] = sat(fin(t->now), -RECENT + 1);
	range[1] = valid_high(t->now);
	first = date_range(t, 0, range, 1, pol);
	fo = col(t, t->map->date[0]);
	return or2(t, first, and2(t, fmt(t, "(%F IS NULL)", fo), date_range(t, 1, range, 1, pol)));
}

static frag segment(tr *t, int index, int pol)
{
	const lty_segment *s = &t->program->segments[index];
	val orders;

	if (s->expr != NULL) {
		const lty_expr *outer = t->e;
		frag a = active(t, pol), c;
		t->e = s->expr;
		c = cond(t, s->expr->root, pol);
		t->e = outer;
		return and2(t, a, c);
	}
	orders = field(t, LTY_F_ORDERS);
	switch (index) {
		case LTY_SEG_ALL:
			return TRUE_;
		case LTY_SEG_DISABLED: {
			frag c;
			if (t->map->scalar[LTY_SQL_ACTIVE].ptr == NULL) {
				return inexact(t, pol, "active: not in the column map");
			}
			c = col(t, t->map->scalar[LTY_SQL_ACTIVE]);
			return fmt(t, "(%F IS NOT NULL AND %F = 0)", c, c);
		}
		case LTY_SEG_NO_ORDERS:
			return and2(t, active(t, pol), cmp_int(t, orders, LTY_CMP_EQ, 0, pol));
		case LTY_SEG_FIRST_ORDER_RECENT: {
			frag cs[3];
			cs[0] = active(t, pol);
			cs[1] = cmp_int(t, orders, LTY_CMP_EQ, 1, pol);
			cs[2] = recent(t, pol);
			return logic(t, cs, 3, false);
		}
		case LTY_SEG_LOYAL:
			return and2(t, active(t, pol), cmp_int(t, orders, LTY_CMP_GE, 2, pol));
		default:
			return and2(t, active(t, pol), cmp_int(t, orders, LTY_CMP_GE, 1, pol));
	}
}

/* ---- residual ---- */

static void collect(tr *t, int index, uint64_t seen);

static void collect_node(tr *t, const lty_expr *e, uint32_t n, uint64_t seen)
{
	const lty_node *node = &e->nodes[n];
	uint32_t i;

	switch (node->op) {
		case LTY_OP_FIELD:
			switch (node->k.field) {
				case LTY_F_ACTIVE: t->read |= LTY_FIELD_ACTIVE; break;
				case LTY_F_GROUPS: t->read |= LTY_FIELD_GROUPS; break;
				case LTY_F_ORDERS: t->read |= LTY_FIELD_ORDERS; break;
				case LTY_F_SPENT: t->read |= LTY_FIELD_SPENT; break;
				case LTY_F_CITY: t->read |= LTY_FIELD_CITY; break;
				case LTY_F_POSTCODE: t->read |= LTY_FIELD_POSTCODE; break;
				case LTY_F_COUNTRY: t->read |= LTY_FIELD_COUNTRY; break;
				case LTY_F_CARRIERS: t->read |= LTY_FIELD_CARRIERS; break;
				case LTY_F_BOUGHT: t->read |= LTY_FIELD_BOUGHT; break;
				case LTY_F_POINTS: t->read |= LTY_FIELD_POINTS; break;
				case LTY_F_LIFETIME_POINTS: t->read |= LTY_FIELD_LIFETIME_POINTS; break;
				case LTY_F_DAYS_SINCE_FIRST_ORDER: t->read |= LTY_FIELD_FIRST_ORDER; break;
				case LTY_F_DAYS_SINCE_LAST_ORDER: t->read |= LTY_FIELD_LAST_ORDER; break;
			}
			break;
		case LTY_OP_ATTR: {
			const lty_str *name = &t->program->attr_names[node->k.slot];
			size_t j;
			for (j = 0; j < t->attrs_read_count; j++) {
				if (t->attrs_read[j] == name) {
					break;
				}
			}
			if (j == t->attrs_read_count) {
				const lty_str **grown = lty_arena_grow(t->arena, (void *) t->attrs_read, t->attrs_read_count,
					&t->attrs_read_cap, sizeof(const lty_str *));
				if (grown == NULL) {
					t->oom = true;
					return;
				}
				t->attrs_read = grown;
				t->attrs_read[t->attrs_read_count++] = name;
			}
			break;
		}
		case LTY_OP_SEGMENT:
			collect(t, node->k.index, seen);
			break;
	}
	for (i = 0; i < node->count; i++) {
		collect_node(t, e, e->kids[node->first + i].node, seen);
	}
}

static void collect(tr *t, int index, uint64_t seen)
{
	const lty_segment *s = &t->program->segments[index];

	(void) seen; /* segment() references have no cycles: the program refused them */
	switch (s->expr == NULL ? index : -1) {
		case LTY_SEG_ALL: return;
		case LTY_SEG_DISABLED: t->read |= LTY_FIELD_ACTIVE; return;
		case LTY_SEG_FIRST_ORDER_RECENT: t->read |= LTY_FIELD_FIRST_ORDER | LTY_FIELD_LAST_ORDER; /* fall through */
		case LTY_SEG_NO_ORDERS:
		case LTY_SEG_LOYAL:
		case LTY_SEG_CUSTOMERS: t->read |= LTY_FIELD_ACTIVE | LTY_FIELD_ORDERS; return;
	}
	t->read |= LTY_FIELD_ACTIVE;
	collect_node(t, s->expr, s->expr->root, seen);
}

static int str_order(const void *a, const void *b)
{
	const lty_str *x = *(const lty_str *const *) a, *y = *(const lty_str *const *) b;
	size_t n = x->len < y->len ? x->len : y->len;
	int r = n ? memcmp(x->ptr, y->ptr, n) : 0;

	return r != 0 ? r : (x->len > y->len) - (x->len < y->len);
}

static const struct {
	uint32_t bit;
	const char *name;
} ORDER[] = {
	{ LTY_FIELD_ACTIVE, "active" }, { LTY_FIELD_GROUPS, "groups" }, { LTY_FIELD_ORDERS, "orders" },
	{ LTY_FIELD_SPENT, "spent" }, { LTY_FIELD_FIRST_ORDER, "first_order" }, { LTY_FIELD_LAST_ORDER, "last_order" },
	{ LTY_FIELD_CITY, "city" }, { LTY_FIELD_POSTCODE, "postcode" }, { LTY_FIELD_COUNTRY, "country" },
	{ LTY_FIELD_CARRIERS, "carriers" }, { LTY_FIELD_BOUGHT, "bought" }, { LTY_FIELD_POINTS, "points" },
	{ LTY_FIELD_LIFETIME_POINTS, "lifetime_points" }
};

static void residual(tr *t, int index, lty_sql_result *out)
{
	lty_str *list;
	size_t i, k = 0;

	collect(t, index, 0);
	list = lty_arena_array(t->arena, sizeof(ORDER) / sizeof(ORDER[0]) + t->attrs_read_count + 1, sizeof(lty_str));
	if (list == NULL || t->oom) {
		t->oom = true;
		return;
	}
	for (i = 0; i < sizeof(ORDER) / sizeof(ORDER[0]); i++) {
		if (t->read & ORDER[i].bit) {
			list[k].ptr = ORDER[i].name;
			list[k++].len = strlen(ORDER[i].name);
		}
	}
	if (t->attrs_read_count > 1) {
		qsort((void *) t->attrs_read, t->attrs_read_count, sizeof(const lty_str *), str_order);
	}
	for (i = 0; i < t->attrs_read_count; i++) {
		const char *name = named(t, "attr.", t->attrs_read[i]->ptr, t->attrs_read[i]->len, "");
		list[k].ptr = name;
		list[k++].len = strlen(name);
	}
	out->residual = list;
	out->residual_count = k;
}

static void explain(tr *t, const lty_sql_result *r, lty_str name)
{
	builder b;
	size_t i;
	const char *d = t->dialect == LTY_SQL_MYSQL ? "mysql" : "sqlite";

	b_init(&b, t);
	b_str(&b, "segment '");
	b_mem(&b, name.ptr, name.len);
	b_str(&b, "' (");
	b_str(&b, d);
	if (t->exact) {
		b_str(&b, "): exact, the condition selects exactly the rows filter() keeps\n");
	} else {
		b_str(&b, "): not exact, the condition selects every row filter() keeps and maybe more;\n"
			"pass the selected rows to filter() with these fields: ");
		for (i = 0; i < r->residual_count; i++) {
			if (i) {
				b_str(&b, ", ");
			}
			b_mem(&b, r->residual[i].ptr, r->residual[i].len);
		}
		b_str(&b, "\n");
		for (i = 0; i < t->note_count; i++) {
			b_str(&b, "in PHP: ");
			b_str(&b, t->notes[i]);
			b_str(&b, "\n");
		}
	}
	t->oom = t->oom || b.buf == NULL;
	((lty_sql_result *) r)->explain = b.buf;
	((lty_sql_result *) r)->explain_len = b.len;
}

lty_status lty_sql_translate(lty_arena *arena, const lty_program *program, int segment_index,
	const lty_sql_columns *columns, lty_sql_dialect dialect, int64_t now, const lty_sql_host *host,
	lty_sql_result *out, lty_error *err)
{
	tr t;
	frag c;

	memset(&t, 0, sizeof(t));
	memset(out, 0, sizeof(*out));
	t.arena = arena;
	t.program = program;
	t.map = columns;
	t.host = host;
	t.dialect = dialect;
	t.now = now;
	t.exact = true;
	c = segment(&t, segment_index, 1);
	if (t.too_long || (c.kind == C_SQL && c.len > LTY_SQL_MAX_WHERE)) {
		note(&t, "the condition would be longer than 1 MiB");
		c = TRUE_;
	}
	switch (c.kind) {
		case C_TRUE: out->where = "1=1"; out->where_len = 3; break;
		case C_FALSE: out->where = "1=0"; out->where_len = 3; break;
		default:
			out->where = c.t;
			out->where_len = c.len;
			out->params = c.p;
			out->param_count = c.np;
	}
	out->exact = t.exact;
	if (!t.exact) {
		residual(&t, segment_index, out);
	}
	explain(&t, out, program->segments[segment_index].name);
	if (t.oom) {
		return lty_error_set(err, LTY_ERR_NOMEM, "sql: out of memory");
	}
	return LTY_OK;
}
