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
static const char *const status_tokens[] = {
    "met", "reservations", "not_met", "red_line", "not_assessed" };
static const char *const status_labels[2][5] = {
    { "atteint", "sous réserves", "non atteint", "ligne rouge", "non évalué" },
    { "met", "with reservations", "not met", "red line", "not assessed" } };
static const char *const reason_tokens[] = {
    "red_line", "missing", "not_met", "not_assessed", "reservation", "met" };

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
    return (unsigned)s < 5 ? status_tokens[s] : NULL;
}
const char *bsl_criterion_status_label(bsl_criterion_status s, bsl_lang lang)
{
    return (unsigned)s < 5 && (unsigned)lang < 2 ? status_labels[lang][s] : NULL;
}
const char *bsl_reason_kind_token(bsl_reason_kind k)
{
    return (unsigned)k <= BSL_REASON_MET ? reason_tokens[k] : NULL;
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

static int criterion_reasons(bsl_framework *fw, bsl_criterion_def *c)
{
    const char *fr = c->title.s[BSL_LANG_FR], *en = c->title.s[BSL_LANG_EN];
    const char *met = c->met.text, *res = c->reservations.text;
    bsl_text *t = c->reason_text;
    t[BSL_REASON_NOT_MET].s[0] = JOIN(fw, c->id, " «" NBSP, fr, NBSP "»" NBSP ": sous le seuil de réserve (",
                                      res, "), critère non atteint.");
    t[BSL_REASON_NOT_MET].s[1] = JOIN(fw, c->id, " \"", en, "\": below the reservations threshold (",
                                      res, "), criterion not met.");
    t[BSL_REASON_NOT_ASSESSED].s[0] = JOIN(fw, c->id, " «" NBSP, fr, NBSP "»" NBSP ": non évalué, aucun "
                                           "indicateur pondéré n'est renseigné.");
    t[BSL_REASON_NOT_ASSESSED].s[1] = JOIN(fw, c->id, " \"", en, "\": not assessed, no weighted "
                                           "indicator is answered.");
    t[BSL_REASON_RESERVATION].s[0] = JOIN(fw, c->id, " «" NBSP, fr, NBSP "»" NBSP ": au moins le seuil de réserve (",
                                          res, ") mais sous le seuil d'atteinte (", met, ").");
    t[BSL_REASON_RESERVATION].s[1] = JOIN(fw, c->id, " \"", en, "\": at least the reservations threshold (",
                                          res, ") but below the met threshold (", met, ").");
    t[BSL_REASON_MET].s[0] = JOIN(fw, c->id, " «" NBSP, fr, NBSP "»" NBSP ": seuil d'atteinte (", met,
                                  ") atteint.");
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
