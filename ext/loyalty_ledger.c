/* Loyalty\Ledger: the points history of one customer (SPEC 7, 8, 10). The
 * rules live in the core (src/ledger/lty_ledger.c); this file converts entries and
 * dates, and makes reward coupon codes from the CSPRNG. */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "php.h"
#include "zend_exceptions.h"
#include "zend_smart_str.h"
#include "ext/date/php_date.h"
#if PHP_VERSION_ID >= 80200
#include "ext/random/php_random.h"
#else
#include "ext/standard/php_random.h" /* PHP 8.1: the CSPRNG before ext/random */
#endif

#include "php_loyalty.h"
#include "../src/base/lty_checked.h"
#include "../src/ledger/lty_ledger.h"

typedef struct {
	zend_object *program_obj;     /* referenced: the ledger reads its rules */
	bool initialized;
	lty_ledger ledger;
	zend_object std;
} php_loyalty_ledger_obj;

static zend_object_handlers ledger_handlers;

static inline php_loyalty_ledger_obj *ledger_from_obj(zend_object *obj)
{
	return (php_loyalty_ledger_obj *) ((char *) obj - XtOffsetOf(php_loyalty_ledger_obj, std));
}

static zend_object *ledger_create(zend_class_entry *ce)
{
	php_loyalty_ledger_obj *obj = zend_object_alloc(sizeof(php_loyalty_ledger_obj), ce);

	zend_object_std_init(&obj->std, ce);
	object_properties_init(&obj->std, ce);
	obj->std.handlers = &ledger_handlers;
	obj->program_obj = NULL;
	obj->initialized = false;
	return &obj->std;
}

static void ledger_free(zend_object *object)
{
	php_loyalty_ledger_obj *obj = ledger_from_obj(object);

	if (obj->initialized) {
		lty_ledger_free(&obj->ledger);
	}
	if (obj->program_obj) {
		OBJ_RELEASE(obj->program_obj);
	}
	zend_object_std_dtor(object);
}

static zend_object *ledger_clone(zend_object *old_object)
{
	php_loyalty_ledger_obj *old = ledger_from_obj(old_object);
	zend_object *new_object = ledger_create(old_object->ce);
	php_loyalty_ledger_obj *copy = ledger_from_obj(new_object);
	lty_error *err;

	zend_objects_clone_members(new_object, old_object);
	if (!old->initialized) {
		return new_object;
	}
	err = emalloc(sizeof(lty_error));
	if (lty_ledger_copy(&copy->ledger, &old->ledger, err) != LTY_OK) {
		lty_ledger_free(&copy->ledger);
		php_loyalty_throw(err);
	} else {
		copy->initialized = true;
		copy->program_obj = old->program_obj;
		GC_ADDREF(copy->program_obj);
	}
	efree(err);
	return new_object;
}

static php_loyalty_ledger_obj *ledger_of(zval *this_zv)
{
	php_loyalty_ledger_obj *obj = ledger_from_obj(Z_OBJ_P(this_zv));

	if (!obj->initialized) {
		zend_throw_error(NULL, "Loyalty\\Ledger is not initialized");
		return NULL;
	}
	return obj;
}

static const char *const entry_types[] = { "earn", "grant", "spend", "reward" };

/* lty_ledger_init(), the balance bounded by what a PHP int holds (32 bits on 32-bit platforms). */
static void ledger_init(lty_ledger *ledger, const lty_program *program)
{
	lty_ledger_init(ledger, &php_loyalty_allocator, program);
	ledger->t.points_bits = SIZEOF_ZEND_LONG * 8;
}

/* One stored entry {type, points, at, ref} -> lty_entry borrowing ref, which *ref_hold keeps
 * alive (a later entry's date runs user code that could overwrite it through a reference). */
static zend_result read_entry(zval *zv, const char *prefix, size_t i, zend_long now, lty_entry *out, zend_string **ref_hold)
{
	char path[320], shown[96];
	zend_long at;
	zend_string *key;
	zend_ulong index;
	zval *v;
	size_t t;

	ZVAL_DEREF(zv);
	if (Z_TYPE_P(zv) != IS_ARRAY) {
		php_loyalty_throw_fmt(php_loyalty_input_exception_ce, "%s[%zu]: expected array, got %s", prefix, i, zend_zval_type_name(zv));
		return FAILURE;
	}
	ZEND_HASH_FOREACH_KEY(Z_ARRVAL_P(zv), index, key) {
		if (key == NULL) {
			php_loyalty_throw_fmt(php_loyalty_input_exception_ce, "%s[%zu]." ZEND_LONG_FMT ": unknown key", prefix, i, (zend_long) index);
			return FAILURE;
		}
		if (!zend_string_equals_literal(key, "type") && !zend_string_equals_literal(key, "points")
				&& !zend_string_equals_literal(key, "at") && !zend_string_equals_literal(key, "ref")) {
			php_loyalty_throw_fmt(php_loyalty_input_exception_ce, "%s[%zu].%s: unknown key", prefix, i,
				php_loyalty_printable(shown, sizeof(shown), ZSTR_VAL(key), ZSTR_LEN(key)));
			return FAILURE;
		}
	} ZEND_HASH_FOREACH_END();
	v = zend_hash_str_find_deref(Z_ARRVAL_P(zv), "type", sizeof("type") - 1);
	if (v == NULL || Z_TYPE_P(v) != IS_STRING) {
		php_loyalty_throw_fmt(php_loyalty_input_exception_ce, "%s[%zu].type: expected 'earn', 'grant', 'spend' or 'reward', got %s",
			prefix, i, v ? zend_zval_type_name(v) : "nothing");
		return FAILURE;
	}
	for (t = 0; t < 4 && !zend_string_equals_cstr(Z_STR_P(v), entry_types[t], strlen(entry_types[t])); t++);
	if (t == 4) {
		php_loyalty_throw_fmt(php_loyalty_input_exception_ce, "%s[%zu].type: expected 'earn', 'grant', 'spend' or 'reward', got '%s'",
			prefix, i, php_loyalty_printable(shown, sizeof(shown), Z_STRVAL_P(v), Z_STRLEN_P(v)));
		return FAILURE;
	}
	out->type = (lty_entry_type) t;
	v = zend_hash_str_find_deref(Z_ARRVAL_P(zv), "points", sizeof("points") - 1);
	if (v == NULL || Z_TYPE_P(v) != IS_LONG || Z_LVAL_P(v) < 0) {
		php_loyalty_throw_fmt(php_loyalty_input_exception_ce, "%s[%zu].points: expected int >= 0, got %s",
			prefix, i, v == NULL ? "nothing" : Z_TYPE_P(v) == IS_LONG ? "a negative int" : zend_zval_type_name(v));
		return FAILURE;
	}
	out->points = Z_LVAL_P(v);
	v = zend_hash_str_find_deref(Z_ARRVAL_P(zv), "at", sizeof("at") - 1);
	snprintf(path, sizeof(path), "%s[%zu].at", prefix, i);
	if (v == NULL) {
		php_loyalty_throw_fmt(php_loyalty_input_exception_ce, "%s: is required", path);
		return FAILURE;
	}
	if (php_loyalty_date(v, now, path, &at) == FAILURE) {
		return FAILURE;
	}
	out->at = at;
	v = zend_hash_str_find_deref(Z_ARRVAL_P(zv), "ref", sizeof("ref") - 1);
	out->ref = "";
	out->ref_len = 0;
	if (v != NULL && Z_TYPE_P(v) != IS_NULL) {
		if (Z_TYPE_P(v) != IS_STRING) {
			php_loyalty_throw_fmt(php_loyalty_input_exception_ce, "%s[%zu].ref: expected string, got %s", prefix, i, zend_zval_type_name(v));
			return FAILURE;
		}
		*ref_hold = zend_string_copy(Z_STR_P(v));
		out->ref = ZSTR_VAL(*ref_hold);
		out->ref_len = ZSTR_LEN(*ref_hold);
	}
	return SUCCESS;
}

/* Core messages name entries "entries[N]"; a customer's are "customer.ledger[N]" (`prefix`). */
static void throw_with_prefix(lty_error *err, const char *prefix)
{
	if (strcmp(prefix, "entries") != 0 && strncmp(err->message, "entries", sizeof("entries") - 1) == 0) {
		php_loyalty_throw_fmt(err->status == LTY_ERR_INPUT ? php_loyalty_input_exception_ce : php_loyalty_ledger_exception_ce,
			"%s%s", prefix, err->message + sizeof("entries") - 1);
		return;
	}
	php_loyalty_throw(err);
}

/* Fills a fresh ledger from stored entries (any order), named `prefix` in messages ("entries"
 * or "customer.ledger"); relative date strings are read against `now`. FAILURE with an exception. */
static zend_result ledger_load(lty_ledger *ledger, const lty_program *program, zval *entries_zv, const char *prefix,
	zend_long now)
{
	HashTable *entries = Z_ARRVAL_P(entries_zv);
	uint32_t n = zend_hash_num_elements(entries);
	lty_entry *list = safe_emalloc(n ? n : 1, sizeof(lty_entry), 0);
	zend_string **refs = ecalloc(n ? n : 1, sizeof(zend_string *));
	zval *zv, copy;
	size_t i = 0;
	lty_error *err;
	zend_result result = SUCCESS;

	/* Keep the array alive while dates run user code (ZVAL_COPY leaves immutable arrays alone). */
	ZVAL_COPY(&copy, entries_zv);
	ledger_init(ledger, program);
	ZEND_HASH_FOREACH_VAL(entries, zv) {
		if (read_entry(zv, prefix, i, now, &list[i], &refs[i]) == FAILURE) {
			result = FAILURE;
			break;
		}
		i++;
	} ZEND_HASH_FOREACH_END();
	if (result == SUCCESS) {
		err = emalloc(sizeof(lty_error));
		if (lty_ledger_add_all(ledger, list, i, err) != LTY_OK) {
			throw_with_prefix(err, prefix);
			result = FAILURE;
		}
		efree(err);
	}
	efree(list);
	for (i = 0; i < n; i++) {
		if (refs[i] != NULL) {
			zend_string_release(refs[i]);
		}
	}
	efree(refs);
	zval_ptr_dtor(&copy);
	if (result == FAILURE) {
		lty_ledger_free(ledger);
	}
	return result;
}

ZEND_METHOD(Loyalty_Ledger, __construct)
{
	php_loyalty_ledger_obj *obj = ledger_from_obj(Z_OBJ_P(ZEND_THIS));
	zend_object *program;
	zval *entries = NULL;
	lty_ledger loaded;

	ZEND_PARSE_PARAMETERS_START(1, 2)
		Z_PARAM_OBJ_OF_CLASS(program, php_loyalty_program_ce)
		Z_PARAM_OPTIONAL
		Z_PARAM_ARRAY(entries)
	ZEND_PARSE_PARAMETERS_END();

	if (obj->initialized) {
		zend_throw_error(NULL, "Loyalty\\Ledger is already constructed");
		RETURN_THROWS();
	}
	if (php_loyalty_program_from_obj(program)->program == NULL) {
		zend_throw_error(NULL, "Loyalty\\Program is not initialized");
		RETURN_THROWS();
	}
	/* Loaded aside: dates run user code, which may construct this very ledger meanwhile. */
	if (entries != NULL) {
		if (ledger_load(&loaded, php_loyalty_program_from_obj(program)->program, entries, "entries", (zend_long) php_time()) == FAILURE) {
			RETURN_THROWS();
		}
	} else {
		ledger_init(&loaded, php_loyalty_program_from_obj(program)->program);
	}
	if (obj->initialized) {
		lty_ledger_free(&loaded);
		zend_throw_error(NULL, "Loyalty\\Ledger is already constructed");
		RETURN_THROWS();
	}
	obj->ledger = loaded;
	obj->initialized = true;
	obj->program_obj = program;
	GC_ADDREF(program);
}

/* earn/grant/spend: points, at, ref. */
static void add_entry(INTERNAL_FUNCTION_PARAMETERS, lty_entry_type type, const char *what)
{
	php_loyalty_ledger_obj *obj;
	zend_long points, at;
	zval *at_zv;
	zend_string *ref = NULL;
	lty_error *err;

	ZEND_PARSE_PARAMETERS_START(2, 3)
		Z_PARAM_LONG(points)
		Z_PARAM_ZVAL(at_zv)
		Z_PARAM_OPTIONAL
		Z_PARAM_STR(ref)
	ZEND_PARSE_PARAMETERS_END();

	if ((obj = ledger_of(ZEND_THIS)) == NULL || php_loyalty_date_arg(at_zv, 2, "at", &at) == FAILURE) {
		RETURN_THROWS();
	}
	if (points < 0) {
		php_loyalty_throw_fmt(php_loyalty_input_exception_ce, "points: must be >= 0, got " ZEND_LONG_FMT, points);
		RETURN_THROWS();
	}
	err = emalloc(sizeof(lty_error));
	if (lty_ledger_add(&obj->ledger, type, points, at, ref ? ZSTR_VAL(ref) : "", ref ? ZSTR_LEN(ref) : 0, what, err) != LTY_OK) {
		php_loyalty_throw(err);
	}
	efree(err);
}

ZEND_METHOD(Loyalty_Ledger, earn)
{
	add_entry(INTERNAL_FUNCTION_PARAM_PASSTHRU, LTY_ENTRY_EARN, "earn");
}

ZEND_METHOD(Loyalty_Ledger, grant)
{
	add_entry(INTERNAL_FUNCTION_PARAM_PASSTHRU, LTY_ENTRY_GRANT, "grant");
}

ZEND_METHOD(Loyalty_Ledger, spend)
{
	add_entry(INTERNAL_FUNCTION_PARAM_PASSTHRU, LTY_ENTRY_SPEND, "spend");
}

/* balance() and pending(): one optional date. */
static void points_at(INTERNAL_FUNCTION_PARAMETERS, bool pending)
{
	php_loyalty_ledger_obj *obj;
	zval *at_zv = NULL;
	zend_long at;
	int64_t points;
	lty_error *err;

	ZEND_PARSE_PARAMETERS_START(0, 1)
		Z_PARAM_OPTIONAL
		Z_PARAM_ZVAL_OR_NULL(at_zv)
	ZEND_PARSE_PARAMETERS_END();

	if ((obj = ledger_of(ZEND_THIS)) == NULL || php_loyalty_now(at_zv, 1, "at", &at) == FAILURE) {
		RETURN_THROWS();
	}
	err = emalloc(sizeof(lty_error));
	if ((pending ? lty_ledger_pending : lty_ledger_balance)(&obj->ledger, at, &points, err) != LTY_OK) {
		php_loyalty_throw(err);
		efree(err);
		RETURN_THROWS();
	}
	efree(err);
	RETURN_LONG((zend_long) points);
}

ZEND_METHOD(Loyalty_Ledger, balance)
{
	points_at(INTERNAL_FUNCTION_PARAM_PASSTHRU, false);
}

ZEND_METHOD(Loyalty_Ledger, pending)
{
	points_at(INTERNAL_FUNCTION_PARAM_PASSTHRU, true);
}

ZEND_METHOD(Loyalty_Ledger, expiring)
{
	php_loyalty_ledger_obj *obj;
	zval *at_zv = NULL;
	zend_long at;
	lty_expiring *list;
	lty_arena arena;
	lty_error *err;
	size_t i, count;

	ZEND_PARSE_PARAMETERS_START(0, 1)
		Z_PARAM_OPTIONAL
		Z_PARAM_ZVAL_OR_NULL(at_zv)
	ZEND_PARSE_PARAMETERS_END();

	if ((obj = ledger_of(ZEND_THIS)) == NULL || php_loyalty_now(at_zv, 1, "at", &at) == FAILURE) {
		RETURN_THROWS();
	}
	lty_arena_init(&arena, &php_loyalty_allocator);
	err = emalloc(sizeof(lty_error));
	if (lty_ledger_expiring(&obj->ledger, at, &arena, &list, &count, err) != LTY_OK) {
		php_loyalty_throw(err);
	} else {
		array_init_size(return_value, (uint32_t) count);
		for (i = 0; i < count; i++) {
			zval entry;
			array_init_size(&entry, 2);
			add_assoc_long(&entry, "points", (zend_long) list[i].points);
			add_assoc_long(&entry, "expires_at", php_loyalty_saturate(list[i].expires_at));
			add_next_index_zval(return_value, &entry);
		}
	}
	efree(err);
	lty_arena_free(&arena);
}

ZEND_METHOD(Loyalty_Ledger, warningsDue)
{
	php_loyalty_ledger_obj *obj;
	zval *from_zv, *to_zv;
	zend_long from, to;
	lty_expiry_warning *list;
	lty_arena arena;
	lty_error *err;
	size_t i, count;

	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_ZVAL(from_zv)
		Z_PARAM_ZVAL(to_zv)
	ZEND_PARSE_PARAMETERS_END();

	if ((obj = ledger_of(ZEND_THIS)) == NULL || php_loyalty_date_arg(from_zv, 1, "from", &from) == FAILURE
			|| php_loyalty_date_arg(to_zv, 2, "to", &to) == FAILURE) {
		RETURN_THROWS();
	}
	lty_arena_init(&arena, &php_loyalty_allocator);
	err = emalloc(sizeof(lty_error));
	if (lty_ledger_warnings_due(&obj->ledger, from, to, &arena, &list, &count, err) != LTY_OK) {
		php_loyalty_throw(err);
	} else {
		array_init_size(return_value, (uint32_t) count);
		for (i = 0; i < count; i++) {
			zval entry;
			array_init_size(&entry, 3);
			add_assoc_long(&entry, "days_before", (zend_long) list[i].days_before);
			add_assoc_long(&entry, "points", (zend_long) list[i].points);
			add_assoc_long(&entry, "expires_at", php_loyalty_saturate(list[i].expires_at));
			add_next_index_zval(return_value, &entry);
		}
	}
	efree(err);
	lty_arena_free(&arena);
}

/* At most this many coupons per call: a huge balance cannot make issueRewards() run away;
 * the rest is issued by the next call. */
#define MAX_COUPONS_PER_CALL 1000

/* "LTY-XXXX-XXXX-XXXX-XXXX": 80 bits from the CSPRNG in Crockford base32 (no I, L, O, U). */
static zend_result coupon_code(char *out)
{
	static const char alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
	unsigned char bytes[10];
	uint64_t bits = 0;
	int have = 0, i, o = 4;
	size_t b = 0;

	if (php_random_bytes_throw(bytes, sizeof(bytes)) == FAILURE) {
		return FAILURE;
	}
	memcpy(out, "LTY-", 4);
	for (i = 0; i < 16; i++) {
		if (have < 5) {
			bits = (bits << 8) | bytes[b++];
			have += 8;
		}
		out[o++] = alphabet[(bits >> (have - 5)) & 31];
		have -= 5;
		if (i % 4 == 3 && i != 15) {
			out[o++] = '-';
		}
	}
	out[o] = '\0';
	return SUCCESS;
}

static void coupon_array(zval *out, const lty_loyalty *y, const char *code, zend_long at)
{
	array_init_size(out, 4);
	add_assoc_string(out, "code", (char *) code);
	if (y->reward.has_discount) {
		add_assoc_long(out, "discount", (zend_long) y->reward.discount);
	} else if (y->reward.percent_bp % 100 == 0) {
		add_assoc_long(out, "discount_percent", y->reward.percent_bp / 100);
	} else {
		add_assoc_double(out, "discount_percent", y->reward.percent_bp / 100.0);
	}
	add_assoc_long(out, "min_cart", (zend_long) y->reward_min_cart);
	if (y->reward_valid_days) {
		int64_t expires;
		/* past what a PHP int holds (2038 with 32-bit PHP): the largest one */
		if (lty_add_overflow((int64_t) at, (int64_t) y->reward_valid_days * 86400, &expires) || expires > ZEND_LONG_MAX) {
			expires = ZEND_LONG_MAX;
		}
		add_assoc_long(out, "expires_at", (zend_long) expires);
	} else {
		add_assoc_null(out, "expires_at");
	}
}

ZEND_METHOD(Loyalty_Ledger, issueRewards)
{
	php_loyalty_ledger_obj *obj;
	const lty_loyalty *y;
	zval *at_zv;
	zend_long at;
	int64_t balance, coupons, i;
	smart_str refs = {0};
	lty_error *err;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_ZVAL(at_zv)
	ZEND_PARSE_PARAMETERS_END();

	if ((obj = ledger_of(ZEND_THIS)) == NULL || php_loyalty_date_arg(at_zv, 1, "at", &at) == FAILURE) {
		RETURN_THROWS();
	}
	y = &php_loyalty_program_from_obj(obj->program_obj)->program->loyalty;
	array_init(return_value);
	if (!php_loyalty_program_from_obj(obj->program_obj)->program->has_loyalty || !y->has_rewards) {
		return;
	}
	err = emalloc(sizeof(lty_error));
	if (lty_ledger_balance(&obj->ledger, at, &balance, err) != LTY_OK) {
		goto fail;
	}
	coupons = balance / y->reward_threshold;
	if (coupons > MAX_COUPONS_PER_CALL) {
		coupons = MAX_COUPONS_PER_CALL;
	}
	for (i = 0; i < coupons; i++) {
		char code[32];
		zval coupon;
		if (coupon_code(code) == FAILURE) {
			goto fail_thrown;
		}
		coupon_array(&coupon, y, code, at);
		add_next_index_zval(return_value, &coupon);
		if (i) {
			smart_str_appendc(&refs, ',');
		}
		smart_str_appends(&refs, code);
	}
	if (coupons > 0) {
		smart_str_0(&refs);
		if (lty_ledger_add(&obj->ledger, LTY_ENTRY_REWARD, coupons * y->reward_threshold, at,
				ZSTR_VAL(refs.s), ZSTR_LEN(refs.s), "issueRewards", err) != LTY_OK) {
			goto fail;
		}
	}
	smart_str_free(&refs);
	efree(err);
	return;
fail:
	php_loyalty_throw(err);
fail_thrown:
	smart_str_free(&refs);
	efree(err);
	zval_ptr_dtor(return_value);
	ZVAL_UNDEF(return_value);
	RETURN_THROWS();
}

ZEND_METHOD(Loyalty_Ledger, entries)
{
	php_loyalty_ledger_obj *obj;
	lty_error *err;
	size_t i;

	ZEND_PARSE_PARAMETERS_NONE();
	if ((obj = ledger_of(ZEND_THIS)) == NULL) {
		RETURN_THROWS();
	}
	err = emalloc(sizeof(lty_error));
	if (lty_ledger_list(&obj->ledger, err) != LTY_OK) {
		php_loyalty_throw(err);
		efree(err);
		RETURN_THROWS();
	}
	efree(err);
	array_init_size(return_value, (uint32_t) obj->ledger.count);
	for (i = 0; i < obj->ledger.count; i++) {
		const lty_entry *e = &obj->ledger.entries[i];
		zval entry;
		array_init_size(&entry, 4);
		add_assoc_string(&entry, "type", (char *) entry_types[e->type]);
		add_assoc_long(&entry, "points", (zend_long) e->points);
		add_assoc_long(&entry, "at", (zend_long) e->at);
		add_assoc_stringl(&entry, "ref", e->ref, e->ref_len);
		add_next_index_zval(return_value, &entry);
	}
}

zend_result php_loyalty_ledger_balance(zval *ledger, const lty_program *program, zend_long now, const char *path, int64_t *out)
{
	lty_error *err;
	lty_status st;

	ZVAL_DEREF(ledger);
	if (Z_TYPE_P(ledger) == IS_OBJECT && Z_OBJCE_P(ledger) == php_loyalty_ledger_ce) {
		php_loyalty_ledger_obj *obj = ledger_from_obj(Z_OBJ_P(ledger));
		if (!obj->initialized) {
			zend_throw_error(NULL, "Loyalty\\Ledger is not initialized");
			return FAILURE;
		}
		err = emalloc(sizeof(lty_error));
		st = lty_ledger_balance(&obj->ledger, now, out, err);
	} else if (Z_TYPE_P(ledger) == IS_ARRAY) {
		lty_ledger temp;
		/* a customer's entries are read as of the $now of the question, as its other dates */
		if (ledger_load(&temp, program, ledger, path, now) == FAILURE) {
			return FAILURE;
		}
		err = emalloc(sizeof(lty_error));
		st = lty_ledger_balance(&temp, now, out, err);
		lty_ledger_free(&temp);
	} else {
		php_loyalty_throw_fmt(php_loyalty_input_exception_ce, "%s: expected Loyalty\\Ledger or its entries, got %s",
			path, zend_zval_type_name(ledger));
		return FAILURE;
	}
	if (st != LTY_OK) {
		php_loyalty_throw(err);
	}
	efree(err);
	return st == LTY_OK ? SUCCESS : FAILURE;
}

void php_loyalty_ledger_setup(zend_class_entry *ce)
{
	ce->create_object = ledger_create;
	memcpy(&ledger_handlers, zend_get_std_object_handlers(), sizeof(zend_object_handlers));
	ledger_handlers.offset = XtOffsetOf(php_loyalty_ledger_obj, std);
	ledger_handlers.free_obj = ledger_free;
	ledger_handlers.clone_obj = ledger_clone;
}
