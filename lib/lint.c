/* Warnings about a framework that loads but looks wrong (boussole check):
 * what a reviewer of a calibration would flag, found once at load. They
 * never stop a load; every one names the indicator's JSON path. */
#include "framework.h"
#include "buf.h"
#include "error.h"
#include "messages.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* Room for the warnings of one indicator: at most one of each kind. */
enum { KINDS = 3 };

/* The arguments of BSL_LINT_AT (messages.h) for ind: its JSON path and fact. */
#define AT(fw, ind) (ind)->criterion, indicator_index(fw, ind), (ind)->fact

static size_t indicator_index(const bsl_framework *fw, const bsl_indicator *ind)
{
    return (size_t)(ind - fw->indicators) - fw->criteria[ind->criterion].first_indicator;
}

/* Records a warning written in English from a format of
 * bsl_warning_messages (messages.c), which bsl_framework_warning_message
 * turns into French. */
static int warn(bsl_framework *fw, const char *format, ...) BSL_PRINTF(2, 3);
static int warn(bsl_framework *fw, const char *format, ...)
{
    char line[512];
    const char *s;
    va_list ap;
    int n;
    va_start(ap, format);
    n = vsnprintf(line, sizeof line, format, ap);
    va_end(ap);
    s = bsl_arena_strndup(&fw->arena, line, n < 0 ? 0 : (size_t)n < sizeof line ? (size_t)n : sizeof line - 1);
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
    if (ind->type != BSL_FACT_ENUM)
        return BSL_OK;
    for (i = 0; i < ind->outcome_count; i++) {
        const bsl_outcome_def *o = &ind->outcomes[i];
        if (o->red_line)
            continue;
        if (prev && o->points.value < prev->points.value)
            return warn(fw, BSL_LINT_AT "levels not ordered by points: \"%.60s\" (%s) comes after "
                       "\"%.60s\" (%s), worst first", AT(fw, ind), o->value, o->points.text, prev->value,
                       prev->points.text);
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
                return warn(fw, BSL_LINT_AT "a red line without a remediation", AT(fw, ind));
    if (ind->remediation.s[0] || ind->weight.value == 0)
        return BSL_OK;
    for (i = 0; i < ind->outcome_count; i++)
        if (ind->outcomes[i].red_line || ind->outcomes[i].points.value < ind->maximum)
            return warn(fw, BSL_LINT_AT "can be below its maximum but has no remediation", AT(fw, ind));
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
        return warn(fw, BSL_LINT_AT "applies_if can never hold: not_in lists every value of its fact",
                   AT(fw, ind));
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

size_t bsl_framework_warning_message(const bsl_framework *fw, size_t i, bsl_lang lang, char *buf, size_t size)
{
    const char *w = bsl_framework_warning(fw, i);
    if (!w) {
        if (buf && size)
            buf[0] = '\0';
        return 0;
    }
    return bsl_message_translate(bsl_warning_messages, bsl_warning_message_count, w, lang, buf, size);
}

const char *bsl_framework_warning_id(const bsl_framework *fw, size_t i)
{
    const char *w = bsl_framework_warning(fw, i);
    const bsl_message *m = w ? bsl_message_recognise(bsl_warning_messages, bsl_warning_message_count, w) : NULL;
    return m ? m->id : NULL;
}
