#include "error.h"
#include "buf.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

const char *bsl_strerror(int code)
{
    switch (code) {
    case BSL_OK: return "success";
    case BSL_ERR_NOMEM: return "out of memory";
    case BSL_ERR_ARG: return "invalid argument";
    case BSL_ERR_IO: return "input/output error";
    case BSL_ERR_LIMIT: return "limit exceeded";
    case BSL_ERR_SYNTAX: return "JSON syntax error";
    case BSL_ERR_TYPE: return "wrong JSON type";
    case BSL_ERR_ENUM: return "value not allowed";
    case BSL_ERR_MISSING: return "missing field";
    case BSL_ERR_VALUE: return "invalid value";
    case BSL_ERR_NOTFOUND: return "not found";
    default: return "unknown error";
    }
}

void bsl_error_clear(bsl_error *err)
{
    if (!err)
        return;
    err->code = BSL_OK;
    err->offset = 0;
    err->line = err->column = 0;
    err->path[0] = '\0';
    err->message[0] = '\0';
}

static void error_vformat(bsl_error *err, int code, const char *fmt, va_list ap)
{
    bsl_error_clear(err);
    err->code = code;
    /* vsnprintf here formats only %s and integer conversions, which the
     * locale does not affect. */
    vsnprintf(err->message, sizeof err->message, fmt, ap);
}

int bsl_error_set(bsl_error *err, int code, const char *fmt, ...)
{
    va_list ap;
    if (!err)
        return code;
    va_start(ap, fmt);
    error_vformat(err, code, fmt, ap);
    va_end(ap);
    return code;
}

int bsl_error_at(bsl_error *err, int code, const char *input, size_t input_len,
                 size_t offset, const char *path, const char *fmt, ...)
{
    va_list ap;
    size_t i;
    unsigned line = 1, column = 1;
    if (!err)
        return code;
    va_start(ap, fmt);
    error_vformat(err, code, fmt, ap);
    va_end(ap);
    if (offset > input_len)
        offset = input_len;
    for (i = 0; i < offset; i++) {
        unsigned char c = (unsigned char)input[i];
        if (c == '\n') {
            line++;
            column = 1;
        } else if ((c & 0xC0) != 0x80) {
            column++;
        }
    }
    err->offset = offset;
    err->line = line;
    err->column = column;
    if (path)
        snprintf(err->path, sizeof err->path, "%s", path);
    return code;
}

void bsl_path_init(bsl_path *p)
{
    strcpy(p->buf, "$");
    p->len = 1;
    p->truncated = 0;
}

static void path_append(bsl_path *p, const char *s, size_t n)
{
    const size_t room = sizeof p->buf - 4; /* keep space for "..." + NUL */
    if (p->truncated)
        return;
    if (p->len + n > room) {
        memcpy(p->buf + p->len, "...", 4);
        p->len += 3;
        p->truncated = 1;
        return;
    }
    memcpy(p->buf + p->len, s, n);
    p->len += n;
    p->buf[p->len] = '\0';
}

static int is_plain_key(const char *key)
{
    if (!*key)
        return 0;
    for (; *key; key++) {
        char c = *key;
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              (c >= '0' && c <= '9') || c == '_' || c == '-'))
            return 0;
    }
    return 1;
}

/* Write ".key", or ["key"] with quotes and backslashes escaped when the
 * key could be mistaken for path syntax, through append(ctx, bytes, n). */
static void write_key(void (*append)(void *, const char *, size_t), void *ctx, const char *key)
{
    const char *k;
    if (is_plain_key(key)) {
        append(ctx, ".", 1);
        append(ctx, key, strlen(key));
        return;
    }
    append(ctx, "[\"", 2);
    for (k = key; *k; k++) {
        if (*k == '"' || *k == '\\')
            append(ctx, "\\", 1);
        append(ctx, k, 1);
    }
    append(ctx, "\"]", 2);
}

static void path_sink(void *ctx, const char *s, size_t n) { path_append(ctx, s, n); }
static void buf_sink(void *ctx, const char *s, size_t n) { bsl_buf_append(ctx, s, n); }

size_t bsl_path_push_key(bsl_path *p, const char *key)
{
    size_t prev = p->len;
    write_key(path_sink, p, key);
    return prev;
}

void bsl_path_write_key(bsl_buf *b, const char *key) { write_key(buf_sink, b, key); }

size_t bsl_path_push_index(bsl_path *p, size_t index)
{
    char tmp[32];
    size_t prev = p->len;
    int n = snprintf(tmp, sizeof tmp, "[%zu]", index);
    path_append(p, tmp, (size_t)n);
    return prev;
}

void bsl_path_pop(bsl_path *p, size_t previous_len)
{
    if (previous_len >= p->len && !p->truncated)
        return;
    p->len = previous_len;
    p->buf[p->len] = '\0';
    p->truncated = 0;
}

const char *bsl_path_str(const bsl_path *p) { return p->buf; }
