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
    if (!opts || version < 1 || version > BSL_RENDER_OPTIONS_VERSION)
        return BSL_ERR_ARG;
    /* A caller compiled against version 1 has a struct without the later
     * fields: write only those of its version. */
    opts->version = version;
    opts->width = 0;
    opts->flags = 0;
    if (version >= 2)
        opts->plan_max_nodes = 0;
    return BSL_OK;
}

#define MIN_WIDTH 40 /* narrower, the indented items would hold a word a line */
#define KNOWN_FLAGS (BSL_RENDER_COLOR | BSL_RENDER_NO_PLAN)

/* The caller's options as the current version (defaults for the fields its
 * version does not have, which its struct does not hold either); BSL_OK,
 * or BSL_ERR_ARG for an unknown version or flag. */
static int copy_options(bsl_render_options *o, const bsl_render_options *opts)
{
    if (!opts)
        return BSL_OK;
    if (opts->version < 1 || opts->version > BSL_RENDER_OPTIONS_VERSION || (opts->flags & ~KNOWN_FLAGS))
        return BSL_ERR_ARG;
    o->width = opts->width;
    o->flags = opts->flags;
    if (opts->version >= 2)
        o->plan_max_nodes = opts->plan_max_nodes;
    return BSL_OK;
}

static void render_report(bsl_buf *b, const bsl_result *r, bsl_format format, bsl_lang lang,
                          const bsl_render_options *o)
{
    size_t width = o->width == 0 ? BSL_TEXT_WIDTH : o->width < MIN_WIDTH ? MIN_WIDTH : o->width;
    /* The plan of the reports: toward favorable, within the caller's budget. */
    bsl_whatif_options wo = BSL_WHATIF_OPTIONS_INIT;
    const bsl_whatif_options *plan = o->flags & BSL_RENDER_NO_PLAN ? NULL : &wo;
    wo.max_nodes = o->plan_max_nodes;
    if (format == BSL_FORMAT_TEXT)
        bsl_render_text(b, r, lang, width, (o->flags & BSL_RENDER_COLOR) != 0, plan);
    else if (format == BSL_FORMAT_MARKDOWN)
        bsl_render_markdown(b, r, lang, plan);
    else if (format == BSL_FORMAT_HTML)
        bsl_render_html(b, r, lang, plan);
    else if (format == BSL_FORMAT_SVG)
        bsl_render_svg(b, r, lang, 1);
    else
        bsl_render_json(b, r, lang, format == BSL_FORMAT_JSON_COMPACT);
}

int bsl_render_with_options(char **out, size_t *out_len, const bsl_result *r, bsl_format format,
                            bsl_lang lang, const bsl_render_options *opts, bsl_error *err)
{
    bsl_render_options o = BSL_RENDER_OPTIONS_INIT;
    bsl_buf b;

    bsl_error_clear(err);
    if (out)
        *out = NULL;
    if (out_len)
        *out_len = 0;
    if (!out || !r ||
        (format != BSL_FORMAT_JSON && format != BSL_FORMAT_TEXT &&
         format != BSL_FORMAT_JSON_COMPACT && format != BSL_FORMAT_MARKDOWN &&
         format != BSL_FORMAT_HTML && format != BSL_FORMAT_SVG) ||
        (lang != BSL_LANG_FR && lang != BSL_LANG_EN) || copy_options(&o, opts) != BSL_OK)
        return bsl_error_set(err, BSL_ERR_ARG, "bsl_render: bad argument");
    bsl_handout_init(&b, &r->alloc);
    render_report(&b, r, format, lang, &o);
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
