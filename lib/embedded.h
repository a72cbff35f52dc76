/* The table of frameworks compiled into the library (generated). */
#ifndef BSL_EMBEDDED_H
#define BSL_EMBEDDED_H

#include <stddef.h>

typedef struct bsl_embedded_framework {
    const char *id;
    const char *data;
    size_t len;
} bsl_embedded_framework;

extern const bsl_embedded_framework bsl_embedded_frameworks[];
extern const size_t bsl_embedded_framework_total;

#endif
