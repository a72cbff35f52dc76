/* Accessors of a what-if plan (struct bsl_whatif in whatif.h). */
#include "whatif.h"

static const wi_change *change_at(const bsl_whatif_plan *p, size_t i)
{
    return p && i < p->change_count ? &p->changes[i] : NULL;
}

bsl_verdict bsl_whatif_target(const bsl_whatif_plan *p) { return p ? p->target : BSL_VERDICT_FAVORABLE; }
int bsl_whatif_reachable(const bsl_whatif_plan *p) { return p ? p->reachable : 0; }
int bsl_whatif_search_limit_reached(const bsl_whatif_plan *p) { return p ? p->limit_reached : 0; }
size_t bsl_whatif_change_count(const bsl_whatif_plan *p) { return p ? p->change_count : 0; }

const char *bsl_whatif_change_fact(const bsl_whatif_plan *p, size_t i)
{
    const wi_change *c = change_at(p, i);
    return c ? c->fact : NULL;
}

const char *bsl_whatif_change_criterion(const bsl_whatif_plan *p, size_t i)
{
    const wi_change *c = change_at(p, i);
    return c ? c->criterion : NULL;
}

const char *bsl_whatif_change_from(const bsl_whatif_plan *p, size_t i)
{
    const wi_change *c = change_at(p, i);
    return c ? c->from : NULL;
}

const char *bsl_whatif_change_to(const bsl_whatif_plan *p, size_t i)
{
    const wi_change *c = change_at(p, i);
    return c ? c->to : NULL;
}

double bsl_whatif_change_gain(const bsl_whatif_plan *p, size_t i)
{
    const wi_change *c = change_at(p, i);
    return c ? c->gain : 0;
}

const char *bsl_whatif_change_remediation(const bsl_whatif_plan *p, size_t i, bsl_lang lang)
{
    const wi_change *c = change_at(p, i);
    return c && (unsigned)lang < 2 ? c->remediation->s[lang] : NULL;
}

size_t bsl_whatif_framework_count(const bsl_whatif_plan *p) { return p ? p->framework_count : 0; }

const char *bsl_whatif_framework_id(const bsl_whatif_plan *p, size_t f)
{
    return p && f < p->framework_count ? p->after[f].fw->id : NULL;
}

bsl_verdict bsl_whatif_verdict_after(const bsl_whatif_plan *p, size_t f)
{
    return p && f < p->framework_count ? p->after[f].verdict : BSL_VERDICT_RED_LINE;
}

double bsl_whatif_score_after(const bsl_whatif_plan *p, size_t f)
{
    return p && f < p->framework_count ? p->after[f].score : 0;
}

size_t bsl_whatif_blocked_count(const bsl_whatif_plan *p) { return p ? p->blocked_count : 0; }

const char *bsl_whatif_blocked(const bsl_whatif_plan *p, size_t i)
{
    return p && i < p->blocked_count ? p->blocked[i] : NULL;
}
