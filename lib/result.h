/* The result of an evaluation: built once by evaluate.c in one arena, then
 * only read (accessors in result.c, renderers in render_*.c). */
#ifndef BSL_RESULT_H
#define BSL_RESULT_H

#include "framework.h"
#include "usecase.h"

struct bsl_outcome {
    const bsl_indicator *ind;
    const char *criterion_id;
    const bsl_outcome_def *matched; /* NULL when missing or not applicable */
    const char *value_json;         /* NULL when missing */
    const char *evidence;
    const char *rule;
    double points;
    int missing, not_applicable, red_line;
    int fails_condition;            /* the matched outcome fails a necessary condition */
    const bsl_text *remediation;    /* NULL, or listed among the remediations: the indicator's own,
                                       or the question itself when the fact is missing */
};

struct bsl_criterion_result {
    const bsl_criterion_def *def;
    double score;                   /* 0 when not assessed */
    int assessed;                   /* has a score: something weighted was answered, or nothing to answer */
    int failed_condition;           /* an outcome failed a necessary condition (and no red line fired) */
    bsl_criterion_status status;
    struct bsl_outcome *outcomes;
    size_t outcome_count;
};

struct bsl_reason {
    bsl_reason_kind kind;
    const char *criterion;
    const char *fact;
    const char *text[2];
    const bsl_json_frags *json;     /* the whole reason as JSON (framework.h) */
};

struct bsl_result {
    bsl_allocator alloc;
    bsl_arena arena;
    const bsl_framework *fw;
    const char *usecase_id, *usecase_title;
    const char *service, *phase, *description; /* NULL when the use-case has none; reports only */
    bsl_verdict verdict;
    double score;                   /* 0 when not assessed */
    int assessed;                   /* some criterion with a weight has a score */
    struct bsl_criterion_result *criteria;
    size_t criterion_count;
    struct bsl_reason *reasons;
    size_t reason_count;
    size_t red_line_count;          /* outcomes that fired a red line */
    size_t failed_count;            /* outcomes that failed a necessary condition */
    const char **missing;
    size_t missing_count;
    bsl_unknown_key *unknown;
    size_t unknown_count;
    bsl_unknown_key *not_used;     /* vocabulary facts the framework does not read */
    size_t not_used_count;
    const struct bsl_outcome **remediations;
    size_t remediation_count;
    /* The use-case's answers, indexed like fw->indicators, for the what-if
     * section of the reports (whatif.c): json points at the outcome's
     * value_json, text is kept only when not blank, evidence is NULL. */
    bsl_answer *answers;
};

#endif
