/* Loyalty\Result: a read-only record of one evaluation. Properties are
 * written once, by slot, in the order the stub declares them; `rejected` and
 * `lines` on first read. */
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

static zend_string *source_name(lty_source s)
{
	return php_loyalty_keys[s == LTY_SOURCE_LOYALTY ? PHP_LOYALTY_K_LOYALTY : PHP_LOYALTY_K_ADVANTAGE];
}

/* Entry members under interned keys (no hashing, no copy of the key). */
static void put_str(zval *entry, php_loyalty_key key, zend_string *value)
{
	zval v;

	ZVAL_INTERNED_STR(&v, value);
	zend_hash_add_new(Z_ARRVAL_P(entry), PHP_LOYALTY_K(key), &v);
}

static void put_stringl(zval *entry, php_loyalty_key key, const char *s, size_t len)
{
	zval v;

	ZVAL_STRINGL_FAST(&v, s, len);
	zend_hash_add_new(Z_ARRVAL_P(entry), PHP_LOYALTY_K(key), &v);
}

static void put_long(zval *entry, php_loyalty_key key, zend_long n)
{
	zval v;

	ZVAL_LONG(&v, n);
	zend_hash_add_new(Z_ARRVAL_P(entry), PHP_LOYALTY_K(key), &v);
}

static void put_bool(zval *entry, php_loyalty_key key, bool b)
{
	zval v;

	ZVAL_BOOL(&v, b);
	zend_hash_add_new(Z_ARRVAL_P(entry), PHP_LOYALTY_K(key), &v);
}

static void build_applied(zval *out, const lty_result *r)
{
	size_t i;

	array_init_size(out, (uint32_t) r->applied_count);
	for (i = 0; i < r->applied_count; i++) {
		const lty_applied *a = &r->applied[i];
		zval entry;
		array_init_size(&entry, 6);
		put_str(&entry, PHP_LOYALTY_K_SOURCE, source_name(a->source));
		put_stringl(&entry, PHP_LOYALTY_K_ID, a->id.ptr, a->id.len);
		put_stringl(&entry, PHP_LOYALTY_K_LABEL, a->label.ptr, a->label.len);
		put_long(&entry, PHP_LOYALTY_K_DISCOUNT, (zend_long) a->discount);
		put_bool(&entry, PHP_LOYALTY_K_FREE_SHIPPING, a->free_shipping);
		put_long(&entry, PHP_LOYALTY_K_POINTS_SPENT, (zend_long) a->points_spent);
		add_next_index_zval(out, &entry);
	}
}

static void build_rejected(zval *out, const lty_program *p, const lty_result *r)
{
	char message[LTY_MESSAGE_MAX];
	lty_rejection_cursor cursor = { 0, 0 };
	lty_rejected one, *x = &one;

	array_init_size(out, (uint32_t) lty_result_rejected_count(r));
	while (lty_result_next_rejection(p, r, &cursor, &one)) {
		zval entry;
		array_init_size(&entry, 5);
		put_str(&entry, PHP_LOYALTY_K_SOURCE, source_name(x->source));
		put_stringl(&entry, PHP_LOYALTY_K_ID, x->id.ptr, x->id.len);
		put_str(&entry, PHP_LOYALTY_K_REASON, php_loyalty_keys[PHP_LOYALTY_K_REASON_FIRST + x->reason]);
		put_stringl(&entry, PHP_LOYALTY_K_MESSAGE, message, lty_rejected_message(x, message, sizeof(message)));
		if (x->has_missing) {
			put_long(&entry, PHP_LOYALTY_K_MISSING, php_loyalty_saturate(x->missing));
		}
		add_next_index_zval(out, &entry);
	}
}

static void put_line(zval *out, const lty_result *r, const int64_t *discounts, const lty_cart_line *lines, size_t i, zval *sku)
{
	zval entry, null_sku;

	array_init_size(&entry, 3);
	if (sku != NULL) {
		ZVAL_DEREF(sku);
		Z_TRY_ADDREF_P(sku);
	} else {
		ZVAL_NULL(&null_sku);
		sku = &null_sku;
	}
	zend_hash_add_new(Z_ARRVAL(entry), PHP_LOYALTY_K(PHP_LOYALTY_K_SKU), sku);
	put_long(&entry, PHP_LOYALTY_K_AMOUNT, (zend_long) lines[i].amount);
	put_long(&entry, PHP_LOYALTY_K_DISCOUNT, (zend_long) discounts[i]);
	if (r->line_points != NULL) { /* with earn.exclude or earn.bonus (SPEC 13) */
		put_long(&entry, PHP_LOYALTY_K_POINTS, (zend_long) r->line_points[i]);
	}
	add_next_index_zval(out, &entry);
}

/* `lines`: the cart's as read (count of them), `cart_lines` its PHP array (skus), NULL when the
 * cart gave a subtotal. The held array is the cart's at evaluate() unless it is an object's
 * property table (`(array) $object`) that array_walk() wrote in place since: then a line may be
 * anything or gone, and its sku reads as it became, or null; never more or fewer lines. */
static void build_lines(zval *out, const lty_result *r, const int64_t *discounts, const lty_cart_line *lines, size_t count,
	zval *cart_lines)
{
	zval *line;
	size_t i = 0;

	array_init_size(out, (uint32_t) count);
	if (cart_lines == NULL) {
		return;
	}
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(cart_lines), line) {
		if (i >= count) {
			break;
		}
		ZVAL_DEREF(line);
		put_line(out, r, discounts, lines, i, Z_TYPE_P(line) == IS_ARRAY ? php_loyalty_key_lookup(Z_ARRVAL_P(line), PHP_LOYALTY_K_SKU) : NULL);
		i++;
	} ZEND_HASH_FOREACH_END();
	for (; i < count; i++) {
		put_line(out, r, discounts, lines, i, NULL);
	}
}

void php_loyalty_segment_names(const php_loyalty_compiled *compiled, const uint8_t *memo, zval *out)
{
	size_t i, count = compiled->program->segment_count, in = lty_membership_count(compiled->program, memo);

	array_init_size(out, (uint32_t) in);
	if (in == 0) {
		return;
	}
	/* a list of known size: filled in place */
	zend_hash_real_init_packed(Z_ARRVAL_P(out));
	ZEND_HASH_FILL_PACKED(Z_ARRVAL_P(out)) {
		for (i = 0; i < count; i++) {
			uint32_t s = compiled->sorted[i];
			if (memo[s] == LTY_MEMO_YES) {
				ZEND_HASH_FILL_SET_STR_COPY(compiled->names[s]);
				ZEND_HASH_FILL_NEXT();
			}
		}
	} ZEND_HASH_FILL_END();
}

/* A Result keeps what it needs to build its lists (`applied`, `rejected`, `lines`, `segments`)
 * on first read: most callers read only the totals, and the lists are most of the cost. */
typedef struct {
	lty_arena arena;             /* the core result's arrays and messages, the segment memo */
	lty_result r;
	uint8_t *memo;               /* the segments tested (LTY_MEMO_YES: in) */
	bool memo_pending;           /* some not yet: `customer` and `now` test them */
	lty_customer customer;       /* when memo_pending: kept (keep_customer()), its strings held */
	size_t attr_count;           /* its attributes */
	zend_long now;
	size_t line_count;
	const lty_cart_line *lines;
	zval cart_lines;             /* the cart's `lines` array, for the skus; UNDEF when none */
	zend_object *program;        /* owns the rule ids the rejections point to; NULL once built */
	zend_object std;
} result_obj;

static zend_object_handlers result_handlers;

static inline result_obj *result_from_obj(zend_object *obj)
{
	return (result_obj *) ((char *) obj - XtOffsetOf(result_obj, std));
}

/* A string the customer lends is a zend_string's bytes (php_loyalty_customer()). */
static zend_always_inline zend_string *lent_string(const lty_str *s)
{
	return (zend_string *) (void *) (s->ptr - XtOffsetOf(zend_string, val));
}

static zend_always_inline void hold(const lty_str *s)
{
	if (s->ptr != NULL) {
		zend_string_addref(lent_string(s));
	}
}

static zend_always_inline void let_go(const lty_str *s)
{
	if (s->ptr != NULL) {
		zend_string_release(lent_string(s));
	}
}

/* The list's items at *at, each held. */
static lty_str_list keep_list(const lty_str_list *from, lty_str **at)
{
	lty_str_list to = { NULL, 0 };
	size_t i;

	if (from->count == 0) {
		return to; /* *at may be NULL: no offset from it */
	}
	to.items = *at;
	to.count = from->count;
	for (i = 0; i < from->count; i++) {
		(*at)[i] = from->items[i];
		hold(&from->items[i]);
	}
	*at += from->count;
	return to;
}

/* The customer for the segments read late: its lists' items and attributes copied into the
 * arena (they are in the engine's scratch), and every string it lends held. A held string is
 * never changed in place, and stays when the array lets go of it: whatever the caller then does
 * to the array, its references or an object it came from, the answer is evaluate()'s. */
static bool keep_customer(lty_arena *arena, const lty_customer *from, size_t attr_count, lty_customer *to)
{
	size_t items = from->groups.count + from->carriers.count + from->bought.count, i; /* each at most LTY_MAX_CUSTOMER_LIST */
	lty_scalar *attrs = NULL;
	lty_str *at = NULL;

	if (attr_count > 0 && (attrs = lty_arena_array_raw(arena, attr_count, sizeof(lty_scalar))) == NULL) {
		return false;
	}
	if (items > 0 && (at = lty_arena_array_raw(arena, items, sizeof(lty_str))) == NULL) {
		return false;
	}
	*to = *from;
	to->uses = NULL; /* read by checkout only */
	to->attrs = attrs;
	for (i = 0; i < attr_count; i++) {
		attrs[i] = from->attrs[i];
		if (attrs[i].kind == LTY_SCALAR_STRING) {
			hold(&attrs[i].u.s);
		}
	}
	to->groups = keep_list(&from->groups, &at);
	to->carriers = keep_list(&from->carriers, &at);
	to->bought = keep_list(&from->bought, &at);
	hold(&to->city);
	hold(&to->postcode);
	hold(&to->country);
	return true;
}

static void let_go_list(const lty_str_list *l)
{
	size_t i;

	for (i = 0; i < l->count; i++) {
		let_go(&l->items[i]);
	}
}

static void let_go_customer(const lty_customer *c, size_t attr_count)
{
	size_t i;

	let_go(&c->city);
	let_go(&c->postcode);
	let_go(&c->country);
	let_go_list(&c->groups);
	let_go_list(&c->carriers);
	let_go_list(&c->bought);
	for (i = 0; i < attr_count; i++) {
		if (c->attrs[i].kind == LTY_SCALAR_STRING) {
			let_go(&c->attrs[i].u.s);
		}
	}
}

/* Lets go of what the lazy properties are built from. */
static void release_sources(result_obj *obj)
{
	if (obj->memo_pending) { /* before the arena: the lists' items are in it */
		let_go_customer(&obj->customer, obj->attr_count);
		obj->memo_pending = false;
	}
	lty_arena_free(&obj->arena);
	zval_ptr_dtor(&obj->cart_lines);
	ZVAL_UNDEF(&obj->cart_lines);
	OBJ_RELEASE(obj->program);
	obj->program = NULL;
}

/* Builds the lazy properties (once: obj->program is NULL afterwards). */
static void materialize(zend_object *object)
{
	result_obj *obj = result_from_obj(object);
	const int64_t *discounts;
	lty_error err;

	if (obj->program == NULL) {
		return;
	}
	build_applied(OBJ_PROP_NUM(object, P_APPLIED), &obj->r);
	if (obj->memo_pending) {
		lty_membership_complete(php_loyalty_program_from_obj(obj->program)->program, &obj->customer, obj->now, obj->memo);
	}
	php_loyalty_segment_names(php_loyalty_program_from_obj(obj->program)->compiled, obj->memo, OBJ_PROP_NUM(object, P_SEGMENTS));
	build_rejected(OBJ_PROP_NUM(object, P_REJECTED), php_loyalty_program_from_obj(obj->program)->program, &obj->r);
	discounts = obj->line_count > 0 ? lty_result_line_discounts(&obj->r, &obj->arena, &err) : NULL;
	build_lines(OBJ_PROP_NUM(object, P_LINES), &obj->r, discounts, obj->lines, obj->line_count,
		Z_TYPE(obj->cart_lines) != IS_UNDEF && discounts != NULL ? &obj->cart_lines : NULL);
	if (obj->line_count > 0 && discounts == NULL) {
		zend_throw_error(NULL, "Result: out of memory");
	}
	release_sources(obj);
}

static bool lazy_name(zend_string *name)
{
	return zend_string_equals_literal(name, "applied") || zend_string_equals_literal(name, "rejected")
		|| zend_string_equals_literal(name, "lines") || zend_string_equals_literal(name, "segments");
}

/* Whether the class's default properties hold nothing counted (each typed property without a
 * default is UNDEF): then a copy of their bytes is what object_properties_init() does, property
 * by property. Decided once, at startup. */
static bool result_defaults_plain;

static zend_object *result_create(zend_class_entry *ce)
{
	result_obj *obj = zend_object_alloc(sizeof(result_obj), ce);

	zend_object_std_init(&obj->std, ce);
	if (EXPECTED(result_defaults_plain && ce == php_loyalty_result_ce)) {
		memcpy(obj->std.properties_table, CE_DEFAULT_PROPERTIES_TABLE(ce), sizeof(zval) * ce->default_properties_count);
	} else {
		object_properties_init(&obj->std, ce);
	}
	obj->std.handlers = &result_handlers;
	ZVAL_UNDEF(&obj->cart_lines);
	obj->memo_pending = false;
	obj->program = NULL;
	return &obj->std;
}

static void result_free(zend_object *object)
{
	result_obj *obj = result_from_obj(object);

	if (obj->program != NULL) { /* never read */
		release_sources(obj);
	}
	zend_object_std_dtor(object);
}

static zval *result_read_property(zend_object *object, zend_string *name, int type, void **cache_slot, zval *rv)
{
	if (result_from_obj(object)->program != NULL && lazy_name(name)) {
		materialize(object);
	}
	return zend_std_read_property(object, name, type, cache_slot, rv);
}

static int result_has_property(zend_object *object, zend_string *name, int check_empty, void **cache_slot)
{
	if (result_from_obj(object)->program != NULL && lazy_name(name)) {
		materialize(object);
	}
	return zend_std_has_property(object, name, check_empty, cache_slot);
}

static zval *result_write_property(zend_object *object, zend_string *name, zval *value, void **cache_slot)
{
	materialize(object); /* so that PHP reports a readonly property, not an uninitialized one */
	return zend_std_write_property(object, name, value, cache_slot);
}

static void result_unset_property(zend_object *object, zend_string *name, void **cache_slot)
{
	materialize(object);
	zend_std_unset_property(object, name, cache_slot);
}

static zval *result_get_property_ptr_ptr(zend_object *object, zend_string *name, int type, void **cache_slot)
{
	materialize(object);
	return zend_std_get_property_ptr_ptr(object, name, type, cache_slot);
}

static HashTable *result_get_properties(zend_object *object)
{
	materialize(object);
	return zend_std_get_properties(object);
}

static int result_compare(zval *a, zval *b)
{
	if (Z_TYPE_P(a) == IS_OBJECT && Z_OBJ_HT_P(a) == &result_handlers) {
		materialize(Z_OBJ_P(a));
	}
	if (Z_TYPE_P(b) == IS_OBJECT && Z_OBJ_HT_P(b) == &result_handlers) {
		materialize(Z_OBJ_P(b));
	}
	return zend_std_compare_objects(a, b);
}

static zend_object *result_clone(zend_object *object)
{
	zend_object *copy;

	materialize(object);
	copy = result_create(object->ce);
	zend_objects_clone_members(copy, object);
	return copy;
}

static HashTable *result_get_gc(zend_object *object, zval **table, int *n)
{
	result_obj *obj = result_from_obj(object);
	zend_get_gc_buffer *buf = zend_get_gc_buffer_create();

	zend_get_gc_buffer_add_zval(buf, &obj->cart_lines);
	if (obj->program != NULL) {
		zend_get_gc_buffer_add_obj(buf, obj->program);
	}
	zend_get_gc_buffer_use(buf, table, n);
	return zend_std_get_properties(object);
}

zend_result php_loyalty_result_fits(const lty_result *r)
{
#if SIZEOF_ZEND_LONG == 4
	/* the core's messages for 64 bits, with 32 (the lines and the applied rules are parts of these) */
	const char *const messages[] = { "cart: subtotal overflows 32-bit minor units", "cart: discount overflows 32-bit minor units",
		"cart: shipping overflows 32-bit minor units", "cart: shipping discount overflows 32-bit minor units",
		"cart: total overflows 32-bit minor units", "cart: points earned overflow 32 bits",
		"customer.points: points spent overflow 32 bits", "customer.points: balance overflows 32 bits" };
	const int64_t values[] = { r->subtotal, r->discount, r->shipping, r->shipping_discount, r->total, r->points_earned,
		r->points_spent, r->points_balance };
	size_t i;

	for (i = 0; i < sizeof(values) / sizeof(values[0]); i++) {
		if (!php_loyalty_fits(values[i])) {
			php_loyalty_throw_fmt(php_loyalty_input_exception_ce, "%s", messages[i]);
			return FAILURE;
		}
	}
#else
	(void) r;
#endif
	return SUCCESS;
}

void php_loyalty_result_build(zval *out, const lty_result *r, lty_arena *arena, const lty_cart *cart,
	zval *cart_lines, bool line_refs, const lty_customer *customer, zend_long now, const uint8_t *memo,
	zend_object *program)
{
	const lty_program *p = php_loyalty_program_from_obj(program)->program;
	zend_object *object;
	result_obj *obj;
	uint8_t *kept;
	lty_customer kept_customer;
	bool pending = lty_membership_pending(p, memo);

	if ((kept = lty_arena_array_raw(arena, p->segment_count, 1)) == NULL) {
		zend_throw_error(NULL, "evaluate: out of memory");
		return;
	}
	memcpy(kept, memo, p->segment_count);
	/* The segments still to test read a kept customer later; they are tested now when the
	 * cart's references have everything built now, and when the customer's lists are long
	 * (a list of a million entries would be kept for a read that may never come). */
	if (pending && (line_refs || customer->groups.count + customer->carriers.count + customer->bought.count
			> LTY_MAX_RESULT_KEPT_ITEMS)) {
		lty_membership_complete(p, customer, now, kept);
		pending = false;
	} else if (pending && !keep_customer(arena, customer, p->attr_count, &kept_customer)) {
		zend_throw_error(NULL, "evaluate: out of memory");
		return;
	}
	object_init_ex(out, php_loyalty_result_ce);
	object = Z_OBJ_P(out);
	obj = result_from_obj(object);
	ZVAL_LONG(OBJ_PROP_NUM(object, P_SUBTOTAL), (zend_long) r->subtotal);
	ZVAL_LONG(OBJ_PROP_NUM(object, P_DISCOUNT), (zend_long) r->discount);
	ZVAL_LONG(OBJ_PROP_NUM(object, P_SHIPPING), (zend_long) r->shipping);
	ZVAL_LONG(OBJ_PROP_NUM(object, P_SHIPPING_DISCOUNT), (zend_long) r->shipping_discount);
	ZVAL_BOOL(OBJ_PROP_NUM(object, P_FREE_SHIPPING), r->free_shipping);
	ZVAL_LONG(OBJ_PROP_NUM(object, P_TOTAL), (zend_long) r->total);
	ZVAL_LONG(OBJ_PROP_NUM(object, P_POINTS_EARNED), (zend_long) r->points_earned);
	ZVAL_LONG(OBJ_PROP_NUM(object, P_POINTS_SPENT), (zend_long) r->points_spent);
	ZVAL_LONG(OBJ_PROP_NUM(object, P_POINTS_BALANCE), (zend_long) r->points_balance);
	/* the lists stay UNDEF until read: the read handlers build them then */
	obj->arena = *arena;             /* the Result owns the arena from here */
	lty_arena_init(arena, arena->allocator);
	obj->memo = kept;
	obj->memo_pending = pending;
	if (pending) {
		obj->customer = kept_customer;
		obj->attr_count = p->attr_count;
		obj->now = now;
	}
	obj->r = *r;
	obj->lines = cart->lines;
	obj->line_count = cart->has_lines ? cart->line_count : 0;
	if (cart_lines != NULL && cart->has_lines) {
		ZVAL_COPY(&obj->cart_lines, cart_lines);
	}
	GC_ADDREF(program);
	obj->program = program; /* pending from here */
	if (line_refs) { /* skus behind PHP references could change before a late read: read them now */
		materialize(object);
	}
}

void php_loyalty_result_setup(zend_class_entry *ce)
{
	int i;

	result_defaults_plain = true;
	for (i = 0; i < ce->default_properties_count; i++) {
		result_defaults_plain &= !Z_REFCOUNTED(CE_DEFAULT_PROPERTIES_TABLE(ce)[i]);
	}
	ce->create_object = result_create;
	memcpy(&result_handlers, zend_get_std_object_handlers(), sizeof(zend_object_handlers));
	result_handlers.offset = XtOffsetOf(result_obj, std);
	result_handlers.free_obj = result_free;
	result_handlers.read_property = result_read_property;
	result_handlers.has_property = result_has_property;
	result_handlers.write_property = result_write_property;
	result_handlers.unset_property = result_unset_property;
	result_handlers.get_property_ptr_ptr = result_get_property_ptr_ptr;
	result_handlers.get_properties = result_get_properties;
	result_handlers.compare = result_compare;
	result_handlers.clone_obj = result_clone;
	result_handlers.get_gc = result_get_gc;
}

static void result_to_array(zend_object *obj, zval *out)
{
	int i;

	materialize(obj);
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
