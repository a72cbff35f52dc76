/* Scoring and verdict (REFERENTIEL.md §2). Reads a framework and a bound
 * use-case, writes a result; formats nothing (sentences come from the
 * framework, see wording.c). */
#include "result.h"
#include "error.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

/* Scores are rounded to 0.1 before any threshold is compared, so a
 * criterion shown as 70.0 is met. Rounding is decimal half-up: a mean that
 * is a tie in decimal (69.95) is often a hair below it in binary
 * (69.949999...), so a tolerance far above the binary error of a mean of
 * 0..100 points (about 1e-13 once scaled) and far below the next tenth
 * absorbs it. Scores are never negative. */
static double round1(double x) { return floor(x * 10.0 + 0.5 + 1e-9) / 10.0; }

static int applies(const bsl_indicator *ind, const bsl_usecase *uc)
{
    const bsl_answer *cond;
    if (!ind->has_condition)
        return 1;
    cond = &uc->facts[ind->cond_indicator];
    if (!cond->present)
        return 1; /* unknown: ask for the fact rather than assume it away */
    return ind->cond_match[cond->outcome] != ind->cond_negate;
}

static int is_blank(const char *s, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r')
            return 0;
    return 1;
}

static size_t matched_outcome(const bsl_indicator *ind, const bsl_answer *fv)
{
    switch (ind->type) {
    case BSL_FACT_NUMBER: return bsl_indicator_band(ind, fv->number);
    case BSL_FACT_SET: return fv->member_count ? BSL_OUT_NON_EMPTY : BSL_OUT_EMPTY;
    case BSL_FACT_TEXT: return is_blank(fv->text, fv->text_len) ? BSL_OUT_ABSENT : BSL_OUT_PRESENT;
    default: return fv->outcome;
    }
}

static const char *copy_str(bsl_arena *arena, const char *s)
{
    return s ? bsl_arena_strndup(arena, s, strlen(s)) : NULL;
}

/* What one criterion's indicators add up to. */
typedef struct tally {
    double wsum, psum;   /* weights and weighted points of the answered, weighted indicators */
    int red, failed;     /* a red line fired; a necessary condition failed */
    int unanswered;      /* a weighted, applicable indicator is unanswered */
    int incomplete;      /* a required, applicable fact is missing */
} tally;

/* Score the indicator of use-case answer fv into outcome o. */
static int score_indicator(bsl_result *r, const bsl_usecase *uc, const bsl_indicator *ind,
                           const bsl_answer *fv, struct bsl_outcome *o, tally *t)
{
    double w = ind->weight.value;
    if (fv->evidence && !(o->evidence = copy_str(&r->arena, fv->evidence)))
        return BSL_ERR_NOMEM;
    if (fv->present) {
        /* Booleans and enum levels point at static or framework
         * strings, which outlive the result; the rest is copied. */
        o->value_json = fv->json_is_shared ? fv->json : copy_str(&r->arena, fv->json);
        if (!o->value_json)
            return BSL_ERR_NOMEM;
    }
    if (!applies(ind, uc)) {
        o->not_applicable = 1;
        o->rule = "not_applicable";
        return BSL_OK;
    }
    if (!fv->present) {
        o->missing = 1;
        o->rule = "missing";
        /* Ask the question: a remediation written for a bad answer
         * (or for a red line) says nothing true about no answer. */
        o->remediation = &ind->answer_text;
        if (ind->required) {
            r->missing[r->missing_count++] = ind->fact;
            t->incomplete = 1;
        }
        t->unanswered |= w > 0;
    } else {
        o->matched = &ind->outcomes[matched_outcome(ind, fv)];
        o->rule = o->matched->rule;
        o->points = o->matched->points.value;
        o->red_line = o->matched->red_line;
        o->fails_condition = o->matched->fails_condition;
        t->red |= o->red_line;
        t->failed |= o->fails_condition;
        r->red_line_count += o->red_line;
        r->failed_count += o->fails_condition;
        if (w > 0) {
            t->wsum += w;
            t->psum += w * o->points;
        }
    }
    if (!o->missing && ind->remediation.s[0] && (o->red_line || (w > 0 && o->points < ind->maximum)))
        o->remediation = &ind->remediation;
    if (o->remediation)
        r->remediations[r->remediation_count++] = o;
    return BSL_OK;
}

/* The criterion's status, in this precedence. */
static bsl_criterion_status criterion_status(const struct bsl_criterion_result *cr, const tally *t)
{
    if (t->red)
        return BSL_CRITERION_RED_LINE;
    if (t->failed)
        return BSL_CRITERION_NOT_MET;
    if (t->incomplete) /* never met while a required fact is unanswered */
        return BSL_CRITERION_INCOMPLETE;
    if (!cr->assessed)
        return BSL_CRITERION_NOT_ASSESSED;
    if (cr->score >= cr->def->met.value)
        return BSL_CRITERION_MET;
    if (cr->score >= cr->def->reservations.value)
        return BSL_CRITERION_RESERVATIONS;
    return BSL_CRITERION_NOT_MET;
}

/* Score one criterion's indicators; returns BSL_ERR_NOMEM or BSL_OK. */
static int evaluate_criterion(bsl_result *r, const bsl_usecase *uc, size_t ci)
{
    const bsl_criterion_def *def = &r->fw->criteria[ci];
    struct bsl_criterion_result *cr = &r->criteria[ci];
    tally t = { 0, 0, 0, 0, 0, 0 };
    size_t k;

    cr->def = def;
    cr->outcome_count = def->indicator_count;
    cr->outcomes = bsl_arena_calloc(&r->arena, def->indicator_count, sizeof *cr->outcomes);
    if (!cr->outcomes)
        return BSL_ERR_NOMEM;
    for (k = 0; k < def->indicator_count; k++) {
        size_t ii = def->first_indicator + k;
        cr->outcomes[k].ind = &r->fw->indicators[ii];
        cr->outcomes[k].criterion_id = def->id;
        if (score_indicator(r, uc, &r->fw->indicators[ii], &uc->facts[ii], &cr->outcomes[k], &t))
            return BSL_ERR_NOMEM;
    }
    /* Nothing weighted answered but something to answer: no score, even
     * when a red line fired (a red line decides the verdict, not a mean). */
    cr->assessed = t.wsum > 0 || !t.unanswered;
    cr->score = t.wsum > 0 ? round1(t.psum / t.wsum) : (cr->assessed ? 100 : 0);
    /* A failed necessary condition is known, like a red line: it wins over
     * what is still unknown, whatever the score (REFERENTIEL §6). */
    cr->failed_condition = t.failed && !t.red;
    cr->status = criterion_status(cr, &t);
    return BSL_OK;
}

static void set_reason(struct bsl_reason *reason, bsl_reason_kind kind, const char *criterion,
                       const char *fact, const bsl_text *text, const bsl_json_frags *json)
{
    reason->kind = kind;
    reason->criterion = criterion;
    reason->fact = fact;
    reason->text[0] = text->s[0];
    reason->text[1] = text->s[1];
    reason->json = json;
}

/* Reasons in the order of the verdict precedence: red lines, failed
 * necessary conditions, missing facts, then each criterion by how far it
 * is from met. Each outcome gives at most one of the first three, so
 * indicator_count + criterion_count entries are always enough. */
static void list_reasons(bsl_result *r)
{
    /* Every status has an entry; red_line and incomplete get 0, a kind
     * the criterion-level loop below never asks for. */
    static const bsl_reason_kind status_kind[BSL_CRITERION_INCOMPLETE + 1] = {
        [BSL_CRITERION_MET] = BSL_REASON_MET,
        [BSL_CRITERION_RESERVATIONS] = BSL_REASON_RESERVATION,
        [BSL_CRITERION_NOT_MET] = BSL_REASON_NOT_MET,
        [BSL_CRITERION_NOT_ASSESSED] = BSL_REASON_NOT_ASSESSED,
    };
    /* One pass over the outcomes writes the three fact-level kinds at
     * their places: red lines, then failed conditions, then missing facts. */
    size_t c, k, at[3] = { 0, r->red_line_count, r->red_line_count + r->failed_count };
    int kind;
    for (c = 0; c < r->criterion_count; c++)
        for (k = 0; k < r->criteria[c].outcome_count; k++) {
            const struct bsl_outcome *o = &r->criteria[c].outcomes[k];
            if (o->red_line)
                set_reason(&r->reasons[at[0]++], BSL_REASON_RED_LINE, o->criterion_id, o->ind->fact,
                           &o->matched->justification, &o->matched->json_red_reason);
            if (o->fails_condition)
                set_reason(&r->reasons[at[1]++], BSL_REASON_NECESSARY_CONDITION, o->criterion_id,
                           o->ind->fact, &o->matched->justification, &o->matched->json_condition_reason);
            if (o->missing && o->ind->required)
                set_reason(&r->reasons[at[2]++], BSL_REASON_MISSING, o->criterion_id, o->ind->fact,
                           &o->ind->missing_text, &o->ind->json_missing_reason);
        }
    r->reason_count = at[2];
    for (kind = BSL_REASON_NOT_MET; kind <= BSL_REASON_MET; kind++)
        for (c = 0; c < r->criterion_count; c++) {
            const struct bsl_criterion_result *cr = &r->criteria[c];
            /* A red-line criterion is explained by its red line, one that
             * failed a necessary condition by that condition, an incomplete
             * one by its missing facts. */
            if (cr->status != BSL_CRITERION_RED_LINE && cr->status != BSL_CRITERION_INCOMPLETE &&
                !cr->failed_condition && status_kind[cr->status] == (bsl_reason_kind)kind)
                set_reason(&r->reasons[r->reason_count++], (bsl_reason_kind)kind, cr->def->id, NULL,
                           &cr->def->reason_text[kind], &cr->def->json_reason[kind]);
        }
}

static void decide(bsl_result *r)
{
    size_t c;
    double wsum = 0, ssum = 0;
    int red = 0, not_met = 0, reservations = 0;
    for (c = 0; c < r->criterion_count; c++) {
        const struct bsl_criterion_result *cr = &r->criteria[c];
        red |= cr->status == BSL_CRITERION_RED_LINE;
        not_met |= cr->status == BSL_CRITERION_NOT_MET;
        reservations |= cr->status == BSL_CRITERION_RESERVATIONS ||
                        cr->status == BSL_CRITERION_NOT_ASSESSED;
        if (cr->assessed) {
            wsum += cr->def->weight.value;
            ssum += cr->def->weight.value * cr->score;
        }
    }
    r->assessed = wsum > 0;
    r->score = r->assessed ? round1(ssum / wsum) : 0;
    r->verdict = red              ? BSL_VERDICT_RED_LINE
               : r->missing_count ? BSL_VERDICT_INCOMPLETE
               : not_met          ? BSL_VERDICT_UNFAVORABLE
               : reservations     ? BSL_VERDICT_FAVORABLE_WITH_RESERVATIONS
                                  : BSL_VERDICT_FAVORABLE;
}

/* Copy the use-case's notes on keys (unknown, not used) into the result;
 * suggestions are the framework's strings and are borrowed. */
static int copy_keys(bsl_result *r, const bsl_unknown_key *from, size_t n, bsl_unknown_key **to)
{
    size_t i;
    *to = NULL;
    if (!n)
        return BSL_OK;
    if (!(*to = bsl_arena_alloc(&r->arena, n * sizeof **to)))
        return BSL_ERR_NOMEM;
    for (i = 0; i < n; i++) {
        (*to)[i].key = copy_str(&r->arena, from[i].key);
        (*to)[i].path = copy_str(&r->arena, from[i].path);
        (*to)[i].suggestion = from[i].suggestion;
        if (!(*to)[i].key || !(*to)[i].path)
            return BSL_ERR_NOMEM;
    }
    return BSL_OK;
}

/* Keep what a what-if plan reads of the answers (whatif.c read_slots and
 * write_changes): the typed value, and the JSON the outcomes already hold.
 * A text answer only counts as blank or not, so one character stands for it. */
static int copy_answers(bsl_result *r, const bsl_usecase *uc)
{
    const bsl_framework *fw = r->fw;
    size_t c, k;
    if (!(r->answers = bsl_arena_calloc(&r->arena, fw->indicator_count ? fw->indicator_count : 1,
                                        sizeof *r->answers)))
        return BSL_ERR_NOMEM;
    for (c = 0; c < r->criterion_count; c++)
        for (k = 0; k < r->criteria[c].outcome_count; k++) {
            size_t i = fw->criteria[c].first_indicator + k;
            const bsl_answer *a = &uc->facts[i];
            bsl_answer *to = &r->answers[i];
            size_t j;
            if (!a->present)
                continue;
            to->present = 1;
            to->outcome = a->outcome;
            to->number = a->number;
            to->member_count = a->member_count;
            to->json = r->criteria[c].outcomes[k].value_json;
            to->json_is_shared = 1;
            to->text = "";
            for (j = 0; j < a->text_len; j++)
                if (!strchr(" \t\n\r", a->text[j])) {
                    to->text = "x";
                    to->text_len = 1;
                    break;
                }
        }
    return BSL_OK;
}

static int build(bsl_result *r, const bsl_usecase *uc)
{
    const bsl_framework *fw = r->fw;
    size_t c, n = fw->indicator_count;
    r->usecase_id = copy_str(&r->arena, uc->id);
    r->usecase_title = copy_str(&r->arena, uc->title);
    r->service = copy_str(&r->arena, uc->service);
    r->phase = copy_str(&r->arena, uc->phase);
    r->description = copy_str(&r->arena, uc->description);
    if ((uc->service && !r->service) || (uc->phase && !r->phase) ||
        (uc->description && !r->description))
        return BSL_ERR_NOMEM;
    r->criterion_count = fw->criterion_count;
    /* Every field of these is written below, so they are not zeroed.
     * Upper bounds: at most one entry per indicator or criterion each. */
    r->criteria = bsl_arena_calloc(&r->arena, fw->criterion_count, sizeof *r->criteria);
    r->missing = bsl_arena_alloc(&r->arena, n * sizeof *r->missing);
    r->remediations = bsl_arena_alloc(&r->arena, n * sizeof *r->remediations);
    r->reasons = bsl_arena_alloc(&r->arena, (2 * n + fw->criterion_count) * sizeof *r->reasons);
    if (!r->usecase_id || !r->usecase_title || !r->criteria || !r->missing ||
        !r->remediations || !r->reasons)
        return BSL_ERR_NOMEM;
    if (copy_keys(r, uc->unknown, uc->unknown_count, &r->unknown) ||
        copy_keys(r, uc->not_used, uc->not_used_count, &r->not_used))
        return BSL_ERR_NOMEM;
    r->unknown_count = uc->unknown_count;
    r->not_used_count = uc->not_used_count;
    for (c = 0; c < fw->criterion_count; c++)
        if (evaluate_criterion(r, uc, c))
            return BSL_ERR_NOMEM;
    if (copy_answers(r, uc))
        return BSL_ERR_NOMEM;
    decide(r);
    list_reasons(r);
    return BSL_OK;
}

int bsl_evaluate(bsl_result **out, const bsl_framework *fw, const bsl_usecase *uc, bsl_error *err)
{
    bsl_result *r;
    bsl_arena arena;
    bsl_error_clear(err);
    if (out)
        *out = NULL;
    if (!out || !fw || !uc)
        return bsl_error_set(err, BSL_ERR_ARG, "bsl_evaluate: out, fw and uc must not be NULL");
    if (uc->fw != fw)
        return bsl_error_set(err, BSL_ERR_ARG,
                             "the use-case was parsed against another framework");
    bsl_arena_init(&arena, &uc->cfg.alloc);
    r = bsl_arena_calloc(&arena, 1, sizeof *r); /* the result lives in its own arena */
    if (!r)
        return bsl_error_set(err, BSL_ERR_NOMEM, "out of memory");
    r->alloc = uc->cfg.alloc;
    r->fw = fw;
    r->arena = arena;
    r->arena.alloc = &r->alloc;
    if (build(r, uc)) {
        bsl_result_free(r);
        return bsl_error_set(err, BSL_ERR_NOMEM, "out of memory");
    }
    *out = r;
    return BSL_OK;
}

int bsl_evaluate_json(bsl_result **out, const bsl_framework *fw, const char *buf, size_t len,
                      const bsl_options *opts, bsl_error *err)
{
    bsl_usecase *uc;
    int rc;
    if (out)
        *out = NULL;
    if (!out)
        return bsl_error_set(err, BSL_ERR_ARG, "bsl_evaluate_json: out must not be NULL");
    if ((rc = bsl_usecase_parse(&uc, fw, buf, len, opts, err)))
        return rc;
    rc = bsl_evaluate(out, fw, uc, err);
    bsl_usecase_free(uc);
    return rc;
}

void bsl_result_free(bsl_result *r)
{
    if (r)
        bsl_arena_release_self(&r->arena);
}
