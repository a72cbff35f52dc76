/* The state of a what-if search (whatif.c), shared with the bound on the
 * score it can still reach (whatif_bound.c). */
#ifndef BSL_WHATIF_SEARCH_H
#define BSL_WHATIF_SEARCH_H

#include "whatif_facts.h"

/* A weighted indicator of a criterion, as the score bound reads it. */
typedef struct wi_term {
    double w, max, points;  /* points: of its answer, when answered */
    int answered, counts;   /* counts: answered and applicable */
    size_t x, y;            /* its fact and its condition's, SIZE_MAX when it may not change */
} wi_term;

typedef struct wi_search {
    const bsl_framework **fw;
    const bsl_usecase *const *uc;
    size_t nfw;
    wi_facts f;
    int **slot;                 /* per framework: the outcomes now, changed as the search goes */
    wi_score *sc;               /* per framework */
    bsl_verdict target;
    size_t limit;               /* plan size of this round */
    unsigned long nodes;        /* budget spent so far, all rounds */
    unsigned long max_nodes;    /* the budget (bsl_whatif_options.max_nodes) */
    unsigned long node_cost;    /* what one state visited costs of it */
    int exhausted;              /* the budget ran out: the search stopped */
    size_t depth;
    size_t *plan_fact, *plan_cand;  /* the changes made so far, limit entries */
    int *undo;                  /* per depth and framework: the outcome replaced */
    unsigned char *changed;     /* per fact: in the plan */
    size_t **branch;            /* per depth: the facts to try */
    size_t *pfacts;             /* the facts of each problem, one after the other */
    size_t *pstart;             /* problem p's facts are pfacts[pstart[p] .. pstart[p + 1]) */
    size_t *need;               /* per problem: the changes it needs at least */
    size_t *packed, *packed_need;   /* the problems the lower bound adds up, and their needs */
    size_t packed_count;
    unsigned *mark;             /* per fact: stamp, for sets of facts without clearing */
    unsigned stamp;
    double *gain;               /* per fact: a criterion's possible gain from changing it */
    size_t *ubfacts;            /* scratch of the score bound: a criterion's facts */
    wi_term *terms;             /* scratch of the score bound: a criterion's indicators */
    unsigned char *taken;       /* scratch of the score bound, per fact of a criterion */
    size_t **cand_order;        /* per fact: its candidates, most points first */
    size_t *bucket, *porder;    /* scratch of the lower bound: problems by need */
    int found;
    double best_score;
    size_t *best_fact, *best_cand, *sorted_fact, *sorted_cand;
} wi_search;

/* A fresh stamp for s->mark: a set of facts without clearing it. */
unsigned bsl__wi_stamp(wi_search *s);

/* Whether the plans below the current state, with at most left more
 * changes, could still reach a summed score after of at least s->best_score
 * (so that they may beat or tie the best plan found). Exact upper bound:
 * never 0 when one of them could. */
int bsl__wi_may_tie_best(wi_search *s, size_t left);

#endif
