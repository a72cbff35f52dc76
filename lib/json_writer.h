/* Writing JSON documents with deterministic bytes: members in the order
 * they are written, 2-space indentation (or compact: no newline or
 * indentation, ":" and "," without spaces), strings with the canonical
 * minimal escapes of bsl_buf_json_string(). Shared by every module that
 * hands out JSON (the result, the framework description, the use-case
 * schema and template), so they all look alike. */
#ifndef BSL_JSON_WRITER_H
#define BSL_JSON_WRITER_H

#include "buf.h"

typedef struct bsl_jw {
    bsl_buf *b;
    int depth;
    int first;     /* no member written yet at this level */
    int compact;   /* one line: no newlines, no indentation */
} bsl_jw;

/* Start a document: write "{" and get ready for its first member. */
void bsl_jw_begin(bsl_jw *w, bsl_buf *b, int compact);
/* Write into b as if inside a container at depth (1: the document's own
 * members) with first set when nothing was written there yet: the way
 * json_prepare.c writes pieces of a document ahead of time. */
void bsl_jw_at(bsl_jw *w, bsl_buf *b, int compact, int depth, int first);
/* Close the document's object and end it with "\n". */
void bsl_jw_end(bsl_jw *w);
/* Start a member "k": (k not NULL) or an array element (k NULL): the
 * comma, newline and indentation that come before it. */
void bsl_jw_key(bsl_jw *w, const char *k);
/* A member or element that is an object ('{') or an array ('['). */
void bsl_jw_open(bsl_jw *w, const char *k, char bracket);
void bsl_jw_close(bsl_jw *w, char bracket);
/* A string member or element; NULL writes null. */
void bsl_jw_str(bsl_jw *w, const char *k, const char *v);
/* A value already in JSON (a number as written, "true", a quoted token);
 * NULL writes null. */
void bsl_jw_raw(bsl_jw *w, const char *k, const char *v);
void bsl_jw_bool(bsl_jw *w, const char *k, int v);

/* Members or elements written ahead of time by bsl_jw_at() at this
 * level, as the first there (no comma): the comma when something came
 * before, then f. f may end with a member's key ("value": ), whose value
 * the caller writes next with bsl_jw_value(). */
static inline void bsl_jw_frag(bsl_jw *w, const bsl_frag *f)
{
    if (!w->first)
        bsl_buf_putc(w->b, ',');
    w->first = 0;
    bsl_buf_frag(w->b, f);
}

/* The value of a key a fragment ended with: JSON text, or null for NULL. */
static inline void bsl_jw_value(bsl_jw *w, const char *json, size_t len)
{
    if (json)
        bsl_buf_append(w->b, json, len);
    else
        bsl_buf_append(w->b, "null", 4);
}

#endif
