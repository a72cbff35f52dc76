/* Strict RFC 8259 JSON on top of jsmn, as a read-only tree.
 *
 * bsl_json_parse() validates the whole document (number grammar, exact
 * literals, escapes and UTF-8, no raw control characters, no trailing
 * commas, nothing but whitespace after the top value, no duplicate keys,
 * limits) and reports the first error at the offending byte. On success it
 * returns a flat array of nodes in document order with decoded strings.
 * This is the only translation unit that includes jsmn.h. */
#ifndef BSL_JSON_H
#define BSL_JSON_H

#include "boussole.h"
#include <stddef.h>
#include <stdint.h>

typedef enum bsl_json_type {
    BSL_JSON_NULL,
    BSL_JSON_FALSE,
    BSL_JSON_TRUE,
    BSL_JSON_NUMBER,
    BSL_JSON_STRING,
    BSL_JSON_ARRAY,
    BSL_JSON_OBJECT
} bsl_json_type;

/* One value. Nodes are stored in document order; an object's children
 * alternate key (a STRING node) and value. The children of node i are
 * visited with:  for (j = i + 1; j < nodes[i].end; j = nodes[j].end)  */
typedef struct bsl_json_node {
    bsl_json_type type;
    uint32_t offset; /* byte offset of the value's first byte in the input ('"' for strings) */
    uint32_t end;    /* index of the first node after this node's subtree */
    uint32_t count;  /* ARRAY: elements; OBJECT: members; STRING: decoded bytes; NUMBER: literal bytes */
    const char *text;/* STRING: decoded UTF-8, NUL-terminated (may hold "\0" from \u0000);
                        NUMBER: the literal as written, NUL-terminated; else NULL */
    double number;   /* NUMBER: the value (finite) */
} bsl_json_node;

typedef struct bsl_json_limits {
    size_t max_input_bytes;  /* 0: no limit */
    unsigned max_depth;      /* nesting of arrays/objects; top-level container is depth 1 */
    size_t max_tokens;       /* values including keys */
    size_t max_string_bytes; /* decoded length of one string */
} bsl_json_limits;

typedef struct bsl_json_doc {
    const bsl_allocator *alloc;
    bsl_json_node *nodes;    /* nodes[0] is the top value */
    size_t count;
    char *text;              /* storage for decoded strings and number literals */
    const char *input;       /* the caller's bytes, for positions; valid only while they are */
    size_t input_len;
} bsl_json_doc;

/* Parse buf[0..len) into doc. Errors: BSL_ERR_SYNTAX (at the offending byte,
 * message says what was expected), BSL_ERR_LIMIT (size: offset = the limit;
 * depth: the opening bracket; tokens: the value that exceeds; string: its
 * opening quote; a number outside double's range: its first byte),
 * BSL_ERR_NOMEM. On failure doc holds nothing to free. */
int bsl_json_parse(bsl_json_doc *doc, const char *buf, size_t len,
                   const bsl_json_limits *limits, const bsl_allocator *alloc,
                   bsl_error *err);
void bsl_json_doc_free(bsl_json_doc *doc);


/* Index of the value of member key in object node obj, or 0 when absent
 * (0 is the root, never a member value). */
size_t bsl_json_find(const bsl_json_doc *doc, size_t obj, const char *key);

/* The node indexes of the keys of object node obj, in document order,
 * into v (room for nodes[obj].count); returns their number. Inline: the
 * duplicate-key check calls it on the parser's hot path. */
static inline size_t bsl_json_collect_keys(const bsl_json_node *nodes, size_t obj, uint32_t *v)
{
    size_t k, n = nodes[obj].count;
    uint32_t j = (uint32_t)obj + 1;
    for (k = 0; k < n; k++) {
        v[k] = j;
        j = nodes[j + 1].end;
    }
    return n;
}

/* Fill err about node i (its first byte), with path. Returns code. */
int bsl_json_error(const bsl_json_doc *doc, size_t i, bsl_error *err, int code,
                   const char *path, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 6, 7)))
#endif
    ;

/* Name of a type for messages: "null", "boolean", "number", "string", "array", "object". */
const char *bsl_json_type_name(bsl_json_type t);

/* Append node i as canonical JSON (keys sorted by bytes, no whitespace,
 * minimal escapes, numbers as written) to out. Returns BSL_OK or
 * BSL_ERR_NOMEM. */
struct bsl_buf;
int bsl_json_write_canonical(const bsl_json_doc *doc, size_t i, struct bsl_buf *out);

#endif
