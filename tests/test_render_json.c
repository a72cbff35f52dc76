/* render_json.c copies pieces json_prepare.c wrote at load; this checks
 * that it writes the very bytes of the renderer it replaced, which wrote
 * every member one by one with bsl_jw (kept below as the reference), for
 * every embedded framework, both languages and both layouts, on use-cases
 * drawn at random (every fact missing, or any of its values, band edges,
 * blank texts, evidence and titles that need escapes, unknown keys), and
 * that the compact layout is the indented one without its whitespace. */
#include "check.h"

#include "render.h"
#include "json_writer.h"

#include <stdio.h>
#include <string.h>

/* ---- The reference: libboussole 0.2.0's render_json.c, member by member. ---- */

static void score(bsl_jw *w, const char *k, double v, int assessed)
{
    bsl_jw_key(w, k);
    if (assessed)
        bsl_buf_decimal1(w->b, v, 0, 1);
    else
        bsl_buf_puts(w->b, "null");
}

static void outcome(bsl_jw *w, const struct bsl_outcome *o, bsl_lang lang)
{
    const bsl_indicator *ind = o->ind;
    bsl_jw_open(w, NULL, '{');
    bsl_jw_str(w, "fact", ind->fact);
    bsl_jw_str(w, "label", ind->label.s[lang]);
    bsl_jw_raw(w, "value", o->value_json);
    bsl_jw_raw(w, "points", o->matched ? o->matched->points.text : NULL); /* null: missing or not applicable */
    /* points and maximum are on the same scale whatever the weight: a gate
     * reads 100 of 100, and its weight 0 says it does not count. */
    bsl_jw_raw(w, "maximum", ind->maximum_text);
    bsl_jw_raw(w, "weight", ind->weight.text);
    bsl_jw_str(w, "rule", o->rule);
    bsl_jw_bool(w, "required", ind->required);
    bsl_jw_bool(w, "missing", o->missing);
    bsl_jw_bool(w, "not_applicable", o->not_applicable);
    bsl_jw_bool(w, "red_line", o->red_line);
    bsl_jw_bool(w, "fails_necessary_condition", o->fails_condition);
    bsl_jw_str(w, "justification", o->matched ? o->matched->justification.s[lang] : NULL);
    bsl_jw_str(w, "remediation", o->remediation ? o->remediation->s[lang] : NULL);
    bsl_jw_str(w, "evidence", o->evidence);
    bsl_jw_close(w, '}');
}

static void criterion(bsl_jw *w, const struct bsl_criterion_result *c, bsl_lang lang)
{
    size_t k;
    bsl_jw_open(w, NULL, '{');
    bsl_jw_str(w, "id", c->def->id);
    bsl_jw_str(w, "title", c->def->title.s[lang]);
    bsl_jw_raw(w, "weight", c->def->weight.text);
    score(w, "score", c->score, c->assessed);
    bsl_jw_str(w, "status", bsl_criterion_status_token(c->status));
    bsl_jw_str(w, "status_label", bsl_criterion_status_label(c->status, lang));
    bsl_jw_open(w, "thresholds", '{');
    bsl_jw_raw(w, "met", c->def->met.text);
    bsl_jw_raw(w, "reservations", c->def->reservations.text);
    bsl_jw_close(w, '}');
    bsl_jw_open(w, "indicators", '[');
    for (k = 0; k < c->outcome_count; k++)
        outcome(w, &c->outcomes[k], lang);
    bsl_jw_close(w, ']');
    bsl_jw_close(w, '}');
}

static void provenance(bsl_jw *w, const bsl_vocabulary *v)
{
    bsl_jw_open(w, "vocabulary", '{');
    bsl_jw_str(w, "id", v->id);
    bsl_jw_str(w, "version", v->version);
    bsl_jw_str(w, "sha256", v->sha256);
    bsl_jw_close(w, '}');
    bsl_jw_open(w, "library", '{');
    bsl_jw_str(w, "name", "libboussole");
    bsl_jw_str(w, "version", bsl_version_string());
    bsl_jw_close(w, '}');
}

static void reference_render(bsl_buf *b, const bsl_result *r, bsl_lang lang, int compact)
{
    bsl_jw w;
    size_t i, k;

    bsl_jw_begin(&w, b, compact);
    bsl_jw_str(&w, "format", "boussole-result/2");
    bsl_jw_str(&w, "lang", lang == BSL_LANG_FR ? "fr" : "en");
    bsl_jw_str(&w, "verdict", bsl_verdict_token(r->verdict));
    bsl_jw_str(&w, "verdict_label", bsl_verdict_label(r->verdict, lang));
    score(&w, "score", r->score, r->assessed);
    bsl_jw_open(&w, "usecase", '{');
    bsl_jw_str(&w, "id", r->usecase_id);
    bsl_jw_str(&w, "title", r->usecase_title);
    bsl_jw_close(&w, '}');
    bsl_jw_open(&w, "criteria", '[');
    for (i = 0; i < r->criterion_count; i++)
        criterion(&w, &r->criteria[i], lang);
    bsl_jw_close(&w, ']');

    bsl_jw_open(&w, "red_lines", '[');
    for (i = 0; i < r->criterion_count; i++)
        for (k = 0; k < r->criteria[i].outcome_count; k++)
            if (r->criteria[i].outcomes[k].red_line)
                bsl_jw_str(&w, NULL, r->criteria[i].outcomes[k].ind->fact);
    bsl_jw_close(&w, ']');
    bsl_jw_open(&w, "failed_conditions", '[');
    for (i = 0; i < r->criterion_count; i++)
        for (k = 0; k < r->criteria[i].outcome_count; k++)
            if (r->criteria[i].outcomes[k].fails_condition)
                bsl_jw_str(&w, NULL, r->criteria[i].outcomes[k].ind->fact);
    bsl_jw_close(&w, ']');
    bsl_jw_open(&w, "missing", '[');
    for (i = 0; i < r->missing_count; i++)
        bsl_jw_str(&w, NULL, r->missing[i]);
    bsl_jw_close(&w, ']');
    bsl_jw_open(&w, "unknown", '[');
    for (i = 0; i < r->unknown_count; i++) {
        bsl_jw_open(&w, NULL, '{');
        bsl_jw_str(&w, "key", r->unknown[i].key);
        bsl_jw_str(&w, "path", r->unknown[i].path);
        bsl_jw_str(&w, "suggestion", r->unknown[i].suggestion);
        bsl_jw_close(&w, '}');
    }
    bsl_jw_close(&w, ']');
    bsl_jw_open(&w, "not_used", '[');
    for (i = 0; i < r->not_used_count; i++) {
        bsl_jw_open(&w, NULL, '{');
        bsl_jw_str(&w, "key", r->not_used[i].key);
        bsl_jw_str(&w, "path", r->not_used[i].path);
        bsl_jw_close(&w, '}');
    }
    bsl_jw_close(&w, ']');
    bsl_jw_open(&w, "reasons", '[');
    for (i = 0; i < r->reason_count; i++) {
        const struct bsl_reason *reason = &r->reasons[i];
        bsl_jw_open(&w, NULL, '{');
        bsl_jw_str(&w, "kind", bsl_reason_kind_token(reason->kind));
        bsl_jw_str(&w, "criterion", reason->criterion);
        bsl_jw_str(&w, "fact", reason->fact);
        bsl_jw_str(&w, "text", reason->text[lang]);
        bsl_jw_close(&w, '}');
    }
    bsl_jw_close(&w, ']');
    bsl_jw_open(&w, "remediations", '[');
    for (i = 0; i < r->remediation_count; i++) {
        const struct bsl_outcome *o = r->remediations[i];
        bsl_jw_open(&w, NULL, '{');
        bsl_jw_str(&w, "criterion", o->criterion_id);
        bsl_jw_str(&w, "fact", o->ind->fact);
        bsl_jw_str(&w, "text", o->remediation->s[lang]);
        bsl_jw_close(&w, '}');
    }
    bsl_jw_close(&w, ']');
    bsl_jw_open(&w, "provenance", '{');
    bsl_jw_open(&w, "framework", '{');
    bsl_jw_str(&w, "id", r->fw->id);
    bsl_jw_str(&w, "version", r->fw->version);
    bsl_jw_str(&w, "sha256", r->fw->sha256);
    bsl_jw_close(&w, '}');
    provenance(&w, r->fw->vocab);
    bsl_jw_close(&w, '}');
    bsl_jw_end(&w);
}

/* ---- Random use-cases. ---- */

static unsigned long long seed = 0x2545F4914F6CDD1Dull;

static unsigned draw(unsigned n)
{
    seed ^= seed << 13;
    seed ^= seed >> 7;
    seed ^= seed << 17;
    return (unsigned)(seed % n);
}

/* Strings that need every kind of escape, and some that need none, as
 * they are written in a use-case (JSON). */
static const char *const texts[] = {
    "", "   ", "plain", "quote \\\" and backslash \\\\", "line\\nbreak\\ttab", "control \\u0001\\u001f",
    "accents é à « »", "separator \\u2028 and bidi \\u202e", "slash \\/ and \\u00e9scaped",
};
#define TEXTS (sizeof texts / sizeof *texts)

static void put_number(bsl_buf *b, const bsl_indicator *ind)
{
    const bsl_fact *f = ind->def;
    const bsl_outcome_def *d = &ind->outcomes[draw((unsigned)ind->outcome_count)];
    switch (draw(4)) {
    case 0:
        if (d->bound_text) {
            bsl_buf_puts(b, d->bound_text);
            return;
        }
        break;
    case 1:
        if (f->has_min) {
            bsl_buf_puts(b, f->min.text);
            return;
        }
        break;
    case 2:
        if (f->has_max) {
            bsl_buf_puts(b, f->max.text);
            return;
        }
        break;
    }
    if (d->bound_text && draw(2)) {
        bsl_buf_decimal1(b, d->bound + (draw(2) ? 0.5 : -0.5), 0, 0);
        return;
    }
    bsl_buf_uint(b, draw(3) ? draw(100) : draw(1000000));
}

static void put_value(bsl_buf *b, const bsl_indicator *ind)
{
    const bsl_fact *f = ind->def;
    size_t i;
    int any = 0;
    switch (f->type) {
    case BSL_FACT_BOOLEAN: bsl_buf_puts(b, draw(2) ? "true" : "false"); break;
    case BSL_FACT_ENUM: bsl_buf_puts(b, f->values[draw((unsigned)f->value_count)].json); break;
    case BSL_FACT_SET:
        bsl_buf_putc(b, '[');
        for (i = 0; i < f->value_count; i++)
            if (!draw(3)) {
                if (any++)
                    bsl_buf_putc(b, ',');
                bsl_buf_puts(b, f->values[i].json);
            }
        bsl_buf_putc(b, ']');
        break;
    case BSL_FACT_NUMBER: put_number(b, ind); break;
    default:
        bsl_buf_putc(b, '"');
        bsl_buf_puts(b, texts[draw(TEXTS)]);
        bsl_buf_putc(b, '"');
    }
}

/* A use-case for fw: each fact missing one time in five, evidence one in
 * four, an unknown key and a vocabulary fact fw does not read sometimes. */
static void usecase(bsl_buf *b, const bsl_framework *fw, unsigned n)
{
    size_t i;
    int any = 0;
    bsl_buf_puts(b, "{\"id\": \"random-");
    bsl_buf_uint(b, n);
    bsl_buf_puts(b, "\", \"title\": \"");
    bsl_buf_puts(b, texts[draw(TEXTS)]);
    bsl_buf_puts(b, "x\", \"facts\": {");
    for (i = 0; i < fw->indicator_count; i++) {
        if (!draw(5))
            continue;
        if (any++)
            bsl_buf_putc(b, ',');
        bsl_buf_json_string(b, fw->indicators[i].fact, strlen(fw->indicators[i].fact));
        bsl_buf_putc(b, ':');
        put_value(b, &fw->indicators[i]);
    }
    if (!draw(4))
        bsl_buf_puts(b, any++ ? ", \"hostnig\": \"eu\"" : "\"hostnig\": \"eu\"");
    bsl_buf_puts(b, "}, \"evidence\": {");
    any = 0;
    for (i = 0; i < fw->indicator_count; i++) {
        if (draw(4))
            continue;
        if (any++)
            bsl_buf_putc(b, ',');
        bsl_buf_json_string(b, fw->indicators[i].fact, strlen(fw->indicators[i].fact));
        bsl_buf_puts(b, ": \"");
        bsl_buf_puts(b, texts[draw(TEXTS - 1) + 1]); /* evidence is never empty */
        bsl_buf_putc(b, '"');
    }
    bsl_buf_puts(b, "}}");
}

/* The indented JSON without the whitespace outside its strings. */
static void squeeze(bsl_buf *out, const char *s, size_t n)
{
    size_t i;
    int in_string = 0;
    for (i = 0; i < n; i++) {
        char c = s[i];
        if (in_string) {
            bsl_buf_putc(out, c);
            if (c == '\\')
                bsl_buf_putc(out, s[++i]);
            else if (c == '"')
                in_string = 0;
        } else if (c == '"') {
            in_string = 1;
            bsl_buf_putc(out, c);
        } else if (c == ':' && s[i + 1] == ' ') {
            bsl_buf_putc(out, c);
            i++;
        } else if (c != ' ' && c != '\n') {
            bsl_buf_putc(out, c);
        } else if (c == '\n' && i + 1 == n) {
            bsl_buf_putc(out, c); /* the final newline stays */
        }
    }
}

/* The renderings of r against the reference; returns how many differ. */
static int compare(const bsl_result *r)
{
    int lang, compact, wrong = 0;
    bsl_buf got[2], want;
    for (lang = 0; lang < 2; lang++) {
        for (compact = 0; compact < 2; compact++) {
            bsl_buf_init(&got[compact], bsl_libc_allocator());
            bsl_buf_init(&want, bsl_libc_allocator());
            bsl_render_json(&got[compact], r, (bsl_lang)lang, compact);
            reference_render(&want, r, (bsl_lang)lang, compact);
            if (got[compact].failed || want.failed || got[compact].len != want.len ||
                memcmp(got[compact].data, want.data, want.len)) {
                if (!wrong)
                    printf("# %s %s differs\n", lang ? "en" : "fr", compact ? "compact" : "indented");
                wrong++;
            }
            bsl_buf_release(&want);
        }
        bsl_buf_init(&want, bsl_libc_allocator());
        squeeze(&want, got[0].data, got[0].len);
        if (want.len != got[1].len || memcmp(want.data, got[1].data, want.len))
            wrong++;
        bsl_buf_release(&want);
        bsl_buf_release(&got[0]);
        bsl_buf_release(&got[1]);
    }
    return wrong;
}

enum { DRAWS = 300 };

int main(void)
{
    size_t f;
    for (f = 0; f < bsl_embedded_framework_count(); f++) {
        const char *id = bsl_embedded_framework_id(f);
        bsl_framework *fw;
        unsigned n, evaluated = 0, verdicts = 0;
        int wrong = 0;
        char what[160];
        if (!CHECK(bsl_framework_load_embedded(&fw, id, NULL, NULL) == BSL_OK, id))
            continue;
        for (n = 0; n < DRAWS; n++) {
            bsl_buf doc;
            bsl_result *r;
            bsl_buf_init(&doc, bsl_libc_allocator());
            usecase(&doc, fw, n);
            if (!doc.failed && bsl_evaluate_json(&r, fw, doc.data, doc.len, NULL, NULL) == BSL_OK) {
                evaluated++;
                verdicts |= 1u << bsl_result_verdict(r);
                wrong += compare(r);
                bsl_result_free(r);
            }
            bsl_buf_release(&doc);
        }
        snprintf(what, sizeof what, "%s: most random use-cases parse (%u of %d)", id, evaluated, DRAWS);
        CHECK(evaluated >= DRAWS * 9 / 10, what);
        snprintf(what, sizeof what, "%s: the random use-cases reach several verdicts", id);
        CHECK(verdicts & (verdicts - 1), what);
        snprintf(what, sizeof what, "%s: the JSON is the reference's, byte for byte, and compact is indented squeezed", id);
        CHECK_INT(wrong, 0, what);
        bsl_framework_free(fw);
    }
    return check_done();
}
