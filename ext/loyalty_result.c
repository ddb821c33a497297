/* Loyalty\Result: a read-only record of one evaluation. Properties are
 * written once, by slot, in the order the stub declares them. */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "php.h"
#include "zend_exceptions.h"

#include "php_loyalty.h"

/* Slots in declaration order (loyalty.stub.php), with their toArray() keys. */
enum {
	P_SUBTOTAL, P_DISCOUNT, P_SHIPPING, P_SHIPPING_DISCOUNT, P_FREE_SHIPPING, P_TOTAL,
	P_POINTS_EARNED, P_POINTS_SPENT, P_POINTS_BALANCE, P_SEGMENTS, P_APPLIED, P_REJECTED, P_LINES,
	P_COUNT
};

static const char *const array_keys[P_COUNT] = {
	"subtotal", "discount", "shipping", "shipping_discount", "free_shipping", "total",
	"points_earned", "points_spent", "points_balance", "segments", "applied", "rejected", "lines"
};

static const char *source_name(lty_source s)
{
	return s == LTY_SOURCE_LOYALTY ? "loyalty" : "advantage";
}

static void build_applied(zval *out, const lty_result *r)
{
	size_t i;

	array_init_size(out, (uint32_t) r->applied_count);
	for (i = 0; i < r->applied_count; i++) {
		const lty_applied *a = &r->applied[i];
		zval entry;
		array_init_size(&entry, 6);
		add_assoc_string(&entry, "source", source_name(a->source));
		add_assoc_stringl(&entry, "id", a->id.ptr, a->id.len);
		add_assoc_stringl(&entry, "label", a->label.ptr, a->label.len);
		add_assoc_long(&entry, "discount", (zend_long) a->discount);
		add_assoc_bool(&entry, "free_shipping", a->free_shipping);
		add_assoc_long(&entry, "points_spent", (zend_long) a->points_spent);
		add_next_index_zval(out, &entry);
	}
}

static void build_rejected(zval *out, const lty_result *r)
{
	size_t i;

	array_init_size(out, (uint32_t) r->rejected_count);
	for (i = 0; i < r->rejected_count; i++) {
		const lty_rejected *x = &r->rejected[i];
		zval entry;
		array_init_size(&entry, 5);
		add_assoc_string(&entry, "source", source_name(x->source));
		add_assoc_stringl(&entry, "id", x->id.ptr, x->id.len);
		add_assoc_string(&entry, "reason", lty_reason_name(x->reason));
		add_assoc_string(&entry, "message", x->message);
		if (x->has_missing) {
			add_assoc_long(&entry, "missing", (zend_long) x->missing);
		}
		add_next_index_zval(out, &entry);
	}
}

static void build_lines(zval *out, const lty_result *r, const lty_cart *cart, zval *cart_lines)
{
	zval *line, *sku;
	size_t i = 0;

	array_init_size(out, (uint32_t) cart->line_count);
	if (cart_lines == NULL || !cart->has_lines) {
		return;
	}
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(cart_lines), line) {
		zval entry;
		ZVAL_DEREF(line);
		sku = zend_hash_str_find(Z_ARRVAL_P(line), "sku", sizeof("sku") - 1);
		array_init_size(&entry, 3);
		if (sku != NULL) {
			ZVAL_DEREF(sku);
			Z_TRY_ADDREF_P(sku);
			add_assoc_zval(&entry, "sku", sku);
		} else {
			add_assoc_null(&entry, "sku");
		}
		add_assoc_long(&entry, "amount", (zend_long) cart->lines[i].amount);
		add_assoc_long(&entry, "discount", (zend_long) r->line_discounts[i]);
		add_next_index_zval(out, &entry);
		i++;
	} ZEND_HASH_FOREACH_END();
}

void php_loyalty_result_build(zval *out, const lty_result *r, const lty_cart *cart, zval *cart_lines, zval *segments)
{
	zend_object *obj;

	object_init_ex(out, php_loyalty_result_ce);
	obj = Z_OBJ_P(out);
	ZVAL_LONG(OBJ_PROP_NUM(obj, P_SUBTOTAL), (zend_long) r->subtotal);
	ZVAL_LONG(OBJ_PROP_NUM(obj, P_DISCOUNT), (zend_long) r->discount);
	ZVAL_LONG(OBJ_PROP_NUM(obj, P_SHIPPING), (zend_long) r->shipping);
	ZVAL_LONG(OBJ_PROP_NUM(obj, P_SHIPPING_DISCOUNT), (zend_long) r->shipping_discount);
	ZVAL_BOOL(OBJ_PROP_NUM(obj, P_FREE_SHIPPING), r->free_shipping);
	ZVAL_LONG(OBJ_PROP_NUM(obj, P_TOTAL), (zend_long) r->total);
	ZVAL_LONG(OBJ_PROP_NUM(obj, P_POINTS_EARNED), (zend_long) r->points_earned);
	ZVAL_LONG(OBJ_PROP_NUM(obj, P_POINTS_SPENT), (zend_long) r->points_spent);
	ZVAL_LONG(OBJ_PROP_NUM(obj, P_POINTS_BALANCE), (zend_long) r->points_balance);
	ZVAL_COPY_VALUE(OBJ_PROP_NUM(obj, P_SEGMENTS), segments);
	build_applied(OBJ_PROP_NUM(obj, P_APPLIED), r);
	build_rejected(OBJ_PROP_NUM(obj, P_REJECTED), r);
	build_lines(OBJ_PROP_NUM(obj, P_LINES), r, cart, cart_lines);
}

static void result_to_array(zend_object *obj, zval *out)
{
	int i;

	array_init_size(out, P_COUNT);
	for (i = 0; i < P_COUNT; i++) {
		zval *v = OBJ_PROP_NUM(obj, i);
		if (Z_TYPE_P(v) == IS_UNDEF) {
			continue; /* an object never built (cannot happen through the API) */
		}
		Z_TRY_ADDREF_P(v);
		add_assoc_zval(out, array_keys[i], v);
	}
}

ZEND_METHOD(Loyalty_Result, __construct)
{
	ZEND_PARSE_PARAMETERS_NONE();
}

ZEND_METHOD(Loyalty_Result, toArray)
{
	ZEND_PARSE_PARAMETERS_NONE();
	result_to_array(Z_OBJ_P(ZEND_THIS), return_value);
}

ZEND_METHOD(Loyalty_Result, jsonSerialize)
{
	ZEND_PARSE_PARAMETERS_NONE();
	result_to_array(Z_OBJ_P(ZEND_THIS), return_value);
}
