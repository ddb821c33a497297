/* Program::warnings(): contradictions in settings that compile but cannot
 * work as the merchant meant (SPEC 8). */
#ifndef LTY_WARNINGS_H
#define LTY_WARNINGS_H

#include "lty_program.h"

typedef struct {
	char path[96];         /* "advantages[0].tiers[2]" */
	char message[200];
} lty_warning;

/* All warnings, in settings order, allocated in `arena`; NULL only when out of memory. */
lty_warning *lty_program_warnings(const lty_program *program, lty_arena *arena, size_t *count);

#endif
