/* The readable report, in French or English: the verdict first, then each
 * criterion with its indicators, then red lines, failed necessary
 * conditions, missing facts, reservations with their remediations, unknown
 * keys, vocabulary facts the framework does not read, and provenance. */
#include "render.h"
#include "text_wrap.h"
#include "whatif.h"

#include <string.h>


#define NBSP "\xc2\xa0"
#define NO_SCORE "\xe2\x80\x94" /* U+2014 EM DASH, one character wide */

typedef struct words {
    const char *verdict, *score, *usecase, *framework, *criteria, *red_lines, *conditions, *missing,
        *reservations, *unknown, *not_used, *did_you_mean, *remediations, *provenance, *not_applicable,
        *not_answered, *evidence, *colon, *open_q, *close_q, *version, *library, *legend,
        *service, *phase, *description;
} words;

static const words fr = {
    "Verdict", "score global", "Cas d'usage", "Référentiel", "Critères", "Lignes rouges",
    "Conditions nécessaires non remplies", "Faits requis manquants", "Réserves", "Clés inconnues",
    "Faits du vocabulaire que ce référentiel ne lit pas", "vouliez-vous dire",
    "Remédiations", "Provenance", "sans objet", "non renseigné", "Justificatif",
    NBSP ": ", "«" NBSP, NBSP "»", "version", "bibliothèque",
    "  Légende" NBSP ": [ok] tous les points, [..] une partie des points, [??] non renseigné, "
    "[!!] ligne rouge, [--] sans objet, [  ] informatif (sans pondération).\n",
    "Service", "Phase", "Description",
};
static const words en = {
    "Verdict", "global score", "Use-case", "Framework", "Criteria", "Red lines",
    "Failed necessary conditions", "Missing required facts", "Reservations", "Unknown keys",
    "Vocabulary facts this framework does not read", "did you mean",
    "Remediations", "Provenance", "not applicable", "not answered", "Evidence",
    ": ", "\"", "\"", "version", "library",
    "  Key: [ok] full points, [..] part of the points, [??] not answered, [!!] red line, "
    "[--] not applicable, [  ] informative (no weight).\n",
    "Service", "Phase", "Description",
};

static void put(bsl_buf *b, const char *s) { bsl_buf_puts(b, s); }

static void heading(bsl_buf *b, const words *w, const char *title)
{
    put(b, "\n");
    put(b, title);
    put(b, w == &fr ? NBSP ":\n" : ":\n");
}

/* A score, or a dash when there is none: a criterion that could not be
 * assessed must not read as 0,0. */
static void score(bsl_buf *b, double v, int assessed, bsl_lang lang)
{
    if (assessed)
        bsl_buf_decimal1(b, v, lang == BSL_LANG_FR, 1);
    else
        put(b, NO_SCORE);
}

/* Pad to a column so scores and statuses line up (counts characters). */
static void pad(bsl_buf *b, const char *s, size_t width)
{
    size_t chars = 0;
    const char *p;
    for (p = s; *p; p++)
        chars += ((unsigned char)*p & 0xC0) != 0x80;
    put(b, s);
    while (chars++ < width)
        bsl_buf_putc(b, ' ');
}

static void indicator_line(bsl_buf *b, const words *w, const struct bsl_outcome *o, bsl_lang lang)
{
    const bsl_indicator *ind = o->ind;
    const char *mark = o->red_line ? "[!!]" : o->not_applicable ? "[--]" : o->missing ? "[??]"
                     : ind->weight.value == 0 ? "[  ]"
                     : o->points >= ind->maximum ? "[ok]" : "[..]";
    put(b, "      ");
    put(b, mark);
    put(b, " ");
    put(b, ind->fact);
    if (o->value_json) {
        const char *unit = ind->def ? ind->def->unit.s[lang] : NULL;
        put(b, " = ");
        bsl_buf_put_untrusted(b, o->value_json);
        if (unit) {
            put(b, NBSP);
            put(b, unit);
        }
    }
    if (o->not_applicable || o->missing) {
        put(b, w->colon);
        put(b, o->not_applicable ? w->not_applicable : w->not_answered);
        if (o->missing && ind->required)
            put(b, lang == BSL_LANG_FR ? " (requis)" : " (required)");
    } else {
        if (ind->weight.value > 0 && !o->red_line) {
            put(b, " (");
            put(b, o->matched->points.text);
            put(b, "/");
            put(b, ind->maximum_text);
            put(b, ")");
        }
        put(b, w->colon);
        put(b, o->matched->justification.s[lang]);
    }
    put(b, "\n");
    if (o->evidence) {
        put(b, "           ");
        put(b, w->evidence);
        put(b, w->colon);
        bsl_buf_put_untrusted(b, o->evidence);
        put(b, "\n");
    }
}

/* The section of the reasons of one fact-level kind (red lines, failed
 * necessary conditions), when there are any. */
static void fact_reasons(bsl_buf *b, const words *w, const bsl_result *r, bsl_reason_kind kind,
                         const char *title, bsl_lang lang)
{
    size_t i;
    int any = 0;
    for (i = 0; i < r->reason_count; i++) {
        const struct bsl_reason *reason = &r->reasons[i];
        if (reason->kind != kind)
            continue;
        if (!any++)
            heading(b, w, title);
        put(b, "  - ");
        put(b, reason->criterion);
        put(b, ", ");
        put(b, reason->fact);
        put(b, w->colon);
        put(b, reason->text[lang]);
        put(b, "\n");
    }
}

/* " Allowed values: a, b, c." for a missing enum or set fact, so that the
 * reader can answer from the report alone. */
static void allowed_values(bsl_buf *b, const words *w, const bsl_result *r, const char *fact,
                           bsl_lang lang)
{
    size_t i, k, v;
    for (i = 0; i < r->criterion_count; i++)
        for (k = 0; k < r->criteria[i].outcome_count; k++) {
            const bsl_indicator *ind = r->criteria[i].outcomes[k].ind;
            if (strcmp(ind->fact, fact) || !ind->def || !ind->def->value_count)
                continue;
            put(b, lang == BSL_LANG_FR ? " Valeurs admises" : " Allowed values");
            put(b, w->colon);
            for (v = 0; v < ind->def->value_count; v++) {
                put(b, v ? ", " : "");
                put(b, ind->def->values[v].value); /* tokens */
            }
            put(b, ".");
            return;
        }
}

/* "Name: value" for a use-case's own string, when it has one. */
static void field(bsl_buf *b, const words *w, const char *name, const char *value)
{
    if (!value)
        return;
    put(b, name);
    put(b, w->colon);
    bsl_buf_put_untrusted(b, value);
    put(b, "\n");
}

/* The report, one logical line per item; bsl_render_text() wraps it. */
static void render_lines(bsl_buf *b, const bsl_result *r, bsl_lang lang, int plan)
{
    const words *w = lang == BSL_LANG_FR ? &fr : &en;
    size_t i, k;
    int any;

    put(b, w->verdict);
    put(b, w->colon);
    put(b, bsl_verdict_label(r->verdict, lang));
    put(b, " (");
    put(b, w->score);
    put(b, " ");
    score(b, r->score, r->assessed, lang);
    put(b, r->assessed ? "/100)\n" : ")\n");
    put(b, w->usecase);
    put(b, w->colon);
    bsl_buf_put_untrusted(b, r->usecase_title);
    put(b, " [");
    bsl_buf_put_untrusted(b, r->usecase_id);
    put(b, "]\n");
    field(b, w, w->service, r->service);
    field(b, w, w->phase, r->phase);
    field(b, w, w->description, r->description);
    put(b, w->framework);
    put(b, w->colon);
    put(b, r->fw->title.s[lang]);
    put(b, " [");
    put(b, r->fw->id);
    put(b, " ");
    put(b, r->fw->version);
    put(b, "]\n");

    heading(b, w, w->criteria);
    put(b, w->legend);
    for (i = 0; i < r->criterion_count; i++) {
        const struct bsl_criterion_result *c = &r->criteria[i];
        put(b, "  ");
        pad(b, c->def->id, 4);
        bsl_buf_putc(b, ' ');
        {
            size_t start = b->len;
            score(b, c->score, c->assessed, lang);
            /* the dash is 3 bytes and one character */
            for (k = b->failed ? 6 : b->len - start - (c->assessed ? 0 : 2); k < 6; k++)
                bsl_buf_putc(b, ' ');
        }
        bsl_buf_putc(b, ' ');
        pad(b, bsl_criterion_status_label(c->status, lang), 18);
        put(b, c->def->title.s[lang]);
        put(b, "\n");
        for (k = 0; k < c->outcome_count; k++)
            indicator_line(b, w, &c->outcomes[k], lang);
    }

    fact_reasons(b, w, r, BSL_REASON_RED_LINE, w->red_lines, lang);
    fact_reasons(b, w, r, BSL_REASON_NECESSARY_CONDITION, w->conditions, lang);
    if (r->missing_count) {
        heading(b, w, w->missing);
        for (i = 0; i < r->reason_count; i++)
            if (r->reasons[i].kind == BSL_REASON_MISSING) {
                put(b, "  - ");
                put(b, r->reasons[i].text[lang]);
                allowed_values(b, w, r, r->reasons[i].fact, lang);
                put(b, "\n");
            }
    }
    any = 0;
    for (i = 0; i < r->criterion_count; i++) {
        const struct bsl_criterion_result *c = &r->criteria[i];
        bsl_reason_kind kind;
        /* Red-line, failed-condition and incomplete criteria are explained
         * above, by their red lines, conditions and missing facts. */
        if (c->status == BSL_CRITERION_MET || c->status == BSL_CRITERION_RED_LINE ||
            c->status == BSL_CRITERION_INCOMPLETE || c->failed_condition)
            continue;
        kind = c->status == BSL_CRITERION_NOT_MET ? BSL_REASON_NOT_MET
             : c->status == BSL_CRITERION_NOT_ASSESSED ? BSL_REASON_NOT_ASSESSED
                                                       : BSL_REASON_RESERVATION;
        if (!any++)
            heading(b, w, w->reservations);
        /* What to do about it is said once, under the remediations. */
        put(b, "  - ");
        put(b, c->def->reason_text[kind].s[lang]);
        put(b, "\n");
    }
    if (r->unknown_count) {
        heading(b, w, w->unknown);
        for (i = 0; i < r->unknown_count; i++) {
            put(b, "  - ");
            bsl_buf_put_untrusted(b, r->unknown[i].path);
            if (r->unknown[i].suggestion) {
                put(b, w->colon);
                put(b, w->did_you_mean);
                put(b, " ");
                put(b, w->open_q);
                put(b, r->unknown[i].suggestion);
                put(b, w->close_q);
                put(b, lang == BSL_LANG_FR ? NBSP "?" : "?");
            }
            put(b, "\n");
        }
    }
    if (r->not_used_count) {
        heading(b, w, w->not_used);
        put(b, "  ");
        for (i = 0; i < r->not_used_count; i++) {
            if (i)
                put(b, ", ");
            put(b, r->not_used[i].path); /* a vocabulary key: a token */
        }
        put(b, "\n");
    }
    if (r->remediation_count) {
        heading(b, w, w->remediations);
        for (i = 0; i < r->remediation_count; i++) {
            const struct bsl_outcome *o = r->remediations[i];
            put(b, "  - ");
            put(b, o->criterion_id);
            put(b, ", ");
            put(b, o->ind->fact);
            put(b, w->colon);
            put(b, o->remediation->s[lang]);
            put(b, "\n");
        }
    }
    if (plan)
        bsl__whatif_report_section(b, r, lang, BSL_FORMAT_TEXT);
    put(b, "\n");
    put(b, w->provenance);
    put(b, w->colon);
    put(b, r->fw->id);
    put(b, " ");
    put(b, r->fw->version);
    put(b, " sha256:");
    put(b, r->fw->sha256);
    put(b, lang == BSL_LANG_FR ? ", vocabulaire " : ", vocabulary ");
    put(b, r->fw->vocab->id);
    put(b, " ");
    put(b, r->fw->vocab->version);
    put(b, " sha256:");
    put(b, r->fw->vocab->sha256);
    put(b, ", libboussole ");
    put(b, bsl_version_string());
    put(b, "\n");
}

void bsl_render_text(bsl_buf *b, const bsl_result *r, bsl_lang lang, size_t width, int color,
                     int plan)
{
    bsl_buf lines;
    bsl_buf_init(&lines, b->alloc);
    render_lines(&lines, r, lang, plan);
    if (lines.failed) {
        if (!b->failed)
            b->failed = lines.failed;
    } else {
        bsl_text_wrap(b, lines.data, lines.len, width, color);
    }
    bsl_buf_release(&lines);
}
