/* bsl_render(): dispatch to a renderer and hand out the bytes. The buffer
 * carries a copy of the allocator in front of the text, so that
 * bsl_render_free() needs nothing else (the result may be gone by then). */
#include "render.h"
#include "alloc.h"
#include "error.h"

#include <stdalign.h>
#include <string.h>

#define HEADER_SIZE ((sizeof(bsl_allocator) + alignof(max_align_t) - 1) & ~(alignof(max_align_t) - 1))

int bsl_render(char **out, size_t *out_len, const bsl_result *r, bsl_format format,
               bsl_lang lang, bsl_error *err)
{
    static const char zeros[HEADER_SIZE];
    bsl_buf b;
    char *data;
    size_t len;

    bsl_error_clear(err);
    if (out)
        *out = NULL;
    if (out_len)
        *out_len = 0;
    if (!out || !r || (format != BSL_FORMAT_JSON && format != BSL_FORMAT_TEXT) ||
        (lang != BSL_LANG_FR && lang != BSL_LANG_EN))
        return bsl_error_set(err, BSL_ERR_ARG, "bsl_render: bad argument");
    bsl_buf_init(&b, &r->alloc);
    bsl_buf_append(&b, zeros, HEADER_SIZE);
    if (format == BSL_FORMAT_JSON)
        bsl_render_json(&b, r, lang);
    else
        bsl_render_text(&b, r, lang);
    data = bsl_buf_take(&b, &len);
    if (!data)
        return bsl_error_set(err, BSL_ERR_NOMEM, "out of memory");
    memcpy(data, &r->alloc, sizeof r->alloc);
    *out = data + HEADER_SIZE;
    if (out_len)
        *out_len = len - HEADER_SIZE;
    return BSL_OK;
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
