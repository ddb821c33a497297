/* An inline segment that requires `city == 'Paris'` (the whole expression, or one term of
 * its top-level `and`) cannot match a customer of another city, or with no city: a false
 * term makes the `and` false whatever the others give (null included, SPEC 10). Shops
 * write one rule per city, postcode or country by the thousand; indexing those literals
 * keeps a checkout's cost flat as the rules grow. */
#include "lty_advantage_index.h"
#include "../expression/lty_expr_internal.h"
#include "lty_program.h"

#include <stdlib.h>
#include <string.h>

static bool indexable_field(uint32_t field)
{
	return field == LTY_F_CITY || field == LTY_F_POSTCODE || field == LTY_F_COUNTRY;
}

/* `field == 'literal'` (either way round) at node n. */
static bool equality(const lty_expr *e, uint32_t n, lty_index_entry *out)
{
	const lty_node *node = &e->nodes[n], *x, *y;

	if (node->op != LTY_OP_CMP || node->sub != LTY_CMP_EQ || node->count != 2) {
		return false;
	}
	x = &e->nodes[e->kids[node->first].node];
	y = &e->nodes[e->kids[node->first + 1].node];
	if (x->op == LTY_OP_STRING) {
		const lty_node *t = x;
		x = y;
		y = t;
	}
	if (x->op != LTY_OP_FIELD || !indexable_field(x->k.field) || y->op != LTY_OP_STRING) {
		return false;
	}
	out->field = (uint8_t) x->k.field;
	out->value.ptr = y->k.s.ptr;
	out->value.len = y->k.s.len;
	return true;
}

static bool required_equality(const lty_expr *e, lty_index_entry *out)
{
	const lty_node *root = &e->nodes[e->root];
	uint32_t i;

	if (root->op == LTY_OP_AND) {
		for (i = 0; i < root->count; i++) {
			if (equality(e, e->kids[root->first + i].node, out)) {
				return true;
			}
		}
		return false;
	}
	return equality(e, e->root, out);
}

static int compare_key(uint8_t field_a, const lty_str *a, uint8_t field_b, const lty_str *b)
{
	size_t n = a->len < b->len ? a->len : b->len;
	int r;

	if (field_a != field_b) {
		return field_a < field_b ? -1 : 1;
	}
	r = n ? memcmp(a->ptr, b->ptr, n) : 0;
	return r ? r : (a->len > b->len) - (a->len < b->len);
}

static int by_key(const void *pa, const void *pb)
{
	const lty_index_entry *a = pa, *b = pb;
	int r = compare_key(a->field, &a->value, b->field, &b->value);

	return r ? r : (a->advantage > b->advantage) - (a->advantage < b->advantage);
}

/* Nothing is checked before the advantage's segment but the customer's account (SPEC 10): no
 * schedule, no max_uses. */
static bool segment_checked_first(const lty_advantage *a)
{
	return a->schedule == NULL && a->max_uses == 0;
}

lty_status lty_advantage_index_build(lty_program *p, lty_arena *arena)
{
	lty_index_entry *entries;
	uint8_t *indexed;
	size_t i, n = 0;

	p->index.entries = NULL;
	p->index.count = 0;
	p->index.indexed = NULL;
	p->index.plain_segment = NULL;
	if (p->advantage_count > 0) {
		int32_t *plain = lty_arena_array(arena, p->advantage_count, sizeof(int32_t));
		if (plain == NULL) {
			return LTY_ERR_NOMEM;
		}
		for (i = 0; i < p->advantage_count; i++) {
			const lty_advantage *a = &p->advantages[i];
			plain[i] = a->segment >= 0 && segment_checked_first(a) && a->segment <= INT32_MAX ? (int32_t) a->segment : -1;
		}
		p->index.plain_segment = plain;
	}
	for (i = 0; i < p->advantage_count; i++) {
		lty_index_entry e;
		n += p->advantages[i].inline_expr != NULL && required_equality(p->advantages[i].inline_expr, &e);
	}
	if (n == 0) {
		return LTY_OK;
	}
	entries = lty_arena_array(arena, n, sizeof(lty_index_entry));
	indexed = lty_arena_array(arena, p->advantage_count, 1);
	if (entries == NULL || indexed == NULL) {
		return LTY_ERR_NOMEM;
	}
	n = 0;
	for (i = 0; i < p->advantage_count; i++) {
		if (p->advantages[i].inline_expr != NULL && required_equality(p->advantages[i].inline_expr, &entries[n])) {
			entries[n++].advantage = (uint32_t) i;
			indexed[i] = segment_checked_first(&p->advantages[i]) ? LTY_INDEXED_PLAIN : LTY_INDEXED;
		}
	}
	qsort(entries, n, sizeof(lty_index_entry), by_key);
	p->index.entries = entries;
	p->index.count = n;
	p->index.indexed = indexed;
	return LTY_OK;
}

static void mark(const lty_advantage_index *ix, uint8_t field, const lty_str *value, uint8_t *marks)
{
	size_t lo = 0, hi = ix->count;

	if (value->ptr == NULL) {
		return; /* no value: `field == '...'` is false */
	}
	while (lo < hi) { /* first entry >= (field, value) */
		size_t mid = lo + (hi - lo) / 2;
		if (compare_key(ix->entries[mid].field, &ix->entries[mid].value, field, value) < 0) {
			lo = mid + 1;
		} else {
			hi = mid;
		}
	}
	for (; lo < ix->count && compare_key(ix->entries[lo].field, &ix->entries[lo].value, field, value) == 0; lo++) {
		marks[ix->entries[lo].advantage] = 1;
	}
}

uint8_t *lty_advantage_index_marks(const lty_program *p, const lty_customer *c, lty_arena *arena)
{
	uint8_t *marks;

	if (p->index.count == 0) {
		return NULL;
	}
	marks = lty_arena_array(arena, p->advantage_count, 1);
	if (marks == NULL) {
		return NULL; /* every advantage is then evaluated: slower, same answers */
	}
	mark(&p->index, LTY_F_CITY, &c->city, marks);
	mark(&p->index, LTY_F_POSTCODE, &c->postcode, marks);
	mark(&p->index, LTY_F_COUNTRY, &c->country, marks);
	return marks;
}
