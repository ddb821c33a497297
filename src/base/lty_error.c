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

void lty_printable(char *buf, size_t size, const char *key, size_t len)
{
	size_t i, o = 0;

	for (i = 0; i < len && o + 5 < size; i++) {
		unsigned char c = (unsigned char) key[i];
		if (c < 0x20 || c == 0x7f) {
			if (o + 8 >= size) {
				break; /* keep room for "..." after the escape */
			}
			o += (size_t) snprintf(buf + o, size - o, "\\x%02X", c);
		} else {
			buf[o++] = (char) c;
		}
	}
	if (i < len && o + 4 < size) {
		memcpy(buf + o, "...", 3);
		o += 3;
	}
	buf[o] = '\0';
}
