/* bsl_render(): dispatch to a renderer and hand out the bytes. The buffer
 * carries a copy of the allocator in front of the text, so that
 * bsl_render_free() needs nothing else (the result may be gone by then).
 * bsl_evaluate_lines() hands out its output the same way. */
#include "render.h"
#include "alloc.h"
#include "error.h"

#include <stdalign.h>
#include <string.h>

#define HEADER_SIZE ((sizeof(bsl_allocator) + alignof(max_align_t) - 1) & ~(alignof(max_align_t) - 1))

void bsl_handout_init(bsl_buf *b, const bsl_allocator *alloc)
{
    static const char zeros[HEADER_SIZE];
    bsl_buf_init(b, alloc);
    bsl_buf_append(b, zeros, HEADER_SIZE);
}

int bsl_handout_take(bsl_buf *b, char **out, size_t *out_len)
{
    const bsl_allocator *alloc = b->alloc;
    size_t len;
    char *data = bsl_buf_take(b, &len);
    *out = NULL;
    if (out_len)
        *out_len = 0;
    if (!data)
        return BSL_ERR_NOMEM;
    memcpy(data, alloc, sizeof *alloc);
    *out = data + HEADER_SIZE;
    if (out_len)
        *out_len = len - HEADER_SIZE;
    return BSL_OK;
}

int bsl_render_options_init(bsl_render_options *opts, unsigned version)
{
    static const bsl_render_options defaults = BSL_RENDER_OPTIONS_INIT;
    if (!opts || version != BSL_RENDER_OPTIONS_VERSION)
        return BSL_ERR_ARG;
    *opts = defaults;
    return BSL_OK;
}

#define MIN_WIDTH 40 /* narrower, the indented items would hold a word a line */

int bsl_render_with_options(char **out, size_t *out_len, const bsl_result *r, bsl_format format,
                            bsl_lang lang, const bsl_render_options *opts, bsl_error *err)
{
    static const bsl_render_options defaults = BSL_RENDER_OPTIONS_INIT;
    size_t width;
    int plan;
    bsl_buf b;

    bsl_error_clear(err);
    if (out)
        *out = NULL;
    if (out_len)
        *out_len = 0;
    if (!opts)
        opts = &defaults;
    if (!out || !r ||
        (format != BSL_FORMAT_JSON && format != BSL_FORMAT_TEXT &&
         format != BSL_FORMAT_JSON_COMPACT && format != BSL_FORMAT_MARKDOWN &&
         format != BSL_FORMAT_HTML && format != BSL_FORMAT_SVG) ||
        (lang != BSL_LANG_FR && lang != BSL_LANG_EN) ||
        opts->version != BSL_RENDER_OPTIONS_VERSION || (opts->flags & ~(BSL_RENDER_COLOR | BSL_RENDER_NO_PLAN)))
        return bsl_error_set(err, BSL_ERR_ARG, "bsl_render: bad argument");
    width = opts->width == 0 ? BSL_TEXT_WIDTH : opts->width < MIN_WIDTH ? MIN_WIDTH : opts->width;
    plan = !(opts->flags & BSL_RENDER_NO_PLAN);
    bsl_handout_init(&b, &r->alloc);
    if (format == BSL_FORMAT_TEXT)
        bsl_render_text(&b, r, lang, width, (opts->flags & BSL_RENDER_COLOR) != 0, plan);
    else if (format == BSL_FORMAT_MARKDOWN)
        bsl_render_markdown(&b, r, lang, plan);
    else if (format == BSL_FORMAT_HTML)
        bsl_render_html(&b, r, lang, plan);
    else if (format == BSL_FORMAT_SVG)
        bsl_render_svg(&b, r, lang, 1);
    else
        bsl_render_json(&b, r, lang, format == BSL_FORMAT_JSON_COMPACT);
    if (bsl_handout_take(&b, out, out_len) != BSL_OK)
        return bsl_error_set(err, BSL_ERR_NOMEM, "out of memory");
    return BSL_OK;
}

int bsl_render(char **out, size_t *out_len, const bsl_result *r, bsl_format format,
               bsl_lang lang, bsl_error *err)
{
    return bsl_render_with_options(out, out_len, r, format, lang, NULL, err);
}

void bsl_render_free(char *buf)
{
    bsl_allocator alloc;
    char *block;
    if (!buf)
        return;
    block = buf - HEADER_SIZE;
    memcpy(&alloc, block, sizeof alloc);
    bsl_free(&alloc, block);
}
