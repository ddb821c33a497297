/* A customer that outlives the call it was read in: the strings and lists of the fields asked
 * for copied into an arena, so that a Result can test the rest of the segments when it is first
 * read, whatever happens to the PHP array it came from. */
#include "lty_customer.h"

#include <string.h>

/* *total += n, false when it passes SIZE_MAX. */
static bool add_size(size_t *total, size_t n)
{
	if (n > SIZE_MAX - *total) {
		return false;
	}
	*total += n;
	return true;
}

static bool str_size(size_t *total, const lty_str *s)
{
	return s->ptr == NULL || (s->len < SIZE_MAX && add_size(total, s->len + 1));
}

static bool list_size(size_t *total, const lty_str_list *l)
{
	size_t i;

	if (l->count > SIZE_MAX / sizeof(lty_str) || !add_size(total, l->count * sizeof(lty_str))) {
		return false;
	}
	for (i = 0; i < l->count; i++) {
		if (!str_size(total, &l->items[i])) {
			return false;
		}
	}
	return true;
}

size_t lty_customer_copy_size(const lty_customer *c, uint32_t fields, size_t attr_count)
{
	size_t total = 1, i;

	if (((fields & LTY_FIELD_CITY) && !str_size(&total, &c->city))
			|| ((fields & LTY_FIELD_POSTCODE) && !str_size(&total, &c->postcode))
			|| ((fields & LTY_FIELD_COUNTRY) && !str_size(&total, &c->country))
			|| ((fields & LTY_FIELD_GROUPS) && !list_size(&total, &c->groups))
			|| ((fields & LTY_FIELD_CARRIERS) && !list_size(&total, &c->carriers))
			|| ((fields & LTY_FIELD_BOUGHT) && !list_size(&total, &c->bought))) {
		return SIZE_MAX;
	}
	if (fields & LTY_FIELD_ATTRIBUTES) {
		if (attr_count > SIZE_MAX / sizeof(lty_scalar) || !add_size(&total, attr_count * sizeof(lty_scalar))) {
			return SIZE_MAX;
		}
		for (i = 0; i < attr_count; i++) {
			if (c->attrs[i].kind == LTY_SCALAR_STRING && !str_size(&total, &c->attrs[i].u.s)) {
				return SIZE_MAX;
			}
		}
	}
	return total;
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

/* The list's strings copied at *at into `items`, or the empty list when the field is not asked for. */
static lty_str_list copy_list(const lty_str_list *l, bool asked, lty_str *items, char **at)
{
	lty_str_list out = { NULL, 0 };
	size_t i;

	if (!asked) {
		return out;
	}
	for (i = 0; i < l->count; i++) {
		items[i] = copy_str(&l->items[i], at);
	}
	out.items = items;
	out.count = l->count;
	return out;
}

static lty_str copy_field(const lty_str *s, bool asked, char **at)
{
	lty_str none = { NULL, 0 };

	return asked ? copy_str(s, at) : none;
}

bool lty_customer_copy(lty_arena *arena, const lty_customer *from, uint32_t fields, size_t attr_count, size_t size,
	lty_customer *to)
{
	bool groups = (fields & LTY_FIELD_GROUPS) != 0, carriers = (fields & LTY_FIELD_CARRIERS) != 0;
	bool bought = (fields & LTY_FIELD_BOUGHT) != 0, attributes = (fields & LTY_FIELD_ATTRIBUTES) != 0 && attr_count > 0;
	lty_scalar *attrs;
	lty_str *slots;
	char *at;
	size_t i;

	/* the attributes' array, then the lists' items, then every string's bytes: the arrays stay
	 * aligned (the block is), whatever the strings' lengths */
	if ((at = lty_arena_array_raw(arena, size, 1)) == NULL) {
		return false;
	}
	attrs = (lty_scalar *) (void *) at;
	at += attributes ? attr_count * sizeof(lty_scalar) : 0;
	slots = (lty_str *) (void *) at;
	at += ((groups ? from->groups.count : 0) + (carriers ? from->carriers.count : 0) + (bought ? from->bought.count : 0))
		* sizeof(lty_str);
	*to = *from; /* the ints and flags */
	to->attrs = NULL;
	for (i = 0; attributes && i < attr_count; i++) {
		attrs[i] = from->attrs[i];
		if (attrs[i].kind == LTY_SCALAR_STRING) {
			attrs[i].u.s = copy_str(&from->attrs[i].u.s, &at);
		}
		to->attrs = attrs;
	}
	to->groups = copy_list(&from->groups, groups, slots, &at);
	slots += to->groups.count;
	to->carriers = copy_list(&from->carriers, carriers, slots, &at);
	slots += to->carriers.count;
	to->bought = copy_list(&from->bought, bought, slots, &at);
	to->city = copy_field(&from->city, (fields & LTY_FIELD_CITY) != 0, &at);
	to->postcode = copy_field(&from->postcode, (fields & LTY_FIELD_POSTCODE) != 0, &at);
	to->country = copy_field(&from->country, (fields & LTY_FIELD_COUNTRY) != 0, &at);
	to->uses = NULL; /* read by checkout only, never by a segment */
	return true;
}
