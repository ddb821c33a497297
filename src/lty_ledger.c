#include "lty_ledger.h"
#include "lty_limits.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
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

/* t + days, saturating: a date beyond the representable range never comes. */
static int64_t after_days(int64_t t, int64_t days)
{
	int64_t r;

	return __builtin_add_overflow(t, days * DAY, &r) ? INT64_MAX : r;
}

static void *grow(const lty_allocator *al, void *ptr, size_t *capacity, size_t need, size_t elem)
{
	size_t cap = *capacity ? *capacity : 16;
	void *grown;

	if (need <= *capacity) {
		return ptr;
	}
	while (cap < need) {
		if (cap > SIZE_MAX / 2 / elem) {
			return NULL;
		}
		cap *= 2;
	}
	grown = al->alloc(al->ctx, cap * elem);
	if (grown == NULL) {
		return NULL;
	}
	if (ptr != NULL) {
		memcpy(grown, ptr, *capacity * elem);
		al->free(al->ctx, ptr);
	}
	*capacity = cap;
	return grown;
}

/* ---- state ---- */

static void state_init(lty_ledger_state *s)
{
	memset(s, 0, sizeof(*s));
}

static void state_free(const lty_allocator *al, lty_ledger_state *s)
{
	if (s->lots) {
		al->free(al->ctx, s->lots);
	}
	state_init(s);
}

/* Whether a lot still counts at t (not used up, not expired). */
static bool lot_valid(const lty_ledger_rules *r, const lty_ledger_state *s, const lty_lot *lot, int64_t t)
{
	if (lot->remaining == 0 || !r->expires) {
		return lot->remaining > 0;
	}
	if (r->mode == LTY_EXPIRY_ROLLING) {
		return s->has_deadline && s->deadline > t;
	}
	return lot->expires_at > t;
}

/* Spendable (and, separately, pending) points at t >= the state's time. */
static void measure(const lty_ledger_rules *r, const lty_ledger_state *s, int64_t t, int64_t *spendable, int64_t *pending)
{
	size_t i;

	*spendable = *pending = 0;
	for (i = s->head; i < s->count; i++) {
		const lty_lot *lot = &s->lots[i];
		if (lot_valid(r, s, lot, t)) {
			if (lot->available_at <= t) {
				*spendable += lot->remaining;
			} else {
				*pending += lot->remaining;
			}
		}
	}
}

/* Drops what has expired by t, and moves `head` past lots that count no more. */
static void expire_until(const lty_ledger_rules *r, lty_ledger_state *s, int64_t t)
{
	size_t i;

	if (r->expires && r->mode == LTY_EXPIRY_ROLLING && s->has_deadline && s->deadline <= t) {
		for (i = s->head; i < s->count; i++) {
			s->total -= s->lots[i].remaining;
			s->lots[i].remaining = 0; /* gone for good: a later order does not bring them back */
		}
		s->has_deadline = false;
	}
	while (s->head < s->count && !lot_valid(r, s, &s->lots[s->head], t)) {
		s->total -= s->lots[s->head].remaining;
		s->lots[s->head].remaining = 0;
		s->head++;
	}
}

/* The total expire_until(t) would leave, without moving s. */
static int64_t total_at(const lty_ledger_rules *r, const lty_ledger_state *s, int64_t t)
{
	int64_t total = s->total;
	size_t i;

	if (r->expires && r->mode == LTY_EXPIRY_ROLLING && s->has_deadline && s->deadline <= t) {
		return 0;
	}
	for (i = s->head; i < s->count && !lot_valid(r, s, &s->lots[i], t); i++) {
		total -= s->lots[i].remaining;
	}
	return total;
}

static lty_status add_lot(const lty_allocator *al, lty_ledger_state *s, const lty_lot *lot, lty_error *err)
{
	lty_lot *lots = grow(al, s->lots, &s->capacity, s->count + 1, sizeof(lty_lot));

	if (lots == NULL) {
		return lty_error_set(err, LTY_ERR_NOMEM, "ledger: out of memory");
	}
	s->lots = lots;
	s->lots[s->count++] = *lot;
	s->total += lot->remaining; /* checked by the caller */
	return LTY_OK;
}

/* Uses `points` spendable at t, oldest lots first (pending ones are skipped). */
static void consume(lty_ledger_state *s, int64_t points, int64_t t)
{
	size_t i;

	for (i = s->head; points > 0 && i < s->count; i++) {
		lty_lot *lot = &s->lots[i];
		if (lot->remaining > 0 && lot->available_at <= t) {
			int64_t used = lot->remaining < points ? lot->remaining : points;
			lot->remaining -= used;
			s->total -= used;
			points -= used;
		}
	}
	while (s->head < s->count && s->lots[s->head].remaining == 0) {
		s->head++;
	}
}

static lty_status overflow_error(const char *path, int64_t points, lty_error *err)
{
	return lty_error_set(err, LTY_ERR_LEDGER, "%s: %" PRId64 " more points would overflow the 64-bit balance", path, points);
}

/* Applies one entry (at >= every entry applied before). `path` names it in an error. */
static lty_status apply(const lty_ledger *l, lty_ledger_state *s, const lty_entry *e, const char *path, lty_error *err)
{
	const lty_ledger_rules *r = &l->rules;
	int64_t spendable, pending;
	char when[96];
	lty_lot lot;

	expire_until(r, s, e->at);
	s->next++;
	switch (e->type) {
		case LTY_ENTRY_EARN:
		case LTY_ENTRY_GRANT:
			if (e->points > INT64_MAX - s->total) {
				return overflow_error(path, e->points, err);
			}
			if (r->expires && r->mode == LTY_EXPIRY_ROLLING && (e->type == LTY_ENTRY_EARN || !s->has_deadline)) {
				/* An order resets the deadline of every valid point; a grant starts one only when none runs. */
				s->deadline = after_days(e->at, r->days);
				s->has_deadline = true;
			}
			if (e->points == 0) {
				return LTY_OK;
			}
			lot.at = e->at;
			lot.remaining = e->points;
			lot.available_at = e->type == LTY_ENTRY_EARN ? after_days(e->at, r->pending_days) : e->at;
			lot.expires_at = after_days(e->at, r->days);
			return add_lot(l->allocator, s, &lot, err);
		default:
			measure(r, s, e->at, &spendable, &pending);
			if (spendable < e->points) {
				return lty_error_set(err, LTY_ERR_LEDGER, "%s: %" PRId64 " points to %s at %s, only %" PRId64 " available%s",
					path, e->points, lty_entry_type_name(e->type), format_time(e->at, when, sizeof(when)), spendable,
					pending ? " (more are pending in the return window)" : "");
			}
			consume(s, e->points, e->at);
			return LTY_OK;
	}
}

/* Replays entries [0, n) into a fresh state. */
static lty_status replay(const lty_ledger *l, const lty_entry *entries, size_t n, lty_ledger_state *s, lty_error *err)
{
	size_t i;
	char path[48];

	state_init(s);
	for (i = 0; i < n; i++) {
		snprintf(path, sizeof(path), "entries[%zu]", i);
		if (apply(l, s, &entries[i], path, err) != LTY_OK) {
			state_free(l->allocator, s);
			return err->status;
		}
	}
	return LTY_OK;
}

/* The state as of t (entries at <= t): the end state when t is past the last entry. */
static lty_status state_at(const lty_ledger *l, int64_t t, lty_ledger_state *tmp, const lty_ledger_state **out, lty_error *err)
{
	size_t n = l->count;

	if (n == 0 || l->entries[n - 1].at <= t) {
		*out = &l->end;
		return LTY_OK;
	}
	while (n > 0 && l->entries[n - 1].at > t) {
		n--;
	}
	if (replay(l, l->entries, n, tmp, err) != LTY_OK) {
		return err->status;
	}
	*out = tmp;
	return LTY_OK;
}

/* ---- public ---- */

void lty_ledger_init(lty_ledger *l, const lty_allocator *allocator, const lty_program *program)
{
	const lty_loyalty *y = &program->loyalty;

	memset(l, 0, sizeof(*l));
	l->allocator = allocator;
	if (program->has_loyalty) {
		l->rules.expires = y->has_expiry;
		l->rules.days = y->expiry_days;
		l->rules.mode = y->expiry_mode;
		l->rules.pending_days = y->pending_days;
		l->rules.warn_days = y->warn_days;
		l->rules.warn_count = y->warn_count;
	}
	state_init(&l->end);
}

static void free_entries(const lty_allocator *al, lty_entry *entries, size_t count)
{
	size_t i;

	for (i = 0; i < count; i++) {
		al->free(al->ctx, entries[i].ref);
	}
	if (entries) {
		al->free(al->ctx, entries);
	}
}

void lty_ledger_free(lty_ledger *l)
{
	free_entries(l->allocator, l->entries, l->count);
	state_free(l->allocator, &l->end);
	l->entries = NULL;
	l->count = l->capacity = 0;
}

static char *copy_ref(const lty_allocator *al, const char *ref, size_t len)
{
	char *copy = len == SIZE_MAX ? NULL : al->alloc(al->ctx, len + 1);

	if (copy != NULL) {
		if (len) {
			memcpy(copy, ref, len);
		}
		copy[len] = '\0';
	}
	return copy;
}

lty_status lty_ledger_copy(lty_ledger *dst, const lty_ledger *src, lty_error *err)
{
	size_t i;

	*dst = *src;
	dst->entries = NULL;
	dst->count = dst->capacity = 0;
	state_init(&dst->end);
	dst->entries = grow(src->allocator, NULL, &dst->capacity, src->count, sizeof(lty_entry));
	if (src->count && dst->entries == NULL) {
		return lty_error_set(err, LTY_ERR_NOMEM, "ledger: out of memory");
	}
	for (i = 0; i < src->count; i++) {
		dst->entries[i] = src->entries[i];
		dst->entries[i].ref = copy_ref(src->allocator, src->entries[i].ref, src->entries[i].ref_len);
		dst->count++;
		if (dst->entries[i].ref == NULL) {
			return lty_error_set(err, LTY_ERR_NOMEM, "ledger: out of memory");
		}
	}
	return replay(dst, dst->entries, dst->count, &dst->end, err);
}

/* Position after every entry at <= at: equal times keep the order they were added in. */
static size_t insertion_point(const lty_ledger *l, int64_t at)
{
	size_t lo = 0, hi = l->count;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (l->entries[mid].at <= at) {
			lo = mid + 1;
		} else {
			hi = mid;
		}
	}
	return lo;
}

/* Whether `points` are spendable at `at`, as the ledger stands at that time. */
static lty_status check_cover(const lty_ledger *l, int64_t points, int64_t at, lty_entry_type type,
	const char *path, lty_error *err)
{
	lty_ledger_state tmp;
	const lty_ledger_state *s;
	int64_t spendable, pending;
	char when[96];

	state_init(&tmp);
	if (state_at(l, at, &tmp, &s, err) != LTY_OK) {
		return err->status;
	}
	measure(&l->rules, s, at, &spendable, &pending);
	state_free(l->allocator, &tmp);
	if (spendable < points) {
		return lty_error_set(err, LTY_ERR_LEDGER, "%s: %" PRId64 " points to %s at %s, only %" PRId64 " available%s",
			path, points, lty_entry_type_name(type), format_time(at, when, sizeof(when)), spendable,
			pending ? " (more are pending in the return window)" : "");
	}
	return LTY_OK;
}

lty_status lty_ledger_add(lty_ledger *l, lty_entry_type type, int64_t points, int64_t at,
	const char *ref, size_t ref_len, const char *path, lty_error *err)
{
	const lty_allocator *al = l->allocator;
	size_t pos = insertion_point(l, at);
	lty_entry e, *entries;
	lty_ledger_state s;

	if (l->count >= LTY_MAX_LEDGER_ENTRIES) {
		return lty_error_set(err, LTY_ERR_INPUT, "%s: the ledger has %d entries, the most it can hold", path, LTY_MAX_LEDGER_ENTRIES);
	}
	e.type = type;
	e.points = points;
	e.at = at;
	e.ref_len = ref_len;
	e.ref = copy_ref(al, ref, ref_len);
	entries = grow(al, l->entries, &l->capacity, l->count + 1, sizeof(lty_entry));
	if (e.ref == NULL || entries == NULL) {
		al->free(al->ctx, e.ref);
		return lty_error_set(err, LTY_ERR_NOMEM, "ledger: out of memory");
	}
	l->entries = entries;
	if ((type == LTY_ENTRY_SPEND || type == LTY_ENTRY_REWARD) && check_cover(l, points, at, type, path, err) != LTY_OK) {
		al->free(al->ctx, e.ref); /* refused: nothing changed */
		return err->status;
	}
	/* Points expired by then do not count (they are dropped first): refused before the end state moves. */
	if (pos == l->count && (type == LTY_ENTRY_EARN || type == LTY_ENTRY_GRANT) && points > INT64_MAX - total_at(&l->rules, &l->end, at)) {
		al->free(al->ctx, e.ref);
		return overflow_error(path, points, err);
	}
	if (pos == l->count) {
		/* In time order: continue from the end state. */
		if (apply(l, &l->end, &e, path, err) != LTY_OK) {
			al->free(al->ctx, e.ref);
			return err->status;
		}
		l->entries[l->count++] = e;
		return LTY_OK;
	}
	/* Out of time order: insert, replay everything, undo when a spend is left uncovered. */
	memmove(&l->entries[pos + 1], &l->entries[pos], (l->count - pos) * sizeof(lty_entry));
	l->entries[pos] = e;
	l->count++;
	if (replay(l, l->entries, l->count, &s, err) != LTY_OK) {
		if (err->status == LTY_ERR_LEDGER) {
			char inner[512];
			memcpy(inner, err->message, sizeof(inner) - 1);
			inner[sizeof(inner) - 1] = '\0';
			lty_error_set(err, LTY_ERR_LEDGER, "%s: would leave a later spend uncovered (%s)", path, inner);
		}
		l->count--;
		memmove(&l->entries[pos], &l->entries[pos + 1], (l->count - pos) * sizeof(lty_entry));
		al->free(al->ctx, e.ref);
		return err->status;
	}
	state_free(al, &l->end);
	l->end = s;
	return LTY_OK;
}

typedef struct {
	int64_t at;
	size_t index;
} order_key;

static int by_time(const void *a, const void *b)
{
	const order_key *x = a, *y = b;

	if (x->at != y->at) {
		return x->at < y->at ? -1 : 1;
	}
	return x->index < y->index ? -1 : x->index > y->index;
}

lty_status lty_ledger_add_all(lty_ledger *l, const lty_entry *add, size_t n, lty_error *err)
{
	const lty_allocator *al = l->allocator;
	size_t total = l->count + n, i, cap = 0;
	order_key *keys;
	lty_entry *all, *sorted;
	lty_ledger_state s;

	if (n == 0) {
		return LTY_OK;
	}
	if (n > LTY_MAX_LEDGER_ENTRIES - l->count) {
		return lty_error_set(err, LTY_ERR_INPUT, "entries: too many entries (%zu, at most %d)", l->count + n, LTY_MAX_LEDGER_ENTRIES);
	}
	all = grow(al, NULL, &cap, total, sizeof(lty_entry));
	cap = 0;
	sorted = grow(al, NULL, &cap, total, sizeof(lty_entry));
	keys = al->alloc(al->ctx, total * sizeof(order_key));
	if (all == NULL || sorted == NULL || keys == NULL) {
		al->free(al->ctx, all);
		al->free(al->ctx, sorted);
		al->free(al->ctx, keys);
		return lty_error_set(err, LTY_ERR_NOMEM, "ledger: out of memory");
	}
	if (l->count > 0) { /* entries is NULL while the ledger is empty */
		memcpy(all, l->entries, l->count * sizeof(lty_entry));
	}
	for (i = 0; i < n; i++) {
		all[l->count + i] = add[i];
		all[l->count + i].ref = copy_ref(al, add[i].ref, add[i].ref_len);
	}
	for (i = 0; i < total; i++) {
		keys[i].at = all[i].at;
		keys[i].index = i;
	}
	qsort(keys, total, sizeof(order_key), by_time); /* (at, index): stable */
	for (i = 0; i < total; i++) {
		sorted[i] = all[keys[i].index];
	}
	al->free(al->ctx, keys);
	for (i = 0; i < n; i++) {
		if (all[l->count + i].ref == NULL) {
			free_entries(al, all + l->count, n); /* frees the copies made */
			al->free(al->ctx, sorted);
			return lty_error_set(err, LTY_ERR_NOMEM, "ledger: out of memory");
		}
	}
	if (replay(l, sorted, total, &s, err) != LTY_OK) {
		for (i = 0; i < n; i++) {
			al->free(al->ctx, all[l->count + i].ref);
		}
		al->free(al->ctx, all);
		al->free(al->ctx, sorted);
		return err->status;
	}
	al->free(al->ctx, all);
	if (l->entries) {
		al->free(al->ctx, l->entries);
	}
	l->entries = sorted;
	l->count = l->capacity = total;
	state_free(al, &l->end);
	l->end = s;
	return LTY_OK;
}

lty_status lty_ledger_balance(const lty_ledger *l, int64_t at, int64_t *out, lty_error *err)
{
	lty_ledger_state tmp;
	const lty_ledger_state *s;
	int64_t pending;

	state_init(&tmp);
	if (state_at(l, at, &tmp, &s, err) != LTY_OK) {
		return err->status;
	}
	measure(&l->rules, s, at, out, &pending);
	state_free(l->allocator, &tmp);
	return LTY_OK;
}

lty_status lty_ledger_pending(const lty_ledger *l, int64_t at, int64_t *out, lty_error *err)
{
	lty_ledger_state tmp;
	const lty_ledger_state *s;
	int64_t spendable;

	state_init(&tmp);
	if (state_at(l, at, &tmp, &s, err) != LTY_OK) {
		return err->status;
	}
	measure(&l->rules, s, at, &spendable, out);
	state_free(l->allocator, &tmp);
	return LTY_OK;
}

/* Valid points of a state at t grouped by expiry date (lots expire in lot order). */
static lty_status expiring_of(const lty_ledger *l, const lty_ledger_state *s, int64_t t, lty_arena *arena,
	lty_expiring **out, size_t *count, lty_error *err)
{
	const lty_ledger_rules *r = &l->rules;
	lty_expiring *list = lty_arena_array(arena, s->count - s->head + 1, sizeof(lty_expiring));
	size_t i, n = 0;

	if (list == NULL) {
		return lty_error_set(err, LTY_ERR_NOMEM, "ledger: out of memory");
	}
	for (i = s->head; r->expires && i < s->count; i++) {
		const lty_lot *lot = &s->lots[i];
		int64_t when = r->mode == LTY_EXPIRY_ROLLING ? s->deadline : lot->expires_at;
		if (!lot_valid(r, s, lot, t)) {
			continue;
		}
		if (n > 0 && list[n - 1].expires_at == when) {
			list[n - 1].points += lot->remaining;
		} else {
			list[n].points = lot->remaining;
			list[n].expires_at = when;
			n++;
		}
	}
	*out = list;
	*count = n;
	return LTY_OK;
}

lty_status lty_ledger_expiring(const lty_ledger *l, int64_t at, lty_arena *arena,
	lty_expiring **out, size_t *count, lty_error *err)
{
	lty_ledger_state tmp;
	const lty_ledger_state *s;
	lty_status st;

	state_init(&tmp);
	if (state_at(l, at, &tmp, &s, err) != LTY_OK) {
		return err->status;
	}
	st = expiring_of(l, s, at, arena, out, count, err);
	state_free(l->allocator, &tmp);
	return st;
}

typedef struct {
	int64_t due_at;
	int64_t expires_at;
	int64_t days;
} candidate;

static int by_due(const void *a, const void *b)
{
	const candidate *x = a, *y = b;

	if (x->due_at != y->due_at) {
		return x->due_at < y->due_at ? -1 : 1;
	}
	if (x->expires_at != y->expires_at) {
		return x->expires_at < y->expires_at ? -1 : 1;
	}
	return (x->days < y->days) - (x->days > y->days);
}

/* Points due to expire at E as the ledger stood at state s (time t < E). */
static int64_t expiring_at(const lty_ledger *l, const lty_ledger_state *s, int64_t t, int64_t when)
{
	int64_t points = 0;
	size_t i;

	for (i = s->head; i < s->count; i++) {
		const lty_lot *lot = &s->lots[i];
		int64_t e = l->rules.mode == LTY_EXPIRY_ROLLING ? s->deadline : lot->expires_at;
		if (e == when && lot_valid(&l->rules, s, lot, t)) {
			points += lot->remaining;
		}
	}
	return points;
}

lty_status lty_ledger_warnings_due(const lty_ledger *l, int64_t from, int64_t to, lty_arena *arena,
	lty_expiry_warning **out, size_t *count, lty_error *err)
{
	const lty_ledger_rules *r = &l->rules;
	size_t i, j, n = 0, next = 0;
	candidate *cands = NULL;
	int pass;
	lty_expiry_warning *list;
	lty_ledger_state s;
	char path[48];

	*out = NULL;
	*count = 0;
	if (!r->expires || r->warn_count == 0 || l->count == 0 || to <= from) {
		*out = lty_arena_alloc(arena, 1);
		return LTY_OK;
	}
	/* Every expiry date an earn or grant may set, for every warning offset falling in (from, to]:
	 * counted first, so that memory follows the window, not entries x warn_days. */
	for (pass = 0; pass < 2; pass++) {
		if (pass == 1) {
			cands = lty_arena_array(arena, n ? n : 1, sizeof(candidate));
			if (cands == NULL) {
				return lty_error_set(err, LTY_ERR_NOMEM, "ledger: out of memory");
			}
			n = 0;
		}
		for (i = 0; i < l->count; i++) {
			int64_t expires;
			if (l->entries[i].type != LTY_ENTRY_EARN && l->entries[i].type != LTY_ENTRY_GRANT) {
				continue;
			}
			expires = after_days(l->entries[i].at, r->days);
			for (j = 0; j < r->warn_count; j++) {
				int64_t due;
				/* A warning due before the representable range is never in (from, to]. */
				if (__builtin_sub_overflow(expires, r->warn_days[j] * DAY, &due)) {
					continue;
				}
				if (due > from && due <= to && expires != INT64_MAX) {
					if (pass == 1) {
						cands[n].due_at = due;
						cands[n].expires_at = expires;
						cands[n].days = r->warn_days[j];
					}
					n++;
				}
			}
		}
	}
	qsort(cands, n, sizeof(candidate), by_due);
	list = lty_arena_array(arena, n + 1, sizeof(lty_expiry_warning));
	if (list == NULL) {
		return lty_error_set(err, LTY_ERR_NOMEM, "ledger: out of memory");
	}
	/* One pass through the history, stopping at each warning's time. */
	state_init(&s);
	*count = 0;
	for (i = 0; i < n; i++) {
		int64_t points;
		if (i > 0 && by_due(&cands[i], &cands[i - 1]) == 0) {
			continue; /* two entries set the same date */
		}
		while (next < l->count && l->entries[next].at <= cands[i].due_at) {
			snprintf(path, sizeof(path), "entries[%zu]", next);
			if (apply(l, &s, &l->entries[next], path, err) != LTY_OK) {
				state_free(l->allocator, &s);
				return err->status;
			}
			next++;
		}
		points = expiring_at(l, &s, cands[i].due_at, cands[i].expires_at);
		if (points > 0) {
			lty_expiry_warning *w = &list[(*count)++];
			w->days_before = cands[i].days;
			w->points = points;
			w->expires_at = cands[i].expires_at;
			w->due_at = cands[i].due_at;
		}
	}
	state_free(l->allocator, &s);
	*out = list;
	return LTY_OK;
}
