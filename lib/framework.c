/* Framework JSON -> immutable compiled tables (see doc/framework-format.md).
 * Everything is validated here so that evaluation never meets bad data. */
#include "framework.h"
#include "bytes.h"
#include "embedded.h"
#include "buf.h"
#include "sha256.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FORMAT_TOKEN "boussole-framework/1"

static const char *const top_fields[] = {
    "format", "id", "version", "title", "source", "description", "thresholds", "criteria", NULL };
static const char *const criterion_fields[] = {
    "id", "title", "reference", "weight", "thresholds", "indicators", NULL };
static const char *const threshold_fields[] = { "met", "reservations", NULL };
static const char *const condition_fields[] = { "fact", "in", "not_in", NULL };
static const char *const type_names[] = { "boolean", "enum", "number", "set", "text", NULL };

/* Indicator fields: the common ones, then those of each type. */
#define COMMON_FIELDS "fact", "type", "label", "required", "weight", "applies_if", "remediation"
static const char *const level_type_fields[] = { COMMON_FIELDS, "levels", NULL };
static const char *const number_fields[] = { COMMON_FIELDS, "bands", "unit", "min", "max", NULL };
static const char *const set_fields[] = { COMMON_FIELDS, "values", "empty", "non_empty", NULL };
static const char *const text_fields[] = { COMMON_FIELDS, "present", "absent", NULL };
#define OUTCOME_FIELDS "points", "red_line", "fails_necessary_condition", "justification"
static const char *const level_fields[] = { "value", OUTCOME_FIELDS, NULL };
static const char *const band_fields[] = { "up_to", "below", OUTCOME_FIELDS, NULL };
static const char *const outcome_fields[] = { OUTCOME_FIELDS, NULL };

/* State of one load: the reader, the document, and where each indicator's
 * fact and condition were written (for errors found after the first pass). */
typedef struct loader {
    bsl_reader rd;
    bsl_framework *fw;
    size_t *fact_node;       /* per indicator: node of its "fact" value */
    size_t *cond_node;       /* per indicator: node of "applies_if", 0 if none */
} loader;

static int nomem(loader *ld) { return bsl_error_set(ld->rd.err, BSL_ERR_NOMEM, "out of memory"); }

static const bsl_json_node *node_at(const loader *ld, size_t i) { return &ld->rd.doc->nodes[i]; }

/* Token alphabets: facts and values [a-z0-9_], framework ids add '.' and
 * '-', criterion ids add upper case too. */
enum { TOKEN_FACT, TOKEN_FRAMEWORK_ID, TOKEN_CRITERION_ID };

static int is_token(const char *s, size_t n, int kind)
{
    size_t i;
    if (!n)
        return 0;
    for (i = 0; i < n; i++) {
        char c = s[i];
        int ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
        if (kind != TOKEN_FACT)
            ok = ok || c == '.' || c == '-';
        if (kind == TOKEN_CRITERION_ID)
            ok = ok || (c >= 'A' && c <= 'Z');
        if (!ok)
            return 0;
    }
    return 1;
}

/* ---- duplicate detection, O(n log n) so hostile files cannot stall us --- */

typedef struct named { const char *s; size_t len; size_t node; size_t index; } named;

static int named_cmp(const void *a, const void *b)
{
    const named *x = a, *y = b;
    size_t n = x->len < y->len ? x->len : y->len;
    int c = memcmp(x->s, y->s, n);
    if (c)
        return c;
    if (x->len != y->len)
        return x->len < y->len ? -1 : 1;
    return x->node < y->node ? -1 : x->node > y->node;
}

/* Sort names; return the second occurrence of the duplicate that appears
 * first in the document, or NULL when all are distinct. */
static const named *find_duplicate(named *names, size_t n)
{
    const named *found = NULL;
    size_t i;
    qsort(names, n, sizeof *names, named_cmp);
    for (i = 1; i < n; i++)
        if (names[i].len == names[i - 1].len && !memcmp(names[i].s, names[i - 1].s, names[i].len))
            if (!found || names[i].node < found->node)
                found = &names[i];
    return found;
}

/* Report a duplicate at path + key[index].member (member may be NULL). */
static int fail_duplicate(bsl_reader *rd, const named *dup, const char *key, const char *member,
                          const char *what)
{
    size_t mark = bsl_path_push_key(&rd->path, key);
    int rc;
    bsl_path_push_index(&rd->path, dup->index);
    rc = bsl_reader_fail(rd, dup->node, member, BSL_ERR_VALUE, "%s \"%.60s\" is listed twice",
                         what, rd->doc->nodes[dup->node].text);
    bsl_path_pop(&rd->path, mark);
    return rc;
}

/* ---- pieces ---------------------------------------------------------- */

static int read_thresholds(loader *ld, size_t obj, const char *key, bsl_num *met, bsl_num *res)
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

static const char *make_rule(loader *ld, const char *prefix, const char *a, const char *b)
{
    size_t la = strlen(prefix), lb = strlen(a), lc = b ? strlen(b) : 0;
    char *s = bsl_arena_alloc(&ld->fw->arena, la + lb + lc + 1);
    if (!s)
        return NULL;
    memcpy(s, prefix, la);
    memcpy(s + la, a, lb);
    if (b)
        memcpy(s + la + lb, b, lc);
    s[la + lb + lc] = '\0';
    return s;
}

/* Read the points / red_line / fails_necessary_condition / justification
 * of an outcome object. */
static int read_outcome(loader *ld, size_t obj, bsl_outcome_def *out)
{
    bsl_reader *rd = &ld->rd;
    size_t points_node;
    int rc = bsl_reader_bool(rd, obj, "red_line", 0, &out->red_line);
    if (!rc)
        rc = bsl_reader_bool(rd, obj, "fails_necessary_condition", 0, &out->fails_condition);
    /* A red line forbids the use outright; a necessary condition is
     * something to show before it can be favourable: one or the other. */
    if (!rc && out->red_line && out->fails_condition)
        rc = bsl_reader_fail(rd, bsl_json_find(rd->doc, obj, "fails_necessary_condition"),
                             "fails_necessary_condition", BSL_ERR_VALUE,
                             "a red-line outcome cannot also fail a necessary condition");
    if (!rc)
        rc = bsl_reader_member(rd, obj, "points", !out->red_line, &points_node);
    if (!rc && out->red_line && points_node)
        rc = bsl_reader_fail(rd, points_node, "points", BSL_ERR_VALUE,
                             "a red-line outcome gives no points: remove \"points\"");
    if (!rc && !out->red_line)
        rc = bsl_reader_number(rd, obj, "points", 1, 0, 100, &out->points);
    if (!rc && out->red_line) {
        out->points.value = 0;
        out->points.text = "0";
    }
    if (!rc)
        rc = bsl_reader_text(rd, obj, "justification", 1, &out->justification);
    return rc;
}

/* Check obj is an object with only the given fields, then read it. */
static int read_outcome_object(loader *ld, size_t obj, const char *const *fields, bsl_outcome_def *out)
{
    int rc = bsl_reader_expect(&ld->rd, obj, BSL_JSON_OBJECT);
    if (!rc)
        rc = bsl_reader_only(&ld->rd, obj, fields);
    if (!rc)
        rc = read_outcome(ld, obj, out);
    return rc;
}

/* A non-empty array member; *node receives it. */
static int read_array(loader *ld, size_t obj, const char *key, size_t *node)
{
    bsl_reader *rd = &ld->rd;
    int rc = bsl_reader_member(rd, obj, key, 1, node);
    size_t mark;
    if (rc)
        return rc;
    mark = bsl_path_push_key(&rd->path, key);
    rc = bsl_reader_expect(rd, *node, BSL_JSON_ARRAY);
    if (!rc && node_at(ld, *node)->count == 0)
        rc = bsl_reader_fail(rd, *node, NULL, BSL_ERR_VALUE, "\"%s\" must not be empty", key);
    bsl_path_pop(&rd->path, mark);
    return rc;
}

static int alloc_outcomes(loader *ld, bsl_indicator *ind, size_t n)
{
    ind->outcome_count = n;
    ind->outcomes = bsl_arena_calloc(&ld->fw->arena, n, sizeof *ind->outcomes);
    return ind->outcomes ? BSL_OK : nomem(ld);
}

/* boolean and enum: "levels": [{value, points|red_line, justification}...] */
static int read_levels(loader *ld, size_t obj, bsl_indicator *ind)
{
    bsl_reader *rd = &ld->rd;
    const bsl_json_node *n = rd->doc->nodes;
    size_t arr, el, i = 0, mark, mark2;
    int rc = read_array(ld, obj, "levels", &arr);
    int seen[2] = { 0, 0 };
    named *names = NULL;
    if (rc)
        return rc;
    if (ind->type == BSL_IND_BOOLEAN && n[arr].count != 2)
        return bsl_reader_fail(rd, arr, "levels", BSL_ERR_VALUE,
                               "a boolean indicator has exactly two levels, false and true");
    if ((rc = alloc_outcomes(ld, ind, n[arr].count)))
        return rc;
    if (ind->type == BSL_IND_ENUM &&
        !(names = bsl_arena_calloc(&ld->fw->arena, n[arr].count, sizeof *names)))
        return nomem(ld);
    mark = bsl_path_push_key(&rd->path, "levels");
    for (el = arr + 1; !rc && el < n[arr].end; el = n[el].end, i++) {
        size_t value;
        bsl_outcome_def *o;
        mark2 = bsl_path_push_index(&rd->path, i);
        rc = bsl_reader_expect(rd, el, BSL_JSON_OBJECT);
        if (!rc)
            rc = bsl_reader_only(rd, el, level_fields);
        if (!rc)
            rc = bsl_reader_member(rd, el, "value", 1, &value);
        if (!rc && ind->type == BSL_IND_BOOLEAN) {
            int v;
            rc = bsl_reader_bool(rd, el, "value", 1, &v);
            if (!rc && seen[v])
                rc = bsl_reader_fail(rd, value, "value", BSL_ERR_VALUE, "level %s is listed twice",
                                     v ? "true" : "false");
            if (!rc) {
                seen[v] = 1;
                o = &ind->outcomes[v ? BSL_OUT_TRUE : BSL_OUT_FALSE];
                o->value = v ? "true" : "false";
                rc = read_outcome(ld, el, o);
            }
        } else if (!rc) {
            o = &ind->outcomes[i];
            rc = bsl_reader_string(rd, el, "value", 1, &o->value);
            if (!rc && !is_token(n[value].text, n[value].count, TOKEN_FACT))
                rc = bsl_reader_fail(rd, value, "value", BSL_ERR_VALUE,
                                     "an enum value is a token of a-z, 0-9 and _");
            if (!rc) {
                names[i].s = o->value;
                names[i].len = n[value].count;
                names[i].node = value;
                names[i].index = i;
                rc = read_outcome(ld, el, o);
            }
        }
        bsl_path_pop(&rd->path, mark2);
    }
    bsl_path_pop(&rd->path, mark);
    if (!rc && names) {
        const named *dup = find_duplicate(names, n[arr].count);
        if (dup)
            rc = fail_duplicate(rd, dup, "levels", "value", "enum value");
    }
    for (i = 0; !rc && i < ind->outcome_count; i++) {
        bsl_outcome_def *o = &ind->outcomes[i];
        o->value_len = strlen(o->value);
        o->rule = make_rule(ld, "level:", o->value, NULL);
        o->value_json = ind->type == BSL_IND_BOOLEAN ? o->value : make_rule(ld, "\"", o->value, "\"");
        if (!o->rule || !o->value_json)
            rc = nomem(ld);
    }
    return rc;
}

/* A bound's text for rules: the number as written in the framework. */
static int read_bands(loader *ld, size_t obj, bsl_indicator *ind)
{
    bsl_reader *rd = &ld->rd;
    const bsl_json_node *n = rd->doc->nodes;
    size_t arr, el, i = 0, mark, mark2;
    const char *prev_text = NULL;
    int rc = read_array(ld, obj, "bands", &arr);
    if (rc)
        return rc;
    if ((rc = alloc_outcomes(ld, ind, n[arr].count)))
        return rc;
    mark = bsl_path_push_key(&rd->path, "bands");
    for (el = arr + 1; !rc && el < n[arr].end; el = n[el].end, i++) {
        bsl_outcome_def *o = &ind->outcomes[i];
        const bsl_outcome_def *prev = i ? &ind->outcomes[i - 1] : NULL;
        int last = n[el].end >= n[arr].end;
        size_t up_to = 0, below = 0;
        bsl_num bound = { 0, NULL };
        mark2 = bsl_path_push_index(&rd->path, i);
        rc = read_outcome_object(ld, el, band_fields, o);
        if (!rc) {
            up_to = bsl_json_find(rd->doc, el, "up_to");
            below = bsl_json_find(rd->doc, el, "below");
            if (up_to && below)
                rc = bsl_reader_fail(rd, below, "below", BSL_ERR_VALUE,
                                     "a band has \"up_to\" or \"below\", not both");
        }
        if (!rc && (up_to || below)) {
            const char *key = up_to ? "up_to" : "below";
            rc = bsl_reader_number(rd, el, key, 1, -1.7976931348623157e308, 1.7976931348623157e308, &bound);
            o->bound_kind = up_to ? BSL_BOUND_UP_TO : BSL_BOUND_BELOW;
            o->bound = bound.value;
            if (!rc && last)
                rc = bsl_reader_fail(rd, up_to ? up_to : below, key, BSL_ERR_VALUE,
                                     "the last band has no bound: it takes every larger value");
            /* Bounds strictly increase; "below X" then "up_to X" holds X alone. */
            if (!rc && prev &&
                !(o->bound > prev->bound ||
                  (o->bound == prev->bound && prev->bound_kind == BSL_BOUND_BELOW &&
                   o->bound_kind == BSL_BOUND_UP_TO)))
                rc = bsl_reader_fail(rd, up_to ? up_to : below, key, BSL_ERR_VALUE,
                                     "bands must be in increasing order without overlap: "
                                     "%s does not follow %s", bound.text, prev_text);
        } else if (!rc && !last) {
            rc = bsl_reader_fail(rd, el, NULL, BSL_ERR_VALUE,
                                 "only the last band may be open: give \"up_to\" or \"below\"");
        }
        if (!rc) {
            if (o->bound_kind == BSL_BOUND_UP_TO)
                o->rule = make_rule(ld, "band:<=", bound.text, NULL);
            else if (o->bound_kind == BSL_BOUND_BELOW)
                o->rule = make_rule(ld, "band:<", bound.text, NULL);
            else if (!prev)
                o->rule = "band:any";
            else
                o->rule = make_rule(ld, prev->bound_kind == BSL_BOUND_UP_TO ? "band:>" : "band:>=",
                                    prev_text, NULL);
            if (!o->rule)
                rc = nomem(ld);
            prev_text = bound.text;
        }
        bsl_path_pop(&rd->path, mark2);
    }
    bsl_path_pop(&rd->path, mark);
    if (!rc)
        rc = bsl_reader_text(rd, obj, "unit", 0, &ind->unit);
    if (!rc)
        rc = bsl_reader_number(rd, obj, "min", 0, -1.7976931348623157e308, 1.7976931348623157e308, &ind->min);
    if (!rc)
        rc = bsl_reader_number(rd, obj, "max", 0, -1.7976931348623157e308, 1.7976931348623157e308, &ind->max);
    ind->has_min = ind->min.text != NULL;
    ind->has_max = ind->max.text != NULL;
    if (!rc && ind->has_min && ind->has_max && ind->min.value > ind->max.value)
        rc = bsl_reader_fail(rd, bsl_json_find(rd->doc, obj, "max"), "max", BSL_ERR_VALUE,
                             "max %s is below min %s", ind->max.text, ind->min.text);
    return rc;
}

/* Two named outcome objects (set: empty/non_empty, text: absent/present). */
static int read_pair(loader *ld, size_t obj, const char *key0, const char *key1, const char *prefix)
{
    bsl_reader *rd = &ld->rd;
    bsl_indicator *ind = &ld->fw->indicators[ld->fw->indicator_count];
    const char *keys[2] = { key0, key1 };
    int rc = alloc_outcomes(ld, ind, 2), k;
    for (k = 0; !rc && k < 2; k++) {
        size_t node, mark;
        rc = bsl_reader_member(rd, obj, keys[k], 1, &node);
        if (rc)
            break;
        mark = bsl_path_push_key(&rd->path, keys[k]);
        rc = read_outcome_object(ld, node, outcome_fields, &ind->outcomes[k]);
        bsl_path_pop(&rd->path, mark);
        ind->outcomes[k].value = keys[k];
        if (!rc && !(ind->outcomes[k].rule = make_rule(ld, prefix, keys[k], NULL)))
            rc = nomem(ld);
    }
    return rc;
}

static int read_set_values(loader *ld, size_t obj, bsl_indicator *ind)
{
    bsl_reader *rd = &ld->rd;
    const bsl_json_node *n = rd->doc->nodes;
    size_t arr, el, i = 0, mark;
    const named *dup;
    named *names;
    int rc = read_array(ld, obj, "values", &arr);
    if (rc)
        return rc;
    ind->member_count = n[arr].count;
    ind->members = bsl_arena_calloc(&ld->fw->arena, n[arr].count, sizeof *ind->members);
    names = bsl_arena_calloc(&ld->fw->arena, n[arr].count, sizeof *names);
    if (!ind->members || !names)
        return nomem(ld);
    mark = bsl_path_push_key(&rd->path, "values");
    for (el = arr + 1; !rc && el < n[arr].end; el = n[el].end, i++) {
        size_t mark2 = bsl_path_push_index(&rd->path, i);
        rc = bsl_reader_expect(rd, el, BSL_JSON_STRING);
        if (!rc && !is_token(n[el].text, n[el].count, TOKEN_FACT))
            rc = bsl_reader_fail(rd, el, NULL, BSL_ERR_VALUE, "a set value is a token of a-z, 0-9 and _");
        if (!rc && !(ind->members[i] = bsl_reader_copy(rd, el)))
            rc = nomem(ld);
        names[i].s = n[el].text;
        names[i].len = n[el].count;
        names[i].node = el;
        names[i].index = i;
        bsl_path_pop(&rd->path, mark2);
    }
    bsl_path_pop(&rd->path, mark);
    if (!rc && (dup = find_duplicate(names, ind->member_count)))
        rc = fail_duplicate(rd, dup, "values", NULL, "set value");
    return rc;
}

static int read_indicator(loader *ld, size_t obj, size_t criterion)
{
    bsl_reader *rd = &ld->rd;
    bsl_framework *fw = ld->fw;
    const bsl_json_node *n = rd->doc->nodes;
    size_t index = fw->indicator_count;
    bsl_indicator *ind = &fw->indicators[index];
    size_t type_node, fact_node, i;
    const char *const *fields;
    int rc = bsl_reader_expect(rd, obj, BSL_JSON_OBJECT);
    if (rc)
        return rc;
    ind->criterion = criterion;
    ind->weight.value = 1;
    ind->weight.text = "1";
    rc = bsl_reader_string(rd, obj, "fact", 1, &ind->fact);
    fact_node = bsl_json_find(rd->doc, obj, "fact");
    if (!rc)
        ind->fact_len = n[fact_node].count;
    if (!rc && !is_token(n[fact_node].text, n[fact_node].count, TOKEN_FACT))
        rc = bsl_reader_fail(rd, fact_node, "fact", BSL_ERR_VALUE,
                             "a fact key is a token of a-z, 0-9 and _");
    if (!rc)
        rc = bsl_reader_member(rd, obj, "type", 1, &type_node);
    if (!rc) {
        size_t mark = bsl_path_push_key(&rd->path, "type");
        rc = bsl_reader_expect(rd, type_node, BSL_JSON_STRING);
        for (i = 0; !rc && type_names[i]; i++)
            if (!strcmp(type_names[i], n[type_node].text))
                break;
        if (!rc && !type_names[i])
            rc = bsl_reader_fail(rd, type_node, NULL, BSL_ERR_ENUM,
                                 "unknown indicator type \"%.40s\" (allowed: boolean, enum, number, set, text)",
                                 n[type_node].text);
        bsl_path_pop(&rd->path, mark);
        ind->type = (bsl_indicator_type)i;
    }
    if (rc)
        return rc;
    fields = ind->type == BSL_IND_NUMBER ? number_fields
           : ind->type == BSL_IND_SET    ? set_fields
           : ind->type == BSL_IND_TEXT   ? text_fields
                                         : level_type_fields;
    rc = bsl_reader_only(rd, obj, fields);
    if (!rc)
        rc = bsl_reader_text(rd, obj, "label", 1, &ind->label);
    if (!rc)
        rc = bsl_reader_text(rd, obj, "remediation", 0, &ind->remediation);
    if (!rc)
        rc = bsl_reader_bool(rd, obj, "required", 0, &ind->required);
    if (!rc)
        rc = bsl_reader_number(rd, obj, "weight", 0, 0, 1e6, &ind->weight);
    if (rc)
        return rc;
    switch (ind->type) {
    case BSL_IND_BOOLEAN:
    case BSL_IND_ENUM: rc = read_levels(ld, obj, ind); break;
    case BSL_IND_NUMBER: rc = read_bands(ld, obj, ind); break;
    case BSL_IND_SET:
        rc = read_set_values(ld, obj, ind);
        if (!rc)
            rc = read_pair(ld, obj, "empty", "non_empty", "set:");
        break;
    case BSL_IND_TEXT: rc = read_pair(ld, obj, "absent", "present", "text:"); break;
    }
    if (rc)
        return rc;
    ind->maximum_text = "0";
    for (i = 0; i < ind->outcome_count; i++)
        if (!ind->outcomes[i].red_line && ind->outcomes[i].points.value > ind->maximum) {
            ind->maximum = ind->outcomes[i].points.value;
            ind->maximum_text = ind->outcomes[i].points.text;
        }
    ld->fact_node[index] = fact_node;
    ld->cond_node[index] = bsl_json_find(rd->doc, obj, "applies_if");
    fw->indicator_count++;
    return BSL_OK;
}

static int read_criterion(loader *ld, size_t obj, size_t index, const bsl_num *met, const bsl_num *res)
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
        if (!is_token(n[id].text, n[id].count, TOKEN_CRITERION_ID))
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
        rc = read_array(ld, obj, "indicators", &arr);
    if (rc)
        return rc;
    c->first_indicator = fw->indicator_count;
    mark = bsl_path_push_key(&rd->path, "indicators");
    for (el = arr + 1; !rc && el < n[arr].end; el = n[el].end, i++) {
        size_t mark2 = bsl_path_push_index(&rd->path, i);
        rc = read_indicator(ld, el, index);
        bsl_path_pop(&rd->path, mark2);
    }
    bsl_path_pop(&rd->path, mark);
    c->indicator_count = fw->indicator_count - c->first_indicator;
    return rc;
}

/* applies_if can only be resolved once every fact is known. */
static int resolve_condition(loader *ld, size_t index)
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
    if (target->type != BSL_IND_BOOLEAN && target->type != BSL_IND_ENUM)
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
        return nomem(ld);
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
            if (target->type == BSL_IND_BOOLEAN) {
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
    return rc;
}

/* Push $.criteria[c].indicators[k] for indicator index ii; returns the mark. */
static size_t push_indicator_path(loader *ld, size_t ii)
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
static int fail_cycle(loader *ld, size_t j)
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
static int check_condition_cycles(loader *ld)
{
    const bsl_indicator *ind = ld->fw->indicators;
    size_t n = ld->fw->indicator_count, i, j;
    /* 0: not seen; 1: on the current walk; 2: leads to no cycle */
    unsigned char *state = bsl_arena_calloc(&ld->fw->arena, n, 1);
    if (!state)
        return nomem(ld);
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
static int build_fact_index(loader *ld)
{
    bsl_framework *fw = ld->fw;
    const named *dup;
    size_t i;
    named *names = bsl_arena_calloc(&fw->arena, fw->indicator_count, sizeof *names);
    fw->by_fact = bsl_arena_calloc(&fw->arena, fw->indicator_count, sizeof *fw->by_fact);
    if (!names || !fw->by_fact)
        return nomem(ld);
    for (i = 0; i < fw->indicator_count; i++) {
        names[i].s = fw->indicators[i].fact;
        names[i].len = strlen(names[i].s);
        names[i].node = ld->fact_node[i];
        names[i].index = i;
    }
    if ((dup = find_duplicate(names, fw->indicator_count))) {
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
static int count_indicators(loader *ld, size_t criteria, size_t *total)
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

static int load_document(loader *ld)
{
    bsl_reader *rd = &ld->rd;
    bsl_framework *fw = ld->fw;
    const bsl_json_node *n = rd->doc->nodes;
    bsl_num met = { 70, "70" }, res = { 40, "40" };
    size_t criteria, el, i = 0, total, mark;
    const char *format = NULL;
    int rc = bsl_reader_expect(rd, 0, BSL_JSON_OBJECT);
    if (!rc)
        rc = bsl_reader_only(rd, 0, top_fields);
    if (!rc)
        rc = bsl_reader_string(rd, 0, "format", 1, &format);
    if (!rc && strcmp(format, FORMAT_TOKEN))
        rc = bsl_reader_fail(rd, bsl_json_find(rd->doc, 0, "format"), "format", BSL_ERR_ENUM,
                             "unsupported format \"%.60s\" (this library reads \"" FORMAT_TOKEN "\")",
                             format);
    if (!rc)
        rc = bsl_reader_string(rd, 0, "id", 1, &fw->id);
    if (!rc) {
        size_t id = bsl_json_find(rd->doc, 0, "id");
        if (!is_token(n[id].text, n[id].count, TOKEN_FRAMEWORK_ID) || n[id].count > 64)
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
        rc = read_thresholds(ld, 0, "thresholds", &met, &res);
    if (!rc)
        rc = read_array(ld, 0, "criteria", &criteria);
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
        return nomem(ld);
    mark = bsl_path_push_key(&rd->path, "criteria");
    for (el = criteria + 1; !rc && el < n[criteria].end; el = n[el].end, i++) {
        size_t mark2 = bsl_path_push_index(&rd->path, i);
        rc = read_criterion(ld, el, i, &met, &res);
        bsl_path_pop(&rd->path, mark2);
    }
    bsl_path_pop(&rd->path, mark);
    if (!rc) {
        named *ids = bsl_arena_calloc(&fw->arena, fw->criterion_count, sizeof *ids);
        const named *dup;
        if (!ids)
            return nomem(ld);
        for (i = 0, el = criteria + 1; el < n[criteria].end; el = n[el].end, i++) {
            ids[i].s = fw->criteria[i].id;
            ids[i].len = strlen(ids[i].s);
            ids[i].node = bsl_json_find(rd->doc, el, "id");
            ids[i].index = i;
        }
        if ((dup = find_duplicate(ids, fw->criterion_count)))
            return fail_duplicate(rd, dup, "criteria", "id", "criterion id");
    }
    if (!rc)
        rc = build_fact_index(ld);
    for (i = 0; !rc && i < fw->indicator_count; i++) {
        if (!ld->cond_node[i])
            continue;
        /* Errors in a condition carry the indicator's path. */        mark = push_indicator_path(ld, i);
        bsl_path_push_key(&rd->path, "applies_if");
        rc = resolve_condition(ld, i);
        bsl_path_pop(&rd->path, mark);
    }
    if (!rc)
        rc = check_condition_cycles(ld);
    return rc;
}

static int hash_document(loader *ld)
{
    bsl_buf canon;
    int rc;
    bsl_buf_init(&canon, &ld->fw->cfg.alloc);
    rc = bsl_json_write_canonical(ld->rd.doc, 0, &canon);
    if (!rc && canon.failed)
        rc = canon.failed;
    if (!rc)
        bsl_sha256_hex(canon.data ? canon.data : "", canon.len, ld->fw->sha256);
    bsl_buf_release(&canon);
    return rc ? nomem(ld) : BSL_OK;
}

int bsl_framework_load(bsl_framework **out, const char *buf, size_t len,
                       const bsl_options *opts, bsl_error *err)
{
    bsl_config cfg;
    bsl_json_doc doc;
    bsl_framework *fw;
    loader ld;
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
    memset(&ld, 0, sizeof ld);
    ld.fw = fw;
    bsl_reader_init(&ld.rd, &doc, &fw->arena, err);
    rc = load_document(&ld);
    if (!rc)
        rc = hash_document(&ld);
    if (!rc && bsl_wording_build(fw))
        rc = bsl_error_set(err, BSL_ERR_NOMEM, "out of memory");
    bsl_json_doc_free(&doc);
    if (rc) {
        bsl_framework_free(fw);
        return rc;
    }
    *out = fw;
    return BSL_OK;
}

int bsl_framework_load_file(bsl_framework **out, const char *path,
                            const bsl_options *opts, bsl_error *err)
{
    bsl_config cfg;
    FILE *f;
    char *data = NULL;
    size_t len = 0, cap = 0;
    int rc;

    bsl_error_clear(err);
    if (out)
        *out = NULL;
    if (!out || !path)
        return bsl_error_set(err, BSL_ERR_ARG, "bsl_framework_load_file: out and path must not be NULL");
    if ((rc = bsl_config_init(&cfg, opts, err)))
        return rc;
    f = fopen(path, "rb");
    if (!f)
        return bsl_error_set(err, BSL_ERR_IO, "cannot open %.200s: %s", path, strerror(errno));
    for (;;) {
        size_t got;
        if (len == cap) {
            size_t ncap = cap ? cap * 2 : 64 * 1024;
            char *p;
            if (cap > cfg.json.max_input_bytes) {
                fclose(f);
                bsl_free(&cfg.alloc, data);
                return bsl_error_set(err, BSL_ERR_LIMIT, "%.200s is larger than max_input_bytes (%zu)",
                                     path, cfg.json.max_input_bytes);
            }
            p = data ? bsl_realloc(&cfg.alloc, data, cap, ncap) : bsl_malloc(&cfg.alloc, ncap);
            if (!p) {
                fclose(f);
                bsl_free(&cfg.alloc, data);
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
        bsl_free(&cfg.alloc, data);
        return bsl_error_set(err, BSL_ERR_IO, "cannot read %.200s", path);
    }
    fclose(f);
    rc = bsl_framework_load(out, data, len, opts, err);
    bsl_free(&cfg.alloc, data);
    return rc;
}

size_t bsl_embedded_framework_count(void) { return bsl_embedded_framework_total; }

const char *bsl_embedded_framework_id(size_t i)
{
    return i < bsl_embedded_framework_total ? bsl_embedded_frameworks[i].id : NULL;
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
            return bsl_framework_load(out, bsl_embedded_frameworks[i].data,
                                      bsl_embedded_frameworks[i].len, opts, err);
    return bsl_error_set(err, BSL_ERR_NOTFOUND, "no embedded framework \"%.80s\"", id);
}

void bsl_framework_free(bsl_framework *fw)
{
    bsl_allocator alloc;
    if (!fw)
        return;
    alloc = fw->cfg.alloc;
    bsl_arena_release(&fw->arena);
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
