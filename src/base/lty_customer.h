/* One customer as the core sees it: flat, filled once by the glue from the
 * PHP array, borrowing its strings (valid for the duration of one call). */
#ifndef LTY_CUSTOMER_H
#define LTY_CUSTOMER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lty_arena.h"

typedef struct {
	const char *ptr;   /* NULL means null (missing field) */
	size_t len;
} lty_str;

typedef struct {
	const lty_str *items;
	size_t count;
} lty_str_list;

typedef enum {
	LTY_SCALAR_NULL,
	LTY_SCALAR_BOOL,
	LTY_SCALAR_INT,
	LTY_SCALAR_DECIMAL,
	LTY_SCALAR_STRING
} lty_scalar_kind;

/* A merchant-defined attribute value (attr.NAME). */
typedef struct {
	lty_scalar_kind kind;
	union {
		bool b;
		int64_t i;    /* INT; DECIMAL: millionths (lty_decimal.h) */
		lty_str s;
	} u;
} lty_scalar;

/* Which customer keys a program reads (bit per field), so the glue skips the rest. */
enum {
	LTY_FIELD_ACTIVE = 1u << 0,
	LTY_FIELD_GROUPS = 1u << 1,
	LTY_FIELD_ORDERS = 1u << 2,
	LTY_FIELD_SPENT = 1u << 3,
	LTY_FIELD_FIRST_ORDER = 1u << 4,
	LTY_FIELD_LAST_ORDER = 1u << 5,
	LTY_FIELD_CITY = 1u << 6,
	LTY_FIELD_POSTCODE = 1u << 7,
	LTY_FIELD_COUNTRY = 1u << 8,
	LTY_FIELD_CARRIERS = 1u << 9,
	LTY_FIELD_BOUGHT = 1u << 10,
	LTY_FIELD_POINTS = 1u << 11,
	LTY_FIELD_LIFETIME_POINTS = 1u << 12,
	LTY_FIELD_ATTRIBUTES = 1u << 13,
	LTY_FIELD_ID = 1u << 14,          /* checked, never read by an expression */
	LTY_FIELD_USES = 1u << 15         /* read by checkout (max_uses), never by an expression */
};

/* Every documented key: what evaluate() and segmentsOf() check (docs/decisions.md). */
#define LTY_FIELDS_ALL ((LTY_FIELD_USES << 1) - 1)

/* Fields every program reads: the built-in segments need them. */
#define LTY_FIELDS_BUILTIN (LTY_FIELD_ACTIVE | LTY_FIELD_ORDERS | LTY_FIELD_FIRST_ORDER | LTY_FIELD_LAST_ORDER)

/* One cart line as the glue read it (SPEC 4, 11): what line expressions read. */
typedef struct {
	lty_str sku;                 /* an int sku as its digits; ptr NULL when absent */
	lty_str category;            /* likewise */
	int64_t qty;
	int64_t price;               /* unit price, minor units */
	int64_t amount;              /* qty * price, checked by the reader */
	const lty_scalar *attrs;     /* one per program line-attribute slot (lty_program.line_attr_names) */
} lty_cart_line;

typedef struct {
	bool active;                 /* default true */
	int64_t orders;              /* default 0 */
	int64_t spent;               /* minor units, default 0 */
	int64_t points;              /* default 0; a ledger's balance when one is given */
	bool has_ledger;             /* points came from the customer's ledger */
	int64_t lifetime_points;     /* default 0 */
	bool has_first_order;
	int64_t first_order;         /* Unix time, when has_first_order */
	bool has_last_order;
	int64_t last_order;          /* Unix time, when has_last_order */
	lty_str city;                /* ptr NULL when absent */
	lty_str postcode;
	lty_str country;
	lty_str_list groups;         /* empty when absent */
	lty_str_list carriers;
	lty_str_list bought;
	const lty_scalar *attrs;     /* one per program attribute slot (lty_program.attr_names) */
	const int64_t *uses;         /* times used, one per advantage with max_uses (lty_program.limited) */
} lty_customer;

#endif
