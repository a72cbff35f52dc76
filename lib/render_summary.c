/* The summary result ("boussole-summary/1", doc/result-format.md): what a
 * register needs per use-case, as tokens and numbers only (no title, label
 * or sentence), on one line, so a million use-cases stay a few GB at most.
 * Deterministic bytes, like the full result. */
#include "render.h"
#include "json_writer.h"

static void score(bsl_jw *w, const char *k, double v, int assessed)
{
    bsl_jw_key(w, k);
    if (assessed)
        bsl_buf_decimal1(w->b, v, 0, 1);
    else
        bsl_buf_puts(w->b, "null");
}

static void criteria(bsl_jw *w, const bsl_result *r)
{
    size_t i;
    bsl_jw_open(w, "criteria", '[');
    for (i = 0; i < r->criterion_count; i++) {
        const struct bsl_criterion_result *c = &r->criteria[i];
        bsl_jw_open(w, NULL, '{');
        bsl_jw_str(w, "id", c->def->id);
        score(w, "score", c->score, c->assessed);
        bsl_jw_str(w, "status", bsl_criterion_status_token(c->status));
        bsl_jw_close(w, '}');
    }
    bsl_jw_close(w, ']');
}

/* The facts of the outcomes flagged red_line (which 0) or
 * fails_condition (which 1), in framework order. */
static void flagged_facts(bsl_jw *w, const char *k, const bsl_result *r, int which)
{
    size_t i, j;
    bsl_jw_open(w, k, '[');
    for (i = 0; i < r->criterion_count; i++)
        for (j = 0; j < r->criteria[i].outcome_count; j++) {
            const struct bsl_outcome *o = &r->criteria[i].outcomes[j];
            if (which ? o->fails_condition : o->red_line)
                bsl_jw_str(w, NULL, o->ind->fact);
        }
    bsl_jw_close(w, ']');
}

void bsl_render_summary(bsl_buf *b, const bsl_result *r)
{
    bsl_jw w;
    size_t i;

    bsl_jw_begin(&w, b, 1);
    bsl_jw_str(&w, "format", "boussole-summary/1");
    bsl_jw_str(&w, "id", r->usecase_id);
    bsl_jw_str(&w, "verdict", bsl_verdict_token(r->verdict));
    score(&w, "score", r->score, r->assessed);
    criteria(&w, r);
    flagged_facts(&w, "red_lines", r, 0);
    flagged_facts(&w, "failed_conditions", r, 1);
    bsl_jw_open(&w, "missing", '[');
    for (i = 0; i < r->missing_count; i++)
        bsl_jw_str(&w, NULL, r->missing[i]);
    bsl_jw_close(&w, ']');
    bsl_jw_open(&w, "unknown", '[');
    for (i = 0; i < r->unknown_count; i++)
        bsl_jw_str(&w, NULL, r->unknown[i].path);
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
