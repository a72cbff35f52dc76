/* Which facts a what-if plan may change and which values it tries: a value
 * per outcome the framework can give (each enum level, both booleans, an
 * empty or non-empty set, a blank or present text, and for numbers one
 * value inside each band of every framework that reads the fact). Two
 * values that give every framework the same outcomes are interchangeable,
 * so these are all the search ever needs. */
#include "whatif_facts.h"
#include "error.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

static double round_tenth(double x) { return floor(x * 10.0 + 0.5) / 10.0; }

/* A value inside band i of a number indicator, or NAN when none fits the
 * fact's bounds: the band's own bound when it includes it, else the
 * previous band's bound, else a point between them. */
static double band_value(const bsl_indicator *ind, size_t i)
{
    const bsl_outcome_def *o = &ind->outcomes[i], *prev = i ? &ind->outcomes[i - 1] : NULL;
    const bsl_fact *d = ind->def;
    double v;
    if (o->bound_kind == BSL_BOUND_UP_TO)
        v = o->bound;
    else if (prev && prev->bound_kind == BSL_BOUND_BELOW)
        v = prev->bound;
    else if (prev && o->bound_kind == BSL_BOUND_BELOW)
        v = round_tenth((prev->bound + o->bound) / 2);
    else if (prev) /* the open band after an up_to bound */
        v = d->has_max && prev->bound + 1 > d->max.value ? round_tenth((prev->bound + d->max.value) / 2)
                                                          : prev->bound + 1;
    else if (o->bound_kind == BSL_BOUND_BELOW)
        v = d->has_min ? d->min.value : o->bound - 1;
    else
        v = d->has_min ? d->min.value : d->has_max && d->max.value < 0 ? d->max.value : 0;
    if ((d->has_min && v < d->min.value) || (d->has_max && v > d->max.value) || bsl_indicator_band(ind, v) != i)
        return NAN;
    return v;
}

/* v as JSON: digits for a whole number, else one decimal (band values are
 * tenths by construction). */
static const char *number_json(bsl_arena *arena, const bsl_allocator *alloc, double v)
{
    bsl_buf b;
    const char *s;
    bsl_buf_init(&b, alloc);
    if (v < 0) {
        bsl_buf_putc(&b, '-');
        v = -v;
    }
    if (v == floor(v) && v < 1e15)
        bsl_buf_uint(&b, (unsigned long long)v);
    else
        bsl_buf_decimal1(&b, v, 0, 0);
    s = b.failed ? NULL : bsl_arena_strndup(arena, b.data, b.len);
    bsl_buf_release(&b);
    return s;
}

static int add_cand(bsl_arena *arena, wi_fact *x, size_t nfw, const char *json)
{
    wi_cand *c = &x->cands[x->cand_count];
    size_t f;
    if (!(c->outcome = bsl_arena_alloc(arena, nfw * sizeof *c->outcome)))
        return BSL_ERR_NOMEM;
    for (f = 0; f < nfw; f++)
        c->outcome[f] = WI_MISSING;
    c->json = json;
    x->cand_count++;
    return BSL_OK;
}

/* One candidate per outcome index: booleans, sets, texts, and enum levels
 * matched by token in every framework that reads the fact. */
static int level_cands(bsl_arena *arena, wi_fact *x, const bsl_framework *const *fws, size_t nfw)
{
    static const char *const bool_json[2] = { "false", "true" };
    static const char *const set_json[2] = { "[]", "\"set:non_empty\"" };
    static const char *const text_json[2] = { "\"\"", "\"text:present\"" };
    const bsl_indicator *first = &fws[x->first_fw]->indicators[x->ind[x->first_fw]];
    size_t k, f, n = first->type == BSL_FACT_ENUM ? first->def->value_count : 2;
    if (!(x->cands = bsl_arena_calloc(arena, n, sizeof *x->cands)))
        return BSL_ERR_NOMEM;
    for (k = 0; k < n; k++) {
        const char *json = first->type == BSL_FACT_BOOLEAN ? bool_json[k]
                         : first->type == BSL_FACT_SET     ? set_json[k]
                         : first->type == BSL_FACT_TEXT    ? text_json[k]
                                                           : first->def->values[k].json;
        wi_cand *c = &x->cands[x->cand_count];
        int usable = 1;
        if (add_cand(arena, x, nfw, json))
            return BSL_ERR_NOMEM;
        for (f = 0; f < nfw; f++) {
            const bsl_indicator *ind;
            size_t o = k;
            if (x->ind[f] == SIZE_MAX)
                continue;
            ind = &fws[f]->indicators[x->ind[f]];
            if (first->type == BSL_FACT_ENUM)
                o = bsl_indicator_find_level(ind, first->def->values[k].value, first->def->values[k].len);
            usable &= o != SIZE_MAX;
            c->outcome[f] = o == SIZE_MAX ? WI_MISSING : (int)o;
        }
        if (!usable) /* a level some framework does not know cannot be written for all */
            x->cand_count--;
    }
    return BSL_OK;
}

/* A value inside each band of each framework reading the number, once. */
static int number_cands(bsl_arena *arena, const bsl_allocator *alloc, wi_fact *x,
                        const bsl_framework *const *fws, size_t nfw)
{
    size_t f, g, i, k, room = 0;
    for (f = 0; f < nfw; f++)
        if (x->ind[f] != SIZE_MAX)
            room += fws[f]->indicators[x->ind[f]].outcome_count;
    if (!(x->cands = bsl_arena_calloc(arena, room, sizeof *x->cands)))
        return BSL_ERR_NOMEM;
    for (f = 0; f < nfw; f++) {
        const bsl_indicator *ind;
        if (x->ind[f] == SIZE_MAX)
            continue;
        ind = &fws[f]->indicators[x->ind[f]];
        for (i = 0; i < ind->outcome_count; i++) {
            double v = band_value(ind, i);
            int seen = 0;
            const char *json;
            if (isnan(v))
                continue;
            for (k = 0; k < x->cand_count && !seen; k++) /* same outcomes everywhere: the same candidate */
                for (g = 0, seen = 1; g < nfw && seen; g++)
                    seen = x->ind[g] == SIZE_MAX ||
                           x->cands[k].outcome[g] == (int)bsl_indicator_band(&fws[g]->indicators[x->ind[g]], v);
            if (seen)
                continue;
            if (!(json = number_json(arena, alloc, v)) || add_cand(arena, x, nfw, json))
                return BSL_ERR_NOMEM;
            for (g = 0; g < nfw; g++)
                if (x->ind[g] != SIZE_MAX)
                    x->cands[x->cand_count - 1].outcome[g] =
                        (int)bsl_indicator_band(&fws[g]->indicators[x->ind[g]], v);
        }
    }
    return BSL_OK;
}

/* Find or add the fact key of indicator ind of framework f. */
static int index_fact(wi_facts *out, bsl_arena *arena, const bsl_framework *const *fws, size_t nfw,
                      size_t f, size_t i, bsl_error *err)
{
    const bsl_indicator *ind = &fws[f]->indicators[i];
    size_t x, g;
    for (x = 0; x < out->count; x++)
        if (out->facts[x].key_len == ind->fact_len && !memcmp(out->facts[x].key, ind->fact, ind->fact_len))
            break;
    if (x == out->count) {
        wi_fact *n = &out->facts[out->count++];
        n->key = ind->fact;
        n->key_len = ind->fact_len;
        n->actionable = 1;
        n->first_fw = f;
        if (!(n->ind = bsl_arena_alloc(arena, nfw * sizeof *n->ind)))
            return BSL_ERR_NOMEM;
        for (g = 0; g < nfw; g++)
            n->ind[g] = SIZE_MAX;
    } else if (fws[out->facts[x].first_fw]->indicators[out->facts[x].ind[out->facts[x].first_fw]].type !=
               ind->type) {
        return bsl_error_set(err, BSL_ERR_ARG, "fact \"%s\" has a different type in framework \"%s\"",
                             ind->fact, fws[f]->id);
    }
    out->facts[x].ind[f] = i;
    out->facts[x].actionable &= ind->actionable;
    out->fact_of[f][i] = x;
    return BSL_OK;
}

int bsl__wi_facts_build(wi_facts *out, bsl_arena *arena, const bsl_framework *const *fws, size_t nfw,
                        bsl_error *err)
{
    size_t f, i, x, total = 0;
    int rc;
    for (f = 0; f < nfw; f++)
        total += fws[f]->indicator_count;
    out->count = 0;
    out->facts = bsl_arena_calloc(arena, total ? total : 1, sizeof *out->facts);
    out->fact_of = bsl_arena_calloc(arena, nfw, sizeof *out->fact_of);
    if (!out->facts || !out->fact_of)
        return BSL_ERR_NOMEM;
    for (f = 0; f < nfw; f++) {
        if (!(out->fact_of[f] = bsl_arena_calloc(arena, fws[f]->indicator_count + 1, sizeof **out->fact_of)))
            return BSL_ERR_NOMEM;
        for (i = 0; i < fws[f]->indicator_count; i++)
            if ((rc = index_fact(out, arena, fws, nfw, f, i, err)))
                return rc;
    }
    for (x = 0; x < out->count; x++) {
        wi_fact *n = &out->facts[x];
        const bsl_allocator *alloc = arena->alloc;
        rc = fws[n->first_fw]->indicators[n->ind[n->first_fw]].type == BSL_FACT_NUMBER
                 ? number_cands(arena, alloc, n, fws, nfw)
                 : level_cands(arena, n, fws, nfw);
        if (rc)
            return rc;
    }
    return BSL_OK;
}
