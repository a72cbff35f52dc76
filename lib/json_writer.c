#include "json_writer.h"

#include <string.h>

/* What comes before a member or element: a comma unless it is the first,
 * then (indented) a newline and two spaces per level, written as one
 * piece of this string for the levels a document really has. */
static const char separator[] = ",\n"
                                "                                                                ";
#define SEPARATOR_DEPTH ((int)(sizeof separator - 3) / 2) /* 32 levels */

static void newline(bsl_jw *w)
{
    size_t left = 2 * (size_t)w->depth;
    if (w->depth <= SEPARATOR_DEPTH) {
        bsl_buf_append(w->b, separator + 1, 1 + left);
        return;
    }
    bsl_buf_putc(w->b, '\n');
    while (left) {
        size_t n = left < sizeof separator - 3 ? left : sizeof separator - 3;
        bsl_buf_append(w->b, separator + 2, n);
        left -= n;
    }
}

static void separate(bsl_jw *w)
{
    int comma = !w->first;
    w->first = 0;
    if (w->compact) {
        if (comma)
            bsl_buf_putc(w->b, ',');
    } else if (w->depth <= SEPARATOR_DEPTH) {
        bsl_buf_append(w->b, separator + !comma, (size_t)(comma + 1 + 2 * w->depth));
    } else {
        if (comma)
            bsl_buf_putc(w->b, ',');
        newline(w);
    }
}

void bsl_jw_begin(bsl_jw *w, bsl_buf *b, int compact)
{
    bsl_jw_at(w, b, compact, 1, 1);
    bsl_buf_putc(b, '{');
}

void bsl_jw_at(bsl_jw *w, bsl_buf *b, int compact, int depth, int first)
{
    w->b = b;
    w->compact = compact;
    w->depth = depth;
    w->first = first;
}

void bsl_jw_end(bsl_jw *w)
{
    w->depth = 0;
    if (w->compact)
        bsl_buf_append(w->b, "}\n", 2);
    else
        bsl_buf_append(w->b, "\n}\n", 3);
}

void bsl_jw_key(bsl_jw *w, const char *k)
{
    separate(w);
    if (k) {
        bsl_buf_json_string(w->b, k, strlen(k));
        bsl_buf_append(w->b, ": ", w->compact ? 1 : 2);
    }
}

void bsl_jw_open(bsl_jw *w, const char *k, char bracket)
{
    bsl_jw_key(w, k);
    bsl_buf_putc(w->b, bracket);
    w->depth++;
    w->first = 1;
}

void bsl_jw_close(bsl_jw *w, char bracket)
{
    int empty = w->first;
    w->depth--;
    if (!empty && !w->compact)
        newline(w);
    bsl_buf_putc(w->b, bracket);
    w->first = 0;
}

void bsl_jw_str(bsl_jw *w, const char *k, const char *v)
{
    bsl_jw_key(w, k);
    if (v)
        bsl_buf_json_string(w->b, v, strlen(v));
    else
        bsl_buf_append(w->b, "null", 4);
}

void bsl_jw_raw(bsl_jw *w, const char *k, const char *v)
{
    bsl_jw_key(w, k);
    if (v)
        bsl_buf_puts(w->b, v);
    else
        bsl_buf_append(w->b, "null", 4);
}

void bsl_jw_bool(bsl_jw *w, const char *k, int v)
{
    bsl_jw_key(w, k);
    if (v)
        bsl_buf_append(w->b, "true", 4);
    else
        bsl_buf_append(w->b, "false", 5);
}
