/* The text report's framework pieces, written once per framework at load.
 *
 * An indicator's line in the text report ends with its value and what its
 * matched outcome says: " (points/maximum)" when the indicator is weighted
 * and the outcome is no red line, the colon, and the justification. None
 * of it depends on the use-case but the value, and the value of a boolean
 * or enum fact is the outcome's own value_json, framework text; yet writing
 * it all took seven appends, three strlen() and a scan for control
 * characters per indicator, a fifth of the report's cost. render_text.c
 * now copies the piece written here in one append, or, for a value of the
 * use-case's own (a number, a set, a text), writes that value and the
 * piece past its value (issue 14). The pieces are plain bsl_frag, so that a framework compiled
 * into tables at build time (lib/tools/gen_tables.c) carries them as the
 * loader wrote them. */
#include "framework.h"
#include "render.h"

/* The colon of the report in each language (render_text.c's words). */
static const bsl_frag colons[2] = {
    { BSL_TEXT_COLON_FR, sizeof BSL_TEXT_COLON_FR - 1 },
    { BSL_TEXT_COLON_EN, sizeof BSL_TEXT_COLON_EN - 1 },
};

/* One outcome's tail in lang, in scratch, then kept in the arena. */
static int outcome_tail(bsl_framework *fw, bsl_buf *scratch, const bsl_indicator *ind,
                        bsl_outcome_def *o, bsl_lang lang)
{
    char *s;
    scratch->len = 0;
    if (o->value_json) {
        /* as the renderer writes a use-case's value, though a token */
        bsl_buf_append(scratch, " = ", 3);
        bsl_buf_put_untrusted(scratch, o->value_json);
    }
    o->text_value_len = scratch->len;
    if (ind->weight.value > 0 && !o->red_line) {
        bsl_buf_append(scratch, " (", 2);
        bsl_buf_puts(scratch, o->points.text);
        bsl_buf_putc(scratch, '/');
        bsl_buf_puts(scratch, ind->maximum_text);
        bsl_buf_putc(scratch, ')');
    }
    bsl_buf_frag(scratch, &colons[lang]);
    bsl_buf_puts(scratch, o->justification.s[lang]);
    if (scratch->failed)
        return BSL_ERR_NOMEM;
    s = bsl_arena_strndup(&fw->arena, scratch->data, scratch->len);
    if (!s)
        return BSL_ERR_NOMEM;
    o->text_tail[lang].s = s;
    o->text_tail[lang].len = scratch->len;
    return BSL_OK;
}

int bsl_framework_prepare_text(bsl_framework *fw)
{
    bsl_buf scratch;
    size_t i, k;
    int lang, rc = BSL_OK;
    bsl_buf_init(&scratch, &fw->cfg.alloc);
    for (i = 0; i < fw->indicator_count && !rc; i++) {
        bsl_indicator *ind = &fw->indicators[i];
        for (k = 0; k < ind->outcome_count && !rc; k++)
            for (lang = 0; lang < 2 && !rc; lang++)
                rc = outcome_tail(fw, &scratch, ind, &ind->outcomes[k], (bsl_lang)lang);
    }
    bsl_buf_release(&scratch);
    return rc;
}
