/* State shared by the two halves of a framework load: framework.c reads the
 * document, criteria and conditions; indicator.c reads one indicator. */
#ifndef BSL_LOADER_H
#define BSL_LOADER_H

#include "framework.h"

typedef struct bsl_loader {
    bsl_reader rd;
    bsl_framework *fw;
    size_t *fact_node;       /* per indicator: node of its "fact" value */
    size_t *cond_node;       /* per indicator: node of "applies_if", 0 if none */
} bsl_loader;

static inline int bsl_loader_nomem(bsl_loader *ld)
{
    return bsl_error_set(ld->rd.err, BSL_ERR_NOMEM, "out of memory");
}

/* Read indicator obj of criterion into fw->indicators[fw->indicator_count]
 * and count it. */
int bsl_read_indicator(bsl_loader *ld, size_t obj, size_t criterion);

#endif
