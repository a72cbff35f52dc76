/* The JSON result (doc/result-format.md): 2-space indented (or compact: no
 * newline or indentation, ":" and "," without spaces), members in a
 * fixed order, numbers written without printf, so the same result always
 * gives the same bytes whatever the locale. */
#include "render.h"
#include "json_writer.h"

/* A score, or null when there is none (never a made-up 0). */
static void score(bsl_jw *w, const char *k, double v, int assessed)
{
    bsl_jw_key(w, k);
    if (assessed)
        bsl_buf_decimal1(w->b, v, 0, 1);
    else
        bsl_buf_puts(w->b, "null");
}

static void outcome(bsl_jw *w, const struct bsl_outcome *o, bsl_lang lang)
{
    const bsl_indicator *ind = o->ind;
    bsl_jw_open(w, NULL, '{');
    bsl_jw_str(w, "fact", ind->fact);
    bsl_jw_str(w, "label", ind->label.s[lang]);
    bsl_jw_raw(w, "value", o->value_json);
    bsl_jw_raw(w, "points", o->matched ? o->matched->points.text : NULL); /* null: missing or not applicable */
    /* points and maximum are on the same scale whatever the weight: a gate
     * reads 100 of 100, and its weight 0 says it does not count. */
    bsl_jw_raw(w, "maximum", ind->maximum_text);
    bsl_jw_raw(w, "weight", ind->weight.text);
    bsl_jw_str(w, "rule", o->rule);
    bsl_jw_bool(w, "required", ind->required);
    bsl_jw_bool(w, "missing", o->missing);
    bsl_jw_bool(w, "not_applicable", o->not_applicable);
    bsl_jw_bool(w, "red_line", o->red_line);
    bsl_jw_bool(w, "fails_necessary_condition", o->fails_condition);
    bsl_jw_str(w, "justification", o->matched ? o->matched->justification.s[lang] : NULL);
    bsl_jw_str(w, "remediation", o->remediation ? o->remediation->s[lang] : NULL);
    bsl_jw_str(w, "evidence", o->evidence);
    bsl_jw_close(w, '}');
}

static void criterion(bsl_jw *w, const struct bsl_criterion_result *c, bsl_lang lang)
{
    size_t k;
    bsl_jw_open(w, NULL, '{');
    bsl_jw_str(w, "id", c->def->id);
    bsl_jw_str(w, "title", c->def->title.s[lang]);
    bsl_jw_raw(w, "weight", c->def->weight.text);
    score(w, "score", c->score, c->assessed);
    bsl_jw_str(w, "status", bsl_criterion_status_token(c->status));
    bsl_jw_str(w, "status_label", bsl_criterion_status_label(c->status, lang));
    bsl_jw_open(w, "thresholds", '{');
    bsl_jw_raw(w, "met", c->def->met.text);
    bsl_jw_raw(w, "reservations", c->def->reservations.text);
    bsl_jw_close(w, '}');
    bsl_jw_open(w, "indicators", '[');
    for (k = 0; k < c->outcome_count; k++)
        outcome(w, &c->outcomes[k], lang);
    bsl_jw_close(w, ']');
    bsl_jw_close(w, '}');
}

void bsl_render_json_provenance(bsl_jw *w, const bsl_vocabulary *v)
{
    bsl_jw_open(w, "vocabulary", '{');
    bsl_jw_str(w, "id", v->id);
    bsl_jw_str(w, "version", v->version);
    bsl_jw_str(w, "sha256", v->sha256);
    bsl_jw_close(w, '}');
    bsl_jw_open(w, "library", '{');
    bsl_jw_str(w, "name", "libboussole");
    bsl_jw_str(w, "version", bsl_version_string());
    bsl_jw_close(w, '}');
}

void bsl_render_json(bsl_buf *b, const bsl_result *r, bsl_lang lang, int compact)
{
    bsl_jw w;
    size_t i, k;

    bsl_jw_begin(&w, b, compact);
    bsl_jw_str(&w, "format", "boussole-result/2");
    bsl_jw_str(&w, "lang", lang == BSL_LANG_FR ? "fr" : "en");
    bsl_jw_str(&w, "verdict", bsl_verdict_token(r->verdict));
    bsl_jw_str(&w, "verdict_label", bsl_verdict_label(r->verdict, lang));
    score(&w, "score", r->score, r->assessed);
    bsl_jw_open(&w, "usecase", '{');
    bsl_jw_str(&w, "id", r->usecase_id);
    bsl_jw_str(&w, "title", r->usecase_title);
    bsl_jw_close(&w, '}');
    bsl_jw_open(&w, "criteria", '[');
    for (i = 0; i < r->criterion_count; i++)
        criterion(&w, &r->criteria[i], lang);
    bsl_jw_close(&w, ']');

    bsl_jw_open(&w, "red_lines", '[');
    for (i = 0; i < r->criterion_count; i++)
        for (k = 0; k < r->criteria[i].outcome_count; k++)
            if (r->criteria[i].outcomes[k].red_line)
                bsl_jw_str(&w, NULL, r->criteria[i].outcomes[k].ind->fact);
    bsl_jw_close(&w, ']');
    bsl_jw_open(&w, "failed_conditions", '[');
    for (i = 0; i < r->criterion_count; i++)
        for (k = 0; k < r->criteria[i].outcome_count; k++)
            if (r->criteria[i].outcomes[k].fails_condition)
                bsl_jw_str(&w, NULL, r->criteria[i].outcomes[k].ind->fact);
    bsl_jw_close(&w, ']');
    bsl_jw_open(&w, "missing", '[');
    for (i = 0; i < r->missing_count; i++)
        bsl_jw_str(&w, NULL, r->missing[i]);
    bsl_jw_close(&w, ']');
    bsl_jw_open(&w, "unknown", '[');
    for (i = 0; i < r->unknown_count; i++) {
        bsl_jw_open(&w, NULL, '{');
        bsl_jw_str(&w, "key", r->unknown[i].key);
        bsl_jw_str(&w, "path", r->unknown[i].path);
        bsl_jw_str(&w, "suggestion", r->unknown[i].suggestion);
        bsl_jw_close(&w, '}');
    }
    bsl_jw_close(&w, ']');
    bsl_jw_open(&w, "not_used", '[');
    for (i = 0; i < r->not_used_count; i++) {
        bsl_jw_open(&w, NULL, '{');
        bsl_jw_str(&w, "key", r->not_used[i].key);
        bsl_jw_str(&w, "path", r->not_used[i].path);
        bsl_jw_close(&w, '}');
    }
    bsl_jw_close(&w, ']');
    bsl_jw_open(&w, "reasons", '[');
    for (i = 0; i < r->reason_count; i++) {
        const struct bsl_reason *reason = &r->reasons[i];
        bsl_jw_open(&w, NULL, '{');
        bsl_jw_str(&w, "kind", bsl_reason_kind_token(reason->kind));
        bsl_jw_str(&w, "criterion", reason->criterion);
        bsl_jw_str(&w, "fact", reason->fact);
        bsl_jw_str(&w, "text", reason->text[lang]);
        bsl_jw_close(&w, '}');
    }
    bsl_jw_close(&w, ']');
    bsl_jw_open(&w, "remediations", '[');
    for (i = 0; i < r->remediation_count; i++) {
        const struct bsl_outcome *o = r->remediations[i];
        bsl_jw_open(&w, NULL, '{');
        bsl_jw_str(&w, "criterion", o->criterion_id);
        bsl_jw_str(&w, "fact", o->ind->fact);
        bsl_jw_str(&w, "text", o->remediation->s[lang]);
        bsl_jw_close(&w, '}');
    }
    bsl_jw_close(&w, ']');
    bsl_jw_open(&w, "provenance", '{');
    bsl_jw_open(&w, "framework", '{');
    bsl_jw_str(&w, "id", r->fw->id);
    bsl_jw_str(&w, "version", r->fw->version);
    bsl_jw_str(&w, "sha256", r->fw->sha256);
    bsl_jw_close(&w, '}');
    bsl_render_json_provenance(&w, r->fw->vocab);
    bsl_jw_close(&w, '}');
    bsl_jw_end(&w);
}
