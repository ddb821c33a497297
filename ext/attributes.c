/* `attributes` of a customer or of a cart line (SPEC 3, 11): an array of scalars
 * or nulls, floats finite and read as exact decimals (as PHP prints them). */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "php.h"

#include "php_loyalty.h"
#include "../src/expression/lty_decimal.h"

/* A float as the decimal PHP prints (serialize_precision -1: the shortest digits that read
 * back as the same float), so 0.3 is 0.3 and not 0.299999...; beyond the decimal range it
 * stays null, as an overflow would. */
static void read_float(double d, lty_scalar *a)
{
	int decpt;
	bool negative;
	char *end, *digits;
	size_t n;

	if (lty_dec_from_double(d, &a->u.i)) {
		a->kind = LTY_SCALAR_DECIMAL;
		return;
	}
	digits = zend_dtoa(d, 0, 0, &decpt, &negative, &end);
	n = (size_t) (end - digits);
	if (lty_dec_from_digits(negative, digits, n, decpt - (int) n, &a->u.i)) {
		a->kind = LTY_SCALAR_DECIMAL;
	}
	zend_freedtoa(digits);
}

static bool valid(zval *zv)
{
	return Z_TYPE_P(zv) <= IS_STRING && (Z_TYPE_P(zv) != IS_DOUBLE || zend_finite(Z_DVAL_P(zv)));
}

static zend_result fail(const char *path, const char *name, zval *zv)
{
	if (Z_TYPE_P(zv) == IS_DOUBLE) {
		php_loyalty_throw_fmt(php_loyalty_input_exception_ce, "%s.attributes.%s: expected a finite number, got %s",
			path, name, zend_isnan(Z_DVAL_P(zv)) ? "NAN" : Z_DVAL_P(zv) < 0 ? "-INF" : "INF");
	} else {
		php_loyalty_throw_fmt(php_loyalty_input_exception_ce, "%s.attributes.%s: expected a scalar, got %s",
			path, name, zend_zval_type_name(zv));
	}
	return FAILURE;
}

static zend_result check_every(HashTable *attrs, php_loyalty_where *at)
{
	zend_string *skey;
	zend_ulong ikey;
	char name[64];
	zval *zv;

	ZEND_HASH_FOREACH_KEY_VAL(attrs, ikey, skey, zv) {
		ZVAL_DEREF(zv);
		if (valid(zv)) {
			continue;
		}
		if (skey) {
			php_loyalty_printable(name, sizeof(name), ZSTR_VAL(skey), ZSTR_LEN(skey));
		} else {
			snprintf(name, sizeof(name), ZEND_LONG_FMT, (zend_long) ikey);
		}
		return fail(php_loyalty_where_path(at), name, zv);
	} ZEND_HASH_FOREACH_END();
	return SUCCESS;
}

static void read_one(zval *zv, lty_scalar *a)
{
	switch (Z_TYPE_P(zv)) {
		case IS_FALSE: case IS_TRUE: a->kind = LTY_SCALAR_BOOL; a->u.b = Z_TYPE_P(zv) == IS_TRUE; break;
		case IS_LONG: a->kind = LTY_SCALAR_INT; a->u.i = Z_LVAL_P(zv); break;
		case IS_DOUBLE: read_float(Z_DVAL_P(zv), a); break;
		case IS_STRING:
			a->kind = LTY_SCALAR_STRING;
			a->u.s.ptr = Z_STRVAL_P(zv);
			a->u.s.len = Z_STRLEN_P(zv);
			break;
		default: break; /* null: absent */
	}
}

zend_result php_loyalty_attributes(zval *attrs, php_loyalty_where *at, const lty_str *names, zend_string **keys,
	size_t count, lty_scalar *out, bool check_all)
{
	char where[160];
	size_t i;
	zval *zv;

	if (count > 0) {
		memset(out, 0, count * sizeof(lty_scalar));
	}
	if (attrs == NULL || (count == 0 && !check_all)) {
		return SUCCESS;
	}
	if (Z_TYPE_P(attrs) != IS_ARRAY) {
		php_loyalty_throw_fmt(php_loyalty_input_exception_ce, "%s.attributes: expected array of scalars, got %s",
			php_loyalty_where_path(at), zend_zval_type_name(attrs));
		return FAILURE;
	}
	if (check_all && check_every(Z_ARRVAL_P(attrs), at) == FAILURE) {
		return FAILURE;
	}
	for (i = 0; i < count; i++) {
		zv = keys != NULL && keys[i] != NULL ? php_loyalty_find_adopting(Z_ARRVAL_P(attrs), &keys[i])
			: zend_symtable_str_find(Z_ARRVAL_P(attrs), names[i].ptr, names[i].len);
		if (zv == NULL) {
			continue;
		}
		ZVAL_DEREF(zv);
		if (!valid(zv)) {
			snprintf(where, sizeof(where), "%s", php_loyalty_where_path(at));
			return fail(where, names[i].ptr, zv);
		}
		read_one(zv, &out[i]);
	}
	return SUCCESS;
}
