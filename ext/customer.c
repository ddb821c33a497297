/* A customer array (SPEC 3) -> lty_customer. evaluate() and segmentsOf() read and
 * check every documented key, so that a settings change never turns a customer that
 * worked into an error; filter() and inSegment() read only the fields the program's
 * segments use (docs/decisions.md). Strings are borrowed from the array for the length of one
 * call; dates are read first because a DateTimeInterface subclass runs user
 * code, which must not be able to free strings already borrowed. */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "php.h"
#include "zend_strtod.h"

#include "php_loyalty.h"

#define PATH_MAX_LEN 256

void php_loyalty_scratch_init(php_loyalty_scratch *s, const lty_program *program)
{
	s->strs = NULL;
	s->strs_cap = 0;
	s->attrs = program->attr_count ? ecalloc(program->attr_count, sizeof(lty_scalar)) : NULL;
	s->attr_keys = program->attr_count ? ecalloc(program->attr_count, sizeof(zend_string *)) : NULL;
	s->attr_count = program->attr_count;
	for (size_t i = 0; i < program->attr_count; i++) {
		zend_ulong index;
		const lty_str *name = &program->attr_names[i];
		if (!ZEND_HANDLE_NUMERIC_STR(name->ptr, name->len, index)) { /* "42" is the int key 42: looked up as such */
			s->attr_keys[i] = zend_string_init(name->ptr, name->len, 0);
			zend_string_hash_val(s->attr_keys[i]);
		}
	}
	s->memo = ecalloc(program->segment_count, 1);
	s->uses = program->limited_count ? ecalloc(program->limited_count, sizeof(int64_t)) : NULL;
}

void php_loyalty_scratch_free(php_loyalty_scratch *s)
{
	if (s->strs) {
		efree(s->strs);
	}
	if (s->attrs) {
		efree(s->attrs);
	}
	if (s->attr_keys) {
		for (size_t i = 0; i < s->attr_count; i++) {
			if (s->attr_keys[i] != NULL) {
				zend_string_release(s->attr_keys[i]);
			}
		}
		efree(s->attr_keys);
	}
	if (s->memo) {
		efree(s->memo);
	}
	if (s->uses) {
		efree(s->uses);
	}
	s->strs = NULL;
	s->attrs = NULL;
	s->attr_keys = NULL;
	s->memo = NULL;
	s->uses = NULL;
}


static zend_result fail_type(php_loyalty_where *at, const char *key, const char *expected, zval *zv)
{
	php_loyalty_throw_fmt(php_loyalty_input_exception_ce, "%s.%s: expected %s, got %s",
		php_loyalty_where_path(at), key, expected, zend_zval_type_name(zv));
	return FAILURE;
}

/* A date; *zone is the default timezone's offsets for the usual forms, forgotten after the
 * general reader (a DateTimeInterface subclass runs user code). */
static zend_always_inline zend_result read_date(HashTable *ht, php_loyalty_key k, zend_long now, php_loyalty_where *at,
	const php_loyalty_zone **zone, bool *has, int64_t *out)
{
	zval *zv = php_loyalty_key_find(ht, k);
	const char *key = PHP_LOYALTY_KEY_NAME(k);
	char where[PATH_MAX_LEN];
	zend_long ts;

	*has = false;
	if (zv == NULL) {
		return SUCCESS;
	}
	/* The usual forms need no path: it is written only for the general reader's errors. */
	if (!php_loyalty_date_quick_in(zv, zone, &ts)) {
		snprintf(where, sizeof(where), "%s.%s", php_loyalty_where_path(at), key);
		*zone = NULL;
		if (php_loyalty_date(zv, now, where, &ts) == FAILURE) {
			return FAILURE;
		}
	}
	*has = true;
	*out = ts;
	return SUCCESS;
}

/* A count or an amount: an int >= 0; 0 when absent. */
static zend_always_inline zend_result read_count(HashTable *ht, php_loyalty_key k, php_loyalty_where *at, const char *what, int64_t *out)
{
	zval *zv = php_loyalty_key_find(ht, k);
	const char *key = PHP_LOYALTY_KEY_NAME(k);

	if (php_loyalty_row_count(zv, out)) {
		return SUCCESS;
	}
	if (Z_TYPE_P(zv) != IS_LONG) {
		return fail_type(at, key, what, zv);
	}
	php_loyalty_throw_fmt(php_loyalty_input_exception_ce, "%s.%s: must be >= 0, got " ZEND_LONG_FMT,
		php_loyalty_where_path(at), key, Z_LVAL_P(zv));
	return FAILURE;
}

static zend_always_inline zend_result read_string(HashTable *ht, php_loyalty_key k, php_loyalty_where *at, lty_str *out)
{
	zval *zv = php_loyalty_key_find(ht, k);

	return php_loyalty_row_string(zv, out) ? SUCCESS : fail_type(at, PHP_LOYALTY_KEY_NAME(k), "string", zv);
}

static zend_result list_of(HashTable *ht, php_loyalty_key k, php_loyalty_where *at, HashTable **out)
{
	zval *zv = php_loyalty_key_find(ht, k);
	const char *key = PHP_LOYALTY_KEY_NAME(k);

	*out = NULL;
	if (zv == NULL) {
		return SUCCESS;
	}
	if (Z_TYPE_P(zv) != IS_ARRAY) {
		return fail_type(at, key, "list of strings", zv);
	}
	if (zend_hash_num_elements(Z_ARRVAL_P(zv)) > LTY_MAX_CUSTOMER_LIST) {
		php_loyalty_throw_fmt(php_loyalty_input_exception_ce, "%s.%s: too many values (%u, at most %d)",
			php_loyalty_where_path(at), key, zend_hash_num_elements(Z_ARRVAL_P(zv)), LTY_MAX_CUSTOMER_LIST);
		return FAILURE;
	}
	*out = Z_ARRVAL_P(zv);
	return SUCCESS;
}

static zend_result fill_list(HashTable *list, php_loyalty_where *at, const char *key, lty_str *items, lty_str_list *out)
{
	zval *zv;
	size_t i = 0;

	out->items = items;
	out->count = 0;
	if (list == NULL) {
		return SUCCESS;
	}
	ZEND_HASH_FOREACH_VAL(list, zv) {
		ZVAL_DEREF(zv);
		if (Z_TYPE_P(zv) != IS_STRING) {
			php_loyalty_throw_fmt(php_loyalty_input_exception_ce, "%s.%s[%zu]: expected string, got %s",
				php_loyalty_where_path(at), key, i, zend_zval_type_name(zv));
			return FAILURE;
		}
		items[i].ptr = Z_STRVAL_P(zv);
		items[i].len = Z_STRLEN_P(zv);
		i++;
	} ZEND_HASH_FOREACH_END();
	out->count = i;
	return SUCCESS;
}

static const struct {
	php_loyalty_key key;
	uint32_t field;
	size_t offset;
} list_fields[] = {
	{ PHP_LOYALTY_K_GROUPS, LTY_FIELD_GROUPS, offsetof(lty_customer, groups) },
	{ PHP_LOYALTY_K_CARRIERS, LTY_FIELD_CARRIERS, offsetof(lty_customer, carriers) },
	{ PHP_LOYALTY_K_BOUGHT, LTY_FIELD_BOUGHT, offsetof(lty_customer, bought) },
};

static zend_result read_lists(uint32_t fields, HashTable *ht, php_loyalty_where *at, php_loyalty_scratch *s, lty_customer *out)
{
	HashTable *lists[3];
	size_t need = 0, used = 0, i;

	for (i = 0; i < 3; i++) {
		lists[i] = NULL;
		if ((fields & list_fields[i].field) && list_of(ht, list_fields[i].key, at, &lists[i]) == FAILURE) {
			return FAILURE;
		}
		need += lists[i] ? zend_hash_num_elements(lists[i]) : 0;
	}
	if (need > s->strs_cap) {
		s->strs = safe_erealloc(s->strs, need, sizeof(lty_str), 0);
		s->strs_cap = need;
	}
	for (i = 0; i < 3; i++) {
		lty_str_list *target = (lty_str_list *) ((char *) out + list_fields[i].offset);
		if (fill_list(lists[i], at, PHP_LOYALTY_KEY_NAME(list_fields[i].key), s->strs + used, target) == FAILURE) {
			return FAILURE;
		}
		used += target->count;
	}
	return SUCCESS;
}

/* `uses` (SPEC 11): advantage id -> times used, each an int >= 0 or null (all checked); the counts of the
 * advantages with max_uses go to scratch, 0 when absent. */
static zend_result read_uses(const lty_program *p, HashTable *ht, php_loyalty_where *at, php_loyalty_scratch *s, lty_customer *out)
{
	zval *uses = PHP_LOYALTY_KEY(ht, USES), *zv;
	zend_string *skey;
	zend_ulong ikey;
	char name[64];
	size_t i;

	out->uses = s->uses;
	if (p->limited_count > 0) {
		memset(s->uses, 0, p->limited_count * sizeof(int64_t));
	}
	if (uses == NULL) {
		return SUCCESS;
	}
	if (Z_TYPE_P(uses) != IS_ARRAY) {
		return fail_type(at, "uses", "array of advantage id => int", uses);
	}
	ZEND_HASH_FOREACH_KEY_VAL(Z_ARRVAL_P(uses), ikey, skey, zv) {
		ZVAL_DEREF(zv);
		if ((Z_TYPE_P(zv) == IS_LONG && Z_LVAL_P(zv) >= 0) || Z_TYPE_P(zv) == IS_NULL) {
			continue; /* null: never used, as a NULL column */
		}
		if (skey) {
			php_loyalty_printable(name, sizeof(name), ZSTR_VAL(skey), ZSTR_LEN(skey));
		} else {
			snprintf(name, sizeof(name), ZEND_LONG_FMT, (zend_long) ikey);
		}
		if (Z_TYPE_P(zv) == IS_LONG) {
			php_loyalty_throw_fmt(php_loyalty_input_exception_ce, "%s.uses.%s: must be >= 0, got " ZEND_LONG_FMT,
				php_loyalty_where_path(at), name, Z_LVAL_P(zv));
		} else {
			php_loyalty_throw_fmt(php_loyalty_input_exception_ce, "%s.uses.%s: expected int, got %s",
				php_loyalty_where_path(at), name, zend_zval_type_name(zv));
		}
		return FAILURE;
	} ZEND_HASH_FOREACH_END();
	for (i = 0; i < p->limited_count; i++) {
		const lty_str *id = &p->advantages[p->limited[i]].id;
		zv = zend_symtable_str_find(Z_ARRVAL_P(uses), id->ptr, id->len); /* "42" is the int key 42 */
		if (zv != NULL) {
			ZVAL_DEREF(zv);
			s->uses[i] = Z_TYPE_P(zv) == IS_LONG ? Z_LVAL_P(zv) : 0;
		}
	}
	return SUCCESS;
}

/* `id` (SPEC 3): an int or a string; null is the same as none. */
static zend_result check_id(HashTable *ht, php_loyalty_where *at)
{
	zval *id = PHP_LOYALTY_KEY(ht, ID);

	if (id == NULL || Z_TYPE_P(id) == IS_NULL || Z_TYPE_P(id) == IS_LONG || Z_TYPE_P(id) == IS_STRING) {
		return SUCCESS;
	}
	return fail_type(at, "id", "int or string", id);
}

/* `ledger` (SPEC 8): its balance at now stands for `points`. Read with the dates: it may run user code. */
static zend_result read_ledger(const lty_program *p, HashTable *ht, zend_long now, php_loyalty_where *at, lty_customer *out)
{
	zval *ledger = PHP_LOYALTY_KEY(ht, LEDGER);
	char where[PATH_MAX_LEN];

	out->has_ledger = false;
	if (ledger == NULL) {
		return SUCCESS;
	}
	snprintf(where, sizeof(where), "%s.ledger", php_loyalty_where_path(at));
	if (php_loyalty_ledger_balance(ledger, p, now, where, &out->points) == FAILURE) {
		return FAILURE;
	}
	out->has_ledger = true;
	return SUCCESS;
}

/* The fields `fields` of customer `ht`, each set whole (its default when absent); the others are
 * left as they are. */
static zend_always_inline zend_result read_fields(const lty_program *p, HashTable *ht, zend_long now, php_loyalty_where *at,
	uint32_t fields, php_loyalty_scratch *s, const php_loyalty_zone **zone, lty_customer *out)
{
	zval *active;

	/* the dates first: a DateTimeInterface subclass runs user code, before any string is borrowed */
	if (((fields & LTY_FIELD_FIRST_ORDER)
				&& read_date(ht, PHP_LOYALTY_K_FIRST_ORDER, now, at, zone, &out->has_first_order, &out->first_order) == FAILURE)
			|| ((fields & LTY_FIELD_LAST_ORDER)
				&& read_date(ht, PHP_LOYALTY_K_LAST_ORDER, now, at, zone, &out->has_last_order, &out->last_order) == FAILURE)) {
		return FAILURE;
	}
	if ((fields & LTY_FIELD_ACTIVE) && !php_loyalty_row_active(active = PHP_LOYALTY_KEY(ht, ACTIVE), &out->active)) {
		return fail_type(at, "active", "bool", active);
	}
	if (fields & LTY_FIELD_POINTS) {
		*zone = NULL; /* a ledger's dates may run user code */
		if (read_ledger(p, ht, now, at, out) == FAILURE) {
			return FAILURE;
		}
	}
	/* by groups, each tested once: a segment reads few fields */
	if ((fields & (LTY_FIELD_ORDERS | LTY_FIELD_SPENT | LTY_FIELD_POINTS | LTY_FIELD_LIFETIME_POINTS))
			&& (((fields & LTY_FIELD_ORDERS) && read_count(ht, PHP_LOYALTY_K_ORDERS, at, "int", &out->orders) == FAILURE)
				|| ((fields & LTY_FIELD_SPENT) && read_count(ht, PHP_LOYALTY_K_SPENT, at, "int (minor units)", &out->spent) == FAILURE)
				|| ((fields & LTY_FIELD_POINTS) && !out->has_ledger && read_count(ht, PHP_LOYALTY_K_POINTS, at, "int", &out->points) == FAILURE)
				|| ((fields & LTY_FIELD_LIFETIME_POINTS)
					&& read_count(ht, PHP_LOYALTY_K_LIFETIME_POINTS, at, "int", &out->lifetime_points) == FAILURE))) {
		return FAILURE;
	}
	if ((fields & (LTY_FIELD_CITY | LTY_FIELD_POSTCODE | LTY_FIELD_COUNTRY))
			&& (((fields & LTY_FIELD_CITY) && read_string(ht, PHP_LOYALTY_K_CITY, at, &out->city) == FAILURE)
				|| ((fields & LTY_FIELD_POSTCODE) && read_string(ht, PHP_LOYALTY_K_POSTCODE, at, &out->postcode) == FAILURE)
				|| ((fields & LTY_FIELD_COUNTRY) && read_string(ht, PHP_LOYALTY_K_COUNTRY, at, &out->country) == FAILURE))) {
		return FAILURE;
	}
	if ((fields & (LTY_FIELD_GROUPS | LTY_FIELD_CARRIERS | LTY_FIELD_BOUGHT | LTY_FIELD_ID | LTY_FIELD_ATTRIBUTES | LTY_FIELD_USES))
			&& (((fields & (LTY_FIELD_GROUPS | LTY_FIELD_CARRIERS | LTY_FIELD_BOUGHT)) && read_lists(fields, ht, at, s, out) == FAILURE)
				|| ((fields & LTY_FIELD_ID) && check_id(ht, at) == FAILURE)
				|| ((fields & LTY_FIELD_ATTRIBUTES) && php_loyalty_attributes(PHP_LOYALTY_KEY(ht, ATTRIBUTES), at,
					p->attr_names, s->attr_keys, p->attr_count, s->attrs, (fields & LTY_FIELD_ID) != 0) == FAILURE)
				|| ((fields & LTY_FIELD_USES) && read_uses(p, ht, at, s, out) == FAILURE))) {
		return FAILURE;
	}
	return SUCCESS;
}

zend_result php_loyalty_customer(const lty_program *p, HashTable *ht, zend_long now,
	php_loyalty_where *at, uint32_t fields, php_loyalty_scratch *s, lty_customer *out)
{
	const php_loyalty_zone *zone = NULL;

	memset(out, 0, sizeof(*out));
	out->active = true;
	out->attrs = s->attrs;
	return read_fields(p, ht, now, at, fields, s, &zone, out);
}

/* The keys of the scalar fields in the order of php_loyalty_rows.keys: the dates, active, the
 * counts, the strings (points last: a ledger may stand for them), with their places. */
static const struct {
	uint32_t field;
	php_loyalty_key key;
	size_t to, has;
} scalar_keys[] = {
	{ LTY_FIELD_FIRST_ORDER, PHP_LOYALTY_K_FIRST_ORDER, offsetof(lty_customer, first_order), offsetof(lty_customer, has_first_order) },
	{ LTY_FIELD_LAST_ORDER, PHP_LOYALTY_K_LAST_ORDER, offsetof(lty_customer, last_order), offsetof(lty_customer, has_last_order) },
	{ LTY_FIELD_ACTIVE, PHP_LOYALTY_K_ACTIVE, offsetof(lty_customer, active), 0 },
	{ LTY_FIELD_ORDERS, PHP_LOYALTY_K_ORDERS, offsetof(lty_customer, orders), 0 },
	{ LTY_FIELD_SPENT, PHP_LOYALTY_K_SPENT, offsetof(lty_customer, spent), 0 },
	{ LTY_FIELD_LIFETIME_POINTS, PHP_LOYALTY_K_LIFETIME_POINTS, offsetof(lty_customer, lifetime_points), 0 },
	{ LTY_FIELD_CITY, PHP_LOYALTY_K_CITY, offsetof(lty_customer, city), 0 },
	{ LTY_FIELD_POSTCODE, PHP_LOYALTY_K_POSTCODE, offsetof(lty_customer, postcode), 0 },
	{ LTY_FIELD_COUNTRY, PHP_LOYALTY_K_COUNTRY, offsetof(lty_customer, country), 0 },
	{ LTY_FIELD_POINTS, PHP_LOYALTY_K_POINTS, offsetof(lty_customer, points), 0 },
};

void php_loyalty_rows_init(php_loyalty_rows *rows, const lty_program *p, uint32_t fields, php_loyalty_scratch *s,
	lty_customer *out)
{
	const uint32_t dates = LTY_FIELD_FIRST_ORDER | LTY_FIELD_LAST_ORDER;
	const uint32_t before_strings = dates | LTY_FIELD_ACTIVE | LTY_FIELD_ORDERS | LTY_FIELD_SPENT | LTY_FIELD_LIFETIME_POINTS;
	uint32_t taken = 0;
	size_t i;

	rows->key_count = rows->date_count = rows->count_end = 0;
	for (i = 0; i < sizeof(scalar_keys) / sizeof(scalar_keys[0]) && rows->key_count < 4; i++) {
		uint32_t f = scalar_keys[i].field;
		if (fields & f) {
			if (f & dates) {
				rows->has[rows->date_count++] = (bool *) ((char *) out + scalar_keys[i].has);
			}
			rows->to[rows->key_count] = (char *) out + scalar_keys[i].to;
			rows->keys[rows->key_count++] = scalar_keys[i].key;
			if (f & before_strings) {
				rows->count_end = rows->key_count;
			}
			taken |= f;
		}
	}
	rows->scalars_only = taken == fields && !(fields & LTY_FIELD_POINTS);
	rows->program = p;
	rows->fields = fields;
	rows->scratch = s;
	rows->zone = NULL;
	rows->out = out;
	memset(out, 0, sizeof(*out));
	out->active = true;
	out->attrs = s->attrs;
}

zend_result php_loyalty_rows_read(php_loyalty_rows *rows, HashTable *ht, zend_long now, php_loyalty_where *at)
{
	return read_fields(rows->program, ht, now, at, rows->fields, rows->scratch, &rows->zone, rows->out);
}
