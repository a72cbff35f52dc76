/* SHA-256 (FIPS 180-4), for the provenance hash of a framework. */
#ifndef BSL_SHA256_H
#define BSL_SHA256_H

#include <stddef.h>

/* Writes the 64 lower-case hex digits and a NUL into hex. */
void bsl_sha256_hex(const void *data, size_t len, char hex[65]);

#endif
