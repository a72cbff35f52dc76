/* Framework JSON -> immutable compiled tables (see doc/framework-format.md).
 * Everything is validated here so that evaluation never meets bad data. */
#include "loader.h"
#include "bytes.h"
#include "buf.h"
#include "sha256.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Format 1 frameworks define their own facts; format 2 frameworks score
 * the facts of the shared vocabulary. Both load. */
#define FORMAT_1 "boussole-framework/1"
#define FORMAT_2 "boussole-framework/2"

static const char *const top_fields[] = {
    "format", "id", "version", "title", "source", "description", "thresholds", "vocabulary",
    "criteria", NULL };
static const char *const criterion_fields[] = {
    "id", "title", "reference", "weight", "thresholds", "indicators", NULL };
static const char *const threshold_fields[] = { "met", "reservations", NULL };
static const char *const condition_fields[] = { "fact", "in", "not_in", NULL };



/* ---- pieces ---------------------------------------------------------- */

static int read_thresholds(bsl_loader *ld, size_t obj, const char *key, bsl_num *met, bsl_num *res)
{
    bsl_reader *rd = &ld->rd;
    size_t node, mark;
    int rc = bsl_reader_member(rd, obj, key, 0, &node);
    if (rc || !node)
        return rc;
    mark = bsl_path_push_key(&rd->path, key);
    rc = bsl_reader_expect(rd, node, BSL_JSON_OBJECT);
    if (!rc)
        rc = bsl_reader_only(rd, node, threshold_fields);
    if (!rc)
        rc = bsl_reader_number(rd, node, "met", 1, 0, 100, met);
    if (!rc)
        rc = bsl_reader_number(rd, node, "reservations", 1, 0, 100, res);
    if (!rc && res->value > met->value)
        rc = bsl_reader_fail(rd, bsl_json_find(rd->doc, node, "reservations"), "reservations",
                             BSL_ERR_VALUE, "reservations threshold %s is above met threshold %s",
                             res->text, met->text);
    bsl_path_pop(&rd->path, mark);
    return rc;
}

static int read_criterion(bsl_loader *ld, size_t obj, size_t index, const bsl_num *met, const bsl_num *res)
{
    bsl_reader *rd = &ld->rd;
    bsl_framework *fw = ld->fw;
    const bsl_json_node *n = rd->doc->nodes;
    bsl_criterion_def *c = &fw->criteria[index];
    size_t arr, el, i = 0, mark;
    int rc = bsl_reader_expect(rd, obj, BSL_JSON_OBJECT);
    if (!rc)
        rc = bsl_reader_only(rd, obj, criterion_fields);
    if (!rc)
        rc = bsl_reader_string(rd, obj, "id", 1, &c->id);
    if (!rc) {
        size_t id = bsl_json_find(rd->doc, obj, "id");
        if (!bsl_is_token(n[id].text, n[id].count, BSL_TOKEN_CRITERION_ID))
            rc = bsl_reader_fail(rd, id, "id", BSL_ERR_VALUE,
                                 "a criterion id is a token of letters, digits, '.', '_' and '-'");
    }
    if (!rc)
        rc = bsl_reader_text(rd, obj, "title", 1, &c->title);
    if (!rc)
        rc = bsl_reader_text(rd, obj, "reference", 0, &c->reference);
    c->weight.value = 1;
    c->weight.text = "1";
    if (!rc)
        rc = bsl_reader_number(rd, obj, "weight", 0, 0, 1e6, &c->weight);
    c->met = *met;
    c->reservations = *res;
    if (!rc)
        rc = read_thresholds(ld, obj, "thresholds", &c->met, &c->reservations);
    if (!rc)
        rc = bsl_reader_array(&ld->rd, obj, "indicators", &arr);
    if (rc)
        return rc;
    c->first_indicator = fw->indicator_count;
    mark = bsl_path_push_key(&rd->path, "indicators");
    for (el = arr + 1; !rc && el < n[arr].end; el = n[el].end, i++) {
        size_t mark2 = bsl_path_push_index(&rd->path, i);
        rc = bsl_read_indicator(ld, el, index);
        bsl_path_pop(&rd->path, mark2);
    }
    bsl_path_pop(&rd->path, mark);
    c->indicator_count = fw->indicator_count - c->first_indicator;
    for (i = c->first_indicator; i < fw->indicator_count; i++)
        fw->indicators[i].criterion_id = c->id;
    return rc;
}

/* The condition's values as tokens, for bsl_indicator_condition_value(). */
static int list_condition_values(bsl_loader *ld, bsl_indicator *ind, const bsl_indicator *target)
{
    size_t i;
    ind->cond_fact = target->fact;
    ind->cond_values = bsl_arena_calloc(&ld->fw->arena, target->outcome_count, sizeof *ind->cond_values);
    if (!ind->cond_values)
        return bsl_loader_nomem(ld);
    for (i = 0; i < target->outcome_count; i++)
        if (ind->cond_match[i])
            ind->cond_values[ind->cond_value_count++] = target->outcomes[i].value;
    return BSL_OK;
}

/* applies_if can only be resolved once every fact is known. */
static int resolve_condition(bsl_loader *ld, size_t index)
{
    bsl_reader *rd = &ld->rd;
    bsl_framework *fw = ld->fw;
    const bsl_json_node *n = rd->doc->nodes;
    bsl_indicator *ind = &fw->indicators[index];
    const bsl_indicator *target;
    size_t obj = ld->cond_node[index], fact, in, not_in, list, el, t;
    int rc = bsl_reader_expect(rd, obj, BSL_JSON_OBJECT);
    if (!rc)
        rc = bsl_reader_only(rd, obj, condition_fields);
    if (!rc)
        rc = bsl_reader_member(rd, obj, "fact", 1, &fact);
    if (!rc) {
        size_t mark = bsl_path_push_key(&rd->path, "fact");
        rc = bsl_reader_expect(rd, fact, BSL_JSON_STRING);
        bsl_path_pop(&rd->path, mark);
    }
    if (rc)
        return rc;
    t = bsl_framework_find_fact(fw, n[fact].text, n[fact].count);
    if (t == SIZE_MAX)
        return bsl_reader_fail(rd, fact, "fact", BSL_ERR_VALUE,
                               "applies_if names \"%.40s\", which no indicator reads", n[fact].text);
    if (t == index)
        return bsl_reader_fail(rd, fact, "fact", BSL_ERR_VALUE,
                               "an indicator cannot depend on its own fact");
    target = &fw->indicators[t];
    if (target->type != BSL_FACT_BOOLEAN && target->type != BSL_FACT_ENUM)
        return bsl_reader_fail(rd, fact, "fact", BSL_ERR_VALUE,
                               "applies_if needs a boolean or enum fact; \"%s\" is not", target->fact);
    in = bsl_json_find(rd->doc, obj, "in");
    not_in = bsl_json_find(rd->doc, obj, "not_in");
    if (!in == !not_in)
        return bsl_reader_fail(rd, obj, NULL, in ? BSL_ERR_VALUE : BSL_ERR_MISSING,
                               "applies_if needs exactly one of \"in\" and \"not_in\"");
    list = in ? in : not_in;
    ind->has_condition = 1;
    ind->cond_indicator = t;
    ind->cond_negate = !in;
    ind->cond_match = bsl_arena_calloc(&fw->arena, target->outcome_count, 1);
    if (!ind->cond_match)
        return bsl_loader_nomem(ld);
    {
        size_t mark = bsl_path_push_key(&rd->path, in ? "in" : "not_in"), i = 0;
        rc = bsl_reader_expect(rd, list, BSL_JSON_ARRAY);
        /* "in": [] would make the indicator never apply, "not_in": [] always:
         * either is a mistake, not a condition. */
        if (!rc && n[list].count == 0)
            rc = bsl_reader_fail(rd, list, NULL, BSL_ERR_VALUE, "\"%s\" must not be empty",
                                 in ? "in" : "not_in");
        for (el = list + 1; !rc && el < n[list].end; el = n[el].end, i++) {
            size_t level = SIZE_MAX, mark2 = bsl_path_push_index(&rd->path, i);
            if (target->type == BSL_FACT_BOOLEAN) {
                rc = bsl_reader_expect(rd, el, BSL_JSON_TRUE);
                level = n[el].type == BSL_JSON_TRUE ? BSL_OUT_TRUE : BSL_OUT_FALSE;
            } else {
                rc = bsl_reader_expect(rd, el, BSL_JSON_STRING);
                if (!rc)
                    level = bsl_indicator_find_level(target, n[el].text, n[el].count);
                if (!rc && level == SIZE_MAX)
                    rc = bsl_reader_fail(rd, el, NULL, BSL_ERR_ENUM,
                                         "\"%.40s\" is not a value of %s", n[el].text, target->fact);
            }
            if (!rc)
                ind->cond_match[level] = 1;
            bsl_path_pop(&rd->path, mark2);
        }
        bsl_path_pop(&rd->path, mark);
    }
    return rc ? rc : list_condition_values(ld, ind, target);
}

/* Push $.criteria[c].indicators[k] for indicator index ii; returns the mark. */
static size_t push_indicator_path(bsl_loader *ld, size_t ii)
{
    const bsl_indicator *ind = &ld->fw->indicators[ii];
    size_t mark = bsl_path_push_key(&ld->rd.path, "criteria");
    bsl_path_push_index(&ld->rd.path, ind->criterion);
    bsl_path_push_key(&ld->rd.path, "indicators");
    bsl_path_push_index(&ld->rd.path, ii - ld->fw->criteria[ind->criterion].first_indicator);
    return mark;
}

/* Report the applies_if cycle through indicator j: at the indicator of the
 * cycle that comes first in the document, naming the cycle from it. */
static int fail_cycle(bsl_loader *ld, size_t j)
{
    const bsl_indicator *ind = ld->fw->indicators;
    char names[BSL_ERROR_MESSAGE_SIZE - 32];
    size_t first = j, k, len = 0, mark;
    int rc;
    for (k = ind[j].cond_indicator; k != j; k = ind[k].cond_indicator)
        if (k < first)
            first = k;
    k = first;
    do {
        int n = snprintf(names + len, sizeof names - len, "%s -> ", ind[k].fact);
        if (n < 0 || (size_t)n >= sizeof names - len)
            break; /* cut: the message says where the cycle starts */
        len += (size_t)n;
        k = ind[k].cond_indicator;
    } while (k != first);
    names[len] = '\0';
    mark = push_indicator_path(ld, first);
    bsl_path_push_key(&ld->rd.path, "applies_if");
    rc = bsl_reader_fail(&ld->rd, bsl_json_find(ld->rd.doc, ld->cond_node[first], "fact"), "fact",
                         BSL_ERR_VALUE, "applies_if cycle: %s%s%s", names, k == first ? ind[first].fact : "",
                         k == first ? "" : "...");
    bsl_path_pop(&ld->rd.path, mark);
    return rc;
}

/* applies_if must not go round in a circle: the indicators of a cycle
 * decide each other's applicability, so a red line among them could
 * vanish. Each indicator names at most one other, so one walk along the
 * conditions from each indicator, skipping what earlier walks cleared,
 * visits every indicator once: O(n). */
static int check_condition_cycles(bsl_loader *ld)
{
    const bsl_indicator *ind = ld->fw->indicators;
    size_t n = ld->fw->indicator_count, i, j;
    /* 0: not seen; 1: on the current walk; 2: leads to no cycle */
    unsigned char *state = bsl_arena_calloc(&ld->fw->arena, n, 1);
    if (!state)
        return bsl_loader_nomem(ld);
    for (i = 0; i < n; i++) {
        for (j = i; state[j] == 0 && ind[j].has_condition; j = ind[j].cond_indicator)
            state[j] = 1;
        if (state[j] == 1)
            return fail_cycle(ld, j);
        for (j = i; state[j] == 1; j = ind[j].cond_indicator)
            state[j] = 2;
        state[j] = 2;
    }
    return BSL_OK;
}

/* The fact index: indicator indexes sorted by fact key, for lookups by
 * binary search; a fact read twice is an error. */
static int build_fact_index(bsl_loader *ld)
{
    bsl_framework *fw = ld->fw;
    const bsl_named *dup;
    size_t i;
    bsl_named *names = bsl_arena_calloc(&fw->arena, fw->indicator_count, sizeof *names);
    fw->by_fact = bsl_arena_calloc(&fw->arena, fw->indicator_count, sizeof *fw->by_fact);
    if (!names || !fw->by_fact)
        return bsl_loader_nomem(ld);
    for (i = 0; i < fw->indicator_count; i++) {
        names[i].s = fw->indicators[i].fact;
        names[i].len = strlen(names[i].s);
        names[i].node = ld->fact_node[i];
        names[i].index = i;
    }
    if ((dup = bsl_find_duplicate(names, fw->indicator_count))) {
        size_t mark = push_indicator_path(ld, dup->index);
        int rc = bsl_reader_fail(&ld->rd, dup->node, "fact", BSL_ERR_VALUE,
                                 "fact \"%s\" is read by two indicators", fw->indicators[dup->index].fact);
        bsl_path_pop(&ld->rd.path, mark);
        return rc;
    }
    for (i = 0; i < fw->indicator_count; i++)
        fw->by_fact[i] = names[i].index;
    return BSL_OK;
}

size_t bsl_framework_find_fact(const bsl_framework *fw, const char *key, size_t len)
{
    size_t lo = 0, hi = fw->indicator_count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const bsl_indicator *ind = &fw->indicators[fw->by_fact[mid]];
        const char *f = ind->fact;
        size_t flen = ind->fact_len;
        int c = memcmp(f, key, flen < len ? flen : len);
        if (!c)
            c = flen < len ? -1 : flen > len;
        if (!c)
            return fw->by_fact[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return SIZE_MAX;
}

size_t bsl_indicator_find_level(const bsl_indicator *ind, const char *s, size_t len)
{
    size_t i;
    for (i = 0; i < ind->outcome_count; i++) {
        const bsl_outcome_def *o = &ind->outcomes[i];
        if (o->value_len == len && bsl_bytes_equal(o->value, s, len))
            return i;
    }
    return SIZE_MAX;
}

size_t bsl_indicator_band(const bsl_indicator *ind, double value)
{
    size_t i;
    for (i = 0; i + 1 < ind->outcome_count; i++) {
        const bsl_outcome_def *o = &ind->outcomes[i];
        if ((o->bound_kind == BSL_BOUND_UP_TO && value <= o->bound) ||
            (o->bound_kind == BSL_BOUND_BELOW && value < o->bound))
            return i;
    }
    return ind->outcome_count - 1;
}

/* Count criteria and indicators up front so the tables are allocated once;
 * shapes are checked again, with errors, by the reading pass. */
static int count_indicators(bsl_loader *ld, size_t criteria, size_t *total)
{
    const bsl_json_node *n = ld->rd.doc->nodes;
    size_t el, i = 0;
    *total = 0;
    for (el = criteria + 1; el < n[criteria].end; el = n[el].end, i++) {
        size_t arr = n[el].type == BSL_JSON_OBJECT ? bsl_json_find(ld->rd.doc, el, "indicators") : 0;
        if (arr && n[arr].type == BSL_JSON_ARRAY) {
            *total += n[arr].count;
            if (*total > ld->fw->cfg.max_indicators) {
                size_t mark = bsl_path_push_key(&ld->rd.path, "criteria");
                int rc;
                bsl_path_push_index(&ld->rd.path, i);
                rc = bsl_reader_fail(&ld->rd, arr, "indicators", BSL_ERR_LIMIT,
                                     "more than %zu indicators (max_indicators)",
                                     ld->fw->cfg.max_indicators);
                bsl_path_pop(&ld->rd.path, mark);
                return rc;
            }
        }
    }
    return BSL_OK;
}

/* "format" says how to read the rest; a format-2 framework names the
 * vocabulary it reads, which must be the one the library embeds. */
static int read_format(bsl_loader *ld)
{
    bsl_reader *rd = &ld->rd;
    bsl_framework *fw = ld->fw;
    const char *format = NULL, *vocabulary = NULL;
    int rc = bsl_reader_string(rd, 0, "format", 1, &format);
    if (rc)
        return rc;
    fw->format = !strcmp(format, FORMAT_1) ? 1 : !strcmp(format, FORMAT_2) ? 2 : 0;
    if (!fw->format)
        return bsl_reader_fail(rd, bsl_json_find(rd->doc, 0, "format"), "format", BSL_ERR_ENUM,
                               "unsupported format \"%.60s\" (this library reads \"" FORMAT_2 "\" and \""
                               FORMAT_1 "\")", format);
    rc = bsl_reader_string(rd, 0, "vocabulary", fw->format == 2, &vocabulary);
    if (!rc && vocabulary && fw->format == 1)
        return bsl_reader_fail(rd, bsl_json_find(rd->doc, 0, "vocabulary"), "vocabulary", BSL_ERR_VALUE,
                               "a \"" FORMAT_1 "\" framework defines its own facts: \"vocabulary\" needs \""
                               FORMAT_2 "\"");
    if (!rc && vocabulary && strcmp(vocabulary, fw->vocab->id))
        return bsl_reader_fail(rd, bsl_json_find(rd->doc, 0, "vocabulary"), "vocabulary", BSL_ERR_VALUE,
                               "unknown vocabulary \"%.60s\" (this library embeds \"%s\")",
                               vocabulary, fw->vocab->id);
    return rc;
}

/* The top-level members other than the criteria. */
static int read_header(bsl_loader *ld, bsl_num *met, bsl_num *res)
{
    bsl_reader *rd = &ld->rd;
    bsl_framework *fw = ld->fw;
    const bsl_json_node *n = rd->doc->nodes;
    int rc = bsl_reader_expect(rd, 0, BSL_JSON_OBJECT);
    if (!rc)
        rc = bsl_reader_only(rd, 0, top_fields);
    if (!rc)
        rc = read_format(ld);
    if (!rc)
        rc = bsl_reader_string(rd, 0, "id", 1, &fw->id);
    if (!rc) {
        size_t id = bsl_json_find(rd->doc, 0, "id");
        if (!bsl_is_token(n[id].text, n[id].count, BSL_TOKEN_FRAMEWORK_ID) || n[id].count > 64)
            rc = bsl_reader_fail(rd, id, "id", BSL_ERR_VALUE,
                                 "a framework id is a token of at most 64 characters among a-z, 0-9, '.', '_' and '-'");
    }
    if (!rc)
        rc = bsl_reader_string(rd, 0, "version", 1, &fw->version);
    if (!rc)
        rc = bsl_reader_text(rd, 0, "title", 1, &fw->title);
    if (!rc)
        rc = bsl_reader_text(rd, 0, "source", 1, &fw->source);
    if (!rc)
        rc = bsl_reader_text(rd, 0, "description", 0, &fw->description);
    if (!rc)
        rc = read_thresholds(ld, 0, "thresholds", met, res);
    fw->met = *met;
    fw->reservations = *res;
    return rc;
}

/* Criterion ids are unique. */
static int check_criterion_ids(bsl_loader *ld, size_t criteria)
{
    bsl_framework *fw = ld->fw;
    const bsl_json_node *n = ld->rd.doc->nodes;
    bsl_named *ids = bsl_arena_calloc(&fw->arena, fw->criterion_count, sizeof *ids);
    const bsl_named *dup;
    size_t i, el;
    if (!ids)
        return bsl_loader_nomem(ld);
    for (i = 0, el = criteria + 1; el < n[criteria].end; el = n[el].end, i++) {
        ids[i].s = fw->criteria[i].id;
        ids[i].len = strlen(ids[i].s);
        ids[i].node = bsl_json_find(ld->rd.doc, el, "id");
        ids[i].index = i;
    }
    if ((dup = bsl_find_duplicate(ids, fw->criterion_count)))
        return bsl_reader_fail_duplicate(&ld->rd, dup, "criteria", "id", "criterion id");
    return BSL_OK;
}

/* The criteria, with their indicators, into tables allocated once. */
static int read_criteria(bsl_loader *ld, const bsl_num *met, const bsl_num *res)
{
    bsl_reader *rd = &ld->rd;
    bsl_framework *fw = ld->fw;
    const bsl_json_node *n = rd->doc->nodes;
    size_t criteria, el, i = 0, total, mark;
    int rc = bsl_reader_array(rd, 0, "criteria", &criteria);
    if (!rc)
        rc = count_indicators(ld, criteria, &total);
    if (rc)
        return rc;
    fw->criterion_count = n[criteria].count;
    fw->criteria = bsl_arena_calloc(&fw->arena, fw->criterion_count, sizeof *fw->criteria);
    fw->indicators = bsl_arena_calloc(&fw->arena, total, sizeof *fw->indicators);
    ld->fact_node = bsl_arena_calloc(&fw->arena, total, sizeof *ld->fact_node);
    ld->cond_node = bsl_arena_calloc(&fw->arena, total, sizeof *ld->cond_node);
    if (!fw->criteria || !fw->indicators || !ld->fact_node || !ld->cond_node)
        return bsl_loader_nomem(ld);
    mark = bsl_path_push_key(&rd->path, "criteria");
    for (el = criteria + 1; !rc && el < n[criteria].end; el = n[el].end, i++) {
        size_t mark2 = bsl_path_push_index(&rd->path, i);
        rc = read_criterion(ld, el, i, met, res);
        bsl_path_pop(&rd->path, mark2);
    }
    bsl_path_pop(&rd->path, mark);
    return rc ? rc : check_criterion_ids(ld, criteria);
}

/* Conditions name other indicators: resolved once every fact is known,
 * with errors at the indicator's path; then checked for cycles. */
static int resolve_conditions(bsl_loader *ld)
{
    size_t i, mark;
    int rc = BSL_OK;
    for (i = 0; !rc && i < ld->fw->indicator_count; i++) {
        if (!ld->cond_node[i])
            continue;
        mark = push_indicator_path(ld, i);
        bsl_path_push_key(&ld->rd.path, "applies_if");
        rc = resolve_condition(ld, i);
        bsl_path_pop(&ld->rd.path, mark);
    }
    return rc ? rc : check_condition_cycles(ld);
}

static int load_document(bsl_loader *ld)
{
    bsl_num met = { 70, "70" }, res = { 40, "40" };
    int rc = read_header(ld, &met, &res);
    if (!rc)
        rc = read_criteria(ld, &met, &res);
    if (!rc)
        rc = build_fact_index(ld);
    return rc ? rc : resolve_conditions(ld);
}

int bsl_framework_build(bsl_framework **out, const char *buf, size_t len, const bsl_vocabulary *vocab,
                        const bsl_options *opts, bsl_error *err)
{
    bsl_config cfg;
    bsl_json_doc doc;
    bsl_framework *fw;
    bsl_loader ld;
    int rc;

    bsl_error_clear(err);
    if (out)
        *out = NULL;
    if (!out || (!buf && len))
        return bsl_error_set(err, BSL_ERR_ARG, "bsl_framework_load: out and buf must not be NULL");
    if ((rc = bsl_config_init(&cfg, opts, err)))
        return rc;
    if ((rc = bsl_json_parse(&doc, buf ? buf : "", len, &cfg.json, &cfg.alloc, err)))
        return rc;
    fw = bsl_malloc(&cfg.alloc, sizeof *fw);
    if (!fw) {
        bsl_json_doc_free(&doc);
        return bsl_error_set(err, BSL_ERR_NOMEM, "out of memory");
    }
    memset(fw, 0, sizeof *fw);
    fw->cfg = cfg;
    doc.alloc = &fw->cfg.alloc; /* same functions; keep one live copy */
    bsl_arena_init(&fw->arena, &fw->cfg.alloc);
    fw->vocab = vocab;
    memset(&ld, 0, sizeof ld);
    ld.fw = fw;
    bsl_reader_init(&ld.rd, &doc, &fw->arena, err);
    rc = bsl_reader_reject_nul(&ld.rd);
    if (!rc)
        rc = load_document(&ld);
    if (!rc)
        rc = bsl_document_sha256(&doc, &fw->cfg.alloc, fw->sha256) ? bsl_loader_nomem(&ld) : BSL_OK;
    if (!rc && (bsl_wording_build(fw) || bsl_framework_prepare_json(fw) ||
                bsl_framework_prepare_text(fw) || bsl_lint_build(fw)))
        rc = bsl_error_set(err, BSL_ERR_NOMEM, "out of memory");
    bsl_json_doc_free(&doc);
    if (rc) {
        bsl_framework_free(fw);
        return rc;
    }
    *out = fw;
    return BSL_OK;
}

int bsl_file_read(const char *path, const bsl_config *cfg, char **out, size_t *out_len, bsl_error *err)
{
    FILE *f;
    char *data = NULL;
    size_t len = 0, cap = 0;

    *out = NULL;
    *out_len = 0;
    f = fopen(path, "rb");
    if (!f)
        return bsl_error_set(err, BSL_ERR_IO, "cannot open %.200s: %s", path, strerror(errno));
    for (;;) {
        size_t got;
        if (len == cap) {
            size_t ncap = cap ? cap * 2 : 64 * 1024;
            char *p;
            if (cap > cfg->json.max_input_bytes) {
                fclose(f);
                bsl_free(&cfg->alloc, data);
                return bsl_error_set(err, BSL_ERR_LIMIT, "%.200s is larger than max_input_bytes (%zu)",
                                     path, cfg->json.max_input_bytes);
            }
            p = data ? bsl_realloc(&cfg->alloc, data, cap, ncap) : bsl_malloc(&cfg->alloc, ncap);
            if (!p) {
                fclose(f);
                bsl_free(&cfg->alloc, data);
                return bsl_error_set(err, BSL_ERR_NOMEM, "out of memory");
            }
            data = p;
            cap = ncap;
        }
        got = fread(data + len, 1, cap - len, f);
        len += got;
        if (got == 0)
            break;
    }
    if (ferror(f)) {
        fclose(f);
        bsl_free(&cfg->alloc, data);
        return bsl_error_set(err, BSL_ERR_IO, "cannot read %.200s", path);
    }
    fclose(f);
    *out = data;
    *out_len = len;
    return BSL_OK;
}

void bsl_framework_free(bsl_framework *fw)
{
    bsl_allocator alloc;
    if (!fw)
        return;
    alloc = fw->cfg.alloc;
    bsl_arena_release(&fw->arena); /* empty for an embedded framework: its tables are static */
    bsl_free(&alloc, fw);
}

const char *bsl_framework_id(const bsl_framework *fw) { return fw ? fw->id : NULL; }
const char *bsl_framework_version(const bsl_framework *fw) { return fw ? fw->version : NULL; }
const char *bsl_framework_title(const bsl_framework *fw, bsl_lang lang)
{
    return fw && (unsigned)lang < 2 ? fw->title.s[lang] : NULL;
}
const char *bsl_framework_sha256(const bsl_framework *fw) { return fw ? fw->sha256 : NULL; }
size_t bsl_framework_criterion_count(const bsl_framework *fw) { return fw ? fw->criterion_count : 0; }
const char *bsl_framework_criterion_id(const bsl_framework *fw, size_t i)
{
    return fw && i < fw->criterion_count ? fw->criteria[i].id : NULL;
}
const char *bsl_framework_criterion_title(const bsl_framework *fw, size_t i, bsl_lang lang)
{
    return fw && i < fw->criterion_count && (unsigned)lang < 2 ? fw->criteria[i].title.s[lang] : NULL;
}

const bsl_vocabulary *bsl_framework_vocabulary(const bsl_framework *fw) { return fw ? fw->vocab : NULL; }
