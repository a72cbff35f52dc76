/* bsl_evaluate_lines (JSON Lines in, JSON Lines out) against the embedded
 * default framework, checked line by line against bsl_evaluate_json:
 *
 *  - the call succeeds; the output has one line per non-blank input line,
 *    in order, and error_count error records;
 *  - each output line is accepted by the library's own JSON parser;
 *  - a use-case that evaluates gives exactly the bytes bsl_render gives in
 *    BSL_FORMAT_JSON_COMPACT; one that does not gives an error record with
 *    its index, its 1-based input line, and the code, line (>= 1), column
 *    and path bsl_evaluate_json reports for that line alone;
 *  - one allocation failure (picked from the input) returns BSL_ERR_NOMEM,
 *    no output and no leak. */
#include "fuzz_common.h"


static int blank(const char *s, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
            return 0;
    return 1;
}

static double member_number(const bsl_json_doc *doc, size_t obj, const char *key)
{
    size_t v = bsl_json_find(doc, obj, key);
    FZ_CHECK(v && doc->nodes[v].type == BSL_JSON_NUMBER, "error record: no number \"%s\"", key);
    return doc->nodes[v].number;
}

static const char *member_string(const bsl_json_doc *doc, size_t obj, const char *key)
{
    size_t v = bsl_json_find(doc, obj, key);
    FZ_CHECK(v && doc->nodes[v].type == BSL_JSON_STRING, "error record: no string \"%s\"", key);
    return doc->nodes[v].text;
}

/* Check output line o[0..olen) for input line number line_no (1-based),
 * use-case index index, document d[0..dlen). Returns 1 for an error record. */
static int check_line(const char *o, size_t olen, size_t index, size_t line_no, const char *d,
                      size_t dlen, bsl_lang lang)
{
    bsl_json_doc doc;
    bsl_result *r = (bsl_result *)&r;
    bsl_error err;
    size_t e;
    int rc;

    fz_check_json("batch output line", o, olen, &doc);
    FZ_CHECK(doc.nodes[0].type == BSL_JSON_OBJECT, "batch output line %zu is not an object", index);
    rc = bsl_evaluate_json(&r, fz_default_framework(), d, dlen, NULL, &err);
    e = bsl_json_find(&doc, 0, "error");
    if (rc == BSL_OK) {
        char *want = NULL;
        size_t wlen = 0;
        FZ_CHECK(e == 0, "use-case %zu evaluates alone, but the batch reports an error", index);
        FZ_CHECK(bsl_render(&want, &wlen, r, BSL_FORMAT_JSON_COMPACT, lang, NULL) == BSL_OK,
                 "render compact");
        /* The compact rendering ends with "\n", the line does not. */
        FZ_CHECK(wlen == olen + 1 && !memcmp(want, o, olen),
                 "use-case %zu: batch line differs from its compact rendering", index);
        bsl_render_free(want);
        bsl_result_free(r);
        bsl_json_doc_free(&doc);
        return 0;
    }
    fz_check_document_error("use-case of a batch", rc, &err, d, dlen);
    FZ_CHECK(e != 0 && doc.nodes[e].type == BSL_JSON_OBJECT,
             "use-case %zu fails alone (%s) but the batch gives no error record", index, err.message);
    FZ_CHECK(member_number(&doc, 0, "index") == (double)index, "error record: index");
    FZ_CHECK(member_number(&doc, 0, "input_line") == (double)line_no, "error record: input_line %g, want %zu",
             member_number(&doc, 0, "input_line"), line_no);
    FZ_CHECK(member_number(&doc, e, "code") == (double)rc, "error record: code %g, want %d",
             member_number(&doc, e, "code"), rc);
    FZ_CHECK(member_number(&doc, e, "line") == (double)err.line && err.line >= 1,
             "error record: line %g, want %u", member_number(&doc, e, "line"), err.line);
    FZ_CHECK(member_number(&doc, e, "column") == (double)err.column,
             "error record: column %g, want %u", member_number(&doc, e, "column"), err.column);
    FZ_CHECK(!strcmp(member_string(&doc, e, "path"), err.path), "error record: path \"%s\", want \"%s\"",
             member_string(&doc, e, "path"), err.path);
    FZ_CHECK(member_string(&doc, e, "name")[0] != '\0', "error record: empty name");
    FZ_CHECK(member_string(&doc, e, "message")[0] != '\0', "error record: empty message");
    bsl_json_doc_free(&doc);
    return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *in = (const char *)data;
    uint64_t h = fz_hash(data, size);
    bsl_lang lang = (bsl_lang)(h & 1);
    char *out = (char *)&out;
    size_t out_len = 1, errors = 99, index = 0, line_no = 0, pos = 0, opos = 0, seen_errors = 0;
    bsl_options opts;
    bsl_error err;
    fz_alloc a;
    long calls;
    int rc;

    rc = bsl_evaluate_lines(&out, &out_len, fz_default_framework(), in, size, lang, NULL, &errors, &err);
    FZ_CHECK(rc == BSL_OK && err.code == BSL_OK, "bsl_evaluate_lines: %d %s", rc, err.message);
    FZ_CHECK(out != NULL && out[out_len] == '\0' && strlen(out) == out_len, "output buffer");
    FZ_CHECK(out_len == 0 || out[out_len - 1] == '\n', "output does not end with a newline");

    /* Walk the input's lines and the output's lines together. */
    while (pos < size) {
        const char *nl = memchr(in + pos, '\n', size - pos);
        size_t end = nl ? (size_t)(nl - in) : size, dlen = end - pos;
        line_no++;
        if (dlen && in[pos + dlen - 1] == '\r')
            dlen--;
        if (!blank(in + pos, dlen)) {
            const char *onl;
            FZ_CHECK(opos < out_len, "input line %zu has no output line", line_no);
            onl = memchr(out + opos, '\n', out_len - opos);
            FZ_CHECK(onl != NULL, "output line without a newline");
            seen_errors += (size_t)check_line(out + opos, (size_t)(onl - (out + opos)), index,
                                              line_no, in + pos, dlen, lang);
            opos = (size_t)(onl - out) + 1;
            index++;
        }
        pos = end + 1;
    }
    FZ_CHECK(opos == out_len, "%zu bytes of output past the last use-case", out_len - opos);
    FZ_CHECK(errors == seen_errors, "error_count %zu, %zu error records", errors, seen_errors);
    bsl_render_free(out);

    /* Out of memory: count the allocations, then refuse one of them. */
    fz_alloc_init(&a, &opts, -1);
    rc = bsl_evaluate_lines(&out, NULL, fz_default_framework(), in, size, lang, &opts, NULL, NULL);
    FZ_CHECK(rc == BSL_OK, "with a counting allocator: %d", rc);
    bsl_render_free(out);
    FZ_CHECK(a.live == 0, "bsl_evaluate_lines + bsl_render_free leak %ld blocks", a.live);
    calls = a.calls;
    if (calls == 0)
        return 0;
    fz_alloc_init(&a, &opts, (long)(h % (uint64_t)calls));
    out = (char *)&out;
    rc = bsl_evaluate_lines(&out, &out_len, fz_default_framework(), in, size, lang, &opts, &errors, &err);
    FZ_CHECK(rc == BSL_ERR_NOMEM && err.code == rc && out == NULL,
             "allocation %ld of %ld refused: status %d", a.fail_at, calls, rc);
    FZ_CHECK(a.live == 0, "allocation %ld refused: %ld blocks leaked", a.fail_at, a.live);
    return 0;
}
