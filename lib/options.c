#include "options.h"
#include "alloc.h"
#include "error.h"

#include <string.h>

int bsl_options_init(bsl_options *opts, unsigned version)
{
    static const bsl_options defaults = BSL_OPTIONS_INIT;
    if (!opts || version != BSL_OPTIONS_VERSION)
        return BSL_ERR_ARG;
    *opts = defaults;
    return BSL_OK;
}

static size_t or_default(size_t value, size_t fallback) { return value ? value : fallback; }

int bsl_config_init(bsl_config *cfg, const bsl_options *opts, bsl_error *err)
{
    bsl_options o = BSL_OPTIONS_INIT;
    if (opts) {
        /* Version 1 is the only one so far; a later version will copy the
         * fields an older caller knows and leave the rest at defaults. */
        if (opts->version != BSL_OPTIONS_VERSION)
            return bsl_error_set(err, BSL_ERR_ARG,
                                 "unsupported bsl_options version %u (this library knows %u)",
                                 opts->version, (unsigned)BSL_OPTIONS_VERSION);
        o = *opts;
    }
    if (bsl_allocator_resolve(&cfg->alloc, &o.allocator) != BSL_OK)
        return bsl_error_set(err, BSL_ERR_ARG,
                             "bsl_allocator needs malloc, realloc and free, or none of them");
    cfg->json.max_input_bytes = or_default(o.max_input_bytes, BSL_DEFAULT_MAX_INPUT_BYTES);
    cfg->json.max_depth = o.max_depth ? o.max_depth : BSL_DEFAULT_MAX_DEPTH;
    cfg->json.max_tokens = or_default(o.max_tokens, BSL_DEFAULT_MAX_TOKENS);
    cfg->json.max_string_bytes = or_default(o.max_string_bytes, BSL_DEFAULT_MAX_STRING_BYTES);
    cfg->max_facts = or_default(o.max_facts, BSL_DEFAULT_MAX_FACTS);
    cfg->max_indicators = or_default(o.max_indicators, BSL_DEFAULT_MAX_INDICATORS);
    return BSL_OK;
}
