/* Advantage schedules: whether one is active at a time, and the words of its messages. */
#include "../base/lty_checked.h"
#include "lty_schedule.h"

#include <stdio.h>
#include <string.h>

#define DAY 86400

static const char *const day_names[7] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };

bool lty_schedule_set(const lty_schedule *s)
{
	return s->has_starts_at || s->has_ends_at || s->days.count > 0 || s->has_hours;
}

bool lty_schedule_has_clock(const lty_schedule *s)
{
	return s->days.count > 0 || s->has_hours;
}

static int64_t floor_div(int64_t a, int64_t b)
{
	return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

/* Monday 0 .. Sunday 6 of a local day number (1970-01-01, day 0, was a Thursday). */
static unsigned weekday(int64_t day)
{
	int64_t w = (day + 3) % 7;

	return (unsigned) (w < 0 ? w + 7 : w);
}

static bool day_on(const lty_schedule *s, int64_t day)
{
	return (s->day_bits >> weekday(day)) & 1;
}

lty_schedule_state lty_schedule_check(const lty_schedule *s, int64_t now, int64_t utc_offset)
{
	int64_t local, day, minute;

	if (s->has_starts_at && now < s->starts_at) {
		return LTY_SCHEDULE_NOT_STARTED;
	}
	if (s->has_ends_at && now >= s->ends_at) {
		return LTY_SCHEDULE_ENDED;
	}
	if (!lty_schedule_has_clock(s)) {
		return LTY_SCHEDULE_ACTIVE;
	}
	if (lty_add_overflow(now, utc_offset, &local)) {
		local = now; /* within a day of the end of time: the offset no longer matters */
	}
	day = floor_div(local, DAY);
	minute = (local - day * DAY) / 60;
	if (!s->has_hours) {
		return day_on(s, day) ? LTY_SCHEDULE_ACTIVE : LTY_SCHEDULE_OFF_DAY;
	}
	if (s->open < s->close) {
		if (!day_on(s, day)) {
			return LTY_SCHEDULE_OFF_DAY;
		}
		return minute >= s->open && minute < s->close ? LTY_SCHEDULE_ACTIVE : LTY_SCHEDULE_OFF_HOURS;
	}
	/* A window wrapping midnight: the hours after midnight belong to the day it opened. */
	if (minute >= s->open) {
		return day_on(s, day) ? LTY_SCHEDULE_ACTIVE : LTY_SCHEDULE_OFF_DAY;
	}
	if (minute < s->close) {
		return day_on(s, day - 1) ? LTY_SCHEDULE_ACTIVE : LTY_SCHEDULE_OFF_DAY;
	}
	return day_on(s, day) || day_on(s, day - 1) ? LTY_SCHEDULE_OFF_HOURS : LTY_SCHEDULE_OFF_DAY;
}

size_t lty_duration_words(int64_t seconds, char *buf, size_t size)
{
	static const struct { int64_t seconds; const char *name; } units[] = {
		{ DAY, "day" }, { 3600, "hour" }, { 60, "minute" }, { 1, "second" }
	};
	size_t used = 0, shown = 0, i;

	buf[0] = '\0';
	for (i = 0; i < 4 && shown < 2; i++) {
		int64_t n = seconds / units[i].seconds;
		int w;
		if (n == 0) {
			if (shown > 0) {
				break; /* "2 days 5 minutes" would skip the hours: "2 days" says enough */
			}
			continue;
		}
		seconds -= n * units[i].seconds;
		w = snprintf(buf + used, size - used, "%s%lld %s%s", shown ? " " : "", (long long) n, units[i].name, n == 1 ? "" : "s");
		if (w < 0 || (size_t) w >= size - used) {
			break;
		}
		used += (size_t) w;
		shown++;
	}
	return used;
}

size_t lty_schedule_window(const lty_schedule *s, char *buf, size_t size)
{
	size_t used = 0, i;
	int w;

	buf[0] = '\0';
	for (i = 0; i < 7 && s->days.count > 0; i++) {
		if ((s->day_bits >> i) & 1) {
			w = snprintf(buf + used, size - used, "%s%s", used ? ", " : "on ", day_names[i]);
			used += w > 0 && (size_t) w < size - used ? (size_t) w : 0;
		}
	}
	if (s->has_hours) {
		w = snprintf(buf + used, size - used, "%s%02d:%02d-%02d:%02d", used ? " " : "", s->open / 60, s->open % 60,
			s->close / 60, s->close % 60);
		used += w > 0 && (size_t) w < size - used ? (size_t) w : 0;
	}
	return used;
}

/* "HH:MM" as minutes: 00:00..23:59, and 24:00 when `end`. */
static bool clock_parse(const char *s, int32_t *out, bool end)
{
	int32_t h, m;

	if (s[0] < '0' || s[0] > '9' || s[1] < '0' || s[1] > '9' || s[2] != ':' || s[3] < '0' || s[3] > '5'
			|| s[4] < '0' || s[4] > '9') {
		return false;
	}
	h = (s[0] - '0') * 10 + (s[1] - '0');
	m = (s[3] - '0') * 10 + (s[4] - '0');
	if (h > 24 || (h == 24 && (m != 0 || !end))) {
		return false;
	}
	*out = h * 60 + m;
	return true;
}

bool lty_hours_parse(const char *s, size_t len, int32_t *open, int32_t *close)
{
	if (len != 11 || s[5] != '-' || !clock_parse(s, open, false) || !clock_parse(s + 6, close, true)) {
		return false;
	}
	/* 00:00-24:00 is the whole day; as written, equal ends mean nothing sensible */
	return *open != *close;
}

/* Day name -> bit; -1 when unknown. */
int lty_day_bit(const char *s, size_t len)
{
	int i;

	for (i = 0; i < 7; i++) {
		if (len == 3 && memcmp(s, day_names[i], 3) == 0) {
			return i;
		}
	}
	return -1;
}
