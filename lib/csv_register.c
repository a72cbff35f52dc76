/* A CSV register row becomes the use-case document the library already
 * reads, so that a CSV use-case is checked exactly as its JSON twin: the
 * only work here is typing each cell with the vocabulary (a boolean, a
 * number, a set) and pointing errors back at the cell. */
#include "csv_register.h"
#include "alloc.h"
#include "error.h"
#include "vocabulary.h"

#include <stdint.h>
#include <string.h>

typedef enum column_kind { COL_FIELD, COL_FACT, COL_EVIDENCE } column_kind;

typedef struct column {
    column_kind kind;
    int type;     /* COL_FACT: a bsl_fact_type, or -1 for a key nobody defines (sent as a string: reported unknown) */
    size_t name;  /* offset in names: the header cell */
    size_t key;   /* offset in names: the field or fact key */
    size_t path;  /* offset in paths: the JSON path of its value, e.g. "$.facts.hosting" */
} column;

struct bsl_csv_register {
    const bsl_allocator *alloc;
    char delim;
    column *cols;
    size_t ncols;
    char *names;          /* the header's cells, NUL-separated */
    size_t names_len;
    bsl_buf paths;
    bsl_csv_cell *cells;  /* the last row's cells, ncols of them */
    bsl_buf cellbuf;      /* their unescaped bytes */
    bsl_buf doc;          /* the last row's use-case document */
    unsigned row_line;
};

/* Use-case fields a column may fill (doc/usecase-format.md); the others
 * are facts, or evidence.<fact>. */
static const char *const fields[] = { "id", "title", "service", "description", "phase",
                                      "framework", "comments" };

static int is_field(const char *name)
{
    size_t i;
    for (i = 0; i < sizeof fields / sizeof *fields; i++)
        if (!strcmp(fields[i], name))
            return 1;
    return 0;
}

static int fact_type(const bsl_framework *fw, const char *key)
{
    size_t len = strlen(key), i = bsl_framework_find_fact(fw, key, len);
    if (i != SIZE_MAX)
        return (int)fw->indicators[i].type;
    if (fw->vocab && (i = bsl_vocabulary_find_key(fw->vocab, key, len)) != SIZE_MAX)
        return (int)fw->vocab->facts[i].type;
    return -1;
}

static int at_cell(bsl_error *err, int code, const bsl_csv_cell *cell)
{
    if (err) {
        err->line = cell->line;
        err->column = cell->column;
        err->offset = 0;
    }
    return code;
}

static int is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

/* s[0..*n) without its surrounding white space. */
static const char *trim(const char *s, size_t *n)
{
    while (*n && is_space(s[0])) {
        s++;
        (*n)--;
    }
    while (*n && is_space(s[*n - 1]))
        (*n)--;
    return s;
}

void bsl_csv_register_free(bsl_csv_register *reg)
{
    if (!reg)
        return;
    bsl_free(reg->alloc, reg->cols);
    bsl_free(reg->alloc, reg->names);
    bsl_free(reg->alloc, reg->cells);
    bsl_buf_release(&reg->paths);
    bsl_buf_release(&reg->cellbuf);
    bsl_buf_release(&reg->doc);
    bsl_free(reg->alloc, reg);
}

/* Kind, key and JSON path of column i, named by its header cell. */
static int read_column(bsl_csv_register *reg, const bsl_framework *fw, size_t i, bsl_error *err)
{
    column *col = &reg->cols[i];
    const bsl_csv_cell *cell = &reg->cells[i];
    const char *name = reg->names + cell->start;
    size_t j;
    col->name = cell->start;
    col->key = cell->start;
    if (!cell->len)
        return at_cell(err, bsl_error_set(err, BSL_ERR_VALUE, "a header cell is empty: every column needs a name"), cell);
    for (j = 0; j < i; j++)
        if (!strcmp(reg->names + reg->cols[j].name, name))
            return at_cell(err, bsl_error_set(err, BSL_ERR_VALUE, "column '%s' appears twice", name), cell);
    if (!strncmp(name, "evidence.", 9)) {
        col->kind = COL_EVIDENCE;
        col->key = cell->start + 9;
        if (!name[9])
            return at_cell(err, bsl_error_set(err, BSL_ERR_VALUE, "column 'evidence.' names no fact"), cell);
    } else {
        col->kind = is_field(name) ? COL_FIELD : COL_FACT;
    }
    col->type = col->kind == COL_FACT ? fact_type(fw, name) : -1;
    col->path = reg->paths.len;
    bsl_buf_puts(&reg->paths, col->kind == COL_FIELD ? "$" : col->kind == COL_FACT ? "$.facts" : "$.evidence");
    bsl_path_write_key(&reg->paths, reg->names + col->key);
    bsl_buf_putc(&reg->paths, '\0');
    return BSL_OK;
}

static int has_column(const bsl_csv_register *reg, const char *key)
{
    size_t i;
    for (i = 0; i < reg->ncols; i++)
        if (reg->cols[i].kind == COL_FIELD && !strcmp(reg->names + reg->cols[i].key, key))
            return 1;
    return 0;
}

static int read_header(bsl_csv_register *reg, const bsl_framework *fw, const char *text,
                       size_t len, unsigned line, bsl_error *err)
{
    /* A hostile header cannot make columns cost more than the facts a
     * use-case may hold anyway: each fact twice (value, evidence), plus
     * the fields. */
    size_t i, max = 2 * fw->cfg.max_facts + sizeof fields / sizeof *fields, n;
    int rc;
    reg->delim = bsl_csv_detect_delimiter(text, len);
    n = bsl_csv_count_cells(text, len, reg->delim);
    if (n > max) {
        bsl_error_set(err, BSL_ERR_LIMIT, "the header has %zu columns, more than the limit of %zu", n, max);
        if (err)
            err->line = line, err->column = 1;
        return BSL_ERR_LIMIT;
    }
    reg->cells = bsl_malloc(reg->alloc, n * sizeof *reg->cells);
    reg->cols = bsl_malloc(reg->alloc, n * sizeof *reg->cols);
    if (!reg->cells || !reg->cols)
        return bsl_error_set(err, BSL_ERR_NOMEM, "out of memory");
    if ((rc = bsl_csv_split(text, len, reg->delim, line, &reg->cellbuf, reg->cells, n, &reg->ncols, err)))
        return rc;
    for (i = 0; i < reg->ncols; i++) {
        size_t clen = reg->cells[i].len;
        char *s = reg->cellbuf.data + reg->cells[i].start;
        const char *t = trim(s, &clen);
        memmove(s, t, clen);
        s[clen] = '\0';
        reg->cells[i].len = clen;
    }
    reg->names = bsl_buf_take(&reg->cellbuf, &reg->names_len);
    if (!reg->names)
        return bsl_error_set(err, BSL_ERR_NOMEM, "out of memory");
    for (i = 0; i < reg->ncols; i++)
        if ((rc = read_column(reg, fw, i, err)))
            return rc;
    if (reg->paths.failed)
        return bsl_error_set(err, BSL_ERR_NOMEM, "out of memory");
    if (!has_column(reg, "id") || !has_column(reg, "title")) {
        bsl_error_set(err, BSL_ERR_MISSING, "the header has no '%s' column (a register needs id and title)",
                      has_column(reg, "id") ? "title" : "id");
        if (err)
            err->line = line, err->column = 1;
        return BSL_ERR_MISSING;
    }
    return BSL_OK;
}

int bsl_csv_register_new(bsl_csv_register **out, const bsl_framework *fw, const bsl_allocator *alloc,
                         const char *text, size_t len, unsigned line, bsl_error *err)
{
    bsl_csv_register *reg = bsl_malloc(alloc, sizeof *reg);
    int rc;
    *out = NULL;
    if (!reg)
        return bsl_error_set(err, BSL_ERR_NOMEM, "out of memory");
    memset(reg, 0, sizeof *reg);
    reg->alloc = alloc;
    bsl_buf_init(&reg->paths, alloc);
    bsl_buf_init(&reg->cellbuf, alloc);
    bsl_buf_init(&reg->doc, alloc);
    if ((rc = read_header(reg, fw, text, len, line, err))) {
        bsl_csv_register_free(reg);
        return rc;
    }
    *out = reg;
    return BSL_OK;
}

char bsl_csv_register_delimiter(const bsl_csv_register *reg) { return reg->delim; }

static int ascii_ieq(const char *s, size_t n, const char *word)
{
    size_t i;
    if (strlen(word) != n)
        return 0;
    for (i = 0; i < n; i++) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if (c != word[i])
            return 0;
    }
    return 1;
}

/* true/false, vrai/faux, oui/non in any case: 1, 0, or -1. */
static int boolean_of(const char *s, size_t n)
{
    if (ascii_ieq(s, n, "true") || ascii_ieq(s, n, "vrai") || ascii_ieq(s, n, "oui"))
        return 1;
    if (ascii_ieq(s, n, "false") || ascii_ieq(s, n, "faux") || ascii_ieq(s, n, "non"))
        return 0;
    return -1;
}

static size_t digits(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && s[i] >= '0' && s[i] <= '9')
        i++;
    return i;
}

/* A number with "." or "," as its decimal mark, written as a JSON number
 * (sign, no leading zeros, "." mark). 0 when s is not one. */
static int put_number(bsl_buf *b, const char *s, size_t n)
{
    size_t i = 0, int_len, frac_len = 0, exp_len = 0;
    const char *int_part, *frac = NULL;
    int negative = 0;
    if (i < n && (s[i] == '-' || s[i] == '+'))
        negative = s[i++] == '-';
    int_part = s + i;
    i += int_len = digits(s + i, n - i);
    if (i < n && (s[i] == '.' || s[i] == ',')) {
        frac = s + ++i;
        i += frac_len = digits(s + i, n - i);
    }
    if (!int_len && !frac_len)
        return 0;
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        size_t from = ++i;
        if (i < n && (s[i] == '-' || s[i] == '+'))
            i++;
        if (!digits(s + i, n - i))
            return 0;
        i += digits(s + i, n - i);
        exp_len = i - from;
    }
    if (i != n)
        return 0;
    if (negative)
        bsl_buf_putc(b, '-');
    while (int_len > 1 && int_part[0] == '0')
        int_part++, int_len--;
    if (int_len)
        bsl_buf_append(b, int_part, int_len);
    else
        bsl_buf_putc(b, '0');
    if (frac_len) {
        bsl_buf_putc(b, '.');
        bsl_buf_append(b, frac, frac_len);
    }
    if (exp_len) {
        bsl_buf_putc(b, 'e');
        bsl_buf_append(b, s + n - exp_len, exp_len);
    }
    return 1;
}

/* Members separated by "|", each trimmed; "[]" is the empty set. */
static int put_set(bsl_buf *b, const char *s, size_t n)
{
    size_t from = 0, i;
    int first = 1;
    bsl_buf_putc(b, '[');
    if (!(n == 2 && s[0] == '[' && s[1] == ']'))
        for (i = 0; i <= n; i++) {
            if (i < n && s[i] != '|')
                continue;
            {
                size_t len = i - from;
                const char *m = trim(s + from, &len);
                if (!len)
                    return 0;
                if (!first)
                    bsl_buf_putc(b, ',');
                bsl_buf_json_string(b, m, len);
                first = 0;
            }
            from = i + 1;
        }
    bsl_buf_putc(b, ']');
    return 1;
}

static int cell_error(const bsl_csv_register *reg, size_t i, int code, const char *what,
                      const char *s, size_t n, bsl_error *err)
{
    char cell[64];
    size_t len = n > 60 ? 60 : n;
    while (len < n && len > 0 && ((unsigned char)s[len] & 0xC0) == 0x80)
        len--; /* cut before a whole character, never inside one */
    memcpy(cell, s, len);
    cell[len] = '\0';
    bsl_error_set(err, code, "%s, not '%s' (column %s)", what, cell,
                  reg->names + reg->cols[i].name);
    bsl_error_set_path(err, reg->paths.data + reg->cols[i].path);
    return at_cell(err, code, &reg->cells[i]);
}

/* "key":value for fact column i, whose trimmed cell is s[0..n). */
static int put_fact(bsl_csv_register *reg, size_t i, const char *s, size_t n, bsl_error *err)
{
    bsl_buf *b = &reg->doc;
    int v;
    bsl_buf_json_string(b, reg->names + reg->cols[i].key, strlen(reg->names + reg->cols[i].key));
    bsl_buf_putc(b, ':');
    switch (reg->cols[i].type) {
    case BSL_FACT_BOOLEAN:
        if ((v = boolean_of(s, n)) < 0)
            return cell_error(reg, i, BSL_ERR_TYPE, "expected a boolean (true/false, vrai/faux, oui/non)", s, n, err);
        bsl_buf_puts(b, v ? "true" : "false");
        return BSL_OK;
    case BSL_FACT_NUMBER:
        if (!put_number(b, s, n))
            return cell_error(reg, i, BSL_ERR_TYPE, "expected a number (with '.' or ',' as decimal mark)", s, n, err);
        return BSL_OK;
    case BSL_FACT_SET:
        if (!put_set(b, s, n))
            return cell_error(reg, i, BSL_ERR_VALUE, "expected values separated by '|', without empty ones", s, n, err);
        return BSL_OK;
    default:
        bsl_buf_json_string(b, s, n);
        return BSL_OK;
    }
}

/* The members of one object ("facts" for COL_FACT, "evidence" for
 * COL_EVIDENCE, the top level for COL_FIELD), from the non-empty cells
 * of its columns; *first says whether a member was written yet. */
static int put_members(bsl_csv_register *reg, column_kind kind, int *first, bsl_error *err)
{
    size_t i;
    int rc;
    for (i = 0; i < reg->ncols; i++) {
        size_t n = reg->cells[i].len;
        const char *s = trim(reg->cellbuf.data + reg->cells[i].start, &n);
        const char *key = reg->names + reg->cols[i].key;
        /* An empty cell is not answered; an empty id or title is written
         * out, so the library says they must not be empty. */
        if (reg->cols[i].kind != kind || (!n && (kind != COL_FIELD || (strcmp(key, "id") && strcmp(key, "title")))))
            continue;
        if (!*first)
            bsl_buf_putc(&reg->doc, ',');
        *first = 0;
        if (kind == COL_FACT) {
            if ((rc = put_fact(reg, i, s, n, err)))
                return rc;
        } else {
            bsl_buf_json_string(&reg->doc, key, strlen(key));
            bsl_buf_putc(&reg->doc, ':');
            bsl_buf_json_string(&reg->doc, s, n);
        }
    }
    return BSL_OK;
}

static int has_kind(const bsl_csv_register *reg, column_kind kind)
{
    size_t i;
    for (i = 0; i < reg->ncols; i++)
        if (reg->cols[i].kind == kind)
            return 1;
    return 0;
}

static int row_document(bsl_csv_register *reg, const char *text, size_t len, unsigned line,
                        bsl_error *err);

int bsl_csv_register_row(bsl_csv_register *reg, const char *text, size_t len, unsigned line,
                         const char **doc, size_t *doc_len, bsl_error *err)
{
    int rc = row_document(reg, text, len, line, err);
    /* An error met after a failed append may be its consequence: memory
     * is the cause to report. */
    if (rc == BSL_OK && reg->doc.failed)
        rc = BSL_ERR_NOMEM;
    if (rc != BSL_OK && (reg->doc.failed || reg->cellbuf.failed))
        return bsl_error_set(err, BSL_ERR_NOMEM, "out of memory");
    if (rc)
        return rc;
    *doc = reg->doc.data;
    *doc_len = reg->doc.len;
    return BSL_OK;
}

static int row_document(bsl_csv_register *reg, const char *text, size_t len, unsigned line,
                        bsl_error *err)
{
    size_t n;
    int rc, first = 1;
    reg->row_line = line;
    if ((rc = bsl_csv_split(text, len, reg->delim, line, &reg->cellbuf, reg->cells, reg->ncols, &n, err)))
        return rc;
    if (n != reg->ncols) {
        bsl_error_set(err, BSL_ERR_VALUE, "the row has %zu cells, the header %zu columns", n, reg->ncols);
        return at_cell(err, BSL_ERR_VALUE, &reg->cells[n - 1]);
    }
    reg->doc.len = 0;
    reg->doc.failed = 0;
    bsl_buf_putc(&reg->doc, '{');
    if ((rc = put_members(reg, COL_FIELD, &first, err)))
        return rc;
    bsl_buf_puts(&reg->doc, first ? "\"facts\":{" : ",\"facts\":{");
    first = 1;
    if ((rc = put_members(reg, COL_FACT, &first, err)))
        return rc;
    bsl_buf_putc(&reg->doc, '}');
    if (has_kind(reg, COL_EVIDENCE)) {
        bsl_buf_puts(&reg->doc, ",\"evidence\":{");
        first = 1;
        if ((rc = put_members(reg, COL_EVIDENCE, &first, err)))
            return rc;
        bsl_buf_putc(&reg->doc, '}');
    }
    bsl_buf_putc(&reg->doc, '}');
    return BSL_OK;
}

/* Does JSON path p name the value at prefix, or something inside it? */
static int path_within(const char *p, const char *prefix)
{
    size_t n = strlen(prefix);
    return !strncmp(p, prefix, n) && (p[n] == '\0' || p[n] == '[' || p[n] == '.');
}

void bsl_csv_register_locate(const bsl_csv_register *reg, bsl_error *e)
{
    char msg[BSL_ERROR_MESSAGE_SIZE], path[BSL_ERROR_PATH_SIZE];
    size_t i;
    for (i = 0; i < reg->ncols; i++)
        if (e->path[0] && path_within(e->path, reg->paths.data + reg->cols[i].path))
            break;
    if (i == reg->ncols) {
        e->offset = 0;
        e->line = reg->row_line;
        e->column = 1;
        return;
    }
    /* Rewritten through bsl_error_set, which cuts a long message (keeping
     * it valid UTF-8) as every message is. */
    memcpy(msg, e->message, sizeof msg);
    memcpy(path, e->path, sizeof path);
    bsl_error_set(e, e->code, "%s (column %s)", msg, reg->names + reg->cols[i].name);
    bsl_error_set_path(e, path);
    at_cell(e, e->code, &reg->cells[i]);
}
