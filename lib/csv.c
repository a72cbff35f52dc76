/* RFC 4180 cells. Positions are counted as everywhere in the library:
 * 1-based lines, 1-based columns in characters (UTF-8 continuation bytes
 * do not count). */
#include "csv.h"
#include "error.h"

char bsl_csv_detect_delimiter(const char *text, size_t len)
{
    size_t i, commas = 0, semicolons = 0;
    int quoted = 0;
    for (i = 0; i < len; i++) {
        if (text[i] == '"')
            quoted = !quoted;
        else if (!quoted && text[i] == ',')
            commas++;
        else if (!quoted && text[i] == ';')
            semicolons++;
    }
    return semicolons > commas ? ';' : ',';
}

size_t bsl_csv_count_cells(const char *text, size_t len, char delim)
{
    size_t i, n = 1;
    int quoted = 0;
    for (i = 0; i < len; i++) {
        if (text[i] == '"')
            quoted = !quoted;
        else if (!quoted && text[i] == delim)
            n++;
    }
    return n;
}

/* The reading position in a record, with its file line and column. */
typedef struct cursor {
    const char *text;
    size_t len, i;
    unsigned line, column;
} cursor;

static void advance(cursor *c)
{
    unsigned char ch = (unsigned char)c->text[c->i++];
    if (ch == '\n') {
        c->line++;
        c->column = 1;
    } else if ((ch & 0xC0) != 0x80) {
        c->column++;
    }
}

static int fail(bsl_error *err, int code, const cursor *c, const char *msg)
{
    bsl_error_set(err, code, "%s", msg);
    if (err) {
        err->line = c->line;
        err->column = c->column;
        err->offset = c->i;
    }
    return code;
}

/* A quoted cell, the cursor on its opening quote. */
static int quoted_cell(cursor *c, char delim, bsl_buf *out, bsl_error *err)
{
    cursor open = *c;
    advance(c);
    for (;;) {
        if (c->i >= c->len)
            return fail(err, BSL_ERR_SYNTAX, &open, "a quoted cell is not closed");
        if (c->text[c->i] == '"') {
            advance(c);
            if (c->i < c->len && c->text[c->i] == '"') {
                bsl_buf_putc(out, '"');
                advance(c);
                continue;
            }
            if (c->i < c->len && c->text[c->i] != delim)
                return fail(err, BSL_ERR_SYNTAX, c,
                            "a quoted cell must end at its closing quote (write \"\" for a quote inside it)");
            return BSL_OK;
        }
        bsl_buf_putc(out, c->text[c->i]);
        advance(c);
    }
}

static int plain_cell(cursor *c, char delim, bsl_buf *out, bsl_error *err)
{
    size_t from = c->i;
    while (c->i < c->len && c->text[c->i] != delim) {
        if (c->text[c->i] == '"')
            return fail(err, BSL_ERR_SYNTAX, c,
                        "a quote inside an unquoted cell (quote the whole cell and double the quote)");
        advance(c);
    }
    bsl_buf_append(out, c->text + from, c->i - from);
    return BSL_OK;
}

int bsl_csv_split(const char *text, size_t len, char delim, unsigned first_line, bsl_buf *out,
                  bsl_csv_cell *cells, size_t max_cells, size_t *count, bsl_error *err)
{
    cursor c;
    size_t n = 0;
    int rc;
    c.text = text;
    c.len = len;
    c.i = 0;
    c.line = first_line;
    c.column = 1;
    out->len = 0;
    out->failed = 0;
    for (;;) {
        bsl_csv_cell *cell;
        if (n == max_cells)
            return fail(err, BSL_ERR_VALUE, &c, "more cells than the header has columns");
        cell = &cells[n++];
        cell->start = out->len;
        cell->line = c.line;
        cell->column = c.column;
        cell->quoted = c.i < len && text[c.i] == '"';
        rc = cell->quoted ? quoted_cell(&c, delim, out, err) : plain_cell(&c, delim, out, err);
        if (rc) /* a failed append makes any later error a consequence of it */
            return out->failed ? bsl_error_set(err, BSL_ERR_NOMEM, "out of memory") : rc;
        cell->len = out->len - cell->start;
        bsl_buf_putc(out, '\0');
        if (c.i >= len)
            break;
        advance(&c); /* the delimiter */
    }
    if (out->failed)
        return bsl_error_set(err, BSL_ERR_NOMEM, "out of memory");
    *count = n;
    return BSL_OK;
}
