/* Engine::backtest() and Loyalty\Report (SPEC 12, 13): the sums of what evaluate()
 * would have returned over past orders, for the engine's program and a draft. One row
 * in memory at a time, no Result per row; a bad row is counted and the run goes on. */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "php.h"
#include "zend_exceptions.h"
#include "ext/date/php_date.h"

#include "php_loyalty.h"
#include "../src/checkout/lty_backtest.h"

#define MESSAGES_KEPT 10
#define PROGRESS_EVERY 10000

enum { R_ORDERS, R_FAILED, R_CURRENT, R_DRAFT, R_DELTA, R_COUNT };
static const char *const report_keys[R_COUNT] = { "orders", "failed", "current", "draft", "delta" };

typedef struct {
	const lty_program *program;
	php_loyalty_scratch *scratch; /* the engine's, or `own` for the draft */
	php_loyalty_scratch own;
	lty_tally tally;
} side;

typedef struct {
	side sides[2];            /* the engine's program, then the draft's */
	size_t side_count;
	lty_arena arena;          /* the tallies */
	zend_long rows;
	zend_long failed;
	zval by_class;            /* class name => rows */
	zval messages;            /* the first MESSAGES_KEPT failures */
	bool fatal;               /* totals overflowed: the run stops */
	zend_long current_time;   /* `at` of rows without one */
	zend_fcall_info *progress;
	zend_fcall_info_cache *progress_cache;
} run;

/* The array at `key` of a row, or FAILURE with an InputException naming it. */
static zend_result row_array(HashTable *row, const char *key, zend_long n, HashTable **out)
{
	zval *zv = zend_hash_str_find_deref(row, key, strlen(key));

	if (zv == NULL || Z_TYPE_P(zv) == IS_NULL) {
		php_loyalty_throw_fmt(php_loyalty_input_exception_ce, "orders[" ZEND_LONG_FMT "].%s: is required", n, key);
		return FAILURE;
	}
	if (Z_TYPE_P(zv) != IS_ARRAY) {
		php_loyalty_throw_fmt(php_loyalty_input_exception_ce, "orders[" ZEND_LONG_FMT "].%s: expected array, got %s",
			n, key, zend_zval_type_name(zv));
		return FAILURE;
	}
	*out = Z_ARRVAL_P(zv);
	return SUCCESS;
}

static zend_result row_time(run *r, HashTable *row, zend_long n, zend_long *now)
{
	zval *at = zend_hash_str_find_deref(row, "at", 2);
	char path[64];

	if (at == NULL || Z_TYPE_P(at) == IS_NULL) {
		*now = r->current_time;
		return SUCCESS;
	}
	snprintf(path, sizeof(path), "orders[" ZEND_LONG_FMT "].at", n);
	return php_loyalty_date(at, r->current_time, path, now);
}

/* Evaluates one row under every program, then adds the answers: a row failing under either
 * counts in neither. */
/* 32-bit PHP: the sums must fit a PHP int too (those of each advantage are parts of these). */
static bool tally_fits(const lty_tally *t)
{
	return php_loyalty_fits(t->discount) && php_loyalty_fits(t->shipping_saved) && php_loyalty_fits(t->points_earned)
		&& php_loyalty_fits(t->points_spent) && php_loyalty_fits(t->loyalty_discount);
}

static zend_result evaluate_row(run *r, HashTable *row, zend_long n)
{
	HashTable *cart_ht, *customer_ht;
	lty_customer customers[2];
	lty_result results[2];
	lty_membership m;
	zend_long now;
	lty_arena arena;
	lty_error err;
	lty_cart carts[2];
	php_loyalty_where at;
	bool line_refs = false;
	zend_result ok = SUCCESS;
	size_t i;

	if (row_array(row, "cart", n, &cart_ht) == FAILURE || row_array(row, "customer", n, &customer_ht) == FAILURE
			|| row_time(r, row, n, &now) == FAILURE) {
		return FAILURE;
	}
	/* The customers first: reading their dates may run user code, before any string is borrowed. */
	for (i = 0; i < r->side_count; i++) {
		php_loyalty_where_fixed(&at, "customer");
		if (php_loyalty_customer(r->sides[i].program, customer_ht, now, &at, LTY_FIELDS_ALL,
				r->sides[i].scratch, &customers[i]) == FAILURE) {
			return FAILURE;
		}
	}
	lty_arena_init(&arena, &php_loyalty_allocator);
	for (i = 0; i < r->side_count; i++) {
		if (i > 0 && r->sides[0].program->line_attr_count == 0 && r->sides[i].program->line_attr_count == 0) {
			carts[i] = carts[0]; /* read once: only line attributes differ from one program to another */
			continue;
		}
		if (php_loyalty_cart(r->sides[i].program, cart_ht, &arena, &carts[i], &line_refs) == FAILURE) {
			lty_arena_free(&arena);
			return FAILURE;
		}
	}
	for (i = 0; ok == SUCCESS && i < r->side_count; i++) {
		const lty_program *p = r->sides[i].program;
		int64_t offset = 0;
		if (p->has_clock && !php_loyalty_utc_offset(p->timezone.ptr, p->timezone.len, now, &offset)) {
			php_loyalty_throw_fmt(php_loyalty_input_exception_ce, "orders[" ZEND_LONG_FMT "].at: the offsets of timezone %s cannot be read",
				n, p->timezone.ptr);
			ok = FAILURE;
		} else if (lty_checkout_evaluate(p, &carts[i], &customers[i], now, offset, r->sides[i].scratch->memo, &arena, &results[i], &err) != LTY_OK) {
			php_loyalty_throw(&err);
			ok = FAILURE;
		} else if (php_loyalty_result_fits(&results[i]) == FAILURE) {
			ok = FAILURE; /* what evaluate() would refuse (32-bit PHP): the row's fault */
		}
	}
	for (i = 0; ok == SUCCESS && i < r->side_count; i++) {
		lty_membership_resume(&m, r->sides[i].program, &customers[i], now, r->sides[i].scratch->memo);
		if (!lty_tally_add(&r->sides[i].tally, r->sides[i].program, &results[i], &m) || !tally_fits(&r->sides[i].tally)) {
			php_loyalty_throw_fmt(php_loyalty_input_exception_ce, "backtest: totals overflow at row " ZEND_LONG_FMT, n);
			r->fatal = true;
			ok = FAILURE;
		}
	}
	lty_arena_free(&arena);
	return ok;
}

/* The exception of a bad row, counted and (for the first ones) kept; then cleared. */
static void record_failure(run *r, zend_long n)
{
	zend_object *ex = EG(exception);
	zval rv, *message, *count, entry;

	GC_ADDREF(ex);
	zend_clear_exception();
	count = zend_hash_find(Z_ARRVAL(r->by_class), ex->ce->name);
	if (count != NULL) {
		Z_LVAL_P(count)++;
	} else {
		zval one;
		ZVAL_LONG(&one, 1);
		zend_hash_add_new(Z_ARRVAL(r->by_class), ex->ce->name, &one);
	}
	if (r->failed++ < MESSAGES_KEPT) {
		message = zend_read_property_ex(zend_ce_exception, ex, ZSTR_KNOWN(ZEND_STR_MESSAGE), true, &rv);
		array_init_size(&entry, 3);
		add_assoc_long(&entry, "row", n);
		add_assoc_str(&entry, "class", zend_string_copy(ex->ce->name));
		if (Z_TYPE_P(message) == IS_STRING) {
			add_assoc_str(&entry, "message", zend_string_copy(Z_STR_P(message)));
		} else {
			add_assoc_stringl(&entry, "message", "", 0);
		}
		add_next_index_zval(&r->messages, &entry);
	}
	OBJ_RELEASE(ex);
}

static zend_result call_progress(run *r)
{
	zval arg, rv;

	ZVAL_LONG(&arg, r->rows);
	r->progress->params = &arg;
	r->progress->param_count = 1;
	r->progress->retval = &rv;
	if (zend_call_function(r->progress, r->progress_cache) == FAILURE || EG(exception)) {
		zval_ptr_dtor(&rv);
		return FAILURE;
	}
	zval_ptr_dtor(&rv);
	return SUCCESS;
}

static zend_result backtest_one(void *ctx, zval *key, zval *item)
{
	run *r = ctx;
	zend_long n = r->rows++;
	zend_result ok;

	(void) key;
	ZVAL_DEREF(item);
	if (Z_TYPE_P(item) != IS_ARRAY) {
		php_loyalty_throw_fmt(php_loyalty_input_exception_ce, "orders[" ZEND_LONG_FMT "]: expected array, got %s",
			n, zend_zval_type_name(item));
		ok = FAILURE;
	} else {
		/* Hold the row: user code (a DateTimeInterface subclass) could otherwise drop it mid-read.
		 * Released without zval_ptr_dtor(), which would hand the row to the cycle collector. */
		HashTable *row = Z_ARRVAL_P(item);
		GC_TRY_ADDREF(row);
		ok = evaluate_row(r, row, n);
		zend_array_release(row);
	}
	if (ok == FAILURE) {
		if (r->fatal || EG(exception) == NULL || !instanceof_function(EG(exception)->ce, php_loyalty_exception_ce)) {
			return FAILURE; /* not the row's fault: an overflow of the totals, or the iterator's own exception */
		}
		record_failure(r, n);
	}
	if (r->progress != NULL && r->rows % PROGRESS_EVERY == 0) {
		return call_progress(r);
	}
	return SUCCESS;
}

static void tally_array(zval *out, const lty_program *p, const lty_tally *t)
{
	zval advantages, segments, one;
	size_t i;

	array_init_size(out, 8);
	add_assoc_long(out, "discount", (zend_long) t->discount);
	add_assoc_long(out, "shipping_saved", (zend_long) t->shipping_saved);
	add_assoc_long(out, "points_earned", (zend_long) t->points_earned);
	add_assoc_long(out, "points_spent", (zend_long) t->points_spent);
	add_assoc_long(out, "loyalty_discount", (zend_long) t->loyalty_discount);
	add_assoc_long(out, "orders_discounted", (zend_long) t->orders_discounted);
	array_init_size(&advantages, (uint32_t) p->advantage_count);
	for (i = 0; i < p->advantage_count; i++) {
		array_init_size(&one, 3);
		add_assoc_long(&one, "applied", (zend_long) t->advantages[i].applied);
		add_assoc_long(&one, "discount", (zend_long) t->advantages[i].discount);
		add_assoc_long(&one, "shipping_saved", (zend_long) t->advantages[i].shipping_saved);
		zend_symtable_str_update(Z_ARRVAL(advantages), p->advantages[i].id.ptr, p->advantages[i].id.len, &one);
	}
	add_assoc_zval(out, "advantages", &advantages);
	array_init_size(&segments, (uint32_t) p->segment_count);
	for (i = 0; i < p->segment_count; i++) {
		ZVAL_LONG(&one, (zend_long) t->segments[i]);
		zend_symtable_str_update(Z_ARRVAL(segments), p->segments[i].name.ptr, p->segments[i].name.len, &one);
	}
	add_assoc_zval(out, "segments", &segments);
}

/* draft - current at every level; a key of only one side counts as 0 on the other. Both sides are
 * sums in [0, INT64_MAX]: the difference fits. */
static void delta_array(zval *out, zval *current, zval *draft)
{
	zend_string *key;
	zend_ulong index;
	zval *a, *b, d;

	array_init(out);
	ZEND_HASH_FOREACH_KEY_VAL(Z_ARRVAL_P(current), index, key, a) {
		b = key ? zend_hash_find(Z_ARRVAL_P(draft), key) : zend_hash_index_find(Z_ARRVAL_P(draft), index);
		if (Z_TYPE_P(a) == IS_ARRAY) {
			zval empty;
			array_init(&empty);
			delta_array(&d, a, b != NULL ? b : &empty);
			zval_ptr_dtor(&empty);
		} else {
			ZVAL_LONG(&d, (b != NULL ? Z_LVAL_P(b) : 0) - Z_LVAL_P(a));
		}
		key ? zend_hash_add_new(Z_ARRVAL_P(out), key, &d) : zend_hash_index_add_new(Z_ARRVAL_P(out), index, &d);
	} ZEND_HASH_FOREACH_END();
	ZEND_HASH_FOREACH_KEY_VAL(Z_ARRVAL_P(draft), index, key, b) {
		if ((key ? zend_hash_exists(Z_ARRVAL_P(out), key) : zend_hash_index_exists(Z_ARRVAL_P(out), index))) {
			continue;
		}
		if (Z_TYPE_P(b) == IS_ARRAY) {
			zval empty;
			array_init(&empty);
			delta_array(&d, &empty, b);
			zval_ptr_dtor(&empty);
		} else {
			ZVAL_LONG(&d, Z_LVAL_P(b));
		}
		key ? zend_hash_add_new(Z_ARRVAL_P(out), key, &d) : zend_hash_index_add_new(Z_ARRVAL_P(out), index, &d);
	} ZEND_HASH_FOREACH_END();
}

static void report_build(zval *out, run *r)
{
	zend_object *obj;
	zval failed;

	object_init_ex(out, php_loyalty_report_ce);
	obj = Z_OBJ_P(out);
	ZVAL_LONG(OBJ_PROP_NUM(obj, R_ORDERS), r->rows);
	array_init_size(&failed, 3);
	add_assoc_long(&failed, "count", r->failed);
	add_assoc_zval(&failed, "by_class", &r->by_class);
	add_assoc_zval(&failed, "messages", &r->messages);
	ZVAL_UNDEF(&r->by_class);
	ZVAL_UNDEF(&r->messages);
	ZVAL_COPY_VALUE(OBJ_PROP_NUM(obj, R_FAILED), &failed);
	tally_array(OBJ_PROP_NUM(obj, R_CURRENT), r->sides[0].program, &r->sides[0].tally);
	if (r->side_count == 2) {
		tally_array(OBJ_PROP_NUM(obj, R_DRAFT), r->sides[1].program, &r->sides[1].tally);
		delta_array(OBJ_PROP_NUM(obj, R_DELTA), OBJ_PROP_NUM(obj, R_CURRENT), OBJ_PROP_NUM(obj, R_DRAFT));
	} else {
		ZVAL_NULL(OBJ_PROP_NUM(obj, R_DRAFT));
		ZVAL_NULL(OBJ_PROP_NUM(obj, R_DELTA));
	}
}

static void run_free(run *r)
{
	size_t i;

	for (i = 1; i < r->side_count; i++) { /* side 0 uses the engine's scratch */
		php_loyalty_scratch_free(&r->sides[i].own);
	}
	lty_arena_free(&r->arena);
	zval_ptr_dtor(&r->by_class);
	zval_ptr_dtor(&r->messages);
}

static zend_result run_init(run *r, php_loyalty_engine_obj *engine, zval *draft)
{
	lty_error err;
	size_t i;

	memset(r, 0, sizeof(*r));
	lty_arena_init(&r->arena, &php_loyalty_allocator);
	array_init(&r->by_class);
	array_init(&r->messages);
	r->current_time = (zend_long) php_time();
	r->sides[0].program = engine->program;
	r->sides[0].scratch = &engine->scratch;
	r->side_count = 1;
	if (draft != NULL) {
		const lty_program *p = php_loyalty_program_from_obj(Z_OBJ_P(draft))->program;
		if (p == NULL) {
			zend_throw_error(NULL, "Loyalty\\Program is not initialized");
			return FAILURE;
		}
		r->sides[1].program = p;
		php_loyalty_scratch_init(&r->sides[1].own, p);
		r->sides[1].scratch = &r->sides[1].own;
		r->side_count = 2;
	}
	for (i = 0; i < r->side_count; i++) {
		if (lty_tally_init(&r->sides[i].tally, r->sides[i].program, &r->arena, &err) != LTY_OK) {
			php_loyalty_throw(&err);
			return FAILURE;
		}
	}
	return SUCCESS;
}

ZEND_METHOD(Loyalty_Engine, backtest)
{
	php_loyalty_engine_obj *obj;
	zval *orders, *draft = NULL;
	zend_fcall_info fci = empty_fcall_info;
	zend_fcall_info_cache fcc = empty_fcall_info_cache;
	zend_result ok;
	run r;

	ZEND_PARSE_PARAMETERS_START(1, 3)
		Z_PARAM_ITERABLE(orders)
		Z_PARAM_OPTIONAL
		Z_PARAM_OBJECT_OF_CLASS_OR_NULL(draft, php_loyalty_program_ce)
		Z_PARAM_FUNC_OR_NULL(fci, fcc)
	ZEND_PARSE_PARAMETERS_END();

	if ((obj = php_loyalty_engine_of(ZEND_THIS)) == NULL) {
		RETURN_THROWS();
	}
	/* Keep the engine and the draft alive even if a generator drops the last references to them. */
	GC_ADDREF(&obj->std);
	if (draft != NULL) {
		GC_ADDREF(Z_OBJ_P(draft));
	}
	ok = run_init(&r, obj, draft);
	if (ok == SUCCESS) {
		r.progress = ZEND_FCI_INITIALIZED(fci) ? &fci : NULL;
		r.progress_cache = &fcc;
		ok = php_loyalty_iterate(orders, backtest_one, &r);
	}
	if (ok == SUCCESS) {
		report_build(return_value, &r);
	}
	run_free(&r);
	if (draft != NULL) {
		OBJ_RELEASE(Z_OBJ_P(draft));
	}
	OBJ_RELEASE(&obj->std);
	if (ok == FAILURE) {
		RETURN_THROWS();
	}
}

ZEND_METHOD(Loyalty_Report, __construct)
{
	ZEND_PARSE_PARAMETERS_NONE();
}

static void report_to_array(zend_object *obj, zval *out)
{
	size_t i;

	array_init_size(out, R_COUNT);
	for (i = 0; i < R_COUNT; i++) {
		zval *v = OBJ_PROP_NUM(obj, i);
		Z_TRY_ADDREF_P(v);
		add_assoc_zval(out, report_keys[i], v);
	}
}

ZEND_METHOD(Loyalty_Report, toArray)
{
	ZEND_PARSE_PARAMETERS_NONE();
	report_to_array(Z_OBJ_P(ZEND_THIS), return_value);
}

ZEND_METHOD(Loyalty_Report, jsonSerialize)
{
	ZEND_PARSE_PARAMETERS_NONE();
	report_to_array(Z_OBJ_P(ZEND_THIS), return_value);
}
