/* When an advantage is active (SPEC 11, 13): from starts_at (included) to ends_at
 * (excluded), and on some days of the week and hours of the day, both read on the
 * wall clock of the program's timezone. */
#ifndef LTY_SCHEDULE_H
#define LTY_SCHEDULE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../base/lty_customer.h"

typedef struct {
	bool has_starts_at;
	int64_t starts_at;           /* Unix time */
	bool has_ends_at;
	int64_t ends_at;
	lty_str_list days;           /* as written (lowercase mon..sun); count 0: every day */
	uint8_t day_bits;            /* bit 0 monday .. bit 6 sunday; 0x7f when every day */
	bool has_hours;
	lty_str hours;               /* as written, "HH:MM-HH:MM" */
	int32_t open, close;         /* minutes of the local day; close may be 1440 and below open (wraps) */
} lty_schedule;

typedef enum {
	LTY_SCHEDULE_ACTIVE,
	LTY_SCHEDULE_NOT_STARTED,    /* now < starts_at */
	LTY_SCHEDULE_ENDED,          /* now >= ends_at */
	LTY_SCHEDULE_OFF_DAY,        /* not one of `days` */
	LTY_SCHEDULE_OFF_HOURS       /* one of `days` (or the day a wrapping window opened), outside `hours` */
} lty_schedule_state;

/* Any of the schedule keys was given. */
bool lty_schedule_set(const lty_schedule *s);
/* The days and hours need the local time (and so the timezone's offset at now). */
bool lty_schedule_has_clock(const lty_schedule *s);

/* `utc_offset`: seconds east of UTC of the program's timezone at `now` (used for days and hours only). */
lty_schedule_state lty_schedule_check(const lty_schedule *s, int64_t now, int64_t utc_offset);

/* "2 days 3 hours", "45 minutes", "1 second": the two largest units of a duration > 0. */
size_t lty_duration_words(int64_t seconds, char *buf, size_t size);

/* "mon, fri 22:00-02:00", for the message of a day or hour rejection. */
size_t lty_schedule_window(const lty_schedule *s, char *buf, size_t size);

/* Monday 0 .. Sunday 6 of a lowercase day name ("mon"), -1 when unknown. */
int lty_day_bit(const char *s, size_t len);

/* "HH:MM-HH:MM" as minutes; false when malformed (24:00 only as an end; equal ends refused). */
bool lty_hours_parse(const char *s, size_t len, int32_t *open, int32_t *close);

#endif
