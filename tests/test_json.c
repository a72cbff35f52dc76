/* lib/json.c: strict RFC 8259 parsing, errors with positions, limits,
 * decoding, numbers, duplicate keys, canonical output, out-of-memory. */
#include "check.h"

#include "alloc.h"
#include "buf.h"
#include "json.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------------ */
/* A counting allocator that can fail its n-th call                           */
/* ------------------------------------------------------------------------ */

typedef struct talloc {
    size_t calls;   /* malloc + realloc calls */
    size_t fail_at; /* index of the call that fails; SIZE_MAX: never */
    long live;      /* blocks allocated and not freed */
} talloc;

static void *t_malloc(void *ctx, size_t size)
{
    talloc *t = ctx;
    void *p;
    if (t->calls++ == t->fail_at)
        return NULL;
    p = malloc(size);
    if (p)
        t->live++;
    return p;
}

static void *t_realloc(void *ctx, void *ptr, size_t old_size, size_t size)
{
    talloc *t = ctx;
    void *p;
    (void)old_size;
    if (t->calls++ == t->fail_at)
        return NULL;
    p = realloc(ptr, size);
    if (p && !ptr)
        t->live++;
    return p;
}

static void t_free(void *ctx, void *ptr)
{
    talloc *t = ctx;
    if (ptr)
        t->live--;
    free(ptr);
}

static talloc counter = {0, SIZE_MAX, 0};
static const bsl_allocator alloc = {t_malloc, t_realloc, t_free, &counter};

static const bsl_json_limits big_limits = {0, 64, 1u << 20, 1u << 16};

/* ------------------------------------------------------------------------ */
/* Rejections                                                                  */
/* ------------------------------------------------------------------------ */

static void reject_lim(const char *name, const char *json, size_t len, const bsl_json_limits *lim,
                       int code, unsigned line, unsigned column, const char *sub)
{
    bsl_json_doc doc;
    bsl_error err;
    char what[256];
    int rc;
    long live = counter.live;
    rc = bsl_json_parse(&doc, json, len, lim, &alloc, &err);
    snprintf(what, sizeof what, "%s: code", name);
    CHECK_INT(rc, code, what);
    snprintf(what, sizeof what, "%s: err.code", name);
    CHECK_INT(err.code, code, what);
    snprintf(what, sizeof what, "%s: line", name);
    CHECK_INT(err.line, line, what);
    snprintf(what, sizeof what, "%s: column", name);
    CHECK_INT(err.column, column, what);
    snprintf(what, sizeof what, "%s: message has \"%s\"", name, sub);
    if (!CHECK(strstr(err.message, sub) != NULL, what))
        printf("#   message: %s\n", err.message);
    snprintf(what, sizeof what, "%s: nothing to free, nothing leaked", name);
    CHECK(doc.nodes == NULL && doc.count == 0 && doc.text == NULL && counter.live == live, what);
    if (rc == BSL_OK)
        bsl_json_doc_free(&doc);
}

/* The input as a one-line TAP description: control bytes, non-ASCII and
 * '#' (a TAP directive) are written as \xNN. */
static void reject(const char *json, int code, unsigned line, unsigned column, const char *sub)
{
    char name[128];
    size_t i, o = 0;
    for (i = 0; json[i] && o + 8 < sizeof name; i++) {
        unsigned char c = (unsigned char)json[i];
        if (c < 0x20 || c >= 0x7F || c == '#')
            o += (size_t)snprintf(name + o, sizeof name - o, "\\x%02X", c);
        else
            name[o++] = (char)c;
    }
    name[o] = '\0';
    reject_lim(name, json, strlen(json), &big_limits, code, line, column, sub);
}

#define SYN BSL_ERR_SYNTAX
#define LIM BSL_ERR_LIMIT

static void test_rejections(void)
{
    /* numbers */
    reject("01", SYN, 1, 1, "leading zero in number");
    reject("-01", SYN, 1, 2, "leading zero in number");
    reject("[1, 00]", SYN, 1, 5, "leading zero in number");
    reject("1.", SYN, 1, 3, "expected a digit after '.', found end of input");
    reject("[1.]", SYN, 1, 4, "expected a digit after '.', found ']'");
    reject(".5", SYN, 1, 1, "expected a value, found '.'");
    reject("1e", SYN, 1, 3, "expected a digit in the exponent");
    reject("1e+", SYN, 1, 4, "expected a digit in the exponent");
    reject("[1E-x]", SYN, 1, 5, "expected a digit in the exponent, found 'x'");
    reject("-", SYN, 1, 2, "expected a digit after '-', found end of input");
    reject("+1", SYN, 1, 1, "expected a value, found '+'");
    reject("NaN", SYN, 1, 1, "expected a value, found 'N'");
    reject("Infinity", SYN, 1, 1, "expected a value, found 'I'");
    reject("-Infinity", SYN, 1, 2, "expected a digit after '-', found 'I'");
    reject("[0x10]", SYN, 1, 3, "expected ',' or ']' after array element, found 'x'");
    reject("1.5.2", SYN, 1, 4, "unexpected character '.' after the top-level value");

    /* literals */
    reject("tru", SYN, 1, 4, "invalid literal: expected 'true', found end of input");
    reject("nul", SYN, 1, 4, "invalid literal: expected 'null'");
    reject("[fals]", SYN, 1, 6, "invalid literal: expected 'false', found ']'");
    reject("True", SYN, 1, 1, "expected a value, found 'T'");
    reject("[nulL]", SYN, 1, 5, "invalid literal: expected 'null', found 'L'");
    reject("truex", SYN, 1, 5, "unexpected character 'x' after the top-level value");

    /* structure */
    reject("[1,,2]", SYN, 1, 4, "expected a value, found ','");
    reject("[1,]", SYN, 1, 4, "trailing comma: expected a value, found ']'");
    reject("{\"a\":1,}", SYN, 1, 8, "trailing comma: expected a string key, found '}'");
    reject("{\"a\" 1}", SYN, 1, 6, "expected ':' after object key, found '1'");
    reject("{\"a\":}", SYN, 1, 6, "expected a value, found '}'");
    reject("{,}", SYN, 1, 2, "expected a string key or '}', found ','");
    reject("[1 2]", SYN, 1, 4, "expected ',' or ']' after array element, found '2'");
    reject("{1:2}", SYN, 1, 2, "expected a string key or '}', found '1'");
    reject("{\"a\":1 \"b\":2}", SYN, 1, 8, "expected ',' or '}' after object member, found '\"'");
    reject("{\"a\":1,2}", SYN, 1, 8, "expected a string key, found '2'");
    reject("[1}", SYN, 1, 3, "expected ',' or ']' after array element, found '}'");
    reject("{\"a\":1]", SYN, 1, 7, "expected ',' or '}' after object member, found ']'");
    reject("[1,2", SYN, 1, 5, "expected ',' or ']' after array element, found end of input");
    reject("{\"a\":1", SYN, 1, 7, "expected ',' or '}' after object member, found end of input");
    reject("{\"a\"", SYN, 1, 5, "expected ':' after object key, found end of input");
    reject("[", SYN, 1, 2, "expected a value, found end of input");
    reject("]", SYN, 1, 1, "expected a value, found ']'");
    reject("{\"a\":1}}", SYN, 1, 8, "unexpected character '}' after the top-level value");
    reject("[[]", SYN, 1, 4, "expected ',' or ']' after array element, found end of input");
    reject("'a'", SYN, 1, 1, "expected a value, found '''");
    reject("[1] x", SYN, 1, 5, "unexpected character 'x' after the top-level value");
    reject("1 2", SYN, 1, 3, "unexpected character '2' after the top-level value");
    reject("{} {}", SYN, 1, 4, "unexpected character '{' after the top-level value");
    reject("[1]\f", SYN, 1, 4, "unexpected character U+000C after the top-level value");
    reject("\xEF\xBB\xBF[1]", SYN, 1, 1, "expected a value, found U+FEFF");

    /* empty input */
    reject_lim("empty input", "", 0, &big_limits, SYN, 1, 1, "empty document");
    reject_lim("NULL empty input", NULL, 0, &big_limits, SYN, 1, 1, "empty document");
    reject(" \n\t\r ", SYN, 2, 4, "empty document");

    /* strings */
    reject("[\"a\tb\"]", SYN, 1, 4, "raw control character U+0009 in string");
    reject("\"a\nb\"", SYN, 1, 3, "raw control character U+000A in string");
    reject("\"\x1f\"", SYN, 1, 2, "raw control character U+001F in string");
    reject_lim("raw NUL in string", "[\"a\0b\"]", 7, &big_limits, SYN, 1, 4,
               "raw control character U+0000 in string");
    reject_lim("NUL after a value", "[1,\0]", 5, &big_limits, SYN, 1, 4,
               "expected a value, found U+0000");
    reject_lim("NUL after the top value", "1\0", 2, &big_limits, SYN, 1, 2,
               "unexpected character U+0000 after the top-level value");
    reject("\"\\q\"", SYN, 1, 3, "invalid escape '\\q'");
    reject("[\"ab\\x41\"]", SYN, 1, 6, "invalid escape '\\x'");
    reject("\"\\U0041\"", SYN, 1, 3, "invalid escape '\\U'");
    reject("\"\\\t\"", SYN, 1, 3, "invalid escape: '\\' must be followed by");
    reject("\"\\u12G4\"", SYN, 1, 6, "invalid \\u escape: expected 4 hex digits, found 'G'");
    reject("\"\\u12\"", SYN, 1, 6, "invalid \\u escape: expected 4 hex digits, found '\"'");
    reject("\"\\uD800\"", SYN, 1, 2, "lone surrogate \\uD800");
    reject("\"\\udbff\"", SYN, 1, 2, "lone surrogate \\uDBFF");
    reject("\"\\uDC00\"", SYN, 1, 2, "lone surrogate \\uDC00");
    reject("\"x\\uD800\\u0041\"", SYN, 1, 3, "lone surrogate \\uD800 (not followed by a low surrogate)");
    reject("\"\\uD800\\uD800\"", SYN, 1, 2, "lone surrogate \\uD800");
    reject("\"\\uD800x\"", SYN, 1, 2, "lone surrogate \\uD800");
    reject("\"\\uD800\\u00G0\"", SYN, 1, 12, "invalid \\u escape");
    reject("\"abc", SYN, 1, 1, "unterminated string");
    reject("[\"abc", SYN, 1, 2, "unterminated string");
    reject("\"abc\\", SYN, 1, 1, "unterminated string");
    reject("\"\\u00", SYN, 1, 1, "unterminated string");
    reject("{\"a\":\"b}", SYN, 1, 6, "unterminated string");

    /* UTF-8, inside and outside strings */
    reject("\"\xC3(\"", SYN, 1, 2, "invalid UTF-8 byte 0xC3 (truncated sequence)");
    reject("\"\xC3", SYN, 1, 2, "invalid UTF-8 byte 0xC3 (truncated sequence)");
    reject("\"\xC0\xAF\"", SYN, 1, 2, "invalid UTF-8 byte 0xC0 (overlong encoding)");
    reject("\"\xE0\x80\xAF\"", SYN, 1, 2, "invalid UTF-8 byte 0xE0 (overlong encoding)");
    reject("\"\xF0\x80\x80\xAF\"", SYN, 1, 2, "invalid UTF-8 byte 0xF0 (overlong encoding)");
    reject("\"\xED\xA0\x80\"", SYN, 1, 2, "invalid UTF-8 byte 0xED (encoded UTF-16 surrogate)");
    reject("\"\xED\xBF\xBF\"", SYN, 1, 2, "invalid UTF-8 byte 0xED (encoded UTF-16 surrogate)");
    reject("\"\xF4\x90\x80\x80\"", SYN, 1, 2, "invalid UTF-8 byte 0xF4 (code point above U+10FFFF)");
    reject("\"\xF5\x80\x80\x80\"", SYN, 1, 2, "invalid UTF-8 byte 0xF5");
    reject("\"\xFF\"", SYN, 1, 2, "invalid UTF-8 byte 0xFF");
    reject("\"ab\x80\"", SYN, 1, 4, "invalid UTF-8 byte 0x80 (unexpected continuation byte)");
    reject("\"\xE2\x82\"", SYN, 1, 2, "invalid UTF-8 byte 0xE2 (truncated sequence)");
    reject("\"\xF0\x9F\x98\"", SYN, 1, 2, "invalid UTF-8 byte 0xF0 (truncated sequence)");
    reject("\"\xC3\xA9\xC3\"", SYN, 1, 3, "invalid UTF-8 byte 0xC3");
    reject("[\xC3]", SYN, 1, 2, "invalid UTF-8 byte 0xC3");
    reject("[1]\xFF", SYN, 1, 4, "invalid UTF-8 byte 0xFF");
    reject("[\xC3\xA9]", SYN, 1, 2, "expected a value, found U+00E9");
    reject("{\"a\":1}\xE2\x82\xAC", SYN, 1, 8, "unexpected character U+20AC after the top-level value");
    reject("[1,\xED\xA0\x80]", SYN, 1, 4, "invalid UTF-8 byte 0xED");

    /* columns count characters, lines count LF */
    reject("[\"\xC3\xA9\", x]", SYN, 1, 7, "expected a value, found 'x'");
    reject("[\"\xF0\x9F\x98\x80\xE2\x82\xAC\",\n  \"\xC3\xA9\" x]", SYN, 2, 7,
           "expected ',' or ']' after array element, found 'x'");
    reject("{\n\"a\":1,\n\"b\":x\n}", SYN, 3, 5, "expected a value, found 'x'");
    reject("{\r\n  \"a\": 1,\r\n  \"b\": [true, fals]\r\n}", SYN, 3, 19,
           "invalid literal: expected 'false', found ']'");

    /* duplicate keys, compared decoded */
    reject("{\"a\":1,\"a\":2}", SYN, 1, 8, "duplicate key \"a\"");
    reject("{\"a\":1,\"\\u0061\":2}", SYN, 1, 8, "duplicate key \"a\"");
    reject("{\"\\u00e9\":1,\"\xC3\xA9\":2}", SYN, 1, 13, "duplicate key \"\xC3\xA9\"");
    reject("{\"a\":1,\"b\":2,\"c\":3,\"\\/\":4,\"/\":5}", SYN, 1, 27, "duplicate key \"/\"");
    reject("{\"a\\u0000b\":1,\"a\\u0000b\":2}", SYN, 1, 15, "duplicate key \"a\\u0000b\"");
    reject("{\"q\\\"\":1,\"q\\\"\":2}", SYN, 1, 10, "duplicate key \"q\\\"\"");
    /* the earliest duplicate in the document wins, nested or not */
    reject("{\"x\":{\"b\":1,\"b\":2},\"x\":3}", SYN, 1, 13, "duplicate key \"b\"");
    reject("{\"x\":{\"b\":1,\"c\":2},\"x\":3,\"y\":[{\"z\":1,\"z\":2}]}", SYN, 1, 20,
           "duplicate key \"x\"");
    reject("[{\"a\":1},{\"a\":1,\"b\":{\"a\":2,\"a\":3}}]", SYN, 1, 28, "duplicate key \"a\"");
    reject("{\"a\":1,\"b\":2,\"a\":3,\"b\":4}", SYN, 1, 14, "duplicate key \"a\"");
    /* a long key is cut in the message */
    {
        char json[512], want[80];
        int n = snprintf(json, sizeof json, "{\"%0200d\":1,\"%0200d\":2}", 7, 7);
        snprintf(want, sizeof want, "duplicate key \"%060d", 0);
        reject_lim("long duplicate key", json, (size_t)n, &big_limits, SYN, 1, 207, want);
    }
}

/* Duplicates in objects large enough for the hash table (and to need scratch). */
static void test_duplicates_large(void)
{
    char json[8192];
    size_t keys[] = {9, 17, 33, 200};
    size_t t;
    for (t = 0; t < sizeof keys / sizeof keys[0]; t++) {
        size_t n = keys[t], k, len = 0, dup_col = 0;
        char name[64];
        json[len++] = '{';
        for (k = 0; k < n; k++) {
            /* keys in reverse order; the last one repeats key n/2 via an escape */
            if (k)
                json[len++] = ',';
            if (k == n - 1) {
                dup_col = len + 1;
                len += (size_t)sprintf(json + len, "\"\\u006b%zu\":%zu", n - 1 - n / 2, k);
            } else {
                len += (size_t)sprintf(json + len, "\"k%zu\":%zu", n - 1 - k, k);
            }
        }
        json[len++] = '}';
        json[len] = '\0';
        snprintf(name, sizeof name, "duplicate in an object of %zu members", n);
        reject_lim(name, json, len, &big_limits, SYN, 1, (unsigned)dup_col, "duplicate key \"k");
        /* without the duplicate it parses */
        {
            bsl_json_doc doc;
            bsl_error err;
            size_t m = (size_t)(strrchr(json, ',') - json);
            json[m] = '}';
            snprintf(name, sizeof name, "no duplicate in an object of %zu members", n - 1);
            CHECK_INT(bsl_json_parse(&doc, json, m + 1, &big_limits, &alloc, &err), BSL_OK, name);
            CHECK_INT(doc.nodes[0].count, n - 1, "member count");
            bsl_json_doc_free(&doc);
        }
    }
}

/* ------------------------------------------------------------------------ */
/* Limits: at the limit and one past it                                        */
/* ------------------------------------------------------------------------ */

static int parse_ok(const char *json, size_t len, const bsl_json_limits *lim, const char *what)
{
    bsl_json_doc doc;
    bsl_error err;
    int rc = bsl_json_parse(&doc, json, len, lim, &alloc, &err);
    if (!CHECK(rc == BSL_OK, what))
        printf("#   %d %s (line %u column %u)\n", rc, err.message, err.line, err.column);
    bsl_json_doc_free(&doc);
    return rc;
}

static void test_limits(void)
{
    bsl_json_limits lim = big_limits;
    static char deep[20010];
    size_t d;

    lim.max_depth = 3;
    parse_ok("[[[1]]]", 7, &lim, "depth 3 at max_depth 3");
    parse_ok("{\"a\":{\"b\":{\"c\":{}}}}", 20, &big_limits, "object depth 4 at default");
    reject_lim("depth 4 at max_depth 3", "[[[[1]]]]", 9, &lim, LIM, 1, 4, "nesting deeper than the limit of 3");
    reject_lim("object depth 4 at max_depth 3", "{\"a\":{\"b\":{\"c\":{}}}}", 20, &lim, LIM, 1, 16,
               "nesting deeper than the limit of 3");
    lim.max_depth = 1;
    parse_ok("[1,2]", 5, &lim, "depth 1 at max_depth 1");
    parse_ok("3", 1, &lim, "scalar at max_depth 1");
    reject_lim("depth 2 at max_depth 1", "[[]]", 4, &lim, LIM, 1, 2, "nesting deeper");

    /* the default: 64 */
    for (d = 0; d < 65; d++) {
        deep[d] = '[';
        deep[65 + d] = ']';
    }
    parse_ok(deep + 1, 128, NULL, "depth 64 with default limits");
    reject_lim("depth 65 with default limits", deep, 130, NULL, LIM, 1, 65, "nesting deeper than the limit of 64");

    /* beyond the validator's local stack (4096 levels) */
    lim.max_depth = 10000;
    for (d = 0; d < 10001; d++) {
        deep[d] = '[';
        deep[10001 + d] = ']';
    }
    parse_ok(deep + 1, 20000, &lim, "depth 10000 at max_depth 10000");
    reject_lim("depth 10001 at max_depth 10000", deep, 20002, &lim, LIM, 1, 10001,
               "nesting deeper than the limit of 10000");
    /* deep mixed objects and arrays keep their kinds */
    {
        size_t n = 0, k;
        for (k = 0; k < 5000; k++)
            n += (size_t)sprintf(deep + n, k % 3 ? "[" : "{\"k\":");
        for (k = 5000; k-- > 0;)
            deep[n++] = k % 3 ? ']' : '}';
        deep[n] = '\0';
        /* the innermost container is the array of k = 4999 (4999 % 3 != 0) */
        parse_ok(deep, n, &lim, "5000 mixed levels");
        deep[n - 1] = ']';
        reject_lim("mixed levels, wrong closing bracket", deep, n, &lim, SYN, 1, (unsigned)n,
                   "expected ',' or '}' after object member, found ']'");
    }

    /* tokens: values including keys */
    lim = big_limits;
    lim.max_tokens = 3;
    parse_ok("[1,2]", 5, &lim, "3 tokens at max_tokens 3");
    parse_ok("{\"a\":1}", 7, &lim, "3 tokens (with a key) at max_tokens 3");
    reject_lim("4 tokens at max_tokens 3", "[1,2,3]", 7, &lim, LIM, 1, 6, "more than 3 values");
    reject_lim("4th token is a key", "{\"a\":1,\"b\":2}", 13, &lim, LIM, 1, 8, "more than 3 values");
    lim.max_tokens = 1;
    parse_ok("\"x\"", 3, &lim, "1 token at max_tokens 1");
    reject_lim("2 tokens at max_tokens 1", "[1]", 3, &lim, LIM, 1, 2, "more than 1 values");

    /* decoded string length */
    lim = big_limits;
    lim.max_string_bytes = 3;
    parse_ok("\"abc\"", 5, &lim, "3-byte string at max_string_bytes 3");
    parse_ok("\"a\\u00e9\"", 9, &lim, "3 decoded bytes from an escape at the limit");
    parse_ok("[\"\xE2\x82\xAC\"]", 7, &lim, "3-byte character at the limit");
    reject_lim("4-byte string at max_string_bytes 3", "\"abcd\"", 6, &lim, LIM, 1, 1,
               "string longer than the limit of 3 bytes");
    reject_lim("4 decoded bytes from escapes", "[1,\"\\u00e9\\u00e9\"]", 18, &lim, LIM, 1, 4,
               "string longer than the limit of 3 bytes");
    reject_lim("surrogate pair is 4 bytes", "\"\\ud83d\\ude00\"", 14, &lim, LIM, 1, 1, "string longer");
    reject_lim("a long key", "{\"abcd\":1}", 10, &lim, LIM, 1, 2, "string longer");

    /* input size: offset = the limit */
    lim = big_limits;
    lim.max_input_bytes = 5;
    parse_ok("[1,2]", 5, &lim, "5 bytes at max_input_bytes 5");
    reject_lim("6 bytes at max_input_bytes 5", "[1,2] ", 6, &lim, LIM, 1, 6,
               "document larger than the limit of 5 bytes");
    reject_lim("input limit on line 2", "[\n1,2,3]", 8, &lim, LIM, 2, 4, "larger than the limit");

    /* numbers outside double's range */
    reject("1e400", LIM, 1, 1, "number outside the range of a double");
    reject("[0, -1e309]", LIM, 1, 5, "number outside the range of a double");
    reject("2e308", LIM, 1, 1, "outside the range");
    reject("1.7976931348623159e308", LIM, 1, 1, "outside the range");
    reject("[179769313486231590000000000000000000000000000000000000000000000000000000000000000"
           "000000000000000000000000000000000000000000000000000000000000000000000000000000000"
           "000000000000000000000000000000000000000000000000000000000000000000000000000000000"
           "0000000000000000000000000000000000000000000000000000000000000000000]",
           LIM, 1, 2, "outside the range");
    reject("0.1e99999999999999999999", LIM, 1, 1, "outside the range");
    /* limits of 0 (but the input size) mean the defaults */
    {
        static const bsl_json_limits zero = {0, 0, 0, 0};
        char d65[130];
        for (d = 0; d < 65; d++) {
            d65[d] = '[';
            d65[65 + d] = ']';
        }
        parse_ok(d65 + 1, 128, &zero, "zero limits: depth 64");
        reject_lim("zero limits: depth 65", d65, 130, &zero, LIM, 1, 65, "limit of 64");
    }
    /* duplicates are checked once the document is otherwise valid */
    reject("{\"a\":1,\"a\":2,\"b\":tru}", SYN, 1, 21, "invalid literal");
    /* a range error before a syntax error is the one reported */
    reject("[1e999, tru]", LIM, 1, 2, "outside the range");
}

/* ------------------------------------------------------------------------ */
/* Acceptance                                                                  */
/* ------------------------------------------------------------------------ */

static int parse(bsl_json_doc *doc, const char *json)
{
    bsl_error err;
    int rc = bsl_json_parse(doc, json, strlen(json), &big_limits, &alloc, &err);
    if (rc)
        printf("# parse failed: %s (line %u column %u)\n", err.message, err.line, err.column);
    return rc;
}

static void test_scalars(void)
{
    bsl_json_doc doc;
    CHECK_INT(parse(&doc, "1"), BSL_OK, "top-level number");
    CHECK(doc.count == 1 && doc.nodes[0].type == BSL_JSON_NUMBER && doc.nodes[0].number == 1.0 &&
              doc.nodes[0].end == 1,
          "top-level number node");
    bsl_json_doc_free(&doc);
    CHECK(doc.nodes == NULL && doc.count == 0, "doc_free clears the doc");
    bsl_json_doc_free(&doc); /* twice is fine */
    bsl_json_doc_free(NULL);

    CHECK_INT(parse(&doc, " \t\r\n\"x\\ny\" \n"), BSL_OK, "top-level string with whitespace");
    CHECK(doc.nodes[0].type == BSL_JSON_STRING && doc.nodes[0].count == 3 &&
              memcmp(doc.nodes[0].text, "x\ny", 4) == 0 && doc.nodes[0].offset == 4,
          "top-level string decoded, offset at its quote");
    bsl_json_doc_free(&doc);
    CHECK_INT(parse(&doc, "true"), BSL_OK, "top-level true");
    CHECK(doc.nodes[0].type == BSL_JSON_TRUE && doc.nodes[0].text == NULL, "true node");
    bsl_json_doc_free(&doc);
    CHECK_INT(parse(&doc, "false "), BSL_OK, "top-level false");
    CHECK(doc.nodes[0].type == BSL_JSON_FALSE, "false node");
    bsl_json_doc_free(&doc);
    CHECK_INT(parse(&doc, "  null"), BSL_OK, "top-level null");
    CHECK(doc.nodes[0].type == BSL_JSON_NULL && doc.nodes[0].offset == 2, "null node");
    bsl_json_doc_free(&doc);
    CHECK_INT(parse(&doc, "-0"), BSL_OK, "top-level -0");
    CHECK(doc.nodes[0].number == 0 && signbit(doc.nodes[0].number), "-0 is negative zero");
    CHECK_STR(doc.nodes[0].text, "-0", "-0 literal kept");
    bsl_json_doc_free(&doc);
    CHECK_INT(parse(&doc, "[]"), BSL_OK, "empty array");
    CHECK(doc.count == 1 && doc.nodes[0].type == BSL_JSON_ARRAY && doc.nodes[0].count == 0 &&
              doc.nodes[0].end == 1,
          "empty array node");
    bsl_json_doc_free(&doc);
    CHECK_INT(parse(&doc, " { } "), BSL_OK, "empty object");
    CHECK(doc.count == 1 && doc.nodes[0].type == BSL_JSON_OBJECT && doc.nodes[0].offset == 1,
          "empty object node");
    bsl_json_doc_free(&doc);

    /* NULL limits and allocator: the defaults */
    {
        bsl_error err;
        CHECK_INT(bsl_json_parse(&doc, "{\"a\":[1]}", 9, NULL, NULL, &err), BSL_OK,
                  "NULL limits and allocator");
        CHECK_INT(err.code, BSL_OK, "err cleared on success");
        CHECK_INT(bsl_json_find(&doc, 0, "a"), 2, "find with the libc allocator");
        bsl_json_doc_free(&doc);
        CHECK_INT(bsl_json_parse(NULL, "1", 1, NULL, NULL, &err), BSL_ERR_ARG, "NULL doc");
        CHECK_INT(bsl_json_parse(&doc, NULL, 3, NULL, NULL, &err), BSL_ERR_ARG, "NULL buf with len");
        CHECK_INT(bsl_json_parse(&doc, "[1 2]", 5, NULL, NULL, NULL), BSL_ERR_SYNTAX, "NULL err");
    }
}

static void test_tree(void)
{
    bsl_json_doc doc;
    const bsl_json_node *n;
    const char *json = "{\"a\": [1, {\"b\": null}, []], \"c\": \"d\", \"e\": {}, \"f\": [true, false]}";
    size_t j, k, a, c;
    CHECK_INT(parse(&doc, json), BSL_OK, "nested document");
    n = doc.nodes;
    CHECK_INT(doc.count, 16, "node count (keys included)");
    CHECK(n[0].type == BSL_JSON_OBJECT && n[0].count == 4 && n[0].end == 16, "root object");
    CHECK(n[1].type == BSL_JSON_STRING && strcmp(n[1].text, "a") == 0 && n[1].offset == 1 &&
              n[1].end == 2,
          "key a");
    CHECK(n[2].type == BSL_JSON_ARRAY && n[2].count == 3 && n[2].end == 8 && n[2].offset == 6,
          "a's array");
    CHECK(n[3].type == BSL_JSON_NUMBER && n[3].number == 1 && n[3].end == 4, "a[0]");
    CHECK(n[4].type == BSL_JSON_OBJECT && n[4].count == 1 && n[4].end == 7, "a[1]");
    CHECK(n[5].type == BSL_JSON_STRING && strcmp(n[5].text, "b") == 0, "key b");
    CHECK(n[6].type == BSL_JSON_NULL && n[6].end == 7, "b's null");
    CHECK(n[7].type == BSL_JSON_ARRAY && n[7].count == 0 && n[7].end == 8, "empty array a[2]");
    CHECK(n[8].type == BSL_JSON_STRING && strcmp(n[8].text, "c") == 0 && n[8].end == 9, "key c");
    CHECK(n[9].type == BSL_JSON_STRING && strcmp(n[9].text, "d") == 0 && n[9].offset == 33,
          "c's value");
    CHECK(n[11].type == BSL_JSON_OBJECT && n[11].count == 0 && n[11].end == 12, "e's object");
    CHECK(n[13].type == BSL_JSON_ARRAY && n[13].count == 2 && n[13].end == 16, "f's array");
    CHECK(n[15].type == BSL_JSON_FALSE, "f[1]");

    /* children iteration as documented */
    for (k = 0, j = 1; j < n[0].end; j = n[j].end)
        k++;
    CHECK_INT(k, 8, "root children: 4 keys + 4 values");
    for (k = 0, j = 3; j < n[2].end; j = n[j].end)
        k++;
    CHECK_INT(k, 3, "array children");

    a = bsl_json_find(&doc, 0, "a");
    c = bsl_json_find(&doc, 0, "c");
    CHECK_INT(a, 2, "find a");
    CHECK_INT(c, 9, "find c");
    CHECK_INT(bsl_json_find(&doc, 0, "f"), 13, "find f (last)");
    CHECK_INT(bsl_json_find(&doc, 0, "x"), 0, "find missing key");
    CHECK_INT(bsl_json_find(&doc, 0, "d"), 0, "a value is not a key");
    CHECK_INT(bsl_json_find(&doc, 4, "b"), 6, "find in nested object");
    CHECK_INT(bsl_json_find(&doc, 2, "a"), 0, "find in an array");
    CHECK_INT(bsl_json_find(&doc, 11, "a"), 0, "find in an empty object");
    CHECK_INT(bsl_json_find(&doc, 99, "a"), 0, "find out of range");

    CHECK_STR(bsl_json_type_name(BSL_JSON_NULL), "null", "type name null");
    CHECK_STR(bsl_json_type_name(BSL_JSON_TRUE), "boolean", "type name true");
    CHECK_STR(bsl_json_type_name(BSL_JSON_FALSE), "boolean", "type name false");
    CHECK_STR(bsl_json_type_name(BSL_JSON_NUMBER), "number", "type name number");
    CHECK_STR(bsl_json_type_name(BSL_JSON_STRING), "string", "type name string");
    CHECK_STR(bsl_json_type_name(BSL_JSON_ARRAY), "array", "type name array");
    CHECK_STR(bsl_json_type_name(BSL_JSON_OBJECT), "object", "type name object");

    {
        bsl_error err;
        int rc = bsl_json_error(&doc, 9, &err, BSL_ERR_TYPE, "$.c", "expected %s, got %s", "number",
                                bsl_json_type_name(n[9].type));
        CHECK_INT(rc, BSL_ERR_TYPE, "bsl_json_error returns the code");
        CHECK_INT(err.code, BSL_ERR_TYPE, "bsl_json_error code");
        CHECK_INT(err.offset, 33, "bsl_json_error offset");
        CHECK_INT(err.line, 1, "bsl_json_error line");
        CHECK_INT(err.column, 34, "bsl_json_error column");
        CHECK_STR(err.path, "$.c", "bsl_json_error path");
        CHECK_STR(err.message, "expected number, got string", "bsl_json_error message");
        CHECK_INT(bsl_json_error(&doc, 9, NULL, BSL_ERR_VALUE, NULL, "x"), BSL_ERR_VALUE,
                  "bsl_json_error with NULL err");
    }
    bsl_json_doc_free(&doc);

    /* key with a NUL byte: find compares lengths */
    CHECK_INT(parse(&doc, "{\"a\\u0000\":1,\"a\":2}"), BSL_OK, "keys a\\0 and a are distinct");
    CHECK_INT(doc.nodes[1].count, 2, "key with NUL has 2 bytes");
    CHECK_INT(bsl_json_find(&doc, 0, "a"), 4, "find a skips a\\0");
    bsl_json_doc_free(&doc);

    /* error about a node on a later line */
    CHECK_INT(parse(&doc, "{\n  \"x\": [\n    1,\n    \"\xC3\xA9t\xC3\xA9\", true\n  ]\n}"), BSL_OK,
              "multi-line document");
    {
        bsl_error err;
        bsl_json_error(&doc, 5, &err, BSL_ERR_VALUE, NULL, "bad");
        CHECK(err.line == 4 && err.column == 12 && err.path[0] == '\0', "node on line 4 column 12");
    }
    bsl_json_doc_free(&doc);
}

static void test_strings(void)
{
    bsl_json_doc doc;
    static const char want[] = "\"\\/\b\f\n\r\tA\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80\x7F"
                               "\xF4\x8F\xBF\xBF" "x\xEF\xBF\xBF";
    CHECK_INT(parse(&doc, "[\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u0041\\u00e9\\u20AC\\ud83d\\ude00\x7F"
                          "\\uDBFF\\uDFFF" "x\\uffff\"]"),
              BSL_OK, "all escapes");
    CHECK_INT(doc.nodes[1].count, sizeof want - 1, "decoded length");
    CHECK(memcmp(doc.nodes[1].text, want, sizeof want) == 0, "decoded bytes (surrogate pairs to UTF-8)");
    bsl_json_doc_free(&doc);

    CHECK_INT(parse(&doc, "\"a\\u0000b\""), BSL_OK, "escaped NUL");
    CHECK(doc.nodes[0].count == 3 && memcmp(doc.nodes[0].text, "a\0b", 4) == 0, "escaped NUL decoded");
    bsl_json_doc_free(&doc);

    CHECK_INT(parse(&doc, "[\"\xE2\x82\xAC \xF0\x9F\x98\x80 \xC3\xA9 \xEF\xBB\xBF \xED\x9F\xBF \xEE\x80\x80\", \"\"]"),
              BSL_OK, "raw UTF-8 kept (BOM, U+D7FF, U+E000 fine inside strings)");
    CHECK_INT(doc.nodes[1].count, 23, "raw UTF-8 length");
    CHECK(doc.nodes[2].count == 0 && doc.nodes[2].text[0] == '\0', "empty string");
    bsl_json_doc_free(&doc);

    /* every string is NUL-terminated in the shared text */
    CHECK_INT(parse(&doc, "{\"k1\":\"v1\",\"k2\":[\"v2\",12.5e1]}"), BSL_OK, "texts");
    CHECK_STR(doc.nodes[1].text, "k1", "text k1");
    CHECK_STR(doc.nodes[2].text, "v1", "text v1");
    CHECK_STR(doc.nodes[5].text, "v2", "text v2");
    CHECK_STR(doc.nodes[6].text, "12.5e1", "number literal");
    CHECK_INT(doc.nodes[6].count, 6, "number literal length");
    CHECK(doc.nodes[6].number == 125.0, "12.5e1 == 125");
    bsl_json_doc_free(&doc);
}

static double num(const char *json)
{
    bsl_json_doc doc;
    double v = NAN;
    if (parse(&doc, json) == BSL_OK) {
        v = doc.nodes[0].number;
        bsl_json_doc_free(&doc);
    }
    return v;
}

static int same_double(double a, double b)
{
    return memcmp(&a, &b, sizeof a) == 0;
}

#define NUM(lit, val) CHECK(same_double(num(lit), (val)), "number " lit)

static void test_numbers(void)
{
    NUM("0", 0.0);
    NUM("-0", -0.0);
    NUM("-0.0e5", -0.0);
    NUM("1", 1.0);
    NUM("-1", -1.0);
    NUM("1e22", 1e22);
    NUM("1e23", 1e23);
    NUM("1E+22", 1e22);
    NUM("1.5e-3", 1.5e-3);
    NUM("0.1", 0.1);
    NUM("0.3", 0.3);
    NUM("123.456", 123.456);
    NUM("-2.5E-2", -2.5e-2);
    NUM("12345678901234567890", 12345678901234567890.0);
    NUM("9007199254740993", 9007199254740992.0);
    NUM("9007199254740995", 9007199254740996.0);
    NUM("18446744073709551615", 18446744073709551615.0);
    NUM("1.7976931348623157e308", 1.7976931348623157e308);
    NUM("1.7976931348623158e308", 1.7976931348623157e308);
    NUM("123456789e300", 123456789e300);
    NUM("2.2250738585072014e-308", 2.2250738585072014e-308);
    NUM("2.2250738585072011e-308", 2.2250738585072011e-308);
    NUM("2.225073858507201e-308", 2.225073858507201e-308);
    NUM("4.9406564584124654e-324", 4.9406564584124654e-324);
    NUM("5e-324", 5e-324);
    NUM("2e-324", 0.0);
    NUM("3e-324", 5e-324);
    NUM("1e-400", 0.0);
    NUM("-1e-400", -0.0);
    NUM("0e99999", 0.0);
    NUM("0.000000000000000000000000000001", 1e-30);
    NUM("100000000000000000000000000000000", 1e32);
    NUM("0.1000000000000000055511151231257827021181583404541015625", 0.1);
    NUM("8.98846567431158e307", 8.98846567431158e307);
    NUM("3.141592653589793238462643383279502884197", 3.141592653589793);
    NUM("1e-22", 1e-22);
    NUM("4.35679e-10", 4.35679e-10);
    NUM("1234567890123456e22", 1234567890123456e22);
    NUM("7.038531e-26", 7.038531e-26);
    NUM("9.999999999999999e22", 9.999999999999999e22);
    /* a decimal exactly halfway between two doubles rounds to even */
    NUM("9007199254740993.0000000000", 9007199254740992.0);
    NUM("9007199254740993.0000000001", 9007199254740994.0);

    /* compare with strtod (the C locale) on random literals */
    {
        unsigned long long x = 88172645463325252ULL;
        int t, bad = 0;
        for (t = 0; t < 20000; t++) {
            char lit[64];
            int n = 0, k, digits;
            x ^= x << 13; x ^= x >> 7; x ^= x << 17;
            if (x & 1)
                lit[n++] = '-';
            digits = (int)(1 + (x >> 3) % 25);
            lit[n++] = (char)('1' + (x >> 8) % 9);
            for (k = 1; k < digits; k++) {
                x ^= x << 13; x ^= x >> 7; x ^= x << 17;
                if (k == 1 + (int)((x >> 20) % (unsigned)digits) && !memchr(lit, '.', (size_t)n))
                    lit[n++] = '.';
                lit[n++] = (char)('0' + (x >> 30) % 10);
            }
            x ^= x << 13; x ^= x >> 7; x ^= x << 17;
            n += sprintf(lit + n, "e%d", (int)((x >> 11) % 660) - 340);
            lit[n] = '\0';
            {
                double want = strtod(lit, NULL), got;
                bsl_json_doc doc;
                bsl_error err;
                int rc = bsl_json_parse(&doc, lit, (size_t)n, &big_limits, &alloc, &err);
                if (isinf(want)) {
                    if (rc != BSL_ERR_LIMIT) {
                        if (bad++ < 5)
                            printf("# %s: want LIMIT, got %d\n", lit, rc);
                    }
                } else if (rc != BSL_OK) {
                    if (bad++ < 5)
                        printf("# %s: rc %d %s\n", lit, rc, err.message);
                } else {
                    got = doc.nodes[0].number;
                    if (!same_double(got, want) && bad++ < 5)
                        printf("# %s: got %.17g want %.17g\n", lit, got, want);
                }
                if (rc == BSL_OK)
                    bsl_json_doc_free(&doc);
            }
        }
        CHECK_INT(bad, 0, "20000 random literals agree with strtod");
    }
}

/* ------------------------------------------------------------------------ */
/* Canonical output                                                            */
/* ------------------------------------------------------------------------ */

static void canonical(const char *json, const char *want, const char *what)
{
    bsl_json_doc doc;
    bsl_buf b;
    char *out;
    size_t len = 0;
    if (parse(&doc, json) != BSL_OK) {
        CHECK(0, what);
        return;
    }
    bsl_buf_init(&b, &alloc);
    CHECK_INT(bsl_json_write_canonical(&doc, 0, &b), BSL_OK, what);
    out = bsl_buf_take(&b, &len);
    CHECK_STR(out, want, what);
    CHECK_INT(len, strlen(want), what);
    alloc.free(alloc.ctx, out);
    bsl_json_doc_free(&doc);
}

static void test_canonical(void)
{
    canonical("{ \"b\" : [ 1 , 2.50 , { \"z\" : null , \"a\" : true } ] ,\n \"a\" : \"x\\u00e9\\n\\/\" ,"
              " \"\\u0000k\" : false, \"aa\": -0, \"A\": 1E+2 }",
              "{\"\\u0000k\":false,\"A\":1E+2,\"a\":\"x\xC3\xA9\\n/\",\"aa\":-0,"
              "\"b\":[1,2.50,{\"a\":true,\"z\":null}]}",
              "canonical small document (exact bytes)");
    canonical("\"\\u001f\\\"\\\\\"", "\"\\u001f\\\"\\\\\"", "canonical top-level string");
    canonical(" 12.0e-1 ", "12.0e-1", "canonical top-level number");
    canonical("[ ]", "[]", "canonical empty array");
    canonical("{ }", "{}", "canonical empty object");
    canonical("[[],[[]],{},{\"a\":{}}]", "[[],[[]],{},{\"a\":{}}]", "canonical nested empties");
    canonical("{\"\xC3\xA9\":1,\"z\":2,\"\xE2\x82\xAC\":3,\"e\":4}",
              "{\"e\":4,\"z\":2,\"\xC3\xA9\":1,\"\xE2\x82\xAC\":3}", "canonical keys sorted by UTF-8 bytes");
    canonical("{\"ab\":1,\"a\":2,\"a\\u0000\":3}", "{\"a\":2,\"a\\u0000\":3,\"ab\":1}",
              "canonical: a prefix sorts first");

    /* a subtree, and a large object (sorted with heapsort) in a deep document */
    {
        char json[4096], want[4096];
        size_t n = 0, w = 0, k;
        bsl_json_doc doc;
        bsl_buf b;
        n += (size_t)sprintf(json + n, "[[[{");
        w += (size_t)sprintf(want + w, "{");
        for (k = 0; k < 40; k++)
            n += (size_t)sprintf(json + n, "%s\"k%02zu\":[%zu]", k ? "," : "", 39 - k, k);
        for (k = 0; k < 40; k++)
            w += (size_t)sprintf(want + w, "%s\"k%02zu\":[%zu]", k ? "," : "", k, 39 - k);
        n += (size_t)sprintf(json + n, "}]]]");
        w += (size_t)sprintf(want + w, "}");
        CHECK_INT(parse(&doc, json), BSL_OK, "40-member object parses");
        bsl_buf_init(&b, &alloc);
        CHECK_INT(bsl_json_write_canonical(&doc, 3, &b), BSL_OK, "canonical of a subtree");
        CHECK_STR(b.data, want, "canonical 40 sorted members");
        bsl_buf_release(&b);
        bsl_buf_init(&b, &alloc);
        CHECK_INT(bsl_json_write_canonical(&doc, 99999, &b), BSL_ERR_ARG, "canonical: node out of range");
        bsl_buf_release(&b);
        bsl_json_doc_free(&doc);
    }
    /* deep nesting does not recurse */
    {
        static char deep[20000];
        bsl_json_limits lim = big_limits;
        bsl_json_doc doc;
        bsl_buf b;
        size_t k;
        lim.max_depth = 20000;
        for (k = 0; k < 10000; k++) {
            deep[k] = '[';
            deep[10000 + k] = ']';
        }
        CHECK_INT(bsl_json_parse(&doc, deep, 20000, &lim, &alloc, NULL), BSL_OK, "depth 10000 parses");
        bsl_buf_init(&b, &alloc);
        CHECK_INT(bsl_json_write_canonical(&doc, 0, &b), BSL_OK, "canonical depth 10000");
        CHECK(b.len == 20000 && memcmp(b.data, deep, 20000) == 0, "canonical depth 10000 bytes");
        bsl_buf_release(&b);
        bsl_json_doc_free(&doc);
    }
}

/* ------------------------------------------------------------------------ */
/* Out of memory                                                               */
/* ------------------------------------------------------------------------ */

static void oom(const char *name, const char *json, size_t len, const bsl_json_limits *lim,
                size_t min_points)
{
    size_t n;
    char what[160];
    int ok = 1;
    for (n = 0;; n++) {
        bsl_json_doc doc;
        bsl_error err;
        int rc;
        counter.calls = 0;
        counter.fail_at = n;
        counter.live = 0;
        rc = bsl_json_parse(&doc, json, len, lim, &alloc, &err);
        if (rc == BSL_OK) {
            bsl_buf b;
            size_t m;
            /* the canonical writer under failing allocations too */
            for (m = 0;; m++) {
                int wrc;
                counter.calls = 0;
                counter.fail_at = m;
                bsl_buf_init(&b, &alloc);
                wrc = bsl_json_write_canonical(&doc, 0, &b);
                bsl_buf_release(&b);
                if (wrc == BSL_OK)
                    break;
                if (wrc != BSL_ERR_NOMEM || m > 100) {
                    ok = 0;
                    break;
                }
            }
            bsl_json_doc_free(&doc);
            if (counter.live != 0)
                ok = 0;
            break;
        }
        if (rc != BSL_ERR_NOMEM || err.code != BSL_ERR_NOMEM || counter.live != 0 || doc.nodes) {
            printf("# %s: allocation %zu: rc %d, %ld blocks live\n", name, n, rc, counter.live);
            ok = 0;
        }
        if (n > 100) {
            ok = 0;
            break;
        }
    }
    counter.fail_at = SIZE_MAX;
    counter.live = 0;
    snprintf(what, sizeof what, "%s: every failing allocation gives NOMEM and leaks nothing", name);
    CHECK(ok, what);
    snprintf(what, sizeof what, "%s: %zu failure points (at least %zu)", name, n, min_points);
    CHECK(n >= min_points && n > 0, what);
}

static void test_oom(void)
{
    static char json[16384];
    size_t len = 0, k;
    bsl_json_limits lim = big_limits;
    static char deep[10000];

    oom("scalar", "\"x\"", 3, &big_limits, 1);
    oom("small object", "{\"a\":[1,2,{\"b\":\"c\"}]}", 21, &big_limits, 1);

    /* one block (nodes, tokens, text) + the duplicate-check hash table
     * (objects of more than 128 members do not fit the table on the stack) */
    json[len++] = '{';
    for (k = 0; k < 200; k++)
        len += (size_t)sprintf(json + len, "%s\"key%zu\":{\"v\":[%zu,\"s\\u00e9\"]}", k ? "," : "", k, k);
    json[len++] = '}';
    oom("200-member object", json, len, &big_limits, 2);

    /* the validator's deep stack + the one block */
    lim.max_depth = 6000;
    for (k = 0; k < 5000; k++) {
        deep[k] = '[';
        deep[5000 + k] = ']';
    }
    oom("depth 5000", deep, 10000, &lim, 2);

    /* a failure in the validator's stack stops before anything is built */
    {
        bsl_json_doc doc;
        bsl_error err;
        counter.calls = 0;
        counter.fail_at = 0;
        counter.live = 0;
        CHECK_INT(bsl_json_parse(&doc, deep, 10000, &lim, &alloc, &err), BSL_ERR_NOMEM,
                  "NOMEM from the validator's stack");
        CHECK_INT(counter.live, 0, "nothing live after validator NOMEM");
        counter.fail_at = SIZE_MAX;
    }
}

int main(void)
{
    test_rejections();
    test_duplicates_large();
    test_limits();
    test_scalars();
    test_tree();
    test_strings();
    test_numbers();
    test_canonical();
    test_oom();
    CHECK_INT(counter.live, 0, "no block left allocated");
    return check_done();
}
