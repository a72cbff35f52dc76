/* A what-if plan as the document "boussole-whatif/1" (JSON), as text and
 * as Markdown (doc/whatif-format.md), and bsl_whatif_render(). */
#include "whatif.h"
#include "json_writer.h"
#include "render.h"
#include "error.h"

#include <string.h>

#define NBSP "\xc2\xa0"
#define ARROW " \xe2\x86\x92 " /* U+2192 */

/* ---- JSON ------------------------------------------------------------------ */

static void number(bsl_jw *w, const char *k, double v, int assessed)
{
    bsl_jw_key(w, k);
    if (assessed)
        bsl_buf_decimal1(w->b, v, 0, 1);
    else
        bsl_buf_puts(w->b, "null");
}

/* The lowest verdict and score over the frameworks: what "after" reports,
 * the plan being only as good as its worst framework. */
static wi_after worst_after(const bsl_whatif_plan *p)
{
    wi_after a = p->after[0];
    size_t f;
    for (f = 1; f < p->framework_count; f++) {
        if (p->after[f].verdict < a.verdict)
            a.verdict = p->after[f].verdict;
        if (!p->after[f].assessed || p->after[f].score < a.score)
            a.score = p->after[f].score;
        a.assessed &= p->after[f].assessed;
    }
    return a;
}

static void render_json(bsl_buf *b, const bsl_whatif_plan *p, bsl_lang lang, int compact)
{
    wi_after worst = worst_after(p);
    bsl_jw w;
    size_t i;
    bsl_jw_begin(&w, b, compact);
    bsl_jw_str(&w, "format", "boussole-whatif/1");
    bsl_jw_str(&w, "lang", lang == BSL_LANG_FR ? "fr" : "en");
    bsl_jw_open(&w, "usecase", '{');
    bsl_jw_str(&w, "id", p->usecase_id);
    bsl_jw_str(&w, "title", p->usecase_title);
    bsl_jw_close(&w, '}');
    bsl_jw_str(&w, "target", bsl_verdict_token(p->target));
    if (p->limit_reached && !p->reachable)
        bsl_jw_raw(&w, "reachable", NULL); /* unknown: the search stopped first */
    else
        bsl_jw_bool(&w, "reachable", p->reachable);
    bsl_jw_key(&w, "max_changes");
    bsl_buf_uint(w.b, p->max_changes);
    bsl_jw_bool(&w, "search_limit_reached", p->limit_reached);
    bsl_jw_open(&w, "changes", '[');
    for (i = 0; i < p->change_count; i++) {
        const wi_change *c = &p->changes[i];
        bsl_jw_open(&w, NULL, '{');
        bsl_jw_str(&w, "fact", c->fact);
        bsl_jw_str(&w, "criterion", c->criterion);
        bsl_jw_raw(&w, "from", c->from);
        bsl_jw_raw(&w, "to", c->to);
        number(&w, "gain", c->gain, 1);
        bsl_jw_str(&w, "remediation", c->remediation->s[lang]);
        bsl_jw_close(&w, '}');
    }
    bsl_jw_close(&w, ']');
    bsl_jw_open(&w, "after", '{');
    bsl_jw_str(&w, "verdict", bsl_verdict_token(worst.verdict));
    number(&w, "score", worst.score, worst.assessed);
    bsl_jw_close(&w, '}');
    bsl_jw_open(&w, "after_by_framework", '[');
    for (i = 0; i < p->framework_count; i++) {
        bsl_jw_open(&w, NULL, '{');
        bsl_jw_str(&w, "framework", p->after[i].fw->id);
        bsl_jw_str(&w, "verdict", bsl_verdict_token(p->after[i].verdict));
        number(&w, "score", p->after[i].score, p->after[i].assessed);
        bsl_jw_close(&w, '}');
    }
    bsl_jw_close(&w, ']');
    bsl_jw_open(&w, "blocked_by", '[');
    for (i = 0; i < p->blocked_count; i++)
        bsl_jw_str(&w, NULL, p->blocked[i]);
    bsl_jw_close(&w, ']');
    bsl_jw_open(&w, "provenance", '{');
    bsl_jw_open(&w, "frameworks", '[');
    for (i = 0; i < p->framework_count; i++) {
        const bsl_framework *fw = p->after[i].fw;
        bsl_jw_open(&w, NULL, '{');
        bsl_jw_str(&w, "id", fw->id);
        bsl_jw_str(&w, "version", fw->version);
        bsl_jw_str(&w, "sha256", fw->sha256);
        bsl_jw_close(&w, '}');
    }
    bsl_jw_close(&w, ']');
    bsl_render_json_provenance(&w, p->after[0].fw->vocab);
    bsl_jw_close(&w, '}');
    bsl_jw_end(&w);
}

/* ---- text and Markdown ------------------------------------------------------ */

typedef struct words {
    const char *reach, *open_q, *close_q, *colon, *already, *unreachable, *after, *score, *points,
        *not_answered, *change_one, *change_many, *fact, *criterion, *now, *to, *gain, *usecase, *remediation, *too_many,
        *limit, *limit_unknown, *limit_unknown_end, *limit_found;
} words;

static const words fr = {
    "Pour atteindre", "«" NBSP, NBSP "»", NBSP ": ", "Le cas d'usage l'atteint déjà.",
    "Inatteignable en changeant seulement des faits modifiables. Bloqué par", "Après", "score",
    "points", "non renseigné", "changement", "changements", "Fait", "Critère", "Maintenant",
    "À atteindre", "Points", "Cas d'usage", "Remédiation",
    "Aucun plan ne l'atteint en au plus ",
    "Limite de recherche atteinte",
    "on ne sait pas s'il est atteignable : aucun plan de moins de ",
    " ne l'atteint, les plans plus grands n'ont pas tous été examinés.",
    "ce plan a le moins de changements possible, mais un autre plan d'autant de changements pourrait "
    "donner un meilleur score.",
};
static const words en = {
    "To reach", "\"", "\"", ": ", "The use-case already reaches it.",
    "Unreachable by changing only facts that can change. Blocked by", "After", "score", "points",
    "not answered", "change", "changes", "Fact", "Criterion", "Now", "To reach", "Points", "Use-case",
    "Remediation", "No plan reaches it in at most ",
    "Search limit reached",
    "whether it can be reached is unknown: no plan of fewer than ",
    " reaches it, larger plans were not all searched.",
    "this plan has the fewest changes, but another plan of as many changes may give a better score.",
};

static void put(bsl_buf *b, const char *s) { bsl_buf_puts(b, s); }

/* Text that comes from the use-case or a framework, for the format. */
static void put_untrusted(bsl_buf *b, const char *s, bsl_format format)
{
    if (format == BSL_FORMAT_MARKDOWN)
        bsl_buf_put_markdown(b, s);
    else
        bsl_buf_put_untrusted(b, s);
}

static void signed_points(bsl_buf *b, double v, bsl_lang lang)
{
    if (v >= 0.05)
        bsl_buf_putc(b, '+');
    bsl_buf_decimal1(b, v, lang == BSL_LANG_FR, 1);
}

static void after_line(bsl_buf *b, const bsl_whatif_plan *p, const words *w, bsl_lang lang, bsl_format format)
{
    size_t f;
    for (f = 0; f < p->framework_count; f++) {
        const wi_after *a = &p->after[f];
        put(b, format == BSL_FORMAT_MARKDOWN ? "\n**" : "\n");
        put(b, w->after);
        if (p->framework_count > 1) {
            put(b, " (");
            put_untrusted(b, a->fw->id, format);
            put(b, ")");
        }
        put(b, format == BSL_FORMAT_MARKDOWN ? "**" : "");
        put(b, w->colon);
        put(b, bsl_verdict_label(a->verdict, lang));
        put(b, ", ");
        put(b, w->score);
        put(b, " ");
        if (a->assessed)
            bsl_buf_decimal1(b, a->score, lang == BSL_LANG_FR, 1);
        else
            put(b, "\xe2\x80\x94");
        put(b, format == BSL_FORMAT_MARKDOWN ? "\n" : "");
    }
    put(b, "\n");
}

static void change_text(bsl_buf *b, const wi_change *c, size_t i, const words *w, bsl_lang lang)
{
    put(b, "  ");
    bsl_buf_uint(b, i + 1);
    put(b, ". ");
    put(b, c->fact);
    put(b, " (");
    put(b, c->criterion);
    put(b, ")");
    put(b, w->colon);
    if (c->from)
        bsl_buf_put_untrusted(b, c->from);
    else
        put(b, w->not_answered);
    put(b, ARROW);
    put(b, c->to);
    put(b, " (");
    signed_points(b, c->gain, lang);
    put(b, " ");
    put(b, w->points);
    put(b, ")\n     ");
    bsl_buf_put_untrusted(b, c->remediation->s[lang]);
    put(b, "\n");
}

static void change_markdown(bsl_buf *b, const wi_change *c, const words *w, bsl_lang lang)
{
    put(b, "| `");
    put(b, c->fact);
    put(b, "` | ");
    put(b, c->criterion);
    put(b, " | ");
    if (c->from)
        bsl_buf_put_markdown(b, c->from);
    else
        put(b, w->not_answered);
    put(b, " | ");
    bsl_buf_put_markdown(b, c->to);
    put(b, " | ");
    signed_points(b, c->gain, lang);
    put(b, " | ");
    bsl_buf_put_markdown(b, c->remediation->s[lang]);
    put(b, " |\n");
}

void bsl__whatif_limit_line(bsl_buf *b, const bsl_whatif_plan *p, bsl_lang lang, bsl_format format)
{
    const words *w = lang == BSL_LANG_FR ? &fr : &en;
    put(b, format == BSL_FORMAT_HTML ? "<p><strong>" : format == BSL_FORMAT_MARKDOWN ? "**" : "");
    put(b, w->limit);
    put(b, format == BSL_FORMAT_HTML ? "</strong>" : format == BSL_FORMAT_MARKDOWN ? "**" : "");
    put(b, w->colon);
    if (p->reachable) {
        put(b, w->limit_found);
    } else {
        put(b, w->limit_unknown);
        bsl_buf_uint(b, p->complete_below);
        put(b, " ");
        put(b, p->complete_below > 1 ? w->change_many : w->change_one);
        put(b, w->limit_unknown_end);
    }
    put(b, format == BSL_FORMAT_HTML ? "</p>\n" : format == BSL_FORMAT_MARKDOWN ? "\n\n" : "\n");
}

void bsl__whatif_render_section(bsl_buf *b, const bsl_whatif_plan *p, bsl_lang lang, bsl_format format)
{
    const words *w = lang == BSL_LANG_FR ? &fr : &en;
    size_t i;
    put(b, format == BSL_FORMAT_MARKDOWN ? "## " : "");
    put(b, w->reach);
    put(b, " ");
    put(b, w->open_q);
    put(b, bsl_verdict_label(p->target, lang));
    put(b, w->close_q);
    put(b, format == BSL_FORMAT_MARKDOWN ? "\n\n" : "\n");
    if (p->limit_reached)
        bsl__whatif_limit_line(b, p, lang, format);
    if (!p->reachable && p->limit_reached) {
        /* said by the line above */
    } else if (!p->reachable && !p->blocked_count) {
        put(b, w->too_many);
        bsl_buf_uint(b, p->max_changes);
        put(b, " ");
        put(b, w->change_many);
        put(b, ".\n");
    } else if (!p->reachable) {
        put(b, w->unreachable);
        put(b, w->colon);
        for (i = 0; i < p->blocked_count; i++) {
            put(b, i ? ", " : "");
            put(b, format == BSL_FORMAT_MARKDOWN ? "`" : "");
            put(b, p->blocked[i]);
            put(b, format == BSL_FORMAT_MARKDOWN ? "`" : "");
        }
        put(b, ".\n");
    } else if (!p->change_count) {
        put(b, w->already);
        put(b, "\n");
    } else {
        bsl_buf_uint(b, p->change_count);
        put(b, " ");
        put(b, p->change_count > 1 ? w->change_many : w->change_one);
        put(b, format == BSL_FORMAT_MARKDOWN ? "\n\n" : lang == BSL_LANG_FR ? NBSP ":" : ":");
        if (format == BSL_FORMAT_MARKDOWN) {
            put(b, "| ");
            put(b, w->fact);
            put(b, " | ");
            put(b, w->criterion);
            put(b, " | ");
            put(b, w->now);
            put(b, " | ");
            put(b, w->to);
            put(b, " | ");
            put(b, w->gain);
            put(b, " | ");
            put(b, w->remediation);
            put(b, " |\n|---|---|---|---|---:|---|\n");
        } else {
            put(b, "\n");
        }
        for (i = 0; i < p->change_count; i++) {
            if (format == BSL_FORMAT_MARKDOWN)
                change_markdown(b, &p->changes[i], w, lang);
            else
                change_text(b, &p->changes[i], i, w, lang);
        }
    }
    after_line(b, p, w, lang, format);
}

void bsl__whatif_report_section(bsl_buf *b, const bsl_result *r, bsl_lang lang, bsl_format format,
                                const bsl_whatif_options *opts)
{
    bsl_whatif_plan *p;
    int rc = bsl__whatif_of_result(&p, r, opts);
    if (rc) {
        if (!b->failed)
            b->failed = rc;
        return;
    }
    if (!p)
        return;
    put(b, "\n");
    bsl__whatif_render_section(b, p, lang, format);
    bsl_whatif_free(p);
    /* The Markdown section ends with a blank line; the next heading brings its own. */
    if (format == BSL_FORMAT_MARKDOWN && !b->failed && b->len >= 2 && b->data[b->len - 1] == '\n' &&
        b->data[b->len - 2] == '\n')
        b->data[--b->len] = '\0';
}

static void render_document(bsl_buf *b, const bsl_whatif_plan *p, bsl_lang lang, bsl_format format)
{
    const words *w = lang == BSL_LANG_FR ? &fr : &en;
    put(b, format == BSL_FORMAT_MARKDOWN ? "# " : "");
    put(b, w->usecase);
    put(b, w->colon);
    put_untrusted(b, p->usecase_title, format);
    put(b, " (");
    put_untrusted(b, p->usecase_id, format);
    put(b, ")\n\n");
    bsl__whatif_render_section(b, p, lang, format);
}

int bsl_whatif_render(char **out, size_t *out_len, const bsl_whatif_plan *p, bsl_format format, bsl_lang lang,
                      bsl_error *err)
{
    bsl_buf b;
    bsl_error_clear(err);
    if (out)
        *out = NULL;
    if (out_len)
        *out_len = 0;
    if (!out || !p ||
        (format != BSL_FORMAT_JSON && format != BSL_FORMAT_JSON_COMPACT && format != BSL_FORMAT_TEXT &&
         format != BSL_FORMAT_MARKDOWN) ||
        (lang != BSL_LANG_FR && lang != BSL_LANG_EN))
        return bsl_error_set(err, BSL_ERR_ARG, "bsl_whatif_render: bad argument");
    bsl_handout_init(&b, &p->alloc);
    if (format == BSL_FORMAT_JSON || format == BSL_FORMAT_JSON_COMPACT)
        render_json(&b, p, lang, format == BSL_FORMAT_JSON_COMPACT);
    else
        render_document(&b, p, lang, format);
    if (bsl_handout_take(&b, out, out_len) != BSL_OK)
        return bsl_error_set(err, BSL_ERR_NOMEM, "out of memory");
    return BSL_OK;
}
