/* Module entry: registers the classes of loyalty.stub.php, maps core errors
 * to exceptions, and plugs emalloc into the core. */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "php.h"
#include "ext/standard/info.h"
#include "zend_exceptions.h"
#include "ext/spl/spl_exceptions.h"
#include "ext/json/php_json.h"

#include "php_loyalty.h"
#include "loyalty_arginfo.h"
#include "../src/base/lty_checked.h"
#include "../src/settings/lty_settings.h"

ZEND_DECLARE_MODULE_GLOBALS(loyalty)

static PHP_INI_MH(OnUpdateCacheSize)
{
	if (OnUpdateLong(entry, new_value, mh_arg1, mh_arg2, mh_arg3, stage) == FAILURE) {
		return FAILURE;
	}
	php_loyalty_cache_resized(); /* a smaller cache lets its oldest programs go now */
	return SUCCESS;
}

PHP_INI_BEGIN()
	STD_PHP_INI_ENTRY("loyalty.cache_size", "64", PHP_INI_ALL, OnUpdateCacheSize, cache_size,
		zend_loyalty_globals, loyalty_globals)
PHP_INI_END()

zend_class_entry *php_loyalty_exception_ce;
zend_class_entry *php_loyalty_config_exception_ce;
zend_class_entry *php_loyalty_expression_exception_ce;
zend_class_entry *php_loyalty_input_exception_ce;
zend_class_entry *php_loyalty_ledger_exception_ce;
zend_class_entry *php_loyalty_program_ce;
zend_class_entry *php_loyalty_engine_ce;
zend_class_entry *php_loyalty_result_ce;
zend_class_entry *php_loyalty_report_ce;
zend_class_entry *php_loyalty_ledger_ce;

static void *php_loyalty_emalloc(void *ctx, size_t size)
{
	(void) ctx;
	return emalloc(size);
}

static void php_loyalty_efree(void *ctx, void *ptr)
{
	(void) ctx;
	efree(ptr);
}

const lty_allocator php_loyalty_allocator = { php_loyalty_emalloc, php_loyalty_efree, NULL };

void php_loyalty_throw(const lty_error *err)
{
	zend_class_entry *ce;

	switch (err->status) {
		case LTY_ERR_EXPRESSION: ce = php_loyalty_expression_exception_ce; break;
		case LTY_ERR_INPUT: ce = php_loyalty_input_exception_ce; break;
		case LTY_ERR_LEDGER: ce = php_loyalty_ledger_exception_ce; break;
		case LTY_ERR_NOMEM: zend_throw_error(NULL, "%s", err->message); return;
		default: ce = php_loyalty_config_exception_ce; break;
	}
	zend_throw_exception(ce, err->message, (zend_long) err->status);
}

const char *php_loyalty_printable(char *buf, size_t size, const char *s, size_t len)
{
	lty_printable(buf, size, s, len);
	return buf;
}

const char *php_loyalty_where_path(php_loyalty_where *w)
{
	char shown[64];

	if (w->path != NULL) {
		return w->path;
	}
	if (Z_TYPE_P(w->key) == IS_LONG) {
		snprintf(w->buf, sizeof(w->buf), "%s[" ZEND_LONG_FMT "]", w->list, Z_LVAL_P(w->key));
	} else if (Z_TYPE_P(w->key) == IS_STRING) {
		snprintf(w->buf, sizeof(w->buf), "%s[%s]", w->list,
			php_loyalty_printable(shown, sizeof(shown), Z_STRVAL_P(w->key), Z_STRLEN_P(w->key)));
	} else {
		snprintf(w->buf, sizeof(w->buf), "%s[?]", w->list);
	}
	w->path = w->buf;
	return w->path;
}

void php_loyalty_throw_fmt(zend_class_entry *ce, const char *fmt, ...)
{
	va_list ap;
	zend_string *msg;
	zend_long code = ce == php_loyalty_input_exception_ce ? LTY_ERR_INPUT
		: ce == php_loyalty_ledger_exception_ce ? LTY_ERR_LEDGER : LTY_ERR_CONFIG;

	va_start(ap, fmt);
	msg = zend_vstrpprintf(0, fmt, ap);
	va_end(ap);
	zend_throw_exception(ce, ZSTR_VAL(msg), code);
	zend_string_release(msg);
}

#if defined(COMPILE_DL_LOYALTY) && defined(ZTS)
ZEND_TSRMLS_CACHE_DEFINE()
#endif

static PHP_GINIT_FUNCTION(loyalty)
{
#if defined(COMPILE_DL_LOYALTY) && defined(ZTS)
	ZEND_TSRMLS_CACHE_UPDATE();
#endif
	memset(loyalty_globals, 0, sizeof(*loyalty_globals));
	/* a thread started after MINIT: the startup's keys, before its first request resets them */
	memcpy(loyalty_globals->keys, php_loyalty_keys, sizeof(php_loyalty_keys));
}

static PHP_GSHUTDOWN_FUNCTION(loyalty)
{
	php_loyalty_cache_destroy();
	php_loyalty_local_time_shutdown();
}

static PHP_MINIT_FUNCTION(loyalty)
{
	REGISTER_INI_ENTRIES();
	register_loyalty_symbols(module_number); /* Loyalty\VERSION */
	php_loyalty_keys_init();
	php_loyalty_keys_reset(); /* the keys are usable before the first request too (found by review) */
	php_loyalty_exception_ce = register_class_Loyalty_Exception(zend_ce_throwable);
	php_loyalty_config_exception_ce = register_class_Loyalty_ConfigException(
		spl_ce_InvalidArgumentException, php_loyalty_exception_ce);
	php_loyalty_expression_exception_ce = register_class_Loyalty_ExpressionException(
		php_loyalty_config_exception_ce);
	php_loyalty_input_exception_ce = register_class_Loyalty_InputException(
		spl_ce_InvalidArgumentException, php_loyalty_exception_ce);
	php_loyalty_ledger_exception_ce = register_class_Loyalty_LedgerException(
		spl_ce_RuntimeException, php_loyalty_exception_ce);
	php_loyalty_program_ce = register_class_Loyalty_Program();
	php_loyalty_program_setup(php_loyalty_program_ce);
	php_loyalty_engine_ce = register_class_Loyalty_Engine();
	php_loyalty_engine_setup(php_loyalty_engine_ce);
	php_loyalty_ledger_ce = register_class_Loyalty_Ledger();
	php_loyalty_ledger_setup(php_loyalty_ledger_ce);
	php_loyalty_result_ce = register_class_Loyalty_Result(php_json_serializable_ce);
	php_loyalty_result_setup(php_loyalty_result_ce);
	php_loyalty_report_ce = register_class_Loyalty_Report(php_json_serializable_ce);
	php_loyalty_sql_setup(register_class_Loyalty_SqlFilter());
	return SUCCESS;
}

/* Loyalty\cache_status(): the figures phpinfo() prints, as an array a script can read
 * (a shop's status page, docs/fpm.md). They are this process's: one FPM worker each. */
ZEND_FUNCTION(Loyalty_cache_status)
{
	ZEND_PARSE_PARAMETERS_NONE();
	array_init(return_value);
	add_assoc_string(return_value, "implementation", "extension");
	add_assoc_string(return_value, "version", PHP_LOYALTY_VERSION);
	add_assoc_long(return_value, "cache_size", LOYALTY_G(cache_size) > 0 ? LOYALTY_G(cache_size) : 0);
	add_assoc_long(return_value, "programs", LOYALTY_G(cache) ? (zend_long) zend_hash_num_elements(LOYALTY_G(cache)) : 0);
	add_assoc_long(return_value, "hits", LOYALTY_G(cache_hits));
	add_assoc_long(return_value, "misses", LOYALTY_G(cache_misses));
}

static PHP_MINFO_FUNCTION(loyalty)
{
	php_info_print_table_start();
	php_info_print_table_row(2, "loyalty support", "enabled");
	php_info_print_table_row(2, "Version", PHP_LOYALTY_VERSION);
#ifdef LOYALTY_RE2C_VERSION
	php_info_print_table_row(2, "Expression scanner", "re2c " LOYALTY_RE2C_VERSION);
#endif
	php_info_print_table_row(2, "Checked arithmetic", LTY_CHECKED_KIND);
	php_info_print_table_row(2, "Limits", "expressions 4096 bytes, 64 levels; see docs/limits.md");
	if (LOYALTY_G(cache_size) > 0) {
		char line[96];
		snprintf(line, sizeof(line), "%u of %ld programs, %ld hits, %ld misses",
			LOYALTY_G(cache) ? zend_hash_num_elements(LOYALTY_G(cache)) : 0, (long) LOYALTY_G(cache_size),
			(long) LOYALTY_G(cache_hits), (long) LOYALTY_G(cache_misses));
		php_info_print_table_row(2, "Compiled-program cache", line);
	} else {
		php_info_print_table_row(2, "Compiled-program cache", "disabled");
	}
	php_info_print_table_end();
	DISPLAY_INI_ENTRIES();
}

/* The request's keys start as the startup's: a script's interned copies of them, learnt during
 * the last request, may be gone (opcache restarts between requests; without opcache, a request's
 * interned strings end with it). */
static PHP_RINIT_FUNCTION(loyalty)
{
#if defined(COMPILE_DL_LOYALTY) && defined(ZTS)
	ZEND_TSRMLS_CACHE_UPDATE();
#endif
	php_loyalty_keys_reset();
	return SUCCESS;
}

static PHP_MSHUTDOWN_FUNCTION(loyalty)
{
	UNREGISTER_INI_ENTRIES();
	return SUCCESS;
}

static const zend_module_dep loyalty_deps[] = {
	ZEND_MOD_REQUIRED("json")
	ZEND_MOD_REQUIRED("spl")
	ZEND_MOD_REQUIRED("date")
#if PHP_VERSION_ID >= 80200
	ZEND_MOD_REQUIRED("random")
#endif
	ZEND_MOD_END
};

zend_module_entry loyalty_module_entry = {
	STANDARD_MODULE_HEADER_EX,
	NULL,
	loyalty_deps,
	"loyalty",
	ext_functions,
	PHP_MINIT(loyalty),
	PHP_MSHUTDOWN(loyalty),
	PHP_RINIT(loyalty),
	NULL,
	PHP_MINFO(loyalty),
	PHP_LOYALTY_VERSION,
	PHP_MODULE_GLOBALS(loyalty),
	PHP_GINIT(loyalty),
	PHP_GSHUTDOWN(loyalty),
	NULL,
	STANDARD_MODULE_PROPERTIES_EX
};

#ifdef COMPILE_DL_LOYALTY
ZEND_GET_MODULE(loyalty)
#endif
