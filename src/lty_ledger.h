/* The points history of one customer (SPEC 7 expiry and rewards, 8 Ledger,
 * 10 Ledger fine print). Entries are kept in time order; the state after the
 * last entry is kept too, so that appending in time order costs O(1)
 * amortized and questions about "now" need no replay. An entry inserted
 * before the last one replays the history once to check every later spend. */
#ifndef LTY_LEDGER_H
#define LTY_LEDGER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lty_arena.h"
#include "lty_error.h"
#include "lty_program.h"

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

typedef struct {
	const lty_allocator *allocator;
	lty_ledger_rules rules;
	lty_entry *entries;   /* time order; equal times keep the order they were added in */
	size_t count, capacity;
	lty_ledger_state end; /* after every entry */
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
void lty_ledger_free(lty_ledger *ledger);
/* A copy with its own memory. */
lty_status lty_ledger_copy(lty_ledger *dst, const lty_ledger *src, lty_error *err);

/* Adds an entry; refused (LTY_ERR_LEDGER, ledger unchanged) when a spend would not be
 * covered, then or later. `path` names the entry in messages ("entries[3]" or "spend"). */
lty_status lty_ledger_add(lty_ledger *ledger, lty_entry_type type, int64_t points, int64_t at,
	const char *ref, size_t ref_len, const char *path, lty_error *err);
/* Adds many entries (any order) with one sort and one replay. */
lty_status lty_ledger_add_all(lty_ledger *ledger, const lty_entry *entries, size_t count, lty_error *err);

/* Spendable at `at`: neither expired nor pending. */
lty_status lty_ledger_balance(const lty_ledger *ledger, int64_t at, int64_t *out, lty_error *err);
/* Earned but inside the return window at `at`. */
lty_status lty_ledger_pending(const lty_ledger *ledger, int64_t at, int64_t *out, lty_error *err);
/* Points still valid at `at` (pending included) by expiry date, sorted; allocated in arena. */
lty_status lty_ledger_expiring(const lty_ledger *ledger, int64_t at, lty_arena *arena,
	lty_expiring **out, size_t *count, lty_error *err);
/* Warnings falling in (from, to], sorted by time; allocated in arena. */
lty_status lty_ledger_warnings_due(const lty_ledger *ledger, int64_t from, int64_t to, lty_arena *arena,
	lty_expiry_warning **out, size_t *count, lty_error *err);

const char *lty_entry_type_name(lty_entry_type type);

#endif
