/* Warnings about a framework that loads but looks wrong (boussole check):
 * what a reviewer of a calibration would flag, found once at load. They
 * never stop a load; every one names the indicator's JSON path. */
#include "framework.h"
#include "buf.h"

#include <stdio.h>
#include <string.h>

/* Room for the warnings of one indicator: at most one of each kind. */
enum { KINDS = 3 };

static int add(bsl_framework *fw, const bsl_indicator *ind, const char *what)
{
    const bsl_criterion_def *c = &fw->criteria[ind->criterion];
    char line[512];
    int n = snprintf(line, sizeof line, "$.criteria[%zu].indicators[%zu] (%s): %s", ind->criterion,
                     (size_t)(ind - fw->indicators) - c->first_indicator, ind->fact, what);
    const char *s = bsl_arena_strndup(&fw->arena, line, n < 0 ? 0 : (size_t)n < sizeof line ? (size_t)n
                                                                                              : sizeof line - 1);
    if (!s)
        return BSL_ERR_NOMEM;
    fw->warnings[fw->warning_count++] = s;
    return BSL_OK;
}

/* An enum's values are listed worst first: its scored levels should not
 * lose points from one value to the next (red lines aside). */
static int check_order(bsl_framework *fw, const bsl_indicator *ind)
{
    const bsl_outcome_def *prev = NULL;
    size_t i;
    char what[300];
    if (ind->type != BSL_FACT_ENUM)
        return BSL_OK;
    for (i = 0; i < ind->outcome_count; i++) {
        const bsl_outcome_def *o = &ind->outcomes[i];
        if (o->red_line)
            continue;
        if (prev && o->points.value < prev->points.value) {
            snprintf(what, sizeof what, "levels not ordered by points: \"%.60s\" (%s) comes after "
                     "\"%.60s\" (%s), worst first", o->value, o->points.text, prev->value, prev->points.text);
            return add(fw, ind, what);
        }
        prev = o;
    }
    return BSL_OK;
}

/* An outcome below the maximum, or a red line, tells what to do only
 * through the indicator's remediation. */
static int check_remediation(bsl_framework *fw, const bsl_indicator *ind)
{
    size_t i;
    if (ind->remediation.s[0] || ind->weight.value == 0)
        for (i = 0; !ind->remediation.s[0] && i < ind->outcome_count; i++)
            if (ind->outcomes[i].red_line)
                return add(fw, ind, "a red line without a remediation");
    if (ind->remediation.s[0] || ind->weight.value == 0)
        return BSL_OK;
    for (i = 0; i < ind->outcome_count; i++)
        if (ind->outcomes[i].red_line || ind->outcomes[i].points.value < ind->maximum)
            return add(fw, ind, "can be below its maximum but has no remediation");
    return BSL_OK;
}

/* "not_in" every value of its fact: the indicator never applies. */
static int check_condition(bsl_framework *fw, const bsl_indicator *ind)
{
    const bsl_indicator *target;
    if (!ind->has_condition || !ind->cond_negate)
        return BSL_OK;
    target = &fw->indicators[ind->cond_indicator];
    if (ind->cond_value_count == target->outcome_count)
        return add(fw, ind, "applies_if can never hold: not_in lists every value of its fact");
    return BSL_OK;
}

int bsl_lint_build(bsl_framework *fw)
{
    size_t i;
    fw->warnings = bsl_arena_calloc(&fw->arena, fw->indicator_count * KINDS + 1, sizeof *fw->warnings);
    if (!fw->warnings)
        return BSL_ERR_NOMEM;
    for (i = 0; i < fw->indicator_count; i++) {
        const bsl_indicator *ind = &fw->indicators[i];
        if (check_order(fw, ind) || check_remediation(fw, ind) || check_condition(fw, ind))
            return BSL_ERR_NOMEM;
    }
    return BSL_OK;
}

size_t bsl_framework_warning_count(const bsl_framework *fw) { return fw ? fw->warning_count : 0; }
const char *bsl_framework_warning(const bsl_framework *fw, size_t i)
{
    return fw && i < fw->warning_count ? fw->warnings[i] : NULL;
}
