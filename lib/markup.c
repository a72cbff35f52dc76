/* Escaping for HTML and SVG (see markup.h). */
#include "markup.h"

#include <math.h>

#define REPLACEMENT "\xef\xbf\xbd" /* U+FFFD */

/* Length of the UTF-8 sequence at p (1..4), or 0 when it is not one. */
static size_t utf8_length(const unsigned char *p)
{
    size_t n, i;
    if (p[0] < 0x80)
        return 1;
    n = p[0] >= 0xF0 && p[0] <= 0xF4 ? 4 : p[0] >= 0xE0 && p[0] < 0xF0 ? 3 : p[0] >= 0xC2 && p[0] < 0xE0 ? 2 : 0;
    for (i = 1; i < n; i++)
        if ((p[i] & 0xC0) != 0x80)
            return 0;
    return n;
}

/* A character that must not reach a reader as is (see markup.h). */
static int is_hidden(const unsigned char *p, size_t n)
{
    unsigned cp;
    if (n == 1)
        return (p[0] < 0x20 && p[0] != '\t' && p[0] != '\n') || p[0] == 0x7F;
    if (n == 2)
        return p[0] == 0xC2 && p[1] < 0xA0; /* C1 controls */
    if (n != 3)
        return 0;
    cp = ((unsigned)(p[0] & 0x0F) << 12) | ((unsigned)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    return cp == 0xFFFE || cp == 0xFFFF || (cp >= 0x2028 && cp <= 0x202E) ||
           (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F ||
           (cp >= 0xD800 && cp <= 0xDFFF);
}

/* The entity for an ASCII byte that needs one, or NULL. */
static const char *entity(unsigned char c)
{
    switch (c) {
    case '&': return "&amp;";
    case '<': return "&lt;";
    case '>': return "&gt;";
    case '"': return "&quot;";
    case '\'': return "&#39;";
    default: return NULL;
    }
}

void bsl_markup_text(bsl_buf *b, const char *s)
{
    const unsigned char *p = (const unsigned char *)s, *run = p;
    /* Characters that stay as they are extend the current run, appended in
     * one piece when something must be written instead. */
    while (*p) {
        const char *instead = NULL;
        size_t n = 1;
        if (*p >= 0x20 && *p < 0x7F) {
            instead = entity(*p);
        } else {
            n = utf8_length(p);
            if (n == 0 || is_hidden(p, n))
                instead = REPLACEMENT;
        }
        if (!instead) {
            p += n;
            continue;
        }
        bsl_buf_append(b, (const char *)run, (size_t)(p - run));
        bsl_buf_puts(b, instead);
        p += n ? n : 1;
        run = p;
    }
    bsl_buf_append(b, (const char *)run, (size_t)(p - run));
}

void bsl_markup_fixed2(bsl_buf *b, double v)
{
    double hundredths = round(v * 100.0);
    unsigned long long h;
    if (hundredths != hundredths || hundredths > 1e15 || hundredths < -1e15)
        hundredths = 0; /* never reached with coordinates; keeps the output well-formed */
    if (hundredths < 0) {
        bsl_buf_putc(b, '-');
        hundredths = -hundredths;
    }
    h = (unsigned long long)hundredths;
    bsl_buf_uint(b, h / 100);
    bsl_buf_putc(b, '.');
    bsl_buf_putc(b, (char)('0' + h / 10 % 10));
    bsl_buf_putc(b, (char)('0' + h % 10));
}
