/* Equality of short byte strings (keys, tokens) without a library call:
 * most are a few dozen bytes, where calling memcmp costs more than the
 * comparison itself. */
#ifndef BSL_BYTES_H
#define BSL_BYTES_H

#include <stdint.h>
#include <string.h>

static inline int bsl_bytes_equal(const char *a, const char *b, size_t n)
{
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t x, y;
        memcpy(&x, a + i, 8); /* compiles to one load */
        memcpy(&y, b + i, 8);
        if (x != y)
            return 0;
    }
    for (; i < n; i++)
        if (a[i] != b[i])
            return 0;
    return 1;
}

#endif
