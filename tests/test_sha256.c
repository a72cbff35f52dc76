/* SHA-256: the FIPS 180-4 / NIST example vectors. */
#include "check.h"
#include "sha256.h"

#include <stdlib.h>
#include <string.h>

static void vector(const char *msg, size_t len, const char *want, const char *what)
{
    char hex[65];
    bsl_sha256_hex(msg, len, hex);
    CHECK_STR(hex, want, what);
}

int main(void)
{
    size_t n;
    char *million;

    vector("", 0, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", "empty message");
    vector("abc", 3, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", "\"abc\"");
    vector("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 56,
           "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
           "448-bit message");
    vector("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
           112, "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1",
           "896-bit message");

    n = 1000000;
    million = malloc(n);
    if (!million)
        return 1;
    memset(million, 'a', n);
    vector(million, n, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0",
           "one million 'a'");
    free(million);

    /* Lengths around the padding boundaries (55, 56, 63, 64 bytes): the
     * result of one length must not depend on bytes beyond it. */
    {
        char buf[130], a[65], b[65];
        memset(buf, 'x', sizeof buf);
        bsl_sha256_hex(buf, 55, a);
        buf[55] = 'y';
        bsl_sha256_hex(buf, 55, b);
        CHECK_STR(a, b, "55 bytes: trailing bytes ignored");
        vector("0123456789012345678901234567890123456789012345678901234", 55,
               "f34d5a0f80c0cbf84c8c0b90218c22637abd199965249da736a20143c8c9c9d9", "55 bytes");
        vector("01234567890123456789012345678901234567890123456789012345", 56,
               "83aa034bda83e458a0dc9cbce0d4e354716aa0ff770ed37ac0ed2b292052e4af", "56 bytes");
        vector("012345678901234567890123456789012345678901234567890123456789012", 63,
               "074f6e9ac301d5d1b6df6f1dfb8c6f89c187ea945d352ce6a29279a9c630680b", "63 bytes");
        vector("0123456789012345678901234567890123456789012345678901234567890123", 64,
               "9674d9e078535b7cec43284387a6ee39956188e735a85452b0050b55341cda56", "64 bytes");
    }
    return check_done();
}
