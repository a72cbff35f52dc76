/* The facts a what-if search may change, across the frameworks it runs
 * under, with the values worth trying for each (whatif_facts.c). */
#ifndef BSL_WHATIF_FACTS_H
#define BSL_WHATIF_FACTS_H

#include "whatif.h"
#include "usecase.h"

/* A value to try: per framework, the outcome it gives the indicator that
 * reads the fact (WI_MISSING for a framework that does not read it). */
typedef struct wi_cand {
    const char *json;   /* the value as compact JSON, or the rule token (see bsl_whatif_change_to) */
    int *outcome;
} wi_cand;

typedef struct wi_fact {
    const char *key;
    size_t key_len;
    int actionable;     /* no framework that reads it marks it "actionable": false */
    size_t first_fw;    /* the first framework that reads it */
    size_t *ind;        /* per framework: the indicator reading it, or SIZE_MAX */
    wi_cand *cands;
    size_t cand_count;
} wi_fact;

typedef struct wi_facts {
    wi_fact *facts;     /* framework order: the first framework's, then new ones of the next... */
    size_t count;
    size_t **fact_of;   /* per framework, per indicator: its fact's index in facts */
} wi_facts;

/* Build the facts of fws[0..nfw) in arena. BSL_ERR_NOMEM, or BSL_ERR_ARG
 * with err set when two frameworks type one fact differently. */
int bsl__wi_facts_build(wi_facts *out, bsl_arena *arena, const bsl_framework *const *fws, size_t nfw,
                        bsl_error *err);

#endif
