/* Segment membership: the built-in segments and custom expressions, with a
 * per-customer memo so that segment('x') chains cost one evaluation each. */
#include "../base/lty_checked.h"
#include "../base/lty_hash.h"
#include "lty_program.h"

#include <string.h>

#define FIRST_ORDER_RECENT_SECONDS (30 * 86400)

static bool builtin(const lty_customer *c, int64_t now, int which)
{
	switch (which) {
		case LTY_SEG_ALL:
			return true;
		case LTY_SEG_DISABLED:
			return !c->active;
		case LTY_SEG_NO_ORDERS:
			return c->active && c->orders == 0;
		case LTY_SEG_FIRST_ORDER_RECENT: {
			int64_t when, age;
			if (!c->active || c->orders != 1 || !(c->has_first_order || c->has_last_order)) {
				return false;
			}
			when = c->has_first_order ? c->first_order : c->last_order;
			return !lty_sub_overflow(now, when, &age) && age < FIRST_ORDER_RECENT_SECONDS;
		}
		case LTY_SEG_LOYAL:
			return c->active && c->orders >= 2;
		case LTY_SEG_CUSTOMERS:
			return c->active && c->orders >= 1;
	}
	return false;
}

static bool segment_callback(void *ctx, int index)
{
	return lty_membership_test(ctx, index);
}

void lty_membership_resume(lty_membership *m, const lty_program *program, const lty_customer *customer,
	int64_t now, uint8_t *memo)
{
	m->program = program;
	m->customer = customer;
	m->now = now;
	m->memo = memo;
	memset(&m->env, 0, sizeof(m->env));
	m->env.customer = customer;
	m->env.now = now;
	m->env.segment = segment_callback;
	m->env.ctx = m;
}

void lty_membership_init(lty_membership *m, const lty_program *program, const lty_customer *customer,
	int64_t now, uint8_t *memo)
{
	lty_membership_resume(m, program, customer, now, memo);
	lty_membership_forget(m);
}

void lty_membership_forget(lty_membership *m)
{
	memset(m->memo, LTY_MEMO_UNKNOWN, m->program->segment_count);
}

static inline bool answer(lty_membership *m, int segment)
{
	const lty_segment *s = &m->program->segments[segment];
	/* a disabled customer is in no custom segment (SPEC 10) */
	bool in = s->expr == NULL ? builtin(m->customer, m->now, segment)
		: m->customer->active && lty_expr_matches_steps(s->expr, s->steps, &m->env);

	m->memo[segment] = in ? LTY_MEMO_YES : LTY_MEMO_NO;
	return in;
}

bool lty_membership_answer(lty_membership *m, int segment)
{
	return answer(m, segment);
}

bool lty_membership_test(lty_membership *m, int segment)
{
	return lty_membership_in(m, segment);
}

bool lty_membership_pending(const lty_program *program, const uint8_t *memo)
{
	return memchr(memo, LTY_MEMO_UNKNOWN, program->segment_count) != NULL;
}

size_t lty_membership_count(const lty_program *program, const uint8_t *memo)
{
	const uint64_t ones = UINT64_C(0x0101010101010101);
	size_t n = program->segment_count, i = 0, in = 0;

	/* eight answers at a time: bit 1 is set in LTY_MEMO_YES alone; the bits taken, one a byte,
	 * are summed into the top byte by the multiplication */
	for (; i + 8 <= n; i += 8) {
		uint64_t w;
		memcpy(&w, memo + i, sizeof(w));
		in += (size_t) ((((w >> 1) & ones) * ones) >> 56);
	}
	for (; i < n; i++) {
		in += memo[i] == LTY_MEMO_YES;
	}
	return in;
}

void lty_membership_complete(const lty_program *program, const lty_customer *customer, int64_t now, uint8_t *memo)
{
	lty_membership m;
	size_t i;

	lty_membership_resume(&m, program, customer, now, memo);
	for (i = 0; i < program->segment_count; i++) {
		if (memo[i] == LTY_MEMO_UNKNOWN) { /* else answered already, or through a segment() reference */
			answer(&m, (int) i);
		}
	}
}

int lty_program_segment_index(const lty_program *program, const char *name, size_t len)
{
	size_t slot;

	if (program->segment_slots == NULL) {
		return -1;
	}
	slot = (size_t) lty_hash_bytes(name, len) & program->segment_mask;
	while (program->segment_slots[slot] != 0) {
		const lty_str *n = &program->segments[program->segment_slots[slot] - 1].name;
		if (n->len == len && memcmp(n->ptr, name, len) == 0) {
			return (int) program->segment_slots[slot] - 1;
		}
		slot = (slot + 1) & program->segment_mask;
	}
	return -1;
}

/* Records segment `index` (its name set) in the name table; the name must be new. */
void lty_program_segment_record(lty_program *program, uint32_t *slots, size_t index)
{
	const lty_str *n = &program->segments[index].name;
	size_t slot = (size_t) lty_hash_bytes(n->ptr, n->len) & program->segment_mask;

	while (slots[slot] != 0) {
		slot = (slot + 1) & program->segment_mask;
	}
	slots[slot] = (uint32_t) index + 1;
}
