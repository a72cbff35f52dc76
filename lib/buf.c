#include "buf.h"
#include "alloc.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

void bsl_buf_init(bsl_buf *b, const bsl_allocator *alloc)
{
    memset(b, 0, sizeof *b);
    b->alloc = alloc;
}

int bsl_buf_reserve(bsl_buf *b, size_t extra)
{
    size_t need, cap;
    char *p;
    if (b->failed)
        return 0;
    if (extra > SIZE_MAX - b->len - 1) {
        b->failed = BSL_ERR_LIMIT;
        return 0;
    }
    need = b->len + extra + 1;
    if (b->max && need - 1 > b->max) {
        b->failed = BSL_ERR_LIMIT;
        return 0;
    }
    if (need <= b->cap)
        return 1;
    cap = b->cap ? b->cap : 256;
    while (cap < need)
        cap = cap > SIZE_MAX / 2 ? need : cap * 2;
    p = b->data ? bsl_realloc(b->alloc, b->data, b->cap, cap) : bsl_malloc(b->alloc, cap);
    if (!p) {
        b->failed = BSL_ERR_NOMEM;
        return 0;
    }
    b->data = p;
    b->cap = cap;
    return 1;
}

void bsl_buf_append_grow(bsl_buf *b, const char *s, size_t n)
{
    if (!bsl_buf_reserve(b, n))
        return;
    if (n)
        memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

/* Bytes that JSON strings must escape: '"', '\\' and controls. */
static int needs_escape(unsigned char c) { return c < 0x20 || c == '"' || c == '\\'; }

/* Nonzero when one of the 8 bytes of w needs an escape. Most of what is
 * escaped (framework sentences, labels) needs none, so the scan goes a
 * word at a time: a byte below 0x20, or equal to '"' or '\\' once xored
 * with it, has its high bit set by (x - 0x20..) & ~x (the classic
 * has-less-than test); bytes of 0x80 and above are masked out by ~w. */
static uint64_t word_needs_escape(uint64_t w)
{
    const uint64_t ones = 0x0101010101010101u, high = 0x8080808080808080u;
    uint64_t quote = w ^ (ones * '"'), backslash = w ^ (ones * '\\');
    return ((w - ones * 0x20) | (quote - ones) | (backslash - ones)) & ~w & high;
}

/* The length of the longest prefix of s[0..n) that needs no escape. */
static size_t plain_run(const char *s, size_t n)
{
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        if (word_needs_escape(w))
            break;
    }
    while (i < n && !needs_escape((unsigned char)s[i]))
        i++;
    return i;
}

void bsl_buf_json_string(bsl_buf *b, const char *s, size_t n)
{
    bsl_buf_putc(b, '"');
    bsl_buf_json_chars(b, s, n);
    bsl_buf_putc(b, '"');
}

void bsl_buf_json_chars(bsl_buf *b, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    size_t i = 0;
    while (i < n) {
        size_t run = i;
        char esc[6];
        size_t elen = 2;
        unsigned char c;
        i += plain_run(s + i, n - i);
        bsl_buf_append(b, s + run, i - run);
        if (i == n)
            break;
        c = (unsigned char)s[i++];
        esc[0] = '\\';
        switch (c) {
        case '"': esc[1] = '"'; break;
        case '\\': esc[1] = '\\'; break;
        case '\b': esc[1] = 'b'; break;
        case '\f': esc[1] = 'f'; break;
        case '\n': esc[1] = 'n'; break;
        case '\r': esc[1] = 'r'; break;
        case '\t': esc[1] = 't'; break;
        default:
            esc[1] = 'u'; esc[2] = '0'; esc[3] = '0';
            esc[4] = hex[c >> 4]; esc[5] = hex[c & 15];
            elen = 6;
        }
        bsl_buf_append(b, esc, elen);
    }
}

void bsl_buf_uint(bsl_buf *b, unsigned long long v)
{
    char tmp[24];
    size_t i = sizeof tmp;
    do {
        tmp[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    bsl_buf_append(b, tmp + i, sizeof tmp - i);
}

void bsl_buf_decimal1(bsl_buf *b, double value, int decimal_comma, int always_decimal)
{
    double tenths = round(value * 10.0);
    unsigned long long t;
    if (!(tenths == tenths)) /* NaN never reaches here from the engine */
        tenths = 0;
    if (tenths < 0) {
        bsl_buf_putc(b, '-');
        tenths = -tenths;
    }
    if (tenths > 1e18)
        tenths = 1e18;
    t = (unsigned long long)tenths;
    bsl_buf_uint(b, t / 10);
    if (t % 10 || always_decimal) {
        bsl_buf_putc(b, decimal_comma ? ',' : '.');
        bsl_buf_putc(b, (char)('0' + t % 10));
    }
}

/* Text reports (hardening, issue 4): strings that come from the use-case
 * (untrusted: id, title, evidence, unknown keys, values) used to be copied
 * raw, so a use-case could put terminal escape sequences (ESC, OSC ...) into the
 * report, or forge lines of it ("...\r\nVerdict: favorable"), or reorder
 * what a reader sees with bidirectional overrides. They are now written
 * with these characters spelled as \uXXXX: C0 controls (newline and tab
 * included), DEL, C1 controls (U+0080..U+009F), U+2028/U+2029 and the
 * bidirectional embeddings, overrides and isolates (U+202A..U+202E,
 * U+2066..U+2069). Everything else, valid UTF-8 by construction, is kept. */
void bsl_buf_put_untrusted(bsl_buf *b, const char *s) { bsl_buf_put_untrusted_n(b, s, strlen(s)); }

/* Nonzero when one of the 8 bytes of w may need a look: below 0x20, DEL,
 * or 0x80 and above (the start of a C1 control or of a character such as
 * U+2028); possibly also after such a byte (a borrow), which only costs a
 * look. Printable ASCII, most of what use-cases hold, is skipped a word at
 * a time, as the JSON escapes do. */
static uint64_t word_needs_look(uint64_t w)
{
    const uint64_t ones = 0x0101010101010101u, high = 0x8080808080808080u;
    uint64_t del = w ^ (ones * 0x7F);
    return (((w - ones * 0x20) | (del - ones)) & ~w & high) | (w & high);
}

void bsl_buf_put_untrusted_n(bsl_buf *b, const char *s, size_t len)
{
    static const char hex[] = "0123456789abcdef";
    const unsigned char *p = (const unsigned char *)s, *end = p + len;
    while (p < end) {
        unsigned cp = 0, n = 0;
        const unsigned char *run = p;
        /* the longest run that needs nothing */
        for (;;) {
            uint64_t w;
            while (end - p >= 8 && (memcpy(&w, p, 8), !word_needs_look(w)))
                p += 8;
            if (end - p < 8 && p < end) {
                /* the last few bytes (most values are that short) as one
                 * word, padded with spaces, which need nothing */
                unsigned char tail[8];
                memset(tail, ' ', sizeof tail);
                memcpy(tail, p, (size_t)(end - p));
                memcpy(&w, tail, 8);
                if (!word_needs_look(w))
                    p = end;
            }
            if (p == end || *p < 0x20 || *p == 0x7F)
                break;
            if (p[0] == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F)
                break;
            if (p[0] == 0xE2 && ((p[1] == 0x80 && p[2] >= 0xA8 && p[2] <= 0xAE) ||
                                 (p[1] == 0x81 && p[2] >= 0xA6 && p[2] <= 0xA9)))
                break;
            p++;
        }
        bsl_buf_append(b, (const char *)run, (size_t)(p - run));
        if (p == end)
            break;
        if (*p < 0x80) {
            cp = *p;
            n = 1;
        } else if (*p == 0xC2) {
            cp = p[1];
            n = 2;
        } else {
            cp = ((unsigned)(p[1] & 0x3F) << 6 | (p[2] & 0x3F)) | 0x2000;
            n = 3;
        }
        {
            char esc[6] = {'\\', 'u', hex[(cp >> 12) & 15], hex[(cp >> 8) & 15], hex[(cp >> 4) & 15],
                           hex[cp & 15]};
            bsl_buf_append(b, esc, sizeof esc);
        }
        p += n;
    }
}

char *bsl_buf_take(bsl_buf *b, size_t *len)
{
    char *p;
    if (!b->failed && !b->data && bsl_buf_reserve(b, 0))
        b->data[0] = '\0';
    if (b->failed) {
        bsl_buf_release(b);
        return NULL;
    }
    p = b->data;
    if (len)
        *len = b->len;
    b->data = NULL;
    b->len = b->cap = 0;
    return p;
}

void bsl_buf_release(bsl_buf *b)
{
    bsl_free(b->alloc, b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

/* Length of a C1 control, U+2028/U+2029 or a bidirectional embedding,
 * override or isolate at s (characters that hide or reorder what a reader
 * sees), else 0. */
static size_t invisible(const unsigned char *s)
{
    if (s[0] == 0xC2 && s[1] >= 0x80 && s[1] <= 0x9F)
        return 2;
    if (s[0] == 0xE2 && ((s[1] == 0x80 && s[2] >= 0xA8 && s[2] <= 0xAE) ||
                         (s[1] == 0x81 && s[2] >= 0xA6 && s[2] <= 0xA9)))
        return 3;
    return 0;
}

/* Markdown: characters that could start emphasis, code, links, HTML or a
 * table cell are backslash-escaped; line breaks become <br> (a cell holds
 * one line); other control characters, and those invisible() finds,
 * become spaces. */
void bsl_buf_put_markdown(bsl_buf *b, const char *s)
{
    const char *run = s;
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        size_t skip = c >= 0x80 ? invisible((const unsigned char *)s) : 0;
        if (skip) {
            bsl_buf_append(b, run, (size_t)(s - run));
            bsl_buf_putc(b, ' ');
            s += skip - 1;
            run = s + 1;
            continue;
        }
        if (!strchr("\\`*_[]<>|", c) && c >= 0x20 && c != 0x7F)
            continue;
        bsl_buf_append(b, run, (size_t)(s - run));
        run = s + 1;
        if (c == '\n')
            bsl_buf_puts(b, "<br>");
        else if (c == '\r')
            ;
        else if (c < 0x20 || c == 0x7F)
            bsl_buf_putc(b, ' ');
        else {
            bsl_buf_putc(b, '\\');
            bsl_buf_putc(b, (char)c);
        }
    }
    bsl_buf_append(b, run, (size_t)(s - run));
}
