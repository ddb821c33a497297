/* Bytes read a word at a time, the same on every host. */
#ifndef LTY_BYTES_H
#define LTY_BYTES_H

#include <stdint.h>

/* Eight bytes from p, the first in the low byte whatever the host's byte order (compilers make
 * this one load where they can). */
static inline uint64_t lty_load8(const void *at)
{
	const unsigned char *p = at;

	return (uint64_t) p[0] | (uint64_t) p[1] << 8 | (uint64_t) p[2] << 16 | (uint64_t) p[3] << 24
		| (uint64_t) p[4] << 32 | (uint64_t) p[5] << 40 | (uint64_t) p[6] << 48 | (uint64_t) p[7] << 56;
}

#endif
