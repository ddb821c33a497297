/* PHP values -> core structs (settings documents, dates, customers), and
 * documents back to PHP arrays. Every bad value is reported with its path. */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "php.h"
#include "zend_interfaces.h"
#include "ext/date/php_date.h"

#include "php_loyalty.h"

/* Settings are shallow (about 6 levels); deeper input is refused, which also stops cyclic references. */
#define DOC_MAX_DEPTH LTY_MAX_SETTINGS_DEPTH

typedef struct {
	lty_arena *arena;
	size_t nodes;        /* values converted so far, bounded by LTY_MAX_SETTINGS_NODES */
} doc_builder;

static bool doc_fill(doc_builder *b, lty_doc *d, zval *zv, int depth);

static bool doc_fill_array(doc_builder *b, lty_doc *d, HashTable *ht, int depth)
{
	bool is_list = zend_array_is_list(ht);
	zend_string *key;
	zend_ulong index;
	zval *item;
	size_t i = 0;

	b->nodes += zend_hash_num_elements(ht);
	if (b->nodes > LTY_MAX_SETTINGS_NODES
			|| !lty_doc_make_container(b->arena, d, is_list ? LTY_DOC_LIST : LTY_DOC_MAP, zend_hash_num_elements(ht))) {
		return false;
	}
	ZEND_HASH_FOREACH_KEY_VAL(ht, index, key, item) {
		if (!is_list) {
			if (key != NULL) {
				d->u.c.keys[i] = ZSTR_VAL(key); /* borrowed: the input outlives loading */
				d->u.c.key_lens[i] = ZSTR_LEN(key);
			} else {
				char buf[MAX_LENGTH_OF_LONG + 1];
				int len = snprintf(buf, sizeof(buf), ZEND_LONG_FMT, (zend_long) index);
				if (!lty_doc_set_key(b->arena, d, i, buf, (size_t) len)) {
					return false;
				}
			}
		}
		if (!doc_fill(b, &d->u.c.items[i], item, depth + 1)) {
			return false;
		}
		i++;
	} ZEND_HASH_FOREACH_END();
	return true;
}

static bool doc_other(lty_arena *arena, lty_doc *d, const char *name)
{
	return lty_doc_set_string(arena, d, LTY_DOC_OTHER, name, strlen(name));
}

static bool doc_fill(doc_builder *b, lty_doc *d, zval *zv, int depth)
{
	ZVAL_DEREF(zv);
	switch (Z_TYPE_P(zv)) {
		case IS_NULL: d->kind = LTY_DOC_NULL; return true;
		case IS_FALSE: d->kind = LTY_DOC_BOOL; d->u.b = false; return true;
		case IS_TRUE: d->kind = LTY_DOC_BOOL; d->u.b = true; return true;
		case IS_LONG: d->kind = LTY_DOC_INT; d->u.i = Z_LVAL_P(zv); return true;
		case IS_DOUBLE: d->kind = LTY_DOC_DOUBLE; d->u.d = Z_DVAL_P(zv); return true;
		case IS_STRING:
			d->kind = LTY_DOC_STRING; /* borrowed */
			d->u.str.ptr = Z_STRVAL_P(zv);
			d->u.str.len = Z_STRLEN_P(zv);
			return true;
		case IS_ARRAY:
			if (depth >= DOC_MAX_DEPTH) {
				return doc_other(b->arena, d, "array nested too deep");
			}
			return doc_fill_array(b, d, Z_ARRVAL_P(zv), depth);
		case IS_OBJECT:
			return doc_other(b->arena, d, "object");
		default:
			return doc_other(b->arena, d, zend_zval_type_name(zv));
	}
}

/* Values doc_fill() would convert, counted without allocating and given up past `limit`: an
 * array shared many times over (or cyclic) is cheap in PHP but would fill memory as a document. */
static size_t doc_count(zval *zv, int depth, size_t count, size_t limit)
{
	zval *item;

	ZVAL_DEREF(zv);
	if (Z_TYPE_P(zv) != IS_ARRAY || depth >= DOC_MAX_DEPTH) {
		return count;
	}
	count += zend_hash_num_elements(Z_ARRVAL_P(zv));
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(zv), item) {
		if (count > limit) {
			break;
		}
		count = doc_count(item, depth + 1, count, limit);
	} ZEND_HASH_FOREACH_END();
	return count;
}

lty_doc *php_loyalty_doc_from_zval(lty_arena *arena, zval *zv, bool *too_large)
{
	doc_builder b = { arena, 0 };
	lty_doc *d;

	*too_large = doc_count(zv, 0, 0, LTY_MAX_SETTINGS_NODES) > LTY_MAX_SETTINGS_NODES;
	if (*too_large) {
		return NULL;
	}
	d = lty_arena_alloc(arena, sizeof(lty_doc));
	if (d == NULL || !doc_fill(&b, d, zv, 0)) {
		*too_large = b.nodes > LTY_MAX_SETTINGS_NODES;
		return NULL;
	}
	return d;
}

void php_loyalty_zval_from_doc(zval *out, const lty_doc *d)
{
	size_t i;
	zval item;

	switch (d->kind) {
		case LTY_DOC_BOOL: ZVAL_BOOL(out, d->u.b); return;
		case LTY_DOC_INT: ZVAL_LONG(out, (zend_long) d->u.i); return;
		case LTY_DOC_DOUBLE: ZVAL_DOUBLE(out, d->u.d); return;
		case LTY_DOC_STRING: ZVAL_STRINGL(out, d->u.str.ptr, d->u.str.len); return;
		case LTY_DOC_LIST:
			array_init_size(out, (uint32_t) d->u.c.count);
			for (i = 0; i < d->u.c.count; i++) {
				php_loyalty_zval_from_doc(&item, &d->u.c.items[i]);
				add_next_index_zval(out, &item);
			}
			return;
		case LTY_DOC_MAP:
			array_init_size(out, (uint32_t) d->u.c.count);
			for (i = 0; i < d->u.c.count; i++) {
				php_loyalty_zval_from_doc(&item, &d->u.c.items[i]);
				zend_symtable_str_update(Z_ARRVAL_P(out), d->u.c.keys[i], d->u.c.key_lens[i], &item);
			}
			return;
		default:
			ZVAL_NULL(out);
			return;
	}
}

zend_string *php_loyalty_keys[PHP_LOYALTY_K_COUNT];

void php_loyalty_keys_init(void)
{
	static const char *const names[PHP_LOYALTY_K_REASON_FIRST] = {
		"lines", "subtotal", "carrier", "shipping", "voucher_discount", "vouchers", "use_points", "sku", "category", "qty", "price", "id", "active", "groups", "orders", "spent", "first_order", "last_order", "city", "postcode", "country", "carriers", "bought", "points", "lifetime_points", "attributes", "ledger", "uses",
		"source", "label", "discount", "free_shipping", "points_spent", "reason", "message", "missing", "amount",
		"advantage", "loyalty"
	};
	int i;

	for (i = 0; i < PHP_LOYALTY_K_COUNT; i++) {
		const char *name = i < PHP_LOYALTY_K_REASON_FIRST ? names[i] : lty_reason_name((lty_reason) (i - PHP_LOYALTY_K_REASON_FIRST));
		php_loyalty_keys[i] = zend_string_init_interned(name, strlen(name), 1);
	}
}

void php_loyalty_keys_reset(void)
{
	memcpy(LOYALTY_G(keys), php_loyalty_keys, sizeof(php_loyalty_keys));
}

/* ---- dates ---- */

static zend_result timestamp_of_object(zval *zv, const char *path, zend_long *out)
{
	zend_object *obj;
	zval rv;

	if (!instanceof_function(Z_OBJCE_P(zv), php_date_get_interface_ce())) {
		php_loyalty_throw_fmt(php_loyalty_input_exception_ce,
			"%s: expected int, DateTimeInterface or date string, got %s", path, ZSTR_VAL(Z_OBJCE_P(zv)->name));
		return FAILURE;
	}
	/* Held for the call: user code in getTimestamp() may drop the last other reference to it. */
	obj = Z_OBJ_P(zv);
	GC_ADDREF(obj);
	zend_call_method_with_0_params(obj, obj->ce, NULL, "gettimestamp", &rv);
	OBJ_RELEASE(obj);
	if (EG(exception)) {
		zval_ptr_dtor(&rv);
		return FAILURE;
	}
	if (Z_TYPE(rv) != IS_LONG) {
		zval_ptr_dtor(&rv);
		php_loyalty_throw_fmt(php_loyalty_input_exception_ce, "%s: getTimestamp() did not return an int", path);
		return FAILURE;
	}
	*out = Z_LVAL(rv);
	return SUCCESS;
}

static zend_result timestamp_of_string(zend_string *s, zend_long now, const char *path, zend_long *out)
{
	php_loyalty_date_status st = PHP_LOYALTY_DATE_INVALID;
	char shown[96];

	if (ZSTR_LEN(s) > 0 && ZSTR_LEN(s) < 256 && memchr(ZSTR_VAL(s), '\0', ZSTR_LEN(s)) == NULL) {
		/* as strtotime() reads it, so that shops get exactly the formats PHP reads */
		st = php_loyalty_strtotime(ZSTR_VAL(s), ZSTR_LEN(s), now, out);
		if (st == PHP_LOYALTY_DATE_OK) {
			return SUCCESS;
		}
	}
	if (!EG(exception)) {
		php_loyalty_printable(shown, sizeof(shown), ZSTR_VAL(s), ZSTR_LEN(s));
		if (st == PHP_LOYALTY_DATE_FAR_NOW) {
			php_loyalty_throw_fmt(php_loyalty_input_exception_ce,
				"%s: date '%s' is relative to a time too far from the current time to be read", path, shown);
		} else {
			php_loyalty_throw_fmt(php_loyalty_input_exception_ce, "%s: invalid date '%s'", path, shown);
		}
	}
	return FAILURE;
}

bool php_loyalty_date_quick(zval *zv, zend_long *out)
{
	const php_loyalty_zone *zone = NULL;

	return php_loyalty_date_quick_in(zv, &zone, out);
}

zend_result php_loyalty_date(zval *zv, zend_long now, const char *path, zend_long *out)
{
	if (php_loyalty_date_quick(zv, out)) {
		return SUCCESS;
	}
	ZVAL_DEREF(zv);
	switch (Z_TYPE_P(zv)) {
		case IS_STRING:
			return timestamp_of_string(Z_STR_P(zv), now, path, out);
		case IS_OBJECT:
			return timestamp_of_object(zv, path, out);
		default:
			php_loyalty_throw_fmt(php_loyalty_input_exception_ce,
				"%s: expected int, DateTimeInterface or date string, got %s", path, zend_zval_type_name(zv));
			return FAILURE;
	}
}

/* `types` is the parameter's type as PHP prints it in a TypeError. */
static zend_result date_arg(zval *zv, uint32_t arg_num, const char *path, const char *types, zend_long *out)
{
	zend_long current = (zend_long) php_time();

	if (Z_TYPE_P(zv) == IS_LONG || Z_TYPE_P(zv) == IS_STRING
			|| (Z_TYPE_P(zv) == IS_OBJECT && instanceof_function(Z_OBJCE_P(zv), php_date_get_interface_ce()))) {
		return php_loyalty_date(zv, current, path, out);
	}
	/* Other types as a parameter typed int|string|DateTimeInterface takes them: a Stringable
	 * object is a string (weak mode), a bool or an integral float an int. */
	if (Z_TYPE_P(zv) == IS_OBJECT) {
		zend_string *str;
		if (zend_parse_arg_str(zv, &str, false, arg_num)) {
			return timestamp_of_string(str, current, path, out);
		}
		if (EG(exception)) {
			return FAILURE; /* thrown by __toString() */
		}
	} else if (Z_TYPE_P(zv) != IS_NULL && zend_parse_arg_long(zv, out, NULL, false, arg_num)) {
		return SUCCESS;
	}
	zend_argument_type_error(arg_num, "must be of type %s, %s given", types, zend_zval_type_name(zv));
	return FAILURE;
}

zend_result php_loyalty_date_arg(zval *zv, uint32_t arg_num, const char *path, zend_long *out)
{
	return date_arg(zv, arg_num, path, "DateTimeInterface|string|int", out);
}

zend_result php_loyalty_now(zval *zv, uint32_t arg_num, const char *path, zend_long *out)
{
	if (zv == NULL || Z_TYPE_P(zv) == IS_NULL) {
		*out = (zend_long) php_time();
		return SUCCESS;
	}
	return date_arg(zv, arg_num, path, "DateTimeInterface|string|int|null", out);
}
