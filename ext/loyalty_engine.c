/* Loyalty\Engine: answers questions about customers with one Program. */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "php.h"
#include "zend_exceptions.h"
#include "zend_interfaces.h"

#include "php_loyalty.h"
#include "../src/base/lty_checked.h"

static zend_object_handlers engine_handlers;

static inline php_loyalty_engine_obj *engine_from_obj(zend_object *obj)
{
	return (php_loyalty_engine_obj *) ((char *) obj - XtOffsetOf(php_loyalty_engine_obj, std));
}

static zend_object *engine_create(zend_class_entry *ce)
{
	php_loyalty_engine_obj *obj = zend_object_alloc(sizeof(php_loyalty_engine_obj), ce);

	zend_object_std_init(&obj->std, ce);
	object_properties_init(&obj->std, ce);
	obj->std.handlers = &engine_handlers;
	obj->program_obj = NULL;
	obj->program = NULL;
	memset(&obj->scratch, 0, sizeof(obj->scratch));
	return &obj->std;
}

static void engine_free(zend_object *object)
{
	php_loyalty_engine_obj *obj = engine_from_obj(object);

	php_loyalty_scratch_free(&obj->scratch);
	if (obj->program_obj) {
		OBJ_RELEASE(obj->program_obj);
	}
	zend_object_std_dtor(object);
}

/* The engine of $this, or NULL with an Error when its constructor did not complete. */
php_loyalty_engine_obj *php_loyalty_engine_of(zval *this_zv)
{
	php_loyalty_engine_obj *obj = engine_from_obj(Z_OBJ_P(this_zv));

	if (obj->program == NULL) {
		zend_throw_error(NULL, "Loyalty\\Engine is not initialized");
		return NULL;
	}
	return obj;
}

ZEND_METHOD(Loyalty_Engine, __construct)
{
	php_loyalty_engine_obj *obj = engine_from_obj(Z_OBJ_P(ZEND_THIS));
	zend_object *program_obj = NULL;
	zval *arg;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_ZVAL(arg)
	ZEND_PARSE_PARAMETERS_END();

	if (obj->program != NULL) {
		zend_throw_error(NULL, "Loyalty\\Engine is already constructed");
		RETURN_THROWS();
	}
	/* Release builds do not check arginfo types for internal functions: do it here. */
	if (Z_TYPE_P(arg) == IS_OBJECT && instanceof_function(Z_OBJCE_P(arg), php_loyalty_program_ce)) {
		program_obj = Z_OBJ_P(arg);
		if (php_loyalty_program_from_obj(program_obj)->program == NULL) {
			zend_throw_error(NULL, "Loyalty\\Program is not initialized");
			RETURN_THROWS();
		}
		GC_ADDREF(program_obj);
	} else if (Z_TYPE_P(arg) == IS_ARRAY) {
		program_obj = php_loyalty_program_from_array(arg);
	} else {
		zend_string *json;
		if (!zend_parse_arg_str(arg, &json, false, 1)) {
			zend_argument_type_error(1, "must be of type Loyalty\\Program|array|string, %s given", zend_zval_type_name(arg));
			RETURN_THROWS();
		}
		program_obj = php_loyalty_program_from_json(json);
	}
	if (program_obj == NULL) {
		RETURN_THROWS();
	}
	/* __toString() of the argument may have run user code that constructed this engine. */
	if (obj->program != NULL) {
		OBJ_RELEASE(program_obj);
		zend_throw_error(NULL, "Loyalty\\Engine is already constructed");
		RETURN_THROWS();
	}
	obj->program_obj = program_obj;
	obj->program = php_loyalty_program_from_obj(program_obj)->program;
	php_loyalty_scratch_init(&obj->scratch, obj->program);
}

ZEND_METHOD(Loyalty_Engine, program)
{
	php_loyalty_engine_obj *obj;

	ZEND_PARSE_PARAMETERS_NONE();
	if ((obj = php_loyalty_engine_of(ZEND_THIS)) == NULL) {
		RETURN_THROWS();
	}
	GC_ADDREF(obj->program_obj);
	RETURN_OBJ(obj->program_obj);
}

/* Index of a named segment, or -1 with a ConfigException. */
static int segment_arg(const lty_program *program, zend_string *name)
{
	int index = lty_program_segment_index(program, ZSTR_VAL(name), ZSTR_LEN(name));
	char shown[96];

	if (index < 0) {
		php_loyalty_throw_fmt(php_loyalty_config_exception_ce, "segment: unknown segment '%s'",
			php_loyalty_printable(shown, sizeof(shown), ZSTR_VAL(name), ZSTR_LEN(name)));
	}
	return index;
}

/* The `fields` of the customer argument (checked), into the engine's scratch. */
static zend_result read_customer(php_loyalty_engine_obj *obj, HashTable *ht, zend_long now, uint32_t fields, lty_customer *out)
{
	php_loyalty_where at;

	php_loyalty_where_fixed(&at, "customer");
	return php_loyalty_customer(obj->program, ht, now, &at, fields, &obj->scratch, out);
}

ZEND_METHOD(Loyalty_Engine, segmentsOf)
{
	php_loyalty_engine_obj *obj;
	HashTable *customer_ht;
	zval *now_zv = NULL;
	zend_long now;
	lty_customer customer;

	ZEND_PARSE_PARAMETERS_START(1, 2)
		Z_PARAM_ARRAY_HT(customer_ht)
		Z_PARAM_OPTIONAL
		Z_PARAM_ZVAL_OR_NULL(now_zv)
	ZEND_PARSE_PARAMETERS_END();

	if ((obj = php_loyalty_engine_of(ZEND_THIS)) == NULL || php_loyalty_now(now_zv, 2, "now", &now) == FAILURE
			|| read_customer(obj, customer_ht, now, LTY_FIELDS_ALL, &customer) == FAILURE) {
		RETURN_THROWS();
	}
	memset(obj->scratch.memo, 0, obj->program->segment_count);
	lty_membership_complete(obj->program, &customer, now, obj->scratch.memo);
	php_loyalty_segment_names(php_loyalty_program_from_obj(obj->program_obj)->compiled, obj->scratch.memo, return_value);
}

ZEND_METHOD(Loyalty_Engine, evaluate)
{
	php_loyalty_engine_obj *obj;
	HashTable *cart_ht, *customer_ht;
	zval *now_zv = NULL;
	zend_long now;
	lty_customer customer;
	lty_cart cart;
	lty_result result;
	lty_arena arena;
	lty_error err; /* on the stack as backtest's: an emalloc() of its 9 KiB was a large block each call */
	bool line_refs = false;
	int64_t utc_offset = 0;

	ZEND_PARSE_PARAMETERS_START(2, 3)
		Z_PARAM_ARRAY_HT(cart_ht)
		Z_PARAM_ARRAY_HT(customer_ht)
		Z_PARAM_OPTIONAL
		Z_PARAM_ZVAL_OR_NULL(now_zv)
	ZEND_PARSE_PARAMETERS_END();

	/* The customer first: reading its dates may run user code, before any string is borrowed. */
	if ((obj = php_loyalty_engine_of(ZEND_THIS)) == NULL || php_loyalty_now(now_zv, 3, "now", &now) == FAILURE
			|| read_customer(obj, customer_ht, now, LTY_FIELDS_ALL, &customer) == FAILURE) {
		RETURN_THROWS();
	}
	if (obj->program->has_clock && !php_loyalty_utc_offset(obj->program->timezone.ptr, obj->program->timezone.len, now, &utc_offset)) {
		php_loyalty_throw_fmt(php_loyalty_input_exception_ce, "now: the offsets of timezone %s cannot be read", obj->program->timezone.ptr);
		RETURN_THROWS();
	}
	lty_arena_init(&arena, &php_loyalty_allocator);
	if (php_loyalty_cart(obj->program, cart_ht, &arena, &cart, &line_refs) == FAILURE) {
		lty_arena_free(&arena);
		RETURN_THROWS();
	}
	if (lty_checkout_evaluate(obj->program, &cart, &customer, now, utc_offset, obj->scratch.memo, &arena, &result, &err) != LTY_OK) {
		php_loyalty_throw(&err);
	} else if (php_loyalty_result_fits(&result) == SUCCESS) {
		php_loyalty_result_build(return_value, &result, &arena, &cart, PHP_LOYALTY_KEY(cart_ht, LINES),
			line_refs, &customer, now, obj->scratch.memo, obj->program_obj);
	}
	lty_arena_free(&arena);
}

ZEND_METHOD(Loyalty_Engine, inSegment)
{
	php_loyalty_engine_obj *obj;
	zend_string *segment;
	HashTable *customer_ht;
	zval *now_zv = NULL;
	zend_long now;
	lty_customer customer;
	lty_membership m;
	int index;

	ZEND_PARSE_PARAMETERS_START(2, 3)
		Z_PARAM_STR(segment)
		Z_PARAM_ARRAY_HT(customer_ht)
		Z_PARAM_OPTIONAL
		Z_PARAM_ZVAL_OR_NULL(now_zv)
	ZEND_PARSE_PARAMETERS_END();

	if ((obj = php_loyalty_engine_of(ZEND_THIS)) == NULL || (index = segment_arg(obj->program, segment)) < 0
			|| php_loyalty_now(now_zv, 3, "now", &now) == FAILURE
			|| read_customer(obj, customer_ht, now, obj->program->segment_fields[index], &customer) == FAILURE) {
		RETURN_THROWS();
	}
	lty_membership_init(&m, obj->program, &customer, now, obj->scratch.memo);
	RETURN_BOOL(lty_membership_test(&m, index));
}

typedef struct {
	php_loyalty_engine_obj *engine;
	int segment;
	zend_long now;
	zval *result;
	bool user_code_between;      /* rows from a Traversable: its steps run user code */
	const lty_expr *alone;       /* the segment's expression when it reads no other segment */
	lty_customer customer;       /* the row being tested */
	php_loyalty_rows rows;       /* reads them into `customer` */
	lty_membership m;            /* over `customer`, set once per call */
} filter_state;

/* The id of a matching customer, or its key when it has none; FAILURE with an exception. */
static zend_result add_id(filter_state *st, php_loyalty_where *at, zval *key, HashTable *customer)
{
	zval *id = php_loyalty_key_lookup(customer, PHP_LOYALTY_K_ID);

	if (id != NULL) {
		ZVAL_DEREF(id);
	}
	if (id != NULL && Z_TYPE_P(id) != IS_NULL) { /* null is the same as no id */
		if (Z_TYPE_P(id) != IS_LONG && Z_TYPE_P(id) != IS_STRING) {
			php_loyalty_throw_fmt(php_loyalty_input_exception_ce, "%s.id: expected int or string, got %s",
				php_loyalty_where_path(at), zend_zval_type_name(id));
			return FAILURE;
		}
	} else {
		id = key;
		if (Z_TYPE_P(id) != IS_LONG && Z_TYPE_P(id) != IS_STRING) {
			php_loyalty_throw_fmt(php_loyalty_input_exception_ce,
				"%s: a customer without id needs an int or string key, got %s", php_loyalty_where_path(at),
				zend_zval_type_name(id));
			return FAILURE;
		}
	}
	Z_TRY_ADDREF_P(id);
	/* appended in place: the result is a packed list only this call sees */
	ZEND_HASH_FILL_PACKED(Z_ARRVAL_P(st->result)) {
		ZEND_HASH_FILL_GROW();
		ZEND_HASH_FILL_ADD(id);
	} ZEND_HASH_FILL_END();
	return SUCCESS;
}

/* Whether the row just read is in the segment. */
static zend_always_inline bool row_matches(filter_state *st)
{
	/* a custom segment reading no other needs no memo: its expression alone */
	return st->alone != NULL ? lty_membership_matches(&st->m, st->alone)
		: (lty_membership_forget(&st->m), lty_membership_test(&st->m, st->segment));
}

/* filter_one() for a row in another form than a database gives, or not an array: read by the
 * whole reader, which reports what is wrong and may run user code. */
static zend_never_inline zend_result filter_one_slowly(filter_state *st, zval *key, zval *item)
{
	php_loyalty_where at;
	zend_result result = SUCCESS;
	HashTable *row;

	php_loyalty_where_item(&at, "customers", key); /* written out only for a message */
	if (Z_TYPE_P(item) != IS_ARRAY) {
		php_loyalty_throw_fmt(php_loyalty_input_exception_ce, "%s: expected array, got %s", php_loyalty_where_path(&at),
			zend_zval_type_name(item));
		return FAILURE;
	}
	/* Hold the row: user code (a DateTimeInterface subclass) could otherwise drop it mid-read.
	 * Released without zval_ptr_dtor(), which would hand the row to the cycle collector. */
	row = Z_ARRVAL_P(item);
	GC_TRY_ADDREF(row);
	if (php_loyalty_rows_read(&st->rows, row, st->now, &at) == FAILURE) {
		result = FAILURE;
	} else if (row_matches(st)) {
		result = add_id(st, &at, key, row);
	}
	if (!(GC_FLAGS(row) & GC_IMMUTABLE) && GC_REFCOUNT(row) == 1) {
		st->rows.zone = NULL; /* dropped while read: freeing it runs its objects' destructors */
	}
	zend_array_release(row);
	return result;
}

/* Tests one customer; adds its id (or key) to the result. FAILURE with an exception. A row in
 * the forms a database gives is read inline, and runs no user code: it needs no hold. */
static zend_always_inline zend_result filter_one(void *ctx, zval *key, zval *item)
{
	filter_state *st = ctx;

	ZVAL_DEREF(item);
	if (st->user_code_between) {
		st->rows.zone = NULL; /* date_default_timezone_set() may have run */
	}
	if (EXPECTED(Z_TYPE_P(item) == IS_ARRAY) && php_loyalty_rows_quick(&st->rows, Z_ARRVAL_P(item))) {
		php_loyalty_where at;
		if (!row_matches(st)) {
			return SUCCESS;
		}
		php_loyalty_where_item(&at, "customers", key);
		return add_id(st, &at, key, Z_ARRVAL_P(item));
	}
	return filter_one_slowly(st, key, item);
}

/* A list of a million rows is read from memory, not from the caches: each row's table, then
 * the Buckets where the rows before held the segment's keys, then their strings, are asked for
 * these many rows ahead, each once the step before has brought what it reads. */
#define AHEAD_TABLE 12
#define AHEAD_BUCKETS 6
#define AHEAD_STRINGS 3

/* filter() over a list: as php_loyalty_each_of_array(), with the rows ahead asked for. The
 * Buckets asked for are where the rows held the segment's keys when the call began. */
static zend_result filter_list(const HashTable *list, filter_state *st)
{
	uint32_t i, k, n = list->nNumUsed, at[4], count = st->rows.key_count, dates = st->rows.date_count;
	zval key;

	for (k = 0; k < 4; k++) { /* past the keys, the last one's place again: asked for in one go */
		at[k] = count == 0 ? 0 : LOYALTY_G(key_at)[st->rows.keys[k < count ? k : count - 1]];
	}
	for (i = 0; i < n; i++) {
		zval *item = &list->arPacked[i];
		if (i + AHEAD_TABLE < n) { /* the last rows are asked for when the rows before them are read */
			const HashTable *ahead;
			if (Z_TYPE(item[AHEAD_TABLE]) == IS_ARRAY) {
				LTY_PREFETCH(Z_ARRVAL(item[AHEAD_TABLE]));
			}
			/* a prefetch never faults: a packed row's Buckets are asked for as if it had some */
			if (Z_TYPE(item[AHEAD_BUCKETS]) == IS_ARRAY) {
				ahead = Z_ARRVAL(item[AHEAD_BUCKETS]);
				LTY_PREFETCH(ahead->arData + at[0]);
				LTY_PREFETCH(ahead->arData + at[1]);
				LTY_PREFETCH(ahead->arData + at[2]);
				LTY_PREFETCH(ahead->arData + at[3]);
			}
			/* the dates' strings: the other fields are read in their Buckets */
			if (Z_TYPE(item[AHEAD_STRINGS]) == IS_ARRAY && !HT_IS_PACKED(ahead = Z_ARRVAL(item[AHEAD_STRINGS]))) {
				for (k = 0; k < dates; k++) {
					if (at[k] < ahead->nNumUsed && Z_TYPE(ahead->arData[at[k]].val) == IS_STRING) {
						LTY_PREFETCH(Z_STR(ahead->arData[at[k]].val));
					}
				}
			}
		}
		if (Z_TYPE_P(item) == IS_UNDEF) {
			continue;
		}
		ZVAL_LONG(&key, (zend_long) i);
		if (filter_one(st, &key, item) == FAILURE) {
			return FAILURE;
		}
	}
	return SUCCESS;
}

ZEND_METHOD(Loyalty_Engine, filter)
{
	php_loyalty_engine_obj *obj;
	zend_string *segment;
	zval *customers, *now_zv = NULL;
	filter_state st;
	zend_result ok;

	ZEND_PARSE_PARAMETERS_START(2, 3)
		Z_PARAM_STR(segment)
		Z_PARAM_ITERABLE(customers)
		Z_PARAM_OPTIONAL
		Z_PARAM_ZVAL_OR_NULL(now_zv)
	ZEND_PARSE_PARAMETERS_END();

	if ((obj = php_loyalty_engine_of(ZEND_THIS)) == NULL || (st.segment = segment_arg(obj->program, segment)) < 0
			|| php_loyalty_now(now_zv, 3, "now", &st.now) == FAILURE) {
		RETURN_THROWS();
	}
	st.engine = obj;
	st.result = return_value;
	st.user_code_between = Z_TYPE_P(customers) != IS_ARRAY;
	st.alone = obj->program->segments[st.segment].expr;
	if (st.alone != NULL) {
		size_t refs;
		lty_expr_segment_refs(st.alone, &refs);
		st.alone = refs == 0 ? st.alone : NULL;
	}
	php_loyalty_rows_init(&st.rows, obj->program, obj->program->segment_fields[st.segment], &obj->scratch, &st.customer);
	lty_membership_resume(&st.m, obj->program, &st.customer, st.now, obj->scratch.memo);
	array_init(return_value);
	zend_hash_real_init_packed(Z_ARRVAL_P(return_value)); /* add_id() fills it */
	/* Keep the engine alive even if a generator drops the last reference to it. */
	GC_ADDREF(&obj->std);
	ok = Z_TYPE_P(customers) == IS_ARRAY
		? (HT_IS_PACKED(Z_ARRVAL_P(customers)) ? filter_list(Z_ARRVAL_P(customers), &st)
			: php_loyalty_each_of_array(Z_ARRVAL_P(customers), filter_one, &st))
		: php_loyalty_iterate(customers, filter_one, &st);
	OBJ_RELEASE(&obj->std);
	if (ok == FAILURE) {
		zval_ptr_dtor(return_value);
		ZVAL_UNDEF(return_value);
		RETURN_THROWS();
	}
}

void php_loyalty_engine_setup(zend_class_entry *ce)
{
	ce->create_object = engine_create;
	memcpy(&engine_handlers, zend_get_std_object_handlers(), sizeof(zend_object_handlers));
	engine_handlers.offset = XtOffsetOf(php_loyalty_engine_obj, std);
	engine_handlers.free_obj = engine_free;
	engine_handlers.clone_obj = NULL;
}
