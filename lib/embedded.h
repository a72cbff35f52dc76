/* The documents compiled into the library: the shared vocabulary and the
 * frameworks (the default first), as the static tables that
 * lib/tools/gen_tables.c wrote at build time after loading each JSON file
 * with the ordinary strict loaders. Loading an embedded document copies
 * its top struct into a handle; everything below it stays static. */
#ifndef BSL_EMBEDDED_H
#define BSL_EMBEDDED_H

#include "framework.h"

#include <stddef.h>

/* What the JSON of an embedded document measured, so that the limits of
 * bsl_options refuse an embedded load exactly when they refused the JSON. */
typedef struct bsl_embedded_size {
    size_t input_bytes;   /* the file's length */
    size_t depth;         /* deepest nesting of arrays and objects (top level 1) */
    size_t tokens;        /* values, keys included */
    size_t string_bytes;  /* longest decoded string */
    size_t items;         /* indicators of a framework, facts of the vocabulary */
} bsl_embedded_size;

typedef struct bsl_embedded_framework {
    const char *id;
    const bsl_framework *tables; /* cfg and arena zero: a handle sets its own */
    bsl_embedded_size size;
} bsl_embedded_framework;

extern const bsl_vocabulary bsl_embedded_vocabulary; /* cfg and arena zero */
extern const bsl_embedded_size bsl_embedded_vocabulary_size;
extern const bsl_embedded_framework bsl_embedded_frameworks[];
extern const size_t bsl_embedded_framework_total;

#endif
