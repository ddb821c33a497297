/* The points history of one customer (SPEC 7 expiry and rewards, 8 Ledger,
 * 10 Ledger fine print). Entries live in a treap ordered by time (see
 * lty_ledger_index.h) that also summarizes the replay, so that an entry added
 * at any date is checked in O(log n); the replayed state after the last entry
 * is kept while entries come in time order, so questions about "now" need no
 * replay. Ledgers the summary cannot describe (per_lot expiry with pending
 * days and grants, more than 2^63 - 2 points in all) replay the history once
 * for an entry added before the last one. */
#ifndef LTY_LEDGER_H
#define LTY_LEDGER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../base/lty_arena.h"
#include "../base/lty_error.h"
#include "../settings/lty_program.h"

typedef enum { LTY_ENTRY_EARN, LTY_ENTRY_GRANT, LTY_ENTRY_SPEND, LTY_ENTRY_REWARD } lty_entry_type;

typedef struct {
	lty_entry_type type;
	int64_t points;
	int64_t at;           /* Unix time */
	char *ref;            /* NUL-terminated, owned by the ledger */
	size_t ref_len;
} lty_entry;

/* Points earned or granted together, and what is left of them. */
typedef struct {
	int64_t at;
	int64_t remaining;
	int64_t available_at; /* spendable from then on (after the return window) */
	int64_t expires_at;   /* per_lot mode */
} lty_lot;

/* The ledger replayed up to some time. */
typedef struct {
	lty_lot *lots;        /* in time order; those before `head` are used up or expired */
	size_t count, capacity, head;
	int64_t total;        /* remaining points of every lot: bounds every sum, checked on earn */
	bool has_deadline;    /* rolling mode: when every valid point expires */
	int64_t deadline;
	size_t next;          /* entries applied */
} lty_ledger_state;

/* The settings a ledger follows, copied from the program's loyalty section. */
typedef struct {
	bool expires;
	int64_t days;
	lty_expiry_mode mode;
	int64_t pending_days;
	const int64_t *warn_days;
	size_t warn_count;
} lty_ledger_rules;

/* The replay summarized as a function of g, the points still valid before some entries:
 * after them g is min(g + add, cap), and the smallest (spendable - spent) of their spends is
 * min(g + cover_add, cover_cap). LTY_LEDGER_UNBOUNDED stands for no limit. */
typedef struct {
	int64_t add, cap;
	int64_t cover_add, cover_cap;
} lty_ledger_step;

#define LTY_LEDGER_UNBOUNDED INT64_MAX

/* One entry in the treap, with what its step needs and the summary of its subtree. */
typedef struct {
	lty_entry entry;
	uint32_t left, right; /* node numbers, 0 for none */
	uint32_t prio;        /* heap order: a parent's is at least its children's */
	uint32_t size;        /* entries in the subtree */
	int64_t cap;          /* points still valid just before the entry (window of unexpired lots) */
	int64_t pend;         /* of those, points of earns still in the return window */
	bool has_deadline;    /* rolling: the deadline running after the entry */
	bool flipped;         /* rolling: its wipe changed, pend after it is to be recomputed */
	int64_t deadline;
	lty_ledger_step sum;  /* the subtree's step */
	int64_t lots, earns;  /* the subtree's points of earns and grants, and of earns alone */
	int64_t tag_cap, tag_pend; /* still to add to cap and pend of every node below (lazy) */
} lty_ledger_node;

typedef struct {
	const lty_allocator *allocator;
	lty_ledger_rules rules;
	lty_ledger_node *nodes; /* node 0 is the empty subtree; the others in the order added */
	size_t node_count, node_capacity;
	uint32_t root;
	uint64_t seed;        /* xorshift state for priorities */
	bool fast;            /* the summaries are kept (see the header comment) */
	int64_t volume;       /* points of every entry, while it fits */
	size_t count;         /* entries */
	lty_entry *entries;   /* time order (equal times: the order added), while entries_valid */
	size_t capacity;
	bool entries_valid;
	lty_ledger_state end; /* after every entry, while end_valid */
	bool end_valid;
	int points_bits;      /* the points held at once fit this many bits: 64 (lty_ledger_init), or 32
	                         for a host whose ints have 32 (PHP on 32-bit platforms) */
} lty_ledger;

typedef struct {
	int64_t points;
	int64_t expires_at;
} lty_expiring;

typedef struct {
	int64_t days_before;
	int64_t points;
	int64_t expires_at;
	int64_t due_at;       /* expires_at - days_before days */
} lty_expiry_warning;

void lty_ledger_init(lty_ledger *ledger, const lty_allocator *allocator, const lty_program *program);
/* The most points a ledger holds at once: INT64_MAX, INT32_MAX with points_bits 32. */
int64_t lty_ledger_points_max(const lty_ledger *ledger);
void lty_ledger_free(lty_ledger *ledger);
/* A copy with its own memory. */
lty_status lty_ledger_copy(lty_ledger *dst, const lty_ledger *src, lty_error *err);

/* Adds an entry; refused (LTY_ERR_LEDGER, ledger unchanged) when a spend would not be
 * covered, then or later. `path` names the entry in messages ("entries[3]" or "spend"). */
lty_status lty_ledger_add(lty_ledger *ledger, lty_entry_type type, int64_t points, int64_t at,
	const char *ref, size_t ref_len, const char *path, lty_error *err);
/* Adds many entries (any order) with one sort and one replay. */
lty_status lty_ledger_add_all(lty_ledger *ledger, const lty_entry *entries, size_t count, lty_error *err);

/* The entries in time order (ledger->entries), valid until the next change. */
lty_status lty_ledger_list(lty_ledger *ledger, lty_error *err);

/* Spendable at `at`: neither expired nor pending. */
lty_status lty_ledger_balance(lty_ledger *ledger, int64_t at, int64_t *out, lty_error *err);
/* Earned but inside the return window at `at`. */
lty_status lty_ledger_pending(lty_ledger *ledger, int64_t at, int64_t *out, lty_error *err);
/* Points still valid at `at` (pending included) by expiry date, sorted; allocated in arena. */
lty_status lty_ledger_expiring(lty_ledger *ledger, int64_t at, lty_arena *arena,
	lty_expiring **out, size_t *count, lty_error *err);
/* Warnings falling in (from, to], sorted by time; allocated in arena. */
lty_status lty_ledger_warnings_due(lty_ledger *ledger, int64_t from, int64_t to, lty_arena *arena,
	lty_expiry_warning **out, size_t *count, lty_error *err);

const char *lty_entry_type_name(lty_entry_type type);

#endif
