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

/* Length of the valid UTF-8 sequence at s (strict: no overlong forms, no
 * surrogates, nothing above U+10FFFF), or 0. s is NUL-terminated. */
static size_t utf8_valid_at(const unsigned char *s)
{
    size_t len, k;
    if (s[0] < 0x80)
        return 1;
    len = s[0] >= 0xC2 && s[0] <= 0xDF ? 2 : s[0] >= 0xE0 && s[0] <= 0xEF ? 3
        : s[0] >= 0xF0 && s[0] <= 0xF4 ? 4 : 0;
    for (k = 1; k < len; k++)
        if ((s[k] & 0xC0) != 0x80)
            return 0;
    if (len >= 3 && ((s[0] == 0xE0 && s[1] < 0xA0) || (s[0] == 0xED && s[1] > 0x9F) ||
                     (s[0] == 0xF0 && s[1] < 0x90) || (s[0] == 0xF4 && s[1] > 0x8F)))
        return 0;
    return len;
}

/* Fix (fuzzing, issue 4): messages quote values cut to a width ("%.40s")
 * and messages and paths are cut to fit their fixed-size fields, both by
 * bytes, so a cut could fall inside a UTF-8 character and leave invalid
 * UTF-8 in bsl_error (which integrators copy into JSON responses; the
 * batch output had to clean it). Every byte that does not begin a valid
 * sequence now becomes '?', in place: message and path are always valid
 * UTF-8. */
static void utf8_repair(char *text)
{
    unsigned char *s = (unsigned char *)text;
    while (*s) {
        size_t len = utf8_valid_at(s);
        if (!len) {
            *s = '?';
            len = 1;
        }
        s += len;
    }
}

/* Does the valid UTF-8 character at s (len bytes) need escaping for a
 * terminal? The set bsl_buf_put_untrusted_n() escapes in text reports: C0
 * controls, DEL, C1 controls, U+2028/U+2029 and the bidirectional
 * embeddings, overrides and isolates. */
static int unsafe_char(const unsigned char *s, size_t len)
{
    if (len == 1)
        return s[0] < 0x20 || s[0] == 0x7F;
    if (len == 2)
        return s[0] == 0xC2 && s[1] <= 0x9F;
    return len == 3 && s[0] == 0xE2 &&
           ((s[1] == 0x80 && s[2] >= 0xA8 && s[2] <= 0xAE) || (s[1] == 0x81 && s[2] >= 0xA6 && s[2] <= 0xA9));
}

/* Hardening (issue 15): messages and paths quote decoded keys and values
 * verbatim, and integrators print them to terminals, logs and exceptions:
 * a key holding "\u001b[2J" or "\r\nforged line" wrote raw escapes and
 * forged lines to stderr. Copy src (valid UTF-8) into dst (cap bytes)
 * with those characters spelled \uXXXX, as text reports do, cut at a
 * character boundary so that no escape or character is split. */
static void terminal_safe(char *dst, size_t cap, const char *src)
{
    static const char hex[] = "0123456789abcdef";
    const unsigned char *s = (const unsigned char *)src;
    size_t o = 0;
    while (*s) {
        size_t len = utf8_valid_at(s);
        if (unsafe_char(s, len)) {
            unsigned cp = len == 1 ? s[0] : len == 2 ? s[1]
                        : (0x2000u | (unsigned)(s[1] & 0x3F) << 6 | (s[2] & 0x3F));
            if (o + 6 >= cap)
                break;
            dst[o++] = '\\';
            dst[o++] = 'u';
            dst[o++] = hex[(cp >> 12) & 15];
            dst[o++] = hex[(cp >> 8) & 15];
            dst[o++] = hex[(cp >> 4) & 15];
            dst[o++] = hex[cp & 15];
        } else {
            if (o + len >= cap)
                break;
            memcpy(dst + o, s, len);
            o += len;
        }
        s += len;
    }
    dst[o] = '\0';
}

/* Valid UTF-8 without terminal controls, cut to cap bytes. */
static void set_safe(char *dst, size_t cap, char *tmp)
{
    utf8_repair(tmp);
    terminal_safe(dst, cap, tmp);
}

void bsl_error_set_path(bsl_error *err, const char *path)
{
    char tmp[BSL_ERROR_PATH_SIZE];
    if (!err || !path)
        return;
    snprintf(tmp, sizeof tmp, "%s", path);
    set_safe(err->path, sizeof err->path, tmp);
}

/* The format attribute (3, 0: a va_list) lets clang's -Wformat-nonliteral
 * (in -Wformat=2) accept the vsnprintf below: callers' formats are checked
 * at their own call sites. Without it a clang -Werror build fails. */
static void error_vformat(bsl_error *err, int code, const char *fmt, va_list ap) BSL_PRINTF(3, 0);
static void error_vformat(bsl_error *err, int code, const char *fmt, va_list ap)
{
    char tmp[BSL_ERROR_MESSAGE_SIZE];
    bsl_error_clear(err);
    err->code = code;
    /* vsnprintf here formats only %s and integer conversions, which the
     * locale does not affect. */
    vsnprintf(tmp, sizeof tmp, fmt, ap);
    set_safe(err->message, sizeof err->message, tmp);
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
    bsl_error_set_path(err, path);
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
        /* A cut inside a UTF-8 character is mended where the path enters
         * a bsl_error (bsl_error_set_path). */
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
