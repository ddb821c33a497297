/* Loyalty\Program: immutable compiled settings. */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "php.h"
#include "zend_exceptions.h"
#include "ext/json/php_json.h"

#include "php_loyalty.h"
#include "../src/settings/lty_warnings.h"

static zend_object_handlers program_handlers;

static zend_object *program_create(zend_class_entry *ce)
{
	php_loyalty_program_obj *obj = zend_object_alloc(sizeof(php_loyalty_program_obj), ce);

	zend_object_std_init(&obj->std, ce);
	object_properties_init(&obj->std, ce);
	obj->std.handlers = &program_handlers;
	obj->compiled = NULL;
	obj->program = NULL;
	obj->failed = false;
	return &obj->std;
}

static void program_free(zend_object *object)
{
	php_loyalty_program_obj *obj = php_loyalty_program_from_obj(object);

	php_loyalty_compiled_release(obj->compiled);
	zend_object_std_dtor(object);
}

/* Gives `obj` the compiled program (taking the caller's reference). */
static void program_attach(php_loyalty_program_obj *obj, php_loyalty_compiled *compiled)
{
	obj->compiled = compiled;
	obj->program = compiled->program;
}

static zend_object *program_wrap(php_loyalty_compiled *compiled)
{
	zend_object *object = program_create(php_loyalty_program_ce);

	program_attach(php_loyalty_program_from_obj(object), compiled);
	return object;
}

zend_object *php_loyalty_program_from_array(zval *settings)
{
	php_loyalty_compiled *compiled = php_loyalty_compile(settings, false);

	return compiled == NULL ? NULL : program_wrap(compiled);
}

/* An upper bound on the values of a JSON text, without decoding it: one more per `,`, `[`
 * and `{` outside strings. */
static size_t json_values_bound(const char *s, size_t len)
{
	size_t i, n = 1;
	bool in_string = false;

	for (i = 0; i < len; i++) {
		char c = s[i];
		if (in_string) {
			if (c == '\\') {
				i++;
			} else if (c == '"') {
				in_string = false;
			}
		} else if (c == '"') {
			in_string = true;
		} else if (c == ',' || c == '[' || c == '{') {
			n++;
		}
	}
	return n;
}

/* Bytes a settings value may take while it is decoded, checked and compiled (measured: about
 * 410 at the peak for advantages, much less for lists of scalars). */
#define BYTES_PER_VALUE 450
/* Below this size no settings text can come near a memory_limit. */
#define SCAN_FROM (64 * 1024)

/* Large settings are refused with a ConfigException before PHP's JSON decoder runs out of
 * memory_limit (a fatal error) on them; FAILURE with the exception thrown. */
static zend_result check_size(zend_string *json)
{
	size_t values, need, left;

	if (ZSTR_LEN(json) < SCAN_FROM) {
		return SUCCESS;
	}
	left = PG(memory_limit) <= 0 ? SIZE_MAX
		: (size_t) PG(memory_limit) > zend_memory_usage(false) ? (size_t) PG(memory_limit) - zend_memory_usage(false) : 0;
	/* Every value but the top one takes two bytes at least: its first, and the comma or the
	 * closing bracket after it (neither starts a value, and each follows one value only). When
	 * len / 2 + 1 values are allowed and would fit, there is no need to count them. */
	if (ZSTR_LEN(json) / 2 + 1 <= LTY_MAX_SETTINGS_NODES && ZSTR_LEN(json) / 2 + 1 <= left / BYTES_PER_VALUE) {
		return SUCCESS;
	}
	values = json_values_bound(ZSTR_VAL(json), ZSTR_LEN(json));
	if (values > LTY_MAX_SETTINGS_NODES) {
		php_loyalty_throw_fmt(php_loyalty_config_exception_ce, "settings: more than %u values", LTY_MAX_SETTINGS_NODES);
		return FAILURE;
	}
	if (PG(memory_limit) <= 0) {
		return SUCCESS;
	}
	need = values * BYTES_PER_VALUE;
	if (need > left) {
		php_loyalty_throw_fmt(php_loyalty_config_exception_ce,
			"settings: up to %zu values may need %zu MiB to compile, memory_limit leaves %zu MiB",
			values, need >> 20, left >> 20);
		return FAILURE;
	}
	return SUCCESS;
}

zend_object *php_loyalty_program_from_json(zend_string *json)
{
	php_loyalty_compiled *compiled;
	bool cache = php_loyalty_cache_wanted(json);
	lty_json_error json_error;

	if (ZSTR_LEN(json) > LTY_MAX_SETTINGS_BYTES) {
		php_loyalty_throw_fmt(php_loyalty_config_exception_ce, "settings: %zu bytes of JSON, at most %u",
			ZSTR_LEN(json), LTY_MAX_SETTINGS_BYTES);
		return NULL;
	}
	if (cache && (compiled = php_loyalty_cache_find(json)) != NULL) {
		return program_wrap(compiled);
	}
	if (check_size(json) == FAILURE) {
		return NULL;
	}
	compiled = php_loyalty_compile_json(json, cache, &json_error);
	if (compiled == NULL) {
		if (json_error != LTY_JSON_OK) {
			/* as when json_decode() read the settings: its error was then reset to none */
			JSON_G(error_code) = PHP_JSON_ERROR_NONE;
		}
		return NULL;
	}
	if (cache) {
		php_loyalty_cache_add(json, compiled);
	}
	return program_wrap(compiled);
}

/* The program of an initialized object, or NULL with an Error thrown. */
static const lty_program *program_of(zend_object *object)
{
	php_loyalty_program_obj *obj = php_loyalty_program_from_obj(object);

	if (obj->program == NULL) {
		zend_throw_error(NULL, "Loyalty\\Program is not initialized");
	}
	return obj->program;
}

static void program_to_array(const lty_program *program, zval *out)
{
	lty_arena arena;
	lty_doc *doc;

	lty_arena_init(&arena, &php_loyalty_allocator);
	doc = lty_program_to_doc(program, &arena);
	if (doc == NULL) {
		zend_throw_error(NULL, "Loyalty\\Program::toArray(): out of memory");
		ZVAL_NULL(out);
	} else {
		php_loyalty_zval_from_doc(out, doc);
	}
	lty_arena_free(&arena);
}

/* Two programs are equal when their normalized settings are. */
static int program_compare(zval *a, zval *b)
{
	zval x, y;
	int r;

	ZEND_COMPARE_OBJECTS_FALLBACK(a, b);
	if (Z_OBJCE_P(a) != Z_OBJCE_P(b)) {
		return ZEND_UNCOMPARABLE;
	}
	if (php_loyalty_program_from_obj(Z_OBJ_P(a))->program == NULL
			|| php_loyalty_program_from_obj(Z_OBJ_P(b))->program == NULL) {
		return Z_OBJ_P(a) == Z_OBJ_P(b) ? 0 : ZEND_UNCOMPARABLE;
	}
	program_to_array(php_loyalty_program_from_obj(Z_OBJ_P(a))->program, &x);
	program_to_array(php_loyalty_program_from_obj(Z_OBJ_P(b))->program, &y);
	r = zend_compare(&x, &y);
	zval_ptr_dtor(&x);
	zval_ptr_dtor(&y);
	return r;
}

ZEND_METHOD(Loyalty_Program, __construct)
{
	ZEND_PARSE_PARAMETERS_NONE();
}

ZEND_METHOD(Loyalty_Program, fromArray)
{
	zval *settings;
	zend_object *object;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_ARRAY(settings)
	ZEND_PARSE_PARAMETERS_END();

	object = php_loyalty_program_from_array(settings);
	if (object == NULL) {
		RETURN_THROWS();
	}
	RETURN_OBJ(object);
}

ZEND_METHOD(Loyalty_Program, fromJson)
{
	zend_string *json;
	zend_object *object;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_STR(json)
	ZEND_PARSE_PARAMETERS_END();

	object = php_loyalty_program_from_json(json);
	if (object == NULL) {
		RETURN_THROWS();
	}
	RETURN_OBJ(object);
}

ZEND_METHOD(Loyalty_Program, toArray)
{
	const lty_program *program;

	ZEND_PARSE_PARAMETERS_NONE();
	if ((program = program_of(Z_OBJ_P(ZEND_THIS))) == NULL) {
		RETURN_THROWS();
	}
	program_to_array(program, return_value);
}

ZEND_METHOD(Loyalty_Program, segmentNames)
{
	const lty_program *program;
	size_t i;

	ZEND_PARSE_PARAMETERS_NONE();
	if ((program = program_of(Z_OBJ_P(ZEND_THIS))) == NULL) {
		RETURN_THROWS();
	}
	array_init_size(return_value, (uint32_t) program->segment_count);
	for (i = 0; i < program->segment_count; i++) {
		add_next_index_stringl(return_value, program->segments[i].name.ptr, program->segments[i].name.len);
	}
}

ZEND_METHOD(Loyalty_Program, warnings)
{
	const lty_program *program;
	lty_warning *warnings;
	lty_arena arena;
	size_t i, count;

	ZEND_PARSE_PARAMETERS_NONE();
	if ((program = program_of(Z_OBJ_P(ZEND_THIS))) == NULL) {
		RETURN_THROWS();
	}
	lty_arena_init(&arena, &php_loyalty_allocator);
	warnings = lty_program_warnings(program, &arena, &count);
	array_init_size(return_value, (uint32_t) count);
	for (i = 0; warnings != NULL && i < count; i++) {
		zval entry;
		array_init_size(&entry, 2);
		add_assoc_string(&entry, "path", warnings[i].path);
		add_assoc_string(&entry, "message", warnings[i].message);
		add_next_index_zval(return_value, &entry);
	}
	lty_arena_free(&arena);
}

ZEND_METHOD(Loyalty_Program, __serialize)
{
	const lty_program *program;
	zval settings;

	ZEND_PARSE_PARAMETERS_NONE();
	if ((program = program_of(Z_OBJ_P(ZEND_THIS))) == NULL) {
		RETURN_THROWS();
	}
	program_to_array(program, &settings);
	array_init_size(return_value, 1);
	add_assoc_zval(return_value, "settings", &settings);
}

/* The settings of serialized data as __serialize() writes it: exactly one member, `settings`, an
 * array; NULL otherwise (a crafted string). */
static zval *serialized_settings(HashTable *data)
{
	zval *settings;

	if (zend_hash_num_elements(data) != 1
			|| (settings = zend_hash_str_find(data, "settings", sizeof("settings") - 1)) == NULL) {
		return NULL;
	}
	ZVAL_DEREF(settings);
	return Z_TYPE_P(settings) == IS_ARRAY ? settings : NULL;
}

static void throw_invalid_serialized(void)
{
	php_loyalty_throw_fmt(php_loyalty_config_exception_ce, "settings: invalid serialized Loyalty\\Program");
}

ZEND_METHOD(Loyalty_Program, __unserialize)
{
	HashTable *data;
	php_loyalty_program_obj *obj = php_loyalty_program_from_obj(Z_OBJ_P(ZEND_THIS));
	php_loyalty_compiled *compiled;
	zval *settings;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_ARRAY_HT(data)
	ZEND_PARSE_PARAMETERS_END();

	if (obj->program != NULL) {
		zend_throw_error(NULL, "Loyalty\\Program is immutable: it cannot be unserialized again");
		RETURN_THROWS();
	}
	/* PHP flags an object whose serialized data was cut short or whose __unserialize() threw
	 * (unserialize() then fails): it may have been caught by a destructor, and stays dead. */
	if (obj->failed || (GC_FLAGS(&obj->std) & IS_OBJ_DESTRUCTOR_CALLED)) {
		zend_throw_error(NULL, "Loyalty\\Program is unusable: its unserialization failed");
		RETURN_THROWS();
	}
	if ((settings = serialized_settings(data)) == NULL) {
		obj->failed = true;
		throw_invalid_serialized();
		RETURN_THROWS();
	}
	compiled = php_loyalty_compile(settings, false);
	if (compiled == NULL) {
		obj->failed = true;
		RETURN_THROWS();
	}
	program_attach(obj, compiled);
}

/* The `C:` format (Serializable) is not ours: refused before any object is made, so that no
 * uninitialized Program comes out of unserialize(). */
static int program_unserialize_custom(zval *object, zend_class_entry *ce, const unsigned char *buf,
	size_t len, zend_unserialize_data *data)
{
	(void) object; (void) ce; (void) buf; (void) len; (void) data;
	throw_invalid_serialized();
	return FAILURE;
}

void php_loyalty_program_setup(zend_class_entry *ce)
{
	ce->create_object = program_create;
	ce->unserialize = program_unserialize_custom;
	memcpy(&program_handlers, zend_get_std_object_handlers(), sizeof(zend_object_handlers));
	program_handlers.offset = XtOffsetOf(php_loyalty_program_obj, std);
	program_handlers.free_obj = program_free;
	program_handlers.clone_obj = NULL; /* immutable: share it instead */
	program_handlers.compare = program_compare;
}
