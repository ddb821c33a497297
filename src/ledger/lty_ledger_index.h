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

#include "lty_ledger.h"

/* t + days, saturating: a date beyond the representable range never comes. */
int64_t lty_ledger_after_days(int64_t t, int64_t days);

/* "PATH: 5 points to spend at 2026-01-10 00:00:00 UTC, only 0 available": the message of a spend not covered. */
lty_status lty_ledger_short(lty_error *err, const char *path, const lty_entry *e, int64_t spendable, int64_t pending);
/* The message of err as what an entry added before others did: "PATH: would leave a later spend uncovered (...)". */
lty_status lty_ledger_wrap(lty_error *err, const char *path);

/* Whether the summaries can describe the ledger with `e` added. */
bool lty_index_fits(const lty_ledger *l, const lty_entry *e);

/* A new node for `e` (ref already owned), not yet in the tree: its number, or 0 when out of memory. */
uint32_t lty_index_node(lty_ledger *l, const lty_entry *e);
/* Drops the node made last (refused). */
void lty_index_drop_last(lty_ledger *l);

/* Entries at or before `at`. */
size_t lty_index_position(const lty_ledger *l, int64_t at);

/* Inserts node `id` checking every spend (fast ledgers); LTY_ERR_LEDGER with the message of
 * the first uncovered spend, the tree as it was (the node is left to the caller). */
lty_status lty_index_add(lty_ledger *l, uint32_t id, const char *path, lty_error *err);
/* Inserts node `id` after the entries at or before its time, checking nothing. */
void lty_index_insert(lty_ledger *l, uint32_t id);

/* Spendable and pending points at `at`, as the ledger stands then (fast ledgers): what a spend
 * placed there would find, in O(log n) whatever the date. */
void lty_index_measure(lty_ledger *l, int64_t at, int64_t *spendable, int64_t *pending);

/* Rebuilds the tree from the nodes of `sorted` (time order), summaries included when fast. */
void lty_index_build(lty_ledger *l, const uint32_t *sorted, size_t n);

/* The node numbers in time order into out[0..count). */
void lty_index_ids(const lty_ledger *l, uint32_t *out);
/* The entries in time order into out[0..count). */
void lty_index_collect(const lty_ledger *l, lty_entry *out);

#endif
