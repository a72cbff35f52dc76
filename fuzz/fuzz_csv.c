/* CSV registers through a bsl_stream against the embedded default framework:
 *
 *  - fed in pieces of any size, the records are the same bytes;
 *  - when the header reads, one output record per non-blank data record,
 *    as an independent RFC 4180 framing counts them (a quote opens a quoted
 *    cell only at a cell's start; a newline inside one is data), each
 *    record one JSON object; error records carry a line >= 1, on or after
 *    their row's first line;
 *  - a header that does not read stops the stream with a position and no
 *    record;
 *  - CSV output: the same status, a header first, every record ending
 *    with a newline;
 *  - one refused allocation returns BSL_ERR_NOMEM and leaks nothing. */
#include "fuzz_stream_common.h"

/* Non-blank records after the header, and whether there is a header. */
static size_t count_rows(const char *in, size_t size, int *has_header)
{
    size_t i = 0, rows = 0, start;
    char delim = 0;
    *has_header = 0;
    if (size >= 3 && !memcmp(in, "\xEF\xBB\xBF", 3))
        i = 3;
    while (i < size) {
        int state = 0, blank = 1; /* 0 cell start, 1 in cell, 2 in quotes, 3 quote in quotes */
        start = i;
        for (; i < size; i++) {
            char ch = in[i];
            int is_delim = delim ? ch == delim : ch == ',' || ch == ';';
            if (state == 2) {
                if (ch == '"')
                    state = 3;
                blank = 0;
                continue;
            }
            if (state == 3 && ch == '"') {
                state = 2;
                continue;
            }
            if (state == 0 && ch == '"') {
                state = 2;
                blank = 0;
                continue;
            }
            if (ch == '\n')
                break;
            if (ch != ' ' && ch != '\t' && ch != '\r')
                blank = 0;
            state = is_delim ? 0 : 1;
        }
        if (i < size)
            i++; /* the newline */
        if (blank)
            continue;
        if (!*has_header) {
            size_t k, commas = 0, semis = 0;
            int q = 0;
            for (k = start; k < i; k++) {
                if (in[k] == '"')
                    q = !q;
                else if (!q && in[k] == ',')
                    commas++;
                else if (!q && in[k] == ';')
                    semis++;
            }
            delim = semis > commas ? ';' : ',';
            *has_header = 1;
        } else {
            rows++;
        }
    }
    return rows;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    uint64_t h = fz_hash(data, size);
    bsl_stream_options so = BSL_STREAM_OPTIONS_INIT;
    int has_header, rc, rc2;
    size_t rows = count_rows((const char *)data, size, &has_header), pos;
    fz_records c, whole;
    bsl_error err;

    so.input = BSL_INPUT_CSV;
    so.detail = (bsl_detail)(h & 1);
    rc = fz_stream_run(data, size, &so, NULL, h >> 1, &c, &err);
    rc2 = fz_stream_run(data, size, &so, NULL, (uint64_t)-1 >> 1, &whole, NULL);
    FZ_CHECK(rc == rc2 && c.text.len == whole.text.len &&
             !memcmp(c.text.data ? c.text.data : "", whole.text.data ? whole.text.data : "", c.text.len),
             "pieces change the records");
    bsl_buf_release(&whole.text);
    if (rc == BSL_OK) {
        FZ_CHECK(has_header, "a register without a header was accepted");
        FZ_CHECK(c.results + c.errors == rows, "%zu records for %zu rows", c.results + c.errors, rows);
        for (pos = 0; pos < c.text.len;) {
            const char *nl = memchr(c.text.data + pos, '\n', c.text.len - pos);
            bsl_json_doc doc;
            fz_check_json("CSV stream record", c.text.data + pos, (size_t)(nl - (c.text.data + pos)), &doc);
            bsl_json_doc_free(&doc);
            pos = (size_t)(nl - c.text.data) + 1;
        }
    } else {
        FZ_CHECK(BSL_ERR_IS_SCHEMA(rc) || rc == BSL_ERR_SYNTAX || rc == BSL_ERR_LIMIT,
                 "a CSV register fails with %d", rc);
        FZ_CHECK(c.results + c.errors == 0, "records before a bad header");
        FZ_CHECK(rc == BSL_ERR_MISSING || err.line >= 1, "a header error has its line");
    }
    bsl_buf_release(&c.text);

    so.output = BSL_OUTPUT_CSV;
    rc2 = fz_stream_run(data, size, &so, NULL, h >> 9, &c, NULL);
    FZ_CHECK(rc2 == rc, "CSV output changes the status");
    FZ_CHECK(rc || c.headers == 1, "CSV output has its header");
    FZ_CHECK(c.text.len == 0 || c.text.data[c.text.len - 1] == '\n', "CSV output ends with a newline");
    bsl_buf_release(&c.text);

    fz_stream_oom(data, size, &so, h);
    return 0;
}
