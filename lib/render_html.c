/* The report as one self-contained HTML page: inline CSS, the boussole
 * (render_svg.c) inline, no script and nothing fetched. Sections in the
 * order a decision file is read, on screen and printed (A4): the verdict,
 * the criteria with the picture, the indicators, red lines, failed
 * necessary conditions, missing facts, reservations with their
 * remediations, the remediations of no reservation, unknown keys,
 * vocabulary facts not read, what it takes to reach favorable (below it
 * only), provenance.
 *
 * Accessibility (WCAG 2.1 AA, RGAA 4.1): lang set, one h1 and headings in
 * order, tables with a caption and th scope, statuses in words (colour
 * only repeats them), text colours at least 4.5:1 on their background.
 * Every string that is not ours goes through bsl_markup_text(). */
#include "render.h"
#include "markup.h"
#include "whatif.h"

#define NO_SCORE "\xe2\x80\x94" /* U+2014: no score, not 0 */

typedef struct html_words {
    const char *report, *verdict, *score, *usecase, *framework, *criteria, *picture_caption,
        *criteria_caption, *criterion, *title, *status, *thresholds, *indicators, *indicators_of,
        *fact, *value, *points, *justification, *evidence, *not_applicable, *not_answered,
        *required, *unweighted, *red_line, *red_lines, *conditions, *missing, *reservations,
        *todo, *remediations, *unknown, *did_you_mean, *not_used, *provenance, *vocabulary,
        *library, *colon, *open_q, *close_q;
} html_words;

static const html_words fr = {
    "Rapport boussole", "Verdict", "score global", "Cas d'usage", "Référentiel", "Critères",
    "La boussole du cas d'usage\xc2\xa0: un axe par critère, les seuils en anneaux.",
    "Score et statut de chaque critère", "Critère", "Intitulé", "Statut",
    "Seuils (atteint / réserves)", "Indicateurs", "Indicateurs de", "Fait", "Valeur", "Points",
    "Justification", "Preuve", "non applicable", "non renseigné", "requis", "non pondéré",
    "ligne rouge", "Lignes rouges", "Conditions nécessaires non remplies",
    "Faits requis manquants", "Réserves", "À faire", "Autres remédiations", "Clés inconnues",
    "vouliez-vous dire", "Faits du vocabulaire que ce référentiel ne lit pas", "Provenance",
    "Vocabulaire", "Bibliothèque", "\xc2\xa0: ", "«\xc2\xa0", "\xc2\xa0»",
};
static const html_words en = {
    "Boussole report", "Verdict", "global score", "Use-case", "Framework", "Criteria",
    "The use-case's boussole: one axis per criterion, the thresholds as rings.",
    "Score and status of each criterion", "Criterion", "Title", "Status",
    "Thresholds (met / reservations)", "Indicators", "Indicators of", "Fact", "Value", "Points",
    "Justification", "Evidence", "not applicable", "not answered", "required", "unweighted",
    "red line", "Red lines", "Failed necessary conditions", "Missing required facts",
    "Reservations", "To do", "Other remediations", "Unknown keys", "did you mean",
    "Vocabulary facts this framework does not read", "Provenance", "Vocabulary", "Library",
    ": ", "\"", "\"",
};

/* Colours: every text colour is at least 4.5:1 on the background it sits
 * on (the darkest light background here is #e8eef5). */
static const char style[] =
    ":root{color:#1a1a1a;background:#ffffff}\n"
    "body{font-family:\"DejaVu Sans\",Verdana,sans-serif;line-height:1.45;max-width:62rem;"
    "margin:0 auto;padding:1rem 1.25rem}\n"
    "h1{font-size:1.6rem;margin:.5rem 0 1rem}\n"
    "h2{font-size:1.25rem;border-bottom:2px solid #1f4e79;padding-bottom:.2rem;margin-top:2rem}\n"
    "h3{font-size:1.05rem;margin-top:1.25rem}\n"
    "table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}\n"
    "caption{text-align:left;font-weight:bold;padding:.3rem 0}\n"
    "th,td{border:1px solid #8c8c8c;padding:.3rem .5rem;text-align:left;vertical-align:top}\n"
    "thead th{background:#e8eef5}\n"
    "td.num{text-align:right;white-space:nowrap}\n"
    "code{font-family:\"DejaVu Sans Mono\",monospace;overflow-wrap:break-word}\n"
    ".verdict{font-size:1.3rem;margin:.5rem 0;padding:.6rem .9rem;border-left:.5rem solid #1a1a1a;"
    "background:#f2f2f2}\n"
    ".verdict-favorable{border-color:#1b6e3a;background:#e6f4ea}\n"
    ".verdict-favorable_with_reservations{border-color:#8a5a00;background:#fdf3e1}\n"
    ".verdict-unfavorable,.verdict-red_line{border-color:#a4161a;background:#fbe9e9}\n"
    ".verdict-incomplete{border-color:#595959;background:#efefef}\n"
    ".status-red_line,.status-not_met{color:#a4161a;font-weight:bold}\n"
    ".status-met{color:#1b6e3a}\n"
    ".status-reservations{color:#7a4f00}\n"
    "dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}\n"
    "dl.facts dt{font-weight:bold}\n"
    "dl.facts dd{margin:0}\n"
    "figure{margin:1rem 0}\n"
    "figure svg{max-width:100%;height:auto}\n"
    "figcaption{font-style:italic}\n"
    "@page{size:A4;margin:15mm 14mm}\n"
    "@media print{body{max-width:none;padding:0;font-size:10pt}"
    "h2,h3{break-after:avoid}table,figure,li{break-inside:avoid}"
    "thead{display:table-header-group}.verdict{border:2px solid #1a1a1a}"
    "figure svg{width:150mm}}\n";

static void put(bsl_buf *b, const char *s) { bsl_buf_puts(b, s); }
static void text(bsl_buf *b, const char *s) { bsl_markup_text(b, s); }

static void score(bsl_buf *b, double v, int assessed, bsl_lang lang)
{
    if (assessed)
        bsl_buf_decimal1(b, v, lang == BSL_LANG_FR, 1);
    else
        put(b, NO_SCORE);
}

/* <section> with its h2; close with section_end(). */
static void section(bsl_buf *b, const char *id, const char *title)
{
    put(b, "<section aria-labelledby=\"");
    put(b, id);
    put(b, "\">\n<h2 id=\"");
    put(b, id);
    put(b, "\">");
    put(b, title);
    put(b, "</h2>\n");
}

static void section_end(bsl_buf *b) { put(b, "</section>\n"); }

static void head(bsl_buf *b, const bsl_result *r, const html_words *w, bsl_lang lang)
{
    put(b, "<!DOCTYPE html>\n<html lang=\"");
    put(b, lang == BSL_LANG_FR ? "fr" : "en");
    put(b, "\">\n<head>\n<meta charset=\"utf-8\">\n"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
    put(b, w->report);
    put(b, w->colon);
    text(b, r->usecase_title);
    put(b, "</title>\n<style>\n");
    put(b, style);
    put(b, "</style>\n</head>\n");
}

static void verdict(bsl_buf *b, const bsl_result *r, const html_words *w, bsl_lang lang)
{
    section(b, "verdict", w->verdict);
    put(b, "<p class=\"verdict verdict-");
    put(b, bsl_verdict_token(r->verdict));
    put(b, "\"><strong>");
    text(b, bsl_verdict_label(r->verdict, lang));
    put(b, "</strong> (");
    put(b, w->score);
    put(b, " ");
    score(b, r->score, r->assessed, lang);
    put(b, r->assessed ? "/100)</p>\n" : ")</p>\n");
    put(b, "<dl class=\"facts\">\n<dt>");
    put(b, w->usecase);
    put(b, "</dt><dd>");
    text(b, r->usecase_title);
    put(b, " <code>");
    text(b, r->usecase_id);
    put(b, "</code></dd>\n<dt>");
    put(b, w->framework);
    put(b, "</dt><dd>");
    text(b, r->fw->title.s[lang]);
    put(b, " <code>");
    text(b, r->fw->id);
    put(b, " ");
    text(b, r->fw->version);
    put(b, "</code></dd>\n</dl>\n");
    section_end(b);
}

static void th_col(bsl_buf *b, const char *s)
{
    put(b, "<th scope=\"col\">");
    put(b, s);
    put(b, "</th>");
}

static void status_cell(bsl_buf *b, bsl_criterion_status s, bsl_lang lang)
{
    put(b, "<td class=\"status-");
    put(b, bsl_criterion_status_token(s));
    put(b, "\">");
    text(b, bsl_criterion_status_label(s, lang));
    put(b, "</td>");
}

static void criteria(bsl_buf *b, const bsl_result *r, const html_words *w, bsl_lang lang)
{
    size_t i;
    section(b, "criteria", w->criteria);
    put(b, "<figure>\n");
    bsl_render_svg(b, r, lang, 0);
    put(b, "<figcaption>");
    put(b, w->picture_caption);
    put(b, "</figcaption>\n</figure>\n<table>\n<caption>");
    put(b, w->criteria_caption);
    put(b, "</caption>\n<thead><tr>");
    th_col(b, w->criterion);
    th_col(b, w->title);
    th_col(b, "Score");
    th_col(b, w->status);
    th_col(b, w->thresholds);
    put(b, "</tr></thead>\n<tbody>\n");
    for (i = 0; i < r->criterion_count; i++) {
        const struct bsl_criterion_result *c = &r->criteria[i];
        put(b, "<tr><th scope=\"row\">");
        text(b, c->def->id);
        put(b, "</th><td>");
        text(b, c->def->title.s[lang]);
        put(b, "</td><td class=\"num\">");
        score(b, c->score, c->assessed, lang);
        put(b, "</td>");
        status_cell(b, c->status, lang);
        put(b, "<td class=\"num\">");
        text(b, c->def->met.text);
        put(b, " / ");
        text(b, c->def->reservations.text);
        put(b, "</td></tr>\n");
    }
    put(b, "</tbody>\n</table>\n");
    section_end(b);
}

/* The points of an outcome, or what stands instead of them. */
static void points_cell(bsl_buf *b, const struct bsl_outcome *o, const html_words *w)
{
    put(b, "<td class=\"num\">");
    if (o->red_line) {
        put(b, w->red_line);
    } else if (o->missing || o->not_applicable) {
        put(b, NO_SCORE);
    } else if (o->ind->weight.value == 0) {
        put(b, w->unweighted);
    } else {
        text(b, o->matched->points.text);
        put(b, "/");
        text(b, o->ind->maximum_text);
    }
    put(b, "</td>");
}

static void indicator_row(bsl_buf *b, const struct bsl_outcome *o, const html_words *w,
                          bsl_lang lang)
{
    put(b, "<tr><th scope=\"row\"><code>");
    text(b, o->ind->fact);
    put(b, "</code></th><td>");
    if (o->value_json) {
        put(b, "<code>");
        text(b, o->value_json);
        put(b, "</code>");
    } else {
        put(b, NO_SCORE);
    }
    put(b, "</td>");
    points_cell(b, o, w);
    put(b, "<td>");
    if (o->not_applicable || o->missing) {
        put(b, o->not_applicable ? w->not_applicable : w->not_answered);
        if (o->missing && o->ind->required) {
            put(b, " (");
            put(b, w->required);
            put(b, ")");
        }
    } else {
        text(b, o->matched->justification.s[lang]);
    }
    if (o->evidence) {
        put(b, "<br>");
        put(b, w->evidence);
        put(b, w->colon);
        text(b, o->evidence);
    }
    put(b, "</td></tr>\n");
}

static void indicators(bsl_buf *b, const bsl_result *r, const html_words *w, bsl_lang lang)
{
    size_t i, k;
    section(b, "indicators", w->indicators);
    for (i = 0; i < r->criterion_count; i++) {
        const struct bsl_criterion_result *c = &r->criteria[i];
        put(b, "<table>\n<caption>");
        put(b, w->indicators_of);
        put(b, " ");
        text(b, c->def->id);
        put(b, w->colon);
        text(b, c->def->title.s[lang]);
        put(b, "</caption>\n<thead><tr>");
        th_col(b, w->fact);
        th_col(b, w->value);
        th_col(b, w->points);
        th_col(b, w->justification);
        put(b, "</tr></thead>\n<tbody>\n");
        for (k = 0; k < c->outcome_count; k++)
            indicator_row(b, &c->outcomes[k], w, lang);
        put(b, "</tbody>\n</table>\n");
    }
    section_end(b);
}

/* The section of the reasons of one kind, when there are any; with_fact:
 * each item names its criterion and fact. */
static void reasons(bsl_buf *b, const bsl_result *r, bsl_reason_kind kind, const char *id,
                    const char *title, int with_fact, const html_words *w, bsl_lang lang)
{
    size_t i;
    int any = 0;
    for (i = 0; i < r->reason_count; i++) {
        const struct bsl_reason *reason = &r->reasons[i];
        if (reason->kind != kind)
            continue;
        if (!any++) {
            section(b, id, title);
            put(b, "<ul>\n");
        }
        put(b, "<li>");
        if (with_fact) {
            text(b, reason->criterion);
            put(b, ", <code>");
            text(b, reason->fact);
            put(b, "</code>");
            put(b, w->colon);
        }
        text(b, reason->text[lang]);
        put(b, "</li>\n");
    }
    if (any) {
        put(b, "</ul>\n");
        section_end(b);
    }
}

static void remediation_item(bsl_buf *b, const struct bsl_outcome *o, const html_words *w,
                             bsl_lang lang, int with_criterion)
{
    put(b, "<li>");
    if (with_criterion) {
        text(b, o->criterion_id);
        put(b, ", ");
    } else {
        put(b, w->todo);
        put(b, " ");
    }
    put(b, "(<code>");
    text(b, o->ind->fact);
    put(b, "</code>)");
    put(b, w->colon);
    text(b, o->remediation->s[lang]);
    put(b, "</li>\n");
}

/* Criteria whose reservation is explained here: not those explained by
 * their red lines, failed conditions or missing facts. */
static int has_reservation(const struct bsl_criterion_result *c)
{
    return c->status != BSL_CRITERION_MET && c->status != BSL_CRITERION_RED_LINE &&
           c->status != BSL_CRITERION_INCOMPLETE && !c->failed_condition;
}

static void reservations(bsl_buf *b, const bsl_result *r, const html_words *w, bsl_lang lang)
{
    size_t i, k;
    int any = 0;
    for (i = 0; i < r->criterion_count; i++) {
        const struct bsl_criterion_result *c = &r->criteria[i];
        bsl_reason_kind kind;
        int todo = 0;
        if (!has_reservation(c))
            continue;
        kind = c->status == BSL_CRITERION_NOT_MET ? BSL_REASON_NOT_MET
             : c->status == BSL_CRITERION_NOT_ASSESSED ? BSL_REASON_NOT_ASSESSED
                                                       : BSL_REASON_RESERVATION;
        if (!any++) {
            section(b, "reservations", w->reservations);
            put(b, "<ul>\n");
        }
        put(b, "<li>");
        text(b, c->def->reason_text[kind].s[lang]);
        for (k = 0; k < c->outcome_count; k++)
            if (c->outcomes[k].remediation) {
                if (!todo++)
                    put(b, "\n<ul>\n");
                remediation_item(b, &c->outcomes[k], w, lang, 0);
            }
        put(b, todo ? "</ul>\n</li>\n" : "</li>\n");
    }
    if (any) {
        put(b, "</ul>\n");
        section_end(b);
    }
}

/* Remediations of criteria the reservations did not list, so that each is
 * said once. */
static void other_remediations(bsl_buf *b, const bsl_result *r, const html_words *w, bsl_lang lang)
{
    size_t i;
    int any = 0;
    for (i = 0; i < r->remediation_count; i++) {
        const struct bsl_outcome *o = r->remediations[i];
        if (o->ind->criterion < r->criterion_count && has_reservation(&r->criteria[o->ind->criterion]))
            continue;
        if (!any++) {
            section(b, "remediations", w->remediations);
            put(b, "<ul>\n");
        }
        remediation_item(b, o, w, lang, 1);
    }
    if (any) {
        put(b, "</ul>\n");
        section_end(b);
    }
}

static void unknown_keys(bsl_buf *b, const bsl_result *r, const html_words *w)
{
    size_t i;
    if (!r->unknown_count)
        return;
    section(b, "unknown", w->unknown);
    put(b, "<ul>\n");
    for (i = 0; i < r->unknown_count; i++) {
        put(b, "<li><code>");
        text(b, r->unknown[i].path);
        put(b, "</code>");
        if (r->unknown[i].suggestion) {
            put(b, w->colon);
            put(b, w->did_you_mean);
            put(b, " <code>");
            text(b, r->unknown[i].suggestion);
            put(b, w == &fr ? "</code>\xc2\xa0?" : "</code>?");
        }
        put(b, "</li>\n");
    }
    put(b, "</ul>\n");
    section_end(b);
}

static void not_used(bsl_buf *b, const bsl_result *r, const html_words *w)
{
    size_t i;
    if (!r->not_used_count)
        return;
    section(b, "not-used", w->not_used);
    put(b, "<p>");
    for (i = 0; i < r->not_used_count; i++) {
        put(b, i ? ", <code>" : "<code>");
        text(b, r->not_used[i].path);
        put(b, "</code>");
    }
    put(b, "</p>\n");
    section_end(b);
}

static void provenance_entry(bsl_buf *b, const char *what, const char *id, const char *version,
                             const char *sha256)
{
    put(b, "<dt>");
    put(b, what);
    put(b, "</dt><dd><code>");
    text(b, id);
    put(b, " ");
    text(b, version);
    if (sha256) {
        put(b, " sha256:");
        text(b, sha256);
    }
    put(b, "</code></dd>\n");
}

static void provenance(bsl_buf *b, const bsl_result *r, const html_words *w)
{
    section(b, "provenance", w->provenance);
    put(b, "<dl class=\"facts\">\n");
    provenance_entry(b, w->framework, r->fw->id, r->fw->version, r->fw->sha256);
    provenance_entry(b, w->vocabulary, r->fw->vocab->id, r->fw->vocab->version, r->fw->vocab->sha256);
    provenance_entry(b, w->library, "libboussole", bsl_version_string(), NULL);
    put(b, "</dl>\n");
    section_end(b);
}

/* ---- what it takes to reach favorable (lib/whatif.c) ----------------------- */

typedef struct whatif_words {
    const char *reach, *caption, *from, *to, *gain, *remediation, *already, *unreachable, *too_many,
        *changes, *after;
} whatif_words;

static const whatif_words whatif_fr = {
    "Pour atteindre", "Les changements qui y mènent, les moins nombreux", "Maintenant", "À atteindre",
    "Points gagnés", "Remédiation", "Le cas d'usage l'atteint déjà.",
    "Inatteignable en changeant seulement des faits modifiables. Bloqué par",
    "Aucun plan ne l'atteint en au plus ", "changements", "Après ces changements",
};
static const whatif_words whatif_en = {
    "To reach", "The fewest changes that lead there", "Now", "To reach", "Points gained",
    "Remediation", "The use-case already reaches it.",
    "Unreachable by changing only facts that can change. Blocked by",
    "No plan reaches it in at most ", "changes", "After these changes",
};

static void whatif_change_row(bsl_buf *b, const wi_change *c, const html_words *w, bsl_lang lang)
{
    put(b, "<tr><th scope=\"row\"><code>");
    text(b, c->fact);
    put(b, "</code></th><td>");
    text(b, c->criterion);
    put(b, "</td><td>");
    if (c->from) {
        put(b, "<code>");
        text(b, c->from);
        put(b, "</code>");
    } else {
        put(b, w->not_answered);
    }
    put(b, "</td><td><code>");
    text(b, c->to);
    put(b, "</code></td><td class=\"num\">");
    if (c->gain >= 0.05)
        put(b, "+");
    bsl_buf_decimal1(b, c->gain, lang == BSL_LANG_FR, 1);
    put(b, "</td><td>");
    text(b, c->remediation->s[lang]);
    put(b, "</td></tr>\n");
}

static void whatif_plan(bsl_buf *b, const bsl_whatif_plan *p, const html_words *w, bsl_lang lang)
{
    const whatif_words *ww = lang == BSL_LANG_FR ? &whatif_fr : &whatif_en;
    size_t i;
    put(b, "<section aria-labelledby=\"whatif\">\n<h2 id=\"whatif\">");
    put(b, ww->reach);
    put(b, " ");
    put(b, w->open_q);
    text(b, bsl_verdict_label(p->target, lang));
    put(b, w->close_q);
    put(b, "</h2>\n");
    if (p->limit_reached)
        bsl__whatif_limit_line(b, p, lang, BSL_FORMAT_HTML);
    if (!p->reachable && p->limit_reached) {
        /* said by the line above */
    } else if (!p->reachable && !p->blocked_count) {
        put(b, "<p>");
        put(b, ww->too_many);
        bsl_buf_uint(b, p->max_changes);
        put(b, " ");
        put(b, ww->changes);
        put(b, ".</p>\n");
    } else if (!p->reachable) {
        put(b, "<p>");
        put(b, ww->unreachable);
        put(b, w->colon);
        for (i = 0; i < p->blocked_count; i++) {
            put(b, i ? ", <code>" : "<code>");
            text(b, p->blocked[i]);
            put(b, "</code>");
        }
        put(b, ".</p>\n");
    } else if (!p->change_count) {
        put(b, "<p>");
        put(b, ww->already);
        put(b, "</p>\n");
    } else {
        put(b, "<table>\n<caption>");
        put(b, ww->caption);
        put(b, "</caption>\n<thead><tr>");
        th_col(b, w->fact);
        th_col(b, w->criterion);
        th_col(b, ww->from);
        th_col(b, ww->to);
        th_col(b, ww->gain);
        th_col(b, ww->remediation);
        put(b, "</tr></thead>\n<tbody>\n");
        for (i = 0; i < p->change_count; i++)
            whatif_change_row(b, &p->changes[i], w, lang);
        put(b, "</tbody>\n</table>\n");
    }
    for (i = 0; i < p->framework_count; i++) {
        const wi_after *a = &p->after[i];
        put(b, "<p><strong>");
        put(b, p->change_count ? ww->after : lang == BSL_LANG_FR ? "Après" : "After");
        put(b, "</strong>");
        put(b, w->colon);
        text(b, bsl_verdict_label(a->verdict, lang));
        put(b, ", ");
        put(b, w->score);
        put(b, " ");
        score(b, a->score, a->assessed, lang);
        put(b, "</p>\n");
    }
    put(b, "</section>\n");
}

/* Below the target only: the plan, computed here from the result. */
static void whatif(bsl_buf *b, const bsl_result *r, const html_words *w, bsl_lang lang,
                   const bsl_whatif_options *opts)
{
    bsl_whatif_plan *p;
    int rc = bsl__whatif_of_result(&p, r, opts);
    if (rc) {
        if (!b->failed)
            b->failed = rc;
        return;
    }
    if (!p)
        return;
    whatif_plan(b, p, w, lang);
    bsl_whatif_free(p);
}

void bsl_render_html(bsl_buf *b, const bsl_result *r, bsl_lang lang, const bsl_whatif_options *plan)
{
    const html_words *w = lang == BSL_LANG_FR ? &fr : &en;
    head(b, r, w, lang);
    put(b, "<body>\n<main>\n<h1>");
    put(b, w->report);
    put(b, w->colon);
    text(b, r->usecase_title);
    put(b, "</h1>\n");
    verdict(b, r, w, lang);
    criteria(b, r, w, lang);
    indicators(b, r, w, lang);
    reasons(b, r, BSL_REASON_RED_LINE, "red-lines", w->red_lines, 1, w, lang);
    reasons(b, r, BSL_REASON_NECESSARY_CONDITION, "conditions", w->conditions, 1, w, lang);
    reasons(b, r, BSL_REASON_MISSING, "missing", w->missing, 0, w, lang);
    reservations(b, r, w, lang);
    other_remediations(b, r, w, lang);
    unknown_keys(b, r, w);
    not_used(b, r, w);
    if (plan)
        whatif(b, r, w, lang, plan);
    provenance(b, r, w);
    put(b, "</main>\n</body>\n</html>\n");
}
