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
#include "lty_ledger_index.h"

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

typedef struct {
	lty_ledger_tree t;    /* the entries, by time (lty_ledger_index.h) */
	size_t count;         /* entries */
	lty_entry *entries;   /* time order (equal times: the order added), while entries_valid */
	size_t capacity;
	bool entries_valid;
	lty_ledger_state end; /* after every entry, while end_valid */
	bool end_valid;
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

/* (t.points_bits is 64; a host whose ints have 32 bits sets 32 after this) */
void lty_ledger_init(lty_ledger *ledger, const lty_allocator *allocator, const lty_program *program);
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


#endif
