/* Strict RFC 8259 JSON on top of jsmn.
 *
 * Parsing runs in three steps over the caller's bytes:
 *
 *  1. scan: a single-pass, iterative validator (explicit depth counter and a
 *     bit stack, no recursion). It checks everything jsmn does not (number
 *     grammar, exact literals, escapes, surrogates, UTF-8 everywhere, raw
 *     control characters, trailing commas, trailing garbage, limits, numbers
 *     outside double's range) and stops at the first error, reported at the
 *     offending byte. It also counts the values and the bytes of decoded
 *     text, so that everything below is allocated exactly once.
 *  2. jsmn_parse fills a token array of exactly that size (documents whose
 *     top value is a scalar skip jsmn: JSMN_STRICT rejects them).
 *  3. build: tokens become bsl_json_node, strings are decoded and numbers
 *     converted (without strtod, so the locale never matters), then objects
 *     are checked for duplicate keys by decoded bytes (a hash table when
 *     large: linear time). Duplicates are therefore found only in documents that
 *     are otherwise valid; among several, the earliest in the document is
 *     reported.
 *
 * Allocations: one block for nodes, jsmn's tokens and a copy of the input
 * in which strings are decoded in place (owned by the doc), and scratch
 * only for objects of more than 128 members or nesting deeper than 4096
 * levels.
 *
 * Limits: NULL limits means every BSL_DEFAULT_*; in a limits struct, 0
 * means "no limit" for max_input_bytes (as json.h says) and the default for
 * the others. Input is always capped at INT_MAX bytes (jsmn counts in int).
 *
 * This is the only translation unit that includes jsmn.h; the canonical
 * writer, which needs only the nodes, is in json_canonical.c. */
#include "json.h"
#include "bytes.h"

#include "alloc.h"
#include "error.h"

#include <jsmn.h>

#include <float.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

_Static_assert(sizeof(double) == 8 && sizeof(uint64_t) == 8, "IEEE-754 binary64 double expected");

/* ------------------------------------------------------------------------ */
/* Character classes                                                          */
/* ------------------------------------------------------------------------ */

#define R16(x) x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x
/* 1: a byte that stands for itself inside a string (0x20..0x7F but '"' and '\\'). */
static const unsigned char str_plain[256] = {
    R16(0), R16(0),                                 /* 0x00-0x1F control */
    1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x20-0x2F, '"' = 0x22 */
    R16(1), R16(1),                                 /* 0x30-0x4F */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, /* 0x50-0x5F, '\\' = 0x5C */
    R16(1), R16(1),                                 /* 0x60-0x7F */
    R16(0), R16(0), R16(0), R16(0), R16(0), R16(0), R16(0), R16(0) /* 0x80-0xFF */
};
#undef R16

/* Nonzero when one of the 8 bytes in x is not str_plain: below 0x20, '"',
 * '\\' or 0x80 and above (exact as a yes/no answer). */
static inline uint64_t swar_special(uint64_t x)
{
    const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
    uint64_t q = x ^ (ones * '"'), b = x ^ (ones * '\\');
    return (((x - ones * 0x20) & ~x) | ((q - ones) & ~q) | ((b - ones) & ~b) | x) & highs;
}

/* Index of the first byte at or after i that is not str_plain (or len):
 * eight bytes at a time, then byte by byte. */
static inline size_t plain_run(const unsigned char *p, size_t i, size_t len)
{
    while (i + 8 <= len) {
        uint64_t x, m;
        memcpy(&x, p + i, 8);
        m = swar_special(x);
        if (m) {
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
            /* The lowest flagged byte is exact (a borrow only carries
             * towards later bytes): jump straight to it. */
            return i + ((size_t)__builtin_ctzll(m) >> 3);
#else
            break;
#endif
        }
        i += 8;
    }
    while (i < len && str_plain[p[i]])
        i++;
    return i;
}

static inline int is_ws(unsigned c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }
static inline int is_digit(unsigned c) { return c - '0' < 10u; }

static inline size_t skip_ws(const unsigned char *p, size_t i, size_t len)
{
    while (i < len && is_ws(p[i]))
        i++;
    return i;
}

static int hex_value(unsigned c)
{
    if (c - '0' < 10u)
        return (int)(c - '0');
    c |= 0x20;
    if (c - 'a' < 6u)
        return (int)(c - 'a' + 10);
    return -1;
}

/* p[0] >= 0x80. Length (2..4) of the valid UTF-8 sequence at p[0..avail),
 * or 0 with *why describing the problem. Overlong forms, UTF-16 surrogates
 * and code points above U+10FFFF are invalid. */
static size_t utf8_check(const unsigned char *p, size_t avail, const char **why)
{
    unsigned c = p[0], lo = 0x80, hi = 0xBF;
    size_t n, k;
    if (c < 0xC0) {
        *why = " (unexpected continuation byte)";
        return 0;
    }
    if (c < 0xC2) {
        *why = " (overlong encoding)";
        return 0;
    }
    if (c < 0xE0) {
        n = 2;
    } else if (c < 0xF0) {
        n = 3;
        if (c == 0xE0)
            lo = 0xA0;
        else if (c == 0xED)
            hi = 0x9F;
    } else if (c < 0xF5) {
        n = 4;
        if (c == 0xF0)
            lo = 0x90;
        else if (c == 0xF4)
            hi = 0x8F;
    } else {
        *why = " (never valid in UTF-8)";
        return 0;
    }
    if (avail < 2 || (p[1] & 0xC0) != 0x80) {
        *why = " (truncated sequence)";
        return 0;
    }
    if (p[1] < lo || p[1] > hi) {
        *why = c == 0xED ? " (encoded UTF-16 surrogate)"
             : c == 0xF4 ? " (code point above U+10FFFF)"
                         : " (overlong encoding)";
        return 0;
    }
    for (k = 2; k < n; k++) {
        if (k >= avail || (p[k] & 0xC0) != 0x80) {
            *why = " (truncated sequence)";
            return 0;
        }
    }
    return n;
}

/* Code point of a sequence utf8_check() accepted. */
static unsigned long utf8_decode(const unsigned char *p, size_t n)
{
    unsigned long cp = p[0] & (0x7F >> n);
    size_t k;
    for (k = 1; k < n; k++)
        cp = (cp << 6) | (p[k] & 0x3F);
    return cp;
}

static size_t utf8_encode(unsigned long cp, char *out)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* ------------------------------------------------------------------------ */
/* Numbers: decimal literal -> double, without strtod                          */
/* ------------------------------------------------------------------------ */

/* The fast path relies on each double operation being rounded once, to
 * binary64; with excess precision (x87, FLT_EVAL_METHOD 2) only the exact
 * integer path below is used. */
#if defined(FLT_EVAL_METHOD) && FLT_EVAL_METHOD == 0
#define FAST_PATH_OK 1
#else
#define FAST_PATH_OK 0
#endif

static const double pow10_exact[23] = {
    1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

/* The slow path is the exact "decimal shift" algorithm (as in Go's
 * strconv/decimal.go): the literal's digits are held in decimal, scaled by
 * powers of two until they lie in [0.5, 1), then 53 bits are extracted with
 * round-half-even. Correctly rounded for every input; digits beyond
 * DEC_DIGITS only decide ties (the trunc flag). */
enum { DEC_DIGITS = 800, DEC_MAX_SHIFT = 60 };

typedef struct dec {
    unsigned char d[DEC_DIGITS]; /* digit values 0..9, most significant first */
    int nd;                      /* digits used */
    int dp;                      /* value = 0.d[0]d[1]... * 10^dp */
    int trunc;                   /* nonzero digits were dropped */
} dec;

static void dec_trim(dec *a)
{
    while (a->nd > 0 && a->d[a->nd - 1] == 0)
        a->nd--;
    if (a->nd == 0)
        a->dp = 0;
}

/* The exponent part at s[*io], if any (else 0), moving *io past it. The
 * 1e11 cap keeps it far above any digit count (inputs are at most INT_MAX
 * bytes) without overflowing long long. */
static inline long long read_exponent(const char *s, size_t n, size_t *io)
{
    size_t i = *io;
    long long e = 0;
    int neg = 0;
    if (i >= n || (s[i] != 'e' && s[i] != 'E'))
        return 0;
    i++;
    if (i < n && (s[i] == '+' || s[i] == '-'))
        neg = s[i++] == '-';
    for (; i < n && is_digit((unsigned char)s[i]); i++)
        if (e < 100000000000LL)
            e = e * 10 + (s[i] - '0');
    *io = i;
    return neg ? -e : e;
}

static void dec_read(dec *a, const char *s, size_t n)
{
    size_t i = 0;
    int saw_dot = 0;
    /* Fix (fuzzing, issue 4): the decimal point's position counts every
     * significant digit, including those dropped past DEC_DIGITS (it used
     * to count only the kept ones, so "1" + 900 zeros + "e-850" read as
     * 1e-51 instead of 1e50). Computed in long long, with read_exponent()'s
     * cap, then clamped: outside [-330, 310] the digits no longer matter. */
    long long dp = 0, digits = 0;
    a->nd = a->dp = a->trunc = 0;
    if (i < n && s[i] == '-')
        i++;
    for (; i < n; i++) {
        char c = s[i];
        if (c == '.') {
            saw_dot = 1;
            dp = digits;
            continue;
        }
        if (!is_digit((unsigned char)c))
            break;
        if (c == '0' && digits == 0) { /* leading zero */
            dp--;
            continue;
        }
        digits++;
        if (a->nd < DEC_DIGITS)
            a->d[a->nd++] = (unsigned char)(c - '0');
        else if (c != '0')
            a->trunc = 1;
    }
    if (!saw_dot)
        dp = digits;
    dp += read_exponent(s, n, &i);
    a->dp = dp < -100000 ? -100000 : dp > 100000 ? 100000 : (int)dp;
}

static void dec_right_shift(dec *a, unsigned k)
{
    int r = 0, w = 0;
    uint64_t n = 0, mask = ((uint64_t)1 << k) - 1;
    for (; (n >> k) == 0; r++) {
        if (r >= a->nd) {
            if (n == 0) {
                a->nd = 0;
                return;
            }
            while ((n >> k) == 0) {
                n *= 10;
                r++;
            }
            break;
        }
        n = n * 10 + a->d[r];
    }
    a->dp -= r - 1;
    for (; r < a->nd; r++) {
        uint64_t c = a->d[r];
        a->d[w++] = (unsigned char)(n >> k);
        n &= mask;
        n = n * 10 + c;
    }
    while (n > 0) {
        uint64_t dig = n >> k;
        n &= mask;
        if (w < DEC_DIGITS)
            a->d[w++] = (unsigned char)dig;
        else if (dig > 0)
            a->trunc = 1;
        n *= 10;
    }
    a->nd = w;
    dec_trim(a);
}

static void dec_left_shift(dec *a, unsigned k)
{
    unsigned char tmp[DEC_DIGITS + 32];
    int r = a->nd, w = (int)sizeof tmp, total, keep, j;
    uint64_t n = 0;
    while (r > 0) {
        uint64_t q;
        n += (uint64_t)a->d[--r] << k;
        q = n / 10;
        tmp[--w] = (unsigned char)(n - 10 * q);
        n = q;
    }
    while (n > 0) {
        uint64_t q = n / 10;
        tmp[--w] = (unsigned char)(n - 10 * q);
        n = q;
    }
    total = (int)sizeof tmp - w;
    keep = total < DEC_DIGITS ? total : DEC_DIGITS;
    for (j = keep; j < total; j++)
        if (tmp[w + j])
            a->trunc = 1;
    memcpy(a->d, tmp + w, (size_t)keep);
    a->dp += total - a->nd;
    a->nd = keep;
    dec_trim(a);
}

static void dec_shift(dec *a, int k)
{
    if (a->nd == 0)
        return;
    if (k > 0) {
        for (; k > DEC_MAX_SHIFT; k -= DEC_MAX_SHIFT)
            dec_left_shift(a, DEC_MAX_SHIFT);
        dec_left_shift(a, (unsigned)k);
    } else if (k < 0) {
        for (; k < -DEC_MAX_SHIFT; k += DEC_MAX_SHIFT)
            dec_right_shift(a, DEC_MAX_SHIFT);
        dec_right_shift(a, (unsigned)-k);
    }
}

static int dec_round_up(const dec *a, int nd)
{
    if (nd < 0 || nd >= a->nd)
        return 0;
    if (a->d[nd] == 5 && nd + 1 == a->nd) { /* exactly halfway: to even */
        if (a->trunc)
            return 1;
        return nd > 0 && (a->d[nd - 1] & 1);
    }
    return a->d[nd] >= 5;
}

static uint64_t dec_rounded_integer(const dec *a)
{
    uint64_t n = 0;
    int i;
    if (a->dp > 20)
        return UINT64_MAX;
    for (i = 0; i < a->dp && i < a->nd; i++)
        n = n * 10 + a->d[i];
    for (; i < a->dp; i++)
        n *= 10;
    if (dec_round_up(a, a->dp))
        n++;
    return n;
}

/* Binary64 bits of the (non-negative) decimal; -1 when it overflows. */
static int dec_to_bits(dec *a, uint64_t *bits)
{
    static const int powtab[] = {1, 3, 6, 9, 13, 16, 19, 23, 26};
    const int mantbits = 52, bias = -1023;
    int exp = 0;
    uint64_t mant;
    if (a->nd == 0 || a->dp < -330) {
        *bits = 0;
        return 0;
    }
    if (a->dp > 310)
        return -1;
    while (a->dp > 0) {
        int n = a->dp >= 9 ? 27 : powtab[a->dp];
        dec_shift(a, -n);
        exp += n;
    }
    while (a->dp < 0 || (a->dp == 0 && a->d[0] < 5)) {
        int n = -a->dp >= 9 ? 27 : powtab[-a->dp];
        dec_shift(a, n);
        exp -= n;
    }
    exp--; /* [0.5, 1) -> [1, 2) */
    if (exp < bias + 1) {
        int n = bias + 1 - exp;
        dec_shift(a, -n);
        exp += n;
    }
    if (exp - bias >= 0x7FF)
        return -1;
    dec_shift(a, 1 + mantbits);
    mant = dec_rounded_integer(a);
    if (mant == (uint64_t)2 << mantbits) {
        mant >>= 1;
        exp++;
        if (exp - bias >= 0x7FF)
            return -1;
    }
    if (!(mant & ((uint64_t)1 << mantbits)))
        exp = bias; /* subnormal */
    *bits = (mant & (((uint64_t)1 << mantbits) - 1)) |
            ((uint64_t)((exp - bias) & 0x7FF) << mantbits);
    return 0;
}

/* The literal's first 19 significant digits, from s[i] (past the sign) up
 * to the exponent, as *mant * 10^*e10; *truncated when a nonzero digit did
 * not fit. Returns the index after them. */
static inline size_t read_significand(const char *s, size_t i, size_t n, uint64_t *mant_out,
                                      long long *e10_out, int *truncated_out)
{
    uint64_t mant = 0;
    long long e10 = 0; /* long long: see read_exponent() */
    int nd = 0, truncated = 0;
    for (; i < n && is_digit((unsigned char)s[i]); i++) {
        unsigned d = (unsigned)(s[i] - '0');
        if (mant == 0 && d == 0)
            continue;
        if (nd < 19) {
            mant = mant * 10 + d;
            nd++;
        } else {
            e10++;
            truncated |= d != 0;
        }
    }
    if (i < n && s[i] == '.') {
        for (i++; i < n && is_digit((unsigned char)s[i]); i++) {
            unsigned d = (unsigned)(s[i] - '0');
            if (mant == 0 && d == 0) {
                e10--;
                continue;
            }
            if (nd < 19) {
                mant = mant * 10 + d;
                nd++;
                e10--;
            } else {
                truncated |= d != 0;
            }
        }
    }
    *mant_out = mant;
    *e10_out = e10;
    *truncated_out = truncated;
    return i;
}

/* Exact: the mantissa and the power of ten are both exact doubles, so one
 * IEEE operation rounds correctly (Clinger's fast path). Returns 0 when
 * that does not hold for mant * 10^e10 (mant > 0). */
static inline int fast_value(uint64_t mant, long long e10, double *out)
{
    double v = (double)mant;
    if (mant > ((uint64_t)1 << 53) || e10 < -22 || e10 > 22 + 15)
        return 0;
    if (e10 < 0) {
        v /= pow10_exact[-e10];
    } else if (e10 <= 22) {
        v *= pow10_exact[e10];
    } else {
        /* Move the excess into the mantissa while it stays exact. */
        long extra = e10 - 22;
        uint64_t m = mant;
        while (extra > 0 && m <= ((uint64_t)1 << 53) / 10) {
            m *= 10;
            extra--;
        }
        if (extra != 0)
            return 0;
        v = (double)m * 1e22;
    }
    *out = v;
    return 1;
}

/* |value| of the literal s[0..n) when the fast path does not apply; -1
 * when it overflows. */
static int slow_value(const char *s, size_t n, double *out)
{
    dec a;
    uint64_t bits;
    dec_read(&a, s, n);
    if (dec_to_bits(&a, &bits) < 0)
        return -1;
    memcpy(out, &bits, sizeof *out);
    return 0;
}

/* s[0..n) is a valid JSON number. Sets *out; returns -1 when the value is
 * outside double's finite range (underflow gives 0, or -0). */
static int number_value(const char *s, size_t n, double *out)
{
    const int neg = s[0] == '-';
    int truncated;
    uint64_t mant;
    long long e10;
    double v;
    size_t i = read_significand(s, neg ? 1 : 0, n, &mant, &e10, &truncated);
    e10 += read_exponent(s, n, &i);
    if (mant == 0) {
        *out = neg ? -0.0 : 0.0;
        return 0;
    }
    if (!(FAST_PATH_OK && !truncated && fast_value(mant, e10, &v))) {
        if (slow_value(s, n, &v) < 0)
            return -1;
    }
    *out = neg ? -v : v;
    return 0;
}

/* ------------------------------------------------------------------------ */
/* Step 1: the validator                                                      */
/* ------------------------------------------------------------------------ */

enum { SCAN_LOCAL_LEVELS = 4096 };

typedef struct jscan {
    const unsigned char *p;
    size_t len;
    size_t max_depth, max_tokens, max_string;
    size_t count;        /* values, keys included */
    int escapes;         /* some string holds a backslash escape */
    size_t top_start, top_end; /* the top value when it is a scalar */
    int top_scalar;
    const bsl_allocator *alloc;
    bsl_error *err;
} jscan;

static int scan_error(const jscan *s, int code, size_t off, const char *fmt, ...) BSL_PRINTF(4, 5);
static int scan_error(const jscan *s, int code, size_t off, const char *fmt, ...)
{
    char msg[BSL_ERROR_MESSAGE_SIZE];
    va_list ap;
    if (!s->err)
        return code;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return bsl_error_at(s->err, code, (const char *)s->p, s->len, off, NULL, "%s", msg);
}

/* Describe the byte at i for a message ("'x'", "U+00E9", "end of input").
 * Returns 0, or the error when the byte starts invalid UTF-8 (which is then
 * what gets reported). */
static int describe(const jscan *s, size_t i, char *out, size_t cap)
{
    unsigned c;
    if (i >= s->len) {
        snprintf(out, cap, "end of input");
        return 0;
    }
    c = s->p[i];
    if (c >= 0x80) {
        const char *why = "";
        size_t n = utf8_check(s->p + i, s->len - i, &why);
        if (!n)
            return scan_error(s, BSL_ERR_SYNTAX, i, "invalid UTF-8 byte 0x%02X%s", c, why);
        snprintf(out, cap, "U+%04lX", utf8_decode(s->p + i, n));
    } else if (c < 0x20 || c == 0x7F || c == ' ') {
        snprintf(out, cap, "U+%04X", c);
    } else {
        snprintf(out, cap, "'%c'", (char)c);
    }
    return 0;
}

/* "<what>, found <the byte at i>" */
static int expect_error(const jscan *s, size_t i, const char *what)
{
    char found[32];
    int rc = describe(s, i, found, sizeof found);
    if (rc)
        return rc;
    return scan_error(s, BSL_ERR_SYNTAX, i, "%s, found %s", what, found);
}

/* The four hex digits of a \u escape at p[j..j+4). */
static int scan_hex4(const jscan *s, size_t start, size_t j, unsigned long *cp)
{
    unsigned long v = 0;
    size_t k;
    for (k = 0; k < 4; k++) {
        int h;
        if (j + k >= s->len)
            return scan_error(s, BSL_ERR_SYNTAX, start, "unterminated string");
        h = hex_value(s->p[j + k]);
        if (h < 0)
            return expect_error(s, j + k, "invalid \\u escape: expected 4 hex digits");
        v = (v << 4) | (unsigned long)h;
    }
    *cp = v;
    return BSL_OK;
}

/* The \u escape at p[i] (p[i + 1] == 'u') of the string at start; with the
 * one after it when they form a surrogate pair, the only way a \u escape
 * may name a high or low surrogate. */
static inline int scan_u_escape(jscan *s, size_t start, size_t *io, size_t *dlen)
{
    const unsigned char *p = s->p;
    const size_t i = *io;
    unsigned long cp = 0, lo = 0;
    int rc = scan_hex4(s, start, i + 2, &cp);
    if (rc)
        return rc;
    if (cp >= 0xDC00 && cp <= 0xDFFF)
        return scan_error(s, BSL_ERR_SYNTAX, i,
                          "lone surrogate \\u%04lX (a low surrogate without a high one)", cp);
    if (cp >= 0xD800 && cp <= 0xDBFF) {
        if (i + 7 < s->len && p[i + 6] == '\\' && p[i + 7] == 'u') {
            rc = scan_hex4(s, start, i + 8, &lo);
            if (rc)
                return rc;
            if (lo >= 0xDC00 && lo <= 0xDFFF) {
                *dlen += 4;
                *io = i + 12;
                return BSL_OK;
            }
        }
        return scan_error(s, BSL_ERR_SYNTAX, i,
                          "lone surrogate \\u%04lX (not followed by a low surrogate)", cp);
    }
    *dlen += cp < 0x80 ? 1 : cp < 0x800 ? 2 : 3;
    *io = i + 6;
    return BSL_OK;
}

/* The escape at p[*io] == '\\' of the string at start: moves *io past it
 * and adds its decoded length to *dlen. */
static inline int scan_escape(jscan *s, size_t start, size_t *io, size_t *dlen)
{
    const size_t i = *io;
    unsigned e;
    s->escapes = 1;
    if (i + 1 >= s->len)
        return scan_error(s, BSL_ERR_SYNTAX, start, "unterminated string");
    e = s->p[i + 1];
    switch (e) {
    case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
        (*dlen)++;
        *io = i + 2;
        return BSL_OK;
    case 'u':
        return scan_u_escape(s, start, io, dlen);
    default:
        if (e > 0x20 && e < 0x7F)
            return scan_error(s, BSL_ERR_SYNTAX, i + 1, "invalid escape '\\%c'", (char)e);
        return expect_error(s, i + 1, "invalid escape: '\\' must be followed by one of \"\\/bfnrtu");
    }
}

/* The general case of scan_string(): the string at start, scanned up to i
 * (dlen decoded bytes so far). */
static int scan_string_slow(jscan *s, size_t start, size_t i, size_t dlen, size_t *io)
{
    const unsigned char *p = s->p;
    const size_t len = s->len;
    for (;;) {
        size_t run = i;
        unsigned c;
        i = plain_run(p, i, len);
        dlen += i - run;
        if (i >= len)
            return scan_error(s, BSL_ERR_SYNTAX, start, "unterminated string");
        c = p[i];
        if (c == '"')
            break;
        if (c == '\\') {
            int rc = scan_escape(s, start, &i, &dlen);
            if (rc)
                return rc;
        } else if (c < 0x20) {
            return scan_error(s, BSL_ERR_SYNTAX, i, "raw control character U+%04X in string", c);
        } else if (c >= 0xC2 && c < 0xE0 && i + 1 < len && (p[i + 1] & 0xC0) == 0x80) {
            /* Two-byte characters (the accents of French text) inline. */
            dlen += 2;
            i += 2;
        } else { /* c >= 0x80 */
            const char *why = "";
            size_t n = utf8_check(p + i, len - i, &why);
            if (!n)
                return scan_error(s, BSL_ERR_SYNTAX, i, "invalid UTF-8 byte 0x%02X%s", c, why);
            dlen += n;
            i += n;
        }
        if (dlen > s->max_string)
            break;
    }
    if (dlen > s->max_string)
        return scan_error(s, BSL_ERR_LIMIT, start, "string longer than the limit of %zu bytes",
                          s->max_string);
    *io = i + 1;
    return BSL_OK;
}

/* The string starting at p[*io] == '"': the common case (no escape, no
 * non-ASCII byte) inline, the rest in scan_string_slow(). */
static inline int scan_string(jscan *s, size_t *io)
{
    const unsigned char *p = s->p;
    const size_t len = s->len, start = *io;
    size_t i = plain_run(p, start + 1, len);
    if (i < len && p[i] == '"' && i - start - 1 <= s->max_string) {
        *io = i + 1;
        return BSL_OK;
    }
    return scan_string_slow(s, start, i, i - start - 1, io);
}

static int scan_number(jscan *s, size_t *io)
{
    const unsigned char *p = s->p;
    const size_t len = s->len, start = *io;
    size_t i = start, int_digits = 0;
    long e = 0;
    if (p[i] == '-') {
        i++;
        if (i >= len || !is_digit(p[i]))
            return expect_error(s, i, "expected a digit after '-'");
    }
    if (p[i] == '0') {
        i++;
        if (i < len && is_digit(p[i]))
            return scan_error(s, BSL_ERR_SYNTAX, i - 1, "leading zero in number");
    } else {
        size_t d0 = i;
        while (i < len && is_digit(p[i]))
            i++;
        int_digits = i - d0;
    }
    if (i < len && p[i] == '.') {
        i++;
        if (i >= len || !is_digit(p[i]))
            return expect_error(s, i, "expected a digit after '.'");
        while (i < len && is_digit(p[i]))
            i++;
    }
    if (i < len && (p[i] == 'e' || p[i] == 'E')) {
        int neg = 0;
        i++;
        if (i < len && (p[i] == '+' || p[i] == '-'))
            neg = p[i++] == '-';
        if (i >= len || !is_digit(p[i]))
            return expect_error(s, i, "expected a digit in the exponent");
        for (; i < len && is_digit(p[i]); i++)
            if (e < 100000000)
                e = e * 10 + (p[i] - '0');
        if (neg)
            e = -e;
    }
    /* The value is below 10^(int_digits + e): only then can it overflow.
     * Fix (fuzzing, issue 4): int_digits used to be capped at 400 here, so
     * a long integer part with a negative exponent ("1" + 401 zeros +
     * "e-92", that is 1e309) skipped the range check and was stored as 0. */
    if ((long long)int_digits + e > 308) {
        double v;
        if (number_value((const char *)p + start, i - start, &v) < 0)
            return scan_error(s, BSL_ERR_LIMIT, start, "number outside the range of a double");
    }
    *io = i;
    return BSL_OK;
}

static int scan_literal(jscan *s, size_t *io, const char *lit, size_t n)
{
    size_t i = *io, k;
    for (k = 1; k < n; k++) {
        if (i + k >= s->len || s->p[i + k] != (unsigned char)lit[k]) {
            char what[48];
            snprintf(what, sizeof what, "invalid literal: expected '%s'", lit);
            return expect_error(s, i + k, what);
        }
    }
    *io = i + n;
    return BSL_OK;
}

/* The containers open around the scan. The local bit array lives in
 * scan(), not here: stores through bits (uint64_t, the type of size_t on
 * LP64) could otherwise alias depth and cap, and keep them out of
 * registers. */
typedef struct jstack {
    uint64_t *bits; /* bit d-1 set: the container at depth d is an object */
    size_t cap, depth;
} jstack;

/* Open a container at p[i]. */
static inline int stack_push(jscan *s, jstack *st, int obj, size_t i)
{
    const size_t d = st->depth;
    if (d >= s->max_depth)
        return scan_error(s, BSL_ERR_LIMIT, i, "nesting deeper than the limit of %zu", s->max_depth);
    if (d == st->cap) {
        /* Deeper than the local stack: one allocation, sized by what the
         * limits and the input allow, so that it never grows again. */
        size_t levels = s->max_depth < s->len ? s->max_depth : s->len;
        size_t words = levels / 64 + 1;
        uint64_t *big = bsl_malloc(s->alloc, words * sizeof *big);
        if (!big)
            return bsl_error_set(s->err, BSL_ERR_NOMEM, "out of memory");
        memcpy(big, st->bits, SCAN_LOCAL_LEVELS / 64 * sizeof *big);
        st->bits = big;
        st->cap = words * 64;
    }
    if (obj)
        st->bits[d >> 6] |= (uint64_t)1 << (d & 63);
    else
        st->bits[d >> 6] &= ~((uint64_t)1 << (d & 63));
    st->depth = d + 1;
    return BSL_OK;
}

static inline int stack_top_is_object(const jstack *st)
{
    return (st->bits[(st->depth - 1) >> 6] >> ((st->depth - 1) & 63)) & 1;
}

/* What scan() reads next; the helpers below return it, with AT_END once
 * the document is finished or *rc holds an error. */
enum { AT_VALUE, AT_KEY, AT_AFTER, AT_END };

/* One more value (or key) at p[i], against the token limit. */
static inline int count_value(jscan *s, size_t i)
{
    if (++s->count > s->max_tokens)
        return scan_error(s, BSL_ERR_LIMIT, i, "more than %zu values (the token limit)", s->max_tokens);
    return BSL_OK;
}

/* The '{' or '[' at p[*io], and what follows it: the closing bracket of an
 * empty container, the first key or the first element. */
static inline int scan_open(jscan *s, jstack *st, size_t *io, int *rc)
{
    const unsigned char *p = s->p;
    const size_t len = s->len;
    const int obj = p[*io] == '{';
    size_t i;
    if ((*rc = stack_push(s, st, obj, *io)) != BSL_OK)
        return AT_END;
    i = skip_ws(p, *io + 1, len);
    if (i < len && p[i] == (obj ? '}' : ']')) {
        st->depth--;
        *io = i + 1;
        return AT_AFTER;
    }
    *io = i;
    if (!obj)
        return AT_VALUE;
    if (i >= len || p[i] != '"') {
        *rc = expect_error(s, i, "expected a string key or '}'");
        return AT_END;
    }
    return AT_KEY;
}

/* A value, from p[*io] (whitespace first). */
static inline int scan_value(jscan *s, jstack *st, size_t *io, int *rc)
{
    const unsigned char *p = s->p;
    size_t i = skip_ws(p, *io, s->len);
    if (i >= s->len) {
        *rc = expect_error(s, i, "expected a value");
        return AT_END;
    }
    if ((*rc = count_value(s, i)) != BSL_OK)
        return AT_END;
    if (st->depth == 0) {
        s->top_start = i;
        s->top_scalar = p[i] != '{' && p[i] != '[';
    }
    switch (p[i]) {
    case '{':
    case '[':
        *io = i;
        return scan_open(s, st, io, rc);
    case '"': *rc = scan_string(s, &i); break;
    case '-': case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
        *rc = scan_number(s, &i);
        break;
    case 't': *rc = scan_literal(s, &i, "true", 4); break;
    case 'f': *rc = scan_literal(s, &i, "false", 5); break;
    case 'n': *rc = scan_literal(s, &i, "null", 4); break;
    default: *rc = expect_error(s, i, "expected a value"); break;
    }
    *io = i;
    return *rc != BSL_OK ? AT_END : AT_AFTER;
}

/* An object key at p[*io] == '"', and the ':' after it. */
static inline int scan_key(jscan *s, size_t *io, int *rc)
{
    size_t i = *io;
    if ((*rc = count_value(s, i)) != BSL_OK)
        return AT_END;
    if ((*rc = scan_string(s, &i)) != BSL_OK)
        return AT_END;
    i = skip_ws(s->p, i, s->len);
    if (i >= s->len || s->p[i] != ':') {
        *rc = expect_error(s, i, "expected ':' after object key");
        return AT_END;
    }
    *io = i + 1;
    return AT_VALUE;
}

/* Only whitespace may follow the top value, which ends at i. */
static int scan_end(jscan *s, size_t i)
{
    char found[32];
    int rc;
    s->top_end = i;
    i = skip_ws(s->p, i, s->len);
    if (i >= s->len)
        return BSL_OK;
    if ((rc = describe(s, i, found, sizeof found)) != BSL_OK)
        return rc;
    return scan_error(s, BSL_ERR_SYNTAX, i, "unexpected character %s after the top-level value",
                      found);
}

/* After a member of the object on top, at p[*io] (past whitespace). */
static inline int scan_after_member(jscan *s, jstack *st, size_t *io, int *rc)
{
    const unsigned char *p = s->p;
    const size_t len = s->len;
    size_t i = *io;
    if (i < len && p[i] == ',') {
        i = skip_ws(p, i + 1, len);
        *io = i;
        if (i < len && p[i] == '"')
            return AT_KEY;
        *rc = expect_error(s, i, i < len && p[i] == '}' ? "trailing comma: expected a string key"
                                                        : "expected a string key");
        return AT_END;
    }
    if (i < len && p[i] == '}') {
        st->depth--;
        *io = i + 1;
        return AT_AFTER;
    }
    *rc = expect_error(s, i, "expected ',' or '}' after object member");
    return AT_END;
}

/* After an element of the array on top, at p[*io] (past whitespace). */
static inline int scan_after_element(jscan *s, jstack *st, size_t *io, int *rc)
{
    const unsigned char *p = s->p;
    const size_t len = s->len;
    size_t i = *io;
    if (i < len && p[i] == ',') {
        i = skip_ws(p, i + 1, len);
        *io = i;
        if (i < len && p[i] == ']') {
            *rc = expect_error(s, i, "trailing comma: expected a value");
            return AT_END;
        }
        return AT_VALUE;
    }
    if (i < len && p[i] == ']') {
        st->depth--;
        *io = i + 1;
        return AT_AFTER;
    }
    *rc = expect_error(s, i, "expected ',' or ']' after array element");
    return AT_END;
}

/* After a value that ends at p[*io]. */
static inline int scan_after(jscan *s, jstack *st, size_t *io, int *rc)
{
    if (st->depth == 0) {
        *rc = scan_end(s, *io);
        return AT_END;
    }
    *io = skip_ws(s->p, *io, s->len);
    return stack_top_is_object(st) ? scan_after_member(s, st, io, rc)
                                   : scan_after_element(s, st, io, rc);
}

/* A state machine rather than recursion, so that depth costs one bit of
 * stack and hostile nesting cannot overflow the C stack. */
static int scan(jscan *s)
{
    uint64_t local[SCAN_LOCAL_LEVELS / 64];
    jstack st;
    size_t i = skip_ws(s->p, 0, s->len);
    int rc = BSL_OK, at = AT_VALUE;
    if (i >= s->len)
        return scan_error(s, BSL_ERR_SYNTAX, i, "empty document: expected a value");
    st.bits = local;
    st.cap = SCAN_LOCAL_LEVELS;
    st.depth = 0;
    while (at != AT_END) {
        switch (at) {
        case AT_VALUE: at = scan_value(s, &st, &i, &rc); break;
        case AT_KEY: at = scan_key(s, &i, &rc); break;
        default: at = scan_after(s, &st, &i, &rc); break;
        }
    }
    if (st.bits != local)
        bsl_free(s->alloc, st.bits);
    return rc;
}

/* ------------------------------------------------------------------------ */
/* Step 3: nodes                                                              */
/* ------------------------------------------------------------------------ */

/* s[0..n) is the inside of a validated string literal that holds a
 * backslash, in the text copy: decode it in place (decoding only ever
 * shrinks), NUL-terminate, return the decoded length. */
static size_t decode_in_place(char *s, size_t n)
{
    char *o = s;
    size_t i = 0;
    while (i < n) {
        const char *bs = memchr(s + i, '\\', n - i);
        size_t run = bs ? (size_t)(bs - (s + i)) : n - i;
        char c;
        memmove(o, s + i, run);
        o += run;
        i += run;
        if (!bs)
            break;
        c = s[i + 1];
        i += 2;
        switch (c) {
        case 'b': *o++ = '\b'; break;
        case 'f': *o++ = '\f'; break;
        case 'n': *o++ = '\n'; break;
        case 'r': *o++ = '\r'; break;
        case 't': *o++ = '\t'; break;
        case 'u': {
            unsigned long cp = 0;
            int k;
            for (k = 0; k < 4; k++)
                cp = (cp << 4) | (unsigned long)hex_value((unsigned char)s[i + (size_t)k]);
            i += 4;
            if (cp >= 0xD800 && cp <= 0xDBFF) { /* validated: a low surrogate follows */
                unsigned long lo = 0;
                for (k = 0; k < 4; k++)
                    lo = (lo << 4) | (unsigned long)hex_value((unsigned char)s[i + 2 + (size_t)k]);
                i += 6;
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            }
            o += utf8_encode(cp, o); /* at most the 6 or 12 bytes it replaces */
            break;
        }
        default: *o++ = c; break; /* '"', '\\', '/' */
        }
    }
    *o = '\0';
    return (size_t)(o - s);
}

/* Text of the scalar at [off, end) (a string includes its quotes), inside
 * the document's text copy: strings and numbers are used where they stand,
 * NUL-terminated over their closing quote or the byte after them. */
static void build_scalar(bsl_json_node *nd, char *text, size_t off, size_t end, int escapes)
{
    nd->offset = (uint32_t)off;
    nd->text = NULL;
    nd->number = 0;
    nd->count = 0;
    switch (text[off]) {
    case '"': {
        char *str = text + off + 1;
        size_t n = end - off - 2;
        str[n] = '\0';
        if (escapes && memchr(str, '\\', n))
            n = decode_in_place(str, n);
        nd->type = BSL_JSON_STRING;
        nd->text = str;
        nd->count = (uint32_t)n;
        return;
    }
    case 't': nd->type = BSL_JSON_TRUE; return;
    case 'f': nd->type = BSL_JSON_FALSE; return;
    case 'n': nd->type = BSL_JSON_NULL; return;
    default:
        nd->type = BSL_JSON_NUMBER;
        nd->text = text + off;
        nd->count = (uint32_t)(end - off);
        (void)number_value(text + off, end - off, &nd->number); /* range checked by scan() */
        text[end] = '\0';
        return;
    }
}

/* Fill nodes[0..n) from jsmn's tokens (document order, as nodes); returns
 * the largest member count of an object.
 *
 * A container's end (index of the first node after its subtree) is the
 * first token that starts at or after the container's closing bracket. The
 * open containers form a stack linked through their .end fields until they
 * are closed, so one forward pass suffices and needs no memory. */
static size_t build_from_tokens(bsl_json_node *nodes, const jsmntok_t *tok, size_t n,
                                char *text, int escapes)
{
    const uint32_t none = UINT32_MAX;
    uint32_t top = none, k;
    size_t max_members = 0;
    for (k = 0; k < (uint32_t)n; k++) {
        const jsmntok_t *t = &tok[k];
        bsl_json_node *nd = &nodes[k];
        while (top != none && t->start >= tok[top].end) {
            uint32_t up = nodes[top].end;
            nodes[top].end = k;
            top = up;
        }
        nd->end = k + 1;
        switch (t->type) {
        case JSMN_OBJECT:
        case JSMN_ARRAY:
            nd->type = t->type == JSMN_OBJECT ? BSL_JSON_OBJECT : BSL_JSON_ARRAY;
            nd->offset = (uint32_t)t->start;
            nd->count = (uint32_t)t->size;
            nd->text = NULL;
            nd->number = 0;
            if (t->type == JSMN_OBJECT && (size_t)t->size > max_members)
                max_members = (size_t)t->size;
            nd->end = top; /* link to the enclosing open container */
            top = k;
            break;
        case JSMN_STRING:
            build_scalar(nd, text, (size_t)t->start - 1, (size_t)t->end + 1, escapes);
            break;
        default:
            build_scalar(nd, text, (size_t)t->start, (size_t)t->end, escapes);
            break;
        }
    }
    while (top != none) {
        uint32_t up = nodes[top].end;
        nodes[top].end = (uint32_t)n;
        top = up;
    }
    return max_members;
}

static inline int key_eq(const bsl_json_node *a, const bsl_json_node *b)
{
    return a->count == b->count &&
           (a->count == 0 || (a->text[0] == b->text[0] && bsl_bytes_equal(a->text, b->text, a->count)));
}

/* A cheap hash of a decoded key for the duplicate check's table: its
 * length and its first and last 8 bytes, mixed. Keys that collide are
 * compared in full, so quality only matters for speed. */
static uint32_t key_hash(const bsl_json_node *k)
{
    const unsigned char *p = (const unsigned char *)k->text;
    size_t n = k->count;
    uint64_t a = 0, b = 0, h;
    if (n >= 8) {
        memcpy(&a, p, 8);
        memcpy(&b, p + n - 8, 8);
    } else {
        size_t i;
        for (i = 0; i < n; i++)
            a = (a << 8) | p[i];
    }
    h = (a * 0x9E3779B97F4A7C15u) ^ (b * 0xC2B2AE3D27D4EB4Fu) ^ (uint64_t)n;
    return (uint32_t)(h ^ (h >> 29) ^ (h >> 47));
}

/* A key for a message: escaped like JSON, cut at a character boundary. */
static void key_excerpt(const char *s, size_t n, char *out, size_t cap)
{
    static const char hex[] = "0123456789abcdef";
    size_t i, o = 0;
    const size_t room = cap - 4; /* "..." + NUL */
    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        char esc[6];
        size_t el = 0;
        if (c == '"' || c == '\\') {
            esc[0] = '\\';
            esc[1] = (char)c;
            el = 2;
        } else if (c < 0x20) {
            esc[0] = '\\'; esc[1] = 'u'; esc[2] = '0'; esc[3] = '0';
            esc[4] = hex[c >> 4]; esc[5] = hex[c & 15];
            el = 6;
        } else {
            esc[0] = (char)c;
            el = 1;
        }
        if (o + el > room) {
            while (o > 0 && ((unsigned char)out[o - 1] & 0xC0) == 0x80)
                o--;
            if (o > 0 && (unsigned char)out[o - 1] >= 0xC0)
                o--;
            memcpy(out + o, "...", 3);
            o += 3;
            break;
        }
        memcpy(out + o, esc, el);
        o += el;
    }
    out[o] = '\0';
}

enum { DUP_PAIRWISE = 8, DUP_LOCAL_SLOTS = 256 };

/* Node of the first key of object obj (m keys, m <= DUP_PAIRWISE) that
 * repeats an earlier one, or SIZE_MAX: below a handful of keys, comparing
 * them pairwise costs less than hashing. */
static inline size_t first_dup_pairwise(const bsl_json_node *nodes, size_t obj, size_t m)
{
    uint32_t keys[DUP_PAIRWISE];
    size_t a, b;
    bsl_json_collect_keys(nodes, obj, keys);
    for (b = 1; b < m; b++)
        for (a = 0; a < b; a++)
            if (key_eq(&nodes[keys[a]], &nodes[keys[b]]))
                return keys[b];
    return SIZE_MAX;
}

/* The same for any m, through an open-addressing table of decoded keys
 * (slots: room for a power of two of at least 2 * m), so that the check
 * stays linear even for hostile objects. */
static size_t first_dup_hashed(const bsl_json_node *nodes, size_t obj, size_t m, uint32_t *slots)
{
    size_t a, mask;
    uint32_t j;
    for (mask = 16; mask < 2 * m; mask *= 2)
        ;
    mask--;
    memset(slots, 0, (mask + 1) * sizeof *slots);
    for (j = (uint32_t)obj + 1, a = 0; a < m; a++, j = nodes[j + 1].end) {
        size_t h = key_hash(&nodes[j]) & mask;
        while (slots[h] && !key_eq(&nodes[slots[h] - 1], &nodes[j]))
            h = (h + 1) & mask;
        if (slots[h]) /* keys are visited in document order */
            return j;
        slots[h] = j + 1;
    }
    return SIZE_MAX;
}

/* Reject the first duplicate key in document order: the earliest of each
 * object's first repeated key. */
static int check_duplicates(const bsl_json_doc *doc, size_t max_members, bsl_error *err)
{
    const bsl_json_node *nodes = doc->nodes;
    uint32_t local[DUP_LOCAL_SLOTS], *slots = local;
    size_t i, cap = DUP_LOCAL_SLOTS, best = SIZE_MAX;
    char ex[80];
    if (max_members < 2)
        return BSL_OK;
    while (cap < 2 * max_members)
        cap *= 2;
    if (cap > DUP_LOCAL_SLOTS) {
        slots = bsl_malloc(doc->alloc, cap * sizeof *slots);
        if (!slots)
            return bsl_error_set(err, BSL_ERR_NOMEM, "out of memory");
    }
    for (i = 0; i < doc->count; i++) {
        size_t m = nodes[i].count, dup;
        if (nodes[i].type != BSL_JSON_OBJECT || m < 2)
            continue;
        dup = m <= DUP_PAIRWISE ? first_dup_pairwise(nodes, i, m)
                                : first_dup_hashed(nodes, i, m, slots);
        if (dup < best)
            best = dup;
    }
    if (slots != local)
        bsl_free(doc->alloc, slots);
    if (best == SIZE_MAX)
        return BSL_OK;
    key_excerpt(nodes[best].text, nodes[best].count, ex, sizeof ex);
    return bsl_error_at(err, BSL_ERR_SYNTAX, doc->input, doc->input_len, nodes[best].offset, NULL,
                        "duplicate key \"%s\"", ex);
}

/* ------------------------------------------------------------------------ */
/* Public functions                                                           */
/* ------------------------------------------------------------------------ */

/* Sets the limits scan() enforces; returns the cap on the input's size. */
static size_t scan_limits(jscan *s, const bsl_json_limits *limits)
{
    size_t max_input;
    if (limits) {
        max_input = limits->max_input_bytes;
        s->max_depth = limits->max_depth ? limits->max_depth : BSL_DEFAULT_MAX_DEPTH;
        s->max_tokens = limits->max_tokens ? limits->max_tokens : BSL_DEFAULT_MAX_TOKENS;
        s->max_string = limits->max_string_bytes ? limits->max_string_bytes
                                                 : BSL_DEFAULT_MAX_STRING_BYTES;
    } else {
        max_input = BSL_DEFAULT_MAX_INPUT_BYTES;
        s->max_depth = BSL_DEFAULT_MAX_DEPTH;
        s->max_tokens = BSL_DEFAULT_MAX_TOKENS;
        s->max_string = BSL_DEFAULT_MAX_STRING_BYTES;
    }
    /* jsmn counts in int and nodes in uint32_t. */
    if (!max_input || max_input > (size_t)INT_MAX)
        max_input = (size_t)INT_MAX;
    return max_input;
}

/* One block: nodes, jsmn's tokens (needed only while building; the
 * document is short-lived), then a copy of the input (and a NUL) in which
 * strings and numbers are terminated and decoded where they stand. One
 * allocation instead of three. */
static int doc_alloc(bsl_json_doc *doc, const jscan *s, const char *buf, size_t len,
                     const bsl_allocator *alloc, bsl_error *err)
{
    size_t total;
    bsl_json_node *nodes;
    char *text;
    if (s->count > (SIZE_MAX - len - 1) / (sizeof *nodes + sizeof(jsmntok_t)))
        return bsl_error_set(err, BSL_ERR_NOMEM, "out of memory");
    total = s->count * sizeof *nodes + (s->top_scalar ? 0 : s->count * sizeof(jsmntok_t)) + len + 1;
    nodes = bsl_malloc(alloc, total);
    if (!nodes)
        return bsl_error_set(err, BSL_ERR_NOMEM, "out of memory");
    text = (char *)nodes + total - len - 1;
    if (len)
        memcpy(text, buf, len);
    text[len] = '\0';
    doc->alloc = alloc;
    doc->nodes = nodes;
    doc->count = s->count;
    doc->text = text;
    doc->input = buf;
    doc->input_len = len;
    return BSL_OK;
}

/* The nodes of a document whose top value is a container, from jsmn's
 * tokens (stored right after the nodes). */
static int build_tree(bsl_json_doc *doc, const jscan *s, bsl_error *err)
{
    jsmn_parser parser;
    jsmntok_t *tok = (jsmntok_t *)(void *)(doc->nodes + doc->count);
    size_t max_members;
    int r;
    jsmn_init(&parser);
    r = jsmn_parse(&parser, doc->input, doc->input_len, tok, (unsigned)s->count);
    if (r < 0 || (size_t)r != s->count) /* cannot happen for a document scan() accepted */
        return bsl_error_at(err, BSL_ERR_SYNTAX, doc->input, doc->input_len, 0, NULL,
                            "internal error: the tokenizer disagrees with the validator");
    max_members = build_from_tokens(doc->nodes, tok, s->count, doc->text, s->escapes);
    return check_duplicates(doc, max_members, err);
}

int bsl_json_parse(bsl_json_doc *doc, const char *buf, size_t len,
                   const bsl_json_limits *limits, const bsl_allocator *alloc,
                   bsl_error *err)
{
    jscan s;
    size_t max_input;
    int rc;

    bsl_error_clear(err);
    if (!doc)
        return bsl_error_set(err, BSL_ERR_ARG, "no document to fill");
    memset(doc, 0, sizeof *doc);
    if (!buf && len)
        return bsl_error_set(err, BSL_ERR_ARG, "no input bytes");
    if (!alloc)
        alloc = bsl_libc_allocator();

    memset(&s, 0, sizeof s);
    s.p = (const unsigned char *)buf;
    s.len = len;
    s.alloc = alloc;
    s.err = err;
    max_input = scan_limits(&s, limits);
    if (len > max_input)
        return bsl_error_at(err, BSL_ERR_LIMIT, buf, len, max_input, NULL,
                            "document larger than the limit of %zu bytes", max_input);

    if ((rc = scan(&s)) != BSL_OK)
        return rc;
    if ((rc = doc_alloc(doc, &s, buf, len, alloc, err)) != BSL_OK)
        return rc;
    if (s.top_scalar) {
        build_scalar(&doc->nodes[0], doc->text, s.top_start, s.top_end, s.escapes);
        doc->nodes[0].end = 1;
        return BSL_OK;
    }
    if ((rc = build_tree(doc, &s, err)) != BSL_OK) {
        bsl_free(alloc, doc->nodes);
        memset(doc, 0, sizeof *doc);
    }
    return rc;
}

void bsl_json_doc_free(bsl_json_doc *doc)
{
    if (!doc)
        return;
    if (doc->nodes)
        bsl_free(doc->alloc, doc->nodes); /* text lives in the same block */
    memset(doc, 0, sizeof *doc);
}

size_t bsl_json_find(const bsl_json_doc *doc, size_t obj, const char *key)
{
    const bsl_json_node *nodes;
    size_t klen, j, end;
    if (!doc || !key || obj >= doc->count || doc->nodes[obj].type != BSL_JSON_OBJECT)
        return 0;
    nodes = doc->nodes;
    klen = strlen(key);
    end = nodes[obj].end;
    for (j = obj + 1; j < end; j = nodes[j + 1].end)
        if (nodes[j].count == klen && bsl_bytes_equal(nodes[j].text, key, klen))
            return j + 1;
    return 0;
}

int bsl_json_error(const bsl_json_doc *doc, size_t i, bsl_error *err, int code,
                   const char *path, const char *fmt, ...)
{
    char msg[BSL_ERROR_MESSAGE_SIZE];
    va_list ap;
    if (!err)
        return code;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (!doc || i >= doc->count) {
        bsl_error_set(err, code, "%s", msg);
        bsl_error_set_path(err, path); /* kept valid UTF-8 */
        return code;
    }
    return bsl_error_at(err, code, doc->input, doc->input_len, doc->nodes[i].offset, path, "%s",
                        msg);
}

const char *bsl_json_type_name(bsl_json_type t)
{
    switch (t) {
    case BSL_JSON_NULL: return "null";
    case BSL_JSON_FALSE:
    case BSL_JSON_TRUE: return "boolean";
    case BSL_JSON_NUMBER: return "number";
    case BSL_JSON_STRING: return "string";
    case BSL_JSON_ARRAY: return "array";
    case BSL_JSON_OBJECT: return "object";
    }
    return "unknown";
}
