/* JSON Lines framing of a bsl_stream against the embedded default framework:
 *
 *  - fed in pieces of any size, the stream gives exactly the bytes
 *    bsl_evaluate_lines gives for the whole input (same records, same
 *    order, error records in place);
 *  - one output record per non-blank input line, each one JSON object;
 *    error records carry a line >= 1; input lines increase;
 *  - the summary detail gives as many records, each one JSON object;
 *  - one refused allocation returns BSL_ERR_NOMEM and leaks nothing. */
#include "fuzz_stream_common.h"

static size_t nonblank_lines(const char *in, size_t size)
{
    size_t pos = 0, n = 0;
    while (pos < size) {
        const char *nl = memchr(in + pos, '\n', size - pos);
        size_t end = nl ? (size_t)(nl - in) : size, i;
        for (i = pos; i < end; i++)
            if (in[i] != ' ' && in[i] != '\t' && in[i] != '\r') {
                n++;
                break;
            }
        pos = end + 1;
    }
    return n;
}

static void check_lines_json(const bsl_buf *text)
{
    size_t pos = 0;
    while (pos < text->len) {
        const char *nl = memchr(text->data + pos, '\n', text->len - pos);
        bsl_json_doc doc;
        FZ_CHECK(nl != NULL, "record without its newline");
        fz_check_json("stream record", text->data + pos, (size_t)(nl - (text->data + pos)), &doc);
        FZ_CHECK(doc.nodes[0].type == BSL_JSON_OBJECT, "a record is an object");
        bsl_json_doc_free(&doc);
        pos = (size_t)(nl - text->data) + 1;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    uint64_t h = fz_hash(data, size);
    bsl_stream_options so = BSL_STREAM_OPTIONS_INIT;
    size_t want_lines = nonblank_lines((const char *)data, size), want_len = 0, errors = 0;
    char *want = NULL;
    fz_records c;
    bsl_error err;
    int rc;

    /* The stream drops a leading byte order mark, bsl_evaluate_lines not:
     * compare them on inputs without one. */
    int bom = size >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3);
    so.lang = (bsl_lang)(h & 1);
    rc = fz_stream_run(data, size, &so, NULL, h >> 1, &c, &err);
    FZ_CHECK(rc == BSL_OK, "JSON Lines stream: %d %s", rc, err.message);
    FZ_CHECK(bom || c.results + c.errors == want_lines, "%zu records for %zu lines", c.results + c.errors,
             want_lines);
    check_lines_json(&c.text);
    if (!bom) {
        FZ_CHECK(bsl_evaluate_lines(&want, &want_len, fz_default_framework(), (const char *)data, size,
                                    so.lang, NULL, &errors, NULL) == BSL_OK, "bsl_evaluate_lines");
        FZ_CHECK(want_len == c.text.len && !memcmp(want, c.text.data ? c.text.data : "", want_len),
                 "the stream and bsl_evaluate_lines differ");
        FZ_CHECK(errors == c.errors, "error counts differ");
        bsl_render_free(want);
    }
    bsl_buf_release(&c.text);

    so.detail = BSL_DETAIL_SUMMARY;
    rc = fz_stream_run(data, size, &so, NULL, h >> 7, &c, &err);
    FZ_CHECK(rc == BSL_OK, "summary stream: %d", rc);
    check_lines_json(&c.text);
    bsl_buf_release(&c.text);

    fz_stream_oom(data, size, &so, h);
    return 0;
}
