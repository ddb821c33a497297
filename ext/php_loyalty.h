/* The glue between PHP and the core: shared declarations of ext/. */
#ifndef PHP_LOYALTY_H
#define PHP_LOYALTY_H

#include "php.h"

#include "../src/checkout/lty_checkout.h"
#include "../src/base/lty_customer.h"
#include "../src/base/lty_doc.h"
#include "../src/base/lty_error.h"
#include "../src/base/lty_json.h"
#include "../src/base/lty_limits.h"
#include "../src/settings/lty_program.h"

#define PHP_LOYALTY_VERSION "0.1.0"

extern zend_module_entry loyalty_module_entry;
#define phpext_loyalty_ptr &loyalty_module_entry

extern zend_class_entry *php_loyalty_exception_ce;
extern zend_class_entry *php_loyalty_config_exception_ce;
extern zend_class_entry *php_loyalty_expression_exception_ce;
extern zend_class_entry *php_loyalty_input_exception_ce;
extern zend_class_entry *php_loyalty_ledger_exception_ce;
extern zend_class_entry *php_loyalty_program_ce;
extern zend_class_entry *php_loyalty_engine_ce;
extern zend_class_entry *php_loyalty_result_ce;
extern zend_class_entry *php_loyalty_report_ce;
extern zend_class_entry *php_loyalty_ledger_ce;

/* The core counts in int64; a PHP int is a zend_long, 32 bits on 32-bit platforms. What the
 * core gives back must fit one: php_loyalty_fits() tells (money and points that do not are
 * refused, never wrapped), php_loyalty_saturate() gives the nearest PHP int (times far in the
 * future: "not before PHP_INT_MAX"). PHP_LOYALTY_INT_BITS names the limit in messages. */
#if SIZEOF_ZEND_LONG == 4
# define PHP_LOYALTY_INT_BITS "32"
#else
# define PHP_LOYALTY_INT_BITS "64"
#endif
static zend_always_inline bool php_loyalty_fits(int64_t v)
{
#if SIZEOF_ZEND_LONG == 4
	return v >= ZEND_LONG_MIN && v <= ZEND_LONG_MAX;
#else
	(void) v;
	return true;
#endif
}
static zend_always_inline zend_long php_loyalty_saturate(int64_t v)
{
#if SIZEOF_ZEND_LONG == 4
	return v > ZEND_LONG_MAX ? ZEND_LONG_MAX : v < ZEND_LONG_MIN ? ZEND_LONG_MIN : (zend_long) v;
#else
	return (zend_long) v;
#endif
}

/* The core's allocator, backed by emalloc. */
extern const lty_allocator php_loyalty_allocator;

/* Throws the exception class matching err->status, with err's message. */
void php_loyalty_throw(const lty_error *err);
/* `len` bytes of input for a message, as settings messages show them: control bytes
 * (NUL included) as \xNN, cut with "..." to fit `size`. Returns buf. */
const char *php_loyalty_printable(char *buf, size_t size, const char *s, size_t len);

/* Where an input value is, for messages: a fixed path, or an item of a list by its key
 * ("customers[42]"), written out only when a message needs it: filter() would otherwise
 * write one for every row. */
typedef struct {
	const char *path;      /* the path; NULL: `list`[`key`], written into buf on first use */
	const char *list;
	const zval *key;
	char buf[96];
} php_loyalty_where;
static zend_always_inline void php_loyalty_where_fixed(php_loyalty_where *w, const char *path)
{
	w->path = path;
}
static zend_always_inline void php_loyalty_where_item(php_loyalty_where *w, const char *list, const zval *key)
{
	w->path = NULL;
	w->list = list;
	w->key = key;
}
const char *php_loyalty_where_path(php_loyalty_where *w);
/* Throws `ce` with a formatted message (the path comes first). */
void php_loyalty_throw_fmt(zend_class_entry *ce, const char *fmt, ...) ZEND_ATTRIBUTE_FORMAT(printf, 2, 3);

/* A compiled program, shared by Program objects and the cache (compiled.c). */
typedef struct {
	lty_program *program;
	uint32_t *sorted;            /* segment indexes in byte order of their names */
	zend_string **names;         /* segment names as PHP strings, for segmentsOf() and Result::$segments */
	uint32_t refcount;
	bool persistent;             /* in the cache's persistent memory */
} php_loyalty_compiled;

/* The keys of cart and customer arrays and of Result entries, and the Result's usual values,
 * interned at startup with their hashes: reading a row or building a Result hashes nothing
 * and copies no string (convert.c). */
typedef enum {
	PHP_LOYALTY_K_LINES, PHP_LOYALTY_K_SUBTOTAL, PHP_LOYALTY_K_CARRIER, PHP_LOYALTY_K_SHIPPING, PHP_LOYALTY_K_VOUCHER_DISCOUNT, PHP_LOYALTY_K_VOUCHERS,
	PHP_LOYALTY_K_USE_POINTS, PHP_LOYALTY_K_SKU, PHP_LOYALTY_K_CATEGORY, PHP_LOYALTY_K_QTY, PHP_LOYALTY_K_PRICE, PHP_LOYALTY_K_ID,
	PHP_LOYALTY_K_ACTIVE, PHP_LOYALTY_K_GROUPS, PHP_LOYALTY_K_ORDERS, PHP_LOYALTY_K_SPENT, PHP_LOYALTY_K_FIRST_ORDER, PHP_LOYALTY_K_LAST_ORDER,
	PHP_LOYALTY_K_CITY, PHP_LOYALTY_K_POSTCODE, PHP_LOYALTY_K_COUNTRY, PHP_LOYALTY_K_CARRIERS, PHP_LOYALTY_K_BOUGHT, PHP_LOYALTY_K_POINTS,
	PHP_LOYALTY_K_LIFETIME_POINTS, PHP_LOYALTY_K_ATTRIBUTES, PHP_LOYALTY_K_LEDGER, PHP_LOYALTY_K_USES,
	/* Result keys and values */
	PHP_LOYALTY_K_SOURCE, PHP_LOYALTY_K_LABEL, PHP_LOYALTY_K_DISCOUNT, PHP_LOYALTY_K_FREE_SHIPPING,
	PHP_LOYALTY_K_POINTS_SPENT, PHP_LOYALTY_K_REASON, PHP_LOYALTY_K_MESSAGE, PHP_LOYALTY_K_MISSING,
	PHP_LOYALTY_K_AMOUNT, PHP_LOYALTY_K_ADVANTAGE, PHP_LOYALTY_K_LOYALTY,
	PHP_LOYALTY_K_REASON_FIRST, /* the reason codes, in lty_reason order */
	PHP_LOYALTY_K_COUNT = PHP_LOYALTY_K_REASON_FIRST + 14
} php_loyalty_key;

ZEND_BEGIN_MODULE_GLOBALS(loyalty)
	HashTable *cache;            /* settings JSON -> php_loyalty_compiled*, persistent; NULL until used */
	zend_long cache_size;        /* ini loyalty.cache_size: most programs kept, 0 disables the cache */
	zend_long cache_hits;        /* lookups answered by the cache, for phpinfo() */
	zend_long cache_misses;      /* lookups that compiled */
	HashTable *tz_tables;        /* timezone name -> UTC offsets for dates (local_time.c), persistent */
	const void *date_module;     /* ext/date's module entry, found on first use (per thread) */
	char tz_default_name[64];    /* the default timezone's name as ext/date's globals give it, */
	const void *tz_default_table; /* and its table in tz_tables: a date of the next row needs no lookup */
	/* the keys for this request: php_loyalty_keys, each replaced by the scripts' own interned copy
	 * once an array shows it (opcache interns the scripts' literals apart from the startup's
	 * strings, and a key of the same pointer is found without comparing bytes); reset per request */
	zend_string *keys[PHP_LOYALTY_K_COUNT];
	/* the Bucket where each key was found last: arrays built by the same code (a query's rows, a
	 * shop's customers) hold their keys at the same places; any value is safe (checked per use) */
	uint32_t key_at[PHP_LOYALTY_K_COUNT];
ZEND_END_MODULE_GLOBALS(loyalty)

#define LOYALTY_G(v) ZEND_MODULE_GLOBALS_ACCESSOR(loyalty, v)
ZEND_EXTERN_MODULE_GLOBALS(loyalty)

/* Compiles settings (FAILURE: NULL with an exception thrown). */
php_loyalty_compiled *php_loyalty_compile(zval *settings, bool persistent);
/* From JSON text (our reader: what json_decode($json, true) + the conversion would give); on
 * invalid JSON *json_error says which error (LTY_JSON_OK otherwise). */
php_loyalty_compiled *php_loyalty_compile_json(zend_string *json, bool persistent, lty_json_error *json_error);
void php_loyalty_compiled_release(php_loyalty_compiled *compiled);
bool php_loyalty_cache_wanted(zend_string *json);
/* A cached program for this JSON (with a reference for the caller), or NULL. */
php_loyalty_compiled *php_loyalty_cache_find(zend_string *json);
void php_loyalty_cache_add(zend_string *json, php_loyalty_compiled *compiled);
void php_loyalty_cache_destroy(void);
/* After loyalty.cache_size changed: the oldest entries beyond it go. */
void php_loyalty_cache_resized(void);

/* Program objects: { compiled program (shared); its program, borrowed; whether its
 * __unserialize() failed; std } */
typedef struct {
	php_loyalty_compiled *compiled;
	const lty_program *program;
	bool failed;                 /* __unserialize() threw: the object stays unusable for good */
	zend_object std;
} php_loyalty_program_obj;

static inline php_loyalty_program_obj *php_loyalty_program_from_obj(zend_object *obj)
{
	return (php_loyalty_program_obj *) ((char *) obj - XtOffsetOf(php_loyalty_program_obj, std));
}

/* Compiles settings into a new Program object; NULL with an exception thrown. */
zend_object *php_loyalty_program_from_array(zval *settings);
zend_object *php_loyalty_program_from_json(zend_string *json);
/* Object handlers of the classes registered from the stub. */
void php_loyalty_program_setup(zend_class_entry *ce);
void php_loyalty_engine_setup(zend_class_entry *ce);
void php_loyalty_ledger_setup(zend_class_entry *ce);
/* Loyalty\SqlFilter (loyalty_sql.c) */
extern zend_class_entry *php_loyalty_sql_filter_ce;
void php_loyalty_sql_setup(zend_class_entry *ce);

/* loyalty_ledger.c: the balance at `now` of a customer's `ledger` (a Loyalty\Ledger or its entries). */
zend_result php_loyalty_ledger_balance(zval *ledger, const lty_program *program, zend_long now,
	const char *path, int64_t *out);

/* cart.c: reads a cart; line arrays are allocated in `arena`. *line_refs is set when a line
 * or its sku is a PHP reference (which later writes could change under a lazy Result). */
zend_result php_loyalty_cart(const lty_program *program, HashTable *ht, lty_arena *arena, lty_cart *cart, bool *line_refs);

/* loyalty_result.c: FAILURE with an InputException when a total of `r` is beyond a PHP int
 * (32-bit PHP only). */
zend_result php_loyalty_result_fits(const lty_result *r);
/* A Result object from a core result, taking over `arena` (which holds the result's arrays and
 * the cart's lines; it is left empty). `cart_lines` is the cart's `lines` array (for the skus),
 * `memo` the checkout's membership memo of `customer` at `now` (copied; the segments it has not
 * tested are tested when `segments` is first read, on a copy of the customer), `program` the
 * Program whose rule ids the result points to (a reference is kept). */
void php_loyalty_result_build(zval *out, const lty_result *r, lty_arena *arena, const lty_cart *cart,
	zval *cart_lines, bool line_refs, const lty_customer *customer, zend_long now, const uint8_t *memo,
	zend_object *program);
/* The names of the segments a tested memo says the customer is in, in byte order, into `out`. */
void php_loyalty_segment_names(const php_loyalty_compiled *compiled, const uint8_t *memo, zval *out);
void php_loyalty_result_setup(zend_class_entry *ce);

/* local_time.c: dates through ext/date's C API and DateTimeZone's methods, never through
 * functions (disable_functions may remove them). */
/* The default timezone's offsets, as found for many dates in a row (filter()'s rows). Found
 * again after anything that may run user code: date_default_timezone_set(). */
typedef struct php_loyalty_zone php_loyalty_zone;
/* 'YYYY-MM-DD[ HH:MM:SS]' in the default timezone as strtotime() reads it, with *zone its
 * offsets (found first when NULL); false when the fast path does not apply (the caller uses
 * php_loyalty_strtotime()). */
bool php_loyalty_local_time_in(const php_loyalty_zone **zone, const char *s, size_t len, zend_long *out);
/* The UTC offset of timezone `name` at `at` (seconds east), from the same per-process tables;
 * false when the timezone's transitions cannot be read. */
bool php_loyalty_utc_offset(const char *name, size_t len, zend_long at, int64_t *out);
typedef enum {
	PHP_LOYALTY_DATE_OK,
	PHP_LOYALTY_DATE_INVALID,    /* strtotime() would be false */
	PHP_LOYALTY_DATE_FAR_NOW     /* the answer depends on a `now` more than 68 years from the current time */
} php_loyalty_date_status;
/* strtotime(s, now), `s` without NUL bytes. */
php_loyalty_date_status php_loyalty_strtotime(const char *s, size_t len, zend_long now, zend_long *out);
/* date_create_immutable(s, timezone_open(tz))->getTimestamp(); false when either is false. */
bool php_loyalty_date_in_zone(const char *s, size_t len, const char *tz, size_t tz_len, int64_t *out);
/* new DateTimeZone(name) in `zone` (to release); false, no exception left, when it throws. */
bool php_loyalty_zone_open(const char *name, size_t len, zval *zone);
/* Whether `name` is in DateTimeZone::listIdentifiers(DateTimeZone::ALL_WITH_BC). */
bool php_loyalty_timezone_listed(const char *name, size_t len);
void php_loyalty_local_time_shutdown(void);

/* convert.c: PHP values <-> core structs */
extern zend_string *php_loyalty_keys[PHP_LOYALTY_K_COUNT];
void php_loyalty_keys_init(void);
/* At each request's start: the keys made at startup again. */
void php_loyalty_keys_reset(void);
/* Key `k` as this request finds it in arrays. */
#define PHP_LOYALTY_K(k) (LOYALTY_G(keys)[k])
/* A member as an input array holds it (NULL when absent), dereferenced; NULL for null too
 * (null means absent). */
static zend_always_inline zval *php_loyalty_present(zval *zv)
{
	if (zv != NULL) {
		ZVAL_DEREF(zv);
		if (Z_TYPE_P(zv) == IS_NULL) {
			return NULL;
		}
	}
	return zv;
}
/* Member *key (hashed) of an array as it holds it, NULL when absent. When the array holds it
 * under another interned string of the same text (a script's literal under opcache), *key
 * becomes that one, found by its pointer next time; the one it was is released (nothing for an
 * interned string). */
static zend_always_inline zval *php_loyalty_find_adopting(HashTable *ht, zend_string **key)
{
	zval *zv = zend_hash_find_known_hash(ht, *key);

	/* a found value is the first member of its Bucket: a string-keyed entry of a hash */
	if (zv != NULL && UNEXPECTED(((Bucket *) zv)->key != *key) && ZSTR_IS_INTERNED(((Bucket *) zv)->key)) {
		zend_string_release(*key);
		*key = ((Bucket *) zv)->key;
	}
	return zv;
}
/* Member `key` of an input array as it holds it, NULL when absent, found by its hash; its place
 * kept for the next array. */
static zend_always_inline zval *php_loyalty_key_probe(HashTable *ht, php_loyalty_key key)
{
	zval *zv = php_loyalty_find_adopting(ht, &PHP_LOYALTY_K(key));

	if (zv != NULL) { /* a string key's value: in a Bucket of a hash */
		LOYALTY_G(key_at)[key] = (uint32_t) ((Bucket *) zv - ht->arData);
	}
	return zv;
}
/* Whether the array holds member `key` where the array before held it, by the key's pointer:
 * no hash, no probe (not a deleted Bucket's: PHP 8 clears its key, PHP 7 kept it). The
 * array's Buckets are those of a hash. */
static zend_always_inline bool php_loyalty_key_in_place(const HashTable *ht, php_loyalty_key key, uint32_t at)
{
	return EXPECTED(at < ht->nNumUsed) && ht->arData[at].key == PHP_LOYALTY_K(key) && Z_TYPE(ht->arData[at].val) != IS_UNDEF;
}
/* Member `key` of an input array as it holds it, NULL when absent; the request's key adopts the
 * script's copy (php_loyalty_find_adopting()). */
static zend_always_inline zval *php_loyalty_key_lookup(HashTable *ht, php_loyalty_key key)
{
	uint32_t at = LOYALTY_G(key_at)[key];

	if (!HT_IS_PACKED(ht) && php_loyalty_key_in_place(ht, key, at)) {
		return &ht->arData[at].val;
	}
	return php_loyalty_key_probe(ht, key);
}
/* The same in an array that is not packed, as php_loyalty_present() gives it. */
static zend_always_inline zval *php_loyalty_key_find_in_hash(HashTable *ht, php_loyalty_key key)
{
	uint32_t at = LOYALTY_G(key_at)[key];

	return php_loyalty_present(php_loyalty_key_in_place(ht, key, at) ? &ht->arData[at].val : php_loyalty_key_probe(ht, key));
}
/* Member `key` of an input array, as php_loyalty_present() gives it. */
static zend_always_inline zval *php_loyalty_key_find(HashTable *ht, php_loyalty_key key)
{
	return php_loyalty_present(php_loyalty_key_lookup(ht, key));
}
#define PHP_LOYALTY_KEY(ht, name) php_loyalty_key_find((ht), PHP_LOYALTY_K_##name)
#define PHP_LOYALTY_KEY_NAME(key) ZSTR_VAL(php_loyalty_keys[key])
/* NULL when out of memory or, with *too_large, over LTY_MAX_SETTINGS_NODES values. */
lty_doc *php_loyalty_doc_from_zval(lty_arena *arena, zval *zv, bool *too_large);
void php_loyalty_zval_from_doc(zval *out, const lty_doc *doc);

/* Scratch memory an Engine reuses for every customer it converts. */
typedef struct {
	lty_str *strs;
	size_t strs_cap;
	lty_scalar *attrs;
	zend_string **attr_keys; /* the program's attribute names hashed, NULL for a numeric one */
	size_t attr_count;
	uint8_t *memo;
	int64_t *uses;     /* one per advantage with max_uses (lty_program.limited) */
} php_loyalty_scratch;

typedef struct {
	zend_object *program_obj;     /* the Program, referenced */
	const lty_program *program;   /* its compiled form */
	php_loyalty_scratch scratch;  /* reused for every customer */
	zend_object std;
} php_loyalty_engine_obj;

/* The engine of $this, or NULL with an Error when its constructor did not complete. */
php_loyalty_engine_obj *php_loyalty_engine_of(zval *this_zv);

/* Calls `each` on every key and item of an iterable parameter (array or Traversable) until it
 * fails; FAILURE with an exception (its own, or the iterator's). */
typedef zend_result (*php_loyalty_each)(void *ctx, zval *key, zval *item);
zend_result php_loyalty_iterate(zval *iterable, php_loyalty_each each, void *ctx);
/* The same over an array: inline, so that a caller's own `each` is inlined in the loop. */
static zend_always_inline zend_result php_loyalty_each_of_array(HashTable *ht, php_loyalty_each each, void *ctx)
{
	zend_string *skey;
	zend_ulong ikey;
	zval *item, key;

	ZEND_HASH_FOREACH_KEY_VAL(ht, ikey, skey, item) {
		if (skey) {
			ZVAL_STR(&key, skey);
		} else {
			ZVAL_LONG(&key, (zend_long) ikey);
		}
		if (each(ctx, &key, item) == FAILURE) {
			return FAILURE;
		}
	} ZEND_HASH_FOREACH_END();
	return SUCCESS;
}

void php_loyalty_scratch_init(php_loyalty_scratch *s, const lty_program *program);
void php_loyalty_scratch_free(php_loyalty_scratch *s);

/* A date (int, DateTimeInterface or strtotime() string) as Unix time, relative to `now`
 * for relative strings. FAILURE with an InputException naming `path`. */
zend_result php_loyalty_date(zval *zv, zend_long now, const char *path, zend_long *out);
/* The forms php_loyalty_date() reads without a path or a PHP call: an int, or a date as MySQL
 * writes it (local_time.c); false for anything else. */
bool php_loyalty_date_quick(zval *zv, zend_long *out);
/* The same in the zone *zone (php_loyalty_local_time_in()). */
static zend_always_inline bool php_loyalty_date_quick_in(zval *zv, const php_loyalty_zone **zone, zend_long *out)
{
	ZVAL_DEREF(zv);
	if (Z_TYPE_P(zv) == IS_LONG) {
		*out = Z_LVAL_P(zv);
		return true;
	}
	return Z_TYPE_P(zv) == IS_STRING && php_loyalty_local_time_in(zone, Z_STRVAL_P(zv), Z_STRLEN_P(zv), out);
}
/* A date argument typed int|string|DateTimeInterface (TypeError otherwise); `path` names it
 * in an InputException when it cannot be read. */
zend_result php_loyalty_date_arg(zval *zv, uint32_t arg_num, const char *path, zend_long *out);
/* $now (or a ledger's optional $at) as passed to a method (argument `arg_num`, named `path`
 * in an InputException): null means the current time. */
zend_result php_loyalty_now(zval *zv, uint32_t arg_num, const char *path, zend_long *out);
/* `attributes` (a zval, NULL when absent) of a customer or a cart line at `path`: an array of
 * scalars or nulls, floats finite. Every entry is checked when `check_all`, else only those
 * named; the named ones are read into `out` (`count` slots; null when absent), found by
 * `keys` when given (the names hashed; NULL for one looked up by its text). */
zend_result php_loyalty_attributes(zval *attrs, php_loyalty_where *where, const lty_str *names, zend_string **keys,
	size_t count, lty_scalar *out, bool check_all);
/* Reads and checks the `fields` (LTY_FIELD_* bits) of a customer array: LTY_FIELDS_ALL for
 * evaluate() and segmentsOf(), program->fields for the batch paths. Every string it lends
 * (city, postcode, country, list items, string attributes) is a zend_string's bytes. */
zend_result php_loyalty_customer(const lty_program *program, HashTable *ht, zend_long now,
	php_loyalty_where *where, uint32_t fields, php_loyalty_scratch *scratch, lty_customer *out);
/* Many customers read one after the other into the same struct for the same fields (filter()'s
 * rows): only those fields are set for each, and the default timezone is found once for their
 * dates. Set `zone` to NULL after anything between two rows that may run user code. */
typedef struct {
	const lty_program *program;
	uint32_t fields;
	php_loyalty_scratch *scratch;
	const php_loyalty_zone *zone;
	lty_customer *out;
	/* the keys of the segment's dates, then of its other scalar fields (up to 4): what a reader
	 * of many rows may ask for ahead of their turn */
	php_loyalty_key keys[4];
	uint32_t key_count, date_count;
	/* when `keys` are all the fields read (no list, attribute, ledger, ...), in this order: the
	 * dates, active, the counts up to count_end, the strings; each one's place in `out` in `to`
	 * (a date's flag in `has`) */
	bool scalars_only;
	uint32_t count_end;
	void *to[4];
	bool *has[2];
} php_loyalty_rows;
void php_loyalty_rows_init(php_loyalty_rows *rows, const lty_program *program, uint32_t fields,
	php_loyalty_scratch *scratch, lty_customer *out);
/* Reads and checks the row's fields; FAILURE with an exception naming the bad value. */
zend_result php_loyalty_rows_read(php_loyalty_rows *rows, HashTable *ht, zend_long now, php_loyalty_where *where);

/* A date of a row (dereferenced), or absent: in a form php_loyalty_date_quick_in() reads, a
 * MySQL date only once the default zone's table is at hand. Finding the table calls PHP
 * (DateTimeZone's methods), and the return of such a call runs the handler of a pending signal,
 * user code that may free the row: a row that needs it is read by php_loyalty_rows_read(), which
 * holds the row. */
static zend_always_inline bool php_loyalty_row_date(zval *zv, const php_loyalty_zone **zone, bool *has, int64_t *out)
{
	zend_long ts;

	*has = false;
	if (zv == NULL) {
		return true;
	}
	if ((*zone == NULL && Z_TYPE_P(zv) != IS_LONG) || !php_loyalty_date_quick_in(zv, zone, &ts)) {
		return false;
	}
	*has = true;
	*out = ts;
	return true;
}

/* `active` of a row: a bool, true when absent. */
static zend_always_inline bool php_loyalty_row_active(const zval *zv, bool *out)
{
	if (zv != NULL && Z_TYPE_P(zv) != IS_TRUE && Z_TYPE_P(zv) != IS_FALSE) {
		return false;
	}
	*out = zv == NULL || Z_TYPE_P(zv) == IS_TRUE;
	return true;
}

/* A count of a row: an int >= 0, 0 when absent. */
static zend_always_inline bool php_loyalty_row_count(const zval *zv, int64_t *out)
{
	if (zv == NULL) {
		*out = 0;
		return true;
	}
	if (Z_TYPE_P(zv) != IS_LONG || Z_LVAL_P(zv) < 0) {
		return false;
	}
	*out = Z_LVAL_P(zv);
	return true;
}

/* A string of a row, borrowed; null when absent. */
static zend_always_inline bool php_loyalty_row_string(const zval *zv, lty_str *out)
{
	if (zv == NULL) {
		out->ptr = NULL;
		out->len = 0;
		return true;
	}
	if (Z_TYPE_P(zv) != IS_STRING) {
		return false;
	}
	out->ptr = Z_STRVAL_P(zv);
	out->len = Z_STRLEN_P(zv);
	return true;
}

/* The row's fields read inline when the segment reads only scalars and each is absent or in
 * the form a database row gives it (an int, a string, a bool, a date as MySQL writes it in
 * the default timezone, its table found before): no call, no path. False for anything else,
 * which php_loyalty_rows_read() then reads from the start, and reports. Calls no PHP function,
 * so runs no user code: the row needs no hold. */
static zend_always_inline bool php_loyalty_rows_quick(php_loyalty_rows *rows, HashTable *ht)
{
	uint32_t k;

	if (!rows->scalars_only || HT_IS_PACKED(ht)) { /* a list is no row of a database */
		return false;
	}
	for (k = 0; k < rows->date_count; k++) {
		if (!php_loyalty_row_date(php_loyalty_key_find_in_hash(ht, rows->keys[k]), &rows->zone, rows->has[k], rows->to[k])) {
			return false;
		}
	}
	if (rows->fields & LTY_FIELD_ACTIVE) {
		if (!php_loyalty_row_active(php_loyalty_key_find_in_hash(ht, rows->keys[k]), &rows->out->active)) {
			return false;
		}
		k++;
	}
	for (; k < rows->count_end; k++) {
		if (!php_loyalty_row_count(php_loyalty_key_find_in_hash(ht, rows->keys[k]), rows->to[k])) {
			return false;
		}
	}
	for (; k < rows->key_count; k++) {
		if (!php_loyalty_row_string(php_loyalty_key_find_in_hash(ht, rows->keys[k]), rows->to[k])) {
			return false;
		}
	}
	return true;
}

#endif
