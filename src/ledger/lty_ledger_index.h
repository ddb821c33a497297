/* The entries of a ledger in time order, as a treap (a search tree kept
 * balanced by random priorities) whose nodes summarize the replay of their
 * subtree, so that an entry added at any date is checked in O(log n).
 *
 * Why a summary exists. Call g the points still valid (not spent, not expired)
 * before an entry. Spends take the oldest lots first and lots expire in the
 * order they came, so what is used up or expired is always the oldest part of
 * the lots; the valid points at an entry's time are then min(g, cap), where cap
 * is what the lots of the expiry window hold (per_lot), 0 when the rolling
 * deadline has passed, and no limit without expiry. An entry maps g to
 * min(g, cap) + its points (earn, grant) or - its points (spend, reward), and a
 * spend is covered when min(g, cap) - pend >= points, pend being the points of
 * earns still in the return window (never taken, so they are whole). Such maps
 * compose to min(g + add, cap), and the smallest margin of the spends of a
 * range to min(g + cover_add, cover_cap): a node keeps both for its subtree.
 *
 * Adding a lot raises cap for the entries of its expiry window and pend for
 * those of its return window: two key ranges, updated lazily (tags). Under
 * rolling expiry it moves the deadline: the wipes after it are recomputed in
 * order until the deadline is the same as before (at the next earn at the
 * latest), and with pending days pend is recomputed for the entries within the
 * return window after a wipe that changed (pend counts the earns after the
 * last wipe). Where pending earns are older than a grant taken instead of them
 * (per_lot with pending days and grants) the oldest-first premise fails; such
 * ledgers, and those of more than 2^63 - 2 points in all, replay instead
 * (lty_ledger.c).
 */
#ifndef LTY_LEDGER_INDEX_H
#define LTY_LEDGER_INDEX_H

#include "../base/lty_arena.h"
#include "lty_ledger_rules.h"

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

/* The tree of a ledger's entries, with what its summaries need. */
typedef struct {
	const lty_allocator *allocator;
	lty_ledger_rules rules;
	lty_ledger_node *nodes; /* node 0 is the empty subtree; the others in the order added */
	size_t node_count, node_capacity;
	uint32_t root;
	uint64_t seed;        /* xorshift state for priorities */
	bool fast;            /* the summaries are kept (see the header comment) */
	int64_t volume;       /* points of every entry, while it fits */
	int points_bits;      /* the points held at once fit this many bits: 64 (lty_ledger_init), or 32
	                         for a host whose ints have 32 (PHP on 32-bit platforms) */
} lty_ledger_tree;

/* The most points a ledger holds at once: INT64_MAX, or INT32_MAX with points_bits 32. */
int64_t lty_ledger_points_max(const lty_ledger_tree *t);

/* Whether the summaries can describe the ledger with `e` added. */
bool lty_index_fits(const lty_ledger_tree *l, const lty_entry *e);

/* A new node for `e` (ref already owned), not yet in the tree: its number, or 0 when out of memory. */
uint32_t lty_index_node(lty_ledger_tree *l, const lty_entry *e);
/* Drops the node made last (refused). */
void lty_index_drop_last(lty_ledger_tree *l);

/* Entries at or before `at`. */
size_t lty_index_position(const lty_ledger_tree *l, int64_t at);

/* Inserts node `id` checking every spend (fast ledgers); LTY_ERR_LEDGER with the message of
 * the first uncovered spend, the tree as it was (the node is left to the caller). */
lty_status lty_index_add(lty_ledger_tree *l, uint32_t id, const char *path, lty_error *err);
/* Inserts node `id` after the entries at or before its time, checking nothing. */
void lty_index_insert(lty_ledger_tree *l, uint32_t id);

/* Spendable and pending points at `at`, as the ledger stands then (fast ledgers): what a spend
 * placed there would find, in O(log n) whatever the date. */
void lty_index_measure(lty_ledger_tree *l, int64_t at, int64_t *spendable, int64_t *pending);

/* Rebuilds the tree from the nodes of `sorted` (time order), summaries included when fast. */
void lty_index_build(lty_ledger_tree *l, const uint32_t *sorted, size_t n);

/* The node numbers in time order into out[0..count). */
void lty_index_ids(const lty_ledger_tree *l, uint32_t *out);
/* The entries in time order into out[0..count). */
void lty_index_collect(const lty_ledger_tree *l, lty_entry *out);

#endif
