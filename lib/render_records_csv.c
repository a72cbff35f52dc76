/* CSV records (doc/result-format.md, "CSV records"): a stream's output for
 * spreadsheets, one row per use-case with the columns of the summary
 * result, error rows in place. RFC 4180: "," between cells, CRLF-free
 * "\n" line ends, a cell quoted when it holds a comma, a quote or a line
 * break. */
#include "render.h"

#include <string.h>

static void cell(bsl_buf *b, const char *s)
{
    size_t n = s ? strlen(s) : 0;
    if (!n)
        return;
    if (strcspn(s, ",\"\r\n") == n) {
        bsl_buf_append(b, s, n);
        return;
    }
    bsl_buf_putc(b, '"');
    for (; *s; s++) {
        if (*s == '"')
            bsl_buf_putc(b, '"');
        bsl_buf_putc(b, *s);
    }
    bsl_buf_putc(b, '"');
}

static void sep(bsl_buf *b) { bsl_buf_putc(b, ','); }

static void score_cell(bsl_buf *b, double v, int assessed)
{
    if (assessed)
        bsl_buf_decimal1(b, v, 0, 1);
}

void bsl_render_csv_header(bsl_buf *b, const bsl_framework *fw)
{
    size_t i;
    bsl_buf_puts(b, "index,input_line,id,verdict,score");
    for (i = 0; i < fw->criterion_count; i++) {
        sep(b);
        bsl_buf_puts(b, fw->criteria[i].id);
        bsl_buf_puts(b, ".score,");
        bsl_buf_puts(b, fw->criteria[i].id);
        bsl_buf_puts(b, ".status");
    }
    bsl_buf_puts(b, ",red_lines,failed_conditions,missing,unknown,"
                    "error,error_message,error_line,error_column,error_path\n");
}

/* One cell listing, "|"-separated, the facts of the outcomes flagged
 * red_line (which 0) or fails_condition (which 1). */
static void flagged_cell(bsl_buf *b, const bsl_result *r, int which)
{
    bsl_buf list;
    size_t i, j;
    bsl_buf_init(&list, b->alloc);
    for (i = 0; i < r->criterion_count; i++)
        for (j = 0; j < r->criteria[i].outcome_count; j++) {
            const struct bsl_outcome *o = &r->criteria[i].outcomes[j];
            if (which ? o->fails_condition : o->red_line) {
                if (list.len)
                    bsl_buf_putc(&list, '|');
                bsl_buf_puts(&list, o->ind->fact);
            }
        }
    if (list.failed)
        b->failed = list.failed;
    else if (list.len)
        cell(b, list.data);
    bsl_buf_release(&list);
}

/* A cell listing n strings taken by get(r, i), "|"-separated. */
static void list_cell(bsl_buf *b, const bsl_result *r, size_t n,
                      const char *(*get)(const bsl_result *, size_t))
{
    bsl_buf list;
    size_t i;
    bsl_buf_init(&list, b->alloc);
    for (i = 0; i < n; i++) {
        if (i)
            bsl_buf_putc(&list, '|');
        bsl_buf_puts(&list, get(r, i));
    }
    if (list.failed)
        b->failed = list.failed;
    else if (list.len)
        cell(b, list.data);
    bsl_buf_release(&list);
}

static const char *missing_at(const bsl_result *r, size_t i) { return r->missing[i]; }
static const char *unknown_at(const bsl_result *r, size_t i) { return r->unknown[i].path; }

static void position(bsl_buf *b, size_t index, size_t input_line)
{
    bsl_buf_uint(b, index);
    sep(b);
    bsl_buf_uint(b, input_line);
    sep(b);
}

void bsl_render_csv_result(bsl_buf *b, const bsl_result *r, size_t index, size_t input_line)
{
    size_t i;
    position(b, index, input_line);
    cell(b, r->usecase_id);
    sep(b);
    bsl_buf_puts(b, bsl_verdict_token(r->verdict));
    sep(b);
    score_cell(b, r->score, r->assessed);
    for (i = 0; i < r->criterion_count; i++) {
        sep(b);
        score_cell(b, r->criteria[i].score, r->criteria[i].assessed);
        sep(b);
        bsl_buf_puts(b, bsl_criterion_status_token(r->criteria[i].status));
    }
    sep(b);
    flagged_cell(b, r, 0);
    sep(b);
    flagged_cell(b, r, 1);
    sep(b);
    list_cell(b, r, r->missing_count, missing_at);
    sep(b);
    list_cell(b, r, r->unknown_count, unknown_at);
    bsl_buf_puts(b, ",,,,,\n");
}

void bsl_render_csv_error(bsl_buf *b, const bsl_framework *fw, size_t index, size_t input_line,
                          const bsl_error *e)
{
    size_t i;
    position(b, index, input_line);
    bsl_buf_puts(b, ",,,"); /* id, verdict, score: none */
    for (i = 0; i < fw->criterion_count; i++)
        bsl_buf_puts(b, ",,");
    bsl_buf_puts(b, ",,,,");
    bsl_buf_puts(b, bsl_status_name(e->code));
    sep(b);
    cell(b, e->message);
    sep(b);
    bsl_buf_uint(b, e->line);
    sep(b);
    bsl_buf_uint(b, e->column);
    sep(b);
    cell(b, e->path);
    bsl_buf_putc(b, '\n');
}
