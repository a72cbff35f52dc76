/* Every French and English word the engine itself writes: verdict and
 * status labels, and the reason sentences (built once per framework so
 * that evaluation only points at them). */
#include "framework.h"
#include "buf.h"

#include <string.h>

/* French typography: a no-break space before ':' and inside « ». */
#define NBSP "\xc2\xa0"

static const char *const verdict_tokens[] = {
    "red_line", "incomplete", "unfavorable", "favorable_with_reservations", "favorable" };
static const char *const verdict_labels[2][5] = {
    { "ligne rouge", "à compléter", "défavorable", "favorable sous réserves", "favorable" },
    { "red line", "incomplete", "unfavorable", "favorable with reservations", "favorable" } };
#define STATUS_COUNT (BSL_CRITERION_INCOMPLETE + 1)
static const char *const status_tokens[STATUS_COUNT] = {
    "met", "reservations", "not_met", "red_line", "not_assessed", "incomplete" };
static const char *const status_labels[2][STATUS_COUNT] = {
    { "atteint", "sous réserves", "non atteint", "ligne rouge", "non évalué", "à compléter" },
    { "met", "with reservations", "not met", "red line", "not assessed", "incomplete" } };
static const char *const reason_tokens[] = {
    "red_line", "missing", "not_met", "not_assessed", "reservation", "met", "necessary_condition" };

const char *bsl_verdict_token(bsl_verdict v)
{
    return (unsigned)v < 5 ? verdict_tokens[v] : NULL;
}
const char *bsl_verdict_label(bsl_verdict v, bsl_lang lang)
{
    return (unsigned)v < 5 && (unsigned)lang < 2 ? verdict_labels[lang][v] : NULL;
}
const char *bsl_criterion_status_token(bsl_criterion_status s)
{
    return (unsigned)s < STATUS_COUNT ? status_tokens[s] : NULL;
}
const char *bsl_criterion_status_label(bsl_criterion_status s, bsl_lang lang)
{
    return (unsigned)s < STATUS_COUNT && (unsigned)lang < 2 ? status_labels[lang][s] : NULL;
}
const char *bsl_reason_kind_token(bsl_reason_kind k)
{
    return (unsigned)k <= BSL_REASON_NECESSARY_CONDITION ? reason_tokens[k] : NULL;
}

/* Concatenate the NULL-terminated pieces into the framework's arena. */
static const char *join(bsl_framework *fw, const char *const *pieces)
{
    size_t len = 0, i;
    char *s, *p;
    for (i = 0; pieces[i]; i++)
        len += strlen(pieces[i]);
    s = bsl_arena_alloc(&fw->arena, len + 1);
    if (!s)
        return NULL;
    for (p = s, i = 0; pieces[i]; i++) {
        size_t n = strlen(pieces[i]);
        memcpy(p, pieces[i], n);
        p += n;
    }
    *p = '\0';
    return s;
}

#define JOIN(fw, ...) join((fw), (const char *const[]){ __VA_ARGS__, NULL })

/* The values of an enum or set fact joined with ", ", in the framework's
 * arena (worst first for an enum: the vocabulary's order). */
static const char *token_list(bsl_framework *fw, const bsl_fact *def)
{
    size_t len = 0, i;
    char *s, *p;
    for (i = 0; i < def->value_count; i++)
        len += def->values[i].len + 2;
    s = p = bsl_arena_alloc(&fw->arena, len + 1);
    if (!s)
        return NULL;
    for (i = 0; i < def->value_count; i++) {
        if (i) {
            memcpy(p, ", ", 2);
            p += 2;
        }
        memcpy(p, def->values[i].value, def->values[i].len);
        p += def->values[i].len;
    }
    *p = '\0';
    return s;
}

/* What a number fact accepts, in words: "un nombre en kWh/an, au moins 0". */
static const char *number_words(bsl_framework *fw, const bsl_fact *def, int lang)
{
    static const char *const w[2][5] = {
        { "un nombre", " en ", ", de ", " à ", ", au " },
        { "a number", " in ", ", from ", " to ", ", at " } };
    const char *unit = def->unit.s[lang];
    const char *const *t = w[lang];
    const char *u1 = unit ? t[1] : "", *u2 = unit ? unit : "";
    if (def->has_min && def->has_max)
        return JOIN(fw, t[0], u1, u2, t[2], def->min.text, t[3], def->max.text);
    if (def->has_min)
        return JOIN(fw, t[0], u1, u2, t[4], lang ? "least " : "moins ", def->min.text);
    if (def->has_max)
        return JOIN(fw, t[0], u1, u2, t[4], lang ? "most " : "plus ", def->max.text);
    return JOIN(fw, t[0], u1, u2);
}

/* The remediation of a missing fact: ask the question, with what it
 * accepts, rather than show a remediation written for a bad answer. */
static int answer_texts(bsl_framework *fw, bsl_indicator *ind)
{
    const char *values[2];
    int lang;
    switch (ind->type) {
    case BSL_FACT_BOOLEAN: values[0] = values[1] = "true, false"; break;
    case BSL_FACT_ENUM:
    case BSL_FACT_SET: values[0] = values[1] = token_list(fw, ind->def); break;
    case BSL_FACT_NUMBER:
        values[0] = number_words(fw, ind->def, BSL_LANG_FR);
        values[1] = number_words(fw, ind->def, BSL_LANG_EN);
        break;
    default: values[0] = "un texte"; values[1] = "a text"; break;
    }
    if (!values[0] || !values[1])
        return BSL_ERR_NOMEM;
    ind->answer_text.s[0] = JOIN(fw, "Répondre à la question" NBSP ": ", ind->label.s[0],
                                 " (valeurs admises" NBSP ": ", values[0], ").");
    ind->answer_text.s[1] = JOIN(fw, "Answer the question: ", ind->label.s[1], " (allowed values: ",
                                 values[1], ").");
    for (lang = 0; lang < 2; lang++)
        if (!ind->answer_text.s[lang])
            return BSL_ERR_NOMEM;
    return BSL_OK;
}

static int criterion_reasons(bsl_framework *fw, bsl_criterion_def *c)
{
    const char *fr = c->title.s[BSL_LANG_FR], *en = c->title.s[BSL_LANG_EN];
    const char *met = c->met.text, *res = c->reservations.text;
    bsl_text *t = c->reason_text;
    t[BSL_REASON_NOT_MET].s[0] = JOIN(fw, c->id, " «" NBSP, fr, NBSP "»" NBSP ": note inférieure au seuil de réserve (",
                                      res, "), critère non atteint.");
    t[BSL_REASON_NOT_MET].s[1] = JOIN(fw, c->id, " \"", en, "\": below the reservations threshold (",
                                      res, "), criterion not met.");
    t[BSL_REASON_NOT_ASSESSED].s[0] = JOIN(fw, c->id, " «" NBSP, fr, NBSP "»" NBSP ": non évalué, aucun "
                                           "indicateur pondéré n'est renseigné.");
    t[BSL_REASON_NOT_ASSESSED].s[1] = JOIN(fw, c->id, " \"", en, "\": not assessed, no weighted "
                                           "indicator is answered.");
    t[BSL_REASON_RESERVATION].s[0] = JOIN(fw, c->id, " «" NBSP, fr, NBSP "»" NBSP ": note égale ou supérieure au seuil de réserve (",
                                          res, ") et inférieure au seuil de validation (", met, ").");
    t[BSL_REASON_RESERVATION].s[1] = JOIN(fw, c->id, " \"", en, "\": at least the reservations threshold (",
                                          res, ") but below the met threshold (", met, ").");
    t[BSL_REASON_MET].s[0] = JOIN(fw, c->id, " «" NBSP, fr, NBSP "»" NBSP ": note égale ou supérieure au seuil de validation (",
                                  met, "), critère rempli.");
    t[BSL_REASON_MET].s[1] = JOIN(fw, c->id, " \"", en, "\": met threshold (", met, ") reached.");
    for (int k = BSL_REASON_NOT_MET; k <= BSL_REASON_MET; k++)
        if (!t[k].s[0] || !t[k].s[1])
            return BSL_ERR_NOMEM;
    return BSL_OK;
}

int bsl_wording_build(bsl_framework *fw)
{
    size_t i;
    for (i = 0; i < fw->criterion_count; i++)
        if (criterion_reasons(fw, &fw->criteria[i]))
            return BSL_ERR_NOMEM;
    for (i = 0; i < fw->indicator_count; i++) {
        bsl_indicator *ind = &fw->indicators[i];
        const char *cid = fw->criteria[ind->criterion].id;
        if (answer_texts(fw, ind))
            return BSL_ERR_NOMEM;
        if (!ind->required)
            continue;
        ind->missing_text.s[0] = JOIN(fw, cid, ", ", ind->fact, NBSP ": fait requis non renseigné (",
                                      ind->label.s[0], ").");
        ind->missing_text.s[1] = JOIN(fw, cid, ", ", ind->fact, ": required fact not answered (",
                                      ind->label.s[1], ").");
        if (!ind->missing_text.s[0] || !ind->missing_text.s[1])
            return BSL_ERR_NOMEM;
    }
    return BSL_OK;
}
