/* The JSON result (doc/result-format.md): 2-space indented (or compact: no
 * newline or indentation, ":" and "," without spaces), members in a
 * fixed order, numbers written without printf, so the same result always
 * gives the same bytes whatever the locale. */
#include "render.h"

#include <string.h>

typedef struct writer {
    bsl_buf *b;
    int depth;
    int first;     /* no member written yet at this level */
    int compact;   /* BSL_FORMAT_JSON_COMPACT: no newlines, no indentation */
} writer;

static void newline(writer *w)
{
    static const char spaces[] = "                                "; /* 32 */
    size_t left = 2 * (size_t)w->depth;
    if (w->compact)
        return;
    bsl_buf_putc(w->b, '\n');
    while (left) {
        size_t n = left < sizeof spaces - 1 ? left : sizeof spaces - 1;
        bsl_buf_append(w->b, spaces, n);
        left -= n;
    }
}

/* Start a member or element: comma, newline, indentation, "key": */
static void key(writer *w, const char *k)
{
    if (!w->first)
        bsl_buf_putc(w->b, ',');
    w->first = 0;
    newline(w);
    if (k) {
        bsl_buf_json_string(w->b, k, strlen(k));
        bsl_buf_append(w->b, ": ", w->compact ? 1 : 2);
    }
}

static void open_(writer *w, const char *k, char bracket)
{
    key(w, k);
    bsl_buf_putc(w->b, bracket);
    w->depth++;
    w->first = 1;
}

static void close_(writer *w, char bracket)
{
    int empty = w->first;
    w->depth--;
    if (!empty)
        newline(w);
    bsl_buf_putc(w->b, bracket);
    w->first = 0;
}

static void str(writer *w, const char *k, const char *v)
{
    key(w, k);
    if (v)
        bsl_buf_json_string(w->b, v, strlen(v));
    else
        bsl_buf_puts(w->b, "null");
}

static void raw(writer *w, const char *k, const char *v)
{
    key(w, k);
    bsl_buf_puts(w->b, v ? v : "null");
}

static void boolean(writer *w, const char *k, int v) { raw(w, k, v ? "true" : "false"); }

/* A score, or null when there is none (never a made-up 0). */
static void score(writer *w, const char *k, double v, int assessed)
{
    key(w, k);
    if (assessed)
        bsl_buf_decimal1(w->b, v, 0, 1);
    else
        bsl_buf_puts(w->b, "null");
}

static void outcome(writer *w, const struct bsl_outcome *o, bsl_lang lang)
{
    const bsl_indicator *ind = o->ind;
    open_(w, NULL, '{');
    str(w, "fact", ind->fact);
    str(w, "label", ind->label.s[lang]);
    raw(w, "value", o->value_json);
    raw(w, "points", o->matched ? o->matched->points.text : NULL); /* null: missing or not applicable */
    /* points and maximum are on the same scale whatever the weight: a gate
     * reads 100 of 100, and its weight 0 says it does not count. */
    raw(w, "maximum", ind->maximum_text);
    raw(w, "weight", ind->weight.text);
    str(w, "rule", o->rule);
    boolean(w, "required", ind->required);
    boolean(w, "missing", o->missing);
    boolean(w, "not_applicable", o->not_applicable);
    boolean(w, "red_line", o->red_line);
    boolean(w, "fails_necessary_condition", o->fails_condition);
    str(w, "justification", o->matched ? o->matched->justification.s[lang] : NULL);
    str(w, "remediation", o->remediation ? o->remediation->s[lang] : NULL);
    str(w, "evidence", o->evidence);
    close_(w, '}');
}

static void criterion(writer *w, const struct bsl_criterion_result *c, bsl_lang lang)
{
    size_t k;
    open_(w, NULL, '{');
    str(w, "id", c->def->id);
    str(w, "title", c->def->title.s[lang]);
    raw(w, "weight", c->def->weight.text);
    score(w, "score", c->score, c->assessed);
    str(w, "status", bsl_criterion_status_token(c->status));
    str(w, "status_label", bsl_criterion_status_label(c->status, lang));
    open_(w, "thresholds", '{');
    raw(w, "met", c->def->met.text);
    raw(w, "reservations", c->def->reservations.text);
    close_(w, '}');
    open_(w, "indicators", '[');
    for (k = 0; k < c->outcome_count; k++)
        outcome(w, &c->outcomes[k], lang);
    close_(w, ']');
    close_(w, '}');
}

void bsl_render_json(bsl_buf *b, const bsl_result *r, bsl_lang lang, int compact)
{
    writer w = { b, 0, 1, compact };
    size_t i, k;

    bsl_buf_putc(b, '{');
    w.depth = 1;
    str(&w, "format", "boussole-result/2");
    str(&w, "lang", lang == BSL_LANG_FR ? "fr" : "en");
    str(&w, "verdict", bsl_verdict_token(r->verdict));
    str(&w, "verdict_label", bsl_verdict_label(r->verdict, lang));
    score(&w, "score", r->score, r->assessed);
    open_(&w, "usecase", '{');
    str(&w, "id", r->usecase_id);
    str(&w, "title", r->usecase_title);
    close_(&w, '}');
    open_(&w, "criteria", '[');
    for (i = 0; i < r->criterion_count; i++)
        criterion(&w, &r->criteria[i], lang);
    close_(&w, ']');

    open_(&w, "red_lines", '[');
    for (i = 0; i < r->criterion_count; i++)
        for (k = 0; k < r->criteria[i].outcome_count; k++)
            if (r->criteria[i].outcomes[k].red_line)
                str(&w, NULL, r->criteria[i].outcomes[k].ind->fact);
    close_(&w, ']');
    open_(&w, "failed_conditions", '[');
    for (i = 0; i < r->criterion_count; i++)
        for (k = 0; k < r->criteria[i].outcome_count; k++)
            if (r->criteria[i].outcomes[k].fails_condition)
                str(&w, NULL, r->criteria[i].outcomes[k].ind->fact);
    close_(&w, ']');
    open_(&w, "missing", '[');
    for (i = 0; i < r->missing_count; i++)
        str(&w, NULL, r->missing[i]);
    close_(&w, ']');
    open_(&w, "unknown", '[');
    for (i = 0; i < r->unknown_count; i++) {
        open_(&w, NULL, '{');
        str(&w, "key", r->unknown[i].key);
        str(&w, "path", r->unknown[i].path);
        str(&w, "suggestion", r->unknown[i].suggestion);
        close_(&w, '}');
    }
    close_(&w, ']');
    open_(&w, "not_used", '[');
    for (i = 0; i < r->not_used_count; i++) {
        open_(&w, NULL, '{');
        str(&w, "key", r->not_used[i].key);
        str(&w, "path", r->not_used[i].path);
        close_(&w, '}');
    }
    close_(&w, ']');
    open_(&w, "reasons", '[');
    for (i = 0; i < r->reason_count; i++) {
        const struct bsl_reason *reason = &r->reasons[i];
        open_(&w, NULL, '{');
        str(&w, "kind", bsl_reason_kind_token(reason->kind));
        str(&w, "criterion", reason->criterion);
        str(&w, "fact", reason->fact);
        str(&w, "text", reason->text[lang]);
        close_(&w, '}');
    }
    close_(&w, ']');
    open_(&w, "remediations", '[');
    for (i = 0; i < r->remediation_count; i++) {
        const struct bsl_outcome *o = r->remediations[i];
        open_(&w, NULL, '{');
        str(&w, "criterion", o->criterion_id);
        str(&w, "fact", o->ind->fact);
        str(&w, "text", o->remediation->s[lang]);
        close_(&w, '}');
    }
    close_(&w, ']');
    open_(&w, "provenance", '{');
    open_(&w, "framework", '{');
    str(&w, "id", r->fw->id);
    str(&w, "version", r->fw->version);
    str(&w, "sha256", r->fw->sha256);
    close_(&w, '}');
    open_(&w, "vocabulary", '{');
    str(&w, "id", r->fw->vocab->id);
    str(&w, "version", r->fw->vocab->version);
    str(&w, "sha256", r->fw->vocab->sha256);
    close_(&w, '}');
    open_(&w, "library", '{');
    str(&w, "name", "libboussole");
    str(&w, "version", bsl_version_string());
    close_(&w, '}');
    close_(&w, '}');
    w.depth = 0;
    if (compact)
        bsl_buf_append(b, "}\n", 2);
    else
        bsl_buf_append(b, "\n}\n", 3);
}
