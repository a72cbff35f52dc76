/* bsl_evaluate_lines(): a register in one call. JSON Lines in (one use-case
 * per line), JSON Lines out (one compact result or error record per
 * use-case, in input order), so that bindings cross the C boundary once
 * per batch rather than once per accessor. */
#include "render.h"
#include "alloc.h"
#include "error.h"
#include "options.h"

#include <string.h>

/* The token of an error record's "name": the bsl_status name in lower
 * case without the BSL_ERR_ prefix (documented in doc/result-format.md). */
const char *bsl_status_name(int code)
{
    switch (code) {
    case BSL_ERR_NOMEM: return "nomem";
    case BSL_ERR_ARG: return "arg";
    case BSL_ERR_IO: return "io";
    case BSL_ERR_LIMIT: return "limit";
    case BSL_ERR_SYNTAX: return "syntax";
    case BSL_ERR_TYPE: return "type";
    case BSL_ERR_ENUM: return "enum";
    case BSL_ERR_MISSING: return "missing";
    case BSL_ERR_VALUE: return "value";
    case BSL_ERR_NOTFOUND: return "notfound";
    default: return "unknown";
    }
}

static void put_int(bsl_buf *b, long long v)
{
    if (v < 0) {
        bsl_buf_putc(b, '-');
        bsl_buf_uint(b, (unsigned long long)(-(v + 1)) + 1u);
    } else {
        bsl_buf_uint(b, (unsigned long long)v);
    }
}

/* A bsl_error field as a JSON string: error.c keeps message and path
 * valid UTF-8 even when a fixed-size field cut them, so they go out as
 * they are. */
static void put_error_string(bsl_buf *b, const char *text)
{
    bsl_buf_json_string(b, text, strlen(text));
}

/* {"index":N,"input_line":L,"error":{"code":C,"name":"...","message":"...",
 *  "line":l,"column":c,"path":"..."}} and a newline. */
void bsl_render_error_record(bsl_buf *b, size_t index, size_t input_line, const bsl_error *e)
{
    bsl_buf_puts(b, "{\"index\":");
    bsl_buf_uint(b, index);
    bsl_buf_puts(b, ",\"input_line\":");
    bsl_buf_uint(b, input_line);
    bsl_buf_puts(b, ",\"error\":{\"code\":");
    put_int(b, e->code);
    bsl_buf_puts(b, ",\"name\":");
    bsl_buf_json_string(b, bsl_status_name(e->code), strlen(bsl_status_name(e->code)));
    bsl_buf_puts(b, ",\"message\":");
    put_error_string(b, e->message);
    bsl_buf_puts(b, ",\"line\":");
    bsl_buf_uint(b, e->line);
    bsl_buf_puts(b, ",\"column\":");
    bsl_buf_uint(b, e->column);
    bsl_buf_puts(b, ",\"path\":");
    put_error_string(b, e->path);
    bsl_buf_puts(b, "}}\n");
}

static int is_blank(const char *s, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
            return 0;
    return 1;
}

int bsl_evaluate_lines(char **out, size_t *out_len, const bsl_framework *fw,
                       const char *buf, size_t len, bsl_lang lang,
                       const bsl_options *opts, size_t *error_count, bsl_error *err)
{
    bsl_config cfg;
    bsl_buf b;
    size_t pos = 0, line_no = 0, index = 0, errors = 0;
    int rc;

    bsl_error_clear(err);
    if (out)
        *out = NULL;
    if (out_len)
        *out_len = 0;
    if (error_count)
        *error_count = 0;
    if (!out || !fw || (!buf && len) || (lang != BSL_LANG_FR && lang != BSL_LANG_EN))
        return bsl_error_set(err, BSL_ERR_ARG, "bsl_evaluate_lines: bad argument");
    /* Checked once here, so that a per-line failure can only be about the
     * use-case on that line (or memory). */
    if ((rc = bsl_config_init(&cfg, opts, err)))
        return rc;

    bsl_handout_init(&b, &cfg.alloc);
    while (pos < len && !b.failed) {
        const char *line = buf + pos;
        const char *nl = memchr(line, '\n', len - pos);
        size_t n = nl ? (size_t)(nl - line) : len - pos;
        bsl_result *r;
        bsl_error e;

        pos += n + (nl ? 1 : 0);
        line_no++;
        if (n && line[n - 1] == '\r')
            n--;
        if (is_blank(line, n))
            continue;
        rc = bsl_evaluate_json(&r, fw, line, n, opts, &e);
        if (rc == BSL_OK) {
            bsl_render_json(&b, r, lang, 1);
            bsl_result_free(r);
        } else if (rc == BSL_ERR_NOMEM) {
            bsl_buf_release(&b);
            return bsl_error_set(err, BSL_ERR_NOMEM, "out of memory");
        } else {
            bsl_render_error_record(&b, index, line_no, &e);
            errors++;
        }
        index++;
    }
    if (bsl_handout_take(&b, out, out_len) != BSL_OK)
        return bsl_error_set(err, BSL_ERR_NOMEM, "out of memory");
    if (error_count)
        *error_count = errors;
    return BSL_OK;
}
