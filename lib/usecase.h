/* A use-case bound to a framework: one typed value slot per indicator, and
 * the keys the framework does not read. */
#ifndef BSL_USECASE_H
#define BSL_USECASE_H

#include "framework.h"

typedef struct bsl_answer {
    int present;              /* 0: absent or null */
    size_t outcome;           /* boolean/enum: the level's outcome index */
    double number;            /* number */
    const char *text;         /* text: the string */
    size_t text_len;
    size_t member_count;      /* set: number of members */
    const char *json;         /* compact JSON of the value as read, for results */
    int json_is_shared;       /* json is a static or framework string: results need no copy */
    const char *evidence;     /* evidence text, or NULL */
} bsl_answer;

/* A key of the use-case that the framework does not read: unknown (outside
 * the vocabulary) or not used (a vocabulary fact this framework ignores). */
typedef struct bsl_unknown_key {
    const char *key;
    const char *path;
    const char *suggestion;   /* unknown keys: the nearest known key, borrowed from the framework, or NULL */
} bsl_unknown_key;

struct bsl_usecase {
    bsl_config cfg;
    bsl_arena arena;
    const bsl_framework *fw;
    const char *id, *title, *service, *description, *phase, *comments;
    bsl_answer *facts;    /* indexed like fw->indicators */
    bsl_unknown_key *unknown;
    size_t unknown_count;
    bsl_unknown_key *not_used;
    size_t not_used_count;
    size_t key_room;          /* entries of facts and evidence: room for unknown and not_used */
    size_t suggestions;       /* unknown keys given a suggestion so far (bounded: usecase.c) */
};

#endif
