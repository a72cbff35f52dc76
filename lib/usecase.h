/* A use-case bound to a framework: one typed value slot per indicator, and
 * the keys the framework does not know. */
#ifndef BSL_USECASE_H
#define BSL_USECASE_H

#include "framework.h"

typedef struct bsl_fact_value {
    int present;              /* 0: absent or null */
    size_t outcome;           /* boolean/enum: the level's outcome index */
    double number;            /* number */
    const char *text;         /* text: the string */
    size_t text_len;
    size_t member_count;      /* set: number of members */
    const char *json;         /* compact JSON of the value as read, for results */
    int json_is_shared;       /* json is a static or framework string: results need no copy */
    const char *evidence;     /* evidence text, or NULL */
} bsl_fact_value;

typedef struct bsl_unknown_key {
    const char *key;
    const char *path;
    const char *suggestion;   /* borrowed from the framework, or NULL */
} bsl_unknown_key;

struct bsl_usecase {
    bsl_config cfg;
    bsl_arena arena;
    const bsl_framework *fw;
    const char *id, *title, *service, *description, *phase, *comments;
    bsl_fact_value *facts;    /* indexed like fw->indicators */
    bsl_unknown_key *unknown;
    size_t unknown_count;
};

#endif
