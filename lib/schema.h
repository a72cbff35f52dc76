/* Reading typed fields out of a parsed JSON tree, with schema errors that
 * carry the position and JSON path of the offending value. Shared by the
 * framework and use-case loaders so both report problems the same way. */
#ifndef BSL_SCHEMA_H
#define BSL_SCHEMA_H

#include "alloc.h"
#include "buf.h"
#include "error.h"
#include "json.h"

typedef struct bsl_reader {
    const bsl_json_doc *doc;
    bsl_arena *arena;   /* where strings that outlive the document are copied */
    bsl_error *err;
    bsl_path path;
} bsl_reader;

/* A number with the literal it was written as (for exact re-rendering). */
typedef struct bsl_num {
    double value;
    const char *text;
} bsl_num;

/* A French/English pair. */
typedef struct bsl_text {
    const char *s[2]; /* indexed by bsl_lang */
    /* s[] as JSON string literals, for the texts a JSON result quotes
     * between use-case values (an outcome's justification and
     * remediations): written by bsl_framework_prepare_json(), s NULL
     * elsewhere. */
    bsl_frag json[2];
} bsl_text;

void bsl_reader_init(bsl_reader *rd, const bsl_json_doc *doc, bsl_arena *arena, bsl_error *err);

/* Error about node i at the current path (+ key when not NULL). */
int bsl_reader_fail(bsl_reader *rd, size_t node, const char *key, int code,
                    const char *fmt, ...) BSL_PRINTF(5, 6);

/* BSL_ERR_VALUE, with the path, at the first string (key or value) of
 * the document that holds a NUL (from \u0000): the library hands out C
 * strings, which would silently cut it (see doc/usecase-format.md). */
int bsl_reader_reject_nul(bsl_reader *rd);

/* BSL_ERR_TYPE unless node has type t. */
int bsl_reader_expect(bsl_reader *rd, size_t node, bsl_json_type t);

/* BSL_ERR_VALUE at the first member of obj whose key is not in the
 * NULL-terminated list allowed. */
int bsl_reader_only(bsl_reader *rd, size_t obj, const char *const *allowed);

/* Look up key in obj: *out = its node or 0. BSL_ERR_MISSING when required
 * and absent. */
int bsl_reader_member(bsl_reader *rd, size_t obj, const char *key, int required, size_t *out);

/* Typed members. When absent and not required, *out is left unchanged. */
int bsl_reader_string(bsl_reader *rd, size_t obj, const char *key, int required, const char **out);
int bsl_reader_bool(bsl_reader *rd, size_t obj, const char *key, int required, int *out);
int bsl_reader_number(bsl_reader *rd, size_t obj, const char *key, int required,
                      double min, double max, bsl_num *out);
int bsl_reader_text(bsl_reader *rd, size_t obj, const char *key, int required, bsl_text *out);

/* Append item to the comma-separated list in list[cap] (for messages that
 * name the allowed values); a list too long for the buffer is cut. */
void bsl_list_add(char *list, size_t cap, const char *item);

/* Copy the string of node i into the arena (NULL on allocation failure). */
const char *bsl_reader_copy(bsl_reader *rd, size_t node);

/* A non-empty array member key of obj; *node receives it. */
int bsl_reader_array(bsl_reader *rd, size_t obj, const char *key, size_t *node);

/* Token alphabets: facts and values [a-z0-9_], framework and vocabulary
 * ids add '.' and '-', criterion ids add upper case too. */
enum { BSL_TOKEN_FACT, BSL_TOKEN_FRAMEWORK_ID, BSL_TOKEN_CRITERION_ID };
int bsl_is_token(const char *s, size_t n, int kind);

/* Duplicate detection in O(n log n), so that hostile files cannot stall a
 * load: a name, the node it was written at and its index in its list. */
typedef struct bsl_named { const char *s; size_t len; size_t node; size_t index; } bsl_named;

/* Sort names; return the second occurrence of the duplicate that appears
 * first in the document, or NULL when all are distinct. */
const bsl_named *bsl_find_duplicate(bsl_named *names, size_t n);

/* Report a duplicate at path + key[index].member (member may be NULL). */
int bsl_reader_fail_duplicate(bsl_reader *rd, const bsl_named *dup, const char *key,
                              const char *member, const char *what);

/* SHA-256 of the document's canonical JSON (keys sorted, no whitespace,
 * shortest escapes): what provenance records. BSL_ERR_NOMEM or BSL_OK. */
int bsl_document_sha256(const bsl_json_doc *doc, const bsl_allocator *alloc, char hex[65]);

#endif
