/* Engine::sql() and Loyalty\SqlFilter (SPEC 15): the column map read into the core's
 * struct (with the path of every bad value), the translation by the core, the result
 * as a read-only object. */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "php.h"

#include <inttypes.h>
#include "ext/date/php_date.h"
#include "zend_exceptions.h"
#include "zend_interfaces.h"

#include "php_loyalty.h"
#include "../src/settings/lty_sql.h"

zend_class_entry *php_loyalty_sql_filter_ce;
static zend_object_handlers sql_filter_handlers;

/* SqlFilter objects: { explain() text; std } */
typedef struct {
	zend_string *explain;
	zend_object std;
} sql_filter_obj;

enum { P_WHERE, P_PARAMS, P_EXACT, P_RESIDUAL };

static inline sql_filter_obj *filter_from_obj(zend_object *obj)
{
	return (sql_filter_obj *) ((char *) obj - XtOffsetOf(sql_filter_obj, std));
}

static zend_object *filter_create(zend_class_entry *ce)
{
	sql_filter_obj *obj = zend_object_alloc(sizeof(sql_filter_obj), ce);

	zend_object_std_init(&obj->std, ce);
	object_properties_init(&obj->std, ce);
	obj->std.handlers = &sql_filter_handlers;
	obj->explain = NULL;
	return &obj->std;
}

static void filter_free(zend_object *object)
{
	sql_filter_obj *obj = filter_from_obj(object);

	if (obj->explain) {
		zend_string_release(obj->explain);
	}
	zend_object_std_dtor(object);
}

void php_loyalty_sql_setup(zend_class_entry *ce)
{
	php_loyalty_sql_filter_ce = ce;
	ce->create_object = filter_create;
	memcpy(&sql_filter_handlers, zend_get_std_object_handlers(), sizeof(zend_object_handlers));
	sql_filter_handlers.offset = XtOffsetOf(sql_filter_obj, std);
	sql_filter_handlers.free_obj = filter_free;
	sql_filter_handlers.clone_obj = NULL;
}

ZEND_METHOD(Loyalty_SqlFilter, __construct)
{
	ZEND_PARSE_PARAMETERS_NONE();
}

ZEND_METHOD(Loyalty_SqlFilter, explain)
{
	sql_filter_obj *obj = filter_from_obj(Z_OBJ_P(ZEND_THIS));

	ZEND_PARSE_PARAMETERS_NONE();
	if (obj->explain == NULL) {
		RETURN_EMPTY_STRING();
	}
	RETURN_STR_COPY(obj->explain);
}

/* ---- the column map ---- */

static const char *const SCALARS[LTY_SQL_SCALAR_COUNT] = {
	"active", "orders", "spent", "points", "lifetime_points", "city", "postcode", "country"
};
static const char *const LISTS[3] = { "groups", "carriers", "bought" };

static zend_result bad(const char *path, const char *what, zval *v)
{
	php_loyalty_throw_fmt(php_loyalty_input_exception_ce, "%s: %s, got %s", path, what,
		v != NULL && Z_TYPE_P(v) == IS_STRING && Z_STRLEN_P(v) == 0 ? "an empty string" : zend_zval_type_name(v));
	return FAILURE;
}

static zend_result sql_text(zval *v, const char *path, lty_str *out)
{
	ZVAL_DEREF(v);
	if (Z_TYPE_P(v) != IS_STRING || Z_STRLEN_P(v) == 0) {
		return bad(path, "expected SQL as a non-empty string", v);
	}
	out->ptr = Z_STRVAL_P(v);
	out->len = Z_STRLEN_P(v);
	return SUCCESS;
}

/* The key of a nested array as the message shows it */
static void key_text(char *buf, size_t size, zend_string *skey, zend_ulong ikey)
{
	if (skey) {
		php_loyalty_printable(buf, size, ZSTR_VAL(skey), ZSTR_LEN(skey));
	} else {
		snprintf(buf, size, ZEND_LONG_FMT, (zend_long) ikey);
	}
}

static bool is_key(zend_string *skey, const char *name)
{
	return skey != NULL && zend_string_equals_cstr(skey, name, strlen(name));
}

static zend_result date_column(zval *v, const char *path, lty_str *expr, bool *timestamp)
{
	zend_string *skey;
	zend_ulong ikey;
	zval *item, *type;
	char key[72], sub[200];

	ZVAL_DEREF(v);
	*timestamp = false;
	if (Z_TYPE_P(v) == IS_STRING) {
		return sql_text(v, path, expr);
	}
	if (Z_TYPE_P(v) != IS_ARRAY) {
		return bad(path, "expected SQL or ['expr' => SQL, 'type' => 'datetime'|'timestamp']", v);
	}
	ZEND_HASH_FOREACH_KEY_VAL(Z_ARRVAL_P(v), ikey, skey, item) {
		(void) item;
		if (!is_key(skey, "expr") && !is_key(skey, "type")) {
			key_text(key, 64, skey, ikey);
			php_loyalty_throw_fmt(php_loyalty_input_exception_ce, "%s.%s: unknown key (expected expr, type)", path, key);
			return FAILURE;
		}
	} ZEND_HASH_FOREACH_END();
	item = zend_hash_str_find_deref(Z_ARRVAL_P(v), "expr", 4);
	if (item == NULL || Z_TYPE_P(item) == IS_NULL) {
		php_loyalty_throw_fmt(php_loyalty_input_exception_ce, "%s.expr: missing", path);
		return FAILURE;
	}
	type = zend_hash_str_find_deref(Z_ARRVAL_P(v), "type", 4);
	if (type != NULL && Z_TYPE_P(type) != IS_NULL) {
		if (Z_TYPE_P(type) == IS_STRING && zend_string_equals_literal(Z_STR_P(type), "timestamp")) {
			*timestamp = true;
		} else if (Z_TYPE_P(type) != IS_STRING || !zend_string_equals_literal(Z_STR_P(type), "datetime")) {
			if (Z_TYPE_P(type) == IS_STRING) {
				php_loyalty_throw_fmt(php_loyalty_input_exception_ce, "%s.type: expected 'datetime' or 'timestamp', got '%s'",
					path, php_loyalty_printable(key, 32, Z_STRVAL_P(type), Z_STRLEN_P(type)));
			} else {
				php_loyalty_throw_fmt(php_loyalty_input_exception_ce, "%s.type: expected 'datetime' or 'timestamp', got %s",
					path, zend_zval_type_name(type));
			}
			return FAILURE;
		}
	}
	snprintf(sub, sizeof(sub), "%s.expr", path);
	return sql_text(item, sub, expr);
}

static zend_result list_column(zval *v, const char *path, lty_str *contains, lty_str *count)
{
	zend_string *skey;
	zend_ulong ikey;
	zval *item, *c, *n;
	char key[72], sub[200];

	ZVAL_DEREF(v);
	if (Z_TYPE_P(v) != IS_ARRAY) {
		return bad(path, "expected ['contains' => SQL with one ?, 'count' => SQL]", v);
	}
	ZEND_HASH_FOREACH_KEY_VAL(Z_ARRVAL_P(v), ikey, skey, item) {
		(void) item;
		if (!is_key(skey, "contains") && !is_key(skey, "count")) {
			key_text(key, 64, skey, ikey);
			php_loyalty_throw_fmt(php_loyalty_input_exception_ce, "%s.%s: unknown key (expected contains, count)", path, key);
			return FAILURE;
		}
	} ZEND_HASH_FOREACH_END();
	c = zend_hash_str_find_deref(Z_ARRVAL_P(v), "contains", 8);
	n = zend_hash_str_find_deref(Z_ARRVAL_P(v), "count", 5);
	c = c != NULL && Z_TYPE_P(c) == IS_NULL ? NULL : c;
	n = n != NULL && Z_TYPE_P(n) == IS_NULL ? NULL : n;
	if (c == NULL && n == NULL) {
		php_loyalty_throw_fmt(php_loyalty_input_exception_ce, "%s: expected 'contains' or 'count'", path);
		return FAILURE;
	}
	if (c != NULL) {
		size_t i, q = 0;
		snprintf(sub, sizeof(sub), "%s.contains", path);
		if (sql_text(c, sub, contains) == FAILURE) {
			return FAILURE;
		}
		for (i = 0; i < contains->len; i++) {
			q += contains->ptr[i] == '?';
		}
		if (q != 1) {
			php_loyalty_throw_fmt(php_loyalty_input_exception_ce, "%s: expected SQL with exactly one ?, found %zu", sub, q);
			return FAILURE;
		}
	}
	if (n != NULL) {
		snprintf(sub, sizeof(sub), "%s.count", path);
		return sql_text(n, sub, count);
	}
	return SUCCESS;
}

/* One entry of the column map; `attrs` receives attr.NAME entries. */
static zend_result column(lty_sql_columns *m, zend_string *key, zval *v, const char *path,
	lty_str *attr_names, lty_str *attr_exprs)
{
	const char *k = ZSTR_VAL(key);
	size_t len = ZSTR_LEN(key), i;
	lty_str ignored;

	for (i = 0; i < LTY_SQL_SCALAR_COUNT; i++) {
		if (zend_string_equals_cstr(key, SCALARS[i], strlen(SCALARS[i]))) {
			return sql_text(v, path, &m->scalar[i]);
		}
	}
	if (zend_string_equals_literal(key, "id")) {
		return sql_text(v, path, &ignored);
	}
	if (len > 5 && memcmp(k, "attr.", 5) == 0) {
		attr_names[m->attr_count].ptr = k + 5;
		attr_names[m->attr_count].len = len - 5;
		if (sql_text(v, path, &attr_exprs[m->attr_count]) == FAILURE) {
			return FAILURE;
		}
		m->attr_count++;
		return SUCCESS;
	}
	if (zend_string_equals_literal(key, "first_order") || zend_string_equals_literal(key, "last_order")) {
		i = k[0] == 'l';
		return date_column(v, path, &m->date[i], &m->timestamp[i]);
	}
	for (i = 0; i < 3; i++) {
		if (zend_string_equals_cstr(key, LISTS[i], strlen(LISTS[i]))) {
			return list_column(v, path, &m->contains[i], &m->count[i]);
		}
	}
	php_loyalty_throw_fmt(php_loyalty_input_exception_ce, "%s: unknown customer field", path);
	return FAILURE;
}

static zend_result columns(HashTable *ht, lty_sql_columns *m, lty_arena *arena)
{
	zend_string *skey;
	zend_ulong ikey;
	zval *v;
	size_t n = zend_hash_num_elements(ht);
	lty_str *names = lty_arena_array(arena, n ? n : 1, sizeof(lty_str));
	lty_str *exprs = lty_arena_array(arena, n ? n : 1, sizeof(lty_str));
	char path[96];

	memset(m, 0, sizeof(*m));
	if (names == NULL || exprs == NULL) {
		zend_throw_error(NULL, "Loyalty\\Engine::sql(): out of memory");
		return FAILURE;
	}
	m->attr_names = names;
	m->attr_exprs = exprs;
	ZEND_HASH_FOREACH_KEY_VAL(ht, ikey, skey, v) {
		zend_string *key = skey ? zend_string_copy(skey) : zend_long_to_str((zend_long) ikey);
		zend_result r;
		char shown[72];
		snprintf(path, sizeof(path), "columns.%s", php_loyalty_printable(shown, 64, ZSTR_VAL(key), ZSTR_LEN(key)));
		r = column(m, key, v, path, names, exprs);
		zend_string_release(key);
		if (r == FAILURE) {
			return FAILURE;
		}
	} ZEND_HASH_FOREACH_END();
	return SUCCESS;
}

/* ---- the host: PHP's default timezone ---- */

/* A time that a 32-bit time_t cannot hold (32-bit PHP): as a DateTime in the default timezone
 * formats it (timelib is 64-bit inside). Years beyond 0..9999 are written as such, which the
 * core reads as beyond every DATETIME. */
static bool local_time_wide(int64_t t, char *out, size_t size, int64_t *offset)
{
	timelib_tzinfo *tzi = get_timezone_info();
	zval date, zone, rv, format;
	char at[32];
	const char *bar;
	bool ok = false;

	*offset = 0;
	if (t > INT64_C(253402300799) + 2 * 86400) {
		snprintf(out, size, "10000-01-01 00:00:00");
		return true;
	}
	if (t < INT64_C(-62167219200) - 2 * 86400) {
		snprintf(out, size, "-0001-12-31 00:00:00");
		return true;
	}
	if (tzi == NULL || tzi->name == NULL || !php_loyalty_zone_open(tzi->name, strlen(tzi->name), &zone)) {
		return false;
	}
	php_date_instantiate(php_date_get_date_ce(), &date);
	snprintf(at, sizeof(at), "@%" PRId64, t);
	if (php_date_initialize(Z_PHPDATE_P(&date), at, strlen(at), NULL, NULL, 0)) {
		zend_call_method_with_1_params(Z_OBJ(date), Z_OBJCE(date), NULL, "settimezone", &rv, &zone);
		zval_ptr_dtor(&rv);
		ZVAL_STRING(&format, "Y-m-d H:i:s|Z");
		zend_call_method_with_1_params(Z_OBJ(date), Z_OBJCE(date), NULL, "format", &rv, &format);
		zval_ptr_dtor(&format);
		if (EG(exception) == NULL && Z_TYPE(rv) == IS_STRING && (bar = strchr(Z_STRVAL(rv), '|')) != NULL) {
			snprintf(out, size, "%.*s", (int) (bar - Z_STRVAL(rv)), Z_STRVAL(rv));
			*offset = ZEND_STRTOL(bar + 1, NULL, 10);
			ok = true;
		}
		zval_ptr_dtor(&rv);
	}
	if (EG(exception) != NULL) {
		zend_clear_exception();
		ok = false;
	}
	zval_ptr_dtor(&date);
	zval_ptr_dtor(&zone);
	return ok;
}

static bool local_time(void *ctx, int64_t t, char *out, size_t size, int64_t *offset)
{
	zend_string *s, *z;

	(void) ctx;
	if ((int64_t) (time_t) t != t) {
		return local_time_wide(t, out, size, offset);
	}
	s = php_format_date("Y-m-d H:i:s", 11, (time_t) t, 1);
	z = php_format_date("Z", 1, (time_t) t, 1);
	snprintf(out, size, "%s", ZSTR_VAL(s));
	*offset = ZEND_STRTOL(ZSTR_VAL(z), NULL, 10);
	zend_string_release(s);
	zend_string_release(z);
	return true;
}

/* ---- Engine::sql() ---- */

static void build(zval *out, const lty_sql_result *r)
{
	zend_object *obj;
	zval params, residual;
	size_t i;

	object_init_ex(out, php_loyalty_sql_filter_ce);
	obj = Z_OBJ_P(out);
	ZVAL_STRINGL(OBJ_PROP_NUM(obj, P_WHERE), r->where, r->where_len);
	array_init_size(&params, (uint32_t) r->param_count);
	for (i = 0; i < r->param_count; i++) {
		if (r->params[i].is_int && (int64_t) (zend_long) r->params[i].i == r->params[i].i) {
			add_next_index_long(&params, (zend_long) r->params[i].i);
		} else if (r->params[i].is_int) { /* beyond a 32-bit PHP int: its digits, which SQL reads as the number */
			char digits[24];
			add_next_index_stringl(&params, digits, (size_t) snprintf(digits, sizeof(digits), "%" PRId64, r->params[i].i));
		} else {
			add_next_index_stringl(&params, r->params[i].s.ptr, r->params[i].s.len);
		}
	}
	ZVAL_COPY_VALUE(OBJ_PROP_NUM(obj, P_PARAMS), &params);
	ZVAL_BOOL(OBJ_PROP_NUM(obj, P_EXACT), r->exact);
	array_init_size(&residual, (uint32_t) r->residual_count);
	for (i = 0; i < r->residual_count; i++) {
		add_next_index_stringl(&residual, r->residual[i].ptr, r->residual[i].len);
	}
	ZVAL_COPY_VALUE(OBJ_PROP_NUM(obj, P_RESIDUAL), &residual);
	filter_from_obj(obj)->explain = zend_string_init(r->explain ? r->explain : "", r->explain_len, 0);
}

ZEND_METHOD(Loyalty_Engine, sql)
{
	php_loyalty_engine_obj *obj;
	zend_string *name, *dialect = NULL;
	HashTable *cols;
	zval *now_zv = NULL;
	zend_long now;
	lty_sql_dialect d = LTY_SQL_MYSQL;
	lty_sql_columns map;
	lty_sql_host host;
	lty_sql_result result;
	lty_arena arena;
	lty_error *err;
	int index;
	char shown[96];

	ZEND_PARSE_PARAMETERS_START(2, 4)
		Z_PARAM_STR(name)
		Z_PARAM_ARRAY_HT(cols)
		Z_PARAM_OPTIONAL
		Z_PARAM_STR(dialect)
		Z_PARAM_ZVAL_OR_NULL(now_zv)
	ZEND_PARSE_PARAMETERS_END();

	if ((obj = php_loyalty_engine_of(ZEND_THIS)) == NULL) {
		RETURN_THROWS();
	}
	if (dialect != NULL && zend_string_equals_literal(dialect, "sqlite")) {
		d = LTY_SQL_SQLITE;
	} else if (dialect != NULL && !zend_string_equals_literal(dialect, "mysql")) {
		zend_argument_value_error(3, "must be \"mysql\" or \"sqlite\"");
		RETURN_THROWS();
	}
	if (php_loyalty_now(now_zv, 4, "now", &now) == FAILURE) {
		RETURN_THROWS();
	}
	index = lty_program_segment_index(obj->program, ZSTR_VAL(name), ZSTR_LEN(name));
	if (index < 0) {
		php_loyalty_throw_fmt(php_loyalty_config_exception_ce, "segment: unknown segment '%s'",
			php_loyalty_printable(shown, sizeof(shown), ZSTR_VAL(name), ZSTR_LEN(name)));
		RETURN_THROWS();
	}
	lty_arena_init(&arena, &php_loyalty_allocator);
	if (columns(cols, &map, &arena) == FAILURE) {
		lty_arena_free(&arena);
		RETURN_THROWS();
	}
	host.local = local_time;
	host.ctx = NULL;
	err = emalloc(sizeof(lty_error));
	if (lty_sql_translate(&arena, obj->program, index, &map, d, (int64_t) now, &host, &result, err) != LTY_OK) {
		php_loyalty_throw(err);
	} else {
		build(return_value, &result);
	}
	efree(err);
	lty_arena_free(&arena);
}
