/* Preloaded before libasan when the phpt suite runs under ASan: PHP opens
 * extensions with RTLD_DEEPBIND, which ASan's runtime refuses; drop the flag. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stddef.h>

void *dlopen(const char *file, int mode)
{
	static void *(*next)(const char *, int);

	if (next == NULL) {
		next = (void *(*)(const char *, int)) dlsym(RTLD_NEXT, "dlopen");
	}
	return next(file, mode & ~RTLD_DEEPBIND);
}
