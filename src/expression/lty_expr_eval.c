/* Evaluation of compiled expressions. Values are small structs on the C
 * stack; recursion is bounded by the nesting limit since chains are n-ary.
 * Null (missing field, overflow, division by zero, a run-time type mismatch
 * of an attribute) makes every comparison false. */
#include "../base/lty_checked.h"
#include "lty_expr_internal.h"
#include "lty_decimal.h"

#include <stddef.h>
#include <string.h>

typedef enum {
	V_NULL,
	V_BOOL,
	V_INT,
	V_DEC,         /* u.i millionths (lty_decimal.h) */
	V_STR,
	V_LIST_NODE,   /* a list literal: u.node */
	V_LIST_STRS    /* a customer list: u.items, len */
} value_kind;

/* 16 bytes, so that eval() returns it in two registers: a string's or a list's length sits
 * beside its kind (a string or list of 4 GiB or more reads as null, see make_str()). */
typedef struct {
	uint8_t kind;
	bool lower;          /* V_STR: compare as ASCII lower case */
	uint32_t len;        /* V_STR: bytes; V_LIST_STRS: items */
	union {
		bool b;
		int64_t i;
		const char *ptr; /* V_STR */
		uint32_t node;
		const lty_str *items; /* V_LIST_STRS */
	} u;
} value;

typedef struct {
	const lty_expr *e;
	const lty_expr_env *env;
} ctx;

static value eval(const ctx *c, uint32_t n);
static bool test(const ctx *c, uint32_t n);

static value make_null(void)
{
	value v;
	v.kind = V_NULL;
	v.lower = false;
	v.len = 0;
	v.u.i = 0;
	return v;
}

static value make_int(int64_t i)
{
	value v = make_null();
	v.kind = V_INT;
	v.u.i = i;
	return v;
}

static value make_dec(int64_t m)
{
	value v = make_null();
	v.kind = V_DEC;
	v.u.i = m;
	return v;
}

static value make_bool(bool b)
{
	value v = make_null();
	v.kind = V_BOOL;
	v.u.b = b;
	return v;
}

static value make_str(lty_str s)
{
	value v = make_null();
	if (s.ptr != NULL && s.len <= UINT32_MAX) {
		v.kind = V_STR;
		v.len = (uint32_t) s.len;
		v.u.ptr = s.ptr;
	}
	return v;
}

static value make_strs(lty_str_list l)
{
	value v = make_null();
	if (l.count <= UINT32_MAX) {
		v.kind = V_LIST_STRS;
		v.len = (uint32_t) l.count;
		v.u.items = l.items;
	}
	return v;
}

static value days_since(const ctx *c, bool has, int64_t when)
{
	int64_t diff, days;

	if (!has || lty_sub_overflow(c->env->now, when, &diff)) {
		return make_null();
	}
	days = diff / 86400;
	if (diff % 86400 != 0 && diff < 0) {
		days--; /* floor, not truncation */
	}
	return make_int(days);
}

static value line_field(const ctx *c, uint32_t f)
{
	const lty_cart_line *l = c->env->line;

	switch (f) {
		case LTY_F_SKU: return make_str(l->sku);
		case LTY_F_CATEGORY: return make_str(l->category);
		case LTY_F_QTY: return make_int(l->qty);
		case LTY_F_PRICE: return make_int(l->price);
		case LTY_F_AMOUNT: return make_int(l->amount);
	}
	return make_null();
}

static value field(const ctx *c, uint32_t f)
{
	const lty_customer *cu = c->env->customer;

	if (c->e->line) {
		return line_field(c, f);
	}
	switch (f) {
		case LTY_F_ACTIVE: return make_bool(cu->active);
		case LTY_F_GROUPS: return make_strs(cu->groups);
		case LTY_F_ORDERS: return make_int(cu->orders);
		case LTY_F_SPENT: return make_int(cu->spent);
		case LTY_F_CITY: return make_str(cu->city);
		case LTY_F_POSTCODE: return make_str(cu->postcode);
		case LTY_F_COUNTRY: return make_str(cu->country);
		case LTY_F_CARRIERS: return make_strs(cu->carriers);
		case LTY_F_BOUGHT: return make_strs(cu->bought);
		case LTY_F_POINTS: return make_int(cu->points);
		case LTY_F_LIFETIME_POINTS: return make_int(cu->lifetime_points);
		case LTY_F_DAYS_SINCE_FIRST_ORDER: return days_since(c, cu->has_first_order, cu->first_order);
		case LTY_F_DAYS_SINCE_LAST_ORDER: return days_since(c, cu->has_last_order, cu->last_order);
	}
	return make_null();
}

static value attr(const ctx *c, uint32_t slot)
{
	const lty_scalar *s = c->e->line ? &c->env->line->attrs[slot] : &c->env->customer->attrs[slot];
	value v = make_null();

	switch (s->kind) {
		case LTY_SCALAR_NULL: break;
		case LTY_SCALAR_BOOL: v = make_bool(s->u.b); break;
		case LTY_SCALAR_INT: v = make_int(s->u.i); break;
		case LTY_SCALAR_DECIMAL: v = make_dec(s->u.i); break;
		case LTY_SCALAR_STRING: v = make_str(s->u.s); break;
	}
	return v;
}

static bool is_num(const value *v)
{
	return v->kind == V_INT || v->kind == V_DEC;
}

static bool is_list(const value *v)
{
	return v->kind == V_LIST_NODE || v->kind == V_LIST_STRS;
}

/* -1, 0, 1, exact: decimals are millionths, compared with ints without converting them. */
static int cmp_num(const value *a, const value *b)
{
	if (a->kind == b->kind) {
		return (a->u.i > b->u.i) - (a->u.i < b->u.i);
	}
	if (a->kind == V_INT) {
		return -lty_dec_cmp_int(b->u.i, a->u.i);
	}
	return lty_dec_cmp_int(a->u.i, b->u.i);
}

static unsigned char fold(unsigned char ch, bool lower)
{
	return lower && ch >= 'A' && ch <= 'Z' ? (unsigned char) (ch + 32) : ch;
}

static int cmp_str(const value *a, const value *b)
{
	size_t i, n = a->len < b->len ? a->len : b->len;

	for (i = 0; i < n; i++) {
		unsigned char x = fold((unsigned char) a->u.ptr[i], a->lower), y = fold((unsigned char) b->u.ptr[i], b->lower);
		if (x != y) {
			return x < y ? -1 : 1;
		}
	}
	return (a->len > b->len) - (a->len < b->len);
}

static size_t list_len(const ctx *c, const value *l)
{
	return l->kind == V_LIST_STRS ? l->len : c->e->nodes[l->u.node].count;
}

static value list_item(const ctx *c, const value *l, size_t i)
{
	if (l->kind == V_LIST_STRS) {
		return make_str(l->u.items[i]);
	}
	return eval(c, c->e->kids[c->e->nodes[l->u.node].first + i].node);
}

static inline bool same_bytes(const char *a, size_t alen, const char *b, size_t blen)
{
	/* the first byte before memcmp(): most strings compared differ there ('Paris', 'Lyon') */
	return alen == blen && (alen == 0 || (a[0] == b[0] && memcmp(a, b, alen) == 0));
}

/* Three-valued comparison: 0/1 for false/true, -1 when null or of different kinds. */
static int compare(const ctx *c, const value *a, const value *b, lty_cmp op)
{
	int r;

	if (is_num(a) && is_num(b)) {
		r = cmp_num(a, b);
	} else if (a->kind == V_STR && b->kind == V_STR) {
		if ((op == LTY_CMP_EQ || op == LTY_CMP_NE) && !a->lower && !b->lower) { /* city == 'Paris' */
			bool same = same_bytes(a->u.ptr, a->len, b->u.ptr, b->len);
			return op == LTY_CMP_EQ ? same : !same;
		}
		r = cmp_str(a, b);
	} else if (a->kind == V_BOOL && b->kind == V_BOOL) {
		r = (int) a->u.b - (int) b->u.b;
	} else if (is_list(a) && is_list(b)) {
		size_t i, n = list_len(c, a);
		r = n == list_len(c, b) ? 0 : 1;
		for (i = 0; r == 0 && i < n; i++) {
			value x = list_item(c, a, i), y = list_item(c, b, i);
			r = compare(c, &x, &y, LTY_CMP_EQ) == 1 ? 0 : 1;
		}
	} else {
		return -1;
	}
	return lty_cmp_holds(r, op);
}

/* Whether x has the kind of the list's elements (lists of attributes or the empty list take any). */
static bool kind_fits(const ctx *c, const value *x, const value *l)
{
	uint8_t elem = l->kind == V_LIST_STRS ? LTY_TYPE_STR : c->e->nodes[l->u.node].elem;

	switch (elem) {
		case LTY_TYPE_STR: return x->kind == V_STR;
		case LTY_TYPE_NUM: return is_num(x);
		case LTY_TYPE_BOOL: return x->kind == V_BOOL;
		default: return true;
	}
}

static value eval_in(const ctx *c, const lty_node *n)
{
	value x = eval(c, c->e->kids[n->first].node);
	value l = eval(c, c->e->kids[n->first + 1].node);
	size_t i, len;

	if (x.kind == V_NULL || !is_list(&l) || !kind_fits(c, &x, &l)) {
		return make_bool(false); /* null, or an attribute of another kind: null semantics */
	}
	len = list_len(c, &l);
	if (x.kind == V_STR && !x.lower) { /* 'VIP' in groups, country in ['BE', 'NL']: bytes only */
		for (i = 0; i < len; i++) {
			const lty_str *s;
			lty_str literal;
			if (l.kind == V_LIST_STRS) {
				s = &l.u.items[i];
			} else {
				const lty_node *item = &c->e->nodes[c->e->kids[c->e->nodes[l.u.node].first + i].node];
				if (item->op != LTY_OP_STRING) {
					break; /* an item that is not a literal: the general way below */
				}
				literal.ptr = item->k.s.ptr;
				literal.len = item->k.s.len;
				s = &literal;
			}
			if (same_bytes(s->ptr, s->len, x.u.ptr, x.len)) {
				return make_bool(!n->negate);
			}
		}
		if (i == len) {
			return make_bool(n->negate);
		}
	}
	for (i = 0; i < len; i++) {
		value item = list_item(c, &l, i);
		if (compare(c, &x, &item, LTY_CMP_EQ) == 1) {
			return make_bool(!n->negate);
		}
	}
	return make_bool(n->negate);
}

bool lty_glob_match(const char *pat, size_t plen, const char *s, size_t slen, bool s_lower)
{
	/* Greedy match with one backtrack point: linear in practice, O(n*m) at worst. */
	size_t p = 0, i = 0, star_p = SIZE_MAX, star_i = 0;

	(void) s_lower; /* like is case-insensitive whatever lower() said */
	while (i < slen) {
		if (p < plen && pat[p] == '*') {
			star_p = p++;
			star_i = i;
		} else if (p < plen && (pat[p] == '?' || fold((unsigned char) pat[p], true) == fold((unsigned char) s[i], true))) {
			p++;
			i++;
		} else if (star_p != SIZE_MAX) {
			p = star_p + 1;
			i = ++star_i;
		} else {
			return false;
		}
	}
	while (p < plen && pat[p] == '*') {
		p++;
	}
	return p == plen;
}

/* A decimal with an int or a decimal: the int is read as a decimal first (null when
 * it is beyond the decimal range), then the result is cut to millionths. */
static value dec_arith(const value *a, const value *b, uint8_t op)
{
	int64_t x = a->u.i, y = b->u.i, z;
	bool ok;

	if ((a->kind == V_INT && !lty_dec_from_int(x, &x)) || (b->kind == V_INT && !lty_dec_from_int(y, &y))) {
		return make_null();
	}
	switch (op) {
		case LTY_ARITH_ADD: ok = lty_dec_add(x, y, &z); break;
		case LTY_ARITH_SUB: ok = lty_dec_sub(x, y, &z); break;
		case LTY_ARITH_MUL: ok = lty_dec_mul(x, y, &z); break;
		default: ok = lty_dec_div(x, y, &z); break;
	}
	return ok ? make_dec(z) : make_null();
}

static value arith(value a, value b, uint8_t op)
{
	value r = make_null();

	if (!is_num(&a) || !is_num(&b)) {
		return r;
	}
	if (a.kind == V_INT && b.kind == V_INT) {
		int64_t x = a.u.i, y = b.u.i, z;
		bool overflow;
		switch (op) {
			case LTY_ARITH_ADD: overflow = lty_add_overflow(x, y, &z); break;
			case LTY_ARITH_SUB: overflow = lty_sub_overflow(x, y, &z); break;
			case LTY_ARITH_MUL: overflow = lty_mul_overflow(x, y, &z); break;
			default:
				overflow = y == 0 || (x == INT64_MIN && y == -1);
				z = overflow ? 0 : x / y; /* C truncates toward zero */
				break;
		}
		return overflow ? r : make_int(z);
	}
	return dec_arith(&a, &b, op);
}

static bool truthy(const value *v)
{
	return v->kind == V_BOOL && v->u.b;
}

/* A comparison's side: literals and fields read in place, anything else evaluated. */
static inline value operand(const ctx *c, uint32_t index)
{
	const lty_node *n = &c->e->nodes[index];

	switch ((lty_op) n->op) {
		case LTY_OP_INT: return make_int(n->k.i);
		case LTY_OP_FIELD: return field(c, n->k.field);
		default: return eval(c, index);
	}
}

static value eval(const ctx *c, uint32_t index)
{
	const lty_node *n = &c->e->nodes[index];
	const lty_kid *kids = c->e->kids + n->first;
	value v = make_null();
	uint32_t i;

	switch ((lty_op) n->op) {
		case LTY_OP_BOOL: return make_bool(n->k.b);
		case LTY_OP_INT: return make_int(n->k.i);
		case LTY_OP_DEC: return make_dec(n->k.i);
		case LTY_OP_STRING: {
			lty_str s = { n->k.s.ptr, n->k.s.len };
			return make_str(s);
		}
		case LTY_OP_FIELD: return field(c, n->k.field);
		case LTY_OP_ATTR: return attr(c, n->k.slot);
		case LTY_OP_LIST: v.kind = V_LIST_NODE; v.u.node = index; return v;
		case LTY_OP_COUNT: {
			value l = eval(c, kids[0].node);
			return is_list(&l) ? make_int((int64_t) list_len(c, &l)) : v;
		}
		case LTY_OP_LOWER:
			v = eval(c, kids[0].node);
			if (v.kind != V_STR) {
				return make_null();
			}
			v.lower = true;
			return v;
		case LTY_OP_SEGMENT: return make_bool(c->env->segment(c->env->ctx, n->k.index));
		case LTY_OP_NOT:
		case LTY_OP_AND:
		case LTY_OP_OR:
			return make_bool(test(c, index));
		case LTY_OP_CMP: {
			if (n->shape != LTY_SHAPE_NONE) {
				return make_bool(test(c, index));
			}
			value a = operand(c, kids[0].node), b = operand(c, kids[1].node);
			if (a.kind == V_INT && b.kind == V_INT) { /* orders >= 5: the most common comparison */
				return make_bool(lty_cmp_holds((a.u.i > b.u.i) - (a.u.i < b.u.i), (lty_cmp) n->sub));
			}
			return make_bool(compare(c, &a, &b, (lty_cmp) n->sub) == 1);
		}
		case LTY_OP_IN: return n->shape != LTY_SHAPE_NONE ? make_bool(test(c, index)) : eval_in(c, n);
		case LTY_OP_LIKE:
			v = eval(c, kids[0].node);
			if (v.kind != V_STR) {
				return make_bool(false);
			}
			return make_bool(lty_glob_match(n->k.s.ptr, n->k.s.len, v.u.ptr, v.len, v.lower) != n->negate);
		case LTY_OP_ARITH:
			v = eval(c, kids[0].node);
			for (i = 1; i < n->count && v.kind != V_NULL; i++) {
				v = arith(v, eval(c, kids[i].node), kids[i].arith);
			}
			return v;
	}
	return v;
}

/* An int field, false when null (days since an order the customer has not made). */
static inline bool int_field(const ctx *c, uint32_t f, int64_t *out)
{
	const lty_customer *cu = c->env->customer;
	value v;

	if (c->e->line) {
		const lty_cart_line *l = c->env->line;
		*out = f == LTY_F_QTY ? l->qty : f == LTY_F_PRICE ? l->price : l->amount;
		return true;
	}
	switch (f) {
		case LTY_F_ORDERS: *out = cu->orders; return true;
		case LTY_F_SPENT: *out = cu->spent; return true;
		case LTY_F_POINTS: *out = cu->points; return true;
		case LTY_F_LIFETIME_POINTS: *out = cu->lifetime_points; return true;
		default:
			v = field(c, f); /* days since an order */
			*out = v.u.i;
			return v.kind == V_INT;
	}
}

/* A condition's truth: the shapes read in place, and/or/not without building values;
 * null is false, as everywhere. */
static bool test(const ctx *c, uint32_t index)
{
	const lty_node *nodes = c->e->nodes, *n = &nodes[index];
	const lty_kid *kids = c->e->kids + n->first;
	uint32_t i;

	switch ((lty_shape) n->shape) {
		case LTY_SHAPE_NONE:
			break;
		case LTY_SHAPE_FIELD_CMP_INT: {
			int64_t a, b = nodes[kids[1].node].k.i;
			return int_field(c, nodes[kids[0].node].k.field, &a) && lty_cmp_holds((a > b) - (a < b), (lty_cmp) n->sub);
		}
		case LTY_SHAPE_INT_CMP_FIELD: {
			int64_t a = nodes[kids[0].node].k.i, b;
			return int_field(c, nodes[kids[1].node].k.field, &b) && lty_cmp_holds((a > b) - (a < b), (lty_cmp) n->sub);
		}
		case LTY_SHAPE_FIELD_EQ_STR: {
			value a = field(c, nodes[kids[0].node].k.field);
			const lty_node *b = &nodes[kids[1].node];
			return a.kind == V_STR && same_bytes(a.u.ptr, a.len, b->k.s.ptr, b->k.s.len) == (n->sub == LTY_CMP_EQ);
		}
		case LTY_SHAPE_STR_IN_FIELD: {
			const lty_node *x = &nodes[kids[0].node];
			value l = field(c, nodes[kids[1].node].k.field);
			for (i = 0; l.kind == V_LIST_STRS && i < l.len; i++) {
				if (same_bytes(l.u.items[i].ptr, l.u.items[i].len, x->k.s.ptr, x->k.s.len)) {
					return !n->negate;
				}
			}
			return l.kind == V_LIST_STRS && n->negate;
		}
		case LTY_SHAPE_ATTR_CMP_INT: { /* as compare(): numbers compared exactly, anything else false */
			value a = attr(c, nodes[kids[0].node].k.slot), b = make_int(nodes[kids[1].node].k.i);
			return is_num(&a) && lty_cmp_holds(cmp_num(&a, &b), (lty_cmp) n->sub);
		}
		case LTY_SHAPE_FIELD_IN_STRS: {
			value x = field(c, nodes[kids[0].node].k.field);
			const lty_node *l = &nodes[kids[1].node];
			if (x.kind != V_STR) {
				return false;
			}
			for (i = 0; i < l->count; i++) {
				const lty_node *item = &nodes[c->e->kids[l->first + i].node];
				if (same_bytes(item->k.s.ptr, item->k.s.len, x.u.ptr, x.len)) {
					return !n->negate;
				}
			}
			return n->negate;
		}
	}
	switch ((lty_op) n->op) {
		case LTY_OP_AND:
			for (i = 0; i < n->count; i++) {
				if (!test(c, kids[i].node)) {
					return false;
				}
			}
			return true;
		case LTY_OP_OR:
			for (i = 0; i < n->count; i++) {
				if (test(c, kids[i].node)) {
					return true;
				}
			}
			return false;
		case LTY_OP_NOT:
			return !test(c, kids[0].node);
		case LTY_OP_SEGMENT:
			return c->env->segment(c->env->ctx, n->k.index);
		default: {
			value v = eval(c, index);
			return truthy(&v);
		}
	}
}

static bool is_field(const lty_node *n, lty_type type)
{
	return n->op == LTY_OP_FIELD && n->type == type;
}

void lty_expr_shape(lty_node *nodes, const lty_kid *kids, uint32_t count)
{
	uint32_t i, j;

	for (i = 0; i < count; i++) {
		lty_node *n = &nodes[i];
		const lty_node *a = n->count == 2 ? &nodes[kids[n->first].node] : NULL;
		const lty_node *b = n->count == 2 ? &nodes[kids[n->first + 1].node] : NULL;

		n->shape = LTY_SHAPE_NONE;
		if (a == NULL) {
			continue;
		}
		if (n->op == LTY_OP_CMP) {
			if (is_field(a, LTY_TYPE_NUM) && b->op == LTY_OP_INT) {
				n->shape = LTY_SHAPE_FIELD_CMP_INT;
			} else if (a->op == LTY_OP_INT && is_field(b, LTY_TYPE_NUM)) {
				n->shape = LTY_SHAPE_INT_CMP_FIELD;
			} else if (is_field(a, LTY_TYPE_STR) && b->op == LTY_OP_STRING && (n->sub == LTY_CMP_EQ || n->sub == LTY_CMP_NE)) {
				n->shape = LTY_SHAPE_FIELD_EQ_STR;
			} else if (a->op == LTY_OP_ATTR && b->op == LTY_OP_INT) {
				n->shape = LTY_SHAPE_ATTR_CMP_INT;
			}
		} else if (n->op == LTY_OP_IN) {
			if (a->op == LTY_OP_STRING && is_field(b, LTY_TYPE_LIST)) {
				n->shape = LTY_SHAPE_STR_IN_FIELD;
			} else if (is_field(a, LTY_TYPE_STR) && b->op == LTY_OP_LIST) {
				for (j = 0; j < b->count && nodes[kids[b->first + j].node].op == LTY_OP_STRING; j++) {
				}
				n->shape = j == b->count ? LTY_SHAPE_FIELD_IN_STRS : LTY_SHAPE_NONE;
			}
		}
	}
}

static bool is_junction(const lty_node *n)
{
	return n->op == LTY_OP_AND || n->op == LTY_OP_OR || n->op == LTY_OP_NOT;
}

/* The tests under node i: one per condition that is not and, or, not. */
static uint32_t leaves(const lty_node *nodes, const lty_kid *kids, uint32_t i)
{
	const lty_node *n = &nodes[i];
	uint32_t k, total = 0;

	if (!is_junction(n)) {
		return 1;
	}
	for (k = 0; k < n->count; k++) {
		total += leaves(nodes, kids, kids[n->first + k].node);
	}
	return total;
}

/* Where field f is kept: false for a field no quick test reads. */
static bool field_place(uint32_t f, uint8_t *line, uint16_t *at, uint16_t *has)
{
	*line = 0;
	*has = 0;
	switch ((lty_field) f) {
		case LTY_F_ORDERS: *at = offsetof(lty_customer, orders); return true;
		case LTY_F_SPENT: *at = offsetof(lty_customer, spent); return true;
		case LTY_F_POINTS: *at = offsetof(lty_customer, points); return true;
		case LTY_F_LIFETIME_POINTS: *at = offsetof(lty_customer, lifetime_points); return true;
		case LTY_F_DAYS_SINCE_FIRST_ORDER:
			*at = offsetof(lty_customer, first_order);
			*has = offsetof(lty_customer, has_first_order);
			return true;
		case LTY_F_DAYS_SINCE_LAST_ORDER:
			*at = offsetof(lty_customer, last_order);
			*has = offsetof(lty_customer, has_last_order);
			return true;
		case LTY_F_CITY: *at = offsetof(lty_customer, city); return true;
		case LTY_F_POSTCODE: *at = offsetof(lty_customer, postcode); return true;
		case LTY_F_COUNTRY: *at = offsetof(lty_customer, country); return true;
		case LTY_F_GROUPS: *at = offsetof(lty_customer, groups); return true;
		case LTY_F_CARRIERS: *at = offsetof(lty_customer, carriers); return true;
		case LTY_F_BOUGHT: *at = offsetof(lty_customer, bought); return true;
		case LTY_F_SKU: *line = 1; *at = offsetof(lty_cart_line, sku); return true;
		case LTY_F_CATEGORY: *line = 1; *at = offsetof(lty_cart_line, category); return true;
		case LTY_F_QTY: *line = 1; *at = offsetof(lty_cart_line, qty); return true;
		case LTY_F_PRICE: *line = 1; *at = offsetof(lty_cart_line, price); return true;
		case LTY_F_AMOUNT: *line = 1; *at = offsetof(lty_cart_line, amount); return true;
		case LTY_F_ACTIVE: return false;
	}
	return false;
}

static lty_cmp turned_round(lty_cmp op)
{
	switch (op) {
		case LTY_CMP_LT: return LTY_CMP_GT;
		case LTY_CMP_LE: return LTY_CMP_GE;
		case LTY_CMP_GT: return LTY_CMP_LT;
		case LTY_CMP_GE: return LTY_CMP_LE;
		default: return op;
	}
}

/* `x op k` as x in [lo, hi], or outside it when *negate: one test whatever op is. */
static void as_range(lty_cmp op, int64_t k, int64_t *lo, int64_t *hi, uint8_t *negate)
{
	*lo = INT64_MIN;
	*hi = INT64_MAX;
	*negate = 0;
	switch (op) {
		case LTY_CMP_EQ: *lo = *hi = k; return;
		case LTY_CMP_NE: *lo = *hi = k; *negate = 1; return;
		case LTY_CMP_LE: *hi = k; return;
		case LTY_CMP_GE: *lo = k; return;
		case LTY_CMP_LT:
			if (k == INT64_MIN) {
				*negate = 1; /* nothing is below: outside every int */
			} else {
				*hi = k - 1;
			}
			return;
		case LTY_CMP_GT:
			if (k == INT64_MAX) {
				*negate = 1;
			} else {
				*lo = k + 1;
			}
			return;
	}
}

/* A range of days since an order as the range of seconds since it: floor(d / 86400) >= lo when
 * d >= lo * 86400, and <= hi when d <= hi * 86400 + 86399. A bound beyond the int range holds for
 * every d or for none; none is every d, negated. */
static void days_as_seconds(int64_t *lo, int64_t *hi, uint8_t *negate)
{
	bool none = false;
	int64_t s;

	if (*lo != INT64_MIN && !lty_mul_overflow(*lo, 86400, &s)) {
		*lo = s;
	} else {
		none = *lo > 0;
		*lo = INT64_MIN;
	}
	if (*hi != INT64_MAX && !lty_mul_overflow(*hi, 86400, &s) && !lty_add_overflow(s, 86399, &s)) {
		*hi = s;
	} else {
		none = none || *hi < 0;
		*hi = INT64_MAX;
	}
	if (none) {
		*lo = INT64_MIN;
		*hi = INT64_MAX;
		*negate = !*negate;
	}
}

/* Whether x is in [lo, hi] (lo <= hi), in one unsigned comparison. */
static inline bool in_range(int64_t x, int64_t lo, int64_t hi)
{
	return (uint64_t) x - (uint64_t) lo <= (uint64_t) hi - (uint64_t) lo;
}

/* The quick test of a step whose node n has a shape that reads one field and one literal. */
static void quick(lty_step *step, const lty_node *nodes, const lty_kid *kids, const lty_node *n, bool line)
{
	const lty_node *a = n->count == 2 ? &nodes[kids[n->first].node] : NULL;
	const lty_node *b = n->count == 2 ? &nodes[kids[n->first + 1].node] : NULL;
	bool days;

	step->quick = LTY_QUICK_NONE;
	step->cmp = step->negate = step->line = 0;
	step->at = step->has = 0;
	step->slot = 0;
	step->k.r.lo = step->k.r.hi = 0;
	switch ((lty_shape) n->shape) {
		case LTY_SHAPE_ATTR_CMP_INT:
			if (a->k.slot > UINT16_MAX) {
				return; /* test() reads it */
			}
			/* an attribute is the expression's own kind's: a line's in a line expression */
			step->quick = LTY_QUICK_ATTR_INT;
			step->line = line;
			step->at = line ? offsetof(lty_cart_line, attrs) : offsetof(lty_customer, attrs);
			step->slot = (uint16_t) a->k.slot;
			as_range((lty_cmp) n->sub, b->k.i, &step->k.r.lo, &step->k.r.hi, &step->negate);
			return;
		case LTY_SHAPE_FIELD_CMP_INT:
		case LTY_SHAPE_INT_CMP_FIELD: {
			const lty_node *fld = n->shape == LTY_SHAPE_FIELD_CMP_INT ? a : b, *lit = n->shape == LTY_SHAPE_FIELD_CMP_INT ? b : a;
			if (!field_place(fld->k.field, &step->line, &step->at, &step->has)) {
				return;
			}
			days = fld->k.field == LTY_F_DAYS_SINCE_FIRST_ORDER || fld->k.field == LTY_F_DAYS_SINCE_LAST_ORDER;
			step->quick = (uint8_t) (days ? LTY_QUICK_DAYS : LTY_QUICK_INT);
			as_range(n->shape == LTY_SHAPE_FIELD_CMP_INT ? (lty_cmp) n->sub : turned_round((lty_cmp) n->sub), lit->k.i,
				&step->k.r.lo, &step->k.r.hi, &step->negate);
			if (days) {
				days_as_seconds(&step->k.r.lo, &step->k.r.hi, &step->negate);
			}
			return;
		}
		case LTY_SHAPE_FIELD_EQ_STR:
			if (field_place(a->k.field, &step->line, &step->at, &step->has)) {
				step->quick = LTY_QUICK_STR;
				step->cmp = n->sub == LTY_CMP_EQ;
				step->k.s.ptr = b->k.s.ptr;
				step->k.s.len = b->k.s.len;
			}
			return;
		case LTY_SHAPE_STR_IN_FIELD:
			if (field_place(b->k.field, &step->line, &step->at, &step->has) && !step->line) {
				step->quick = LTY_QUICK_IN_LIST;
				step->negate = n->negate != 0;
				step->k.s.ptr = a->k.s.ptr;
				step->k.s.len = a->k.s.len;
			}
			return;
		default:
			return;
	}
}

/* Writes the steps of node i from step `at`: true goes to t, false to f. The steps of a subtree
 * are contiguous, so the next kid of an and/or starts where this kid's leaves end. Recursion is
 * bounded by the nesting limit, as in test(). */
static void emit(lty_step *steps, const lty_node *nodes, const lty_kid *kids, uint32_t i, uint32_t at, uint32_t t, uint32_t f)
{
	const lty_node *n = &nodes[i];
	uint32_t k;

	switch (n->op) {
		case LTY_OP_NOT:
			emit(steps, nodes, kids, kids[n->first].node, at, f, t);
			return;
		case LTY_OP_AND:
		case LTY_OP_OR:
			for (k = 0; k < n->count; k++) {
				uint32_t kid = kids[n->first + k].node, next = at + leaves(nodes, kids, kid);
				bool last = k + 1 == n->count;
				if (n->op == LTY_OP_AND) {
					emit(steps, nodes, kids, kid, at, last ? t : next, f);
				} else {
					emit(steps, nodes, kids, kid, at, t, last ? f : next);
				}
				at = next;
			}
			return;
		default:
			steps[at].node = (uint16_t) i;
			steps[at].on_true = (uint16_t) t;
			steps[at].on_false = (uint16_t) f;
	}
}

lty_step *lty_expr_steps(lty_arena *arena, const lty_node *nodes, const lty_kid *kids, uint32_t root, bool line,
	uint32_t *count)
{
	/* one step a leaf, no more: with many segments their steps are what evaluate reads */
	uint32_t i, n = leaves(nodes, kids, root);
	lty_step *steps = lty_arena_array_raw(arena, n, sizeof(lty_step));

	*count = n;
	if (steps != NULL) {
		emit(steps, nodes, kids, root, 0, LTY_STEP_TRUE, LTY_STEP_FALSE);
		for (i = 0; i < n; i++) {
			quick(&steps[i], nodes, kids, &nodes[steps[i].node], line);
			if (steps[i].quick != LTY_QUICK_NONE && steps[i].line != line) {
				steps[i].quick = LTY_QUICK_NONE; /* a field of the other kind reads as null: test() says so */
			}
		}
	}
	return steps;
}

/* The quick steps that read an int in place, apart: lty_expr_matches_steps() makes them in a
 * loop that calls nothing. */
static inline bool quick_int(const lty_step *step, const char *base)
{
	int64_t a;

	memcpy(&a, base + step->at, sizeof(a));
	return in_range(a, step->k.r.lo, step->k.r.hi) != step->negate;
}

/* As days_since(): null (false) without the order or on overflow; k.r in seconds. */
static inline bool quick_days(const lty_step *step, const char *base, int64_t now)
{
	int64_t a, diff;
	bool has;

	memcpy(&has, base + step->has, sizeof(has));
	memcpy(&a, base + step->at, sizeof(a));
	if (!has || lty_sub_overflow(now, a, &diff)) {
		return false;
	}
	return in_range(diff, step->k.r.lo, step->k.r.hi) != step->negate;
}

/* The attribute an ATTR_INT step reads. */
static inline const lty_scalar *quick_attr(const lty_step *step, const char *base)
{
	const lty_scalar *attrs;

	memcpy(&attrs, base + step->at, sizeof(attrs));
	return &attrs[step->slot];
}

/* A quick step's answer, as test() gives it for its node. */
static bool quick_test(const ctx *c, const lty_step *step, const char *base, int64_t now)
{
	const char *at = base + step->at;

	switch ((lty_quick) step->quick) {
		case LTY_QUICK_INT:
			return quick_int(step, base);
		case LTY_QUICK_DAYS:
			return quick_days(step, base, now);
		case LTY_QUICK_STR: {
			lty_str s;
			memcpy(&s, at, sizeof(s));
			return s.ptr != NULL && s.len <= UINT32_MAX && same_bytes(s.ptr, s.len, step->k.s.ptr, step->k.s.len) == (step->cmp != 0);
		}
		case LTY_QUICK_IN_LIST: {
			lty_str_list l;
			size_t i;
			memcpy(&l, at, sizeof(l));
			if (l.count > UINT32_MAX) {
				return false; /* as make_strs(): null */
			}
			for (i = 0; i < l.count; i++) {
				if (same_bytes(l.items[i].ptr, l.items[i].len, step->k.s.ptr, step->k.s.len)) {
					return !step->negate;
				}
			}
			return step->negate;
		}
		case LTY_QUICK_ATTR_INT: {
			const lty_scalar *v = quick_attr(step, base);
			if (v->kind == LTY_SCALAR_INT) {
				return in_range(v->u.i, step->k.r.lo, step->k.r.hi) != step->negate;
			}
			return v->kind == LTY_SCALAR_DECIMAL && test(c, step->node);
		}
		case LTY_QUICK_NONE:
			break;
	}
	return false;
}

/* The steps in order from `step` on, each test going on to the next step its answer names. */
static bool run_steps(const lty_expr *expr, const lty_step *steps, const lty_step *step, const char *base,
	const lty_expr_env *env)
{
	ctx c;

	c.e = expr;
	c.env = env;
	for (;;) {
		bool holds = step->quick != LTY_QUICK_NONE ? quick_test(&c, step, base, env->now) : test(&c, step->node);
		uint32_t next = holds ? step->on_true : step->on_false;
		if (next >= LTY_STEP_FALSE) {
			return next == LTY_STEP_TRUE;
		}
		step = &steps[next];
	}
}

/* The steps that read an int in place (all of most segments') here, in a loop that calls
 * nothing and so saves no registers; from the first other one, run_steps() goes on. A line
 * expression's fields are read from the line, which it runs without a customer. */
bool lty_expr_matches_steps(const lty_expr *expr, const lty_step *steps, const lty_expr_env *env)
{
	const lty_step *step = steps;
	const char *base = env->customer != NULL ? (const char *) env->customer : (const char *) env->line;

	for (;;) {
		const lty_scalar *v;
		bool holds;
		uint32_t next;
		switch ((lty_quick) step->quick) {
			case LTY_QUICK_INT:
				holds = quick_int(step, base);
				break;
			case LTY_QUICK_DAYS:
				holds = quick_days(step, base, env->now);
				break;
			case LTY_QUICK_ATTR_INT:
				v = quick_attr(step, base);
				if (v->kind != LTY_SCALAR_INT) {
					return run_steps(expr, steps, step, base, env);
				}
				holds = in_range(v->u.i, step->k.r.lo, step->k.r.hi) != step->negate;
				break;
			default:
				return run_steps(expr, steps, step, base, env);
		}
		next = holds ? step->on_true : step->on_false;
		if (next >= LTY_STEP_FALSE) {
			return next == LTY_STEP_TRUE;
		}
		step = &steps[next];
	}
}

bool lty_expr_matches(const lty_expr *expr, const lty_expr_env *env)
{
	return lty_expr_matches_steps(expr, expr->steps, env);
}

bool lty_expr_pack_steps(lty_arena *arena, const lty_expr *const *exprs, size_t count, const lty_step **out)
{
	size_t i, total = 0;
	lty_step *to;

	for (i = 0; i < count; i++) {
		total += exprs[i]->step_count;
	}
	if ((to = lty_arena_array_raw(arena, total ? total : 1, sizeof(lty_step))) == NULL) {
		return false;
	}
	for (i = 0; i < count; i++) {
		memcpy(to, exprs[i]->steps, exprs[i]->step_count * sizeof(lty_step));
		out[i] = to;
		to += exprs[i]->step_count;
	}
	return true;
}

bool lty_expr_node_value(const lty_expr *expr, uint32_t node, lty_scalar *out, bool *lower)
{
	lty_expr_env env;
	ctx c;
	value v;

	memset(&env, 0, sizeof(env));
	c.e = expr;
	c.env = &env;
	v = eval(&c, node);
	*lower = v.lower;
	out->kind = LTY_SCALAR_NULL;
	switch (v.kind) {
		case V_BOOL: out->kind = LTY_SCALAR_BOOL; out->u.b = v.u.b; break;
		case V_INT: out->kind = LTY_SCALAR_INT; out->u.i = v.u.i; break;
		case V_DEC: out->kind = LTY_SCALAR_DECIMAL; out->u.i = v.u.i; break;
		case V_STR: out->kind = LTY_SCALAR_STRING; out->u.s.ptr = v.u.ptr; out->u.s.len = v.len; break;
		case V_NULL: break;
		default: return false; /* a list */
	}
	return true;
}
