#include "lty_error.h"

#include <stdio.h>
#include <string.h>

lty_status lty_error_set(lty_error *err, lty_status status, const char *fmt, ...)
{
	va_list ap;

	err->status = status;
	err->column = 0;
	va_start(ap, fmt);
	vsnprintf(err->message, sizeof(err->message), fmt, ap);
	va_end(ap);
	return status;
}

void lty_error_append(lty_error *err, const char *fmt, ...)
{
	size_t used = strlen(err->message);
	va_list ap;

	if (used + 1 >= sizeof(err->message)) {
		return;
	}
	va_start(ap, fmt);
	vsnprintf(err->message + used, sizeof(err->message) - used, fmt, ap);
	va_end(ap);
}
