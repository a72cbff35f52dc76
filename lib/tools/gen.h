/* The table generator (gen_tables.c): what it knows of the library's
 * structs. Each struct it writes is described member by member, so that
 * the C it emits names every member; gen_check_layout() refuses a
 * description that leaves bytes of its struct unaccounted for, so a member
 * added to a struct without its line here stops the build instead of
 * silently going missing from the embedded tables. */
#ifndef BSL_GEN_H
#define BSL_GEN_H

#include "framework.h"

#include <stddef.h>

typedef enum gen_kind {
    GEN_SKIP,    /* set by the loader at run time (cfg, arena): left zero */
    GEN_STR,     /* const char *, NUL-terminated, or NULL */
    GEN_STRN,    /* const char * of the length in size_t member `count` (may hold no NUL) */
    GEN_TEXT,    /* bsl_text */
    GEN_TEXTS,   /* bsl_text[count] (a fixed array) */
    GEN_NUM,     /* bsl_num */
    GEN_SIZE,    /* size_t */
    GEN_INT,     /* int, or an enum (the same size, checked) */
    GEN_DOUBLE,  /* double */
    GEN_CHARS,   /* char[size], NUL-terminated (the SHA-256 in hex) */
    GEN_STRUCTS, /* pointer to size_t member `count` structs of type `elem` */
    GEN_SIZES,   /* size_t *, `count` of them */
    GEN_STRS,    /* const char **, `count` of them */
    GEN_FLAGS,   /* unsigned char *: applies_if's one flag per outcome of its target */
    GEN_FACT,    /* const bsl_fact *: one of the vocabulary's facts */
    GEN_VOCAB,   /* const bsl_vocabulary *: the embedded vocabulary */
    GEN_FRAGS,   /* bsl_frag pieces of JSON (json_prepare.c), shaped by `count`: a GEN_FRAG_* */
    GEN_SIZE_GRID /* size_t[2][2] */
} gen_kind;

/* The shapes of GEN_FRAGS members, for the braces of their initializers. */
enum { GEN_FRAG_ONE,        /* bsl_frag */
       GEN_FRAG_ARRAY,      /* bsl_frag[n] */
       GEN_FRAG_GRID,       /* bsl_json_frags: bsl_frag[2][2] */
       GEN_FRAG_GRIDS };    /* bsl_json_frags[n] */

typedef struct gen_type gen_type;

typedef struct gen_field {
    const char *name;
    size_t offset, size, align;
    gen_kind kind;
    size_t count;          /* GEN_STRN, GEN_STRUCTS, GEN_SIZES, GEN_STRS: offset of the size_t
                              length; GEN_TEXTS: the number of elements; GEN_FRAGS: its shape */
    const gen_type *elem;  /* GEN_STRUCTS */
} gen_field;

struct gen_type {
    const char *name;      /* the C type, for the emitted declarations */
    size_t size;
    const gen_field *fields;
};

/* The structs of embedded tables, from the top: a framework, a vocabulary. */
extern const gen_type gen_framework_type;
extern const gen_type gen_vocabulary_type;

/* 0 when every description covers its struct's bytes (padding aside), and
 * its members' sizes match their kinds; else prints why and returns -1. */
int gen_check_layout(void);

#endif
