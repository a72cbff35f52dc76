/* Read-only accessors of a bsl_result. NULL objects and out-of-range
 * indexes give NULL or 0 rather than crashing. */
#include "result.h"

#include <stddef.h>

#define LANG_OK(lang) ((unsigned)(lang) < 2)

bsl_verdict bsl_result_verdict(const bsl_result *r) { return r ? r->verdict : BSL_VERDICT_INCOMPLETE; }
double bsl_result_score(const bsl_result *r) { return r ? r->score : 0; }
const char *bsl_result_usecase_id(const bsl_result *r) { return r ? r->usecase_id : NULL; }
const char *bsl_result_usecase_title(const bsl_result *r) { return r ? r->usecase_title : NULL; }
const char *bsl_result_framework_id(const bsl_result *r) { return r ? r->fw->id : NULL; }
const char *bsl_result_framework_version(const bsl_result *r) { return r ? r->fw->version : NULL; }
const char *bsl_result_framework_sha256(const bsl_result *r) { return r ? r->fw->sha256 : NULL; }
const char *bsl_result_library_version(const bsl_result *r) { return r ? bsl_version_string() : NULL; }

size_t bsl_result_criterion_count(const bsl_result *r) { return r ? r->criterion_count : 0; }
const bsl_criterion_result *bsl_result_criterion(const bsl_result *r, size_t i)
{
    return r && i < r->criterion_count ? &r->criteria[i] : NULL;
}

const char *bsl_criterion_result_id(const bsl_criterion_result *c) { return c ? c->def->id : NULL; }
const char *bsl_criterion_result_title(const bsl_criterion_result *c, bsl_lang lang)
{
    return c && LANG_OK(lang) ? c->def->title.s[lang] : NULL;
}
double bsl_criterion_result_score(const bsl_criterion_result *c) { return c ? c->score : 0; }
int bsl_criterion_result_assessed(const bsl_criterion_result *c) { return c ? c->assessed : 0; }
double bsl_criterion_result_weight(const bsl_criterion_result *c) { return c ? c->def->weight.value : 0; }
bsl_criterion_status bsl_criterion_result_status(const bsl_criterion_result *c)
{
    return c ? c->status : BSL_CRITERION_NOT_ASSESSED;
}
double bsl_criterion_result_met_threshold(const bsl_criterion_result *c) { return c ? c->def->met.value : 0; }
double bsl_criterion_result_reservations_threshold(const bsl_criterion_result *c)
{
    return c ? c->def->reservations.value : 0;
}
size_t bsl_criterion_result_outcome_count(const bsl_criterion_result *c) { return c ? c->outcome_count : 0; }
const bsl_outcome *bsl_criterion_result_outcome(const bsl_criterion_result *c, size_t i)
{
    return c && i < c->outcome_count ? &c->outcomes[i] : NULL;
}

const char *bsl_outcome_fact(const bsl_outcome *o) { return o ? o->ind->fact : NULL; }
const char *bsl_outcome_criterion(const bsl_outcome *o) { return o ? o->criterion_id : NULL; }
const char *bsl_outcome_label(const bsl_outcome *o, bsl_lang lang)
{
    return o && LANG_OK(lang) ? o->ind->label.s[lang] : NULL;
}
const char *bsl_outcome_value(const bsl_outcome *o) { return o ? o->value_json : NULL; }
double bsl_outcome_points(const bsl_outcome *o) { return o ? o->points : 0; }
double bsl_outcome_maximum(const bsl_outcome *o) { return o ? o->ind->maximum : 0; }
double bsl_outcome_weight(const bsl_outcome *o) { return o ? o->ind->weight.value : 0; }
const char *bsl_outcome_rule(const bsl_outcome *o) { return o ? o->rule : NULL; }
int bsl_outcome_red_line(const bsl_outcome *o) { return o ? o->red_line : 0; }
int bsl_outcome_fails_necessary_condition(const bsl_outcome *o) { return o ? o->fails_condition : 0; }
int bsl_outcome_missing(const bsl_outcome *o) { return o ? o->missing : 0; }
int bsl_outcome_required(const bsl_outcome *o) { return o ? o->ind->required : 0; }
int bsl_outcome_not_applicable(const bsl_outcome *o) { return o ? o->not_applicable : 0; }
const char *bsl_outcome_justification(const bsl_outcome *o, bsl_lang lang)
{
    return o && o->matched && LANG_OK(lang) ? o->matched->justification.s[lang] : NULL;
}
const char *bsl_outcome_remediation(const bsl_outcome *o, bsl_lang lang)
{
    return o && o->remediation && LANG_OK(lang) ? o->remediation->s[lang] : NULL;
}
const char *bsl_outcome_evidence(const bsl_outcome *o) { return o ? o->evidence : NULL; }

size_t bsl_result_reason_count(const bsl_result *r) { return r ? r->reason_count : 0; }
const bsl_reason *bsl_result_reason(const bsl_result *r, size_t i)
{
    return r && i < r->reason_count ? &r->reasons[i] : NULL;
}
bsl_reason_kind bsl_reason_kind_of(const bsl_reason *reason) { return reason ? reason->kind : BSL_REASON_MET; }
const char *bsl_reason_criterion(const bsl_reason *reason) { return reason ? reason->criterion : NULL; }
const char *bsl_reason_fact(const bsl_reason *reason) { return reason ? reason->fact : NULL; }
const char *bsl_reason_text(const bsl_reason *reason, bsl_lang lang)
{
    return reason && LANG_OK(lang) ? reason->text[lang] : NULL;
}

size_t bsl_result_missing_count(const bsl_result *r) { return r ? r->missing_count : 0; }
const char *bsl_result_missing(const bsl_result *r, size_t i)
{
    return r && i < r->missing_count ? r->missing[i] : NULL;
}

size_t bsl_result_unknown_count(const bsl_result *r) { return r ? r->unknown_count : 0; }
const char *bsl_result_unknown_key(const bsl_result *r, size_t i)
{
    return r && i < r->unknown_count ? r->unknown[i].key : NULL;
}
const char *bsl_result_unknown_path(const bsl_result *r, size_t i)
{
    return r && i < r->unknown_count ? r->unknown[i].path : NULL;
}
const char *bsl_result_unknown_suggestion(const bsl_result *r, size_t i)
{
    return r && i < r->unknown_count ? r->unknown[i].suggestion : NULL;
}

size_t bsl_result_remediation_count(const bsl_result *r) { return r ? r->remediation_count : 0; }
const bsl_outcome *bsl_result_remediation(const bsl_result *r, size_t i)
{
    return r && i < r->remediation_count ? r->remediations[i] : NULL;
}

size_t bsl_result_not_used_count(const bsl_result *r) { return r ? r->not_used_count : 0; }
const char *bsl_result_not_used_key(const bsl_result *r, size_t i)
{
    return r && i < r->not_used_count ? r->not_used[i].key : NULL;
}
const char *bsl_result_not_used_path(const bsl_result *r, size_t i)
{
    return r && i < r->not_used_count ? r->not_used[i].path : NULL;
}
const char *bsl_result_vocabulary_id(const bsl_result *r) { return r ? r->fw->vocab->id : NULL; }
const char *bsl_result_vocabulary_version(const bsl_result *r) { return r ? r->fw->vocab->version : NULL; }
const char *bsl_result_vocabulary_sha256(const bsl_result *r) { return r ? r->fw->vocab->sha256 : NULL; }
