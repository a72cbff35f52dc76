/* The JSON result (doc/result-format.md): 2-space indented (or compact: no
 * newline or indentation, ":" and "," without spaces), members in a
 * fixed order, numbers written without printf, so the same result always
 * gives the same bytes whatever the locale.
 *
 * The framework's part of a result (member names, labels, sentences,
 * numbers, reasons) was written once at load by json_prepare.c, in this
 * language and layout; here those pieces are copied in order and only the
 * use-case's own values are written between them: scores, statuses,
 * values, evidence, its id and title, and the keys it got wrong. */
#include "render.h"
#include "json_writer.h"

/* A score, or null when there is none (never a made-up 0), as the value of
 * the key a piece ended with. */
static void score(bsl_jw *w, double v, int assessed)
{
    if (assessed)
        bsl_buf_decimal1(w->b, v, 0, 1);
    else
        bsl_jw_value(w, NULL, 0);
}

/* A framework text as JSON (bsl_text.json), or null when there is none
 * (t NULL, or no text in this language). */
static void text(bsl_jw *w, const bsl_text *t, bsl_lang lang)
{
    if (t && t->json[lang].s)
        bsl_buf_frag(w->b, &t->json[lang]);
    else
        bsl_jw_value(w, NULL, 0);
}

static void outcome(bsl_jw *w, const bsl_framework *fw, const struct bsl_outcome *o, bsl_lang lang)
{
    const bsl_indicator *ind = o->ind;
    int y = w->compact;
    /* evaluate.c copies rule, red_line and fails_condition from the
     * matched outcome, and sets missing or not_applicable without one. */
    const bsl_frag *body = o->matched ? &o->matched->json_body[y]
                           : o->missing ? &ind->json_missing[y]
                                        : &ind->json_not_applicable[y];
    bsl_jw_open(w, NULL, '{');
    bsl_jw_frag(w, &ind->json_head[lang][y]); /* "fact", "label", "value": */
    bsl_jw_value(w, o->value_json, o->value_json ? strlen(o->value_json) : 0);
    bsl_jw_frag(w, body);                     /* "points" .. "justification": */
    text(w, o->matched ? &o->matched->justification : NULL, lang);
    bsl_jw_frag(w, &fw->json_remediation_key[y]);
    text(w, o->remediation, lang);
    bsl_jw_frag(w, &fw->json_evidence_key[y]);
    if (o->evidence)
        bsl_buf_json_string(w->b, o->evidence, strlen(o->evidence));
    else
        bsl_jw_value(w, NULL, 0);
    bsl_jw_close(w, '}');
}

static void criterion(bsl_jw *w, const bsl_framework *fw, const struct bsl_criterion_result *c,
                      bsl_lang lang)
{
    int y = w->compact;
    size_t k;
    bsl_jw_open(w, NULL, '{');
    bsl_jw_frag(w, &c->def->json_head[lang][y]); /* "id", "title", "weight", "score": */
    score(w, c->score, c->assessed);
    bsl_jw_frag(w, &fw->json_status[c->status][lang][y]);
    bsl_jw_frag(w, &c->def->json_thresholds[y]);
    bsl_jw_open(w, "indicators", '[');
    for (k = 0; k < c->outcome_count; k++)
        outcome(w, fw, &c->outcomes[k], lang);
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

/* The fact keys of the outcomes that fired a red line (red) or failed a
 * necessary condition, in framework order. */
static void facts_where(bsl_jw *w, const bsl_result *r, int red)
{
    size_t i, k;
    for (i = 0; i < r->criterion_count; i++)
        for (k = 0; k < r->criteria[i].outcome_count; k++) {
            const struct bsl_outcome *o = &r->criteria[i].outcomes[k];
            if (red ? o->red_line : o->fails_condition)
                bsl_jw_str(w, NULL, o->ind->fact);
        }
}

/* The use-case's keys the framework does not score: unknown ones with
 * their suggestion, or facts it does not read. */
static void keys(bsl_jw *w, const bsl_unknown_key *keys, size_t n, int suggestion)
{
    size_t i;
    for (i = 0; i < n; i++) {
        bsl_jw_open(w, NULL, '{');
        bsl_jw_str(w, "key", keys[i].key);
        bsl_jw_str(w, "path", keys[i].path);
        if (suggestion)
            bsl_jw_str(w, "suggestion", keys[i].suggestion);
        bsl_jw_close(w, '}');
    }
}

void bsl_render_json(bsl_buf *b, const bsl_result *r, bsl_lang lang, int compact)
{
    const bsl_framework *fw = r->fw;
    bsl_jw w;
    size_t i;

    bsl_buf_reserve(b, fw->json_size[lang][compact]);
    bsl_jw_at(&w, b, compact, 1, 1);
    bsl_jw_frag(&w, &fw->json_start[r->verdict][lang][compact]); /* "{" .. "score": */
    score(&w, r->score, r->assessed);
    bsl_jw_open(&w, "usecase", '{');
    bsl_jw_str(&w, "id", r->usecase_id);
    bsl_jw_str(&w, "title", r->usecase_title);
    bsl_jw_close(&w, '}');
    bsl_jw_open(&w, "criteria", '[');
    for (i = 0; i < r->criterion_count; i++)
        criterion(&w, fw, &r->criteria[i], lang);
    bsl_jw_close(&w, ']');

    bsl_jw_open(&w, "red_lines", '[');
    facts_where(&w, r, 1);
    bsl_jw_close(&w, ']');
    bsl_jw_open(&w, "failed_conditions", '[');
    facts_where(&w, r, 0);
    bsl_jw_close(&w, ']');
    bsl_jw_open(&w, "missing", '[');
    for (i = 0; i < r->missing_count; i++)
        bsl_jw_str(&w, NULL, r->missing[i]);
    bsl_jw_close(&w, ']');
    bsl_jw_open(&w, "unknown", '[');
    keys(&w, r->unknown, r->unknown_count, 1);
    bsl_jw_close(&w, ']');
    bsl_jw_open(&w, "not_used", '[');
    keys(&w, r->not_used, r->not_used_count, 0);
    bsl_jw_close(&w, ']');
    bsl_jw_open(&w, "reasons", '[');
    for (i = 0; i < r->reason_count; i++)
        bsl_jw_frag(&w, &(*r->reasons[i].json)[lang][compact]);
    bsl_jw_close(&w, ']');
    bsl_jw_open(&w, "remediations", '[');
    for (i = 0; i < r->remediation_count; i++) {
        const struct bsl_outcome *o = r->remediations[i];
        bsl_jw_open(&w, NULL, '{');
        bsl_jw_frag(&w, &o->ind->json_remediation_head[compact]); /* "criterion", "fact", "text": */
        text(&w, o->remediation, lang);
        bsl_jw_close(&w, '}');
    }
    bsl_jw_close(&w, ']');
    bsl_jw_frag(&w, &fw->json_provenance[compact]);
    bsl_jw_end(&w);
}
