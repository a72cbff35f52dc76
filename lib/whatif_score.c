/* The scoring rules of evaluate.c on a bare array of outcomes, for the
 * what-if search, which scores thousands of variants of one use-case and
 * cannot afford a result (an arena, copies, sentences) per variant.
 * tests/test_whatif.c checks every plan against bsl_evaluate() itself. */
#include "whatif.h"

#include <math.h>

/* evaluate.c's rounding, so that thresholds compare the same numbers. */
static double round1(double x) { return floor(x * 10.0 + 0.5 + 1e-9) / 10.0; }

int bsl__wi_applies(const bsl_indicator *ind, const int *slot)
{
    int cond;
    if (!ind->has_condition)
        return 1;
    cond = slot[ind->cond_indicator];
    if (cond == WI_MISSING)
        return 1;
    return ind->cond_match[cond] != ind->cond_negate;
}

typedef struct wi_tally {
    double wsum, psum;
    int red, failed, unanswered, incomplete;
} wi_tally;

static void tally_indicator(const bsl_indicator *ind, const int *slot, size_t i, wi_tally *t)
{
    const bsl_outcome_def *o;
    double w = ind->weight.value;
    if (!bsl__wi_applies(ind, slot))
        return;
    if (slot[i] == WI_MISSING) {
        t->incomplete |= ind->required;
        t->unanswered |= w > 0;
        return;
    }
    o = &ind->outcomes[slot[i]];
    t->red |= o->red_line;
    t->failed |= o->fails_condition;
    if (w > 0) {
        t->wsum += w;
        t->psum += w * o->points.value;
    }
}

static bsl_criterion_status status_of(const bsl_criterion_def *def, const wi_tally *t, int assessed,
                                      double score)
{
    if (t->red)
        return BSL_CRITERION_RED_LINE;
    if (t->failed)
        return BSL_CRITERION_NOT_MET;
    if (t->incomplete)
        return BSL_CRITERION_INCOMPLETE;
    if (!assessed)
        return BSL_CRITERION_NOT_ASSESSED;
    if (score >= def->met.value)
        return BSL_CRITERION_MET;
    if (score >= def->reservations.value)
        return BSL_CRITERION_RESERVATIONS;
    return BSL_CRITERION_NOT_MET;
}

void bsl__wi_score(const bsl_framework *fw, const int *slot, wi_score *out)
{
    size_t c, k;
    double wsum = 0, ssum = 0;
    int red = 0, missing = 0, not_met = 0, reservations = 0;
    for (c = 0; c < fw->criterion_count; c++) {
        const bsl_criterion_def *def = &fw->criteria[c];
        wi_tally t = { 0, 0, 0, 0, 0, 0 };
        int assessed;
        double score;
        bsl_criterion_status st;
        for (k = 0; k < def->indicator_count; k++)
            tally_indicator(&fw->indicators[def->first_indicator + k], slot, def->first_indicator + k, &t);
        assessed = t.wsum > 0 || !t.unanswered;
        score = t.wsum > 0 ? round1(t.psum / t.wsum) : (assessed ? 100 : 0);
        st = status_of(def, &t, assessed, score);
        out->status[c] = st;
        missing |= t.incomplete;
        red |= st == BSL_CRITERION_RED_LINE;
        not_met |= st == BSL_CRITERION_NOT_MET;
        reservations |= st == BSL_CRITERION_RESERVATIONS || st == BSL_CRITERION_NOT_ASSESSED;
        if (assessed) {
            wsum += def->weight.value;
            ssum += def->weight.value * score;
        }
    }
    out->assessed = wsum > 0;
    out->score = out->assessed ? round1(ssum / wsum) : 0;
    out->verdict = red            ? BSL_VERDICT_RED_LINE
                 : missing        ? BSL_VERDICT_INCOMPLETE
                 : not_met        ? BSL_VERDICT_UNFAVORABLE
                 : reservations   ? BSL_VERDICT_FAVORABLE_WITH_RESERVATIONS
                                  : BSL_VERDICT_FAVORABLE;
}
