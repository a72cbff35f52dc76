#include "alloc.h"

#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static void *libc_malloc(void *ctx, size_t size) { (void)ctx; return malloc(size); }
static void *libc_realloc(void *ctx, void *ptr, size_t old_size, size_t size)
{
    (void)ctx;
    (void)old_size;
    return realloc(ptr, size);
}
static void libc_free(void *ctx, void *ptr) { (void)ctx; free(ptr); }

static const bsl_allocator libc_allocator = { libc_malloc, libc_realloc, libc_free, NULL };

const bsl_allocator *bsl_libc_allocator(void) { return &libc_allocator; }

int bsl_allocator_resolve(bsl_allocator *dst, const bsl_allocator *src)
{
    if (src && (src->malloc || src->realloc || src->free)) {
        if (!src->malloc || !src->realloc || !src->free)
            return BSL_ERR_ARG;
        *dst = *src;
        return BSL_OK;
    }
    *dst = libc_allocator;
    return BSL_OK;
}

void *bsl_malloc(const bsl_allocator *a, size_t size)
{
    /* Never ask for 0 bytes: malloc(0) may legitimately return NULL, which
     * would read as an allocation failure. */
    return a->malloc(a->ctx, size ? size : 1);
}

void *bsl_realloc(const bsl_allocator *a, void *ptr, size_t old_size, size_t size)
{
    return a->realloc(a->ctx, ptr, old_size, size ? size : 1);
}

void bsl_free(const bsl_allocator *a, void *ptr)
{
    if (ptr)
        a->free(a->ctx, ptr);
}

struct bsl_arena_chunk {
    bsl_arena_chunk *next;
    alignas(max_align_t) unsigned char data[];
};

enum { ARENA_CHUNK_SIZE = 16 * 1024 };

void bsl_arena_init(bsl_arena *arena, const bsl_allocator *alloc)
{
    arena->alloc = alloc;
    arena->head = NULL;
    arena->used = 0;
    arena->cap = 0;
}

void *bsl_arena_alloc(bsl_arena *arena, size_t size)
{
    const size_t align = alignof(max_align_t);
    size_t rounded;
    if (size > SIZE_MAX - align)
        return NULL;
    rounded = (size + align - 1) & ~(align - 1);
    if (!rounded)
        rounded = align;
    if (!arena->head || arena->cap - arena->used < rounded) {
        size_t cap = rounded > ARENA_CHUNK_SIZE ? rounded : ARENA_CHUNK_SIZE;
        bsl_arena_chunk *chunk;
        if (cap > SIZE_MAX - sizeof(bsl_arena_chunk))
            return NULL;
        chunk = bsl_malloc(arena->alloc, sizeof(bsl_arena_chunk) + cap);
        if (!chunk)
            return NULL;
        /* A large one-off request gets a chunk of its own behind the current
         * one, so the free space of the current chunk is not wasted. */
        if (arena->head && rounded > ARENA_CHUNK_SIZE) {
            chunk->next = arena->head->next;
            arena->head->next = chunk;
            return chunk->data;
        }
        chunk->next = arena->head;
        arena->head = chunk;
        arena->used = 0;
        arena->cap = cap;
    }
    void *p = arena->head->data + arena->used;
    arena->used += rounded;
    return p;
}

void *bsl_arena_calloc(bsl_arena *arena, size_t n, size_t size)
{
    void *p;
    if (size && n > SIZE_MAX / size)
        return NULL;
    p = bsl_arena_alloc(arena, n * size);
    if (p)
        memset(p, 0, n * size);
    return p;
}

char *bsl_arena_strndup(bsl_arena *arena, const char *s, size_t len)
{
    char *p;
    if (len == SIZE_MAX)
        return NULL;
    p = bsl_arena_alloc(arena, len + 1);
    if (!p)
        return NULL;
    if (len)
        memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

void bsl_arena_release_self(const bsl_arena *arena)
{
    bsl_allocator alloc = *arena->alloc;
    bsl_arena copy = *arena;
    copy.alloc = &alloc;
    bsl_arena_release(&copy);
}

void bsl_arena_release(bsl_arena *arena)
{
    bsl_arena_chunk *c = arena->head;
    while (c) {
        bsl_arena_chunk *next = c->next;
        bsl_free(arena->alloc, c);
        c = next;
    }
    arena->head = NULL;
    arena->used = arena->cap = 0;
}
