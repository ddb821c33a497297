/* Parser and type checker for segment expressions: recursive descent over
 * the grammar of SPEC 5, types checked as each node is built, errors at the
 * column of the offending token. Nodes are built in scratch memory sized by a
 * first scan, then copied to the arena at their exact size. */
#include "../base/lty_checked.h"
#include "lty_expr_internal.h"
#include "lty_decimal.h"
#include "lty_lexer.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

typedef struct {
	lty_scanner scanner;
	lty_token tok;               /* current token */
	const char *tok_start;
	size_t tok_len;
	const lty_expr_path *path;  /* written out only for a message */
	const lty_expr_resolver *resolver;
	lty_arena *arena;
	lty_error *err;
	lty_node *nodes;             /* scratch, capacity max_nodes */
	uint32_t node_count, max_nodes;
	lty_kid *kids;               /* scratch, capacity max_nodes */
	uint32_t kid_count;
	lty_kid *stack;              /* scratch for n-ary operands being collected */
	uint32_t stack_top;
	lty_expr_ref *refs;          /* scratch, capacity max_nodes */
	uint32_t ref_count;
	uint32_t fields;
	int depth;
	bool failed;
} lty_parser;

#define NO_NODE UINT32_MAX

static const char *type_name(uint8_t type, uint8_t elem)
{
	switch (type) {
		case LTY_TYPE_BOOL: return "bool";
		case LTY_TYPE_NUM: return "number";
		case LTY_TYPE_STR: return "string";
		case LTY_TYPE_DYN: return "attribute";
		case LTY_TYPE_ANY: return "empty list";
		case LTY_TYPE_LIST:
			switch (elem) {
				case LTY_TYPE_BOOL: return "list of bools";
				case LTY_TYPE_NUM: return "list of numbers";
				case LTY_TYPE_STR: return "list of strings";
				case LTY_TYPE_DYN: return "list of attributes";
				default: return "empty list";
			}
	}
	return "value";
}

static uint32_t column_of(const lty_parser *p, const char *at)
{
	return (uint32_t) (at - p->scanner.start) + 1;
}

/* Reports an error at byte `at` of the source, echoing the source with a caret. */
static uint32_t fail_at(lty_parser *p, const char *at, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 3, 4)))
#endif
	;

static const char *path_of(const lty_expr_path *path)
{
	return path->text != NULL ? path->text : path->write(path->ctx);
}

lty_status lty_expr_error(lty_error *err, const char *path, const char *src, size_t len,
	uint32_t column, const char *message)
{
	char *out;
	size_t i, used, shown;

	lty_error_set(err, LTY_ERR_EXPRESSION, "%s: %s at column %" PRIu32 "\n", path, message, column);
	err->column = (int) column;
	/* Echo the source on one line, control bytes shown as spaces so the caret lines up;
	 * a source over the limit is cut a little after the column reported. */
	used = strlen(err->message);
	out = err->message + used;
	shown = len > LTY_EXPR_MAX_SOURCE + 16 ? LTY_EXPR_MAX_SOURCE + 16 : len;
	if (column > shown + 1) {
		column = (uint32_t) shown + 1;
	}
	if (used + shown + 4 + column + 2 < sizeof(err->message)) {
		for (i = 0; i < shown; i++) {
			unsigned char c = (unsigned char) src[i];
			*out++ = c < 0x20 || c == 0x7f ? ' ' : (char) c;
		}
		if (shown < len) {
			memcpy(out, "...", 3);
			out += 3;
		}
		*out++ = '\n';
		for (i = 1; i < column; i++) {
			*out++ = ' ';
		}
		*out++ = '^';
	} else if (used > 0) {
		out--; /* no room: drop the newline after the message */
	}
	*out = '\0';
	return LTY_ERR_EXPRESSION;
}

static uint32_t fail_at(lty_parser *p, const char *at, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	if (p->failed) {
		return NO_NODE;
	}
	p->failed = true;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	lty_expr_error(p->err, path_of(p->path), p->scanner.start, (size_t) (p->scanner.limit - p->scanner.start),
		column_of(p, at), msg);
	return NO_NODE;
}

static const char *token_text(lty_token tok)
{
	switch (tok) {
		case LTY_TOK_END: return "end of expression";
		case LTY_TOK_AND: return "'and'";
		case LTY_TOK_OR: return "'or'";
		case LTY_TOK_NOT: return "'not'";
		case LTY_TOK_IN: return "'in'";
		case LTY_TOK_LIKE: return "'like'";
		case LTY_TOK_EQ: return "'=='";
		case LTY_TOK_NE: return "'!='";
		case LTY_TOK_LT: return "'<'";
		case LTY_TOK_LE: return "'<='";
		case LTY_TOK_GT: return "'>'";
		case LTY_TOK_GE: return "'>='";
		case LTY_TOK_PLUS: return "'+'";
		case LTY_TOK_MINUS: return "'-'";
		case LTY_TOK_STAR: return "'*'";
		case LTY_TOK_SLASH: return "'/'";
		case LTY_TOK_LPAREN: return "'('";
		case LTY_TOK_RPAREN: return "')'";
		case LTY_TOK_LBRACKET: return "'['";
		case LTY_TOK_RBRACKET: return "']'";
		case LTY_TOK_COMMA: return "','";
		case LTY_TOK_INT:
		case LTY_TOK_DECIMAL: return "number";
		case LTY_TOK_STRING: return "string";
		case LTY_TOK_TRUE: return "'true'";
		case LTY_TOK_FALSE: return "'false'";
		case LTY_TOK_IDENT:
		case LTY_TOK_ATTR: return "name";
		default: return "token";
	}
}

static void advance(lty_parser *p)
{
	const char *nul;

	p->tok = lty_scan(&p->scanner);
	p->tok_start = p->scanner.token;
	p->tok_len = (size_t) (p->scanner.cursor - p->scanner.token);
	switch (p->tok) {
		case LTY_TOK_NUL:
			fail_at(p, p->tok_start, "NUL byte in expression");
			break;
		case LTY_TOK_UNTERMINATED:
			nul = memchr(p->tok_start, '\0', (size_t) (p->scanner.limit - p->tok_start));
			if (nul != NULL && nul != p->scanner.limit) {
				fail_at(p, nul, "NUL byte in expression");
			} else {
				fail_at(p, p->tok_start, "unterminated string");
			}
			break;
		case LTY_TOK_INVALID: {
			unsigned char c = (unsigned char) *p->tok_start;
			if (c >= 0x21 && c < 0x7f) {
				fail_at(p, p->tok_start, "unexpected character '%c'", c);
			} else {
				fail_at(p, p->tok_start, "unexpected byte 0x%02X", c);
			}
			break;
		}
		default:
			break;
	}
}

static uint32_t unexpected(lty_parser *p)
{
	if (p->tok == LTY_TOK_IDENT || p->tok == LTY_TOK_ATTR || p->tok == LTY_TOK_INT || p->tok == LTY_TOK_DECIMAL) {
		return fail_at(p, p->tok_start, "unexpected %s '%.*s'", token_text(p->tok), (int) p->tok_len, p->tok_start);
	}
	return fail_at(p, p->tok_start, "unexpected %s", token_text(p->tok));
}

static bool expect(lty_parser *p, lty_token tok)
{
	if (p->failed) {
		return false;
	}
	if (p->tok != tok) {
		fail_at(p, p->tok_start, "expected %s, found %s", token_text(tok), token_text(p->tok));
		return false;
	}
	advance(p);
	return !p->failed;
}

static uint32_t new_node(lty_parser *p, lty_op op, lty_type type)
{
	lty_node *n;

	if (p->node_count >= p->max_nodes) { /* cannot happen: one node per token at most, plus one */
		return fail_at(p, p->tok_start, "expression too complex");
	}
	n = &p->nodes[p->node_count];
	memset(n, 0, sizeof(*n));
	n->op = (uint8_t) op;
	n->type = (uint8_t) type;
	n->elem = LTY_TYPE_ANY;
	return p->node_count++;
}

/* Moves the operands collected on the stack since `base` into the kids array of node n. */
static void take_kids(lty_parser *p, uint32_t n, uint32_t base)
{
	uint32_t count = p->stack_top - base;

	p->nodes[n].first = p->kid_count;
	p->nodes[n].count = count;
	memcpy(p->kids + p->kid_count, p->stack + base, count * sizeof(lty_kid));
	p->kid_count += count;
	p->stack_top = base;
}

static void push(lty_parser *p, uint32_t node, uint8_t arith)
{
	p->stack[p->stack_top].node = node;
	p->stack[p->stack_top].arith = arith;
	p->stack_top++;
}

static bool nest(lty_parser *p, const char *at)
{
	if (++p->depth > LTY_EXPR_MAX_DEPTH) {
		fail_at(p, at, "expression is nested deeper than %d levels", LTY_EXPR_MAX_DEPTH);
		return false;
	}
	return true;
}

static uint32_t parse_or(lty_parser *p);

static bool is_condition(uint8_t type)
{
	return type == LTY_TYPE_BOOL || type == LTY_TYPE_DYN;
}

static bool is_number(uint8_t type)
{
	return type == LTY_TYPE_NUM || type == LTY_TYPE_DYN;
}

/* Same static type, or one side checked at run time. */
static bool comparable(const lty_node *a, const lty_node *b)
{
	if (a->type == LTY_TYPE_DYN || b->type == LTY_TYPE_DYN) {
		return a->type != LTY_TYPE_LIST && b->type != LTY_TYPE_LIST;
	}
	if (a->type != b->type) {
		return false;
	}
	if (a->type == LTY_TYPE_LIST) {
		return a->elem == b->elem || a->elem == LTY_TYPE_ANY || b->elem == LTY_TYPE_ANY
			|| a->elem == LTY_TYPE_DYN || b->elem == LTY_TYPE_DYN;
	}
	return true;
}

static uint32_t parse_string_literal(lty_parser *p)
{
	/* Copy without the quotes, resolving \<quote> and \\ only. */
	char quote = p->tok_start[0];
	const char *s = p->tok_start + 1, *end = p->tok_start + p->tok_len - 1;
	char *out = lty_arena_alloc(p->arena, p->tok_len);
	uint32_t n, len = 0;

	if (out == NULL) {
		lty_error_set(p->err, LTY_ERR_NOMEM, "%s: out of memory", path_of(p->path));
		p->failed = true;
		return NO_NODE;
	}
	while (s < end) {
		if (s[0] == '\\' && s + 1 < end && (s[1] == quote || s[1] == '\\')) {
			s++;
		}
		out[len++] = *s++;
	}
	n = new_node(p, LTY_OP_STRING, LTY_TYPE_STR);
	if (n != NO_NODE) {
		p->nodes[n].k.s.ptr = out;
		p->nodes[n].k.s.len = len;
	}
	advance(p);
	return n;
}

/* An int literal; above PHP_INT_MAX is an error. */
static uint32_t parse_int(lty_parser *p)
{
	const char *s = p->tok_start, *end = s + p->tok_len;
	int64_t value = 0;
	uint32_t n;

	for (; s < end; s++) {
		if (lty_mul_overflow(value, 10, &value) || lty_add_overflow(value, *s - '0', &value)) {
			return fail_at(p, p->tok_start, "integer literal exceeds PHP_INT_MAX");
		}
	}
	n = new_node(p, LTY_OP_INT, LTY_TYPE_NUM);
	if (n != NO_NODE) {
		p->nodes[n].k.i = value;
	}
	advance(p);
	return n;
}

/* A decimal literal, held exactly in millionths: more than LTY_DEC_SCALE digits after
 * the point (trailing zeros aside) or a value beyond the decimal range cannot be, so
 * they are compile errors rather than a silently rounded number. */
static uint32_t parse_decimal(lty_parser *p)
{
	const char *s = p->tok_start, *end = s + p->tok_len;
	const char *dot = memchr(s, '.', p->tok_len), *f;
	int64_t m, frac = 0;
	size_t digits;
	uint32_t n;

	while (end > dot + 1 && end[-1] == '0') {
		end--;
	}
	digits = (size_t) (end - (dot + 1));
	if (digits > LTY_DEC_SCALE) {
		return fail_at(p, p->tok_start, "decimal literal has more than %d digits after the point", LTY_DEC_SCALE);
	}
	for (f = dot + 1; f < end; f++) {
		frac = frac * 10 + (*f - '0');
	}
	for (; digits < LTY_DEC_SCALE; digits++) {
		frac *= 10;
	}
	if (!lty_dec_from_digits(false, s, (size_t) (dot - s), 0, &m) || !lty_dec_add(m, frac, &m)) {
		return fail_at(p, p->tok_start, "decimal literal exceeds 9223372036854.775807");
	}
	n = new_node(p, LTY_OP_DEC, LTY_TYPE_NUM);
	if (n != NO_NODE) {
		p->nodes[n].k.i = m;
	}
	advance(p);
	return n;
}

/* A name and its length, for the tables below: compared without strlen() per lookup. */
#define NAME(s) s, sizeof(s) - 1

static const struct {
	const char *name;
	size_t len;
	lty_field field;
	lty_type type;
	lty_type elem;
	uint32_t bit;
} fields[] = {
	{ NAME("active"), LTY_F_ACTIVE, LTY_TYPE_BOOL, LTY_TYPE_ANY, LTY_FIELD_ACTIVE },
	{ NAME("groups"), LTY_F_GROUPS, LTY_TYPE_LIST, LTY_TYPE_STR, LTY_FIELD_GROUPS },
	{ NAME("orders"), LTY_F_ORDERS, LTY_TYPE_NUM, LTY_TYPE_ANY, LTY_FIELD_ORDERS },
	{ NAME("spent"), LTY_F_SPENT, LTY_TYPE_NUM, LTY_TYPE_ANY, LTY_FIELD_SPENT },
	{ NAME("city"), LTY_F_CITY, LTY_TYPE_STR, LTY_TYPE_ANY, LTY_FIELD_CITY },
	{ NAME("postcode"), LTY_F_POSTCODE, LTY_TYPE_STR, LTY_TYPE_ANY, LTY_FIELD_POSTCODE },
	{ NAME("country"), LTY_F_COUNTRY, LTY_TYPE_STR, LTY_TYPE_ANY, LTY_FIELD_COUNTRY },
	{ NAME("carriers"), LTY_F_CARRIERS, LTY_TYPE_LIST, LTY_TYPE_STR, LTY_FIELD_CARRIERS },
	{ NAME("bought"), LTY_F_BOUGHT, LTY_TYPE_LIST, LTY_TYPE_STR, LTY_FIELD_BOUGHT },
	{ NAME("points"), LTY_F_POINTS, LTY_TYPE_NUM, LTY_TYPE_ANY, LTY_FIELD_POINTS },
	{ NAME("lifetime_points"), LTY_F_LIFETIME_POINTS, LTY_TYPE_NUM, LTY_TYPE_ANY, LTY_FIELD_LIFETIME_POINTS },
	{ NAME("days_since_first_order"), LTY_F_DAYS_SINCE_FIRST_ORDER, LTY_TYPE_NUM, LTY_TYPE_ANY, LTY_FIELD_FIRST_ORDER },
	{ NAME("days_since_last_order"), LTY_F_DAYS_SINCE_LAST_ORDER, LTY_TYPE_NUM, LTY_TYPE_ANY, LTY_FIELD_LAST_ORDER },
};

/* The fields of a line expression (SPEC 11): strings null when missing, amount = qty * price. */
static const struct {
	const char *name;
	size_t len;
	lty_field field;
	lty_type type;
} line_fields[] = {
	{ NAME("sku"), LTY_F_SKU, LTY_TYPE_STR },
	{ NAME("category"), LTY_F_CATEGORY, LTY_TYPE_STR },
	{ NAME("qty"), LTY_F_QTY, LTY_TYPE_NUM },
	{ NAME("price"), LTY_F_PRICE, LTY_TYPE_NUM },
	{ NAME("amount"), LTY_F_AMOUNT, LTY_TYPE_NUM },
};

static int find_field(const char *name, size_t len, bool line)
{
	size_t i;

	for (i = 0; !line && i < sizeof(fields) / sizeof(fields[0]); i++) {
		if (fields[i].len == len && fields[i].name[0] == name[0] && memcmp(fields[i].name, name, len) == 0) {
			return (int) i;
		}
	}
	for (i = 0; line && i < sizeof(line_fields) / sizeof(line_fields[0]); i++) {
		if (line_fields[i].len == len && line_fields[i].name[0] == name[0] && memcmp(line_fields[i].name, name, len) == 0) {
			return (int) i;
		}
	}
	return -1;
}

static uint32_t parse_line_field(lty_parser *p)
{
	int i = find_field(p->tok_start, p->tok_len, true);
	uint32_t n;

	if (i < 0) {
		if (find_field(p->tok_start, p->tok_len, false) >= 0) {
			return fail_at(p, p->tok_start, "'%.*s' is a customer field: a line expression reads sku, category, qty, price, amount and attr.NAME",
				(int) p->tok_len, p->tok_start);
		}
		return fail_at(p, p->tok_start, "unknown field '%.*s'", (int) p->tok_len, p->tok_start);
	}
	n = new_node(p, LTY_OP_FIELD, line_fields[i].type);
	if (n != NO_NODE) {
		p->nodes[n].elem = LTY_TYPE_ANY;
		p->nodes[n].k.field = line_fields[i].field;
	}
	advance(p);
	return n;
}

static uint32_t parse_field(lty_parser *p)
{
	int f;
	uint32_t n;

	if (p->resolver->line) {
		return parse_line_field(p);
	}
	/* the customer's fields first: the line fields are other names, looked up for the message */
	if ((f = find_field(p->tok_start, p->tok_len, false)) >= 0) {
		n = new_node(p, LTY_OP_FIELD, fields[f].type);
		if (n != NO_NODE) {
			p->nodes[n].elem = (uint8_t) fields[f].elem;
			p->nodes[n].k.field = fields[f].field;
			p->fields |= fields[f].bit;
		}
		advance(p);
		return n;
	}
	if (find_field(p->tok_start, p->tok_len, true) >= 0) {
		return fail_at(p, p->tok_start, "'%.*s' is a line field: only line expressions (an advantage's lines, earn.exclude, earn.bonus) read it",
			(int) p->tok_len, p->tok_start);
	}
	return fail_at(p, p->tok_start, "unknown field '%.*s'", (int) p->tok_len, p->tok_start);
}

static uint32_t parse_attr(lty_parser *p)
{
	const char *name = p->tok_start + 5; /* after "attr." */
	size_t len = p->tok_len - 5;
	int slot = p->resolver->attr_slot(p->resolver->ctx, name, len);
	uint32_t n;

	if (slot < 0) {
		lty_error_set(p->err, LTY_ERR_NOMEM, "%s: out of memory", path_of(p->path));
		p->failed = true;
		return NO_NODE;
	}
	n = new_node(p, LTY_OP_ATTR, LTY_TYPE_DYN);
	if (n != NO_NODE) {
		p->nodes[n].k.slot = (uint32_t) slot;
		if (!p->resolver->line) {
			p->fields |= LTY_FIELD_ATTRIBUTES;
		}
	}
	advance(p);
	return n;
}

static uint32_t parse_list(lty_parser *p)
{
	const char *open = p->tok_start;
	uint32_t base = p->stack_top, n, item;
	uint8_t elem = LTY_TYPE_ANY;

	if (!nest(p, open)) {
		return NO_NODE;
	}
	advance(p);
	if (p->tok != LTY_TOK_RBRACKET) {
		for (;;) {
			const char *at = p->tok_start;
			item = parse_or(p);
			if (item == NO_NODE) {
				return NO_NODE;
			}
			if (p->nodes[item].type == LTY_TYPE_LIST) {
				return fail_at(p, at, "lists cannot be nested");
			}
			if (elem == LTY_TYPE_ANY) {
				elem = p->nodes[item].type;
			} else if (elem != p->nodes[item].type) {
				if (elem != LTY_TYPE_DYN && p->nodes[item].type != LTY_TYPE_DYN) {
					return fail_at(p, at, "list elements must have one type: %s after %s",
						type_name(p->nodes[item].type, 0), type_name(elem, 0));
				}
				if (elem != LTY_TYPE_DYN) {
					/* keep the static type: attributes are checked at run time */
				} else {
					elem = p->nodes[item].type;
				}
			}
			push(p, item, 0);
			if (p->tok != LTY_TOK_COMMA) {
				break;
			}
			advance(p);
		}
	}
	if (!expect(p, LTY_TOK_RBRACKET)) {
		return NO_NODE;
	}
	p->depth--;
	n = new_node(p, LTY_OP_LIST, LTY_TYPE_LIST);
	if (n == NO_NODE) {
		return NO_NODE;
	}
	p->nodes[n].elem = elem;
	take_kids(p, n, base);
	return n;
}

static uint32_t parse_call(lty_parser *p)
{
	const char *name = p->tok_start, *arg_at;
	size_t len = p->tok_len;
	uint32_t n, arg;
	lty_op op;

	if (len == 7 && memcmp(name, "segment", 7) == 0) {
		op = LTY_OP_SEGMENT;
	} else if (len == 5 && memcmp(name, "count", 5) == 0) {
		op = LTY_OP_COUNT;
	} else if (len == 5 && memcmp(name, "lower", 5) == 0) {
		op = LTY_OP_LOWER;
	} else {
		return fail_at(p, name, "unknown function '%.*s'", (int) len, name);
	}
	advance(p); /* name */
	if (!nest(p, p->tok_start)) {
		return NO_NODE;
	}
	advance(p); /* ( */
	if (p->failed) {
		return NO_NODE;
	}
	arg_at = p->tok_start;
	if (p->tok == LTY_TOK_RPAREN) {
		return fail_at(p, arg_at, "%.*s() takes 1 argument", (int) len, name);
	}
	if (op == LTY_OP_SEGMENT) {
		int index;
		if (p->resolver->line) {
			return fail_at(p, name, "segment() reads the customer: not in a line expression");
		}
		if (p->tok != LTY_TOK_STRING) {
			return fail_at(p, arg_at, "segment() takes a string literal");
		}
		arg = parse_string_literal(p);
		if (arg == NO_NODE) {
			return NO_NODE;
		}
		index = p->resolver->segment_index(p->resolver->ctx, p->nodes[arg].k.s.ptr, p->nodes[arg].k.s.len);
		if (index < 0) {
			return fail_at(p, arg_at, "unknown segment '%.*s'", (int) p->nodes[arg].k.s.len, p->nodes[arg].k.s.ptr);
		}
		p->node_count--; /* the literal is not needed any more */
		n = new_node(p, LTY_OP_SEGMENT, LTY_TYPE_BOOL);
		p->nodes[n].k.index = index;
		p->refs[p->ref_count].segment = index;
		p->refs[p->ref_count].column = column_of(p, name);
		p->ref_count++;
	} else {
		arg = parse_or(p);
		if (arg == NO_NODE) {
			return NO_NODE;
		}
		if (op == LTY_OP_COUNT && p->nodes[arg].type != LTY_TYPE_LIST) {
			return fail_at(p, arg_at, "count() needs a list, got %s", type_name(p->nodes[arg].type, p->nodes[arg].elem));
		}
		if (op == LTY_OP_LOWER && p->nodes[arg].type != LTY_TYPE_STR && p->nodes[arg].type != LTY_TYPE_DYN) {
			return fail_at(p, arg_at, "lower() needs a string, got %s", type_name(p->nodes[arg].type, p->nodes[arg].elem));
		}
		n = new_node(p, op, op == LTY_OP_COUNT ? LTY_TYPE_NUM : LTY_TYPE_STR);
		if (n == NO_NODE) {
			return NO_NODE;
		}
		push(p, arg, 0);
		take_kids(p, n, p->stack_top - 1);
	}
	if (p->tok == LTY_TOK_COMMA) {
		return fail_at(p, p->tok_start, "%.*s() takes 1 argument", (int) len, name);
	}
	if (!expect(p, LTY_TOK_RPAREN)) {
		return NO_NODE;
	}
	p->depth--;
	return n;
}

static uint32_t parse_primary(lty_parser *p)
{
	uint32_t n;

	if (p->failed) {
		return NO_NODE;
	}
	switch (p->tok) {
		case LTY_TOK_INT:
			return parse_int(p);
		case LTY_TOK_DECIMAL:
			return parse_decimal(p);
		case LTY_TOK_STRING:
			return parse_string_literal(p);
		case LTY_TOK_TRUE:
		case LTY_TOK_FALSE:
			n = new_node(p, LTY_OP_BOOL, LTY_TYPE_BOOL);
			if (n != NO_NODE) {
				p->nodes[n].k.b = p->tok == LTY_TOK_TRUE;
			}
			advance(p);
			return n;
		case LTY_TOK_ATTR:
			return parse_attr(p);
		case LTY_TOK_IDENT: {
			/* A name followed by '(' is a call: the byte after the blanks the scanner skips (the
			 * source ends with a NUL, so the loop stops there) */
			const char *c = p->scanner.cursor;
			while (*c == ' ' || *c == '\t' || *c == '\r' || *c == '\n') {
				c++;
			}
			return *c == '(' ? parse_call(p) : parse_field(p);
		}
		case LTY_TOK_LBRACKET:
			return parse_list(p);
		case LTY_TOK_LPAREN:
			if (!nest(p, p->tok_start)) {
				return NO_NODE;
			}
			advance(p);
			n = parse_or(p);
			if (n == NO_NODE || !expect(p, LTY_TOK_RPAREN)) {
				return NO_NODE;
			}
			p->depth--;
			return n;
		case LTY_TOK_MINUS:
			return fail_at(p, p->tok_start, "unary minus is not supported");
		default:
			return unexpected(p);
	}
}

/* term := primary (('*'|'/') primary)* ; sum := term (('+'|'-') term)* */
static uint32_t parse_arith(lty_parser *p, bool sum)
{
	const char *at = p->tok_start;
	uint32_t base = p->stack_top, first, n;
	lty_token plus = sum ? LTY_TOK_PLUS : LTY_TOK_STAR, minus = sum ? LTY_TOK_MINUS : LTY_TOK_SLASH;

	first = sum ? parse_arith(p, false) : parse_primary(p);
	if (first == NO_NODE || (p->tok != plus && p->tok != minus)) {
		return first;
	}
	push(p, first, 0);
	while (p->tok == plus || p->tok == minus) {
		const char *op_at = p->tok_start;
		uint8_t arith = sum ? (p->tok == plus ? LTY_ARITH_ADD : LTY_ARITH_SUB)
			: (p->tok == plus ? LTY_ARITH_MUL : LTY_ARITH_DIV);
		uint32_t rhs;

		advance(p);
		rhs = sum ? parse_arith(p, false) : parse_primary(p);
		if (rhs == NO_NODE) {
			return NO_NODE;
		}
		if (!is_number(p->nodes[first].type) || !is_number(p->nodes[rhs].type)) {
			uint32_t bad = is_number(p->nodes[first].type) ? rhs : first;
			return fail_at(p, op_at, "'%.*s' needs numbers, got %s", 1, op_at,
				type_name(p->nodes[bad].type, p->nodes[bad].elem));
		}
		push(p, rhs, arith);
	}
	(void) at;
	n = new_node(p, LTY_OP_ARITH, LTY_TYPE_NUM);
	if (n == NO_NODE) {
		return NO_NODE;
	}
	take_kids(p, n, base);
	return n;
}

static uint32_t binary(lty_parser *p, lty_op op, uint32_t lhs, uint32_t rhs)
{
	uint32_t n = new_node(p, op, LTY_TYPE_BOOL);

	if (n == NO_NODE) {
		return NO_NODE;
	}
	push(p, lhs, 0);
	push(p, rhs, 0);
	take_kids(p, n, p->stack_top - 2);
	return n;
}

static uint32_t parse_in(lty_parser *p, uint32_t lhs, const char *op_at, bool negate)
{
	const lty_node *l = &p->nodes[lhs];
	uint32_t rhs, n;
	const lty_node *r;

	rhs = parse_primary(p);
	if (rhs == NO_NODE) {
		return NO_NODE;
	}
	l = &p->nodes[lhs];
	r = &p->nodes[rhs];
	if (r->type != LTY_TYPE_LIST) {
		return fail_at(p, op_at, "'in' needs a list on the right, got %s", type_name(r->type, r->elem));
	}
	if (l->type == LTY_TYPE_LIST) {
		return fail_at(p, op_at, "'in' needs a value on the left, got %s", type_name(l->type, l->elem));
	}
	if (l->type != LTY_TYPE_DYN && r->elem != LTY_TYPE_ANY && r->elem != LTY_TYPE_DYN && r->elem != l->type) {
		return fail_at(p, op_at, "'in' needs a list of %ss on the right, got %s",
			type_name(l->type, 0), type_name(r->type, r->elem));
	}
	n = binary(p, LTY_OP_IN, lhs, rhs);
	if (n != NO_NODE) {
		p->nodes[n].negate = negate;
	}
	return n;
}

static uint32_t parse_like(lty_parser *p, uint32_t lhs, const char *op_at, bool negate)
{
	uint32_t pat, n;

	if (p->nodes[lhs].type != LTY_TYPE_STR && p->nodes[lhs].type != LTY_TYPE_DYN) {
		return fail_at(p, op_at, "'like' needs a string on the left, got %s",
			type_name(p->nodes[lhs].type, p->nodes[lhs].elem));
	}
	if (p->tok != LTY_TOK_STRING) {
		if (p->failed) {
			return NO_NODE;
		}
		return fail_at(p, p->tok_start, "'like' needs a string literal pattern");
	}
	pat = parse_string_literal(p);
	if (pat == NO_NODE) {
		return NO_NODE;
	}
	n = new_node(p, LTY_OP_LIKE, LTY_TYPE_BOOL);
	if (n == NO_NODE) {
		return NO_NODE;
	}
	p->nodes[n].k.s = p->nodes[pat].k.s;
	p->nodes[n].negate = negate;
	push(p, lhs, 0);
	take_kids(p, n, p->stack_top - 1);
	return n;
}

static int cmp_of(lty_token tok)
{
	switch (tok) {
		case LTY_TOK_EQ: return LTY_CMP_EQ;
		case LTY_TOK_NE: return LTY_CMP_NE;
		case LTY_TOK_LT: return LTY_CMP_LT;
		case LTY_TOK_LE: return LTY_CMP_LE;
		case LTY_TOK_GT: return LTY_CMP_GT;
		case LTY_TOK_GE: return LTY_CMP_GE;
		default: return -1;
	}
}

/* cmp := sum [ cmpop sum | ['not'] 'in' primary | ['not'] 'like' string ] */
static uint32_t parse_cmp(lty_parser *p)
{
	uint32_t lhs = parse_arith(p, true), rhs, n;
	const char *op_at = p->tok_start;
	int cmp = cmp_of(p->tok);
	bool negate = false;

	if (lhs == NO_NODE || p->failed) {
		return NO_NODE;
	}
	if (cmp >= 0) {
		const lty_node *l, *r;
		advance(p);
		rhs = parse_arith(p, true);
		if (rhs == NO_NODE) {
			return NO_NODE;
		}
		l = &p->nodes[lhs];
		r = &p->nodes[rhs];
		if (!comparable(l, r)) {
			return fail_at(p, op_at, "cannot compare %s with %s", type_name(l->type, l->elem), type_name(r->type, r->elem));
		}
		if (cmp >= LTY_CMP_LT && (l->type == LTY_TYPE_LIST || l->type == LTY_TYPE_BOOL
				|| r->type == LTY_TYPE_LIST || r->type == LTY_TYPE_BOOL)) {
			const lty_node *bad = l->type == LTY_TYPE_LIST || l->type == LTY_TYPE_BOOL ? l : r;
			return fail_at(p, op_at, "cannot order %ss", bad->type == LTY_TYPE_LIST ? "list" : "bool");
		}
		n = binary(p, LTY_OP_CMP, lhs, rhs);
		if (n != NO_NODE) {
			p->nodes[n].sub = (uint8_t) cmp;
		}
	} else {
		if (p->tok == LTY_TOK_NOT) {
			advance(p);
			if (p->tok != LTY_TOK_IN && p->tok != LTY_TOK_LIKE) {
				return p->failed ? NO_NODE : fail_at(p, p->tok_start, "expected 'in' or 'like' after 'not'");
			}
			negate = true;
		}
		if (p->tok == LTY_TOK_IN) {
			advance(p);
			n = parse_in(p, lhs, op_at, negate);
		} else if (p->tok == LTY_TOK_LIKE) {
			advance(p);
			n = parse_like(p, lhs, op_at, negate);
		} else {
			return lhs;
		}
	}
	if (n != NO_NODE && cmp_of(p->tok) >= 0) {
		return fail_at(p, p->tok_start, "comparisons cannot be chained; use 'and'");
	}
	return n;
}

/* not := 'not' not | cmp */
static uint32_t parse_not(lty_parser *p)
{
	const char *at = p->tok_start;
	uint32_t inner, n;

	if (p->tok != LTY_TOK_NOT) {
		return parse_cmp(p);
	}
	if (!nest(p, at)) {
		return NO_NODE;
	}
	advance(p);
	inner = parse_not(p);
	if (inner == NO_NODE) {
		return NO_NODE;
	}
	p->depth--;
	if (!is_condition(p->nodes[inner].type)) {
		return fail_at(p, at, "'not' needs a condition, got %s", type_name(p->nodes[inner].type, p->nodes[inner].elem));
	}
	n = new_node(p, LTY_OP_NOT, LTY_TYPE_BOOL);
	if (n == NO_NODE) {
		return NO_NODE;
	}
	push(p, inner, 0);
	take_kids(p, n, p->stack_top - 1);
	return n;
}

/* and := not ('and' not)* ; or := and ('or' and)* */
static uint32_t parse_logic(lty_parser *p, bool is_or)
{
	lty_token tok = is_or ? LTY_TOK_OR : LTY_TOK_AND;
	const char *name = is_or ? "or" : "and";
	const char *first_at = p->tok_start;
	uint32_t base = p->stack_top, first, n;

	first = is_or ? parse_logic(p, false) : parse_not(p);
	if (first == NO_NODE || p->tok != tok) {
		return first;
	}
	if (!is_condition(p->nodes[first].type)) {
		return fail_at(p, first_at, "'%s' needs conditions, got %s", name,
			type_name(p->nodes[first].type, p->nodes[first].elem));
	}
	push(p, first, 0);
	while (p->tok == tok) {
		const char *at;
		uint32_t next;
		advance(p);
		at = p->tok_start;
		next = is_or ? parse_logic(p, false) : parse_not(p);
		if (next == NO_NODE) {
			return NO_NODE;
		}
		if (!is_condition(p->nodes[next].type)) {
			return fail_at(p, at, "'%s' needs conditions, got %s", name,
				type_name(p->nodes[next].type, p->nodes[next].elem));
		}
		push(p, next, 0);
	}
	n = new_node(p, is_or ? LTY_OP_OR : LTY_OP_AND, LTY_TYPE_BOOL);
	if (n == NO_NODE) {
		return NO_NODE;
	}
	take_kids(p, n, base);
	return n;
}

static uint32_t parse_or(lty_parser *p)
{
	return parse_logic(p, true);
}

/* Copies the scratch result into exact-size arena memory; the expression last, just before
 * its steps, which are what evaluation reads first (next to each other in the arena). */
static lty_status finish(lty_parser *p, uint32_t root, const char *src, size_t len, lty_expr **out)
{
	/* not zeroed: the scratch's are copied over them (the one element of an empty array is not read) */
	lty_node *nodes = lty_arena_array_raw(p->arena, p->node_count, sizeof(lty_node));
	lty_kid *kids = lty_arena_array_raw(p->arena, p->kid_count ? p->kid_count : 1, sizeof(lty_kid));
	lty_expr_ref *refs = lty_arena_array_raw(p->arena, p->ref_count ? p->ref_count : 1, sizeof(lty_expr_ref));
	char *source = lty_arena_strndup(p->arena, src, len);
	lty_expr *e = lty_arena_alloc(p->arena, sizeof(lty_expr));

	if (e == NULL || nodes == NULL || kids == NULL || refs == NULL || source == NULL) {
		return lty_error_set(p->err, LTY_ERR_NOMEM, "%s: out of memory", path_of(p->path));
	}
	memcpy(nodes, p->nodes, p->node_count * sizeof(lty_node));
	memcpy(kids, p->kids, p->kid_count * sizeof(lty_kid));
	memcpy(refs, p->refs, p->ref_count * sizeof(lty_expr_ref));
	lty_expr_shape(nodes, kids, p->node_count);
	if ((e->steps = lty_expr_steps(p->arena, nodes, kids, root, p->resolver->line, &e->step_count)) == NULL) {
		return lty_error_set(p->err, LTY_ERR_NOMEM, "%s: out of memory", path_of(p->path));
	}
	e->nodes = nodes;
	e->kids = kids;
	e->root = root;
	e->fields = p->fields;
	e->line = p->resolver->line;
	e->segment_refs = refs;
	e->segment_ref_count = p->ref_count;
	e->source = source;
	e->source_len = len;
	*out = e;
	return LTY_OK;
}

lty_status lty_expr_compile(lty_arena *arena, const char *src, size_t len, const lty_expr_path *path,
	const lty_expr_resolver *resolver, lty_expr **out, lty_error *err)
{
	lty_parser p;
	const lty_allocator *al = arena->allocator;
	uint32_t root = NO_NODE, cap;
	void *scratch;
	lty_status status;

	memset(&p, 0, sizeof(p));
	p.path = path;
	p.resolver = resolver;
	p.arena = arena;
	p.err = err;
	*out = NULL;
	if (len > LTY_EXPR_MAX_SOURCE) {
		return lty_expr_error(err, path_of(path), src, len, LTY_EXPR_MAX_SOURCE + 1,
			"expression is longer than 4096 bytes");
	}
	/* one node per token at most, and a token takes a byte at least (the end one none): sized
	 * from the length, not from a first pass of the lexer */
	cap = (uint32_t) len + 2;
	scratch = al->alloc(al->ctx, (size_t) cap * (sizeof(lty_node) + 2 * sizeof(lty_kid) + sizeof(lty_expr_ref)));
	if (scratch == NULL) {
		return lty_error_set(err, LTY_ERR_NOMEM, "%s: out of memory", path_of(path));
	}
	p.nodes = scratch;
	p.kids = (lty_kid *) (p.nodes + cap);
	p.stack = p.kids + cap;
	p.refs = (lty_expr_ref *) (p.stack + cap);
	p.max_nodes = cap;

	lty_scanner_init(&p.scanner, src, len);
	advance(&p);
	if (!p.failed && p.tok == LTY_TOK_END) {
		fail_at(&p, p.tok_start, "empty expression");
	}
	if (!p.failed) {
		const char *at = p.tok_start;
		root = parse_or(&p);
		if (root != NO_NODE && p.tok != LTY_TOK_END) {
			unexpected(&p);
		} else if (root != NO_NODE && !is_condition(p.nodes[root].type)) {
			fail_at(&p, at, "expression must be a condition, got %s", type_name(p.nodes[root].type, p.nodes[root].elem));
		}
	}
	status = p.failed ? err->status : finish(&p, root, src, len, out);
	al->free(al->ctx, scratch);
	return status;
}

const char *lty_expr_source(const lty_expr *expr, size_t *len)
{
	*len = expr->source_len;
	return expr->source;
}

/* `price < 0`, `0 > qty` (and a conjunction holding one): line numbers are never negative. */
static bool never_negative_cmp(const lty_expr *e, const lty_node *n)
{
	const lty_node *a, *b;
	lty_cmp cmp;

	if (n->op == LTY_OP_AND) {
		uint32_t i;
		for (i = 0; i < n->count; i++) {
			if (never_negative_cmp(e, &e->nodes[e->kids[n->first + i].node])) {
				return true;
			}
		}
		return false;
	}
	if (n->op != LTY_OP_CMP) {
		return false;
	}
	a = &e->nodes[e->kids[n->first].node];
	b = &e->nodes[e->kids[n->first + 1].node];
	cmp = (lty_cmp) n->sub;
	if (a->op != LTY_OP_FIELD) { /* 0 > price is price < 0 */
		const lty_node *t = a;
		a = b;
		b = t;
		cmp = cmp == LTY_CMP_GT ? LTY_CMP_LT : cmp == LTY_CMP_LT ? LTY_CMP_GT : cmp;
	}
	return a->op == LTY_OP_FIELD && (a->k.field == LTY_F_QTY || a->k.field == LTY_F_PRICE || a->k.field == LTY_F_AMOUNT)
		&& cmp == LTY_CMP_LT && (b->op == LTY_OP_INT || b->op == LTY_OP_DEC) && b->k.i <= 0;
}

bool lty_expr_never_matches_line(const lty_expr *expr)
{
	return expr->line && never_negative_cmp(expr, &expr->nodes[expr->root]);
}

uint32_t lty_expr_fields(const lty_expr *expr)
{
	return expr->fields;
}

const lty_expr_ref *lty_expr_segment_refs(const lty_expr *expr, size_t *count)
{
	*count = expr->segment_ref_count;
	return expr->segment_refs;
}
