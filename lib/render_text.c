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

/* A constant string with its length: the report appends a few hundred
 * pieces, and measuring each again with strlen() was a seventh of its cost. */
typedef struct word {
    const char *s;
    size_t n;
} word;
#define WORD(lit) { "" lit, sizeof lit - 1 }
/* Append a string literal (its length known at compile time). */
#define LIT(b, lit) bsl_buf_append((b), "" lit, sizeof lit - 1)

typedef struct words {
    word verdict, score, usecase, framework, criteria, red_lines, conditions, missing,
        reservations, unknown, not_used, did_you_mean, remediations, provenance, not_applicable,
        not_answered, evidence, colon, open_q, close_q, version, library, legend,
        service, phase, description, heading_colon;
} words;

static const words fr = {
    WORD("Verdict"),
    WORD("score global"),
    WORD("Cas d'usage"),
    WORD("Référentiel"),
    WORD("Critères"),
    WORD("Lignes rouges"),
    WORD("Conditions nécessaires non remplies"),
    WORD("Faits requis manquants"),
    WORD("Réserves"),
    WORD("Clés inconnues"),
    WORD("Faits du vocabulaire que ce référentiel ne lit pas"),
    WORD("vouliez-vous dire"),
    WORD("Remédiations"),
    WORD("Provenance"),
    WORD("sans objet"),
    WORD("non renseigné"),
    WORD("Justificatif"),
    WORD(BSL_TEXT_COLON_FR),
    WORD("«" NBSP),
    WORD(NBSP "»"),
    WORD("version"),
    WORD("bibliothèque"),
    WORD("  Légende" NBSP ": [ok] tous les points, [..] une partie des points, [??] non renseigné, "
        "[!!] ligne rouge, [--] sans objet, [  ] informatif (sans pondération).\n"),
    WORD("Service"),
    WORD("Phase"),
    WORD("Description"),
    WORD(NBSP ":\n"),
};
static const words en = {
    WORD("Verdict"),
    WORD("global score"),
    WORD("Use-case"),
    WORD("Framework"),
    WORD("Criteria"),
    WORD("Red lines"),
    WORD("Failed necessary conditions"),
    WORD("Missing required facts"),
    WORD("Reservations"),
    WORD("Unknown keys"),
    WORD("Vocabulary facts this framework does not read"),
    WORD("did you mean"),
    WORD("Remediations"),
    WORD("Provenance"),
    WORD("not applicable"),
    WORD("not answered"),
    WORD("Evidence"),
    WORD(BSL_TEXT_COLON_EN),
    WORD("\""),
    WORD("\""),
    WORD("version"),
    WORD("library"),
    WORD("  Key: [ok] full points, [..] part of the points, [??] not answered, [!!] red line, "
        "[--] not applicable, [  ] informative (no weight).\n"),
    WORD("Service"),
    WORD("Phase"),
    WORD("Description"),
    WORD(":\n"),
};

/* Where the report goes: its logical lines are written to a buffer of
 * lines and wrapped into out, in one piece at the end or, before a line
 * that comes already wrapped (text_prepare.c), up to that line. */
typedef struct sink {
    bsl_buf *out;
    size_t width;
    int color;
    bsl_wrap_state wrap;
} sink;

/* Wrap the lines written so far (each with its newline) into the report. */
static void flush(bsl_buf *lines, sink *k)
{
    if (lines->failed)
        return;
    bsl_text_wrap_lines(k->out, lines->data, lines->len, k->width, k->color, &k->wrap);
    lines->len = 0;
    if (lines->data)
        lines->data[0] = '\0';
}

static void put(bsl_buf *b, const char *s) { bsl_buf_puts(b, s); }
static void say(bsl_buf *b, word w) { bsl_buf_append(b, w.s, w.n); }

static void heading(bsl_buf *b, const words *w, word title)
{
    LIT(b, "\n");
    say(b, title);
    say(b, w->heading_colon);
}

/* A score, or a dash when there is none: a criterion that could not be
 * assessed must not read as 0,0. */
static void score(bsl_buf *b, double v, int assessed, bsl_lang lang)
{
    if (assessed)
        bsl_buf_decimal1(b, v, lang == BSL_LANG_FR, 1);
    else
        LIT(b, NO_SCORE);
}

/* Pad to a column (at most 18) so scores and statuses line up (counts
 * characters). */
static void pad(bsl_buf *b, const char *s, size_t width)
{
    static const char blanks[] = "                  ";
    size_t chars = 0;
    const char *p;
    for (p = s; *p; p++)
        chars += ((unsigned char)*p & 0xC0) != 0x80;
    bsl_buf_append(b, s, (size_t)(p - s));
    if (chars < width)
        bsl_buf_append(b, blanks, width - chars);
}

/* The evidence line under an indicator's, when the use-case gives one. */
static void evidence(bsl_buf *b, const words *w, const struct bsl_outcome *o)
{
    if (!o->evidence)
        return;
    LIT(b, "           ");
    say(b, w->evidence);
    say(b, w->colon);
    bsl_buf_put_untrusted(b, o->evidence);
    LIT(b, "\n");
}

/* Whether a use-case's value is its outcome's own value_json (a boolean's
 * or an enum level's; the same string, not always the same pointer). */
static int same_value(const char *value, const char *outcome_value)
{
    return value && outcome_value && (value == outcome_value || !strcmp(value, outcome_value));
}

/* The line of remediation o as written at load (text_prepare.c), or NULL. */
static const bsl_frag *remediation_line(const struct bsl_outcome *o, bsl_lang lang)
{
    const bsl_indicator *ind = o->ind;
    const bsl_frag *f = o->remediation == &ind->remediation ? &ind->text_remediation[lang]
                      : o->remediation == &ind->answer_text ? &ind->text_answer[lang] : NULL;
    return f && f->s ? f : NULL;
}

/* Copy line, written and wrapped at load, into the report after the lines
 * before it, when the report has the layout it was wrapped for; 0 when it
 * does not (or line is NULL): the caller writes the line itself. */
static int prewrapped(bsl_buf *lines, sink *k, const bsl_frag *line)
{
    if (!line || !line->s || k->width != BSL_TEXT_WIDTH || k->color)
        return 0;
    flush(lines, k);
    bsl_buf_frag(k->out, line);
    bsl_buf_putc(k->out, '\n');
    bsl_text_wrap_passed(&k->wrap, line->s, line->len);
    return 1;
}

static void indicator_line(bsl_buf *b, const words *w, const struct bsl_outcome *o, bsl_lang lang,
                           sink *k)
{
    const bsl_indicator *ind = o->ind;
    const char *unit = o->value_json && ind->def ? ind->def->unit.s[lang] : NULL;
    int answered = !o->not_applicable && !o->missing;
    const char *mark = bsl_text_marker(ind, o->red_line, o->not_applicable, o->missing, o->points);
    if (answered && !unit && same_value(o->value_json, o->matched->value_json)) {
        /* A boolean's or an enum's value is its outcome's: the line was
         * written at load (text_prepare.c), wrapped for the default
         * layout, and otherwise from " = " on. */
        if (!prewrapped(b, k, &o->matched->text_line[lang])) {
            bsl_buf_append(b, mark, 11);
            bsl_buf_append(b, ind->fact, ind->fact_len);
            bsl_buf_frag(b, &o->matched->text_tail[lang]);
            LIT(b, "\n");
        }
        evidence(b, w, o);
        return;
    }
    bsl_buf_append(b, mark, 11);
    bsl_buf_append(b, ind->fact, ind->fact_len);
    if (o->value_json) {
        LIT(b, " = ");
        bsl_buf_put_untrusted(b, o->value_json);
        if (unit) {
            LIT(b, NBSP);
            put(b, unit);
        }
    }
    if (!answered) {
        say(b, w->colon);
        say(b, o->not_applicable ? w->not_applicable : w->not_answered);
        if (o->missing && ind->required)
            put(b, lang == BSL_LANG_FR ? " (requis)" : " (required)");
    } else {
        /* the outcome's piece past its value (written at load, see
         * above); o->red_line is the outcome's own */
        const bsl_frag *tail = &o->matched->text_tail[lang];
        size_t skip = o->matched->text_value_len;
        bsl_buf_append(b, tail->s + skip, tail->len - skip);
    }
    LIT(b, "\n");
    evidence(b, w, o);
}

/* The section of the reasons of one fact-level kind (red lines, failed
 * necessary conditions), when there are any. */
static void fact_reasons(bsl_buf *b, const words *w, const bsl_result *r, bsl_reason_kind kind,
                         word title, bsl_lang lang)
{
    size_t i;
    int any = 0;
    for (i = 0; i < r->reason_count; i++) {
        const struct bsl_reason *reason = &r->reasons[i];
        if (reason->kind != kind)
            continue;
        if (!any++)
            heading(b, w, title);
        LIT(b, "  - ");
        put(b, reason->criterion);
        LIT(b, ", ");
        put(b, reason->fact);
        say(b, w->colon);
        put(b, reason->text[lang]);
        LIT(b, "\n");
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
            say(b, w->colon);
            for (v = 0; v < ind->def->value_count; v++) {
                put(b, v ? ", " : "");
                put(b, ind->def->values[v].value); /* tokens */
            }
            LIT(b, ".");
            return;
        }
}

/* "Name: value" for a use-case's own string, when it has one. */
static void field(bsl_buf *b, const words *w, word name, const char *value)
{
    if (!value)
        return;
    say(b, name);
    say(b, w->colon);
    bsl_buf_put_untrusted(b, value);
    LIT(b, "\n");
}

/* The report, one logical line per item; bsl_render_text() wraps it. */
static void render_lines(bsl_buf *b, const bsl_result *r, bsl_lang lang,
                         const bsl_whatif_options *plan, sink *to)
{
    const words *w = lang == BSL_LANG_FR ? &fr : &en;
    size_t i, k;
    int any;

    say(b, w->verdict);
    say(b, w->colon);
    put(b, bsl_verdict_label(r->verdict, lang));
    LIT(b, " (");
    say(b, w->score);
    LIT(b, " ");
    score(b, r->score, r->assessed, lang);
    put(b, r->assessed ? "/100)\n" : ")\n");
    say(b, w->usecase);
    say(b, w->colon);
    bsl_buf_put_untrusted(b, r->usecase_title);
    LIT(b, " [");
    bsl_buf_put_untrusted(b, r->usecase_id);
    LIT(b, "]\n");
    field(b, w, w->service, r->service);
    field(b, w, w->phase, r->phase);
    field(b, w, w->description, r->description);
    say(b, w->framework);
    say(b, w->colon);
    put(b, r->fw->title.s[lang]);
    LIT(b, " [");
    put(b, r->fw->id);
    LIT(b, " ");
    put(b, r->fw->version);
    LIT(b, "]\n");

    heading(b, w, w->criteria);
    say(b, w->legend);
    for (i = 0; i < r->criterion_count; i++) {
        const struct bsl_criterion_result *c = &r->criteria[i];
        LIT(b, "  ");
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
        LIT(b, "\n");
        for (k = 0; k < c->outcome_count; k++)
            indicator_line(b, w, &c->outcomes[k], lang, to);
    }

    fact_reasons(b, w, r, BSL_REASON_RED_LINE, w->red_lines, lang);
    fact_reasons(b, w, r, BSL_REASON_NECESSARY_CONDITION, w->conditions, lang);
    if (r->missing_count) {
        heading(b, w, w->missing);
        for (i = 0; i < r->reason_count; i++)
            if (r->reasons[i].kind == BSL_REASON_MISSING) {
                LIT(b, "  - ");
                put(b, r->reasons[i].text[lang]);
                allowed_values(b, w, r, r->reasons[i].fact, lang);
                LIT(b, "\n");
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
        LIT(b, "  - ");
        put(b, c->def->reason_text[kind].s[lang]);
        LIT(b, "\n");
    }
    if (r->unknown_count) {
        heading(b, w, w->unknown);
        for (i = 0; i < r->unknown_count; i++) {
            LIT(b, "  - ");
            bsl_buf_put_untrusted(b, r->unknown[i].path);
            if (r->unknown[i].suggestion) {
                say(b, w->colon);
                say(b, w->did_you_mean);
                LIT(b, " ");
                say(b, w->open_q);
                put(b, r->unknown[i].suggestion);
                say(b, w->close_q);
                put(b, lang == BSL_LANG_FR ? NBSP "?" : "?");
            }
            LIT(b, "\n");
        }
    }
    if (r->not_used_count) {
        heading(b, w, w->not_used);
        LIT(b, "  ");
        for (i = 0; i < r->not_used_count; i++) {
            if (i)
                LIT(b, ", ");
            put(b, r->not_used[i].path); /* a vocabulary key: a token */
        }
        LIT(b, "\n");
    }
    if (r->remediation_count) {
        heading(b, w, w->remediations);
        for (i = 0; i < r->remediation_count; i++) {
            const struct bsl_outcome *o = r->remediations[i];
            if (prewrapped(b, to, remediation_line(o, lang)))
                continue;
            LIT(b, "  - ");
            put(b, o->criterion_id);
            LIT(b, ", ");
            put(b, o->ind->fact);
            say(b, w->colon);
            put(b, o->remediation->s[lang]);
            LIT(b, "\n");
        }
    }
    if (plan)
        bsl__whatif_report_section(b, r, lang, BSL_FORMAT_TEXT, plan);
    LIT(b, "\n");
    say(b, w->provenance);
    say(b, w->colon);
    put(b, r->fw->id);
    LIT(b, " ");
    put(b, r->fw->version);
    LIT(b, " sha256:");
    put(b, r->fw->sha256);
    put(b, lang == BSL_LANG_FR ? ", vocabulaire " : ", vocabulary ");
    put(b, r->fw->vocab->id);
    LIT(b, " ");
    put(b, r->fw->vocab->version);
    LIT(b, " sha256:");
    put(b, r->fw->vocab->sha256);
    LIT(b, ", libboussole ");
    put(b, bsl_version_string());
    LIT(b, "\n");
}

void bsl_render_text(bsl_buf *b, const bsl_result *r, bsl_lang lang, size_t width, int color,
                     const bsl_whatif_options *plan)
{
    bsl_buf lines;
    sink to = {b, width, color, {0, 0}};
    size_t i, outcomes = 0, room;
    for (i = 0; i < r->criterion_count; i++)
        outcomes += r->criteria[i].outcome_count;
    bsl_buf_init(&lines, b->alloc);
    /* Room for the report at once (a line of about 300 bytes per
     * indicator, the rest in the constant), rather than doubling the
     * buffer and copying it six or seven times; the wrapped report is a
     * few percent longer (no estimate under a size limit, which it could
     * pass when the report would not). */
    room = 2048 + 320 * outcomes;
    bsl_buf_reserve(&lines, room);
    if (!b->max)
        bsl_buf_reserve(b, room + room / 8);
    render_lines(&lines, r, lang, plan, &to);
    flush(&lines, &to);
    if (lines.failed && !b->failed)
        b->failed = lines.failed;
    bsl_buf_release(&lines);
}
