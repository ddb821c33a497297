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
	char *data;             /* head's usable bytes */
	size_t used;            /* bytes taken in head */
	size_t size;            /* usable bytes in head */
	size_t total;           /* bytes obtained from the allocator, for limits and stats */
} lty_arena;

#define LTY_ARENA_ALIGN 16

void lty_arena_init(lty_arena *arena, const lty_allocator *allocator);
/* `size` bytes from a new block (what lty_arena_take() does when head has no room). */
void *lty_arena_take_slow(lty_arena *arena, size_t size);
/* `size` bytes (at least one), 16-byte aligned, not zeroed; NULL when the allocator fails or
 * size overflows. Inline: most takes fit the current block. */
static inline void *lty_arena_take(lty_arena *arena, size_t size)
{
	size_t need = (size + (LTY_ARENA_ALIGN - 1)) & ~(size_t) (LTY_ARENA_ALIGN - 1);

	/* need - 1 wraps for 0 (size 0, or a size so large that rounding wrapped) */
	if (need - 1 < arena->size - arena->used && need >= size) {
		void *data = arena->data + arena->used;
		arena->used += need;
		return data;
	}
	return lty_arena_take_slow(arena, size);
}
/* Zeroed, 16-byte aligned memory; NULL when the allocator fails or size overflows. */
void *lty_arena_alloc(lty_arena *arena, size_t size);
/* Array of n elements of size each, checked for overflow. */
void *lty_arena_array(lty_arena *arena, size_t n, size_t size);
/* The same, not zeroed: for arrays the caller writes whole before reading. */
static inline void *lty_arena_array_raw(lty_arena *arena, size_t n, size_t size)
{
	if (size != 0 && n > SIZE_MAX / size) {
		return NULL;
	}
	return lty_arena_take(arena, n * size);
}
/* `items` (count used of *capacity), with room for one more: the same array, or a copy twice
 * as large (the old one stays in the arena), its new elements not zeroed. NULL when out of
 * memory (*capacity unchanged). */
void *lty_arena_grow_room(lty_arena *arena, void *items, size_t count, size_t *capacity, size_t size);
static inline void *lty_arena_grow(lty_arena *arena, void *items, size_t count, size_t *capacity, size_t size)
{
	/* the usual case, room left, without a call */
	return count < *capacity ? items : lty_arena_grow_room(arena, items, count, capacity, size);
}
/* NUL-terminated copy of len bytes (which may contain NUL bytes). */
char *lty_arena_strndup(lty_arena *arena, const char *s, size_t len);
void lty_arena_free(lty_arena *arena);

/* The C library allocator, for tests and fuzzers. */
extern const lty_allocator lty_malloc_allocator;

#endif
