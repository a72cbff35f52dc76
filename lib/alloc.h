/* Allocation through the caller's bsl_allocator, and a simple arena.
 * Every object of the library owns one resolved allocator (a copy), so no
 * global state is needed. Arenas give each object one place to free. */
#ifndef BSL_ALLOC_H
#define BSL_ALLOC_H

#include "boussole.h"
#include <stddef.h>

/* Copy src into dst, or the C library's functions when src is NULL or all
 * NULL. Returns BSL_ERR_ARG when only some functions are set. */
int bsl_allocator_resolve(bsl_allocator *dst, const bsl_allocator *src);

/* The C library's functions as a bsl_allocator (static, never freed). */
const bsl_allocator *bsl_libc_allocator(void);

void *bsl_malloc(const bsl_allocator *a, size_t size);
void *bsl_realloc(const bsl_allocator *a, void *ptr, size_t old_size, size_t size);
void bsl_free(const bsl_allocator *a, void *ptr);

/* An arena hands out memory from chunks it allocates; all of it is released
 * at once by bsl_arena_release(). Used for objects built once and then only
 * read (framework tables, results). */
typedef struct bsl_arena_chunk bsl_arena_chunk;
typedef struct bsl_arena {
    const bsl_allocator *alloc;
    bsl_arena_chunk *head;
    size_t used, cap;
} bsl_arena;

void bsl_arena_init(bsl_arena *arena, const bsl_allocator *alloc);
/* size bytes aligned for any object; NULL on allocation failure. */
void *bsl_arena_alloc(bsl_arena *arena, size_t size);
/* n zeroed elements of size each, with overflow check. */
void *bsl_arena_calloc(bsl_arena *arena, size_t n, size_t size);
/* A NUL-terminated copy of s[0..len). */
char *bsl_arena_strndup(bsl_arena *arena, const char *s, size_t len);
void bsl_arena_release(bsl_arena *arena);
/* Release an arena that holds the very object it is a member of (and its
 * allocator): objects are allocated in their own arena's first chunk, so
 * one allocation serves both. Works from copies of the arena and
 * allocator, since both live in memory being freed. */
void bsl_arena_release_self(const bsl_arena *arena);

#endif
