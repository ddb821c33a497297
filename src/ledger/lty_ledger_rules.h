/* What a ledger is made of and follows: its entries, the settings it copies from the
 * program's loyalty section, and the words of an entry it refuses (as polyfill
 * Ledger/Rules.php). Both the ledger and its index use them. */
#ifndef LTY_LEDGER_RULES_H
#define LTY_LEDGER_RULES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

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

/* The settings a ledger follows, copied from the program's loyalty section. */
typedef struct {
	bool expires;
	int64_t days;
	lty_expiry_mode mode;
	int64_t pending_days;
	const int64_t *warn_days;
	size_t warn_count;
} lty_ledger_rules;

const char *lty_entry_type_name(lty_entry_type type);

/* t + days, saturating: a date beyond the representable range never comes. */
int64_t lty_ledger_after_days(int64_t t, int64_t days);

/* "PATH: 5 points to spend at 2026-01-10 00:00:00 UTC, only 0 available": the message of a spend not covered. */
lty_status lty_ledger_short(lty_error *err, const char *path, const lty_entry *e, int64_t spendable, int64_t pending);
/* The message of err as what an entry added before others did: "PATH: would leave a later spend uncovered (...)". */
lty_status lty_ledger_wrap(lty_error *err, const char *path);

#endif
