#include "../base/lty_checked.h"
#include "lty_ledger.h"
#include "lty_ledger_index.h"
#include "../base/lty_limits.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DAY 86400

static int64_t after_days(int64_t t, int64_t days)
{
	return lty_ledger_after_days(t, days);
}

static bool is_lot(const lty_entry *e)
{
	return e->type == LTY_ENTRY_EARN || e->type == LTY_ENTRY_GRANT;
}

static bool is_spend(const lty_entry *e)
{
	return e->type == LTY_ENTRY_SPEND || e->type == LTY_ENTRY_REWARD;
}

static void free_all(const lty_allocator *al, void *a, void *b, void *c)
{
	void *p[3] = { a, b, c };
	int i;

	for (i = 0; i < 3; i++) {
		if (p[i] != NULL) {
			al->free(al->ctx, p[i]);
		}
	}
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

static lty_status overflow_error(const lty_ledger *l, const char *path, int64_t points, lty_error *err)
{
	return lty_error_set(err, LTY_ERR_LEDGER, "%s: %" PRId64 " more points would overflow the %d-bit balance", path, points,
		l->t.points_bits);
}

/* Applies one entry (at >= every entry applied before). `path` names it in an error; a spend
 * known to be `covered` is not measured again (measure() walks the valid lots). */
static lty_status apply_entry(const lty_ledger *l, lty_ledger_state *s, const lty_entry *e, bool covered, const char *path,
	lty_error *err)
{
	const lty_ledger_rules *r = &l->t.rules;
	int64_t spendable, pending;
	lty_lot lot;

	expire_until(r, s, e->at);
	s->next++;
	switch (e->type) {
		case LTY_ENTRY_EARN:
		case LTY_ENTRY_GRANT:
			if (e->points > lty_ledger_points_max(&l->t) - s->total) {
				return overflow_error(l, path, e->points, err);
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
			return add_lot(l->t.allocator, s, &lot, err);
		default:
			if (covered) {
				consume(s, e->points, e->at);
				return LTY_OK;
			}
			measure(r, s, e->at, &spendable, &pending);
			if (spendable < e->points) {
				return lty_ledger_short(err, path, e, spendable, pending);
			}
			consume(s, e->points, e->at);
			return LTY_OK;
	}
}

static lty_status apply(const lty_ledger *l, lty_ledger_state *s, const lty_entry *e, const char *path, lty_error *err)
{
	return apply_entry(l, s, e, false, path, err);
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
			state_free(l->t.allocator, s);
			return err->status;
		}
	}
	return LTY_OK;
}

/* The entries in time order, collected from the tree after an entry went in before the last. */
static lty_status ensure_entries(lty_ledger *l, lty_error *err)
{
	lty_entry *entries;

	if (l->entries_valid) {
		return LTY_OK;
	}
	entries = grow(l->t.allocator, l->entries, &l->capacity, l->count, sizeof(lty_entry));
	if (l->count && entries == NULL) {
		return lty_error_set(err, LTY_ERR_NOMEM, "ledger: out of memory");
	}
	l->entries = entries;
	lty_index_collect(&l->t, l->entries);
	l->entries_valid = true;
	return LTY_OK;
}

/* The state after every entry, replayed once after an entry went in before the last. */
static lty_status ensure_end(lty_ledger *l, lty_error *err)
{
	lty_ledger_state s;

	if (l->end_valid) {
		return LTY_OK;
	}
	if (ensure_entries(l, err) != LTY_OK || replay(l, l->entries, l->count, &s, err) != LTY_OK) {
		return err->status;
	}
	state_free(l->t.allocator, &l->end);
	l->end = s;
	l->end_valid = true;
	return LTY_OK;
}

lty_status lty_ledger_list(lty_ledger *l, lty_error *err)
{
	return ensure_entries(l, err);
}

/* The state as of t (entries at <= t): the end state when t is past the last entry. */
static lty_status state_at(lty_ledger *l, int64_t t, lty_ledger_state *tmp, const lty_ledger_state **out, lty_error *err)
{
	size_t n = l->count;

	if (ensure_end(l, err) != LTY_OK) {
		return err->status;
	}
	if (n == 0 || l->entries[n - 1].at <= t) {
		*out = &l->end;
		return LTY_OK;
	}
	n = lty_index_position(&l->t, t);
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
	l->t.allocator = allocator;
	if (program->has_loyalty) {
		l->t.rules.expires = y->has_expiry;
		l->t.rules.days = y->expiry_days;
		l->t.rules.mode = y->expiry_mode;
		l->t.rules.pending_days = y->pending_days;
		l->t.rules.warn_days = y->warn_days;
		l->t.rules.warn_count = y->warn_count;
	}
	state_init(&l->end);
	l->t.fast = l->entries_valid = l->end_valid = true;
	l->t.points_bits = 64;
}

void lty_ledger_free(lty_ledger *l)
{
	const lty_allocator *al = l->t.allocator;
	size_t i;

	for (i = 1; i < l->t.node_count; i++) {
		if (l->t.nodes[i].entry.ref != NULL) {
			al->free(al->ctx, l->t.nodes[i].entry.ref);
		}
	}
	if (l->t.nodes) {
		al->free(al->ctx, l->t.nodes);
	}
	if (l->entries) {
		al->free(al->ctx, l->entries);
	}
	state_free(al, &l->end);
	l->t.nodes = NULL;
	l->entries = NULL;
	l->t.node_count = l->t.node_capacity = l->count = l->capacity = 0;
	l->t.root = 0;
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
	const lty_allocator *al = src->t.allocator;
	size_t i;

	*dst = *src;
	dst->t.nodes = NULL;
	dst->entries = NULL;
	dst->t.node_count = dst->t.node_capacity = dst->capacity = 0;
	dst->entries_valid = dst->end_valid = false;
	state_init(&dst->end);
	if (src->t.node_count == 0) {
		dst->entries_valid = dst->end_valid = true;
		return LTY_OK;
	}
	dst->t.nodes = al->alloc(al->ctx, src->t.node_count * sizeof(lty_ledger_node));
	if (dst->t.nodes == NULL) {
		return lty_error_set(err, LTY_ERR_NOMEM, "ledger: out of memory");
	}
	memcpy(dst->t.nodes, src->t.nodes, src->t.node_count * sizeof(lty_ledger_node));
	dst->t.node_capacity = src->t.node_count;
	for (i = 1; i < src->t.node_count; i++) {
		dst->t.nodes[i].entry.ref = NULL;
	}
	dst->t.node_count = src->t.node_count; /* refs set so far are freed by lty_ledger_free() */
	for (i = 1; i < src->t.node_count; i++) {
		dst->t.nodes[i].entry.ref = copy_ref(al, src->t.nodes[i].entry.ref, src->t.nodes[i].entry.ref_len);
		if (dst->t.nodes[i].entry.ref == NULL) {
			return lty_error_set(err, LTY_ERR_NOMEM, "ledger: out of memory");
		}
	}
	return ensure_end(dst, err);
}

/* Whether `points` are spendable at `at`, as the ledger stands at that time. */
static lty_status check_cover(lty_ledger *l, const lty_entry *e, const char *path, lty_error *err)
{
	lty_ledger_state tmp;
	const lty_ledger_state *s;
	int64_t spendable, pending;

	state_init(&tmp);
	if (state_at(l, e->at, &tmp, &s, err) != LTY_OK) {
		return err->status;
	}
	measure(&l->t.rules, s, e->at, &spendable, &pending);
	state_free(l->t.allocator, &tmp);
	if (spendable < e->points) {
		return lty_ledger_short(err, path, e, spendable, pending);
	}
	return LTY_OK;
}

/* The ledger replays: entry e checked against the state as of its time, then (dated before
 * the last entry) every later spend by a replay of the whole history. */
static lty_status add_replayed(lty_ledger *l, uint32_t id, const char *path, lty_error *err)
{
	const lty_entry *e = &l->t.nodes[id].entry;
	size_t pos = lty_index_position(&l->t, e->at), cap = 0;
	lty_entry *all;
	lty_ledger_state s;

	if (is_spend(e) && check_cover(l, e, path, err) != LTY_OK) {
		return err->status;
	}
	if (pos == l->count) {
		/* Points expired by then do not count (they are dropped first): refused before the end state moves. */
		if (is_lot(e) && e->points > lty_ledger_points_max(&l->t) - total_at(&l->t.rules, &l->end, e->at)) {
			return overflow_error(l, path, e->points, err);
		}
		if (apply(l, &l->end, e, path, err) != LTY_OK) {
			return err->status;
		}
		return LTY_OK;
	}
	all = grow(l->t.allocator, NULL, &cap, l->count + 1, sizeof(lty_entry));
	if (all == NULL) {
		return lty_error_set(err, LTY_ERR_NOMEM, "ledger: out of memory");
	}
	memcpy(all, l->entries, pos * sizeof(lty_entry));
	all[pos] = *e;
	memcpy(all + pos + 1, l->entries + pos, (l->count - pos) * sizeof(lty_entry));
	if (replay(l, all, l->count + 1, &s, err) != LTY_OK) {
		l->t.allocator->free(l->t.allocator->ctx, all);
		return lty_ledger_wrap(err, path);
	}
	l->t.allocator->free(l->t.allocator->ctx, l->entries);
	l->entries = all;
	l->capacity = cap;
	state_free(l->t.allocator, &l->end);
	l->end = s;
	return LTY_OK;
}

/* Keeps the list in time order for an entry added after the last one (room made beforehand). */
static void append_listed(lty_ledger *l, const lty_entry *e, bool in_order)
{
	if (in_order && l->entries_valid && l->count < l->capacity) {
		l->entries[l->count] = *e;
	} else {
		l->entries_valid = false;
	}
}

/* The summaries answered for e: the tree has it; the end state follows when it was kept. */
static void added_fast(lty_ledger *l, const lty_entry *e, bool in_order, const char *path, lty_error *err)
{
	l->t.volume += e->points;
	if (in_order && l->end_valid) {
		/* covered, so only running out of memory can fail: then the state is replayed when asked for */
		l->end_valid = apply_entry(l, &l->end, e, true, path, err) == LTY_OK;
	} else {
		l->end_valid = false;
	}
	append_listed(l, e, in_order);
}

/* The ledger replays (lty_index_fits() said no): the tree takes e, but its summaries are no longer kept. */
static lty_status add_slow(lty_ledger *l, uint32_t id, bool in_order, const char *path, lty_error *err)
{
	lty_entry *room;

	if (ensure_entries(l, err) != LTY_OK || ensure_end(l, err) != LTY_OK) {
		return err->status;
	}
	room = grow(l->t.allocator, l->entries, &l->capacity, l->count + 1, sizeof(lty_entry));
	if (room == NULL) {
		return lty_error_set(err, LTY_ERR_NOMEM, "ledger: out of memory");
	}
	l->entries = room;
	if (add_replayed(l, id, path, err) != LTY_OK) {
		return err->status;
	}
	l->t.fast = false;
	lty_index_insert(&l->t, id);
	if (in_order) {
		l->entries[l->count] = l->t.nodes[id].entry;
	}
	return LTY_OK;
}

lty_status lty_ledger_add(lty_ledger *l, lty_entry_type type, int64_t points, int64_t at,
	const char *ref, size_t ref_len, const char *path, lty_error *err)
{
	const lty_allocator *al = l->t.allocator;
	lty_entry e;
	uint32_t id;
	bool in_order = lty_index_position(&l->t, at) == l->count;
	lty_entry *room;
	lty_status st;

	if (l->count >= LTY_MAX_LEDGER_ENTRIES) {
		return lty_error_set(err, LTY_ERR_INPUT, "%s: the ledger has %d entries, the most it can hold", path, LTY_MAX_LEDGER_ENTRIES);
	}
	e.type = type;
	e.points = points;
	e.at = at;
	e.ref_len = ref_len;
	e.ref = copy_ref(al, ref, ref_len);
	id = e.ref != NULL ? lty_index_node(&l->t, &e) : 0;
	room = l->entries_valid ? grow(al, l->entries, &l->capacity, l->count + 1, sizeof(lty_entry)) : l->entries;
	if (room != NULL) {
		l->entries = room; /* grow() freed the old array */
	}
	if (id == 0 || (l->entries_valid && room == NULL)) {
		if (id) {
			lty_index_drop_last(&l->t);
		}
		if (e.ref) {
			al->free(al->ctx, e.ref);
		}
		return lty_error_set(err, LTY_ERR_NOMEM, "ledger: out of memory");
	}
	if (lty_index_fits(&l->t, &e)) {
		st = lty_index_add(&l->t, id, path, err);
		if (st == LTY_OK) {
			added_fast(l, &e, in_order, path, err);
		}
	} else {
		st = add_slow(l, id, in_order, path, err);
	}
	if (st != LTY_OK) {
		lty_index_drop_last(&l->t);
		al->free(al->ctx, e.ref);
		return st;
	}
	l->count++;
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

/* Whether the summaries can describe these entries (see lty_index_fits()); sets the volume. */
static bool fits_all(lty_ledger *l, const lty_entry *sorted, size_t n)
{
	const lty_ledger_rules *r = &l->t.rules;
	size_t i;

	l->t.volume = 0;
	for (i = 0; i < n; i++) {
		if (lty_add_overflow(l->t.volume, sorted[i].points, &l->t.volume) || l->t.volume >= lty_ledger_points_max(&l->t)) {
			return false;
		}
		if (r->expires && r->mode == LTY_EXPIRY_PER_LOT && r->pending_days > 0 && sorted[i].type == LTY_ENTRY_GRANT
				&& sorted[i].points > 0) {
			return false;
		}
	}
	return l->t.fast;
}

/* Drops the nodes from `first` on, with their refs. */
static void drop_nodes(lty_ledger *l, size_t first)
{
	while (l->t.node_count > first) {
		l->t.allocator->free(l->t.allocator->ctx, l->t.nodes[l->t.node_count - 1].entry.ref);
		lty_index_drop_last(&l->t);
	}
}

/* Nodes for the entries added (refs copied): the first one's number; 0 when out of memory (none kept). */
static uint32_t add_nodes(lty_ledger *l, const lty_entry *add, size_t n)
{
	size_t i, first = l->t.node_count ? l->t.node_count : 1;
	lty_entry e;

	for (i = 0; i < n; i++) {
		e = add[i];
		e.ref = copy_ref(l->t.allocator, add[i].ref, add[i].ref_len);
		if (e.ref == NULL || lty_index_node(&l->t, &e) == 0) {
			if (e.ref) {
				l->t.allocator->free(l->t.allocator->ctx, e.ref);
			}
			drop_nodes(l, first);
			return 0;
		}
	}
	return (uint32_t) first;
}

lty_status lty_ledger_add_all(lty_ledger *l, const lty_entry *add, size_t n, lty_error *err)
{
	const lty_allocator *al = l->t.allocator;
	size_t total = l->count + n, i, cap = 0;
	uint32_t first, *ids;
	order_key *keys;
	lty_entry *sorted;
	lty_ledger_state s;

	if (n == 0) {
		return LTY_OK;
	}
	if (n > LTY_MAX_LEDGER_ENTRIES - l->count) {
		return lty_error_set(err, LTY_ERR_INPUT, "entries: too many entries (%zu, at most %d)", l->count + n, LTY_MAX_LEDGER_ENTRIES);
	}
	first = add_nodes(l, add, n);
	ids = al->alloc(al->ctx, 2 * total * sizeof(uint32_t)); /* as they stand, then in time order */
	keys = al->alloc(al->ctx, total * sizeof(order_key));
	sorted = grow(al, NULL, &cap, total, sizeof(lty_entry));
	if (first == 0 || ids == NULL || keys == NULL || sorted == NULL) {
		free_all(al, ids, keys, sorted);
		if (first) {
			drop_nodes(l, first);
		}
		return lty_error_set(err, LTY_ERR_NOMEM, "ledger: out of memory");
	}
	lty_index_ids(&l->t, ids);
	for (i = 0; i < total; i++) {
		if (i >= l->count) {
			ids[i] = first + (uint32_t) (i - l->count);
		}
		keys[i].at = l->t.nodes[ids[i]].entry.at;
		keys[i].index = i;
	}
	qsort(keys, total, sizeof(order_key), by_time); /* (at, index): stable */
	for (i = 0; i < total; i++) {
		ids[total + i] = ids[keys[i].index];
		sorted[i] = l->t.nodes[ids[total + i]].entry;
	}
	if (replay(l, sorted, total, &s, err) != LTY_OK) {
		free_all(al, ids, keys, sorted);
		drop_nodes(l, first);
		return err->status;
	}
	l->t.fast = fits_all(l, sorted, total);
	l->count = total;
	lty_index_build(&l->t, ids + total, total);
	free_all(al, ids, keys, l->entries);
	l->entries = sorted;
	l->capacity = cap;
	l->entries_valid = true;
	state_free(al, &l->end);
	l->end = s;
	l->end_valid = true;
	return LTY_OK;
}

lty_status lty_ledger_balance(lty_ledger *l, int64_t at, int64_t *out, lty_error *err)
{
	lty_ledger_state tmp;
	const lty_ledger_state *s;
	int64_t pending;

	if (l->t.fast) {
		lty_index_measure(&l->t, at, out, &pending);
		return LTY_OK;
	}
	state_init(&tmp);
	if (state_at(l, at, &tmp, &s, err) != LTY_OK) {
		return err->status;
	}
	measure(&l->t.rules, s, at, out, &pending);
	state_free(l->t.allocator, &tmp);
	return LTY_OK;
}

lty_status lty_ledger_pending(lty_ledger *l, int64_t at, int64_t *out, lty_error *err)
{
	lty_ledger_state tmp;
	const lty_ledger_state *s;
	int64_t spendable;

	if (l->t.fast) {
		lty_index_measure(&l->t, at, &spendable, out);
		return LTY_OK;
	}
	state_init(&tmp);
	if (state_at(l, at, &tmp, &s, err) != LTY_OK) {
		return err->status;
	}
	measure(&l->t.rules, s, at, &spendable, out);
	state_free(l->t.allocator, &tmp);
	return LTY_OK;
}

/* Valid points of a state at t grouped by expiry date (lots expire in lot order). */
static lty_status expiring_of(lty_ledger *l, const lty_ledger_state *s, int64_t t, lty_arena *arena,
	lty_expiring **out, size_t *count, lty_error *err)
{
	const lty_ledger_rules *r = &l->t.rules;
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

lty_status lty_ledger_expiring(lty_ledger *l, int64_t at, lty_arena *arena,
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
	state_free(l->t.allocator, &tmp);
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
		int64_t e = l->t.rules.mode == LTY_EXPIRY_ROLLING ? s->deadline : lot->expires_at;
		if (e == when && lot_valid(&l->t.rules, s, lot, t)) {
			points += lot->remaining;
		}
	}
	return points;
}

lty_status lty_ledger_warnings_due(lty_ledger *l, int64_t from, int64_t to, lty_arena *arena,
	lty_expiry_warning **out, size_t *count, lty_error *err)
{
	const lty_ledger_rules *r = &l->t.rules;
	size_t i, j, n = 0, next = 0;
	candidate *cands = NULL;
	int pass;
	lty_expiry_warning *list;
	lty_ledger_state s;
	char path[48];

	*out = NULL;
	*count = 0;
	if (ensure_entries(l, err) != LTY_OK) {
		return err->status;
	}
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
				if (lty_sub_overflow(expires, r->warn_days[j] * DAY, &due)) {
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
				state_free(l->t.allocator, &s);
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
	state_free(l->t.allocator, &s);
	*out = list;
	return LTY_OK;
}
