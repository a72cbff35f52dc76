/* What-if plans (issue 11): the search (whatif.c), the allocation-free
 * scorer it runs on (whatif_score.c) and the renderers (whatif_render.c). */
#ifndef BSL_WHATIF_H
#define BSL_WHATIF_H

#include "framework.h"
#include "buf.h"

/* ---- the scorer -------------------------------------------------------- */

/* A use-case reduced to what scoring reads: per indicator, the outcome
 * index of its answer, or WI_MISSING. */
enum { WI_MISSING = -1 };

typedef struct wi_score {
    bsl_verdict verdict;
    double score;                  /* rounded as bsl_evaluate() rounds it; 0 when not assessed */
    int assessed;
    bsl_criterion_status *status;  /* per criterion, caller-provided room */
} wi_score;

/* Whether indicator ind applies given the outcomes in slot (evaluate.c's rule). */
int bsl__wi_applies(const bsl_indicator *ind, const int *slot);

/* Score fw on slot exactly as bsl_evaluate() would (same statuses, verdict
 * and global score), without allocating. */
void bsl__wi_score(const bsl_framework *fw, const int *slot, wi_score *out);

/* ---- the plan ---------------------------------------------------------- */

typedef struct wi_change {
    const char *fact;
    const char *criterion;
    const char *from;              /* compact JSON, NULL when not answered */
    const char *to;                /* compact JSON */
    double gain;
    const bsl_text *remediation;
} wi_change;

typedef struct wi_after {
    const bsl_framework *fw;
    bsl_verdict verdict;
    double score;
    int assessed;
} wi_after;

struct bsl_whatif_plan {
    bsl_allocator alloc;
    bsl_arena arena;
    const char *usecase_id, *usecase_title;
    bsl_verdict target;
    unsigned max_changes;          /* the largest plan searched */
    unsigned long max_nodes;       /* the search budget */
    unsigned long nodes;           /* the budget spent */
    int limit_reached;             /* the budget ran out before the search could finish */
    unsigned complete_below;       /* then: every plan of fewer changes was searched */
    int reachable;                 /* a plan was found (when limit_reached, maybe not the best) */
    wi_change *changes;
    size_t change_count;
    wi_after *after;               /* one per framework */
    size_t framework_count;
    const char **blocked;
    size_t blocked_count;
};

/* The section "Pour atteindre « favorable »" / "To reach favourable" of a
 * report, as text (BSL_FORMAT_TEXT) or Markdown (BSL_FORMAT_MARKDOWN),
 * appended to b: for the text and Markdown result reports to call. */
void bsl__whatif_render_section(bsl_buf *b, const bsl_whatif_plan *p, bsl_lang lang, bsl_format format);

/* When the search ran out of budget, the sentence that says what the plan
 * can and cannot tell, as a line of text (BSL_FORMAT_TEXT), a Markdown
 * paragraph or an HTML <p>, appended to b. */
void bsl__whatif_limit_line(bsl_buf *b, const bsl_whatif_plan *p, bsl_lang lang, bsl_format format);

/* The plan of a result's reports: toward opts->target (opts must not be
 * NULL: the report's budget comes with it) under the result's framework,
 * from the answers the result keeps. *out is NULL (and BSL_OK) when the
 * verdict already reaches the target; else BSL_OK or BSL_ERR_NOMEM.
 * Free with bsl_whatif_free(). */
int bsl__whatif_of_result(bsl_whatif_plan **out, const bsl_result *r, const bsl_whatif_options *opts);

/* The section of a result's text or Markdown report, after a blank line,
 * when its verdict is below opts->target; b->failed set on failure. */
void bsl__whatif_report_section(bsl_buf *b, const bsl_result *r, bsl_lang lang, bsl_format format,
                                const bsl_whatif_options *opts);

#endif
