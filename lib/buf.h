/* A growable byte buffer with a sticky failure flag: writers append without
 * checking each call and test bsl_buf.failed once at the end. Numbers are
 * formatted without printf so that the caller's locale never changes output. */
#ifndef BSL_BUF_H
#define BSL_BUF_H

#include "boussole.h"
#include <stddef.h>
#include <string.h>

typedef struct bsl_buf {
    const bsl_allocator *alloc;
    char *data;   /* NUL-terminated when not failed and cap > 0 */
    size_t len, cap;
    size_t max;   /* 0: no limit; else appending past max fails */
    int failed;   /* BSL_OK, BSL_ERR_NOMEM or BSL_ERR_LIMIT */
} bsl_buf;

void bsl_buf_init(bsl_buf *b, const bsl_allocator *alloc);
/* The slow path of bsl_buf_append(): grow (or fail) first. */
void bsl_buf_append_grow(bsl_buf *b, const char *s, size_t n);

/* Renderers append thousands of short pieces per document: the common case
 * (room left, no limit to enforce) is inline so that it costs a compare,
 * a memcpy the compiler can often expand, and the NUL. */
static inline void bsl_buf_append(bsl_buf *b, const char *s, size_t n)
{
    if (b->cap - b->len > n && !b->max) {
        memcpy(b->data + b->len, s, n);
        b->len += n;
        b->data[b->len] = '\0';
    } else {
        bsl_buf_append_grow(b, s, n);
    }
}

static inline void bsl_buf_puts(bsl_buf *b, const char *s) { bsl_buf_append(b, s, strlen(s)); }

static inline void bsl_buf_putc(bsl_buf *b, char c)
{
    if (b->cap - b->len > 1 && !b->max) {
        b->data[b->len++] = c;
        b->data[b->len] = '\0';
    } else {
        bsl_buf_append_grow(b, &c, 1);
    }
}

/* A piece of output written once ahead of time (a framework's text as
 * JSON, see json_prepare.c): plain pointer and length, so that it can as
 * well be a table compiled into the library. s is NULL when not written. */
typedef struct bsl_frag {
    const char *s;
    size_t len;
} bsl_frag;

static inline void bsl_buf_frag(bsl_buf *b, const bsl_frag *f) { bsl_buf_append(b, f->s, f->len); }

/* Make room for extra more bytes at once (a bound the writer knows), so
 * that the appends that follow do not grow the buffer step by step; 0 and
 * b->failed set when that fails. */
int bsl_buf_reserve(bsl_buf *b, size_t extra);
/* A JSON string literal with quotes, minimal escapes (canonical form). */
void bsl_buf_json_string(bsl_buf *b, const char *s, size_t n);
/* The same escapes without the quotes, for a string written in pieces. */
void bsl_buf_json_chars(bsl_buf *b, const char *s, size_t n);
void bsl_buf_uint(bsl_buf *b, unsigned long long v);
/* value rounded to one decimal, e.g. "72.5"; decimal_comma writes "72,5";
 * always_decimal keeps ".0" for whole values. */
void bsl_buf_decimal1(bsl_buf *b, double value, int decimal_comma, int always_decimal);
/* s (NUL-terminated UTF-8) for a terminal: C0 controls (newline and tab
 * included), DEL, C1 controls, U+2028/U+2029 and the bidirectional
 * embeddings, overrides and isolates spelled as \uXXXX; the rest as is. */
void bsl_buf_put_untrusted(bsl_buf *b, const char *s);
/* The same for s[0..len), which holds whole UTF-8 characters. */
void bsl_buf_put_untrusted_n(bsl_buf *b, const char *s, size_t len);
/* Hand the data over (NUL-terminated) and reset b; NULL if failed. */
/* s as the text of a Markdown table cell: characters that could start
 * emphasis, code, links, HTML or a cell are backslash-escaped, line breaks
 * become <br>, control and invisible or reordering characters spaces. */
void bsl_buf_put_markdown(bsl_buf *b, const char *s);
char *bsl_buf_take(bsl_buf *b, size_t *len);
void bsl_buf_release(bsl_buf *b);

#endif
