/* What the stream harnesses share: running an input through a bsl_stream in
 * pieces, collecting the records, and the invariants every record keeps. */
#ifndef BSL_FUZZ_STREAM_COMMON_H
#define BSL_FUZZ_STREAM_COMMON_H

#include "fuzz_common.h"

typedef struct fz_records {
    bsl_buf text;         /* every record's text, one after the other */
    size_t results, errors, headers;
    size_t last_line;     /* input_line of the previous record */
    bsl_stream_input input;
} fz_records;

/* Invariants of one record: results and errors in input order with a
 * position (error records: line >= 1), one line of text each. */
static int fz_record(void *ctx, const bsl_record *rec)
{
    fz_records *c = ctx;
    FZ_CHECK(rec->len >= 1 && rec->text[rec->len - 1] == '\n' && memchr(rec->text, '\0', rec->len) == NULL,
             "a record is text ending with one newline");
    if (rec->kind == BSL_RECORD_HEADER) {
        FZ_CHECK(c->headers == 0 && c->results + c->errors == 0, "one header, first");
        c->headers++;
    } else {
        FZ_CHECK(rec->index == c->results + c->errors, "record index %zu, want %zu", rec->index,
                 c->results + c->errors);
        FZ_CHECK(rec->input_line >= 1 && rec->input_line > c->last_line, "input_line %zu after %zu",
                 rec->input_line, c->last_line);
        c->last_line = rec->input_line;
        if (rec->kind == BSL_RECORD_ERROR) {
            FZ_CHECK(rec->error && rec->error->code < 0 && rec->error->line >= 1 && rec->error->column >= 1,
                     "an error record has a code and a position");
            FZ_CHECK(c->input != BSL_INPUT_CSV || rec->error->line >= rec->input_line,
                     "a CSV error is on or after its row's first line");
            FZ_CHECK(fz_utf8_valid(rec->error->message, strlen(rec->error->message)), "message UTF-8");
            c->errors++;
        } else {
            FZ_CHECK(rec->kind == BSL_RECORD_RESULT && rec->result, "a result record has its result");
            c->results++;
        }
    }
    bsl_buf_append(&c->text, rec->text, rec->len);
    return 0;
}

/* Feed data[0..size) through a stream in pieces whose sizes come from h;
 * returns the status of the last call, *c holding the records. */
static int fz_stream_run(const uint8_t *data, size_t size, const bsl_stream_options *so,
                         const bsl_options *opts, uint64_t h, fz_records *c, bsl_error *err)
{
    bsl_stream *s;
    size_t at = 0;
    int rc;
    memset(c, 0, sizeof *c);
    bsl_buf_init(&c->text, bsl_libc_allocator());
    c->input = so->input;
    if ((rc = bsl_stream_new(&s, fz_default_framework(), so, opts, fz_record, c, err)))
        return rc;
    while (!rc && at < size) {
        size_t piece = 1 + (size_t)(h % 97);
        h = h * 6364136223846793005u + 1442695040888963407u;
        if (piece > size - at)
            piece = size - at;
        rc = bsl_stream_feed(s, (const char *)data + at, piece, err);
        at += piece;
    }
    if (!rc)
        rc = bsl_stream_finish(s, err);
    bsl_stream_free(s);
    return rc;
}

/* One refused allocation: BSL_ERR_NOMEM and no leak. */
static void fz_stream_oom(const uint8_t *data, size_t size, const bsl_stream_options *so, uint64_t h)
{
    bsl_options opts;
    fz_records c;
    fz_alloc a;
    long calls;
    int rc;
    fz_alloc_init(&a, &opts, -1);
    rc = fz_stream_run(data, size, so, &opts, h, &c, NULL);
    bsl_buf_release(&c.text);
    FZ_CHECK(a.live == 0, "a stream leaks %ld blocks", a.live);
    calls = a.calls;
    if (!calls || rc)
        return;
    fz_alloc_init(&a, &opts, (long)(h % (uint64_t)calls));
    rc = fz_stream_run(data, size, so, &opts, h, &c, NULL);
    bsl_buf_release(&c.text);
    FZ_CHECK(rc == BSL_ERR_NOMEM, "allocation %ld of %ld refused: status %d", a.fail_at, calls, rc);
    FZ_CHECK(a.live == 0, "allocation %ld refused: %ld blocks leaked", a.fail_at, a.live);
}

#endif
