/*
 * A threaded host of PHP, the way FrankenPHP (and Apache's threaded MPMs) run it: one PHP
 * built ZTS and linked in (the embed SAPI's libphp), a SAPI module of our own, and several
 * pthreads that each run requests one after another. A thread gets its own globals from
 * ts_resource(), then for each request: php_request_startup(), the request script,
 * php_request_shutdown(); at its end ts_free_thread() (the extension's GSHUTDOWN, its
 * per-thread program cache freed). Built and run by `scripts/matrix.sh threads`.
 *
 *   host --extension=PATH [--threads=N] [--requests=N] [--cache-size=N] SCRIPT
 *
 * The script sees $_SERVER['LOYALTY_THREAD'] and $_SERVER['LOYALTY_REQUEST'] and prints one
 * "ok ..." line per check and "done" at its end; a request passes when it printed no other
 * line (a failed check, a warning, a fatal error) and ended with "done". The output ends with
 * "N passed, N failed", one per request. A debug PHP reports leaks on stderr, at the end of the
 * request that leaked; scripts/matrix.sh counts them.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "php.h"
#include "php_main.h"
#include "php_variables.h"
#include "SAPI.h"
#include "TSRM.h"

#ifndef ZTS
#error "the threaded host needs a ZTS build of PHP"
#endif

#ifdef LOYALTY_HOST_NO_DEEPBIND
#include <dlfcn.h>
/* Under ThreadSanitizer: PHP loads extensions with dlopen(..., RTLD_DEEPBIND), which the
 * sanitizer runtimes refuse. This dlopen, found before the C library's, drops the flag. */
void *dlopen(const char *file, int mode)
{
	static void *(*next)(const char *, int);

	if (next == NULL) {
		next = (void *(*)(const char *, int)) dlsym(RTLD_NEXT, "dlopen");
	}
	return next(file, mode & ~RTLD_DEEPBIND);
}
#endif

/* What a request printed: SG(server_context) points to it while the request runs. */
typedef struct {
	char *data;
	size_t len;
	size_t cap;
	int thread;
	int request;
} request_output;

static const char *script_path;
static int requests_per_thread = 40;

static pthread_mutex_t counts_lock = PTHREAD_MUTEX_INITIALIZER;
static int passed, failed, shown;

static size_t host_ub_write(const char *str, size_t len)
{
	request_output *out = SG(server_context);

	if (out == NULL) { /* output outside of a request (startup errors) */
		return fwrite(str, 1, len, stderr);
	}
	if (out->len + len + 1 > out->cap) {
		size_t cap = out->cap ? out->cap : 4096;
		while (cap < out->len + len + 1) {
			cap *= 2;
		}
		out->data = realloc(out->data, cap);
		if (out->data == NULL) {
			abort();
		}
		out->cap = cap;
	}
	memcpy(out->data + out->len, str, len);
	out->len += len;
	out->data[out->len] = '\0';
	return len;
}

static void host_flush(void *server_context)
{
}

static void host_send_header(sapi_header_struct *header, void *server_context)
{
}

static char *host_read_cookies(void)
{
	return NULL;
}

static void host_register_variables(zval *track_vars)
{
	request_output *out = SG(server_context);
	char number[16];

	php_register_variable("PHP_SELF", script_path, track_vars);
	snprintf(number, sizeof(number), "%d", out->thread);
	php_register_variable("LOYALTY_THREAD", number, track_vars);
	snprintf(number, sizeof(number), "%d", out->request);
	php_register_variable("LOYALTY_REQUEST", number, track_vars);
}

static void host_log_message(const char *message, int syslog_type)
{
	fprintf(stderr, "%s\n", message);
}

static int host_startup(sapi_module_struct *module)
{
	return php_module_startup(module, NULL);
}

static sapi_module_struct host_module = {
	"loyalty-threads",              /* name */
	"loyalty threaded test host",   /* pretty name */
	host_startup,                   /* startup */
	php_module_shutdown_wrapper,    /* shutdown */
	NULL,                           /* activate */
	NULL,                           /* deactivate */
	host_ub_write,                  /* unbuffered write */
	host_flush,                     /* flush */
	NULL,                           /* get uid */
	NULL,                           /* getenv */
	php_error,                      /* error handler */
	NULL,                           /* header handler */
	NULL,                           /* send headers handler */
	host_send_header,               /* send header handler */
	NULL,                           /* read POST data */
	host_read_cookies,              /* read cookies */
	host_register_variables,        /* register server variables */
	host_log_message,               /* log message */
	NULL,                           /* get request time */
	NULL,                           /* child terminate */
	STANDARD_SAPI_MODULE_PROPERTIES
};

/* A request passed: only "ok ..." lines, the last one "done". */
static bool output_passed(const request_output *out)
{
	const char *line = out->data, *end;
	bool done = false;

	if (line == NULL) {
		return false;
	}
	while (*line != '\0') {
		end = strchr(line, '\n');
		if (end == NULL) {
			return false;
		}
		if (done) {
			return false;
		}
		if (end - line == 4 && memcmp(line, "done", 4) == 0) {
			done = true;
		} else if (end - line < 3 || memcmp(line, "ok ", 3) != 0) {
			return false;
		}
		line = end + 1;
	}
	return done;
}

static void run_request(int thread, int request)
{
	request_output out = { NULL, 0, 0, thread, request };
	zend_file_handle file;
	bool ok;

	SG(server_context) = &out;
	SG(options) |= SAPI_OPTION_NO_CHDIR;
	SG(request_info).path_translated = (char *) script_path;
	SG(request_info).request_method = "GET";
	SG(request_info).content_type = NULL;
	SG(request_info).query_string = NULL;
	SG(request_info).request_uri = (char *) script_path;
	SG(request_info).no_headers = 1;

	if (php_request_startup() == SUCCESS) {
		SG(headers_sent) = 1;
		zend_stream_init_filename(&file, script_path);
		zend_try {
			php_execute_script(&file);
		} zend_end_try();
		zend_destroy_file_handle(&file);
	} else {
		host_ub_write("request startup failed\n", 23);
	}
	php_request_shutdown(NULL);
	SG(server_context) = NULL;

	ok = output_passed(&out);
	pthread_mutex_lock(&counts_lock);
	if (ok) {
		passed++;
	} else {
		failed++;
		if (shown++ < 5) {
			fprintf(stdout, "FAILED: thread %d, request %d:\n%s\n", thread, request, out.data ? out.data : "(no output)");
		}
	}
	pthread_mutex_unlock(&counts_lock);
	free(out.data);
}

static void *worker(void *arg)
{
	int thread = (int) (intptr_t) arg, request;

	(void) ts_resource(0);
	for (request = 0; request < requests_per_thread; request++) {
		run_request(thread, request);
	}
	ts_free_thread();
	return NULL;
}

static int usage(void)
{
	fprintf(stderr, "usage: host --extension=PATH [--threads=N] [--requests=N] [--cache-size=N] SCRIPT\n");
	return 2;
}

int main(int argc, char **argv)
{
	const char *extension = NULL;
	int threads = 8, cache_size = 4, i;
	pthread_t *ids;
	char *ini;
	size_t ini_size;

	for (i = 1; i < argc; i++) {
		if (strncmp(argv[i], "--extension=", 12) == 0) {
			extension = argv[i] + 12;
		} else if (strncmp(argv[i], "--threads=", 10) == 0) {
			threads = atoi(argv[i] + 10);
		} else if (strncmp(argv[i], "--requests=", 11) == 0) {
			requests_per_thread = atoi(argv[i] + 11);
		} else if (strncmp(argv[i], "--cache-size=", 13) == 0) {
			cache_size = atoi(argv[i] + 13);
		} else if (argv[i][0] != '-' && script_path == NULL) {
			script_path = realpath(argv[i], NULL); /* each thread has a virtual cwd of its own */
			if (script_path == NULL) {
				perror(argv[i]);
				return 2;
			}
		} else {
			return usage();
		}
	}
	if (extension == NULL || script_path == NULL || threads < 1 || requests_per_thread < 1) {
		return usage();
	}

	php_tsrm_startup();
	zend_signal_startup();
	sapi_startup(&host_module);
	/* php.ini is not read; these are the whole configuration (a small program cache, so that
	 * the requests also evict from it) */
	ini_size = strlen(extension) + 512;
	ini = malloc(ini_size);
	snprintf(ini, ini_size,
		"extension=%s\ndisplay_errors=1\nerror_reporting=-1\nlog_errors=0\nhtml_errors=0\n"
		"memory_limit=256M\nmax_execution_time=0\nmax_input_time=-1\noutput_buffering=0\n"
		"implicit_flush=0\ndate.timezone=UTC\nloyalty.cache_size=%d\n",
		extension, cache_size);
	host_module.ini_entries = ini;
	host_module.php_ini_ignore = 1;
	if (host_module.startup(&host_module) == FAILURE) {
		fprintf(stderr, "PHP module startup failed\n");
		return 1;
	}

	ids = calloc((size_t) threads, sizeof(pthread_t));
	for (i = 0; i < threads; i++) {
		if (pthread_create(&ids[i], NULL, worker, (void *) (intptr_t) i) != 0) {
			fprintf(stderr, "pthread_create failed\n");
			return 1;
		}
	}
	for (i = 0; i < threads; i++) {
		pthread_join(ids[i], NULL);
	}
	free(ids);

	php_module_shutdown();
	sapi_shutdown();
	tsrm_shutdown();
	free(ini);
	free((char *) script_path);

	printf("%d threads, %d requests each\n", threads, requests_per_thread);
	printf("%d passed, %d failed\n", passed, failed);
	return failed == 0 && passed == threads * requests_per_thread ? 0 : 1;
}
