/* The result as GitHub-flavoured Markdown, for tickets, wikis and register
 * pages: the verdict, a table of the criteria, then the sections of the
 * text report (indicators, red lines, failed necessary conditions, missing
 * facts, reservations, unknown keys, facts not read, remediations,
 * provenance). Every string is written through bsl_buf_put_markdown(), so
 * that a use-case title such as "**bold**", "](javascript:" or "<script>"
 * reads as text, and so does a framework file's wording. */
#include "render.h"
#include "whatif.h"

#define NBSP "\xc2\xa0"
#define NO_SCORE "\xe2\x80\x94" /* U+2014 EM DASH: not assessed, not 0 */

typedef struct md_words {
    const char *verdict, *score, *usecase, *framework, *criteria, *criterion, *status, *title,
        *indicators, *red_lines, *conditions, *missing, *reservations, *unknown, *not_used,
        *did_you_mean, *remediations, *provenance, *not_applicable, *not_answered, *required,
        *evidence, *colon, *vocabulary, *service, *phase, *description;
} md_words;

static const md_words fr = {
    "Verdict", "score global", "Cas d'usage", "Référentiel", "Critères", "Critère", "Statut",
    "Intitulé", "Indicateurs", "Lignes rouges", "Conditions nécessaires non remplies",
    "Faits requis manquants", "Réserves", "Clés inconnues",
    "Faits du vocabulaire que ce référentiel ne lit pas", "vouliez-vous dire", "Remédiations",
    "Provenance", "sans objet", "non renseigné", " (requis)", "Justificatif", NBSP ": ",
    "vocabulaire", "Service", "Phase", "Description",
};
static const md_words en = {
    "Verdict", "global score", "Use-case", "Framework", "Criteria", "Criterion", "Status",
    "Title", "Indicators", "Red lines", "Failed necessary conditions", "Missing required facts",
    "Reservations", "Unknown keys", "Vocabulary facts this framework does not read",
    "did you mean", "Remediations", "Provenance", "not applicable", "not answered",
    " (required)", "Evidence", ": ", "vocabulary", "Service", "Phase", "Description",
};

static void put(bsl_buf *b, const char *s) { bsl_buf_puts(b, s); }
static void md(bsl_buf *b, const char *s) { bsl_buf_put_markdown(b, s); }

/* A token the library itself checked (ids, fact keys, versions) as code. */
static void code(bsl_buf *b, const char *s)
{
    put(b, "`");
    put(b, s);
    put(b, "`");
}

static void heading(bsl_buf *b, const char *title)
{
    put(b, "\n## ");
    put(b, title);
    put(b, "\n\n");
}

static void score(bsl_buf *b, double v, int assessed, bsl_lang lang)
{
    if (assessed)
        bsl_buf_decimal1(b, v, lang == BSL_LANG_FR, 1);
    else
        put(b, NO_SCORE);
}

/* "- **Name**: value" for a use-case's own string, when it has one. */
static void field(bsl_buf *b, const md_words *w, const char *name, const char *value)
{
    if (!value)
        return;
    put(b, "- **");
    put(b, name);
    put(b, "**");
    put(b, w->colon);
    md(b, value);
    put(b, "\n");
}

static void header(bsl_buf *b, const md_words *w, const bsl_result *r, bsl_lang lang)
{
    put(b, "# ");
    put(b, w->verdict);
    put(b, w->colon);
    put(b, bsl_verdict_label(r->verdict, lang));
    put(b, "\n\n**");
    put(b, w->score);
    put(b, "**");
    put(b, w->colon);
    score(b, r->score, r->assessed, lang);
    put(b, r->assessed ? "/100\n\n" : "\n\n");
    put(b, "- **");
    put(b, w->usecase);
    put(b, "**");
    put(b, w->colon);
    md(b, r->usecase_title);
    put(b, " (");
    md(b, r->usecase_id);
    put(b, ")\n");
    field(b, w, w->service, r->service);
    field(b, w, w->phase, r->phase);
    field(b, w, w->description, r->description);
    put(b, "- **");
    put(b, w->framework);
    put(b, "**");
    put(b, w->colon);
    md(b, r->fw->title.s[lang]);
    put(b, " (");
    code(b, r->fw->id);
    put(b, " ");
    md(b, r->fw->version);
    put(b, ")\n");
}

static void criteria_table(bsl_buf *b, const md_words *w, const bsl_result *r, bsl_lang lang)
{
    size_t i;
    heading(b, w->criteria);
    put(b, "| ");
    put(b, w->criterion);
    put(b, " | Score | ");
    put(b, w->status);
    put(b, " | ");
    put(b, w->title);
    put(b, " |\n|---|---:|---|---|\n");
    for (i = 0; i < r->criterion_count; i++) {
        const struct bsl_criterion_result *c = &r->criteria[i];
        put(b, "| ");
        md(b, c->def->id);
        put(b, " | ");
        score(b, c->score, c->assessed, lang);
        put(b, " | ");
        put(b, bsl_criterion_status_label(c->status, lang));
        put(b, " | ");
        md(b, c->def->title.s[lang]);
        put(b, " |\n");
    }
}

/* One indicator as a list item: its fact, the value given, the points and
 * the framework's justification; not-assessed values read "—". */
static void indicator_item(bsl_buf *b, const md_words *w, const struct bsl_outcome *o, bsl_lang lang)
{
    const bsl_indicator *ind = o->ind;
    const char *unit = ind->def ? ind->def->unit.s[lang] : NULL;
    put(b, "- ");
    code(b, ind->fact);
    put(b, " = ");
    if (o->value_json) {
        md(b, o->value_json);
        if (unit) {
            put(b, NBSP);
            md(b, unit);
        }
    } else {
        put(b, NO_SCORE);
    }
    if (o->not_applicable || o->missing) {
        put(b, w->colon);
        put(b, "*");
        put(b, o->not_applicable ? w->not_applicable : w->not_answered);
        if (o->missing && ind->required)
            put(b, w->required);
        put(b, "*");
    } else {
        if (ind->weight.value > 0 && !o->red_line) {
            put(b, " (");
            put(b, o->matched->points.text);
            put(b, "/");
            put(b, ind->maximum_text);
            put(b, ")");
        }
        if (o->red_line)
            put(b, lang == BSL_LANG_FR ? " **ligne rouge**" : " **red line**");
        put(b, w->colon);
        md(b, o->matched->justification.s[lang]);
    }
    put(b, "\n");
    if (o->evidence) {
        put(b, "  - ");
        put(b, w->evidence);
        put(b, w->colon);
        md(b, o->evidence);
        put(b, "\n");
    }
}

static void indicators(bsl_buf *b, const md_words *w, const bsl_result *r, bsl_lang lang)
{
    size_t i, k;
    heading(b, w->indicators);
    for (i = 0; i < r->criterion_count; i++) {
        const struct bsl_criterion_result *c = &r->criteria[i];
        put(b, i ? "\n### " : "### ");
        md(b, c->def->id);
        put(b, " \xe2\x80\x94 ");
        md(b, c->def->title.s[lang]);
        put(b, "\n\n");
        for (k = 0; k < c->outcome_count; k++)
            indicator_item(b, w, &c->outcomes[k], lang);
    }
}

static void fact_reasons(bsl_buf *b, const md_words *w, const bsl_result *r, bsl_reason_kind kind,
                         const char *title, bsl_lang lang)
{
    size_t i;
    int any = 0;
    for (i = 0; i < r->reason_count; i++) {
        const struct bsl_reason *reason = &r->reasons[i];
        if (reason->kind != kind)
            continue;
        if (!any++)
            heading(b, title);
        put(b, "- ");
        if (kind != BSL_REASON_MISSING) { /* a missing fact's text names them */
            md(b, reason->criterion);
            put(b, ", ");
            code(b, reason->fact);
            put(b, w->colon);
        }
        md(b, reason->text[lang]);
        put(b, "\n");
    }
}

/* Criteria with reservations, not met or not assessed: why, once; what to
 * do about them is under the remediations. */
static void reservations(bsl_buf *b, const md_words *w, const bsl_result *r, bsl_lang lang)
{
    size_t i;
    int any = 0;
    for (i = 0; i < r->criterion_count; i++) {
        const struct bsl_criterion_result *c = &r->criteria[i];
        bsl_reason_kind kind;
        if (c->status != BSL_CRITERION_RESERVATIONS && c->status != BSL_CRITERION_NOT_MET &&
            c->status != BSL_CRITERION_NOT_ASSESSED)
            continue;
        if (c->failed_condition)
            continue; /* explained by its failed necessary condition */
        kind = c->status == BSL_CRITERION_NOT_MET ? BSL_REASON_NOT_MET
             : c->status == BSL_CRITERION_NOT_ASSESSED ? BSL_REASON_NOT_ASSESSED
                                                       : BSL_REASON_RESERVATION;
        if (!any++)
            heading(b, w->reservations);
        put(b, "- ");
        md(b, c->def->reason_text[kind].s[lang]);
        put(b, "\n");
    }
}

static void unknown_keys(bsl_buf *b, const md_words *w, const bsl_result *r, bsl_lang lang)
{
    size_t i;
    if (!r->unknown_count)
        return;
    heading(b, w->unknown);
    for (i = 0; i < r->unknown_count; i++) {
        put(b, "- ");
        md(b, r->unknown[i].path);
        if (r->unknown[i].suggestion) {
            put(b, w->colon);
            put(b, w->did_you_mean);
            put(b, " ");
            code(b, r->unknown[i].suggestion);
            put(b, lang == BSL_LANG_FR ? NBSP "?" : "?");
        }
        put(b, "\n");
    }
}

static void not_used(bsl_buf *b, const md_words *w, const bsl_result *r)
{
    size_t i;
    if (!r->not_used_count)
        return;
    heading(b, w->not_used);
    for (i = 0; i < r->not_used_count; i++) {
        put(b, i ? ", " : "");
        code(b, r->not_used[i].path); /* a vocabulary key: a token */
    }
    put(b, "\n");
}

static void remediations(bsl_buf *b, const md_words *w, const bsl_result *r, bsl_lang lang)
{
    size_t i;
    if (!r->remediation_count)
        return;
    heading(b, w->remediations);
    for (i = 0; i < r->remediation_count; i++) {
        const struct bsl_outcome *o = r->remediations[i];
        put(b, "- [ ] ");
        md(b, o->criterion_id);
        put(b, ", ");
        code(b, o->ind->fact);
        put(b, w->colon);
        md(b, o->remediation->s[lang]);
        put(b, "\n");
    }
}

static void provenance(bsl_buf *b, const md_words *w, const bsl_result *r)
{
    heading(b, w->provenance);
    put(b, "- ");
    code(b, r->fw->id);
    put(b, " ");
    md(b, r->fw->version);
    put(b, ", sha256 ");
    code(b, r->fw->sha256);
    put(b, "\n- ");
    put(b, w->vocabulary);
    put(b, " ");
    code(b, r->fw->vocab->id);
    put(b, " ");
    md(b, r->fw->vocab->version);
    put(b, ", sha256 ");
    code(b, r->fw->vocab->sha256);
    put(b, "\n- libboussole ");
    put(b, bsl_version_string());
    put(b, "\n");
}

void bsl_render_markdown(bsl_buf *b, const bsl_result *r, bsl_lang lang, const bsl_whatif_options *plan)
{
    const md_words *w = lang == BSL_LANG_FR ? &fr : &en;
    header(b, w, r, lang);
    criteria_table(b, w, r, lang);
    indicators(b, w, r, lang);
    fact_reasons(b, w, r, BSL_REASON_RED_LINE, w->red_lines, lang);
    fact_reasons(b, w, r, BSL_REASON_NECESSARY_CONDITION, w->conditions, lang);
    fact_reasons(b, w, r, BSL_REASON_MISSING, w->missing, lang);
    reservations(b, w, r, lang);
    unknown_keys(b, w, r, lang);
    not_used(b, w, r);
    remediations(b, w, r, lang);
    if (plan)
        bsl__whatif_report_section(b, r, lang, BSL_FORMAT_MARKDOWN, plan);
    provenance(b, w, r);
}
