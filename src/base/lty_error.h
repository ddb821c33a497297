/* Errors reported by the core: a status code, a column for expression
 * errors, and a complete message that starts with the path of the bad value. */
#ifndef LTY_ERROR_H
#define LTY_ERROR_H

#include <stdarg.h>
#include <stddef.h>

typedef enum {
	LTY_OK = 0,
	LTY_ERR_CONFIG = 1,     /* invalid settings -> Loyalty\ConfigException */
	LTY_ERR_EXPRESSION = 2, /* segment syntax/type error -> Loyalty\ExpressionException */
	LTY_ERR_INPUT = 3,      /* invalid customer/cart/ledger -> Loyalty\InputException */
	LTY_ERR_LEDGER = 4,     /* ledger operation refused -> Loyalty\LedgerException */
	LTY_ERR_NOMEM = 5       /* allocator returned NULL */
} lty_status;

/* Room for a path, a message, and an expression echoed with its caret line
 * (sources are limited to 4 KiB). */
#define LTY_ERROR_MAX 9216

typedef struct {
	lty_status status;
	int column;                 /* 1-based byte column for expression errors, else 0 */
	char message[LTY_ERROR_MAX];
} lty_error;

/* Sets status and formats the message; always returns status. */
lty_status lty_error_set(lty_error *err, lty_status status, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 3, 4)))
#endif
	;

/* Appends formatted text to the message (truncated at LTY_ERROR_MAX). */
void lty_error_append(lty_error *err, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;

/* `len` bytes for a message: control bytes as \xNN, cut with "..." past the buffer. */
void lty_printable(char *buf, size_t size, const char *s, size_t len);

#endif
