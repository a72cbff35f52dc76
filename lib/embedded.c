/* Loading what is compiled into the library, and the public loaders that
 * bind a framework to the embedded vocabulary. The only file of lib/ that
 * refers to the generated tables (embedded.h): the table generator links
 * every other one. */
#include "embedded.h"

#include <limits.h>
#include <string.h>

/* The limits the JSON parser and the loaders apply, checked against what
 * the document measured at build time, with their messages; framework: the
 * items are indicators (else the vocabulary's facts). */
static int check_size(const bsl_config *cfg, const bsl_embedded_size *s, int framework, bsl_error *err)
{
    size_t max_input = cfg->json.max_input_bytes;
    if (!max_input || max_input > (size_t)INT_MAX) /* as json.c: jsmn counts in int */
        max_input = (size_t)INT_MAX;
    if (s->input_bytes > max_input)
        return bsl_error_set(err, BSL_ERR_LIMIT, "document larger than the limit of %zu bytes", max_input);
    if (s->depth > cfg->json.max_depth)
        return bsl_error_set(err, BSL_ERR_LIMIT, "nesting deeper than the limit of %zu",
                             (size_t)cfg->json.max_depth);
    if (s->tokens > cfg->json.max_tokens)
        return bsl_error_set(err, BSL_ERR_LIMIT, "more than %zu values (the token limit)",
                             cfg->json.max_tokens);
    if (s->string_bytes > cfg->json.max_string_bytes)
        return bsl_error_set(err, BSL_ERR_LIMIT, "string longer than the limit of %zu bytes",
                             cfg->json.max_string_bytes);
    if (s->items > cfg->max_indicators)
        return framework ? bsl_error_set(err, BSL_ERR_LIMIT, "more than %zu indicators (max_indicators)",
                                         cfg->max_indicators)
                         : bsl_error_set(err, BSL_ERR_LIMIT, "more than %zu facts (max_indicators)",
                                         cfg->max_indicators);
    return BSL_OK;
}

int bsl_framework_load(bsl_framework **out, const char *buf, size_t len,
                       const bsl_options *opts, bsl_error *err)
{
    return bsl_framework_build(out, buf, len, &bsl_embedded_vocabulary, opts, err);
}

int bsl_framework_load_file(bsl_framework **out, const char *path,
                            const bsl_options *opts, bsl_error *err)
{
    bsl_config cfg;
    char *data;
    size_t len;
    int rc;

    bsl_error_clear(err);
    if (out)
        *out = NULL;
    if (!out || !path)
        return bsl_error_set(err, BSL_ERR_ARG, "bsl_framework_load_file: out and path must not be NULL");
    if ((rc = bsl_config_init(&cfg, opts, err)) || (rc = bsl_file_read(path, &cfg, &data, &len, err)))
        return rc;
    rc = bsl_framework_load(out, data, len, opts, err);
    bsl_free(&cfg.alloc, data);
    return rc;
}

size_t bsl_embedded_framework_count(void) { return bsl_embedded_framework_total; }

const char *bsl_embedded_framework_id(size_t i)
{
    return i < bsl_embedded_framework_total ? bsl_embedded_frameworks[i].id : NULL;
}

/* One allocation: the handle, a copy of the static top struct with the
 * caller's configuration. bsl_framework_free() frees only it. */
static int load_tables(bsl_framework **out, const bsl_embedded_framework *e, const bsl_options *opts,
                       bsl_error *err)
{
    bsl_config cfg;
    bsl_framework *fw;
    int rc;
    if ((rc = bsl_config_init(&cfg, opts, err)) || (rc = check_size(&cfg, &e->size, 1, err)))
        return rc;
    if (!(fw = bsl_malloc(&cfg.alloc, sizeof *fw)))
        return bsl_error_set(err, BSL_ERR_NOMEM, "out of memory");
    *fw = *e->tables;
    fw->cfg = cfg;
    bsl_arena_init(&fw->arena, &fw->cfg.alloc);
    *out = fw;
    return BSL_OK;
}

int bsl_framework_load_embedded(bsl_framework **out, const char *id,
                                const bsl_options *opts, bsl_error *err)
{
    size_t i;
    bsl_error_clear(err);
    if (!out)
        return bsl_error_set(err, BSL_ERR_ARG, "bsl_framework_load_embedded: out must not be NULL");
    *out = NULL;
    for (i = 0; i < bsl_embedded_framework_total; i++)
        if (!id || !strcmp(id, bsl_embedded_frameworks[i].id))
            return load_tables(out, &bsl_embedded_frameworks[i], opts, err);
    return bsl_error_set(err, BSL_ERR_NOTFOUND, "no embedded framework \"%.80s\"", id);
}

/* The handle lives in its own arena, as a loaded vocabulary does, so that
 * bsl_vocabulary_free() treats both alike. */
int bsl_vocabulary_load_embedded(bsl_vocabulary **out, const bsl_options *opts, bsl_error *err)
{
    bsl_config cfg;
    bsl_arena arena;
    bsl_vocabulary *v;
    int rc;

    bsl_error_clear(err);
    if (out)
        *out = NULL;
    if (!out)
        return bsl_error_set(err, BSL_ERR_ARG, "bsl_vocabulary_load_embedded: out must not be NULL");
    if ((rc = bsl_config_init(&cfg, opts, err)) || (rc = check_size(&cfg, &bsl_embedded_vocabulary_size, 0, err)))
        return rc;
    bsl_arena_init(&arena, &cfg.alloc);
    if (!(v = bsl_arena_alloc(&arena, sizeof *v)))
        return bsl_error_set(err, BSL_ERR_NOMEM, "out of memory");
    *v = bsl_embedded_vocabulary;
    v->cfg = cfg;
    v->arena = arena;
    v->arena.alloc = &v->cfg.alloc;
    *out = v;
    return BSL_OK;
}
