/* Memory for the core. The caller passes an allocator (the glue plugs in
 * emalloc, C tests plug in malloc or a counting one); everything a compiled
 * program owns lives in one arena so that it is freed in one call, error
 * paths included. */
#ifndef LTY_ARENA_H
#define LTY_ARENA_H

#include <stddef.h>
#include <stdint.h>

typedef struct {
	void *(*alloc)(void *ctx, size_t size); /* NULL on failure */
	void (*free)(void *ctx, void *ptr);
	void *ctx;
} lty_allocator;

typedef struct lty_arena_block lty_arena_block;

typedef struct {
	const lty_allocator *allocator;
	lty_arena_block *head;  /* newest block first */
	size_t used;            /* bytes taken in head */
	size_t size;            /* usable bytes in head */
	size_t total;           /* bytes obtained from the allocator, for limits and stats */
} lty_arena;

void lty_arena_init(lty_arena *arena, const lty_allocator *allocator);
/* Zeroed, 16-byte aligned memory; NULL when the allocator fails or size overflows. */
void *lty_arena_alloc(lty_arena *arena, size_t size);
/* Array of n elements of size each, checked for overflow. */
void *lty_arena_array(lty_arena *arena, size_t n, size_t size);
/* The same, not zeroed: for arrays the caller writes whole before reading. */
void *lty_arena_array_raw(lty_arena *arena, size_t n, size_t size);
/* `items` (count used of *capacity), with room for one more: the same array, or a copy twice
 * as large (the old one stays in the arena), its new elements not zeroed. NULL when out of
 * memory (*capacity unchanged). */
void *lty_arena_grow(lty_arena *arena, void *items, size_t count, size_t *capacity, size_t size);
/* NUL-terminated copy of len bytes (which may contain NUL bytes). */
char *lty_arena_strndup(lty_arena *arena, const char *s, size_t len);
void lty_arena_free(lty_arena *arena);

/* The C library allocator, for tests and fuzzers. */
extern const lty_allocator lty_malloc_allocator;

#endif
