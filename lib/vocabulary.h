/* The shared fact vocabulary, compiled: one immutable definition per fact
 * (type, values, labels, unit, bounds), built once by bsl_vocabulary_load()
 * in one arena. Frameworks point at these definitions; use-cases are
 * type-checked against them. */
#ifndef BSL_VOCABULARY_H
#define BSL_VOCABULARY_H

#include "boussole.h"
#include "alloc.h"
#include "options.h"
#include "schema.h"

/* One allowed value of an enum or set fact. */
typedef struct bsl_value_def {
    const char *value;
    size_t len;
    const char *json;       /* the value as a JSON string ("\"eu\""), shared by every result */
    bsl_text label;         /* s[] NULL when none (format-1 frameworks) */
} bsl_value_def;

struct bsl_fact {
    const char *key;
    size_t key_len;
    bsl_fact_type type;
    bsl_text label;
    bsl_text help;          /* s[] NULL when none */
    bsl_text unit;          /* number: s[] NULL when none */
    bsl_value_def *values;  /* enum (worst first) and set; NULL otherwise */
    size_t value_count;
    int has_min, has_max;
    bsl_num min, max;       /* number: inclusive bounds */
};

struct bsl_vocabulary {
    bsl_config cfg;
    bsl_arena arena;
    const char *id, *version;
    bsl_text title, description;
    char sha256[65];
    bsl_fact *facts;        /* document order */
    size_t fact_count;
    size_t *by_key;         /* fact indexes sorted by key */
};

/* Index of the fact key[0..len), or SIZE_MAX. */
size_t bsl_vocabulary_find_key(const bsl_vocabulary *v, const char *key, size_t len);

/* Index of value s[0..len) among the fact's values, or SIZE_MAX. */
size_t bsl_fact_find_value(const bsl_fact *f, const char *s, size_t len);

/* The fact type named by s[0..len), or -1. */
int bsl_fact_type_from_token(const char *s, size_t len);

/* Write "\"token\"" for each value (shared JSON of enum values). */
int bsl_fact_values_json(bsl_arena *arena, bsl_fact *f);

/* Read a number fact's unit, min and max from obj (a vocabulary fact, or a
 * format-1 indicator that defines its own fact). */
int bsl_fact_read_bounds(bsl_reader *rd, size_t obj, bsl_fact *f);

/* Allowed values of f as "a, b, c" into list[cap] (for error messages). */
void bsl_fact_allowed(const bsl_fact *f, char *list, size_t cap);

#endif
