/* A compiled program: the merchant's settings validated, normalized and
 * compiled once. Immutable after lty_program_load(); everything it owns is in
 * its arena. */
#ifndef LTY_PROGRAM_H
#define LTY_PROGRAM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lty_advantage_index.h"
#include "../base/lty_arena.h"
#include "../base/lty_money.h"
#include "../base/lty_customer.h"
#include "../base/lty_doc.h"
#include "../base/lty_error.h"
#include "../expression/lty_expr.h"
#include "lty_schedule.h"

#define LTY_MAX_DAYS 36500

typedef enum { LTY_POLICY_LOSE_USED, LTY_POLICY_LOSE_ALL, LTY_POLICY_KEEP_ALL } lty_policy;
typedef enum { LTY_RANK_POINTS, LTY_RANK_ORDERS, LTY_RANK_LIFETIME_POINTS } lty_rank;
typedef enum { LTY_EXPIRY_ROLLING, LTY_EXPIRY_PER_LOT } lty_expiry_mode;

/* Built-in segments, in segmentNames() order; custom ones follow. */
typedef enum {
	LTY_SEG_ALL,
	LTY_SEG_DISABLED,
	LTY_SEG_NO_ORDERS,
	LTY_SEG_FIRST_ORDER_RECENT,
	LTY_SEG_LOYAL,
	LTY_SEG_CUSTOMERS,
	LTY_SEG_BUILTIN_COUNT
} lty_builtin_segment;

/* What a tier, a bracket or a reward coupon gives. Percents are basis points. */
typedef struct {
	bool has_discount;
	int64_t discount;            /* minor units */
	bool has_percent;
	int32_t percent_bp;          /* 0..10000 */
	bool free_shipping;
	bool has_carriers;           /* free shipping only for these carriers */
	lty_str_list carriers;
} lty_benefit;

typedef struct {
	int64_t from;                /* threshold: money, or units with tiers_on quantity */
	lty_benefit benefit;
	int64_t free_units;          /* per whole `from` units, this many free (SPEC 11); 0: none */
} lty_tier;

typedef struct {
	/* what a checkout reads of every advantage it visits first, within 64 bytes */
	int segment;                 /* index in lty_program.segments, -1 when inline */
	bool earn_points;            /* default true */
	bool with_voucher;           /* default false */
	bool combinable;             /* default false */
	bool tiers_on_quantity;      /* `from` counts units of the concerned lines, not their amount */
	const lty_schedule *schedule; /* NULL: always active (SPEC 11); apart, as few advantages have one */
	int64_t max_uses;            /* per customer (SPEC 11); 0: no limit */
	const lty_expr *inline_expr; /* when segment is -1 */
	const lty_expr *lines;       /* line expression: the lines it concerns (SPEC 11); NULL: the whole cart */
	const lty_tier *tiers;       /* written order */
	size_t tier_count;
	const int64_t *tier_sorted;  /* the tiers' from in order, then their indexes (lty_thresholds_sort()) */
	/* the rest */
	size_t uses_slot;            /* with max_uses: its index in lty_program.limited and lty_customer.uses */
	size_t lines_index;          /* of `lines` among the program's distinct line expressions */
	lty_str id;
	lty_str label;               /* defaults to id */
	lty_str segment_source;      /* as written: a segment name or an inline expression */
	lty_str lines_source;
} lty_advantage;

typedef struct {
	int64_t from;                /* rank metric threshold */
	lty_benefit benefit;
	bool has_rate;
	int64_t rate_points;         /* each whole block of rate_points ... */
	int64_t rate_value;          /* ... is worth rate_value minor units */
	bool has_cost;
	int64_t cost;                /* points consumed, as written */
} lty_bracket;

/* loyalty.earn.bonus[] (SPEC 11): lines earning `multiplier` times their billed amount. */
typedef struct {
	const lty_expr *lines;
	lty_str source;
	int32_t multiplier;          /* hundredths: 200 is x2 */
} lty_earn_bonus;

#define LTY_MAX_MULTIPLIER 1000  /* x1000 at most */

typedef struct {
	bool earn_per_order;         /* false: per amount */
	int64_t earn_per_amount;     /* minor units per block */
	int64_t earn_points;         /* points per block, or per order */
	const lty_expr *earn_exclude; /* lines that earn nothing (SPEC 11); NULL: none */
	lty_str earn_exclude_source;
	const lty_earn_bonus *earn_bonus; /* first matching entry wins */
	size_t earn_bonus_count;
	bool earn_per_line;          /* exclude or bonus given: billed per line, points per line */
	bool earn_with_voucher;
	bool earn_with_loyalty_discount;
	lty_policy policy;
	int64_t from_order;          /* usable from this order number (default 1) */
	int64_t min_cart;            /* minor units (default 0) */
	bool spend_with_voucher;
	bool spend_with_advantage;
	bool has_max_percent;
	int32_t max_percent_bp;
	lty_rank rank_by;
	const lty_bracket *brackets; /* written order */
	size_t bracket_count;
	const int64_t *bracket_sorted; /* the brackets' from in order, then their indexes (lty_thresholds_sort()) */
	bool has_expiry;
	int64_t expiry_days;
	lty_expiry_mode expiry_mode;
	const int64_t *warn_days;    /* as written */
	size_t warn_count;
	bool has_rewards;
	int64_t reward_threshold;    /* points */
	lty_benefit reward;          /* discount or percent */
	int64_t reward_min_cart;
	int64_t reward_valid_days;
	int64_t pending_days;        /* default 0 */
} lty_loyalty;

typedef struct {
	lty_str name;
	const lty_expr *expr;        /* NULL for built-ins */
	const lty_step *steps;       /* expr's steps, the segments' one after another (lty_expr_pack_steps()) */
} lty_segment;

typedef struct lty_program {
	lty_arena arena;
	lty_rounding rounding;
	lty_str timezone;            /* IANA name: as written, else the host's default at compile time */
	bool timezone_given;         /* written in the settings (else a cached program must match the default) */
	bool has_clock;              /* some schedule reads days or hours: evaluation needs the local offset */
	const lty_segment *segments; /* built-ins first */
	size_t segment_count;
	const uint32_t *segment_slots; /* names by hash, open addressing: segment index + 1, 0 empty */
	size_t segment_mask;         /* slots - 1 (a power of two minus one) */
	const lty_advantage *advantages;
	size_t advantage_count;
	size_t line_expr_count;      /* distinct `lines` texts: each is matched once per line per evaluation */
	const size_t *limited;       /* indexes of the advantages with max_uses, in settings order */
	size_t limited_count;
	bool has_loyalty;
	lty_loyalty loyalty;
	const lty_str *attr_names;   /* attr.NAME read by any expression, by slot */
	size_t attr_count;
	const lty_str *line_attr_names; /* attr.NAME read by line expressions, by slot (SPEC 11) */
	size_t line_attr_count;
	uint32_t fields;             /* LTY_FIELD_* read by any expression or built-in */
	const uint32_t *segment_fields; /* per segment: LTY_FIELD_* its membership reads, segment() included */
	lty_advantage_index index;   /* advantages by the literal their inline segment requires */
} lty_program;

/* What loading needs from the host for timezones and date strings (the glue gives PHP's).
 * Without one: timezone UTC only, dates as ints only. */
typedef struct {
	const char *default_timezone;    /* when the settings name none */
	size_t default_timezone_len;
	/* true when `name` is a timezone the host knows */
	bool (*timezone_known)(void *ctx, const char *name, size_t len);
	/* a date string of the settings as Unix time, read in `timezone`; false when it cannot be read */
	bool (*read_date)(void *ctx, const char *s, size_t len, const char *timezone, size_t timezone_len, int64_t *out);
	void *ctx;
} lty_host;

/* Validates and compiles settings. Errors name the path of the bad value. `host` may be NULL. */
lty_status lty_program_load(const lty_allocator *allocator, const lty_host *host, const lty_doc *settings,
	lty_program **out, lty_error *err);
void lty_program_free(lty_program *program);

/* The normalized settings (defaults filled in), allocated in `arena`. */
lty_doc *lty_program_to_doc(const lty_program *program, lty_arena *arena);

/* The points a bracket costs: `cost` as written, else its default (SPEC 10): `from` for fixed and
 * percent brackets ranked by points, 0 otherwise. A rate has none (its blocks spend points). */
int64_t lty_bracket_default_cost(const lty_loyalty *loyalty, const lty_bracket *bracket);
int64_t lty_bracket_cost(const lty_loyalty *loyalty, const lty_bracket *bracket);

/* Index of a segment by name, or -1. */
int lty_program_segment_index(const lty_program *program, const char *name, size_t len);
/* Loading: records segment `index` in the name table `slots` (program->segment_slots). */
void lty_program_segment_record(lty_program *program, uint32_t *slots, size_t index);

/* Membership of one customer in the segments of a program. `memo` has
 * segment_count bytes, zeroed per customer; it makes each segment evaluated
 * at most once however often it is referenced. */
typedef struct {
	const lty_program *program;
	const lty_customer *customer;
	int64_t now;
	uint8_t *memo;
	lty_expr_env env;       /* what the segments' expressions read: set once, ctx is this struct */
} lty_membership;

/* Goes on with the answers `memo` holds from an earlier membership of the same customer and time. */
void lty_membership_resume(lty_membership *m, const lty_program *program, const lty_customer *customer,
	int64_t now, uint8_t *memo);
void lty_membership_init(lty_membership *m, const lty_program *program, const lty_customer *customer,
	int64_t now, uint8_t *memo);
/* Forgets the memo's answers: the customer's struct holds another customer now (a batch). */
void lty_membership_forget(lty_membership *m);
bool lty_membership_test(lty_membership *m, int segment);
/* Tests a segment the memo has no answer for yet, and records the answer. */
bool lty_membership_answer(lty_membership *m, int segment);
/* A memo byte: LTY_MEMO_UNKNOWN until tested, then LTY_MEMO_YES or LTY_MEMO_NO. */
#define LTY_MEMO_UNKNOWN 0
#define LTY_MEMO_NO 1
#define LTY_MEMO_YES 2 /* the only one with bit 1 set: lty_membership_count() */
/* lty_membership_test() answered inline for a segment already tested: for loops over many rules. */
static inline bool lty_membership_in(lty_membership *m, int segment)
{
	uint8_t known = m->memo[segment];

	return known != LTY_MEMO_UNKNOWN ? known == LTY_MEMO_YES : lty_membership_answer(m, segment);
}
/* Whether the customer matches a custom segment's expression (or an advantage's inline one). */
static inline bool lty_membership_matches(const lty_membership *m, const lty_expr *expr)
{
	/* A disabled customer is in no custom segment (SPEC 10). */
	return m->customer->active && lty_expr_matches(expr, &m->env);
}
/* Whether `memo` still has segments not tested (a checkout tests only those its rules need). */
bool lty_membership_pending(const lty_program *program, const uint8_t *memo);
/* How many segments `memo` answers LTY_MEMO_YES for. */
size_t lty_membership_count(const lty_program *program, const uint8_t *memo);
/* Tests the segments `memo` has not tested yet, for the customer and time it holds answers of. */
void lty_membership_complete(const lty_program *program, const lty_customer *customer, int64_t now, uint8_t *memo);

#endif
