/* lib/buf.c: the JSON escapes written a word at a time give the same bytes
 * as escaping each byte on its own, wherever the byte to escape sits in
 * the word, and reserving room once changes no byte; so do the escapes of
 * use-case strings in text reports, which skip printable ASCII a word at a
 * time. */
#include "check.h"

#include "alloc.h"
#include "buf.h"

#include <stdio.h>
#include <string.h>

/* The canonical escape of one byte, spelled out independently of buf.c. */
static void reference_escape(char *out, size_t *len, unsigned char c)
{
    switch (c) {
    case '"': memcpy(out + *len, "\\\"", 2); *len += 2; return;
    case '\\': memcpy(out + *len, "\\\\", 2); *len += 2; return;
    case '\b': memcpy(out + *len, "\\b", 2); *len += 2; return;
    case '\f': memcpy(out + *len, "\\f", 2); *len += 2; return;
    case '\n': memcpy(out + *len, "\\n", 2); *len += 2; return;
    case '\r': memcpy(out + *len, "\\r", 2); *len += 2; return;
    case '\t': memcpy(out + *len, "\\t", 2); *len += 2; return;
    default:
        if (c < 0x20)
            *len += (size_t)sprintf(out + *len, "\\u%04x", c);
        else
            out[(*len)++] = (char)c;
    }
}

/* Every byte value at every position of a 19-byte string of é and x
 * (multi-byte characters around it, lengths not a multiple of 8). */
static void test_every_byte_everywhere(void)
{
    int wrong = 0;
    unsigned c;
    size_t pos;
    for (c = 1; c < 256; c++)
        for (pos = 0; pos < 19; pos++) {
            char in[19], want[19 * 6 + 1];
            size_t i, want_len = 0;
            bsl_buf b;
            for (i = 0; i < sizeof in; i++)
                in[i] = i % 3 == 2 ? 'x' : (char)(i % 3 ? 0xA9 : 0xC3);
            in[pos] = (char)c;
            for (i = 0; i < sizeof in; i++)
                reference_escape(want, &want_len, (unsigned char)in[i]);
            bsl_buf_init(&b, bsl_libc_allocator());
            bsl_buf_json_chars(&b, in, sizeof in);
            if (b.failed || b.len != want_len || memcmp(b.data, want, want_len) || b.data[b.len])
                wrong++;
            bsl_buf_release(&b);
        }
    CHECK_INT(wrong, 0, "json_chars: every byte at every position escaped as byte by byte");
}

static void test_reserve(void)
{
    bsl_buf b;
    size_t cap;
    bsl_buf_init(&b, bsl_libc_allocator());
    CHECK(bsl_buf_reserve(&b, 1000), "reserve 1000 bytes");
    cap = b.cap;
    CHECK(cap > 1000, "the room includes the NUL");
    bsl_buf_json_string(&b, "a\"b", 3);
    bsl_buf_putc(&b, ',');
    bsl_buf_uint(&b, 42);
    CHECK_STR(b.data, "\"a\\\"b\",42", "appends after a reserve");
    CHECK_INT(b.cap, cap, "no growth within the reserved room");
    bsl_buf_release(&b);

    bsl_buf_init(&b, bsl_libc_allocator());
    b.max = 4;
    CHECK(!bsl_buf_reserve(&b, 5), "reserve past max fails");
    CHECK_INT(b.failed, BSL_ERR_LIMIT, "with BSL_ERR_LIMIT");
    bsl_buf_putc(&b, 'x');
    CHECK_INT(b.len, 0, "a failed buffer takes nothing more");
    bsl_buf_release(&b);
}

/* Characters a text report spells \uXXXX, and some it keeps, as UTF-8 with
 * the code point of those it spells (KEPT: written as they are). */
enum { KEPT = -1 };
static const struct {
    const char *utf8;
    size_t len;
    long spelled;
} characters[] = {
    {"\0", 1, 0x0}, {"\n", 1, 0xA}, {"\x1b", 1, 0x1B}, {"\x1f", 1, 0x1F}, {"\x7f", 1, 0x7F},
    {"\xc2\x80", 2, 0x80}, {"\xc2\x9f", 2, 0x9F}, {"\xe2\x80\xa8", 3, 0x2028},
    {"\xe2\x80\xae", 3, 0x202E}, {"\xe2\x81\xa6", 3, 0x2066}, {"\xe2\x81\xa9", 3, 0x2069},
    {" ", 1, KEPT}, {"~", 1, KEPT}, {"\xc2\xa0", 2, KEPT}, {"\xc3\xa9", 2, KEPT},
    {"\xe2\x80\x94", 3, KEPT}, {"\xe2\x80\xa7", 3, KEPT}, {"\xe2\x81\xa5", 3, KEPT},
    {"\xf0\x9f\x98\x80", 4, KEPT},
};

/* Each character after 0 to 20 ASCII letters and before 9 more, as
 * bsl_buf_put_untrusted_n() writes it and as spelled out here. */
static void test_untrusted_everywhere(void)
{
    size_t c, at;
    int bad = 0;
    for (c = 0; c < sizeof characters / sizeof characters[0]; c++)
        for (at = 0; at <= 20; at++) {
            char in[64], want[64];
            size_t n = 0, w = 0, k;
            bsl_buf b;
            for (k = 0; k < at; k++)
                in[n++] = want[w++] = (char)('a' + k);
            memcpy(in + n, characters[c].utf8, characters[c].len);
            n += characters[c].len;
            if (characters[c].spelled != KEPT)
                w += (size_t)sprintf(want + w, "\\u%04lx", (unsigned long)characters[c].spelled);
            else
                memcpy(want + w, characters[c].utf8, characters[c].len), w += characters[c].len;
            memcpy(in + n, "123456789", 9), n += 9;
            memcpy(want + w, "123456789", 9), w += 9;
            bsl_buf_init(&b, bsl_libc_allocator());
            bsl_buf_put_untrusted_n(&b, in, n);
            bad += b.failed || b.len != w || memcmp(b.data, want, w);
            bsl_buf_release(&b);
        }
    CHECK_INT(bad, 0, "untrusted text: every character at every place of a word");
}

int main(void)
{
    test_every_byte_everywhere();
    test_reserve();
    test_untrusted_everywhere();
    return check_done();
}
