/* Compiled form of an expression, shared by the parser and the evaluator.
 * A flat array of nodes; n-ary nodes (and, or, arithmetic chains, lists,
 * call arguments) point into a flat array of kids, so chains do not nest. */
#ifndef LTY_EXPR_INTERNAL_H
#define LTY_EXPR_INTERNAL_H

#include "lty_expr.h"

typedef enum {
	LTY_TYPE_BOOL,
	LTY_TYPE_NUM,
	LTY_TYPE_STR,
	LTY_TYPE_LIST,
	LTY_TYPE_DYN,   /* attr.*: checked at run time */
	LTY_TYPE_ANY    /* element type of the empty list */
} lty_type;

typedef enum {
	LTY_OP_BOOL,     /* k.b */
	LTY_OP_INT,      /* k.i */
	LTY_OP_DEC,      /* k.i: millionths (lty_decimal.h) */
	LTY_OP_STRING,   /* k.s */
	LTY_OP_FIELD,    /* k.field: LTY_F_* */
	LTY_OP_ATTR,     /* k.slot */
	LTY_OP_LIST,     /* kids: elements */
	LTY_OP_COUNT,    /* kids[0]: list */
	LTY_OP_LOWER,    /* kids[0]: string */
	LTY_OP_SEGMENT,  /* k.index */
	LTY_OP_NOT,      /* kids[0] */
	LTY_OP_AND,      /* kids */
	LTY_OP_OR,       /* kids */
	LTY_OP_CMP,      /* kids[0] cmp kids[1], cmp in `sub` */
	LTY_OP_IN,       /* kids[0] in kids[1], `negate` for not in */
	LTY_OP_LIKE,     /* kids[0] like k.s, `negate` for not like */
	LTY_OP_ARITH     /* kids[0] (kid.op kids[i])... left to right */
} lty_op;

typedef enum { LTY_CMP_EQ, LTY_CMP_NE, LTY_CMP_LT, LTY_CMP_LE, LTY_CMP_GT, LTY_CMP_GE } lty_cmp;

/* Whether a comparison whose three-way result is r (< 0, 0, > 0) holds under op. */
static inline bool lty_cmp_holds(int r, lty_cmp op)
{
	switch (op) {
		case LTY_CMP_EQ: return r == 0;
		case LTY_CMP_NE: return r != 0;
		case LTY_CMP_LT: return r < 0;
		case LTY_CMP_LE: return r <= 0;
		case LTY_CMP_GT: return r > 0;
		case LTY_CMP_GE: return r >= 0;
	}
	return false;
}
typedef enum { LTY_ARITH_ADD, LTY_ARITH_SUB, LTY_ARITH_MUL, LTY_ARITH_DIV } lty_arith;

typedef enum {
	LTY_F_ACTIVE,
	LTY_F_GROUPS,
	LTY_F_ORDERS,
	LTY_F_SPENT,
	LTY_F_CITY,
	LTY_F_POSTCODE,
	LTY_F_COUNTRY,
	LTY_F_CARRIERS,
	LTY_F_BOUGHT,
	LTY_F_POINTS,
	LTY_F_LIFETIME_POINTS,
	LTY_F_DAYS_SINCE_FIRST_ORDER,
	LTY_F_DAYS_SINCE_LAST_ORDER,
	/* line fields (SPEC 11) */
	LTY_F_SKU,
	LTY_F_CATEGORY,
	LTY_F_QTY,
	LTY_F_PRICE,
	LTY_F_AMOUNT
} lty_field;

/* Common conditions, recognised once after parsing (lty_expr_shape()) so that testing
 * them reads the field and the literal in place. The tree itself is unchanged: every
 * other reader (SQL, the advantage index) goes by `op`. */
typedef enum {
	LTY_SHAPE_NONE,
	LTY_SHAPE_FIELD_CMP_INT,   /* orders >= 5: an int field, an int literal */
	LTY_SHAPE_INT_CMP_FIELD,   /* 5 <= orders */
	LTY_SHAPE_FIELD_EQ_STR,    /* city == 'Paris', city != 'Paris' */
	LTY_SHAPE_STR_IN_FIELD,    /* 'VIP' in groups, not in */
	LTY_SHAPE_FIELD_IN_STRS,   /* country in ['BE', 'NL'], not in: literals only */
	LTY_SHAPE_ATTR_CMP_INT     /* attr.band == 3: an attribute, an int literal */
} lty_shape;

typedef struct {
	uint32_t node;
	uint8_t arith;       /* lty_arith applied with the previous value (ARITH only) */
} lty_kid;

typedef struct {
	uint8_t op;          /* lty_op */
	uint8_t type;        /* lty_type of the value */
	uint8_t elem;        /* element lty_type when type is LIST */
	uint8_t sub;         /* lty_cmp for CMP */
	uint8_t negate;      /* not in / not like */
	uint8_t shape;       /* lty_shape: a form the evaluator tests without building values */
	uint32_t first;      /* first kid in lty_expr.kids */
	uint32_t count;      /* number of kids */
	union {
		bool b;
		int64_t i;
		struct {
			const char *ptr;
			uint32_t len;
		} s;
		uint32_t field;
		uint32_t slot;
		int32_t index;
	} k;
} lty_node;

/* The condition as a sequence of tests (lty_expr_steps()): and, or and not become where each
 * test goes next, so that evaluation is a loop instead of a recursion through them. Indexes are
 * 16 bits: an expression has at most LTY_EXPR_MAX_SOURCE + 2 nodes (one a token, and a token
 * takes a byte). */
#define LTY_STEP_TRUE UINT16_MAX
#define LTY_STEP_FALSE (UINT16_MAX - 1)

/* A test the step makes alone, its field's place in lty_customer or lty_cart_line and its
 * literal resolved when the steps are made: no node, kid or field switch read at run time. */
typedef enum {
	LTY_QUICK_NONE,      /* test() of the node */
	LTY_QUICK_INT,       /* an int field in k.r (not in it: negate): orders >= 5, 5 <= orders, orders != 3 */
	LTY_QUICK_DAYS,      /* days since an order (time at `at`, its flag at `has`) in k.r, or not; null is false
	                      * (k.r in seconds since it) */
	LTY_QUICK_STR,       /* a string field == (cmp 1) or != (cmp 0) the literal k.s; null is false */
	LTY_QUICK_IN_LIST,   /* the literal k.s in a list field (not in: negate) */
	LTY_QUICK_ATTR_INT   /* attribute `slot` (the attrs array's pointer at `at`): an int in k.r (not in
	                      * it: negate); a decimal one by test(), anything else false */
} lty_quick;

struct lty_step {     /* 32 bytes: two to a cache line */
	uint16_t node;       /* a condition that is not and, or, not */
	uint16_t on_true;    /* the next step, or LTY_STEP_TRUE / LTY_STEP_FALSE */
	uint16_t on_false;
	uint8_t quick;       /* lty_quick */
	uint8_t cmp;         /* STR: 1 for ==, 0 for != */
	uint8_t negate;      /* INT, DAYS: outside k.r; IN_LIST: not in */
	uint8_t line;        /* the field is the cart line's */
	uint16_t at;         /* offsetof() the field */
	uint16_t has;        /* DAYS: offsetof() its has_ flag */
	uint16_t slot;       /* ATTR_INT: the attribute's slot (a step of a later one is not quick) */
	union {
		struct {
			int64_t lo, hi; /* lo <= hi */
		} r;
		struct {
			const char *ptr;
			uint32_t len;
		} s;
	} k;
};

struct lty_expr {
	const lty_node *nodes;
	const lty_kid *kids;
	uint32_t root;
	const lty_step *steps;      /* from step 0 */
	uint32_t step_count;
	uint32_t fields;            /* LTY_FIELD_* bits read */
	bool line;                  /* a line expression: fields and attributes are the line's */
	const lty_expr_ref *segment_refs;
	size_t segment_ref_count;
	const char *source;         /* NUL-terminated copy */
	size_t source_len;
};

/* Sets the shape of each of the `count` nodes (the parser's last step). */
void lty_expr_shape(lty_node *nodes, const lty_kid *kids, uint32_t count);
/* The steps of the condition at `root` of a customer or a `line` expression, one a leaf
 * (*count), in arena memory; NULL when out of memory. */
lty_step *lty_expr_steps(lty_arena *arena, const lty_node *nodes, const lty_kid *kids, uint32_t root, bool line,
	uint32_t *count);

#endif
