#include "json_writer.h"

#include <string.h>

static void newline(bsl_jw *w)
{
    static const char spaces[] = "                                "; /* 32 */
    size_t left = 2 * (size_t)w->depth;
    if (w->compact)
        return;
    bsl_buf_putc(w->b, '\n');
    while (left) {
        size_t n = left < sizeof spaces - 1 ? left : sizeof spaces - 1;
        bsl_buf_append(w->b, spaces, n);
        left -= n;
    }
}

void bsl_jw_begin(bsl_jw *w, bsl_buf *b, int compact)
{
    w->b = b;
    w->compact = compact;
    w->depth = 1;
    w->first = 1;
    bsl_buf_putc(b, '{');
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
    if (!w->first)
        bsl_buf_putc(w->b, ',');
    w->first = 0;
    newline(w);
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
    if (!empty)
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
        bsl_buf_puts(w->b, "null");
}

void bsl_jw_raw(bsl_jw *w, const char *k, const char *v)
{
    bsl_jw_key(w, k);
    bsl_buf_puts(w->b, v ? v : "null");
}

void bsl_jw_bool(bsl_jw *w, const char *k, int v) { bsl_jw_raw(w, k, v ? "true" : "false"); }
