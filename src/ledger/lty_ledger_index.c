#include "../base/lty_checked.h"
#include "lty_ledger_index.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#define DAY 86400
#define INF LTY_LEDGER_UNBOUNDED

/* Every finite value of a summary is a sum of entry points, bounded by the volume (at most
 * INT64_MAX - 1, see lty_index_fits()): no sum below overflows, and INF is never a sum. */
static int64_t add2(int64_t a, int64_t b)
{
	return a == INF || b == INF ? INF : a + b;
}

static int64_t min2(int64_t a, int64_t b)
{
	return a < b ? a : b;
}

static bool is_lot(const lty_entry *e)
{
	return e->type == LTY_ENTRY_EARN || e->type == LTY_ENTRY_GRANT;
}

static bool is_spend(const lty_entry *e)
{
	return e->type == LTY_ENTRY_SPEND || e->type == LTY_ENTRY_REWARD;
}

int64_t lty_ledger_points_max(const lty_ledger_tree *t)
{
	return t->points_bits == 32 ? INT32_MAX : INT64_MAX;
}

bool lty_index_fits(const lty_ledger_tree *l, const lty_entry *e)
{
	const lty_ledger_rules *r = &l->rules;
	int64_t volume;

	/* (below the balance limit too: the summaries never check it; the replay does) */
	if (!l->fast || lty_add_overflow(l->volume, e->points, &volume) || volume >= lty_ledger_points_max(l)) {
		return false;
	}
	/* per_lot with pending days: a grant is taken before older pending earns, not the oldest lot first */
	return !(r->expires && r->mode == LTY_EXPIRY_PER_LOT && r->pending_days > 0 && e->type == LTY_ENTRY_GRANT && e->points > 0);
}

/* ---- steps ---- */

/* x, then y. */
static lty_ledger_step then(const lty_ledger_step *x, const lty_ledger_step *y)
{
	lty_ledger_step s;

	s.add = x->add + y->add;
	s.cap = min2(add2(x->cap, y->add), y->cap);
	s.cover_add = min2(x->cover_add, add2(y->cover_add, x->add));
	s.cover_cap = min2(x->cover_cap, min2(add2(x->cap, y->cover_add), y->cover_cap));
	return s;
}

static lty_ledger_step own_step(const lty_ledger_node *n)
{
	int64_t inc = is_lot(&n->entry) ? n->entry.points : is_spend(&n->entry) ? -n->entry.points : 0;
	lty_ledger_step s = { inc, add2(n->cap, inc), INF, INF };

	if (is_spend(&n->entry) && n->entry.points > 0) { /* a spend of 0 is always covered */
		s.cover_add = inc - n->pend;
		s.cover_cap = add2(n->cap, inc - n->pend);
	}
	return s;
}

/* g after a step. */
static int64_t step_out(const lty_ledger_step *s, int64_t g)
{
	return min2(g + s->add, s->cap);
}

/* The smallest margin of a step's spends from g (INF when it has none). */
static int64_t step_margin(const lty_ledger_step *s, int64_t g)
{
	return min2(add2(s->cover_add, g), s->cover_cap);
}

/* ---- treap ---- */

/* Recomputes a node's summary from its children (sizes only on slow ledgers, whose sums could overflow). */
static void pull(lty_ledger_tree *l, uint32_t t)
{
	lty_ledger_node *n = &l->nodes[t], *c;
	lty_ledger_step s;

	n->size = 1 + l->nodes[n->left].size + l->nodes[n->right].size;
	if (!l->fast) {
		return;
	}
	s = own_step(n);
	n->lots = is_lot(&n->entry) ? n->entry.points : 0;
	n->earns = n->entry.type == LTY_ENTRY_EARN ? n->entry.points : 0;
	if (n->left) {
		c = &l->nodes[n->left];
		s = then(&c->sum, &s);
		n->lots += c->lots;
		n->earns += c->earns;
	}
	if (n->right) {
		c = &l->nodes[n->right];
		s = then(&s, &c->sum);
		n->lots += c->lots;
		n->earns += c->earns;
	}
	n->sum = s;
}

/* Adds dc to cap and dp to pend of every node of subtree t. */
static void tag(lty_ledger_tree *l, uint32_t t, int64_t dc, int64_t dp)
{
	lty_ledger_node *n = &l->nodes[t];

	if (t == 0 || (dc == 0 && dp == 0)) {
		return;
	}
	n->cap = add2(n->cap, dc);
	n->pend += dp;
	n->sum.cap = add2(n->sum.cap, dc);
	n->sum.cover_add = add2(n->sum.cover_add, -dp);
	n->sum.cover_cap = add2(n->sum.cover_cap, dc - dp);
	n->tag_cap += dc;
	n->tag_pend += dp;
}

static void push(lty_ledger_tree *l, uint32_t t)
{
	lty_ledger_node *n = &l->nodes[t];

	if (n->tag_cap || n->tag_pend) {
		tag(l, n->left, n->tag_cap, n->tag_pend);
		tag(l, n->right, n->tag_cap, n->tag_pend);
		n->tag_cap = n->tag_pend = 0;
	}
}

/* Splits t into the entries at <= key (at < key when strict) and the others. */
static void split(lty_ledger_tree *l, uint32_t t, int64_t key, bool strict, uint32_t *a, uint32_t *b)
{
	lty_ledger_node *n;

	if (t == 0) {
		*a = *b = 0;
		return;
	}
	push(l, t);
	n = &l->nodes[t];
	if (strict ? n->entry.at < key : n->entry.at <= key) {
		split(l, n->right, key, strict, &n->right, b);
		*a = t;
	} else {
		split(l, n->left, key, strict, a, &n->left);
		*b = t;
	}
	pull(l, t);
}

/* Splits t into its first k entries and the others. */
static void split_size(lty_ledger_tree *l, uint32_t t, size_t k, uint32_t *a, uint32_t *b)
{
	lty_ledger_node *n;
	size_t left;

	if (t == 0) {
		*a = *b = 0;
		return;
	}
	push(l, t);
	n = &l->nodes[t];
	left = l->nodes[n->left].size;
	if (k <= left) {
		split_size(l, n->left, k, a, &n->left);
		*b = t;
	} else {
		split_size(l, n->right, k - left - 1, &n->right, b);
		*a = t;
	}
	pull(l, t);
}

static uint32_t merge(lty_ledger_tree *l, uint32_t a, uint32_t b)
{
	if (a == 0 || b == 0) {
		return a ? a : b;
	}
	if (l->nodes[a].prio > l->nodes[b].prio) {
		push(l, a);
		l->nodes[a].right = merge(l, l->nodes[a].right, b);
		pull(l, a);
		return a;
	}
	push(l, b);
	l->nodes[b].left = merge(l, a, l->nodes[b].left);
	pull(l, b);
	return b;
}

/* ---- nodes ---- */

static uint32_t random_prio(lty_ledger_tree *l)
{
	uint64_t x = l->seed ? l->seed : UINT64_C(0x9E3779B97F4A7C15);

	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	l->seed = x;
	return (uint32_t) (x >> 32);
}

uint32_t lty_index_node(lty_ledger_tree *l, const lty_entry *e)
{
	const lty_allocator *al = l->allocator;
	size_t need = (l->node_count ? l->node_count : 1) + 1, cap = l->node_capacity ? l->node_capacity : 16;
	lty_ledger_node *grown, *n;

	if (need > l->node_capacity) {
		while (cap < need) {
			if (cap > SIZE_MAX / 2 / sizeof(lty_ledger_node)) {
				return 0;
			}
			cap *= 2;
		}
		grown = al->alloc(al->ctx, cap * sizeof(lty_ledger_node));
		if (grown == NULL) {
			return 0;
		}
		if (l->nodes != NULL) {
			memcpy(grown, l->nodes, l->node_count * sizeof(lty_ledger_node));
			al->free(al->ctx, l->nodes);
		}
		l->nodes = grown;
		l->node_capacity = cap;
	}
	if (l->node_count == 0) {
		memset(&l->nodes[0], 0, sizeof(lty_ledger_node)); /* the empty subtree: size 0 */
		l->node_count = 1;
	}
	n = &l->nodes[l->node_count];
	memset(n, 0, sizeof(*n));
	n->entry = *e;
	n->prio = random_prio(l);
	n->size = 1;
	n->cap = INF;
	return (uint32_t) l->node_count++;
}

void lty_index_drop_last(lty_ledger_tree *l)
{
	l->node_count--;
}

size_t lty_index_position(const lty_ledger_tree *l, int64_t at)
{
	uint32_t t = l->root;
	size_t pos = 0;

	while (t) {
		const lty_ledger_node *n = &l->nodes[t];
		if (n->entry.at <= at) {
			pos += l->nodes[n->left].size + 1;
			t = n->right;
		} else {
			t = n->left;
		}
	}
	return pos;
}

/* ---- what an entry's step needs ---- */

typedef struct {
	bool has;
	int64_t at; /* 0 when none runs */
} deadline_t;

/* The return window that counts: pending earns past their expiry (per_lot) count no more. */
static int64_t pending_window(const lty_ledger_rules *r)
{
	return r->expires && r->mode == LTY_EXPIRY_PER_LOT && r->days < r->pending_days ? r->days : r->pending_days;
}

static bool rolling(const lty_ledger_rules *r)
{
	return r->expires && r->mode == LTY_EXPIRY_ROLLING;
}

/* Earn points of the first pos entries of subtree t. */
static int64_t earns_before(const lty_ledger_tree *l, uint32_t t, size_t pos)
{
	int64_t sum = 0;

	while (t && pos > 0) {
		const lty_ledger_node *n = &l->nodes[t];
		size_t left = l->nodes[n->left].size;
		if (pos <= left) {
			t = n->left;
			continue;
		}
		sum += l->nodes[n->left].earns + (n->entry.type == LTY_ENTRY_EARN ? n->entry.points : 0);
		pos -= left + 1;
		t = n->right;
	}
	return sum;
}

/* Entries of subtree t out of a window of `days` at `at` (they come first). */
static size_t out_of_window(const lty_ledger_tree *l, uint32_t t, int64_t days, int64_t at)
{
	size_t count = 0;

	while (t) {
		const lty_ledger_node *n = &l->nodes[t];
		if (lty_ledger_after_days(n->entry.at, days) <= at) {
			count += l->nodes[n->left].size + 1;
			t = n->right;
		} else {
			t = n->left;
		}
	}
	return count;
}

/* Rolling: the position of the last wipe before position pos in subtree t (placed at base), or -1.
 * A subtree holds a wipe when its cap is bounded. */
static long last_wipe(const lty_ledger_tree *l, uint32_t t, size_t base, size_t pos)
{
	const lty_ledger_node *n = &l->nodes[t];
	size_t at;
	long found;

	if (t == 0 || pos <= base || n->sum.cap == INF) {
		return -1;
	}
	at = base + l->nodes[n->left].size;
	if (at < pos) {
		if ((found = last_wipe(l, n->right, at + 1, pos)) >= 0) {
			return found;
		}
		if (n->cap == 0) {
			return (long) at;
		}
	}
	return last_wipe(l, n->left, base, pos);
}

/* Rolling with pending days: the pend of node n at position pos after the entries of subtree t,
 * the earns both in its return window and after the last wipe (two nested ranges: the smaller sum). */
static int64_t rolling_pend(const lty_ledger_tree *l, uint32_t t, size_t pos, const lty_ledger_node *n)
{
	int64_t before, window;
	size_t start;
	long wipe;

	if (n->cap == 0) {
		return 0;
	}
	before = earns_before(l, t, pos);
	start = out_of_window(l, t, l->rules.pending_days, n->entry.at);
	window = start < pos ? before - earns_before(l, t, start) : 0;
	wipe = last_wipe(l, t, 0, pos);
	return min2(window, wipe >= 0 ? before - earns_before(l, t, (size_t) wipe) : before);
}

/* Points of the lots (or earns) of subtree t still inside a window of `days` at `at`. */
static int64_t window_sum(const lty_ledger_tree *l, uint32_t t, int64_t days, int64_t at, bool earns)
{
	int64_t sum = 0;

	while (t) {
		const lty_ledger_node *n = &l->nodes[t];
		if (lty_ledger_after_days(n->entry.at, days) > at) {
			if (earns ? n->entry.type == LTY_ENTRY_EARN : is_lot(&n->entry)) {
				sum += n->entry.points;
			}
			if (n->right) {
				sum += earns ? l->nodes[n->right].earns : l->nodes[n->right].lots;
			}
			t = n->left;
		} else {
			t = n->right;
		}
	}
	return sum;
}

static deadline_t last_deadline(const lty_ledger_tree *l, uint32_t t)
{
	deadline_t d = { false, 0 };

	if (t) {
		while (l->nodes[t].right) {
			t = l->nodes[t].right;
		}
		d.has = l->nodes[t].has_deadline;
		d.at = l->nodes[t].deadline;
	}
	return d;
}

/* Rolling: an entry met with deadline *d (when it has passed, every point is gone), and the one after it. */
static void roll(const lty_ledger_tree *l, lty_ledger_node *n, deadline_t *d)
{
	bool wipe = d->has && d->at <= n->entry.at;

	n->cap = wipe ? 0 : INF;
	if (wipe) {
		d->has = false;
		d->at = 0;
	}
	/* An order resets the deadline of every valid point; a grant starts one only when none runs. */
	if (n->entry.type == LTY_ENTRY_EARN || (n->entry.type == LTY_ENTRY_GRANT && !d->has)) {
		d->has = true;
		d->at = lty_ledger_after_days(n->entry.at, l->rules.days);
	}
	n->has_deadline = d->has;
	n->deadline = d->at;
}

/* What the step of node n needs, n placed after the entries of subtree a: cap, pend and
 * (rolling) the deadline after it. */
static void step_after(const lty_ledger_tree *l, uint32_t a, lty_ledger_node *n)
{
	const lty_ledger_rules *r = &l->rules;
	deadline_t d;

	n->cap = INF;
	n->pend = 0;
	if (rolling(r)) {
		d = last_deadline(l, a);
		roll(l, n, &d);
	} else if (r->expires) {
		n->cap = window_sum(l, a, r->days, n->entry.at, false);
	}
	if (r->pending_days > 0) {
		n->pend = rolling(r) ? rolling_pend(l, a, l->nodes[a].size, n) : window_sum(l, a, pending_window(r), n->entry.at, true);
	}
}

/* The step of node id placed after the entries of subtree a. */
static void prepare(lty_ledger_tree *l, uint32_t a, uint32_t id)
{
	lty_ledger_node *n = &l->nodes[id];

	n->left = n->right = 0;
	n->tag_cap = n->tag_pend = 0;
	step_after(l, a, n);
	pull(l, id);
}

void lty_index_measure(lty_ledger_tree *l, int64_t at, int64_t *spendable, int64_t *pending)
{
	lty_ledger_node probe;
	uint32_t a, b;
	int64_t g;

	if (l->root == 0) { /* no entry (nor node 0, maybe) */
		*spendable = *pending = 0;
		return;
	}
	/* what a spend at `at` would find: the valid points after the entries until then, min cap, less pend */
	split(l, l->root, at, false, &a, &b);
	memset(&probe, 0, sizeof(probe));
	probe.entry.type = LTY_ENTRY_SPEND;
	probe.entry.at = at;
	step_after(l, a, &probe);
	g = a ? step_out(&l->nodes[a].sum, 0) : 0;
	*pending = probe.pend;
	*spendable = min2(g, probe.cap) - probe.pend;
	l->root = merge(l, a, b);
}

/* Rolling: the wipes after an entry added or taken back. */
typedef struct {
	deadline_t in;  /* the deadline met now */
	deadline_t old; /* the deadline met before */
	size_t flips;   /* entries whose wipe changed (marked `flipped`) */
} cascade_t;

/* Recomputes the wipes of subtree t in order; true once c->in and c->old agree (everything
 * after is as it was). */
static bool cascade(lty_ledger_tree *l, uint32_t t, cascade_t *c)
{
	lty_ledger_node *n;
	deadline_t was;
	int64_t cap;
	bool done;

	if (t == 0) {
		return false;
	}
	push(l, t);
	n = &l->nodes[t];
	done = cascade(l, n->left, c) || (c->in.has == c->old.has && c->in.at == c->old.at);
	if (!done) {
		was.has = n->has_deadline;
		was.at = n->deadline;
		cap = n->cap;
		roll(l, n, &c->in);
		if (n->cap != cap && !n->flipped && l->rules.pending_days > 0) { /* pend depends on the wipes */
			n->flipped = true;
			c->flips++;
		}
		c->old = was;
		done = cascade(l, n->right, c);
	}
	pull(l, t);
	return done;
}

/* Rolling with pending days: adds p to pend of the entries of subtree *b before its first wipe
 * and before `until` (the earn p came from is in their return window, after their last wipe). */
static void tag_until_wipe(lty_ledger_tree *l, uint32_t *b, int64_t until, int64_t p)
{
	size_t first = 0;
	uint32_t t = *b, x, y, z;

	while (t) { /* the position of the first wipe, or the size */
		const lty_ledger_node *n = &l->nodes[t];
		if (n->left && l->nodes[n->left].sum.cap != INF) {
			t = n->left;
		} else if (n->cap == 0) {
			first += l->nodes[n->left].size;
			break;
		} else {
			first += l->nodes[n->left].size + 1;
			t = n->right;
		}
	}
	split_size(l, *b, first, &x, &z);
	split(l, x, until, true, &x, &y);
	tag(l, x, 0, p);
	*b = merge(l, merge(l, x, y), z);
}

typedef struct {
	size_t flips;  /* flipped entries still ahead */
	int64_t until; /* entries before then are recomputed */
	bool done;
} repend_t;

/* Rolling with pending days: pend recomputed from position `from` on, for the entries within
 * the return window of a flipped one (its wipe decides which earns count after it). */
static void repend(lty_ledger_tree *l, uint32_t t, size_t base, size_t from, repend_t *st)
{
	lty_ledger_node *n;
	size_t pos;
	bool flipped;

	if (t == 0 || st->done) {
		return;
	}
	push(l, t);
	n = &l->nodes[t];
	pos = base + l->nodes[n->left].size;
	if (pos > from) {
		repend(l, n->left, base, from, st);
	}
	if (!st->done && pos >= from) {
		flipped = n->flipped;
		if (flipped) {
			n->flipped = false;
			st->flips--;
			st->until = lty_ledger_after_days(n->entry.at, l->rules.pending_days);
		}
		if (flipped || n->entry.at < st->until) {
			n->pend = rolling_pend(l, l->root, pos, n);
		} else if (st->flips == 0) {
			st->done = true;
		}
	}
	if (!st->done) {
		repend(l, n->right, pos + 1, from, st);
	}
	pull(l, t);
}

/* After the wipes flipped by a cascade, from position `from` on. */
static void repend_all(lty_ledger_tree *l, size_t from, size_t flips)
{
	repend_t st = { flips, INT64_MIN, false };

	if (flips > 0) {
		repend(l, l->root, 0, from, &st);
	}
}

/* What node id changes in the entries after it (subtree *b): sign 1 when added, -1 when taken back.
 * `before` is the deadline met by id. Returns the wipes flipped (rolling), to recompute pend after. */
static size_t spread(lty_ledger_tree *l, uint32_t id, deadline_t before, uint32_t *b, int sign)
{
	const lty_ledger_rules *r = &l->rules;
	const lty_entry *e = &l->nodes[id].entry;
	int64_t p = sign * e->points, pend_until = e->at;
	deadline_t mine = { l->nodes[id].has_deadline, l->nodes[id].deadline };
	cascade_t c;
	bool pends = e->type == LTY_ENTRY_EARN && r->pending_days > 0 && p != 0;
	uint32_t x, y, z;

	if (rolling(r)) {
		c.in = sign > 0 ? mine : before;
		c.old = sign > 0 ? before : mine;
		c.flips = 0;
		/* the earn's pend goes up to the first wipe after it: the one of the tree that has it */
		if (pends && sign < 0) {
			tag_until_wipe(l, b, lty_ledger_after_days(e->at, r->pending_days), p);
		}
		cascade(l, *b, &c);
		if (pends && sign > 0) {
			tag_until_wipe(l, b, lty_ledger_after_days(e->at, r->pending_days), p);
		}
		return c.flips;
	}
	if (!is_lot(e) || p == 0 || *b == 0) {
		return 0;
	}
	if (pends) {
		pend_until = lty_ledger_after_days(e->at, pending_window(r));
	} else if (!r->expires) {
		return 0; /* without expiry only pending earns change what comes after */
	}
	/* y: in the expiry window (everything without expiry), x: of those, in the return window */
	y = *b;
	z = 0;
	if (r->expires) {
		split(l, *b, lty_ledger_after_days(e->at, r->days), true, &y, &z);
	}
	if (pends) {
		split(l, y, pend_until, true, &x, &y);
		tag(l, x, r->expires ? p : 0, p);
		tag(l, y, r->expires ? p : 0, 0);
		y = merge(l, x, y);
	} else {
		tag(l, y, p, 0);
	}
	*b = merge(l, y, z);
	return 0;
}

/* The message of the first uncovered spend (the tree holds one). */
static void report(lty_ledger_tree *l, uint32_t id, const char *path, lty_error *err)
{
	uint32_t t = l->root;
	int64_t g = 0, valid = 0;
	size_t pos = 0;
	char inner[48];
	lty_ledger_node *n = NULL;

	while (t) {
		push(l, t);
		n = &l->nodes[t];
		if (n->left && step_margin(&l->nodes[n->left].sum, g) < 0) {
			t = n->left;
			continue;
		}
		if (n->left) {
			g = step_out(&l->nodes[n->left].sum, g);
			pos += l->nodes[n->left].size;
		}
		valid = min2(g, n->cap);
		if (is_spend(&n->entry) && n->entry.points > 0 && valid - n->pend < n->entry.points) {
			break;
		}
		g = valid + (is_lot(&n->entry) ? n->entry.points : is_spend(&n->entry) ? -n->entry.points : 0);
		pos++;
		t = n->right;
	}
	if (t == 0) {
		lty_error_set(err, LTY_ERR_LEDGER, "%s: would leave a later spend uncovered", path);
		return;
	}
	if (t == id) {
		lty_ledger_short(err, path, &n->entry, valid - n->pend, n->pend);
		return;
	}
	snprintf(inner, sizeof(inner), "entries[%zu]", pos);
	lty_ledger_short(err, inner, &n->entry, valid - n->pend, n->pend);
	lty_ledger_wrap(err, path);
}

lty_status lty_index_add(lty_ledger_tree *l, uint32_t id, const char *path, lty_error *err)
{
	uint32_t a, b, self;
	deadline_t before;
	size_t head, flips;

	split(l, l->root, l->nodes[id].entry.at, false, &a, &b);
	before = last_deadline(l, a);
	prepare(l, a, id);
	flips = spread(l, id, before, &b, 1);
	head = l->nodes[a].size;
	l->root = merge(l, merge(l, a, id), b);
	repend_all(l, head + 1, flips);
	if (step_margin(&l->nodes[l->root].sum, 0) >= 0) {
		return LTY_OK;
	}
	report(l, id, path, err);
	/* Taken back: the same changes, undone. */
	split_size(l, l->root, head, &a, &b);
	split_size(l, b, 1, &self, &b);
	flips = spread(l, id, before, &b, -1);
	l->root = merge(l, a, b);
	repend_all(l, head, flips);
	return LTY_ERR_LEDGER;
}

void lty_index_insert(lty_ledger_tree *l, uint32_t id)
{
	uint32_t a, b;

	split(l, l->root, l->nodes[id].entry.at, false, &a, &b);
	l->nodes[id].left = l->nodes[id].right = 0;
	pull(l, id);
	l->root = merge(l, merge(l, a, id), b);
}

/* ---- whole trees ---- */

/* Every node's step from the ones before it, in one pass (windows move forward with time). */
static void sweep(lty_ledger_tree *l, const uint32_t *ids, size_t n)
{
	const lty_ledger_rules *r = &l->rules;
	size_t i, first = 0, pfirst = 0;
	int64_t window = 0, pwindow = 0, since_wipe = 0;
	deadline_t d = { false, 0 };

	for (i = 0; i < n; i++) {
		lty_ledger_node *e = &l->nodes[ids[i]];
		e->cap = INF;
		e->pend = 0;
		e->tag_cap = e->tag_pend = 0;
		e->flipped = false;
		if (r->expires && r->mode == LTY_EXPIRY_ROLLING) {
			roll(l, e, &d);
		} else if (r->expires) {
			for (; first < i && lty_ledger_after_days(l->nodes[ids[first]].entry.at, r->days) <= e->entry.at; first++) {
				window -= is_lot(&l->nodes[ids[first]].entry) ? l->nodes[ids[first]].entry.points : 0;
			}
			e->cap = window;
		}
		if (r->pending_days > 0) {
			for (; pfirst < i && lty_ledger_after_days(l->nodes[ids[pfirst]].entry.at, pending_window(r)) <= e->entry.at; pfirst++) {
				pwindow -= l->nodes[ids[pfirst]].entry.type == LTY_ENTRY_EARN ? l->nodes[ids[pfirst]].entry.points : 0;
			}
			since_wipe = e->cap == 0 ? 0 : since_wipe;
			e->pend = rolling(r) ? min2(pwindow, since_wipe) : pwindow;
		}
		window += is_lot(&e->entry) ? e->entry.points : 0;
		pwindow += e->entry.type == LTY_ENTRY_EARN ? e->entry.points : 0;
		since_wipe += e->entry.type == LTY_ENTRY_EARN ? e->entry.points : 0;
	}
}

/* A balanced tree; priorities fall with depth so that it is a treap, random within a level. */
static uint32_t build_range(lty_ledger_tree *l, const uint32_t *ids, size_t lo, size_t hi, unsigned depth)
{
	size_t mid;
	uint32_t t;

	if (lo >= hi) {
		return 0;
	}
	mid = lo + (hi - lo) / 2;
	t = ids[mid];
	l->nodes[t].prio = ((uint32_t) (63 - (depth < 63 ? depth : 63)) << 26) | (random_prio(l) & ((UINT32_C(1) << 26) - 1));
	l->nodes[t].left = build_range(l, ids, lo, mid, depth + 1);
	l->nodes[t].right = build_range(l, ids, mid + 1, hi, depth + 1);
	pull(l, t);
	return t;
}

void lty_index_build(lty_ledger_tree *l, const uint32_t *sorted, size_t n)
{
	if (l->fast) {
		sweep(l, sorted, n);
	}
	l->root = build_range(l, sorted, 0, n, 0);
}

static size_t collect(const lty_ledger_tree *l, uint32_t t, lty_entry *out, size_t at)
{
	while (t) {
		at = collect(l, l->nodes[t].left, out, at);
		out[at++] = l->nodes[t].entry;
		t = l->nodes[t].right;
	}
	return at;
}

void lty_index_collect(const lty_ledger_tree *l, lty_entry *out)
{
	collect(l, l->root, out, 0);
}

static size_t collect_ids(const lty_ledger_tree *l, uint32_t t, uint32_t *out, size_t at)
{
	while (t) {
		at = collect_ids(l, l->nodes[t].left, out, at);
		out[at++] = t;
		t = l->nodes[t].right;
	}
	return at;
}

void lty_index_ids(const lty_ledger_tree *l, uint32_t *out)
{
	collect_ids(l, l->root, out, 0);
}
