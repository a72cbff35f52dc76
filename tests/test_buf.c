/* lib/buf.c: the JSON escapes written a word at a time give the same bytes
 * as escaping each byte on its own, wherever the byte to escape sits in
 * the word, and reserving room once changes no byte. */
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

int main(void)
{
    test_every_byte_everywhere();
    test_reserve();
    return check_done();
}
