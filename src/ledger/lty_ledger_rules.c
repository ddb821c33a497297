/* The entries' names, dates in messages, and the words of a refused entry (lty_ledger_rules.h). */
#include "../base/lty_checked.h"
#include "lty_ledger_rules.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#define DAY 86400

const char *lty_entry_type_name(lty_entry_type type)
{
	static const char *const names[] = { "earn", "grant", "spend", "reward" };
	return names[type];
}

/* "2026-11-22 10:00:00 UTC", from the days-since-epoch civil calendar conversion. */
static const char *format_time(int64_t t, char *buf, size_t size)
{
	int64_t days = t / DAY, secs = t % DAY, era, doe, yoe, y, doy, mp, d, m;

	if (secs < 0) {
		secs += DAY;
		days--;
	}
	days += 719468;
	era = (days >= 0 ? days : days - 146096) / 146097;
	doe = days - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d = doy - (153 * mp + 2) / 5 + 1;
	m = mp < 10 ? mp + 3 : mp - 9;
	snprintf(buf, size, "%04" PRId64 "-%02" PRId64 "-%02" PRId64 " %02" PRId64 ":%02" PRId64 ":%02" PRId64 " UTC",
		y + (m <= 2), m, d, secs / 3600, secs / 60 % 60, secs % 60);
	return buf;
}

int64_t lty_ledger_after_days(int64_t t, int64_t days)
{
	int64_t r;

	return lty_add_overflow(t, days * DAY, &r) ? INT64_MAX : r;
}

lty_status lty_ledger_short(lty_error *err, const char *path, const lty_entry *e, int64_t spendable, int64_t pending)
{
	char when[96];

	return lty_error_set(err, LTY_ERR_LEDGER, "%s: %" PRId64 " points to %s at %s, only %" PRId64 " available%s",
		path, e->points, lty_entry_type_name(e->type), format_time(e->at, when, sizeof(when)), spendable,
		pending ? " (more are pending in the return window)" : "");
}

lty_status lty_ledger_wrap(lty_error *err, const char *path)
{
	char inner[512];

	if (err->status != LTY_ERR_LEDGER) {
		return err->status;
	}
	memcpy(inner, err->message, sizeof(inner) - 1);
	inner[sizeof(inner) - 1] = '\0';
	return lty_error_set(err, LTY_ERR_LEDGER, "%s: would leave a later spend uncovered (%s)", path, inner);
}
