/* bsl_whatif(): the fewest fact changes that bring a use-case to a target
 * verdict (doc/whatif-format.md).
 *
 * The search deepens one change at a time (plans of 1 change, then 2...,
 * from a lower bound on the size computed at the root), so the first round
 * that finds a plan finds the smallest ones. At each state it looks at
 * what still stands between the use-case and the target (a "problem": a
 * red line, a failed necessary condition, a missing required fact, a
 * criterion below its threshold) and branches only on the facts that can
 * fix the problem with the fewest such facts: every plan must change one
 * of them, so no plan is missed; a fact's values are tried best first, so
 * that a good plan is found early. Three bounds prune a branch:
 *  - size: problems whose facts are disjoint each need their own change,
 *    and a criterion below its threshold needs as many changes as it takes
 *    its largest possible gains to cover its deficit; a branch that needs
 *    more changes than the round has left is cut;
 *  - score: within the round that found a plan, the tie-break is the
 *    larger score after, and whatif_bound.c bounds from above the score
 *    the plans below a state can still reach; a branch that cannot beat or
 *    tie the best plan found is cut (so the search of a round mostly stops
 *    soon after its first plan);
 *  - budget: every state visited costs 1, plus 1 per 64 indicators of the
 *    frameworks searched, of bsl_whatif_options.max_nodes (default
 *    BSL_WHATIF_DEFAULT_MAX_NODES; the reports pass
 *    bsl_render_options.plan_max_nodes). When it runs out the search stops
 *    where it is and the plan says so (bsl_whatif_search_limit_reached()):
 *    a plan found is of the fewest changes, maybe not the best score; none
 *    found means unknown, every plan below the round it stopped in having
 *    been searched (complete_below). */
#include "whatif_search.h"
#include "error.h"
#include "result.h"

#include <stdint.h>
#include <string.h>


static int verdict_reached(const wi_search *s)
{
    size_t f;
    for (f = 0; f < s->nfw; f++)
        if (s->sc[f].verdict < s->target)
            return 0;
    return 1;
}

static void score_all(wi_search *s)
{
    size_t f;
    for (f = 0; f < s->nfw; f++)
        bsl__wi_score(s->fw[f], s->slot[f], &s->sc[f]);
}

/* ---- problems ----------------------------------------------------------- */

unsigned bsl__wi_stamp(wi_search *s)
{
    if (++s->stamp == 0) { /* wrapped: forget every old stamp */
        memset(s->mark, 0, s->f.count * sizeof *s->mark);
        s->stamp = 1;
    }
    return s->stamp;
}

/* Add fact x to the problem being written, once, if the plan may change it. */
static void problem_add(wi_search *s, size_t *n, size_t x, unsigned stamp)
{
    if (!s->f.facts[x].actionable || s->changed[x] || s->mark[x] == stamp)
        return;
    s->mark[x] = stamp;
    s->pfacts[(*n)++] = x;
}

/* The facts that can change indicator i of framework f: its own, and the
 * fact of its applies_if condition. */
static void problem_indicator(wi_search *s, size_t *n, size_t f, size_t i, unsigned stamp)
{
    const bsl_indicator *ind = &s->fw[f]->indicators[i];
    problem_add(s, n, s->f.fact_of[f][i], stamp);
    if (ind->has_condition)
        problem_add(s, n, s->f.fact_of[f][ind->cond_indicator], stamp);
}

static int indicator_blocks(const bsl_indicator *ind, const int *slot, size_t i)
{
    if (!bsl__wi_applies(ind, slot))
        return 0;
    if (slot[i] == WI_MISSING)
        return ind->required;
    return ind->outcomes[slot[i]].red_line || ind->outcomes[slot[i]].fails_condition;
}

/* Whether criterion c's status falls short of the target for its score
 * alone (red lines, conditions and missing facts are problems of their own). */
static int criterion_short(const wi_search *s, size_t f, size_t c)
{
    bsl_criterion_status st = s->sc[f].status[c];
    if (s->target == BSL_VERDICT_FAVORABLE)
        return st == BSL_CRITERION_RESERVATIONS || st == BSL_CRITERION_NOT_ASSESSED ||
               st == BSL_CRITERION_NOT_MET;
    return st == BSL_CRITERION_NOT_MET;
}

/* Changes criterion c of framework f needs at least, judged by its score:
 * with t its threshold (less the rounding), the criterion's mean is at
 * least t when the sum of w * (points - t) over its answered, weighted,
 * applicable indicators is >= 0. Changing a fact can raise an indicator's
 * term to at most max(0, w * (maximum - t)); the largest such raises are
 * added until the sum is covered. 0 when there is no deficit, SIZE_MAX
 * when no number of changes covers it. */
static size_t criterion_need(wi_search *s, size_t f, size_t c, size_t from, size_t to)
{
    const bsl_framework *fw = s->fw[f];
    const bsl_criterion_def *def = &fw->criteria[c];
    const int *slot = s->slot[f];
    double t = (s->target == BSL_VERDICT_FAVORABLE ? def->met.value : def->reservations.value) - 0.05 - 1e-7;
    double sum = 0, all;
    size_t k, p, n;
    for (p = from; p < to; p++)
        s->gain[s->pfacts[p]] = 0;
    for (k = 0; k < def->indicator_count; k++) {
        size_t i = def->first_indicator + k;
        const bsl_indicator *ind = &fw->indicators[i];
        double w = ind->weight.value, now = 0, best = w * (ind->maximum - t);
        if (w <= 0)
            continue;
        if (bsl__wi_applies(ind, slot) && slot[i] != WI_MISSING)
            now = w * (ind->outcomes[slot[i]].points.value - t);
        sum += now;
        if (best < 0)
            best = 0;
        if (best > now) { /* credit the raise to each fact that can bring it */
            size_t x = s->f.fact_of[f][i];
            if (s->f.facts[x].actionable && !s->changed[x])
                s->gain[x] += best - now;
            if (ind->has_condition) {
                size_t y = s->f.fact_of[f][ind->cond_indicator];
                if (y != x && s->f.facts[y].actionable && !s->changed[y])
                    s->gain[y] += best - now;
            }
        }
    }
    if (sum >= 0)
        return 0; /* no deficit */
    for (p = from, all = sum; p < to; p++)
        all += s->gain[s->pfacts[p]];
    if (all < 0)
        return SIZE_MAX;
    /* The largest gains one at a time (a taken one is set to -1), at most
     * the round's size plus one: a larger need prunes all the same. */
    for (n = 0; n <= s->limit; n++) {
        size_t top = SIZE_MAX;
        for (p = from; p < to; p++)
            if (s->gain[s->pfacts[p]] >= 0 && (top == SIZE_MAX || s->gain[s->pfacts[p]] > s->gain[top]))
                top = s->pfacts[p];
        if (top == SIZE_MAX)
            return n; /* every fact taken */
        sum += s->gain[top];
        s->gain[top] = -1;
        if (sum >= 0)
            return n + 1;
    }
    return s->limit + 1;
}

/* A lower bound on the changes still needed: problems that share no fact
 * need changes of their own, so the needs of such a set of problems add
 * up; the set is picked greedily, largest needs first. */
static size_t pack(wi_search *s, size_t np)
{
    unsigned used = bsl__wi_stamp(s);
    size_t total = 0, cap = s->limit + 1, v, p, q, r, pos = 0;
    s->packed_count = 0;
    /* Problems by decreasing need, then in order: a bucket sort, needs
     * being at most the round's size plus one. */
    for (v = 0; v <= cap; v++)
        s->bucket[v] = 0;
    for (p = 0; p < np; p++)
        s->bucket[s->need[p] < cap ? s->need[p] : cap]++;
    for (v = cap; v > 0; v--) {
        size_t here = s->bucket[v];
        s->bucket[v] = pos;
        pos += here;
    }
    for (p = 0; p < np; p++)
        if (s->need[p])
            s->porder[s->bucket[s->need[p] < cap ? s->need[p] : cap]++] = p;
    for (r = 0; r < pos; r++) {
        size_t top = s->porder[r];
        for (q = s->pstart[top]; q < s->pstart[top + 1] && s->mark[s->pfacts[q]] != used; q++)
            ;
        if (q < s->pstart[top + 1])
            continue; /* shares a fact with a problem taken */
        s->packed[s->packed_count] = top;
        s->packed_need[s->packed_count++] = s->need[top];
        total += s->need[top];
        for (q = s->pstart[top]; q < s->pstart[top + 1]; q++)
            s->mark[s->pfacts[q]] = used;
    }
    return total;
}

/* List the problems of the current state; returns 0 when one cannot be
 * fixed by any change, else 1 with *lower the changes still needed at
 * least and *pick the problem with the fewest facts. */
static int examine(wi_search *s, size_t *lower, size_t *pick, size_t *count)
{
    size_t f, c, k, n = 0, np = 0, p, best = SIZE_MAX;
    for (f = 0; f < s->nfw; f++) {
        const bsl_framework *fw = s->fw[f];
        for (c = 0; c < fw->criterion_count; c++) {
            const bsl_criterion_def *def = &fw->criteria[c];
            int blocked = 0;
            for (k = 0; k < def->indicator_count; k++) {
                size_t i = def->first_indicator + k;
                if (!indicator_blocks(&fw->indicators[i], s->slot[f], i))
                    continue;
                blocked = 1;
                s->pstart[np] = n;
                problem_indicator(s, &n, f, i, bsl__wi_stamp(s));
                if (n == s->pstart[np])
                    return 0;
                s->need[np++] = 1;
            }
            s->pstart[np] = n;
            {
                unsigned stamp = bsl__wi_stamp(s);
                size_t need;
                for (k = 0; k < def->indicator_count; k++)
                    problem_indicator(s, &n, f, def->first_indicator + k, stamp);
                /* Even a blocked criterion must reach its threshold in the end. */
                need = criterion_need(s, f, c, s->pstart[np], n);
                if (!need && !blocked && criterion_short(s, f, c))
                    need = 1; /* short by rounding, or not assessed */
                if (!need) {
                    n = s->pstart[np];
                    continue;
                }
                if (n == s->pstart[np] || need == SIZE_MAX)
                    return 0;
                s->need[np] = need;
            }
            np++;
        }
    }
    s->pstart[np] = n;
    if (!np) /* not at the target yet with nothing to fix: cannot happen, but never loop */
        return 0;
    *lower = pack(s, np);
    for (p = 0; p < np; p++)
        if (s->pstart[p + 1] - s->pstart[p] < best) {
            best = s->pstart[p + 1] - s->pstart[p];
            *pick = p;
        }
    *count = np;
    return 1;
}

/* ---- the search --------------------------------------------------------- */

static void sort_plan(const wi_search *s, size_t n, size_t *fact, size_t *cand)
{
    size_t i, j;
    for (i = 0; i < n; i++) {
        size_t x = s->plan_fact[i], k = s->plan_cand[i];
        for (j = i; j > 0 && fact[j - 1] > x; j--) {
            fact[j] = fact[j - 1];
            cand[j] = cand[j - 1];
        }
        fact[j] = x;
        cand[j] = k;
    }
}

/* Keep the current plan if it beats the best: larger summed score, then
 * earlier changes in framework order. */
static void consider(wi_search *s)
{
    double score = 0;
    size_t f, i, n = s->depth;
    int better;
    for (f = 0; f < s->nfw; f++)
        score += s->sc[f].score;
    sort_plan(s, n, s->sorted_fact, s->sorted_cand);
    better = !s->found || score > s->best_score + 1e-9;
    if (!better && score > s->best_score - 1e-9)
        for (i = 0; i < n; i++) {
            if (s->sorted_fact[i] != s->best_fact[i] || s->sorted_cand[i] != s->best_cand[i]) {
                better = s->sorted_fact[i] < s->best_fact[i] ||
                         (s->sorted_fact[i] == s->best_fact[i] && s->sorted_cand[i] < s->best_cand[i]);
                break;
            }
        }
    if (!better)
        return;
    s->found = 1;
    s->best_score = score;
    memcpy(s->best_fact, s->sorted_fact, n * sizeof *s->best_fact);
    memcpy(s->best_cand, s->sorted_cand, n * sizeof *s->best_cand);
}

/* Give fact x candidate k (or back its old outcomes, undo != 0). Returns
 * whether some framework's outcome changes. */
static int apply(wi_search *s, size_t x, size_t k, int restore)
{
    const wi_fact *fact = &s->f.facts[x];
    size_t f;
    int differs = 0;
    for (f = 0; f < s->nfw; f++) {
        int *at;
        if (fact->ind[f] == SIZE_MAX)
            continue;
        at = &s->slot[f][fact->ind[f]];
        if (restore) {
            *at = s->undo[s->depth * s->nfw + f];
            continue;
        }
        s->undo[s->depth * s->nfw + f] = *at;
        differs |= *at != fact->cands[k].outcome[f];
        *at = fact->cands[k].outcome[f];
    }
    return differs;
}

static void search(wi_search *s)
{
    size_t lower, pick = 0, np, left = s->limit - s->depth, p, b, k, n;
    size_t *branch;
    if (s->nodes >= s->max_nodes) {
        s->exhausted = 1;
        return;
    }
    s->nodes += s->node_cost;
    score_all(s);
    if (verdict_reached(s)) {
        consider(s);
        return;
    }
    if (!left || !examine(s, &lower, &pick, &np) || lower > left)
        return;
    if (s->found && !bsl__wi_may_tie_best(s, left))
        return; /* no plan below can beat or tie the best one's score */
    branch = s->branch[s->depth];
    n = s->pstart[pick + 1] - s->pstart[pick];
    for (p = 0; p < n; p++) /* examine() is called again below: keep the facts */
        branch[p] = s->pfacts[s->pstart[pick] + p];
    for (b = 0; b < n; b++) {
        size_t x = branch[b];
        size_t c;
        for (c = 0; c < s->f.facts[x].cand_count; c++) {
            /* the most points first: a good plan found early prunes more */
            k = s->cand_order[x][c];
            if (apply(s, x, k, 0)) {
                s->changed[x] = 1;
                s->plan_fact[s->depth] = x;
                s->plan_cand[s->depth] = k;
                s->depth++;
                search(s);
                s->depth--;
            }
            apply(s, x, k, 1);
            if (s->exhausted)
                break;
        }
        /* Every plan that changes x was searched under x: the next
         * branches leave it as it is, so no set of changes is tried twice. */
        s->changed[x] = 1;
        if (s->exhausted)
            break;
    }
    for (b = 0; b < n; b++)
        s->changed[branch[b]] = 0;
}

/* ---- setting up --------------------------------------------------------- */

/* The outcome of each indicator as the use-case answers it. */
static void read_slots(const bsl_usecase *uc, int *slot)
{
    const bsl_framework *fw = uc->fw;
    size_t i;
    for (i = 0; i < fw->indicator_count; i++) {
        const bsl_indicator *ind = &fw->indicators[i];
        const bsl_answer *a = &uc->facts[i];
        size_t o;
        if (!a->present) {
            slot[i] = WI_MISSING;
            continue;
        }
        switch (ind->type) {
        case BSL_FACT_NUMBER: o = bsl_indicator_band(ind, a->number); break;
        case BSL_FACT_SET: o = a->member_count ? BSL_OUT_NON_EMPTY : BSL_OUT_EMPTY; break;
        case BSL_FACT_TEXT: {
            size_t j;
            o = BSL_OUT_ABSENT;
            for (j = 0; j < a->text_len; j++)
                if (!strchr(" \t\n\r", a->text[j]))
                    o = BSL_OUT_PRESENT;
            break;
        }
        default: o = a->outcome;
        }
        slot[i] = (int)o;
    }
}

/* What candidate k of fact x is worth to the first framework reading it:
 * its points, below 0 for a red line or a failed condition. */
static double cand_worth(const wi_search *s, size_t x, size_t k)
{
    const wi_fact *fact = &s->f.facts[x];
    const bsl_indicator *ind = &s->fw[fact->first_fw]->indicators[fact->ind[fact->first_fw]];
    int o = fact->cands[k].outcome[fact->first_fw];
    if (o == WI_MISSING)
        return -2;
    return ind->outcomes[o].red_line || ind->outcomes[o].fails_condition ? -1 : ind->outcomes[o].points.value;
}

/* The order search() tries fact x's candidates in: most points first
 * (insertion, stable: a fact has a handful). Only the order of the search
 * changes, not which plan wins. */
static void order_cands(wi_search *s, size_t x)
{
    size_t *ord = s->cand_order[x], n = s->f.facts[x].cand_count, k, j;
    for (k = 0; k < n; k++) {
        double w = cand_worth(s, x, k);
        for (j = k; j > 0 && cand_worth(s, x, ord[j - 1]) < w; j--)
            ord[j] = ord[j - 1];
        ord[j] = k;
    }
}

/* n zeroed elements (at least one, so that 0 is not a failure). */
static void *alloc_n(bsl_arena *arena, size_t n, size_t size) { return bsl_arena_calloc(arena, n > 1 ? n : 1, size); }
#define ALLOC_N(ptr, n) ((ptr) = alloc_n(arena, (n), sizeof *(ptr)))

static int prepare(wi_search *s, bsl_arena *arena, bsl_error *err)
{
    size_t f, d, nind = 0, ncrit = 0;
    int rc;
    if ((rc = bsl__wi_facts_build(&s->f, arena, s->fw, s->nfw, err)))
        return rc;
    if (!ALLOC_N(s->slot, s->nfw) || !ALLOC_N(s->sc, s->nfw))
        return BSL_ERR_NOMEM;
    for (f = 0; f < s->nfw; f++) {
        nind += s->fw[f]->indicator_count;
        ncrit += s->fw[f]->criterion_count;
        if (!ALLOC_N(s->slot[f], s->fw[f]->indicator_count) ||
            !ALLOC_N(s->sc[f].status, s->fw[f]->criterion_count))
            return BSL_ERR_NOMEM;
        read_slots(s->uc[f], s->slot[f]);
    }
    if (!ALLOC_N(s->plan_fact, s->limit) || !ALLOC_N(s->plan_cand, s->limit) ||
        !ALLOC_N(s->best_fact, s->limit) || !ALLOC_N(s->best_cand, s->limit) ||
        !ALLOC_N(s->sorted_fact, s->limit) || !ALLOC_N(s->sorted_cand, s->limit) ||
        !ALLOC_N(s->undo, (s->limit + 1) * s->nfw) || !ALLOC_N(s->changed, s->f.count) ||
        !ALLOC_N(s->branch, s->limit + 1) || !ALLOC_N(s->mark, s->f.count) ||
        !ALLOC_N(s->gain, s->f.count) || !ALLOC_N(s->bucket, s->limit + 2) ||
        /* an indicator's problem holds 2 facts, a criterion's 2 per indicator */
        !ALLOC_N(s->pfacts, 4 * nind) || !ALLOC_N(s->pstart, nind + ncrit + 1) ||
        !ALLOC_N(s->need, nind + ncrit + 1) ||
        !ALLOC_N(s->porder, nind + ncrit + 1) || !ALLOC_N(s->packed, nind + ncrit + 1) || !ALLOC_N(s->packed_need, nind + ncrit + 1))
        return BSL_ERR_NOMEM;
    for (d = 0; d <= s->limit; d++)
        if (!ALLOC_N(s->branch[d], 2 * nind))
            return BSL_ERR_NOMEM;
    if (!ALLOC_N(s->ubfacts, 2 * nind) || !ALLOC_N(s->terms, nind) || !ALLOC_N(s->taken, 2 * nind) || !ALLOC_N(s->cand_order, s->f.count))
        return BSL_ERR_NOMEM;
    for (d = 0; d < s->f.count; d++) {
        if (!ALLOC_N(s->cand_order[d], s->f.facts[d].cand_count))
            return BSL_ERR_NOMEM;
        order_cands(s, d);
    }
    return BSL_OK;
}

static size_t actionable_count(const wi_facts *f)
{
    size_t x, n = 0;
    for (x = 0; x < f->count; x++)
        n += f->facts[x].actionable;
    return n;
}

/* ---- the plan ----------------------------------------------------------- */

static const char *dup(bsl_arena *arena, const char *s) { return s ? bsl_arena_strndup(arena, s, strlen(s)) : NULL; }

static double points_of(const bsl_indicator *ind, const int *slot, size_t i)
{
    return bsl__wi_applies(ind, slot) && slot[i] != WI_MISSING ? ind->outcomes[slot[i]].points.value : 0;
}

/* Write the best plan's changes (slots hold the state before it). */
static int write_changes(bsl_whatif_plan *p, wi_search *s, size_t n)
{
    size_t c;
    double *before;
    if (!(p->changes = bsl_arena_calloc(&p->arena, n ? n : 1, sizeof *p->changes)) ||
        !(before = bsl_arena_calloc(&p->arena, n ? n : 1, sizeof *before)))
        return BSL_ERR_NOMEM;
    for (c = 0; c < n; c++) {
        const wi_fact *x = &s->f.facts[s->best_fact[c]];
        size_t f0 = x->first_fw, i = x->ind[f0];
        const bsl_indicator *ind = &s->fw[f0]->indicators[i];
        const bsl_answer *a = &s->uc[f0]->facts[i];
        wi_change *ch = &p->changes[c];
        before[c] = points_of(ind, s->slot[f0], i);
        ch->fact = ind->fact;
        ch->criterion = ind->criterion_id;
        ch->to = dup(&p->arena, x->cands[s->best_cand[c]].json);
        ch->from = a->present ? dup(&p->arena, a->json) : NULL;
        ch->remediation = a->present && ind->remediation.s[0] ? &ind->remediation : &ind->answer_text;
        if (!ch->to || (a->present && !ch->from))
            return BSL_ERR_NOMEM;
    }
    for (s->depth = 0; s->depth < n; s->depth++)
        apply(s, s->best_fact[s->depth], s->best_cand[s->depth], 0);
    for (c = 0; c < n; c++) {
        const wi_fact *x = &s->f.facts[s->best_fact[c]];
        size_t f0 = x->first_fw, i = x->ind[f0];
        p->changes[c].gain = points_of(&s->fw[f0]->indicators[i], s->slot[f0], i) - before[c];
    }
    p->change_count = n;
    return BSL_OK;
}

static void add_blocked(bsl_whatif_plan *p, const char *name)
{
    size_t i;
    for (i = 0; i < p->blocked_count; i++)
        if (!strcmp(p->blocked[i], name))
            return;
    p->blocked[p->blocked_count++] = name;
}

/* Add the facts of criterion c that no change may lift and that hold it
 * below its best (not actionable, weighted, under their maximum). */
static void add_stuck_facts(bsl_whatif_plan *p, const wi_search *s, size_t f, size_t c)
{
    const bsl_framework *fw = s->fw[f];
    const bsl_criterion_def *def = &fw->criteria[c];
    size_t k;
    int named = 0;
    for (k = 0; k < def->indicator_count; k++) {
        size_t i = def->first_indicator + k;
        const bsl_indicator *ind = &fw->indicators[i];
        if (!s->f.facts[s->f.fact_of[f][i]].actionable && ind->weight.value > 0 &&
            points_of(ind, s->slot[f], i) < ind->maximum) {
            add_blocked(p, ind->fact);
            named = 1;
        }
    }
    if (!named)
        add_blocked(p, def->id);
}

/* Why no plan exists, as far as the state before any change shows it:
 * the facts holding a red line, a failed condition or a missing required
 * fact that no change may lift, and for a criterion that even its best
 * actionable answers leave below its threshold, the facts that hold it
 * back (else its id). Empty when only a plan larger than the limit could
 * work. */
static int write_blocked(bsl_whatif_plan *p, wi_search *s)
{
    size_t f, c, k, room = 0;
    for (f = 0; f < s->nfw; f++)
        room += s->fw[f]->indicator_count + s->fw[f]->criterion_count;
    if (!(p->blocked = bsl_arena_calloc(&p->arena, room ? room : 1, sizeof *p->blocked)))
        return BSL_ERR_NOMEM;
    if (s->exhausted)
        return BSL_OK; /* the search stopped before it could tell */
    score_all(s);
    for (f = 0; f < s->nfw; f++) {
        const bsl_framework *fw = s->fw[f];
        for (c = 0; c < fw->criterion_count; c++) {
            const bsl_criterion_def *def = &fw->criteria[c];
            size_t n = 0;
            unsigned stamp = bsl__wi_stamp(s);
            for (k = 0; k < def->indicator_count; k++) {
                size_t i = def->first_indicator + k, m = 0;
                const bsl_indicator *ind = &fw->indicators[i];
                if (!indicator_blocks(ind, s->slot[f], i))
                    continue;
                problem_indicator(s, &m, f, i, bsl__wi_stamp(s));
                if (m)
                    continue;
                add_blocked(p, ind->fact);
                if (ind->has_condition)
                    add_blocked(p, fw->indicators[ind->cond_indicator].fact);
            }
            for (k = 0; k < def->indicator_count; k++)
                problem_indicator(s, &n, f, def->first_indicator + k, stamp);
            if (criterion_need(s, f, c, 0, n) == SIZE_MAX || (!n && criterion_short(s, f, c)))
                add_stuck_facts(p, s, f, c);
        }
    }
    return BSL_OK;
}

static int build_plan(bsl_whatif_plan *p, wi_search *s, size_t size)
{
    size_t f;
    int rc = s->found ? write_changes(p, s, size) : write_blocked(p, s);
    p->limit_reached = s->exhausted;
    if (rc)
        return rc;
    if (!(p->after = bsl_arena_calloc(&p->arena, s->nfw, sizeof *p->after)))
        return BSL_ERR_NOMEM;
    score_all(s);
    for (f = 0; f < s->nfw; f++) {
        p->after[f].fw = s->fw[f];
        p->after[f].verdict = s->sc[f].verdict;
        p->after[f].score = s->sc[f].score;
        p->after[f].assessed = s->sc[f].assessed;
    }
    p->framework_count = s->nfw;
    p->reachable = s->found;
    p->max_nodes = s->max_nodes;
    return BSL_OK;
}

/* ---- the API -------------------------------------------------------------- */

/* Version 1 had target and max_changes; version 2 appended max_nodes. A
 * caller's struct holds only the fields of its version: read and write no
 * others. */
int bsl_whatif_options_init(bsl_whatif_options *opts, unsigned version)
{
    if (!opts || version < 1 || version > BSL_WHATIF_OPTIONS_VERSION)
        return BSL_ERR_ARG;
    opts->version = version;
    opts->target = BSL_VERDICT_FAVORABLE;
    opts->max_changes = 0;
    if (version >= 2)
        opts->max_nodes = 0;
    return BSL_OK;
}

/* The caller's options as the current version (defaults for the fields
 * its version does not have); the version is checked by check_args(). */
static void copy_options(bsl_whatif_options *o, const bsl_whatif_options *opts)
{
    o->version = opts->version;
    if (opts->version < 1 || opts->version > BSL_WHATIF_OPTIONS_VERSION)
        return;
    o->target = opts->target;
    o->max_changes = opts->max_changes;
    if (opts->version >= 2)
        o->max_nodes = opts->max_nodes;
}

static int check_args(const bsl_usecase *const *uc, size_t count, const bsl_whatif_options *o,
                      bsl_error *err)
{
    size_t i, j;
    if (o->version < 1 || o->version > BSL_WHATIF_OPTIONS_VERSION)
        return bsl_error_set(err, BSL_ERR_ARG, "unsupported bsl_whatif_options version %u (this library knows %u)",
                             o->version, (unsigned)BSL_WHATIF_OPTIONS_VERSION);
    if (o->target != BSL_VERDICT_FAVORABLE && o->target != BSL_VERDICT_FAVORABLE_WITH_RESERVATIONS)
        return bsl_error_set(err, BSL_ERR_ARG, "the target must be favorable or favorable_with_reservations");
    for (i = 0; i < count; i++) {
        if (!uc[i])
            return bsl_error_set(err, BSL_ERR_ARG, "bsl_whatif: usecases[%zu] is NULL", i);
        if (strcmp(uc[i]->id, uc[0]->id))
            return bsl_error_set(err, BSL_ERR_ARG, "bsl_whatif: the use-cases have different ids");
        if (strcmp(uc[i]->fw->vocab->sha256, uc[0]->fw->vocab->sha256))
            return bsl_error_set(err, BSL_ERR_ARG, "bsl_whatif: the frameworks read different vocabularies");
        for (j = 0; j < i; j++)
            if (uc[j]->fw == uc[i]->fw)
                return bsl_error_set(err, BSL_ERR_ARG, "bsl_whatif: framework \"%s\" is given twice",
                                     uc[i]->fw->id);
    }
    return BSL_OK;
}

/* What a state visited costs of the budget: 1 per 64 indicators started,
 * so that the budget bounds the time of a search on a large framework too
 * (each state scores and examines every indicator). */
static unsigned long node_cost(const wi_search *s)
{
    size_t f, n = 0;
    for (f = 0; f < s->nfw; f++)
        n += s->fw[f]->indicator_count;
    return 1 + (unsigned long)(n / 64);
}

/* Plans smaller than the bound at the root cannot exist: the deepening
 * starts there (0 when the use-case already reaches the target). */
static size_t root_lower_bound(wi_search *s)
{
    size_t lower = 0, pick, np;
    score_all(s);
    if (verdict_reached(s))
        return 0;
    if (!examine(s, &lower, &pick, &np))
        return 0; /* dead at the root: one round finds nothing, cheaply */
    return lower;
}

static int run(bsl_whatif_plan *p, const bsl_usecase *const *uc, size_t count, const bsl_whatif_options *o,
               bsl_arena *arena, bsl_error *err)
{
    wi_search s;
    size_t f, size, cap;
    int rc;
    memset(&s, 0, sizeof s);
    s.uc = uc;
    s.nfw = count;
    s.target = o->target;
    if (!(s.fw = bsl_arena_calloc(arena, count, sizeof *s.fw)))
        return BSL_ERR_NOMEM;
    for (f = 0; f < count; f++)
        s.fw[f] = uc[f]->fw;
    s.limit = o->max_changes ? o->max_changes : BSL_WHATIF_DEFAULT_MAX_CHANGES;
    s.max_nodes = o->max_nodes ? o->max_nodes : BSL_WHATIF_DEFAULT_MAX_NODES;
    if ((rc = prepare(&s, arena, err)))
        return rc;
    s.node_cost = node_cost(&s);
    cap = actionable_count(&s.f);
    if (cap > s.limit)
        cap = s.limit;
    size = root_lower_bound(&s);
    for (; size <= cap && !s.found && !s.exhausted; size++) {
        s.limit = size;
        s.depth = 0;
        search(&s);
    }
    /* size - 1 is the round that found a plan or ran out of budget: every
     * plan smaller than it was searched. */
    p->complete_below = s.exhausted ? (unsigned)(size - 1) : 0;
    p->nodes = s.nodes;
    p->target = o->target;
    p->max_changes = o->max_changes ? o->max_changes : BSL_WHATIF_DEFAULT_MAX_CHANGES;
    return build_plan(p, &s, s.found ? size - 1 : 0);
}

int bsl_whatif(bsl_whatif_plan **out, const bsl_usecase *const *usecases, size_t count,
               const bsl_whatif_options *opts, bsl_error *err)
{
    bsl_whatif_options o = BSL_WHATIF_OPTIONS_INIT;
    bsl_whatif_plan *p;
    bsl_arena arena, scratch;
    int rc;
    bsl_error_clear(err);
    if (out)
        *out = NULL;
    if (!out || !usecases || !count)
        return bsl_error_set(err, BSL_ERR_ARG, "bsl_whatif: out and usecases must not be NULL, count not 0");
    if (opts)
        copy_options(&o, opts);
    if (!usecases[0])
        return bsl_error_set(err, BSL_ERR_ARG, "bsl_whatif: usecases[0] is NULL");
    if ((rc = check_args(usecases, count, &o, err)))
        return rc;
    bsl_arena_init(&arena, &usecases[0]->cfg.alloc);
    if (!(p = bsl_arena_calloc(&arena, 1, sizeof *p)))
        return bsl_error_set(err, BSL_ERR_NOMEM, "out of memory");
    p->alloc = usecases[0]->cfg.alloc;
    p->arena = arena;
    p->arena.alloc = &p->alloc;
    bsl_arena_init(&scratch, &p->alloc); /* the search's tables, gone with the call */
    p->usecase_id = dup(&p->arena, usecases[0]->id);
    p->usecase_title = dup(&p->arena, usecases[0]->title);
    rc = p->usecase_id && p->usecase_title ? run(p, usecases, count, &o, &scratch, err) : BSL_ERR_NOMEM;
    bsl_arena_release(&scratch);
    if (rc) {
        bsl_whatif_free(p);
        return rc == BSL_ERR_NOMEM ? bsl_error_set(err, rc, "out of memory") : rc;
    }
    *out = p;
    return BSL_OK;
}

int bsl__whatif_of_result(bsl_whatif_plan **out, const bsl_result *r, const bsl_whatif_options *opts)
{
    bsl_usecase uc;
    const bsl_usecase *ucs[1];
    *out = NULL;
    if (r->verdict >= opts->target)
        return BSL_OK;
    memset(&uc, 0, sizeof uc);
    uc.cfg.alloc = r->alloc;
    uc.fw = r->fw;
    uc.id = r->usecase_id;
    uc.title = r->usecase_title;
    uc.facts = r->answers;
    ucs[0] = &uc;
    return bsl_whatif(out, ucs, 1, opts, NULL);
}

void bsl_whatif_free(bsl_whatif_plan *p)
{
    if (p)
        bsl_arena_release_self(&p->arena);
}
