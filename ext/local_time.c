/* Dates as ext/date reads them, through its C API (php_date.h) and DateTimeZone's own methods:
 * never through functions that disable_functions can remove (strtotime(), timezone_open(), ...).
 * PHP does not export timelib's functions to extensions, so a date string is parsed by
 * php_date_initialize() (what `new DateTimeImmutable($s, $zone)` runs) and a zone comes from
 * DateTimeZone's constructor (what timezone_open() runs).
 *
 * A fast path for the dates shops pass most: 'YYYY-MM-DD HH:MM:SS' and 'YYYY-MM-DD',
 * as MySQL returns them, in PHP's default timezone. The answer is strtotime()'s,
 * found without its general parser: the local time is turned into Unix time with the
 * timezone's UTC offsets, read once per process from DateTimeZone::getTransitions()
 * and kept in module globals. Near an offset change (a day either side) and for
 * anything else, the caller reads the date as strtotime() does (php_loyalty_strtotime()). */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "php.h"
#include "zend_exceptions.h"
#include "zend_interfaces.h"
#include "ext/date/php_date.h"

#include "php_loyalty.h"
#include "../src/base/lty_bytes.h"

ZEND_EXTERN_MODULE_GLOBALS(loyalty)

#define DAY 86400
/* Transitions are read for 1970-01-01 .. 2100-01-01; dates outside take the slow path. */
#define TABLE_BEGIN INT64_C(0)
#define TABLE_END INT64_C(4102444800)

struct php_loyalty_zone {
	size_t count;
	int64_t *start;          /* UTC start of each period, ascending; start[0] = TABLE_BEGIN */
	int32_t *offset;         /* its UTC offset in seconds */
	size_t hint;             /* the period found last: the dates of a shop's rows are close */
	/* local times [safe_from, safe_to) are Unix time local - safe_offset: the inside of the
	 * period last converted into, a day from its ends (empty at first) */
	int64_t safe_from, safe_to;
	int32_t safe_offset;
};
typedef struct php_loyalty_zone tz_table;

/* The eight bytes of `w` xored with their template, its digits as '0': 0 where a separator is as
 * expected, 0..9 where a digit is; true when that holds for every byte. `digits` has 0xff at the
 * digits' places. */
static inline bool digits_and_separators(uint64_t x, uint64_t digits)
{
	const uint64_t ones = UINT64_C(0x0101010101010101);

	/* a separator's byte must be 0; a digit's high nibble too, and its value + 6 must stay below 16 */
	return ((x & (~digits | (digits & (ones * 0xf0)))) | ((x + (digits & (ones * 6))) & (digits & (ones * 0x10)))) == 0;
}

/* Two digits at p, or -1. */
static inline int two_digits(const char *p)
{
	unsigned a = (unsigned char) p[0] - '0', b = (unsigned char) p[1] - '0';

	return a <= 9 && b <= 9 ? (int) (a * 10 + b) : -1;
}

/* Days from 1970-01-01 to the first of each month, in common years and in leap years. */
static const int16_t before_month[2][12] = {
	{ 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334 },
	{ 0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335 },
};
static const uint8_t month_days[2][12] = {
	{ 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 },
	{ 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 },
};

/* The local time written in `s` as if it were UTC; false when `s` is not exactly one of the
 * two forms with fields in range. The fields are checked and read eight bytes at a time: each
 * byte of w * 10 + (w >> 8) is a digit's value times ten plus the next one's. */
static bool parse_local(const char *s, size_t len, int64_t *out)
{
	/* "0000-00-" and "00:00:00", the first byte lowest */
	const uint64_t date_form = UINT64_C(0x2d30302d30303030), date_digits = UINT64_C(0x00ffff00ffffffff);
	const uint64_t time_form = UINT64_C(0x30303a30303a3030), time_digits = UINT64_C(0xffff00ffff00ffff);
	uint64_t x, pairs;
	unsigned y, m, d, leap, h = 0, mi = 0, sec = 0;

	if (len != 10 && (len != 19 || s[10] != ' ')) {
		return false;
	}
	x = lty_load8(s) ^ date_form;
	if (!digits_and_separators(x, date_digits)) {
		return false;
	}
	d = (unsigned) two_digits(s + 8); /* -1, as unsigned, is past every month's end below */
	pairs = x * 10 + (x >> 8);
	y = (unsigned) (pairs & 0xff) * 100 + (unsigned) ((pairs >> 16) & 0xff);
	m = (unsigned) ((pairs >> 40) & 0xff);
	if (len == 19) {
		x = lty_load8(s + 11) ^ time_form;
		if (!digits_and_separators(x, time_digits)) {
			return false;
		}
		pairs = x * 10 + (x >> 8);
		/* hours at most 23, minutes and seconds 59: each byte + (128 - its limit) under 128 */
		if (((pairs & UINT64_C(0x00ff0000ff0000ff)) + UINT64_C(0x0044000044000068)) & UINT64_C(0x0080000080000080)) {
			return false;
		}
		h = (unsigned) (pairs & 0xff);
		mi = (unsigned) ((pairs >> 24) & 0xff);
		sec = (unsigned) ((pairs >> 48) & 0xff);
	}
	/* 1970..2099, where every fourth year is a leap year (2000 is one); after 2099 is outside the
	 * transitions read, for the slow path as before 1970 */
	leap = (y & 3) == 0;
	if (y - 1970 > 129 || m - 1 > 11 || d - 1 >= month_days[leap][m - 1]) { /* d = 0 wraps around */
		return false;
	}
	*out = ((int64_t) (y - 1970) * 365 + (y - 1969) / 4 + before_month[leap][m - 1] + d - 1) * DAY
		+ h * 3600 + mi * 60 + sec;
	return true;
}

static void table_free(tz_table *t)
{
	if (t != NULL) {
		pefree(t->start, 1);
		pefree(t->offset, 1);
		pefree(t, 1);
	}
}

static void table_dtor(zval *zv)
{
	table_free(Z_PTR_P(zv));
}

/* ---- zones ---- */

/* Leaves no exception behind: a zone or a date that cannot be read is the caller's to report. */
static bool forget_exception(void)
{
	if (EG(exception) == NULL) {
		return false;
	}
	zend_clear_exception();
	return true;
}

bool php_loyalty_zone_open(const char *name, size_t len, zval *zone)
{
	zend_class_entry *ce = php_date_get_timezone_ce();
	zval arg;

	ZVAL_UNDEF(zone);
	if (object_init_ex(zone, ce) != SUCCESS) {
		return false;
	}
	ZVAL_STRINGL(&arg, name, len);
	/* DateTimeZone::__construct() runs the parser timezone_open() runs, and throws instead of warning. */
	zend_call_known_instance_method_with_1_params(ce->constructor, Z_OBJ_P(zone), NULL, &arg);
	zval_ptr_dtor(&arg);
	if (forget_exception()) {
		zval_ptr_dtor(zone);
		ZVAL_UNDEF(zone);
		return false;
	}
	return true;
}

/* A method of DateTimeZone by its lowercase name, called on `zone` (NULL: a static method). */
static bool zone_call(zval *zone, const char *method, zval *rv, uint32_t argc, zval *argv)
{
	zend_class_entry *ce = php_date_get_timezone_ce();
	zend_function *fn = zend_hash_str_find_ptr(&ce->function_table, method, strlen(method));

	ZVAL_UNDEF(rv);
	if (fn == NULL) {
		return false;
	}
	zend_call_known_function(fn, zone != NULL ? Z_OBJ_P(zone) : NULL, ce, rv, argc, argv, NULL);
	if (forget_exception()) {
		zval_ptr_dtor(rv);
		ZVAL_UNDEF(rv);
		return false;
	}
	return true;
}

bool php_loyalty_timezone_listed(const char *name, size_t len)
{
	zval arg, list, *item;
	bool found = false;

	ZVAL_LONG(&arg, 4095); /* DateTimeZone::ALL_WITH_BC: backward-compatible links too */
	if (zone_call(NULL, "listidentifiers", &list, 1, &arg) && Z_TYPE(list) == IS_ARRAY) {
		ZEND_HASH_FOREACH_VAL(Z_ARRVAL(list), item) {
			if (Z_TYPE_P(item) == IS_STRING && Z_STRLEN_P(item) == len && memcmp(Z_STRVAL_P(item), name, len) == 0) {
				found = true;
				break;
			}
		} ZEND_HASH_FOREACH_END();
	}
	zval_ptr_dtor(&list);
	return found;
}

/* The offsets of timezone `name` from DateTimeZone::getTransitions(); NULL when they cannot
 * be read (the caller then reads the date the general way). */
static tz_table *table_load(const char *name, size_t len)
{
	zval zone, args[2], list, *entry;
	tz_table *t = NULL;
	size_t i = 0;

	ZVAL_UNDEF(&list);
	if (!php_loyalty_zone_open(name, len, &zone)) {
		return NULL;
	}
	ZVAL_LONG(&args[0], TABLE_BEGIN);
	/* to 2038 with 32-bit PHP (its last int): later dates take the slow path */
	ZVAL_LONG(&args[1], TABLE_END > ZEND_LONG_MAX ? ZEND_LONG_MAX : (zend_long) TABLE_END);
	if (zone_call(&zone, "gettransitions", &list, 2, args) && Z_TYPE(list) == IS_ARRAY
			&& zend_hash_num_elements(Z_ARRVAL(list)) > 0) {
		t = pecalloc(1, sizeof(tz_table), 1);
		t->start = safe_pemalloc(zend_hash_num_elements(Z_ARRVAL(list)), sizeof(int64_t), 0, 1);
		t->offset = safe_pemalloc(zend_hash_num_elements(Z_ARRVAL(list)), sizeof(int32_t), 0, 1);
		ZEND_HASH_FOREACH_VAL(Z_ARRVAL(list), entry) {
			zval *ts = Z_TYPE_P(entry) == IS_ARRAY ? zend_hash_str_find(Z_ARRVAL_P(entry), "ts", 2) : NULL;
			zval *off = Z_TYPE_P(entry) == IS_ARRAY ? zend_hash_str_find(Z_ARRVAL_P(entry), "offset", 6) : NULL;
			if (ts == NULL || off == NULL || Z_TYPE_P(ts) != IS_LONG || Z_TYPE_P(off) != IS_LONG
					|| (i > 0 && Z_LVAL_P(ts) <= t->start[i - 1])) {
				table_free(t);
				t = NULL;
				break;
			}
			t->start[i] = i == 0 ? TABLE_BEGIN : Z_LVAL_P(ts); /* the first entry is the state at the beginning */
			t->offset[i] = (int32_t) Z_LVAL_P(off);
			i++;
		} ZEND_HASH_FOREACH_END();
		if (t != NULL) {
			t->count = i;
		}
	}
	zval_ptr_dtor(&zone);
	zval_ptr_dtor(&list);
	return t;
}

/* The table of timezone `name`, loaded on first use; NULL when unavailable. */
static const tz_table *table_of(const char *name, size_t len)
{
	HashTable *tables = LOYALTY_G(tz_tables);
	tz_table *t;

	if (tables == NULL) {
		tables = LOYALTY_G(tz_tables) = pemalloc(sizeof(HashTable), 1);
		zend_hash_init(tables, 4, NULL, table_dtor, 1);
	}
	t = zend_hash_str_find_ptr(tables, name, len);
	if (t == NULL) {
		t = table_load(name, len);
		if (t == NULL) {
			return NULL;
		}
		zend_hash_str_add_ptr(tables, name, len, t);
	}
	return t;
}

/* The name PHP's default timezone goes by, read from ext/date's globals as its
 * guess_timezone() reads them (date_default_timezone_set(), else date.timezone, else UTC);
 * NULL when they cannot be reached. A string compare instead of get_timezone_info(), which
 * looks the zone up by name in ext/date's cache on every call. */
static const char *default_zone_name(void)
{
	const zend_module_entry *date_module = LOYALTY_G(date_module);
	const zend_date_globals *g;

	if (date_module == NULL
			&& (date_module = LOYALTY_G(date_module) = zend_hash_str_find_ptr(&module_registry, "date", sizeof("date") - 1)) == NULL) {
		return NULL;
	}
#ifdef ZTS
	if (date_module->globals_id_ptr == NULL) {
		return NULL;
	}
	g = TSRMG_BULK(*date_module->globals_id_ptr, zend_date_globals *);
#else
	if ((g = date_module->globals_ptr) == NULL) {
		return NULL;
	}
#endif
	if (g->timezone != NULL && g->timezone[0] != '\0') {
		return g->timezone;
	}
	if (g->default_timezone != NULL) {
		return g->default_timezone[0] != '\0' ? g->default_timezone : "UTC";
	}
	return NULL;
}

/* The table of the default timezone; NULL when unavailable. */
static const php_loyalty_zone *default_zone(void)
{
	const char *asked = default_zone_name();
	timelib_tzinfo *tzi;
	const tz_table *t;
	size_t len;

	/* the name asked for, compared by content: a later date_default_timezone_set() may
	 * reuse a freed name's address */
	if (asked != NULL && LOYALTY_G(tz_default_table) != NULL && strcmp(asked, LOYALTY_G(tz_default_name)) == 0) {
		return LOYALTY_G(tz_default_table);
	}
	tzi = get_timezone_info();
	if (tzi == NULL || tzi->name == NULL) {
		return NULL;
	}
	len = strlen(tzi->name);
	t = table_of(tzi->name, len);
	LOYALTY_G(tz_default_table) = NULL;
	if (t != NULL && asked != NULL && (len = strlen(asked)) < sizeof(LOYALTY_G(tz_default_name))) {
		memcpy(LOYALTY_G(tz_default_name), asked, len + 1);
		LOYALTY_G(tz_default_table) = t;
	}
	return t;
}

/* The period holding time t (start[period] <= t; start[0] is the table's beginning). */
static size_t period_of(const tz_table *t, int64_t at)
{
	size_t lo = 0, hi = t->count;

	if (t->start[t->hint] <= at && (t->hint + 1 == t->count || at < t->start[t->hint + 1])) {
		return t->hint;
	}

	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (t->start[mid] <= at) lo = mid; else hi = mid;
	}
	((tz_table *) t)->hint = lo; /* a cache of the thread's own table */
	return lo;
}

/* Unix time of local time `local` outside the period the last one was in, which becomes the
 * current one; false within a day of an offset change. Apart from its caller, whose usual case
 * it would otherwise slow down. */
static zend_never_inline bool in_other_period(const tz_table *t, int64_t local, int64_t *out)
{
	/* The period holding local - offset(local): if it runs at least a day either side, that
	 * offset is the one strtotime() applies (offsets are under a day). */
	tz_table *cache = (tz_table *) t; /* the thread's own table */
	int64_t utc = local - t->offset[period_of(t, local)];
	size_t p = period_of(t, utc);

	if (utc - DAY < t->start[p] || (p + 1 < t->count && utc + DAY >= t->start[p + 1])
			|| local - t->offset[p] != utc) {
		return false;
	}
	cache->safe_offset = t->offset[p];
	cache->safe_from = t->start[p] + DAY + t->offset[p];
	cache->safe_to = (p + 1 < t->count ? t->start[p + 1] : TABLE_END) - DAY + t->offset[p];
	*out = utc;
	return true;
}

/* Unix time `utc` as a PHP int; false when 32-bit PHP cannot hold it (strtotime() decides: it
 * refuses what a PHP int cannot hold). */
static zend_always_inline bool to_long(int64_t utc, zend_long *out)
{
#if SIZEOF_ZEND_LONG == 4
	if (utc < ZEND_LONG_MIN || utc > ZEND_LONG_MAX) {
		return false;
	}
#endif
	*out = (zend_long) utc;
	return true;
}

/* Local time `local` outside the period of the date before, or the first one: the default zone
 * found if need be. Apart from its caller, whose usual case then saves no registers. */
static zend_never_inline bool convert_elsewhere(const php_loyalty_zone **zone, int64_t local, zend_long *out)
{
	const tz_table *t = *zone != NULL ? *zone : (*zone = default_zone());
	int64_t utc;

	if (t == NULL) {
		return false;
	}
	if (local >= t->safe_from && local < t->safe_to) {
		utc = local - t->safe_offset;
	} else if (!in_other_period(t, local, &utc)) {
		return false;
	}
	return to_long(utc, out);
}

bool php_loyalty_local_time_in(const php_loyalty_zone **zone, const char *s, size_t len, zend_long *out)
{
	const tz_table *t = *zone;
	int64_t local;

	if (!parse_local(s, len, &local) || local < TABLE_BEGIN + 2 * DAY || local > TABLE_END - 2 * DAY) {
		return false;
	}
	if (EXPECTED(t != NULL) && local >= t->safe_from && local < t->safe_to) { /* most rows: the period of the row before */
		return to_long(local - t->safe_offset, out);
	}
	return convert_elsewhere(zone, local, out);
}

bool php_loyalty_utc_offset(const char *name, size_t len, zend_long at, int64_t *out)
{
	const tz_table *t;

	if (memchr(name, '\0', len) != NULL || (t = table_of(name, len)) == NULL) {
		return false;
	}
	/* Before 1970 the first period's offset, after 2100 the last one's: shops' dates are in between. */
	*out = t->offset[period_of(t, at)];
	return true;
}

/* ---- date strings ---- */

/* The abbreviation of the zone that carries "now" below: no date string can name it (it has a space). */
#define NOW_MARK "loyalty now"

/* A date object parsed from `s` by php_date_initialize(), which is `new DateTimeImmutable($s,
 * $zone)` without a constructor call; false when the parser rejects `s`. */
static bool parse(const char *s, size_t len, zval *zone, zval *date)
{
	php_date_instantiate(php_date_get_immutable_ce(), date);
	/* flags 0: no exception and no warning (ext/date keeps the parse errors for
	 * DateTime::getLastErrors(), as date_create_immutable() does) */
	if (!php_date_initialize(Z_PHPDATE_P(date), s, len, NULL, zone, 0) || Z_PHPDATE_P(date)->time == NULL) {
		zval_ptr_dtor(date);
		ZVAL_UNDEF(date);
		return false;
	}
	return true;
}

static bool timestamp(const timelib_time *t, zend_long *out)
{
#if SIZEOF_ZEND_LONG < 8
	if (t->sse < ZEND_LONG_MIN || t->sse > ZEND_LONG_MAX) {
		return false; /* strtotime() is false where the time does not fit an int */
	}
#endif
	*out = (zend_long) t->sse;
	return true;
}

bool php_loyalty_date_in_zone(const char *s, size_t len, const char *tz, size_t tz_len, int64_t *out)
{
	zval zone, date;
	zend_long ts;
	bool ok;

	if (!php_loyalty_zone_open(tz, tz_len, &zone)) {
		return false;
	}
	ok = parse(s, len, &zone, &date);
	zval_ptr_dtor(&zone);
	if (!ok) {
		return false;
	}
	ok = timestamp(Z_PHPDATE_P(&date)->time, &ts);
	zval_ptr_dtor(&date);
	if (ok) {
		*out = ts;
	}
	return ok;
}

/* The Unix time of a wall-clock time (seconds as if it were UTC) in the default timezone, as
 * strtotime() turns a time without a zone into one: the same parser, given the wall clock
 * as a date without holes ('1970-01-01 00:00:00 +N sec'). */
static bool wall_to_time(timelib_sll wall, zend_long *out)
{
	char buf[64];
	zval date;
	bool ok;
	int n = snprintf(buf, sizeof(buf), "1970-01-01 00:00:00 %c%" PRIu64 " sec", wall < 0 ? '-' : '+',
		wall < 0 ? (uint64_t) 0 - (uint64_t) wall : (uint64_t) wall);

	if (!parse(buf, (size_t) n, NULL, &date)) {
		return false; /* beyond the 13 digits timelib reads in a relative number: years past 300,000 */
	}
	ok = timestamp(Z_PHPDATE_P(&date)->time, out);
	zval_ptr_dtor(&date);
	return ok;
}

/* strtotime(s, now) for a `now` whose wall clock is `shift` seconds ahead of the current time.
 * php_date_initialize() fills what `s` leaves out (the date of '10:00', the base of '+1 day')
 * from the current time as seen in the zone it is given; given a fixed zone `shift` seconds
 * east under NOW_MARK, what it fills is `now`'s wall clock in the default timezone, as
 * strtotime() fills it. A result still in that zone (`s` named none) is a wall-clock time,
 * which is then read in the default timezone as strtotime() reads it. */
static bool parse_shifted(const char *s, size_t len, timelib_sll shift, zend_long *out)
{
	zval zone, date;
	php_timezone_obj *tz;
	timelib_time *t;
	bool ok;

	object_init_ex(&zone, php_date_get_timezone_ce());
	tz = Z_PHPTIMEZONE_P(&zone);
	tz->initialized = true;
	tz->type = TIMELIB_ZONETYPE_ABBR;
	tz->tzi.z.utc_offset = shift;
	tz->tzi.z.dst = 0;
	tz->tzi.z.abbr = estrdup(NOW_MARK); /* freed with the object */
	ok = parse(s, len, &zone, &date);
	zval_ptr_dtor(&zone);
	if (!ok) {
		return false;
	}
	t = Z_PHPDATE_P(&date)->time;
	if (t->zone_type == TIMELIB_ZONETYPE_ABBR && t->tz_abbr != NULL && strcmp(t->tz_abbr, NOW_MARK) == 0) {
		ok = wall_to_time(t->sse + shift, out);
	} else {
		ok = timestamp(t, out);
	}
	zval_ptr_dtor(&date);
	return ok;
}

php_loyalty_date_status php_loyalty_strtotime(const char *s, size_t len, zend_long now, zend_long *out)
{
	int64_t at = (int64_t) now;
	bool near = at > -(INT64_C(1) << 61) && at < (INT64_C(1) << 61); /* no overflow below */
	/* now's wall clock in the default timezone ('Z' is its UTC offset; false: local time) */
	timelib_sll wall = near ? at + php_idate('Z', (time_t) now, false) : 0;
	int tries;

	for (tries = 0; near && tries < 3; tries++) {
		time_t before = php_time();
		timelib_sll shift = wall - (timelib_sll) before;
		bool ok;

		if (shift < INT32_MIN || shift > INT32_MAX) {
			break; /* a zone offset is an int (seconds): about 68 years either side */
		}
		ok = parse_shifted(s, len, shift, out);
		/* The parser read the clock in between: in the same second, unless the clock ticked
		 * during the parse (then once more; a third tick in a row would be a clock gone mad). */
		if (php_time() == before || tries == 2) {
			return ok ? PHP_LOYALTY_DATE_OK : PHP_LOYALTY_DATE_INVALID;
		}
	}
	/* `now` too far from the current time to be shifted to: the answer stands when it does
	 * not depend on `now` (two different nows give the same); otherwise it cannot be given. */
	{
		zend_long a, b;
		bool ok_a = parse_shifted(s, len, 0, &a), ok_b = parse_shifted(s, len, INT32_MAX / 2, &b);

		if (!ok_a && !ok_b) {
			return PHP_LOYALTY_DATE_INVALID;
		}
		if (ok_a && ok_b && a == b) {
			*out = a;
			return PHP_LOYALTY_DATE_OK;
		}
		return PHP_LOYALTY_DATE_FAR_NOW;
	}
}

void php_loyalty_local_time_shutdown(void)
{
	LOYALTY_G(tz_default_table) = NULL;
	if (LOYALTY_G(tz_tables) != NULL) {
		zend_hash_destroy(LOYALTY_G(tz_tables));
		pefree(LOYALTY_G(tz_tables), 1);
		LOYALTY_G(tz_tables) = NULL;
	}
}
