/* A fast path for the dates shops pass most: 'YYYY-MM-DD HH:MM:SS' and 'YYYY-MM-DD',
 * as MySQL returns them, in PHP's default timezone. The answer is strtotime()'s,
 * found without its general parser: the local time is turned into Unix time with the
 * timezone's UTC offsets, read once per process from DateTimeZone::getTransitions()
 * and kept in module globals. Near an offset change (a day either side) and for
 * anything else, the caller falls back to strtotime() itself. */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "php.h"
#include "ext/date/php_date.h"

#include "php_loyalty.h"

ZEND_EXTERN_MODULE_GLOBALS(loyalty)

#define DAY 86400
/* Transitions are read for 1970-01-01 .. 2100-01-01; dates outside take the slow path. */
#define TABLE_BEGIN INT64_C(0)
#define TABLE_END INT64_C(4102444800)

typedef struct {
	size_t count;
	int64_t *start;          /* UTC start of each period, ascending; start[0] = TABLE_BEGIN */
	int32_t *offset;         /* its UTC offset in seconds */
} tz_table;

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
static int64_t days_from_civil(int64_t y, unsigned m, unsigned d)
{
	int64_t era;
	unsigned yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (unsigned) (y - era * 400);
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (int64_t) doe - 719468;
}

static unsigned digits(const char *p, size_t n, bool *ok)
{
	unsigned v = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		if (p[i] < '0' || p[i] > '9') {
			*ok = false;
			return 0;
		}
		v = v * 10 + (unsigned) (p[i] - '0');
	}
	return v;
}

/* The local time written in `s` as if it were UTC; false when `s` is not exactly one of the
 * two forms with fields in range. */
static bool parse_local(const char *s, size_t len, int64_t *out)
{
	static const unsigned month_days[12] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	unsigned y, m, d, h = 0, mi = 0, sec = 0;
	bool ok = true;

	if ((len != 10 && len != 19) || s[4] != '-' || s[7] != '-' || (len == 19 && (s[10] != ' ' || s[13] != ':' || s[16] != ':'))) {
		return false;
	}
	y = digits(s, 4, &ok);
	m = digits(s + 5, 2, &ok);
	d = digits(s + 8, 2, &ok);
	if (len == 19) {
		h = digits(s + 11, 2, &ok);
		mi = digits(s + 14, 2, &ok);
		sec = digits(s + 17, 2, &ok);
	}
	if (!ok || y < 1970 || m < 1 || m > 12 || d < 1 || d > month_days[m - 1] || h > 23 || mi > 59 || sec > 59
			|| (m == 2 && d == 29 && !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)))) {
		return false;
	}
	*out = days_from_civil(y, m, d) * DAY + h * 3600 + mi * 60 + sec;
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

/* The offsets of timezone `name` from DateTimeZone::getTransitions(); NULL when they cannot
 * be read (the caller then uses strtotime()). */
static tz_table *table_load(const char *name)
{
	zval fn, args[3], zone, list, *entry;
	tz_table *t = NULL;
	size_t i = 0;

	ZVAL_UNDEF(&zone);
	ZVAL_UNDEF(&list);
	ZVAL_STRING(&fn, "timezone_open");
	ZVAL_STRING(&args[0], name);
	if (call_user_function(NULL, NULL, &fn, &zone, 1, args) != SUCCESS) {
		ZVAL_UNDEF(&zone);
	}
	zval_ptr_dtor(&args[0]);
	if (Z_TYPE(zone) == IS_OBJECT) {
		zval_ptr_dtor(&fn);
		ZVAL_STRING(&fn, "timezone_transitions_get");
		ZVAL_COPY_VALUE(&args[0], &zone);
		ZVAL_LONG(&args[1], TABLE_BEGIN);
		/* to 2038 with 32-bit PHP (its last int): later dates take the slow path */
		ZVAL_LONG(&args[2], TABLE_END > ZEND_LONG_MAX ? ZEND_LONG_MAX : (zend_long) TABLE_END);
		if (call_user_function(NULL, NULL, &fn, &list, 3, args) == SUCCESS && Z_TYPE(list) == IS_ARRAY
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
	}
	zval_ptr_dtor(&fn);
	zval_ptr_dtor(&zone);
	zval_ptr_dtor(&list);
	if (EG(exception) && t != NULL) { /* thrown by user code (an error handler): it stands, the table does not */
		table_free(t);
		t = NULL;
	}
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
		t = table_load(name);
		if (t == NULL) {
			return NULL;
		}
		zend_hash_str_add_ptr(tables, name, len, t);
	}
	return t;
}

/* The table of the default timezone; NULL when unavailable. */
static const tz_table *current_table(void)
{
	timelib_tzinfo *tzi = get_timezone_info();

	if (tzi == NULL || tzi->name == NULL) {
		return NULL;
	}
	return table_of(tzi->name, strlen(tzi->name));
}

/* The period holding time t (start[period] <= t; start[0] is the table's beginning). */
static size_t period_of(const tz_table *t, int64_t at)
{
	size_t lo = 0, hi = t->count;

	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (t->start[mid] <= at) lo = mid; else hi = mid;
	}
	return lo;
}

bool php_loyalty_local_time(const char *s, size_t len, zend_long *out)
{
	const tz_table *t;
	int64_t local, utc;
	size_t p;

	if (!parse_local(s, len, &local) || local < TABLE_BEGIN + 2 * DAY || local > TABLE_END - 2 * DAY
			|| (t = current_table()) == NULL) {
		return false;
	}
	/* The period holding local - offset(local): if it runs at least a day either side, that
	 * offset is the one strtotime() applies (offsets are under a day). */
	utc = local - t->offset[period_of(t, local)];
	p = period_of(t, utc);
	if (utc - DAY < t->start[p] || (p + 1 < t->count && utc + DAY >= t->start[p + 1])
			|| local - t->offset[p] != utc) {
		return false;
	}
#if SIZEOF_ZEND_LONG == 4
	if (utc < ZEND_LONG_MIN || utc > ZEND_LONG_MAX) {
		return false; /* 32-bit PHP: strtotime() decides (it refuses what a PHP int cannot hold) */
	}
#endif
	*out = (zend_long) utc;
	return true;
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

void php_loyalty_local_time_shutdown(void)
{
	if (LOYALTY_G(tz_tables) != NULL) {
		zend_hash_destroy(LOYALTY_G(tz_tables));
		pefree(LOYALTY_G(tz_tables), 1);
		LOYALTY_G(tz_tables) = NULL;
	}
}
