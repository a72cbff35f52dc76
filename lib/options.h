/* bsl_options resolved into the limits and allocator an object keeps. */
#ifndef BSL_OPTIONS_H
#define BSL_OPTIONS_H

#include "boussole.h"
#include "json.h"

typedef struct bsl_config {
    bsl_allocator alloc;
    bsl_json_limits json;
    size_t max_facts;
    size_t max_indicators;
} bsl_config;

/* Resolve opts (NULL: defaults) into cfg; BSL_ERR_ARG for an unknown
 * version or a half-set allocator. */
int bsl_config_init(bsl_config *cfg, const bsl_options *opts, bsl_error *err);

#endif
