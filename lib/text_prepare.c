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
 * piece past its value (issue 14).
 *
 * Such a line, marker to justification, is then the same in every report;
 * so is its wrapping at the default width without colour (a line with a
 * marker continues under its text whatever came before), written here too
 * by the wrap itself, so that the renderer copies it without wrapping it
 * again: the wrap was two thirds of the report's cost.
 *
 * The pieces are plain bsl_frag, so that a framework compiled into tables
 * at build time (lib/tools/gen_tables.c) carries them as the loader wrote
 * them. */
#include "framework.h"
#include "render.h"
#include "text_wrap.h"

const char *bsl_text_marker(const bsl_indicator *ind, int red_line, int not_applicable,
                            int missing, double points)
{
    return red_line ? "      [!!] " : not_applicable ? "      [--] "
         : missing ? "      [??] " : ind->weight.value == 0 ? "      [  ] "
         : points >= ind->maximum ? "      [ok] " : "      [..] ";
}

/* scratch[0..len) kept in the arena as *f. */
static int keep(bsl_framework *fw, const bsl_buf *scratch, bsl_frag *f)
{
    char *s;
    if (scratch->failed)
        return BSL_ERR_NOMEM;
    s = bsl_arena_strndup(&fw->arena, scratch->data ? scratch->data : "", scratch->len);
    if (!s)
        return BSL_ERR_NOMEM;
    f->s = s;
    f->len = scratch->len;
    return BSL_OK;
}

/* The logical line in line, wrapped to the default width without colour,
 * kept as *f. */
static int wrapped(bsl_framework *fw, bsl_buf *scratch, const bsl_buf *line, bsl_frag *f)
{
    scratch->len = 0;
    if (line->failed)
        return BSL_ERR_NOMEM;
    bsl_text_wrap(scratch, line->data, line->len, BSL_TEXT_WIDTH, 0);
    return keep(fw, scratch, f);
}

/* The whole line of outcome o in lang, wrapped (its text_tail written). */
static int outcome_line(bsl_framework *fw, bsl_buf *scratch, const bsl_indicator *ind,
                        bsl_outcome_def *o, bsl_lang lang)
{
    bsl_buf line;
    int rc;
    bsl_buf_init(&line, &fw->cfg.alloc);
    bsl_buf_append(&line, bsl_text_marker(ind, o->red_line, 0, 0, o->points.value), 11);
    bsl_buf_append(&line, ind->fact, ind->fact_len);
    bsl_buf_frag(&line, &o->text_tail[lang]);
    rc = wrapped(fw, scratch, &line, &o->text_line[lang]);
    bsl_buf_release(&line);
    return rc;
}

/* The colon of the report in each language (render_text.c's words). */
static const bsl_frag colons[2] = {
    { BSL_TEXT_COLON_FR, sizeof BSL_TEXT_COLON_FR - 1 },
    { BSL_TEXT_COLON_EN, sizeof BSL_TEXT_COLON_EN - 1 },
};

/* A remediation's line, "  - C1, fact: text", as render_text.c writes it
 * for text t of ind in lang, wrapped; nothing when t has no text. */
static int remediation_line(bsl_framework *fw, bsl_buf *scratch, const bsl_indicator *ind,
                            const bsl_text *t, bsl_lang lang, bsl_frag *f)
{
    bsl_buf line;
    int rc;
    if (!t->s[lang])
        return BSL_OK;
    bsl_buf_init(&line, &fw->cfg.alloc);
    bsl_buf_append(&line, "  - ", 4);
    bsl_buf_puts(&line, ind->criterion_id);
    bsl_buf_append(&line, ", ", 2);
    bsl_buf_append(&line, ind->fact, ind->fact_len);
    bsl_buf_frag(&line, &colons[lang]);
    bsl_buf_puts(&line, t->s[lang]);
    rc = wrapped(fw, scratch, &line, f);
    bsl_buf_release(&line);
    return rc;
}

/* One outcome's tail in lang, in scratch, then kept in the arena. */
static int outcome_tail(bsl_framework *fw, bsl_buf *scratch, const bsl_indicator *ind,
                        bsl_outcome_def *o, bsl_lang lang)
{
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
    if (keep(fw, scratch, &o->text_tail[lang]))
        return BSL_ERR_NOMEM;
    return o->value_json ? outcome_line(fw, scratch, ind, o, lang) : BSL_OK;
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
        for (lang = 0; lang < 2 && !rc; lang++)
            rc = remediation_line(fw, &scratch, ind, &ind->remediation, (bsl_lang)lang,
                                  &ind->text_remediation[lang]) ||
                 remediation_line(fw, &scratch, ind, &ind->answer_text, (bsl_lang)lang,
                                  &ind->text_answer[lang]);
    }
    bsl_buf_release(&scratch);
    return rc;
}
