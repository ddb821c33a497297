/* A cart array (SPEC 4) -> lty_cart. Money is int minor units only: floats,
 * numeric strings, negative amounts and 64-bit overflow are InputExceptions
 * naming the path. Unknown keys are ignored, as shops' carts carry many. */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "php.h"

#include "php_loyalty.h"
#include "../src/base/lty_checked.h"


/* An int >= 0 at `path`; `what` names the expected type in the message. */
static zend_result non_negative(zval *zv, const char *path, const char *what, int64_t *out)
{
	if (Z_TYPE_P(zv) != IS_LONG) {
		php_loyalty_throw_fmt(php_loyalty_input_exception_ce, "%s: expected %s, got %s", path, what, zend_zval_type_name(zv));
		return FAILURE;
	}
	if (Z_LVAL_P(zv) < 0) {
		php_loyalty_throw_fmt(php_loyalty_input_exception_ce, "%s: must be >= 0, got " ZEND_LONG_FMT, path, Z_LVAL_P(zv));
		return FAILURE;
	}
	*out = Z_LVAL_P(zv);
	return SUCCESS;
}

static zend_result money(HashTable *ht, php_loyalty_key key, int64_t *out)
{
	zval *zv = php_loyalty_key_find(ht, key);
	char path[64];

	*out = 0;
	if (zv == NULL) {
		return SUCCESS;
	}
	if (Z_TYPE_P(zv) == IS_LONG && Z_LVAL_P(zv) >= 0) { /* the usual case: no path to write */
		*out = Z_LVAL_P(zv);
		return SUCCESS;
	}
	snprintf(path, sizeof(path), "cart.%s", PHP_LOYALTY_KEY_NAME(key));
	return non_negative(zv, path, "int (minor units)", out);
}

/* qty or price of line i (`zv` as found, NULL when absent), when it is not an int >= 0. */
static zend_never_inline zend_result bad_count(zval *zv, php_loyalty_key key, size_t i, const char *what)
{
	char path[96];
	int64_t ignored;

	snprintf(path, sizeof(path), "cart.lines[%zu].%s", i, PHP_LOYALTY_KEY_NAME(key));
	if (zv == NULL) {
		php_loyalty_throw_fmt(php_loyalty_input_exception_ce, "%s: is required", path);
		return FAILURE;
	}
	return non_negative(zv, path, what, &ignored);
}

/* qty or price of line i: an int >= 0, required. */
static zend_always_inline zend_result line_count(zval *zv, php_loyalty_key key, size_t i, const char *what, int64_t *out)
{
	if (EXPECTED(zv != NULL && Z_TYPE_P(zv) == IS_LONG && Z_LVAL_P(zv) >= 0)) {
		*out = Z_LVAL_P(zv);
		return SUCCESS;
	}
	return bad_count(zv, key, i, what);
}

/* sku or category when it is not a string: an int read as its digits (SPEC 13), else an error. */
static zend_never_inline zend_result line_text_other(zval *zv, size_t i, const char *key, lty_arena *arena, lty_str *out)
{
	char digits[MAX_LENGTH_OF_LONG + 1];

	if (Z_TYPE_P(zv) != IS_LONG) {
		php_loyalty_throw_fmt(php_loyalty_input_exception_ce, "cart.lines[%zu].%s: expected string, got %s", i, key, zend_zval_type_name(zv));
		return FAILURE;
	}
	out->len = (size_t) snprintf(digits, sizeof(digits), ZEND_LONG_FMT, Z_LVAL_P(zv));
	out->ptr = lty_arena_strndup(arena, digits, out->len);
	if (out->ptr == NULL) {
		zend_throw_error(NULL, "evaluate: out of memory");
		return FAILURE;
	}
	return SUCCESS;
}

/* sku or category: a string, or an int read as its digits (SPEC 13); NULL means absent. */
static zend_always_inline zend_result line_text(zval *zv, size_t i, const char *key, lty_arena *arena, lty_str *out)
{
	if (zv == NULL) {
		return SUCCESS;
	}
	if (EXPECTED(Z_TYPE_P(zv) == IS_STRING)) {
		out->ptr = Z_STRVAL_P(zv);
		out->len = Z_STRLEN_P(zv);
		return SUCCESS;
	}
	return line_text_other(zv, i, key, arena, out);
}

/* A line of exactly sku, qty and price under their interned names, in any order (in the SPEC's
 * order usual_line() has read it, unless a value is wrong): found in one pass over its three
 * entries instead of three lookups; false for any other line. */
static zend_always_inline bool plain_line(HashTable *ht, zval **sku, zval **qty, zval **price)
{
	zend_string *key;
	zval *zv;

	if (HT_IS_PACKED(ht) || ht->nNumUsed != 3 || zend_hash_num_elements(ht) != 3) {
		return false;
	}
	*sku = *qty = *price = NULL;
	ZEND_HASH_MAP_FOREACH_STR_KEY_VAL(ht, key, zv) {
		if (key == PHP_LOYALTY_K(PHP_LOYALTY_K_SKU)) {
			*sku = zv;
		} else if (key == PHP_LOYALTY_K(PHP_LOYALTY_K_QTY)) {
			*qty = zv;
		} else if (key == PHP_LOYALTY_K(PHP_LOYALTY_K_PRICE)) {
			*price = zv;
		} else {
			return false;
		}
	} ZEND_HASH_FOREACH_END();
	return true; /* three different keys of a hash: each of the three once */
}

static zend_result read_line(const lty_program *p, zval *line, size_t i, lty_arena *arena, lty_cart_line *out, bool *refs)
{
	zval *sku, *qty, *price, *category, *attrs;
	uint32_t found;
	HashTable *ht;
	char path[64];
	php_loyalty_where at;

	*refs |= Z_ISREF_P(line);
	ZVAL_DEREF(line);
	if (Z_TYPE_P(line) != IS_ARRAY) {
		php_loyalty_throw_fmt(php_loyalty_input_exception_ce, "cart.lines[%zu]: expected array, got %s", i, zend_zval_type_name(line));
		return FAILURE;
	}
	ht = Z_ARRVAL_P(line);
	memset(out, 0, sizeof(*out));
	category = attrs = NULL;
	if (plain_line(ht, &sku, &qty, &price)) {
		if (EXPECTED(Z_TYPE_P(sku) == IS_STRING && Z_TYPE_P(qty) == IS_LONG && Z_TYPE_P(price) == IS_LONG
				&& (Z_LVAL_P(qty) | Z_LVAL_P(price)) >= 0 && p->line_attr_count == 0)) {
			/* the usual line, read in place; anything else goes the general way below, for its message */
			out->sku.ptr = Z_STRVAL_P(sku);
			out->sku.len = Z_STRLEN_P(sku);
			out->qty = Z_LVAL_P(qty);
			out->price = Z_LVAL_P(price);
			if (EXPECTED(!lty_mul_overflow(out->qty, out->price, &out->amount) && php_loyalty_fits(out->amount))) {
				return SUCCESS;
			}
		}
	} else {
		/* sku, qty and price first: when they are all the line's keys, category and attributes
		 * are not looked up (two misses a line, on most carts) */
		sku = php_loyalty_key_lookup(ht, PHP_LOYALTY_K_SKU);
		qty = php_loyalty_key_lookup(ht, PHP_LOYALTY_K_QTY);
		price = php_loyalty_key_lookup(ht, PHP_LOYALTY_K_PRICE);
		found = (sku != NULL) + (qty != NULL) + (price != NULL);
		category = found < zend_hash_num_elements(ht) ? php_loyalty_key_lookup(ht, PHP_LOYALTY_K_CATEGORY) : NULL;
		found += category != NULL;
		attrs = found < zend_hash_num_elements(ht) ? php_loyalty_key_lookup(ht, PHP_LOYALTY_K_ATTRIBUTES) : NULL;
	}
	*refs |= sku != NULL && Z_ISREF_P(sku); /* the lazy `lines` reads the sku later */
	if (line_text(php_loyalty_present(sku), i, "sku", arena, &out->sku) == FAILURE
			|| line_text(php_loyalty_present(category), i, "category", arena, &out->category) == FAILURE) {
		return FAILURE;
	}
	if (line_count(php_loyalty_present(qty), PHP_LOYALTY_K_QTY, i, "int", &out->qty) == FAILURE
			|| line_count(php_loyalty_present(price), PHP_LOYALTY_K_PRICE, i, "int (minor units)", &out->price) == FAILURE) {
		return FAILURE;
	}
	if (lty_mul_overflow(out->qty, out->price, &out->amount) || !php_loyalty_fits(out->amount)) {
		php_loyalty_throw_fmt(php_loyalty_input_exception_ce,
			"cart.lines[%zu]: qty * price overflows " PHP_LOYALTY_INT_BITS "-bit minor units", i);
		return FAILURE;
	}
	/* line attributes (SPEC 11, 13): every entry checked, the program's line slots read */
	if (p->line_attr_count > 0 && (out->attrs = lty_arena_array(arena, p->line_attr_count, sizeof(lty_scalar))) == NULL) {
		zend_throw_error(NULL, "evaluate: out of memory");
		return FAILURE;
	}
	if ((attrs = php_loyalty_present(attrs)) == NULL) {
		return SUCCESS; /* the slots stay null; no path to write (most carts) */
	}
	snprintf(path, sizeof(path), "cart.lines[%zu]", i);
	php_loyalty_where_fixed(&at, path);
	return php_loyalty_attributes(attrs, &at, p->line_attr_names, NULL, p->line_attr_count, (lty_scalar *) out->attrs, true);
}

/* The usual line, read in place into `out`: exactly sku, qty, price in that order under the
 * request's keys (a cart written in PHP code), a string and two ints whose product fits, when
 * the program reads no line attribute. False for anything else, which read_line() reads, with
 * its message. */
static zend_always_inline bool usual_line(const zval *line, const zend_string *k_sku, const zend_string *k_qty,
	const zend_string *k_price, lty_cart_line *out)
{
	const HashTable *ht;
	const Bucket *b;
	int64_t amount;

	if (Z_TYPE_P(line) != IS_ARRAY) {
		return false;
	}
	ht = Z_ARRVAL_P(line);
	b = ht->arData;
	if (HT_IS_PACKED(ht) || ht->nNumUsed != 3 || ht->nNumOfElements != 3
			|| b[0].key != k_sku || b[1].key != k_qty || b[2].key != k_price
			|| Z_TYPE(b[0].val) != IS_STRING || Z_TYPE(b[1].val) != IS_LONG || Z_TYPE(b[2].val) != IS_LONG
			|| (Z_LVAL(b[1].val) | Z_LVAL(b[2].val)) < 0
			|| lty_mul_overflow(Z_LVAL(b[1].val), Z_LVAL(b[2].val), &amount) || !php_loyalty_fits(amount)) {
		return false;
	}
	out->sku.ptr = Z_STRVAL(b[0].val);
	out->sku.len = Z_STRLEN(b[0].val);
	out->category.ptr = NULL;
	out->category.len = 0;
	out->qty = Z_LVAL(b[1].val);
	out->price = Z_LVAL(b[2].val);
	out->amount = amount;
	out->attrs = NULL;
	return true;
}

static zend_result read_lines(const lty_program *p, zval *lines, lty_arena *arena, lty_cart *cart, bool *refs)
{
	const zend_string *k_sku, *k_qty, *k_price;
	lty_cart_line *out;
	bool plain;
	zval *line;
	size_t i = 0;

	if (Z_TYPE_P(lines) != IS_ARRAY) {
		php_loyalty_throw_fmt(php_loyalty_input_exception_ce, "cart.lines: expected list of lines, got %s", zend_zval_type_name(lines));
		return FAILURE;
	}
	if (zend_hash_num_elements(Z_ARRVAL_P(lines)) > LTY_MAX_CART_LINES) {
		php_loyalty_throw_fmt(php_loyalty_input_exception_ce, "cart.lines: too many lines (%u, at most %d)",
			zend_hash_num_elements(Z_ARRVAL_P(lines)), LTY_MAX_CART_LINES);
		return FAILURE;
	}
	out = lty_arena_array_raw(arena, zend_hash_num_elements(Z_ARRVAL_P(lines)) + 1, sizeof(lty_cart_line)); /* read_line() writes each */
	plain = p->line_attr_count == 0;
	k_sku = PHP_LOYALTY_K(PHP_LOYALTY_K_SKU);
	k_qty = PHP_LOYALTY_K(PHP_LOYALTY_K_QTY);
	k_price = PHP_LOYALTY_K(PHP_LOYALTY_K_PRICE);
	cart->has_lines = true;
	cart->lines = out;
	cart->subtotal = 0;
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(lines), line) {
		if (!(plain && usual_line(line, k_sku, k_qty, k_price, &out[i]))
				&& read_line(p, line, i, arena, &out[i], refs) == FAILURE) {
			return FAILURE;
		}
		if (lty_add_overflow(cart->subtotal, out[i].amount, &cart->subtotal) || !php_loyalty_fits(cart->subtotal)) {
			php_loyalty_throw_fmt(php_loyalty_input_exception_ce,
				"cart.lines[%zu]: subtotal overflows " PHP_LOYALTY_INT_BITS "-bit minor units", i);
			return FAILURE;
		}
		i++;
	} ZEND_HASH_FOREACH_END();
	cart->line_count = i;
	return SUCCESS;
}

static zend_result read_vouchers(HashTable *ht, lty_cart *cart)
{
	zval *vouchers = PHP_LOYALTY_KEY(ht, VOUCHERS), *v;
	size_t i = 0;

	if (vouchers == NULL) {
		return SUCCESS;
	}
	if (Z_TYPE_P(vouchers) != IS_ARRAY) {
		php_loyalty_throw_fmt(php_loyalty_input_exception_ce, "cart.vouchers: expected list of strings, got %s", zend_zval_type_name(vouchers));
		return FAILURE;
	}
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(vouchers), v) {
		ZVAL_DEREF(v);
		if (Z_TYPE_P(v) != IS_STRING) {
			php_loyalty_throw_fmt(php_loyalty_input_exception_ce, "cart.vouchers[%zu]: expected string, got %s", i, zend_zval_type_name(v));
			return FAILURE;
		}
		i++;
	} ZEND_HASH_FOREACH_END();
	cart->voucher_count = i;
	return SUCCESS;
}

static zend_result read_use_points(HashTable *ht, lty_cart *cart)
{
	zval *zv = PHP_LOYALTY_KEY(ht, USE_POINTS);

	cart->use_points = true;
	if (zv == NULL || Z_TYPE_P(zv) == IS_TRUE) {
		return SUCCESS;
	}
	if (Z_TYPE_P(zv) == IS_FALSE) {
		cart->use_points = false;
		return SUCCESS;
	}
	if (Z_TYPE_P(zv) != IS_LONG) {
		php_loyalty_throw_fmt(php_loyalty_input_exception_ce, "cart.use_points: expected bool or int, got %s", zend_zval_type_name(zv));
		return FAILURE;
	}
	if (non_negative(zv, "cart.use_points", "bool or int", &cart->use_points_max) == FAILURE) {
		return FAILURE;
	}
	cart->use_points_limited = true;
	cart->use_points = cart->use_points_max > 0;
	return SUCCESS;
}

zend_result php_loyalty_cart(const lty_program *p, HashTable *ht, lty_arena *arena, lty_cart *cart, bool *line_refs)
{
	zval *lines = PHP_LOYALTY_KEY(ht, LINES), *carrier;

	memset(cart, 0, sizeof(*cart));
	if (lines != NULL) {
		if (read_lines(p, lines, arena, cart, line_refs) == FAILURE) {
			return FAILURE;
		}
	} else if (money(ht, PHP_LOYALTY_K_SUBTOTAL, &cart->subtotal) == FAILURE) {
		return FAILURE;
	}
	carrier = PHP_LOYALTY_KEY(ht, CARRIER);
	if (carrier != NULL) {
		if (Z_TYPE_P(carrier) != IS_STRING) {
			php_loyalty_throw_fmt(php_loyalty_input_exception_ce, "cart.carrier: expected string, got %s", zend_zval_type_name(carrier));
			return FAILURE;
		}
		cart->carrier.ptr = Z_STRVAL_P(carrier);
		cart->carrier.len = Z_STRLEN_P(carrier);
	}
	if (money(ht, PHP_LOYALTY_K_SHIPPING, &cart->shipping) == FAILURE
			|| money(ht, PHP_LOYALTY_K_VOUCHER_DISCOUNT, &cart->voucher_discount) == FAILURE
			|| read_vouchers(ht, cart) == FAILURE
			|| read_use_points(ht, cart) == FAILURE) {
		return FAILURE;
	}
	return SUCCESS;
}
