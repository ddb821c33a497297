#include "lty_arena.h"

#include <stdlib.h>
#include <string.h>

/* 3 KiB with the block's header: the largest size PHP's allocator serves from its free lists;
 * a 4 KiB block was a page run to find and give back, about 160 instructions an evaluate. */
#define LTY_ARENA_BLOCK (3072 - 16)

struct lty_arena_block {
	lty_arena_block *next;
	size_t pad; /* keeps data 16-byte aligned */
};

static size_t align_up(size_t n)
{
	return (n + (LTY_ARENA_ALIGN - 1)) & ~(size_t) (LTY_ARENA_ALIGN - 1);
}

void lty_arena_init(lty_arena *arena, const lty_allocator *allocator)
{
	arena->allocator = allocator;
	arena->head = NULL;
	arena->data = NULL;
	arena->used = 0;
	arena->size = 0;
	arena->total = 0;
}

void *lty_arena_take_slow(lty_arena *arena, size_t size)
{
	size_t need = align_up(size ? size : 1);
	char *data;

	if (need < size) {
		return NULL;
	}
	if (arena->head == NULL || arena->size - arena->used < need) {
		size_t block = need > LTY_ARENA_BLOCK / 2 ? need : LTY_ARENA_BLOCK;
		lty_arena_block *b;

		if (block > SIZE_MAX - sizeof(lty_arena_block)) {
			return NULL;
		}
		b = arena->allocator->alloc(arena->allocator->ctx, sizeof(lty_arena_block) + block);
		if (b == NULL) {
			return NULL;
		}
		arena->total += sizeof(lty_arena_block) + block;
		if (arena->head != NULL && block == need && arena->size - arena->used >= LTY_ARENA_ALIGN) {
			/* A big one-off: keep filling the current block afterwards. */
			b->next = arena->head->next;
			arena->head->next = b;
			return b + 1;
		}
		b->next = arena->head;
		arena->head = b;
		arena->data = (char *) (b + 1);
		arena->used = 0;
		arena->size = block;
	}
	data = arena->data + arena->used;
	arena->used += need;
	return data;
}

void *lty_arena_alloc(lty_arena *arena, size_t size)
{
	void *data = lty_arena_take(arena, size);

	if (data != NULL) {
		memset(data, 0, size);
	}
	return data;
}

void *lty_arena_grow_room(lty_arena *arena, void *items, size_t count, size_t *capacity, size_t size)
{
	size_t cap = *capacity ? 2 * *capacity : 8;
	void *grown;

	if (count < *capacity) {
		return items;
	}
	grown = lty_arena_array_raw(arena, cap, size); /* the caller writes what it adds */
	if (grown == NULL) {
		return NULL;
	}
	if (count) {
		memcpy(grown, items, count * size);
	}
	*capacity = cap;
	return grown;
}

void *lty_arena_array(lty_arena *arena, size_t n, size_t size)
{
	if (size != 0 && n > SIZE_MAX / size) {
		return NULL;
	}
	return lty_arena_alloc(arena, n * size);
}

char *lty_arena_strndup(lty_arena *arena, const char *s, size_t len)
{
	char *copy;

	if (len == SIZE_MAX) {
		return NULL;
	}
	copy = lty_arena_take(arena, len + 1); /* every byte written below */
	if (copy != NULL) {
		if (len) {
			memcpy(copy, s, len);
		}
		copy[len] = '\0';
	}
	return copy;
}

void lty_arena_free(lty_arena *arena)
{
	lty_arena_block *b = arena->head;

	while (b != NULL) {
		lty_arena_block *next = b->next;
		arena->allocator->free(arena->allocator->ctx, b);
		b = next;
	}
	arena->head = NULL;
	arena->data = NULL;
	arena->used = arena->size = arena->total = 0;
}

static void *malloc_alloc(void *ctx, size_t size)
{
	(void) ctx;
	return malloc(size);
}

static void malloc_free(void *ctx, void *ptr)
{
	(void) ctx;
	free(ptr);
}

const lty_allocator lty_malloc_allocator = { malloc_alloc, malloc_free, NULL };
