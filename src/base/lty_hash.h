/* FNV-1a over bytes: the hash of the core's name tables (advantage ids, `lines` texts,
 * segment names). Not for untrusted keys where collisions cost more than a probe. */
#ifndef LTY_HASH_H
#define LTY_HASH_H

#include <stddef.h>
#include <stdint.h>

static inline uint64_t lty_hash_bytes(const char *s, size_t len)
{
	uint64_t h = 1469598103934665603ULL;
	size_t i;

	for (i = 0; i < len; i++) {
		h = (h ^ (unsigned char) s[i]) * 1099511628211ULL;
	}
	return h;
}

#endif
