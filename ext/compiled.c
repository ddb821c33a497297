/* Compiled programs shared by Program objects, and the per-process cache of
 * them keyed by the settings JSON (as ext/pcre caches compiled patterns):
 * bounded by loyalty.cache_size, in persistent memory, immutable once built,
 * one cache per thread under ZTS (module globals). */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "php.h"
#include "zend_exceptions.h"
#include "ext/date/php_date.h"

#include "php_loyalty.h"

ZEND_EXTERN_MODULE_GLOBALS(loyalty)

/* Settings strings above this size are compiled but not cached (the key would cost too much). */
#define CACHE_MAX_KEY (1024 * 1024)

static void *persistent_alloc(void *ctx, size_t size)
{
	(void) ctx;
	return pemalloc(size, 1);
}

static void persistent_free(void *ctx, void *ptr)
{
	(void) ctx;
	pefree(ptr, 1);
}

static const lty_allocator persistent_allocator = { persistent_alloc, persistent_free, NULL };

typedef struct {
	const lty_str *name;
	uint32_t index;
} named_index;

static int compare_names(const void *a, const void *b)
{
	const lty_str *x = ((const named_index *) a)->name, *y = ((const named_index *) b)->name;
	int r = memcmp(x->ptr, y->ptr, MIN(x->len, y->len));

	return r ? r : (x->len > y->len) - (x->len < y->len);
}

static void swap_named(void *a, void *b)
{
	named_index t = *(named_index *) a;

	*(named_index *) a = *(named_index *) b;
	*(named_index *) b = t;
}

/* Segment indexes in byte order of their names, for segmentsOf(). */
static uint32_t *sorted_segments(const lty_program *program, bool persistent)
{
	named_index *order = safe_emalloc(program->segment_count, sizeof(named_index), 0);
	uint32_t *sorted = safe_pemalloc(program->segment_count, sizeof(uint32_t), 0, persistent);
	uint32_t i;

	for (i = 0; i < program->segment_count; i++) {
		order[i].name = &program->segments[i].name;
		order[i].index = i;
	}
	zend_sort(order, program->segment_count, sizeof(named_index), (compare_func_t) compare_names, swap_named);
	for (i = 0; i < program->segment_count; i++) {
		sorted[i] = order[i].index;
	}
	efree(order);
	return sorted;
}

/* Names made once: arrays of segment names then share them instead of copying. */
static zend_string **segment_names(const lty_program *program, bool persistent)
{
	zend_string **names = safe_pemalloc(program->segment_count, sizeof(zend_string *), 0, persistent);
	uint32_t i;

	for (i = 0; i < program->segment_count; i++) {
		names[i] = zend_string_init(program->segments[i].name.ptr, program->segments[i].name.len, persistent);
		if (persistent) {
			GC_MAKE_PERSISTENT_LOCAL(names[i]); /* shared with request arrays of this thread only */
		}
	}
	return names;
}

/* PHP's default timezone, as date_default_timezone_get() gives it ("UTC" when unreadable). */
static const char *default_timezone(void)
{
	timelib_tzinfo *tzi = get_timezone_info();

	return tzi != NULL && tzi->name != NULL ? tzi->name : "UTC";
}

/* IANA names, backward-compatible links included (DateTimeZone::ALL_WITH_BC). */
static bool timezone_known(void *ctx, const char *name, size_t len)
{
	(void) ctx;
	return php_loyalty_timezone_listed(name, len);
}

/* date_create_immutable(s, timezone_open(tz))->getTimestamp(), silently. */
static bool read_date(void *ctx, const char *s, size_t len, const char *tz, size_t tz_len, int64_t *out)
{
	(void) ctx;
	if (len == 0 || len > 255 || memchr(s, '\0', len) != NULL) {
		return false;
	}
	return php_loyalty_date_in_zone(s, len, tz, tz_len, out);
}

/* The host's conversion of a JSON number: json_decode()'s own (correctly rounded, and
 * locale-independent, unlike strtod()). The number is followed by a byte that cannot
 * continue it, so zend_strtod() stops where the reader did. */
static double json_double(void *ctx, const char *s, size_t len)
{
	(void) ctx;
	(void) len;
	return zend_strtod(s, NULL);
}

static const lty_json_options json_options = {
	ZEND_LONG_MIN, ZEND_LONG_MAX, json_double, NULL,
	LTY_JSON_DEFAULT_DEPTH, LTY_MAX_SETTINGS_DEPTH, LTY_MAX_SETTINGS_NODES
};

/* The settings document of a PHP array (settings != NULL) or of JSON text. */
static lty_status read_settings(lty_arena *arena, zval *settings, zend_string *json, lty_doc **doc,
	lty_json_error *json_error, lty_error *err)
{
	bool too_large;

	if (settings == NULL) {
		return lty_json_read(arena, ZSTR_VAL(json), ZSTR_LEN(json), &json_options, doc, json_error, err);
	}
	*doc = php_loyalty_doc_from_zval(arena, settings, &too_large);
	if (*doc == NULL) {
		return too_large ? lty_error_set(err, LTY_ERR_CONFIG, "settings: more than %u values", LTY_MAX_SETTINGS_NODES)
			: lty_error_set(err, LTY_ERR_NOMEM, "settings: out of memory");
	}
	return LTY_OK;
}

static php_loyalty_compiled *compile(zval *settings, zend_string *json, bool persistent, lty_json_error *json_error)
{
	const lty_allocator *allocator = persistent ? &persistent_allocator : &php_loyalty_allocator;
	php_loyalty_compiled *compiled;
	lty_program *program;
	lty_arena arena;
	lty_doc *doc;
	lty_error *err;
	lty_status st;
	lty_host host;

	host.default_timezone = default_timezone();
	host.default_timezone_len = strlen(host.default_timezone);
	host.timezone_known = timezone_known;
	host.read_date = read_date;
	host.ctx = NULL;
	lty_arena_init(&arena, &php_loyalty_allocator);
	err = emalloc(sizeof(lty_error));
	st = read_settings(&arena, settings, json, &doc, json_error, err);
	if (st == LTY_OK) {
		st = lty_program_load(allocator, &host, doc, &program, err);
	}
	lty_arena_free(&arena);
	if (st != LTY_OK) {
		php_loyalty_throw(err);
		efree(err);
		return NULL;
	}
	efree(err);
	compiled = pemalloc(sizeof(php_loyalty_compiled), persistent);
	compiled->program = program;
	compiled->sorted = sorted_segments(program, persistent);
	compiled->names = segment_names(program, persistent);
	compiled->refcount = 1;
	compiled->persistent = persistent;
	return compiled;
}

php_loyalty_compiled *php_loyalty_compile(zval *settings, bool persistent)
{
	return compile(settings, NULL, persistent, NULL);
}

php_loyalty_compiled *php_loyalty_compile_json(zend_string *json, bool persistent, lty_json_error *json_error)
{
	return compile(NULL, json, persistent, json_error);
}

void php_loyalty_compiled_release(php_loyalty_compiled *compiled)
{
	size_t i;

	if (compiled == NULL || --compiled->refcount > 0) {
		return;
	}
	for (i = 0; i < compiled->program->segment_count; i++) {
		zend_string_release(compiled->names[i]);
	}
	pefree(compiled->names, compiled->persistent);
	lty_program_free(compiled->program);
	pefree(compiled->sorted, compiled->persistent);
	pefree(compiled, compiled->persistent);
}

static void cache_entry_dtor(zval *zv)
{
	php_loyalty_compiled_release(Z_PTR_P(zv));
}

php_loyalty_compiled *php_loyalty_cache_find(zend_string *json)
{
	php_loyalty_compiled *compiled;

	compiled = LOYALTY_G(cache) ? zend_hash_find_ptr(LOYALTY_G(cache), json) : NULL;
	if (compiled != NULL && !compiled->program->timezone_given) {
		/* compiled under another default timezone: the same settings now mean another program */
		const char *tz = default_timezone();
		if (strlen(tz) != compiled->program->timezone.len || memcmp(tz, compiled->program->timezone.ptr, strlen(tz)) != 0) {
			compiled = NULL;
		}
	}
	if (compiled == NULL) {
		LOYALTY_G(cache_misses)++;
		return NULL;
	}
	LOYALTY_G(cache_hits)++;
	compiled->refcount++;
	return compiled;
}

bool php_loyalty_cache_wanted(zend_string *json)
{
	return LOYALTY_G(cache_size) > 0 && ZSTR_LEN(json) <= CACHE_MAX_KEY;
}

/* The oldest entries go until at most `keep` remain (programs in use keep their own reference). */
static void cache_trim(HashTable *cache, zend_long keep)
{
	while (zend_hash_num_elements(cache) > (keep > 0 ? (uint32_t) keep : 0)) {
		zend_string *oldest_key;
		zend_ulong oldest_index;
		HashPosition pos;
		zend_hash_internal_pointer_reset_ex(cache, &pos);
		if (zend_hash_get_current_key_ex(cache, &oldest_key, &oldest_index, &pos) != HASH_KEY_IS_STRING) {
			break;
		}
		zend_hash_del(cache, oldest_key);
	}
}

void php_loyalty_cache_resized(void)
{
	if (LOYALTY_G(cache) != NULL) {
		cache_trim(LOYALTY_G(cache), LOYALTY_G(cache_size));
	}
}

void php_loyalty_cache_add(zend_string *json, php_loyalty_compiled *compiled)
{
	HashTable *cache = LOYALTY_G(cache);

	if (cache == NULL) {
		cache = LOYALTY_G(cache) = pemalloc(sizeof(HashTable), 1);
		zend_hash_init(cache, 8, NULL, cache_entry_dtor, 1);
	}
	cache_trim(cache, LOYALTY_G(cache_size) - 1); /* room for this one */
	compiled->refcount++;
	zend_hash_str_update_ptr(cache, ZSTR_VAL(json), ZSTR_LEN(json), compiled);
}

void php_loyalty_cache_destroy(void)
{
	if (LOYALTY_G(cache) != NULL) {
		zend_hash_destroy(LOYALTY_G(cache));
		pefree(LOYALTY_G(cache), 1);
		LOYALTY_G(cache) = NULL;
	}
}
