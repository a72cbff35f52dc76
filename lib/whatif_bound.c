/* An upper bound on the score a what-if plan can still reach, so that the
 * search stops exploring plans that cannot beat the best one found (the
 * tie-break among minimal plans is the larger score after).
 *
 * A criterion's rounded mean is at least v when the sum of w * (points - t)
 * over its answered, weighted, applicable indicators is >= 0, with t = v
 * less the rounding. A change of fact x can raise the terms of the
 * indicators x is the fact or the applies_if condition of, each to at most
 * max(0, w * (maximum - t)); crediting each raise to both facts and adding
 * the k largest credits bounds what k changes can do. The largest v that
 * bound allows, found by bisection on tenths, bounds the criterion's score;
 * the weighted mean of these bounds bounds the global score when every
 * criterion must be assessed (target favorable: each must be met), and
 * their maximum bounds it otherwise. */
#include "whatif_search.h"

#include <math.h>

static int eligible(const wi_search *s, size_t x) { return s->f.facts[x].actionable && !s->changed[x]; }

/* The facts that can change criterion c of framework f, once each, into
 * s->ubfacts; their gain slots are zeroed. */
static size_t criterion_facts(wi_search *s, size_t f, size_t c)
{
    const bsl_framework *fw = s->fw[f];
    const bsl_criterion_def *def = &fw->criteria[c];
    unsigned stamp = bsl__wi_stamp(s);
    size_t k, j, n = 0;
    for (k = 0; k < def->indicator_count; k++) {
        size_t i = def->first_indicator + k;
        size_t two[2];
        two[0] = s->f.fact_of[f][i];
        two[1] = fw->indicators[i].has_condition ? s->f.fact_of[f][fw->indicators[i].cond_indicator] : two[0];
        for (j = 0; j < 2; j++)
            if (eligible(s, two[j]) && s->mark[two[j]] != stamp) {
                s->mark[two[j]] = stamp;
                s->gain[two[j]] = 0;
                s->ubfacts[n++] = two[j];
            }
    }
    return n;
}

/* The sum of the k largest gains of the n facts listed. */
static double top_gains(const wi_search *s, size_t n, size_t k, unsigned char *taken)
{
    double sum = 0;
    size_t q, p;
    if (k >= n) {
        for (p = 0; p < n; p++)
            sum += s->gain[s->ubfacts[p]];
        return sum;
    }
    for (p = 0; p < n; p++)
        taken[p] = 0;
    for (q = 0; q < k; q++) {
        size_t top = SIZE_MAX;
        for (p = 0; p < n; p++)
            if (!taken[p] && (top == SIZE_MAX || s->gain[s->ubfacts[p]] > s->gain[s->ubfacts[top]]))
                top = p;
        taken[top] = 1;
        sum += s->gain[s->ubfacts[top]];
    }
    return sum;
}

/* Indicator i's term at threshold t, w * (points - t) when it counts (else
 * 0), and what changing its own fact (gx) or its applies_if fact (gy) may
 * add to it: its own fact can raise it to w * (maximum - t), its condition
 * can drop it (to 0) or bring its answer in. These credits are exact
 * bounds for either change and for both, and the sum of the term and the
 * credits of any subset of {own fact, condition} never grows with t, so
 * that the bound below can bisect on t. */
static double term(const wi_term *m, double t, double *gx, double *gy)
{
    double best = m->w * (m->max - t), now = m->counts ? m->w * (m->points - t) : 0;
    *gx = best - now > 0 ? best - now : 0;
    if (m->counts)
        *gy = now < 0 ? -now : 0;
    else
        *gy = m->answered && m->w * (m->points - t) > 0 ? m->w * (m->points - t) : 0;
    if (m->y == m->x) { /* one fact does both: anything up to max(0, best) */
        *gx = (best > 0 ? best : 0) - now;
        *gy = 0;
    }
    return now;
}

/* Whether k changes can bring the criterion whose n_terms terms are in
 * s->terms (and n facts in s->ubfacts) to a rounded score of at least v
 * tenths. */
static int can_reach(wi_search *s, size_t n_terms, size_t n, size_t k, unsigned v)
{
    double t = v / 10.0 - 0.05 - 1e-7, sum = 0, gx, gy;
    size_t j, p;
    for (p = 0; p < n; p++)
        s->gain[s->ubfacts[p]] = 0;
    for (j = 0; j < n_terms; j++) {
        const wi_term *m = &s->terms[j];
        sum += term(m, t, &gx, &gy);
        if (m->x != SIZE_MAX)
            s->gain[m->x] += gx;
        if (m->y != SIZE_MAX && m->y != m->x)
            s->gain[m->y] += gy;
    }
    return sum + top_gains(s, n, k, s->taken) >= 0;
}

/* Criterion c's weighted indicators as they stand, into s->terms. */
static size_t criterion_terms(wi_search *s, size_t f, size_t c)
{
    const bsl_framework *fw = s->fw[f];
    const bsl_criterion_def *def = &fw->criteria[c];
    const int *slot = s->slot[f];
    size_t j, n = 0;
    for (j = 0; j < def->indicator_count; j++) {
        size_t i = def->first_indicator + j, x = s->f.fact_of[f][i];
        const bsl_indicator *ind = &fw->indicators[i];
        wi_term *m = &s->terms[n];
        if (ind->weight.value <= 0)
            continue;
        m->w = ind->weight.value;
        m->max = ind->maximum;
        m->answered = slot[i] != WI_MISSING;
        m->counts = m->answered && bsl__wi_applies(ind, slot);
        m->points = m->answered ? ind->outcomes[slot[i]].points.value : 0;
        m->x = eligible(s, x) ? x : SIZE_MAX;
        m->y = SIZE_MAX;
        if (ind->has_condition && eligible(s, s->f.fact_of[f][ind->cond_indicator]))
            m->y = s->f.fact_of[f][ind->cond_indicator];
        n++;
    }
    return n;
}

/* The changes that the problems the lower bound added up need outside the
 * facts listed by criterion_facts() (marked with stamp): those changes
 * cannot raise the criterion. */
static size_t needed_elsewhere(const wi_search *s, unsigned stamp)
{
    size_t p, q, total = 0;
    for (p = 0; p < s->packed_count; p++) {
        size_t pb = s->packed[p];
        for (q = s->pstart[pb]; q < s->pstart[pb + 1] && s->mark[s->pfacts[q]] != stamp; q++)
            ;
        if (q == s->pstart[pb + 1])
            total += s->packed_need[p];
    }
    return total;
}

static double round1(double x) { return floor(x * 10.0 + 0.5 + 1e-9) / 10.0; }

/* The highest rounded score criterion c of framework f can reach in the
 * left changes (less those needed elsewhere). */
static double criterion_bound(wi_search *s, size_t f, size_t c, size_t left)
{
    size_t n = criterion_facts(s, f, c), elsewhere = needed_elsewhere(s, s->stamp);
    size_t k = elsewhere < left ? left - elsewhere : 0, n_terms = criterion_terms(s, f, c), j;
    unsigned lo = 0, hi = 1000;
    if (!k || !n) { /* nothing can change: the score as it stands */
        double wsum = 0, psum = 0;
        for (j = 0; j < n_terms; j++)
            if (s->terms[j].counts) {
                wsum += s->terms[j].w;
                psum += s->terms[j].w * s->terms[j].points;
            }
        return wsum > 0 ? round1(psum / wsum) : 100;
    }
    if (can_reach(s, n_terms, n, k, hi))
        return 100;
    while (hi - lo > 1) { /* can_reach(lo), not can_reach(hi) */
        unsigned mid = lo + (hi - lo) / 2;
        if (can_reach(s, n_terms, n, k, mid))
            lo = mid;
        else
            hi = mid;
    }
    return lo / 10.0;
}

static double framework_bound(wi_search *s, size_t f, size_t left)
{
    const bsl_framework *fw = s->fw[f];
    double wsum = 0, ssum = 0, top = 0;
    size_t c;
    for (c = 0; c < fw->criterion_count; c++) {
        double ub = criterion_bound(s, f, c, left), w = fw->criteria[c].weight.value;
        wsum += w;
        ssum += w * ub;
        if (w > 0 && ub > top)
            top = ub;
    }
    if (wsum <= 0)
        return 0;
    return s->target == BSL_VERDICT_FAVORABLE ? round1(ssum / wsum) : top;
}

int bsl__wi_may_tie_best(wi_search *s, size_t left)
{
    double sum = 0;
    size_t f;
    for (f = 0; f < s->nfw; f++)
        sum += framework_bound(s, f, left);
    return sum > s->best_score - 1e-9;
}
