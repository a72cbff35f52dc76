/* Streams (bsl_stream_*): a register of any size, evaluated record by
 * record. Bytes arrive in pieces of any size; a record (a JSON line, a CSV
 * row, the whole document) is kept only until it is complete, evaluated,
 * rendered into one reused buffer and handed to the callback. Nothing
 * grows with the number of records. */
#include "render.h"
#include "alloc.h"
#include "csv_register.h"
#include "error.h"
#include "options.h"

#include <limits.h>
#include <stdint.h>
#include <string.h>

struct bsl_stream {
    bsl_config cfg;
    bsl_options opts;        /* the caller's, for bsl_evaluate_json() */
    const bsl_options *opts_or_null;
    const bsl_framework *fw;
    bsl_stream_options so;
    bsl_record_fn fn;
    void *ctx;
    unsigned char bom[3];    /* leading bytes that may be a UTF-8 byte order mark */
    size_t bom_len;
    int bom_done;
    bsl_buf pending;         /* the record read so far, when it spans pieces */
    int overflow;            /* the record is longer than max_input_bytes: its bytes are dropped */
    int csv_state;           /* CSV framing: where in a cell the last byte was (csv_frame_state) */
    size_t line;             /* 1-based line of the next byte */
    size_t record_line;      /* line where the pending record starts */
    int record_started;
    size_t records, errors;
    bsl_csv_register *reg;   /* CSV: the header, once read */
    int header_sent;         /* CSV output: the header line went out */
    bsl_buf out;             /* the output record, reused */
    int failed;              /* sticky: the code of the failure that stopped the stream */
    int finished;
};

/* CSV framing (RFC 4180): a quote opens a quoted cell only as the cell's
 * first character; inside one, a newline is data and "" a quote. */
enum csv_frame_state { CELL_START, IN_CELL, IN_QUOTES, QUOTE_IN_QUOTES };

static int check_stream_options(const bsl_stream_options *so, bsl_error *err)
{
    if (so->version != BSL_STREAM_OPTIONS_VERSION)
        return bsl_error_set(err, BSL_ERR_ARG, "unsupported bsl_stream_options version %u (this library knows %u)",
                             so->version, (unsigned)BSL_STREAM_OPTIONS_VERSION);
    if ((unsigned)so->input > BSL_INPUT_JSON || (unsigned)so->output > BSL_OUTPUT_CSV ||
        (unsigned)so->detail > BSL_DETAIL_SUMMARY || (so->lang != BSL_LANG_FR && so->lang != BSL_LANG_EN))
        return bsl_error_set(err, BSL_ERR_ARG, "bsl_stream_options: unknown input, output, detail or language");
    return BSL_OK;
}

int bsl_stream_new(bsl_stream **out, const bsl_framework *fw, const bsl_stream_options *so,
                   const bsl_options *opts, bsl_record_fn fn, void *ctx, bsl_error *err)
{
    static const bsl_stream_options defaults = BSL_STREAM_OPTIONS_INIT;
    bsl_config cfg;
    bsl_stream *s;
    int rc;
    bsl_error_clear(err);
    if (out)
        *out = NULL;
    if (!out || !fw || !fn)
        return bsl_error_set(err, BSL_ERR_ARG, "bsl_stream_new: out, fw and fn must not be NULL");
    if ((rc = check_stream_options(so ? so : &defaults, err)) || (rc = bsl_config_init(&cfg, opts, err)))
        return rc;
    if (!(s = bsl_malloc(&cfg.alloc, sizeof *s)))
        return bsl_error_set(err, BSL_ERR_NOMEM, "out of memory");
    memset(s, 0, sizeof *s);
    s->cfg = cfg;
    if (opts) {
        s->opts = *opts;
        s->opts_or_null = &s->opts;
    }
    s->fw = fw;
    s->so = so ? *so : defaults;
    s->fn = fn;
    s->ctx = ctx;
    s->line = 1;
    bsl_buf_init(&s->pending, &s->cfg.alloc);
    bsl_buf_init(&s->out, &s->cfg.alloc);
    *out = s;
    return BSL_OK;
}

void bsl_stream_free(bsl_stream *s)
{
    bsl_allocator alloc;
    if (!s)
        return;
    bsl_buf_release(&s->pending);
    bsl_buf_release(&s->out);
    bsl_csv_register_free(s->reg);
    alloc = s->cfg.alloc;
    bsl_free(&alloc, s);
}

size_t bsl_stream_record_count(const bsl_stream *s) { return s ? s->records : 0; }
size_t bsl_stream_error_count(const bsl_stream *s) { return s ? s->errors : 0; }

static int stop(bsl_stream *s, int code, bsl_error *err)
{
    s->failed = code;
    return code;
}

/* Hand s->out over as a record of this kind. */
static int hand_over(bsl_stream *s, bsl_record *rec, bsl_error *err)
{
    if (s->out.failed)
        return stop(s, bsl_error_set(err, BSL_ERR_NOMEM, "out of memory"), err);
    rec->text = s->out.data;
    rec->len = s->out.len;
    if (s->fn(s->ctx, rec))
        return stop(s, bsl_error_set(err, BSL_ERR_IO, "the record callback stopped the stream"), err);
    return BSL_OK;
}

static void reset_out(bsl_stream *s)
{
    s->out.len = 0;
    s->out.failed = 0;
}

static int send_csv_header(bsl_stream *s, bsl_error *err)
{
    bsl_record rec;
    if (s->so.output != BSL_OUTPUT_CSV || s->header_sent)
        return BSL_OK;
    s->header_sent = 1;
    memset(&rec, 0, sizeof rec);
    rec.kind = BSL_RECORD_HEADER;
    reset_out(s);
    bsl_render_csv_header(&s->out, s->fw);
    return hand_over(s, &rec, err);
}

static int emit_result(bsl_stream *s, const bsl_result *r, size_t line, bsl_error *err)
{
    bsl_record rec;
    int rc;
    if ((rc = send_csv_header(s, err)))
        return rc;
    memset(&rec, 0, sizeof rec);
    rec.kind = BSL_RECORD_RESULT;
    rec.index = s->records++;
    rec.input_line = line;
    rec.result = r;
    reset_out(s);
    if (s->so.output == BSL_OUTPUT_CSV)
        bsl_render_csv_result(&s->out, r, rec.index, line);
    else if (s->so.detail == BSL_DETAIL_SUMMARY)
        bsl_render_summary(&s->out, r);
    else
        bsl_render_json(&s->out, r, s->so.lang, 1);
    return hand_over(s, &rec, err);
}

static int emit_error(bsl_stream *s, bsl_error *e, size_t line, bsl_error *err)
{
    bsl_record rec;
    int rc;
    if ((rc = send_csv_header(s, err)))
        return rc;
    /* An error about the record as a whole is placed at its start, so
     * every error record has a position. */
    if (!e->line) {
        e->line = s->so.input == BSL_INPUT_CSV ? (unsigned)line : 1;
        e->column = 1;
    }
    memset(&rec, 0, sizeof rec);
    rec.kind = BSL_RECORD_ERROR;
    rec.index = s->records++;
    rec.input_line = line;
    rec.error = e;
    s->errors++;
    reset_out(s);
    if (s->so.output == BSL_OUTPUT_CSV)
        bsl_render_csv_error(&s->out, s->fw, rec.index, line, e);
    else
        bsl_render_error_record(&s->out, rec.index, line, e);
    return hand_over(s, &rec, err);
}

/* Evaluate one use-case document and hand its record over. */
static int evaluate_doc(bsl_stream *s, const char *doc, size_t len, size_t line, bsl_error *err)
{
    bsl_result *r;
    bsl_error e;
    int rc = bsl_evaluate_json(&r, s->fw, doc, len, s->opts_or_null, &e);
    if (rc == BSL_ERR_NOMEM)
        return stop(s, bsl_error_set(err, BSL_ERR_NOMEM, "out of memory"), err);
    if (rc) {
        if (s->reg)
            bsl_csv_register_locate(s->reg, &e);
        return emit_error(s, &e, line, err);
    }
    rc = emit_result(s, r, line, err);
    bsl_result_free(r);
    return rc;
}

static int is_blank(const char *t, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++)
        if (t[i] != ' ' && t[i] != '\t' && t[i] != '\r' && t[i] != '\n')
            return 0;
    return 1;
}

static unsigned line_number(size_t line) { return line > UINT_MAX ? UINT_MAX : (unsigned)line; }

static int csv_record(bsl_stream *s, const char *t, size_t n, size_t line, bsl_error *err)
{
    const char *doc;
    size_t doc_len;
    bsl_error e;
    int rc;
    if (!s->reg) {
        rc = bsl_csv_register_new(&s->reg, s->fw, &s->cfg.alloc, t, n, line_number(line), err);
        return rc ? stop(s, rc, err) : BSL_OK;
    }
    bsl_error_clear(&e);
    rc = bsl_csv_register_row(s->reg, t, n, line_number(line), &doc, &doc_len, &e);
    if (rc == BSL_ERR_NOMEM)
        return stop(s, bsl_error_set(err, BSL_ERR_NOMEM, "out of memory"), err);
    if (rc)
        return emit_error(s, &e, line, err);
    return evaluate_doc(s, doc, doc_len, line, err);
}

/* A complete record t[0..n) (its line break removed) that started on line. */
static int record(bsl_stream *s, const char *t, size_t n, size_t line, bsl_error *err)
{
    if (s->overflow) {
        bsl_error e;
        bsl_error_set(&e, BSL_ERR_LIMIT, "the record is longer than the limit of %zu bytes",
                      s->cfg.json.max_input_bytes);
        if (s->so.input == BSL_INPUT_CSV && !s->reg)
            return stop(s, bsl_error_set(err, BSL_ERR_LIMIT, "the header is longer than the limit of %zu bytes",
                                         s->cfg.json.max_input_bytes), err);
        return emit_error(s, &e, line, err);
    }
    if (s->so.input != BSL_INPUT_JSON) {
        if (n && t[n - 1] == '\r')
            n--;
        if (is_blank(t, n))
            return BSL_OK;
    }
    if (s->so.input == BSL_INPUT_CSV)
        return csv_record(s, t, n, line, err);
    return evaluate_doc(s, t, n, line, err);
}

/* Keep bytes of a record that spans pieces, up to the per-record limit. */
static int keep(bsl_stream *s, const char *t, size_t n, bsl_error *err)
{
    if (s->overflow)
        return BSL_OK;
    if (n > s->cfg.json.max_input_bytes - s->pending.len) {
        s->overflow = 1;
        return BSL_OK;
    }
    bsl_buf_append(&s->pending, t, n);
    if (s->pending.failed)
        return stop(s, bsl_error_set(err, BSL_ERR_NOMEM, "out of memory"), err);
    return BSL_OK;
}

/* Where the record that t[0..n) continues ends: the index of its newline,
 * or n. CSV: a newline inside quotes does not count (it is a line,
 * though). */
static size_t record_end(bsl_stream *s, const char *t, size_t n)
{
    size_t i;
    if (s->so.input == BSL_INPUT_JSON) {
        for (i = 0; i < n; i++)
            s->line += t[i] == '\n';
        return n;
    }
    if (s->so.input == BSL_INPUT_JSONL) {
        const char *nl = memchr(t, '\n', n);
        return nl ? (size_t)(nl - t) : n;
    }
    for (i = 0; i < n; i++) {
        char c = t[i];
        /* Before the header is read both delimiters may start a cell. */
        int delim = s->reg ? c == bsl_csv_register_delimiter(s->reg) : c == ',' || c == ';';
        switch (s->csv_state) {
        case IN_QUOTES:
            if (c == '"')
                s->csv_state = QUOTE_IN_QUOTES;
            else if (c == '\n')
                s->line++;
            continue;
        case QUOTE_IN_QUOTES:
            if (c == '"') {
                s->csv_state = IN_QUOTES;
                continue;
            }
            break;
        case CELL_START:
            if (c == '"') {
                s->csv_state = IN_QUOTES;
                continue;
            }
            break;
        default:
            break;
        }
        if (c == '\n') {
            s->csv_state = CELL_START;
            return i;
        }
        s->csv_state = delim ? CELL_START : IN_CELL;
    }
    return n;
}

/* Finish the pending record (its bytes so far plus t[0..n)). */
static int complete(bsl_stream *s, const char *t, size_t n, bsl_error *err)
{
    size_t line = s->record_line;
    int rc;
    if (!s->pending.len && !s->overflow) {
        rc = record(s, t, n, line, err); /* the whole record in this piece: no copy */
    } else {
        if ((rc = keep(s, t, n, err)))
            return rc;
        rc = record(s, s->pending.data ? s->pending.data : "", s->pending.len, line, err);
    }
    s->pending.len = 0;
    s->overflow = 0;
    s->record_started = 0;
    return rc;
}

static int feed_bytes(bsl_stream *s, const char *buf, size_t len, bsl_error *err)
{
    while (len) {
        size_t end;
        int rc;
        if (!s->record_started) {
            s->record_started = 1;
            s->record_line = s->line;
        }
        end = record_end(s, buf, len);
        if (end == len)
            return keep(s, buf, len, err);
        if ((rc = complete(s, buf, end, err)))
            return rc;
        s->line++; /* the newline that ended it */
        buf += end + 1;
        len -= end + 1;
    }
    return BSL_OK;
}

/* Leading bytes are held until they are known not to be a UTF-8 byte
 * order mark (dropped: spreadsheets write one before CSV). */
static int feed_start(bsl_stream *s, const char **buf, size_t *len, bsl_error *err)
{
    static const unsigned char mark[3] = { 0xEF, 0xBB, 0xBF };
    while (!s->bom_done && *len) {
        if ((unsigned char)**buf != mark[s->bom_len]) {
            s->bom_done = 1;
            return feed_bytes(s, (const char *)s->bom, s->bom_len, err);
        }
        s->bom[s->bom_len++] = (unsigned char)**buf;
        (*buf)++;
        (*len)--;
        if (s->bom_len == 3)
            s->bom_done = 1;
    }
    return BSL_OK;
}

int bsl_stream_feed(bsl_stream *s, const char *buf, size_t len, bsl_error *err)
{
    int rc;
    bsl_error_clear(err);
    if (!s || (!buf && len))
        return bsl_error_set(err, BSL_ERR_ARG, "bsl_stream_feed: bad argument");
    if (s->failed)
        return bsl_error_set(err, s->failed, "the stream stopped at an earlier failure");
    if (s->finished)
        return bsl_error_set(err, BSL_ERR_ARG, "bsl_stream_feed: the stream is finished");
    if ((rc = feed_start(s, &buf, &len, err)))
        return rc;
    return feed_bytes(s, buf, len, err);
}

int bsl_stream_finish(bsl_stream *s, bsl_error *err)
{
    int rc;
    bsl_error_clear(err);
    if (!s)
        return bsl_error_set(err, BSL_ERR_ARG, "bsl_stream_finish: bad argument");
    if (s->failed)
        return bsl_error_set(err, s->failed, "the stream stopped at an earlier failure");
    if (s->finished)
        return bsl_error_set(err, BSL_ERR_ARG, "bsl_stream_finish: the stream is finished");
    s->finished = 1;
    if (!s->bom_done && (rc = feed_bytes(s, (const char *)s->bom, s->bom_len, err)))
        return rc;
    if (s->record_started || s->so.input == BSL_INPUT_JSON) {
        if (s->so.input == BSL_INPUT_CSV && s->csv_state == IN_QUOTES && s->reg) {
            bsl_error e;
            bsl_error_set(&e, BSL_ERR_SYNTAX, "the register ends inside a quoted cell");
            s->pending.len = 0;
            rc = emit_error(s, &e, s->record_line, err);
        } else {
            if (!s->record_started)
                s->record_line = 1;
            rc = complete(s, "", 0, err);
        }
        if (rc)
            return rc;
    }
    if (s->so.input == BSL_INPUT_CSV && !s->reg)
        return stop(s, bsl_error_set(err, BSL_ERR_MISSING, "the register has no header"), err);
    return send_csv_header(s, err);
}

int bsl_evaluate_stream_file(const bsl_framework *fw, FILE *f, const bsl_stream_options *so,
                             const bsl_options *opts, bsl_record_fn fn, void *ctx,
                             size_t *record_count, size_t *error_count, bsl_error *err)
{
    char chunk[65536];
    bsl_stream *s;
    int rc;
    if (record_count)
        *record_count = 0;
    if (error_count)
        *error_count = 0;
    if (!f)
        return bsl_error_set(err, BSL_ERR_ARG, "bsl_evaluate_stream_file: f must not be NULL");
    if ((rc = bsl_stream_new(&s, fw, so, opts, fn, ctx, err)))
        return rc;
    for (;;) {
        size_t got = fread(chunk, 1, sizeof chunk, f);
        if (got && (rc = bsl_stream_feed(s, chunk, got, err)))
            break;
        if (got < sizeof chunk) {
            if (ferror(f))
                rc = bsl_error_set(err, BSL_ERR_IO, "the register cannot be read");
            else
                rc = bsl_stream_finish(s, err);
            break;
        }
    }
    if (record_count)
        *record_count = s->records;
    if (error_count)
        *error_count = s->errors;
    bsl_stream_free(s);
    return rc;
}
