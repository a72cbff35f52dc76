/* One indicator of a framework: how it scores one fact (doc/framework-format.md).
 * Format 2 takes the fact's type and values from the vocabulary and only
 * scores them; format 1 defines its own fact, built here into a private
 * bsl_fact so that everything downstream reads one kind of definition. */
#include "loader.h"
#include "buf.h"

#include <stdint.h>
#include <string.h>

/* Indicator fields: the common ones, then those of each type. Format 2
 * accepts "type" only as a check of the vocabulary's. */
#define COMMON_FIELDS "fact", "type", "label", "required", "weight", "applies_if", "remediation", "reference", \
    "actionable"
static const char *const level_type_fields[] = { COMMON_FIELDS, "levels", NULL };
static const char *const number_fields[] = { COMMON_FIELDS, "bands", "unit", "min", "max", NULL };
static const char *const set_fields[] = { COMMON_FIELDS, "values", "empty", "non_empty", NULL };
static const char *const text_fields[] = { COMMON_FIELDS, "present", "absent", NULL };
#define OUTCOME_FIELDS "points", "red_line", "fails_necessary_condition", "justification"
static const char *const level_fields[] = { "value", OUTCOME_FIELDS, NULL };
static const char *const band_fields[] = { "up_to", "below", OUTCOME_FIELDS, NULL };
static const char *const outcome_fields[] = { OUTCOME_FIELDS, NULL };
/* What the vocabulary defines and a format-2 framework cannot redefine. */
static const char *const defined_by_vocabulary[] = { "values", "unit", "min", "max", NULL };

static const char *make_rule(bsl_loader *ld, const char *prefix, const char *a, const char *b)
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
static int read_outcome(bsl_loader *ld, size_t obj, bsl_outcome_def *out)
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
static int read_outcome_object(bsl_loader *ld, size_t obj, const char *const *fields, bsl_outcome_def *out)
{
    int rc = bsl_reader_expect(&ld->rd, obj, BSL_JSON_OBJECT);
    if (!rc)
        rc = bsl_reader_only(&ld->rd, obj, fields);
    if (!rc)
        rc = read_outcome(ld, obj, out);
    return rc;
}

static int alloc_outcomes(bsl_loader *ld, bsl_indicator *ind, size_t n)
{
    ind->outcome_count = n;
    ind->outcomes = bsl_arena_calloc(&ld->fw->arena, n, sizeof *ind->outcomes);
    return ind->outcomes ? BSL_OK : bsl_loader_nomem(ld);
}

/* The outcome index of level element el: format 1 lists enum levels in
 * order (they define the fact's values), a boolean level and a format-2
 * level name their value, which must be the fact's. */
static int level_index(bsl_loader *ld, bsl_indicator *ind, size_t el, size_t i, size_t *out)
{
    bsl_reader *rd = &ld->rd;
    const bsl_json_node *n = rd->doc->nodes;
    size_t value;
    int rc = bsl_reader_member(rd, el, "value", 1, &value), v;
    if (rc)
        return rc;
    if (ind->type == BSL_FACT_BOOLEAN) {
        rc = bsl_reader_bool(rd, el, "value", 1, &v);
        *out = v ? BSL_OUT_TRUE : BSL_OUT_FALSE;
        return rc;
    }
    {
        size_t mark = bsl_path_push_key(&rd->path, "value");
        rc = bsl_reader_expect(rd, value, BSL_JSON_STRING);
        bsl_path_pop(&rd->path, mark);
    }
    if (rc)
        return rc;
    if (!bsl_is_token(n[value].text, n[value].count, BSL_TOKEN_FACT))
        return bsl_reader_fail(rd, value, "value", BSL_ERR_VALUE,
                               "an enum value is a token of a-z, 0-9 and _");
    if (ld->fw->format == 1) {
        *out = i;
        return BSL_OK;
    }
    *out = bsl_fact_find_value(ind->def, n[value].text, n[value].count);
    if (*out == SIZE_MAX) {
        char allowed[160];
        bsl_fact_allowed(ind->def, allowed, sizeof allowed);
        return bsl_reader_fail(rd, value, "value", BSL_ERR_ENUM,
                               "\"%.40s\" is not a value of %s in the vocabulary (allowed: %s)",
                               n[value].text, ind->fact, allowed);
    }
    return BSL_OK;
}

/* Every value of the fact is scored exactly once (format 2, and booleans). */
static int check_levels_complete(bsl_loader *ld, const bsl_indicator *ind, size_t arr,
                                 const unsigned char *seen)
{
    size_t i;
    for (i = 0; i < ind->outcome_count; i++) {
        if (seen[i])
            continue;
        if (ind->type == BSL_FACT_BOOLEAN)
            return bsl_reader_fail(&ld->rd, arr, "levels", BSL_ERR_VALUE,
                                   "a boolean indicator has exactly two levels, false and true");
        return bsl_reader_fail(&ld->rd, arr, "levels", BSL_ERR_MISSING,
                               "value \"%s\" of %s is not scored: every value of the vocabulary needs a level",
                               ind->def->values[i].value, ind->fact);
    }
    return BSL_OK;
}

/* Format 1: the enum's levels define the fact's values. */
static int define_values(bsl_loader *ld, bsl_indicator *ind, size_t arr)
{
    bsl_fact *def = (bsl_fact *)ind->def;
    const bsl_json_node *n = ld->rd.doc->nodes;
    bsl_named *names = bsl_arena_calloc(&ld->fw->arena, ind->outcome_count, sizeof *names);
    const bsl_named *dup;
    size_t i, el;
    def->value_count = ind->outcome_count;
    def->values = bsl_arena_calloc(&ld->fw->arena, ind->outcome_count, sizeof *def->values);
    if (!names || !def->values)
        return bsl_loader_nomem(ld);
    for (i = 0, el = arr + 1; i < ind->outcome_count; i++, el = n[el].end) {
        def->values[i].value = ind->outcomes[i].value;
        def->values[i].len = strlen(ind->outcomes[i].value);
        names[i].s = def->values[i].value;
        names[i].len = def->values[i].len;
        names[i].node = bsl_json_find(ld->rd.doc, el, "value");
        names[i].index = i;
    }
    if ((dup = bsl_find_duplicate(names, ind->outcome_count)))
        return bsl_reader_fail_duplicate(&ld->rd, dup, "levels", "value", "enum value");
    return bsl_fact_values_json(&ld->fw->arena, def) ? bsl_loader_nomem(ld) : BSL_OK;
}

/* boolean and enum: "levels": [{value, points|red_line, justification}...] */
static int read_levels(bsl_loader *ld, size_t obj, bsl_indicator *ind)
{
    bsl_reader *rd = &ld->rd;
    const bsl_json_node *n = rd->doc->nodes;
    size_t arr, el, i = 0, mark, count;
    unsigned char *seen;
    int rc = bsl_reader_array(rd, obj, "levels", &arr);
    if (rc)
        return rc;
    count = ind->type == BSL_FACT_BOOLEAN ? 2 : ld->fw->format == 1 ? n[arr].count : ind->def->value_count;
    if (n[arr].count != count)
        return bsl_reader_fail(rd, arr, "levels", BSL_ERR_VALUE,
                               ind->type == BSL_FACT_BOOLEAN
                                   ? "a boolean indicator has exactly two levels, false and true"
                                   : "%s has %zu values in the vocabulary: give one level for each",
                               ind->fact, count);
    if ((rc = alloc_outcomes(ld, ind, count)))
        return rc;
    if (!(seen = bsl_arena_calloc(&ld->fw->arena, count, 1)))
        return bsl_loader_nomem(ld);
    mark = bsl_path_push_key(&rd->path, "levels");
    for (el = arr + 1; !rc && el < n[arr].end; el = n[el].end, i++) {
        size_t mark2 = bsl_path_push_index(&rd->path, i), at = 0;
        rc = bsl_reader_expect(rd, el, BSL_JSON_OBJECT);
        if (!rc)
            rc = bsl_reader_only(rd, el, level_fields);
        if (!rc)
            rc = level_index(ld, ind, el, i, &at);
        if (!rc && seen[at])
            rc = bsl_reader_fail(rd, bsl_json_find(rd->doc, el, "value"), "value", BSL_ERR_VALUE,
                                 "level %.40s is listed twice", n[bsl_json_find(rd->doc, el, "value")].text);
        if (!rc) {
            seen[at] = 1;
            if (ld->fw->format == 1 && ind->type == BSL_FACT_ENUM)
                ind->outcomes[at].value = bsl_reader_copy(rd, bsl_json_find(rd->doc, el, "value"));
            else
                ind->outcomes[at].value = ind->type == BSL_FACT_BOOLEAN ? (at ? "true" : "false")
                                                                        : ind->def->values[at].value;
            rc = ind->outcomes[at].value ? read_outcome(ld, el, &ind->outcomes[at]) : bsl_loader_nomem(ld);
        }
        bsl_path_pop(&rd->path, mark2);
    }
    bsl_path_pop(&rd->path, mark);
    if (!rc && ld->fw->format == 1 && ind->type == BSL_FACT_ENUM)
        rc = define_values(ld, ind, arr);
    else if (!rc)
        rc = check_levels_complete(ld, ind, arr, seen);
    for (i = 0; !rc && i < ind->outcome_count; i++) {
        bsl_outcome_def *o = &ind->outcomes[i];
        o->value_len = strlen(o->value);
        o->rule = make_rule(ld, "level:", o->value, NULL);
        o->value_json = ind->type == BSL_FACT_BOOLEAN ? o->value : ind->def->values[i].json;
        if (!o->rule)
            rc = bsl_loader_nomem(ld);
    }
    return rc;
}

/* A bound's text for rules: the number as written in the framework. */
static int read_bands(bsl_loader *ld, size_t obj, bsl_indicator *ind)
{
    bsl_reader *rd = &ld->rd;
    const bsl_json_node *n = rd->doc->nodes;
    size_t arr, el, i = 0, mark, mark2;
    const char *prev_text = NULL;
    int rc = bsl_reader_array(&ld->rd, obj, "bands", &arr);
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
            o->bound_text = bound.text;
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
                rc = bsl_loader_nomem(ld);
            prev_text = bound.text;
        }
        bsl_path_pop(&rd->path, mark2);
    }
    bsl_path_pop(&rd->path, mark);
    if (!rc && ld->fw->format == 1)
        rc = bsl_fact_read_bounds(rd, obj, (bsl_fact *)ind->def);
    return rc;
}

/* Two bsl_named outcome objects (set: empty/non_empty, text: absent/present). */
static int read_pair(bsl_loader *ld, size_t obj, const char *key0, const char *key1, const char *prefix)
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
            rc = bsl_loader_nomem(ld);
    }
    return rc;
}

/* Format 1: "values": ["token", ...] define the set's members. */
static int read_set_values(bsl_loader *ld, size_t obj, bsl_indicator *ind)
{
    bsl_reader *rd = &ld->rd;
    bsl_fact *def = (bsl_fact *)ind->def;
    const bsl_json_node *n = rd->doc->nodes;
    size_t arr, el, i = 0, mark;
    const bsl_named *dup;
    bsl_named *names;
    int rc = bsl_reader_array(rd, obj, "values", &arr);
    if (rc)
        return rc;
    def->value_count = n[arr].count;
    def->values = bsl_arena_calloc(&ld->fw->arena, n[arr].count, sizeof *def->values);
    names = bsl_arena_calloc(&ld->fw->arena, n[arr].count, sizeof *names);
    if (!def->values || !names)
        return bsl_loader_nomem(ld);
    mark = bsl_path_push_key(&rd->path, "values");
    for (el = arr + 1; !rc && el < n[arr].end; el = n[el].end, i++) {
        size_t mark2 = bsl_path_push_index(&rd->path, i);
        rc = bsl_reader_expect(rd, el, BSL_JSON_STRING);
        if (!rc && !bsl_is_token(n[el].text, n[el].count, BSL_TOKEN_FACT))
            rc = bsl_reader_fail(rd, el, NULL, BSL_ERR_VALUE, "a set value is a token of a-z, 0-9 and _");
        if (!rc && !(def->values[i].value = bsl_reader_copy(rd, el)))
            rc = bsl_loader_nomem(ld);
        def->values[i].len = n[el].count;
        names[i].s = n[el].text;
        names[i].len = n[el].count;
        names[i].node = el;
        names[i].index = i;
        bsl_path_pop(&rd->path, mark2);
    }
    bsl_path_pop(&rd->path, mark);
    if (!rc && (dup = bsl_find_duplicate(names, def->value_count)))
        rc = bsl_reader_fail_duplicate(rd, dup, "values", NULL, "set value");
    if (!rc && bsl_fact_values_json(&ld->fw->arena, def))
        rc = bsl_loader_nomem(ld);
    return rc;
}

/* Format 2: the fact comes from the vocabulary; "type", when given, must
 * be the vocabulary's, and what the vocabulary defines cannot be given. */
static int bind_vocabulary_fact(bsl_loader *ld, size_t obj, size_t fact_node, bsl_indicator *ind)
{
    bsl_reader *rd = &ld->rd;
    const bsl_json_node *n = rd->doc->nodes;
    const bsl_vocabulary *v = ld->fw->vocab;
    size_t i = bsl_vocabulary_find_key(v, n[fact_node].text, n[fact_node].count), type;
    const char *const *k;
    if (i == SIZE_MAX)
        return bsl_reader_fail(rd, fact_node, "fact", BSL_ERR_VALUE,
                               "fact \"%.60s\" is not in vocabulary \"%s\"", n[fact_node].text, v->id);
    ind->def = &v->facts[i];
    ind->type = ind->def->type;
    if ((type = bsl_json_find(rd->doc, obj, "type"))) {
        size_t mark = bsl_path_push_key(&rd->path, "type");
        int rc = bsl_reader_expect(rd, type, BSL_JSON_STRING);
        if (!rc && bsl_fact_type_from_token(n[type].text, n[type].count) != (int)ind->type)
            rc = bsl_reader_fail(rd, type, NULL, BSL_ERR_VALUE,
                                 "%s is a %s fact in the vocabulary: a framework cannot change its type",
                                 ind->fact, bsl_fact_type_token(ind->type));
        bsl_path_pop(&rd->path, mark);
        if (rc)
            return rc;
    }
    for (k = defined_by_vocabulary; *k; k++) {
        size_t node = bsl_json_find(rd->doc, obj, *k);
        if (node)
            return bsl_reader_fail(rd, node, *k, BSL_ERR_VALUE,
                                   "\"%s\" of %s is defined by the vocabulary: a framework cannot change it",
                                   *k, ind->fact);
    }
    return BSL_OK;
}

/* Format 1: the indicator defines its fact; "type" is required. */
static int define_own_fact(bsl_loader *ld, size_t obj, bsl_indicator *ind)
{
    bsl_reader *rd = &ld->rd;
    const bsl_json_node *n = rd->doc->nodes;
    bsl_fact *def = bsl_arena_calloc(&ld->fw->arena, 1, sizeof *def);
    size_t type, mark;
    int rc, t = -1;
    if (!def)
        return bsl_loader_nomem(ld);
    if ((rc = bsl_reader_member(rd, obj, "type", 1, &type)))
        return rc;
    mark = bsl_path_push_key(&rd->path, "type");
    rc = bsl_reader_expect(rd, type, BSL_JSON_STRING);
    if (!rc && (t = bsl_fact_type_from_token(n[type].text, n[type].count)) < 0)
        rc = bsl_reader_fail(rd, type, NULL, BSL_ERR_ENUM,
                             "unknown indicator type \"%.40s\" (allowed: boolean, enum, number, set, text)",
                             n[type].text);
    bsl_path_pop(&rd->path, mark);
    def->key = ind->fact;
    def->key_len = ind->fact_len;
    def->type = ind->type = (bsl_fact_type)t;
    ind->def = def;
    return rc;
}

/* The outcomes of the indicator's type. */
static int read_outcomes(bsl_loader *ld, size_t obj, bsl_indicator *ind)
{
    int rc = BSL_OK;
    switch (ind->type) {
    case BSL_FACT_BOOLEAN:
    case BSL_FACT_ENUM: return read_levels(ld, obj, ind);
    case BSL_FACT_NUMBER: return read_bands(ld, obj, ind);
    case BSL_FACT_SET:
        if (ld->fw->format == 1)
            rc = read_set_values(ld, obj, ind);
        return rc ? rc : read_pair(ld, obj, "empty", "non_empty", "set:");
    case BSL_FACT_TEXT: return read_pair(ld, obj, "absent", "present", "text:");
    }
    return rc;
}

static void find_maximum(bsl_indicator *ind)
{
    size_t i;
    ind->maximum_text = "0";
    for (i = 0; i < ind->outcome_count; i++)
        if (!ind->outcomes[i].red_line && ind->outcomes[i].points.value > ind->maximum) {
            ind->maximum = ind->outcomes[i].points.value;
            ind->maximum_text = ind->outcomes[i].points.text;
        }
}

static const char *const *fields_of(bsl_fact_type type)
{
    return type == BSL_FACT_NUMBER ? number_fields
         : type == BSL_FACT_SET    ? set_fields
         : type == BSL_FACT_TEXT   ? text_fields
                                   : level_type_fields;
}

int bsl_read_indicator(bsl_loader *ld, size_t obj, size_t criterion)
{
    bsl_reader *rd = &ld->rd;
    bsl_framework *fw = ld->fw;
    const bsl_json_node *n = rd->doc->nodes;
    size_t index = fw->indicator_count, fact_node;
    bsl_indicator *ind = &fw->indicators[index];
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
    if (!rc && !bsl_is_token(n[fact_node].text, n[fact_node].count, BSL_TOKEN_FACT))
        rc = bsl_reader_fail(rd, fact_node, "fact", BSL_ERR_VALUE,
                             "a fact key is a token of a-z, 0-9 and _");
    if (!rc)
        rc = fw->format == 1 ? define_own_fact(ld, obj, ind) : bind_vocabulary_fact(ld, obj, fact_node, ind);
    if (!rc)
        rc = bsl_reader_only(rd, obj, fields_of(ind->type));
    if (!rc)
        rc = bsl_reader_text(rd, obj, "label", fw->format == 1, &ind->label);
    if (!rc)
        rc = bsl_reader_text(rd, obj, "remediation", 0, &ind->remediation);
    if (!rc)
        rc = bsl_reader_text(rd, obj, "reference", 0, &ind->reference);
    if (!rc)
        rc = bsl_reader_bool(rd, obj, "required", 0, &ind->required);
    if (!rc)
        rc = bsl_reader_number(rd, obj, "weight", 0, 0, 1e6, &ind->weight);
    ind->actionable = 1; /* what-if may change the fact unless the framework says otherwise */
    if (!rc)
        rc = bsl_reader_bool(rd, obj, "actionable", 0, &ind->actionable);
    if (!rc)
        rc = read_outcomes(ld, obj, ind);
    if (rc)
        return rc;
    if (!ind->label.s[0])
        ind->label = ind->def->label;
    if (fw->format == 1)
        ((bsl_fact *)ind->def)->label = ind->label;
    find_maximum(ind);
    ld->fact_node[index] = fact_node;
    ld->cond_node[index] = bsl_json_find(rd->doc, obj, "applies_if");
    fw->indicator_count++;
    return BSL_OK;
}

/* ---- accessors ------------------------------------------------------- */

size_t bsl_framework_indicator_count(const bsl_framework *fw) { return fw ? fw->indicator_count : 0; }
const bsl_indicator *bsl_framework_indicator(const bsl_framework *fw, size_t i)
{
    return fw && i < fw->indicator_count ? &fw->indicators[i] : NULL;
}
const bsl_fact *bsl_indicator_fact(const bsl_indicator *ind) { return ind ? ind->def : NULL; }
const char *bsl_indicator_criterion(const bsl_indicator *ind)
{
    return ind ? ind->criterion_id : NULL;
}
const char *bsl_indicator_label(const bsl_indicator *ind, bsl_lang lang)
{
    return ind && (unsigned)lang < 2 ? ind->label.s[lang] : NULL;
}
int bsl_indicator_required(const bsl_indicator *ind) { return ind ? ind->required : 0; }
double bsl_indicator_weight(const bsl_indicator *ind) { return ind ? ind->weight.value : 0; }
const char *bsl_indicator_condition_fact(const bsl_indicator *ind)
{
    return ind && ind->has_condition ? ind->cond_fact : NULL;
}
int bsl_indicator_condition_negated(const bsl_indicator *ind)
{
    return ind && ind->has_condition ? ind->cond_negate : 0;
}
size_t bsl_indicator_condition_value_count(const bsl_indicator *ind)
{
    return ind && ind->has_condition ? ind->cond_value_count : 0;
}
const char *bsl_indicator_condition_value(const bsl_indicator *ind, size_t i)
{
    return ind && ind->has_condition && i < ind->cond_value_count ? ind->cond_values[i] : NULL;
}
