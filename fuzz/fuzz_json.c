/* The JSON layer alone (lib/json.h): bsl_json_parse on arbitrary bytes.
 *
 * On failure: a JSON error code (syntax or limit) with a consistent
 * position. On success, the node tree must be well-formed (subtree ends,
 * member counts, keys are strings, offsets in document order and pointing at
 * the value's first byte, number literals as written and correctly rounded,
 * strings NUL-terminated valid UTF-8), every key must be found by
 * bsl_json_find, the canonical output must reparse to the same canonical
 * output, and each limit set just below what the document needs must fail
 * with BSL_ERR_LIMIT at the documented byte (and at exactly what it needs,
 * succeed). */
#include "fuzz_common.h"

#include <float.h>

static void check_tree(const bsl_json_doc *doc, const char *in, size_t len, unsigned *max_depth,
                       size_t *first_deepest, size_t *longest, size_t *first_longest)
{
    const bsl_json_node *n = doc->nodes;
    size_t i, count = doc->count;
    /* depth of each node, computed from the ends (no recursion) */
    unsigned *depth = calloc(count ? count : 1, sizeof *depth);
    FZ_CHECK(depth != NULL, "out of memory in the harness");
    FZ_CHECK(count >= 1 && n[0].end == count, "root end %u, count %zu", n[0].end, count);
    *max_depth = 0;
    *first_deepest = 0;
    *longest = 0;
    *first_longest = SIZE_MAX;
    for (i = 0; i < count; i++) {
        const bsl_json_node *nd = &n[i];
        unsigned char c;
        FZ_CHECK(nd->end > i && nd->end <= count, "node %zu end %u", i, nd->end);
        FZ_CHECK(nd->offset < len, "node %zu offset %u, input %zu bytes", i, nd->offset, len);
        if (i)
            FZ_CHECK(nd->offset > n[i - 1].offset, "node %zu offset not after the previous", i);
        c = (unsigned char)in[nd->offset];
        switch (nd->type) {
        case BSL_JSON_NULL:
            FZ_CHECK(c == 'n' && !memcmp(in + nd->offset, "null", 4), "null at %u", nd->offset);
            break;
        case BSL_JSON_TRUE:
            FZ_CHECK(c == 't' && !memcmp(in + nd->offset, "true", 4), "true at %u", nd->offset);
            break;
        case BSL_JSON_FALSE:
            FZ_CHECK(c == 'f' && !memcmp(in + nd->offset, "false", 5), "false at %u", nd->offset);
            break;
        case BSL_JSON_NUMBER: {
            double want;
            FZ_CHECK(c == '-' || (c >= '0' && c <= '9'), "number at %u starts with %c", nd->offset, c);
            FZ_CHECK(nd->text && strlen(nd->text) == nd->count && nd->count <= len - nd->offset &&
                         !memcmp(in + nd->offset, nd->text, nd->count),
                     "number %zu: literal not as written", i);
            FZ_CHECK(isfinite(nd->number), "number %s is not finite", nd->text);
            /* glibc's strtod rounds correctly (C locale: the harness never
             * calls setlocale). */
            want = strtod(nd->text, NULL);
            FZ_CHECK(nd->number == want && !signbit(nd->number) == !signbit(want),
                     "number %s: %.17g, strtod says %.17g", nd->text, nd->number, want);
            break;
        }
        case BSL_JSON_STRING:
            FZ_CHECK(c == '"', "string at %u starts with %c", nd->offset, c);
            FZ_CHECK(nd->text && nd->text[nd->count] == '\0', "string %zu not NUL-terminated", i);
            FZ_CHECK(fz_utf8_valid(nd->text, nd->count), "string %zu: invalid UTF-8", i);
            if (nd->count > *longest || *first_longest == SIZE_MAX) {
                *first_longest = nd->offset; /* the first string of the greatest length */
                *longest = nd->count;
            }
            break;
        case BSL_JSON_ARRAY:
        case BSL_JSON_OBJECT: {
            size_t j, children = 0;
            FZ_CHECK(c == (nd->type == BSL_JSON_ARRAY ? '[' : '{'), "container at %u: %c",
                     nd->offset, c);
            for (j = i + 1; j < nd->end; j = n[j].end) {
                FZ_CHECK(n[j].end > j, "child %zu of %zu does not advance", j, i);
                if (nd->type == BSL_JSON_OBJECT && children % 2 == 0)
                    FZ_CHECK(n[j].type == BSL_JSON_STRING, "key %zu of object %zu", j, i);
                depth[j] = depth[i] + 1;
                children++;
            }
            FZ_CHECK(j == nd->end, "children of %zu overrun its end", i);
            if (nd->type == BSL_JSON_OBJECT) {
                FZ_CHECK(children % 2 == 0 && children / 2 == nd->count,
                         "object %zu: %zu children, count %u", i, children, nd->count);
                for (j = i + 1; j < nd->end; j = n[n[j].end].end) {
                    size_t v;
                    if (memchr(n[j].text, '\0', n[j].count))
                        continue; /* bsl_json_find takes a C string */
                    v = bsl_json_find(doc, i, n[j].text);
                    FZ_CHECK(v == n[j].end, "bsl_json_find(\"%s\") gives %zu, not %u", n[j].text, v,
                             n[j].end);
                }
            } else {
                FZ_CHECK(children == nd->count, "array %zu: %zu children, count %u", i, children,
                         nd->count);
            }
            if (depth[i] + 1 > *max_depth) {
                *max_depth = depth[i] + 1;
                *first_deepest = nd->offset;
            }
            break;
        }
        default:
            FZ_CHECK(0, "node %zu: type %d", i, (int)nd->type);
        }
        if (nd->type != BSL_JSON_ARRAY && nd->type != BSL_JSON_OBJECT)
            FZ_CHECK(nd->end == i + 1, "scalar %zu end %u", i, nd->end);
    }
    free(depth);
}

/* Parse with one limit lowered: must fail with BSL_ERR_LIMIT at want_offset. */
static void expect_limit(const char *what, const char *in, size_t len, const bsl_json_limits *lim,
                         size_t want_offset)
{
    bsl_json_doc doc;
    bsl_error err;
    int rc = bsl_json_parse(&doc, in, len, lim, NULL, &err);
    FZ_CHECK(rc == BSL_ERR_LIMIT, "%s: status %d (%s)", what, rc, err.message);
    fz_check_document_error(what, rc, &err, in, len);
    FZ_CHECK(err.offset == want_offset, "%s: error at %zu, want %zu", what, err.offset, want_offset);
}

static void expect_ok(const char *what, const char *in, size_t len, const bsl_json_limits *lim)
{
    bsl_json_doc doc;
    bsl_error err;
    int rc = bsl_json_parse(&doc, in, len, lim, NULL, &err);
    FZ_CHECK(rc == BSL_OK, "%s: status %d (%s)", what, rc, err.message);
    bsl_json_doc_free(&doc);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *in = (const char *)data;
    static const bsl_json_limits defaults = {BSL_DEFAULT_MAX_INPUT_BYTES, BSL_DEFAULT_MAX_DEPTH,
                                             BSL_DEFAULT_MAX_TOKENS, BSL_DEFAULT_MAX_STRING_BYTES};
    bsl_json_doc doc, again;
    bsl_json_limits lim;
    bsl_error err;
    char *canon, *canon2;
    size_t clen, clen2, first_deepest, longest, first_longest;
    unsigned max_depth;
    int rc;

    rc = bsl_json_parse(&doc, in, size, NULL, NULL, &err);
    if (rc != BSL_OK) {
        FZ_CHECK(rc == BSL_ERR_SYNTAX || rc == BSL_ERR_LIMIT, "status %d", rc);
        fz_check_document_error("bsl_json_parse", rc, &err, in, size);
        FZ_CHECK(doc.nodes == NULL && doc.count == 0, "a failed parse leaves nodes behind");
        return 0;
    }
    FZ_CHECK(err.code == BSL_OK && err.message[0] == '\0', "success leaves an error");
    FZ_CHECK(doc.input == in && doc.input_len == size, "doc input");
    check_tree(&doc, in, size, &max_depth, &first_deepest, &longest, &first_longest);
    FZ_CHECK(max_depth <= BSL_DEFAULT_MAX_DEPTH, "depth %u past the default limit", max_depth);
    FZ_CHECK(longest <= BSL_DEFAULT_MAX_STRING_BYTES, "string past the default limit");

    /* Canonical output reparses, to the same canonical bytes. */
    canon = fz_canonical(&doc, &clen);
    FZ_CHECK(strlen(canon) == clen, "canonical output holds a NUL byte");
    rc = bsl_json_parse(&again, canon, clen, &fz_big_limits, NULL, &err);
    FZ_CHECK(rc == BSL_OK, "canonical output does not reparse: %s at %u:%u\n%s", err.message,
             err.line, err.column, canon);
    FZ_CHECK(again.count == doc.count, "canonical output has %zu values, not %zu", again.count,
             doc.count);
    canon2 = fz_canonical(&again, &clen2);
    FZ_CHECK(clen == clen2 && !memcmp(canon, canon2, clen), "canonical output is not a fixed point");
    free(canon2);
    free(canon);
    bsl_json_doc_free(&again);

    /* Each limit at exactly what the document needs, and one below. */
    lim = defaults;
    lim.max_tokens = doc.count;
    expect_ok("max_tokens = values", in, size, &lim);
    if (doc.count > 1) {
        lim.max_tokens = doc.count - 1;
        expect_limit("max_tokens = values - 1", in, size, &lim, doc.nodes[doc.count - 1].offset);
    }
    lim = defaults;
    lim.max_input_bytes = size;
    expect_ok("max_input_bytes = size", in, size, &lim);
    if (size > 1) {
        lim.max_input_bytes = size - 1;
        expect_limit("max_input_bytes = size - 1", in, size, &lim, size - 1);
    }
    if (max_depth >= 1) {
        lim = defaults;
        lim.max_depth = max_depth;
        expect_ok("max_depth = depth", in, size, &lim);
        if (max_depth > 1) {
            lim.max_depth = max_depth - 1;
            expect_limit("max_depth = depth - 1", in, size, &lim, first_deepest);
        }
    }
    if (first_longest != SIZE_MAX && longest > 0) {
        lim = defaults;
        lim.max_string_bytes = longest;
        expect_ok("max_string_bytes = longest", in, size, &lim);
        if (longest > 1) {
            lim.max_string_bytes = longest - 1;
            expect_limit("max_string_bytes = longest - 1", in, size, &lim, first_longest);
        }
    }
    bsl_json_doc_free(&doc);
    return 0;
}
