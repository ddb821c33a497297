/* A customer that outlives the call it was read in: its strings and lists copied into
 * an arena, so that a Result can test the rest of the segments when it is first read,
 * whatever happens to the PHP array it came from. */
#include "lty_customer.h"

#include <string.h>

static size_t str_bytes(const lty_str *s)
{
	return s->ptr != NULL ? s->len + 1 : 0;
}

static size_t list_bytes(const lty_str_list *l)
{
	size_t i, n = 0;

	for (i = 0; i < l->count; i++) {
		n += str_bytes(&l->items[i]);
	}
	return n;
}

/* Copies s's bytes at *at (NUL-terminated, as the arena's strings are) and moves *at on. */
static lty_str copy_str(const lty_str *s, char **at)
{
	lty_str out = { NULL, 0 };

	if (s->ptr != NULL) {
		memcpy(*at, s->ptr, s->len);
		(*at)[s->len] = '\0';
		out.ptr = *at;
		out.len = s->len;
		*at += s->len + 1;
	}
	return out;
}

static lty_str_list copy_list(const lty_str_list *l, lty_str *items, char **at)
{
	lty_str_list out;
	size_t i;

	for (i = 0; i < l->count; i++) {
		items[i] = copy_str(&l->items[i], at);
	}
	out.items = items;
	out.count = l->count;
	return out;
}

bool lty_customer_copy(lty_arena *arena, const lty_customer *from, size_t attr_count, lty_customer *to)
{
	size_t i, items = from->groups.count + from->carriers.count + from->bought.count;
	size_t bytes = 0;
	lty_scalar *attrs;
	lty_str *slots;
	char *block, *at;

	/* the counts are bounded by the input limits (LTY_MAX_CUSTOMER_LIST, the attribute slots), the
	 * lengths by the PHP strings they came from: the sums fit in size_t */
	bytes += attr_count * sizeof(lty_scalar) + items * sizeof(lty_str);
	bytes += str_bytes(&from->city) + str_bytes(&from->postcode) + str_bytes(&from->country);
	bytes += list_bytes(&from->groups) + list_bytes(&from->carriers) + list_bytes(&from->bought);
	for (i = 0; i < attr_count; i++) {
		if (from->attrs[i].kind == LTY_SCALAR_STRING) {
			bytes += str_bytes(&from->attrs[i].u.s);
		}
	}
	if ((block = lty_arena_array_raw(arena, bytes + 1, 1)) == NULL) { /* every byte read is written below */
		return false;
	}
	*to = *from;
	attrs = (lty_scalar *) (void *) block;
	slots = (lty_str *) (void *) (block + attr_count * sizeof(lty_scalar));
	at = (char *) (slots + items);
	for (i = 0; i < attr_count; i++) {
		attrs[i] = from->attrs[i];
		if (attrs[i].kind == LTY_SCALAR_STRING) {
			attrs[i].u.s = copy_str(&from->attrs[i].u.s, &at);
		}
	}
	to->attrs = attr_count > 0 ? attrs : NULL;
	to->city = copy_str(&from->city, &at);
	to->postcode = copy_str(&from->postcode, &at);
	to->country = copy_str(&from->country, &at);
	to->groups = copy_list(&from->groups, slots, &at);
	to->carriers = copy_list(&from->carriers, slots + from->groups.count, &at);
	to->bought = copy_list(&from->bought, slots + from->groups.count + from->carriers.count, &at);
	to->uses = NULL; /* read by checkout only, never by a segment */
	return true;
}
