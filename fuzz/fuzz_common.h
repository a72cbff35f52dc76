/* Helpers shared by the fuzz harnesses: invariant checks that abort, error
 * checks, UTF-8 validation, reparsing rendered JSON with the library's own
 * parser, and a counting allocator that can refuse one allocation.
 *
 * Every harness defines LLVMFuzzerTestOneInput(). Built with clang and
 * -fsanitize=fuzzer it is a libFuzzer target (meson -Dfuzzing=true,
 * fuzz/run.sh); built with any compiler and fuzz/replay.c it replays a corpus
 * as an ordinary test (the 'fuzz-replay' suite).
 *
 * An invariant that fails calls abort(): libFuzzer records the input as a
 * crash, and the replay test fails. */
#ifndef BSL_FUZZ_COMMON_H
#define BSL_FUZZ_COMMON_H

#include "boussole.h"
#include "alloc.h" /* internal: the C library allocator */
#include "buf.h"  /* internal: canonical output */
#include "json.h" /* internal: the library's own JSON parser */
#include "whatif.h" /* internal: the plan of a result's reports */
#include "markup_check.h" /* well-formedness of HTML and SVG */

#include <math.h>
#include <stdalign.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#if defined(__GNUC__)
#define FZ_UNUSED __attribute__((unused))
#else
#define FZ_UNUSED
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Abort with a message when cond is false. */
#define FZ_CHECK(cond, ...)                                                      \
    do {                                                                         \
        if (!(cond)) {                                                           \
            fprintf(stderr, "fuzz invariant failed at %s:%d: %s\n  ", __FILE__,  \
                    __LINE__, #cond);                                            \
            fprintf(stderr, __VA_ARGS__);                                        \
            fputc('\n', stderr);                                                 \
            abort();                                                             \
        }                                                                        \
    } while (0)

/* A NUL-terminated string of at most cap bytes (message, path). */
static FZ_UNUSED int fz_terminated(const char *s, size_t cap)
{
    return memchr(s, '\0', cap) != NULL;
}

/* Strict UTF-8 (no overlongs, no surrogates, at most U+10FFFF). */
static FZ_UNUSED int fz_utf8_valid(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        unsigned c = p[i];
        size_t k, len;
        unsigned long cp;
        if (c < 0x80) {
            i++;
            continue;
        }
        if (c >= 0xC2 && c <= 0xDF) {
            len = 2;
            cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            len = 3;
            cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            cp = c & 0x07;
        } else {
            return 0;
        }
        if (n - i < len)
            return 0;
        for (k = 1; k < len; k++) {
            if ((p[i + k] & 0xC0) != 0x80)
                return 0;
            cp = (cp << 6) | (p[i + k] & 0x3F);
        }
        if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) || cp > 0x10FFFF ||
            (cp >= 0xD800 && cp <= 0xDFFF))
            return 0;
        i += len;
    }
    return 1;
}

/* A raw C0 control or DEL in s (issue 15: messages and paths quote keys
 * and values, and are printed to terminals; they spell these \uXXXX). */
static FZ_UNUSED int fz_has_control(const char *s)
{
    for (; *s; s++)
        if ((unsigned char)*s < 0x20 || (unsigned char)*s == 0x7F)
            return 1;
    return 0;
}

/* Does a string (key or value) of the JSON document in[0..n) decode to
 * bytes holding a NUL? A document the library accepted must have none:
 * a NUL is either an error or kept, never a silent cut (issue 15). */
static FZ_UNUSED int fz_document_has_nul(const char *in, size_t n)
{
    bsl_json_doc doc;
    size_t i;
    int found = 0;
    if (bsl_json_parse(&doc, in, n, NULL, NULL, NULL) != BSL_OK)
        return 0;
    for (i = 0; i < doc.count && !found; i++)
        found = doc.nodes[i].type == BSL_JSON_STRING && memchr(doc.nodes[i].text, '\0', doc.nodes[i].count);
    bsl_json_doc_free(&doc);
    return found;
}

/* Error codes a call may legitimately return for a bad document. */
static FZ_UNUSED int fz_document_error(int rc)
{
    return rc == BSL_ERR_SYNTAX || rc == BSL_ERR_LIMIT || rc == BSL_ERR_TYPE ||
           rc == BSL_ERR_ENUM || rc == BSL_ERR_MISSING || rc == BSL_ERR_VALUE;
}

/* Check a failed call about the document buf[0..len): a valid code, the
 * error struct agrees with it, and the position is inside the document and
 * consistent (line >= 1, column >= 1, both computed from offset as
 * documented: lines split at '\n', columns count characters). */
static FZ_UNUSED void fz_check_document_error(const char *what, int rc, const bsl_error *err,
                                              const char *buf, size_t len)
{
    size_t i;
    unsigned line = 1, column = 1;
    FZ_CHECK(fz_document_error(rc), "%s: status %d is not a document error", what, rc);
    FZ_CHECK(err->code == rc, "%s: err.code %d, status %d", what, err->code, rc);
    FZ_CHECK(strcmp(bsl_strerror(rc), "unknown error") != 0, "%s: unknown code %d", what, rc);
    FZ_CHECK(fz_terminated(err->message, sizeof err->message) && err->message[0],
             "%s: empty or unterminated message", what);
    FZ_CHECK(fz_terminated(err->path, sizeof err->path), "%s: unterminated path", what);
    FZ_CHECK(err->path[0] == '\0' || err->path[0] == '$', "%s: path \"%s\"", what, err->path);
    FZ_CHECK(fz_utf8_valid(err->message, strlen(err->message)), "%s: message is not UTF-8: %s", what,
             err->message);
    FZ_CHECK(fz_utf8_valid(err->path, strlen(err->path)), "%s: path is not UTF-8: %s", what, err->path);
    FZ_CHECK(!fz_has_control(err->message), "%s: raw control character in the message", what);
    FZ_CHECK(!fz_has_control(err->path), "%s: raw control character in the path", what);
    FZ_CHECK(err->line >= 1, "%s: line %u (%s)", what, err->line, err->message);
    FZ_CHECK(err->column >= 1, "%s: column %u (%s)", what, err->column, err->message);
    FZ_CHECK(err->offset <= len, "%s: offset %zu past the end %zu", what, err->offset, len);
    for (i = 0; i < err->offset && i < len; i++) {
        unsigned char c = (unsigned char)buf[i];
        if (c == '\n') {
            line++;
            column = 1;
        } else if ((c & 0xC0) != 0x80) {
            column++;
        }
    }
    FZ_CHECK(err->line == line && err->column == column,
             "%s: offset %zu is line %u column %u, error says %u:%u", what, err->offset, line,
             column, err->line, err->column);
}

/* Limits large enough for anything the library renders from a fuzz input. */
static FZ_UNUSED const bsl_json_limits fz_big_limits = {0, 1u << 20, (size_t)1 << 30,
                                                        (size_t)1 << 30};

/* Parse with the library's own strict parser; abort when it refuses. On
 * success doc must be freed by the caller (NULL doc: checked and freed). */
static FZ_UNUSED void fz_check_json(const char *what, const char *s, size_t n,
                                    bsl_json_doc *keep)
{
    bsl_json_doc doc;
    bsl_error err;
    int rc = bsl_json_parse(&doc, s, n, &fz_big_limits, NULL, &err);
    FZ_CHECK(rc == BSL_OK, "%s: the library's parser rejects it: %d %s at %u:%u", what, rc,
             err.message, err.line, err.column);
    if (keep)
        *keep = doc;
    else
        bsl_json_doc_free(&doc);
}

/* ---- a counting allocator that can refuse one allocation ---------------- */

typedef struct fz_alloc {
    long calls;   /* malloc + realloc so far */
    long live;    /* blocks not yet freed */
    long fail_at; /* -1: never */
    long failures;
} fz_alloc;

typedef union fz_header {
    size_t size;
    max_align_t align;
} fz_header;

static FZ_UNUSED void *fz_malloc(void *ctx, size_t size)
{
    fz_alloc *a = ctx;
    fz_header *h;
    if (a->calls++ == a->fail_at) {
        a->failures++;
        return NULL;
    }
    h = malloc(sizeof *h + size);
    if (!h)
        return NULL;
    h->size = size;
    a->live++;
    return h + 1;
}

static FZ_UNUSED void *fz_realloc(void *ctx, void *ptr, size_t old_size, size_t size)
{
    fz_alloc *a = ctx;
    fz_header *h, *nh;
    if (!ptr)
        return fz_malloc(ctx, size);
    h = (fz_header *)ptr - 1;
    FZ_CHECK(h->size == old_size, "realloc: old_size %zu, block has %zu", old_size, h->size);
    if (a->calls++ == a->fail_at) {
        a->failures++;
        return NULL;
    }
    nh = realloc(h, sizeof *nh + size);
    if (!nh)
        return NULL;
    nh->size = size;
    return nh + 1;
}

static FZ_UNUSED void fz_free(void *ctx, void *ptr)
{
    fz_alloc *a = ctx;
    if (!ptr)
        return;
    a->live--;
    free((fz_header *)ptr - 1);
}

static FZ_UNUSED void fz_alloc_init(fz_alloc *a, bsl_options *opts, long fail_at)
{
    memset(a, 0, sizeof *a);
    a->fail_at = fail_at;
    bsl_options_init(opts, BSL_OPTIONS_VERSION);
    opts->allocator.malloc = fz_malloc;
    opts->allocator.realloc = fz_realloc;
    opts->allocator.free = fz_free;
    opts->allocator.ctx = a;
}

/* FNV-1a, to pick an allocation to refuse from the input itself (so that a
 * crash reproduces from the saved input alone). */
static FZ_UNUSED uint64_t fz_hash(const uint8_t *data, size_t size)
{
    uint64_t h = 1469598103934665603u;
    size_t i;
    for (i = 0; i < size; i++) {
        h ^= data[i];
        h *= 1099511628211u;
    }
    return h;
}

/* ---- results -------------------------------------------------------------- */

static FZ_UNUSED int fz_score_ok(double s)
{
    return isfinite(s) && s >= 0.0 && s <= 100.0;
}

/* Where a reason kind is listed: red lines, failed necessary conditions
 * (appended to the enum as 6), then the enum's order. */
static FZ_UNUSED int fz_reason_rank(bsl_reason_kind k)
{
    return k == BSL_REASON_NECESSARY_CONDITION ? 1 : k == BSL_REASON_RED_LINE ? 0 : (int)k + 1;
}

/* The invariants of a result, through the public accessors, against the
 * scoring rules of doc/framework-format.md ("Scoring"). */
static FZ_UNUSED void fz_check_result(const bsl_result *r, const bsl_framework *fw)
{
    static const char *const verdicts[] = {"red_line", "incomplete", "unfavorable",
                                           "favorable_with_reservations", "favorable"};
    bsl_verdict v = bsl_result_verdict(r), want;
    const char *token = bsl_verdict_token(v);
    size_t i, j, n, k, missing_required = 0;
    int red = 0, not_met = 0, reservations = 0;
    double wsum = 0, ssum = 0, score = bsl_result_score(r);

    FZ_CHECK((int)v >= 0 && (int)v <= 4, "verdict %d", (int)v);
    FZ_CHECK(token && !strcmp(token, verdicts[v]), "verdict token %s", token ? token : "(null)");
    FZ_CHECK(bsl_verdict_label(v, BSL_LANG_FR) && bsl_verdict_label(v, BSL_LANG_EN), "labels");
    FZ_CHECK(fz_score_ok(score), "global score %g", score);
    FZ_CHECK(bsl_result_usecase_id(r) && bsl_result_usecase_title(r), "use-case id and title");
    FZ_CHECK(bsl_result_framework_sha256(r) && strlen(bsl_result_framework_sha256(r)) == 64,
             "framework sha256");
    n = bsl_result_criterion_count(r);
    FZ_CHECK(n == bsl_framework_criterion_count(fw), "criterion count %zu", n);
    for (i = 0; i < n; i++) {
        const bsl_criterion_result *c = bsl_result_criterion(r, i);
        bsl_criterion_status st;
        double cs;
        int cred = 0, cmissing = 0, cfailed = 0;
        FZ_CHECK(c != NULL, "criterion %zu", i);
        st = bsl_criterion_result_status(c);
        cs = bsl_criterion_result_score(c);
        FZ_CHECK((int)st >= 0 && (int)st <= 5, "criterion %zu status %d", i, (int)st);
        FZ_CHECK(bsl_criterion_status_token(st) != NULL, "status token");
        FZ_CHECK(fz_score_ok(cs), "criterion %zu score %g", i, cs);
        FZ_CHECK(bsl_criterion_result_id(c) && bsl_criterion_result_title(c, BSL_LANG_FR) &&
                     bsl_criterion_result_title(c, BSL_LANG_EN),
                 "criterion %zu id and titles", i);
        k = bsl_criterion_result_outcome_count(c);
        for (j = 0; j < k; j++) {
            const bsl_outcome *o = bsl_criterion_result_outcome(c, j);
            double p;
            FZ_CHECK(o != NULL, "outcome %zu.%zu", i, j);
            p = bsl_outcome_points(o);
            FZ_CHECK(isfinite(p) && p >= 0.0 && p <= 100.0, "outcome %zu.%zu points %g", i, j, p);
            FZ_CHECK(bsl_outcome_fact(o) && bsl_outcome_rule(o), "outcome fact and rule");
            FZ_CHECK(bsl_outcome_label(o, BSL_LANG_FR) && bsl_outcome_label(o, BSL_LANG_EN),
                     "outcome labels");
            if (bsl_outcome_missing(o))
                FZ_CHECK(!bsl_outcome_value(o), "outcome %s: missing with a value", bsl_outcome_fact(o));
            else if (!bsl_outcome_not_applicable(o))
                FZ_CHECK(bsl_outcome_value(o), "outcome %s: answered without a value",
                         bsl_outcome_fact(o));
            if (bsl_outcome_missing(o) || bsl_outcome_not_applicable(o) || bsl_outcome_red_line(o))
                FZ_CHECK(p == 0.0, "outcome %s: %g points when missing, not applicable or red",
                         bsl_outcome_fact(o), p);
            if (bsl_outcome_missing(o) && !bsl_outcome_not_applicable(o))
                FZ_CHECK(bsl_outcome_remediation(o, BSL_LANG_FR) && bsl_outcome_remediation(o, BSL_LANG_EN),
                         "outcome %s: missing without the question as remediation", bsl_outcome_fact(o));
            cred |= bsl_outcome_red_line(o) != 0;
            cfailed |= bsl_outcome_fails_necessary_condition(o) != 0;
            FZ_CHECK(!(bsl_outcome_fails_necessary_condition(o) && bsl_outcome_red_line(o)),
                     "outcome %s: red line and failed condition", bsl_outcome_fact(o));
            cmissing |= bsl_outcome_missing(o) && bsl_outcome_required(o) && !bsl_outcome_not_applicable(o);
            missing_required += bsl_outcome_missing(o) && bsl_outcome_required(o) &&
                                !bsl_outcome_not_applicable(o);
        }
        FZ_CHECK(bsl_criterion_result_outcome(c, k) == NULL, "outcome past the end");
        FZ_CHECK(cred == (st == BSL_CRITERION_RED_LINE), "criterion %zu: red line %d, status %d",
                 i, cred, (int)st);
        if (cfailed && !cred)
            FZ_CHECK(st == BSL_CRITERION_NOT_MET, "criterion %zu: failed condition, status %d", i, (int)st);
        FZ_CHECK((cmissing && !cred && !cfailed) == (st == BSL_CRITERION_INCOMPLETE),
                 "criterion %zu: required fact missing %d, status %d", i, cmissing, (int)st);
        if (st == BSL_CRITERION_MET)
            FZ_CHECK(cs >= bsl_criterion_result_met_threshold(c), "met below the threshold");
        if (st == BSL_CRITERION_RESERVATIONS)
            FZ_CHECK(cs < bsl_criterion_result_met_threshold(c) &&
                         cs >= bsl_criterion_result_reservations_threshold(c),
                     "reservations outside the thresholds");
        if (st == BSL_CRITERION_NOT_MET && !cfailed)
            FZ_CHECK(cs < bsl_criterion_result_reservations_threshold(c), "not met above the threshold");
        red |= cred;
        not_met |= st == BSL_CRITERION_NOT_MET;
        reservations |= st == BSL_CRITERION_RESERVATIONS || st == BSL_CRITERION_NOT_ASSESSED;
        FZ_CHECK(!bsl_criterion_result_assessed(c) == (st == BSL_CRITERION_NOT_ASSESSED) ||
                     ((st == BSL_CRITERION_RED_LINE || st == BSL_CRITERION_INCOMPLETE) &&
                      !bsl_criterion_result_assessed(c)),
                 "criterion %zu: assessed %d, status %d", i, bsl_criterion_result_assessed(c), (int)st);
        FZ_CHECK(bsl_criterion_result_assessed(c) || cs == 0.0, "criterion %zu: score %g without one", i, cs);
        if (bsl_criterion_result_assessed(c)) {
            wsum += bsl_criterion_result_weight(c);
            ssum += bsl_criterion_result_weight(c) * cs;
        }
    }
    FZ_CHECK(bsl_result_criterion(r, n) == NULL, "criterion past the end");
    /* Global score: the weighted mean of the criteria that have a score, to 0.1. */
    FZ_CHECK(fabs(score - (wsum > 0 ? ssum / wsum : 0.0)) <= 0.05 + 1e-9,
             "global score %g, weighted mean %g", score, wsum > 0 ? ssum / wsum : 0.0);
    /* Verdict precedence. */
    FZ_CHECK(bsl_result_missing_count(r) == missing_required, "missing count %zu, want %zu",
             bsl_result_missing_count(r), missing_required);
    want = red                ? BSL_VERDICT_RED_LINE
         : missing_required   ? BSL_VERDICT_INCOMPLETE
         : not_met            ? BSL_VERDICT_UNFAVORABLE
         : reservations       ? BSL_VERDICT_FAVORABLE_WITH_RESERVATIONS
                              : BSL_VERDICT_FAVORABLE;
    FZ_CHECK(v == want, "verdict %s, the rules give %s", token, verdicts[want]);
    for (i = 0; i < bsl_result_missing_count(r); i++)
        FZ_CHECK(bsl_result_missing(r, i) != NULL, "missing %zu", i);
    FZ_CHECK(bsl_result_missing(r, i) == NULL, "missing past the end");
    for (i = 0; i < bsl_result_reason_count(r); i++) {
        const bsl_reason *reason = bsl_result_reason(r, i);
        FZ_CHECK(reason && bsl_reason_kind_token(bsl_reason_kind_of(reason)) &&
                     bsl_reason_text(reason, BSL_LANG_FR) && bsl_reason_text(reason, BSL_LANG_EN),
                 "reason %zu", i);
        if (i)
            FZ_CHECK(fz_reason_rank(bsl_reason_kind_of(bsl_result_reason(r, i - 1))) <=
                         fz_reason_rank(bsl_reason_kind_of(reason)),
                     "reasons ordered by kind");
    }
    for (i = 0; i < bsl_result_unknown_count(r); i++)
        FZ_CHECK(bsl_result_unknown_key(r, i) && bsl_result_unknown_path(r, i) &&
                     bsl_result_unknown_path(r, i)[0] == '$',
                 "unknown key %zu", i);
    for (i = 0; i < bsl_result_remediation_count(r); i++)
        FZ_CHECK(bsl_result_remediation(r, i) != NULL, "remediation %zu", i);
}

/* The string value of member key of the top object of doc, or NULL. */
static FZ_UNUSED const char *fz_member_string(const bsl_json_doc *doc, const char *key)
{
    size_t v = bsl_json_find(doc, 0, key);
    return v && doc->nodes[v].type == BSL_JSON_STRING ? doc->nodes[v].text : NULL;
}

/* Canonical JSON of doc (malloc'd, NUL-terminated); aborts on failure. */
static FZ_UNUSED char *fz_canonical(const bsl_json_doc *doc, size_t *len)
{
    bsl_buf b;
    char *out;
    bsl_buf_init(&b, bsl_libc_allocator());
    FZ_CHECK(bsl_json_write_canonical(doc, 0, &b) == BSL_OK, "canonical output failed");
    out = bsl_buf_take(&b, len);
    FZ_CHECK(out != NULL, "canonical output: no buffer");
    return out;
}

/* Render r in every format and language; check each rendering is complete,
 * valid UTF-8, deterministic; JSON renderings must be accepted by the
 * library's own parser, say the same verdict and language, and the compact
 * form must be the same document as the indented one. */
/* The text report holds no control character but its own newlines, and no
 * C1 control, line separator or bidirectional override: strings from a
 * use-case cannot inject terminal escapes or forge report lines. (Only
 * when the framework is the trusted default: a framework's own sentences
 * are written as they are.) */
static FZ_UNUSED void fz_check_text_clean(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i;
    for (i = 0; i < n; i++) {
        FZ_CHECK(p[i] >= 0x20 || p[i] == '\n', "text report: control byte 0x%02x at %zu", p[i], i);
        FZ_CHECK(p[i] != 0x7F, "text report: DEL at %zu", i);
        FZ_CHECK(!(p[i] == 0xC2 && i + 1 < n && p[i + 1] >= 0x80 && p[i + 1] <= 0x9F),
                 "text report: C1 control at %zu", i);
        FZ_CHECK(!(p[i] == 0xE2 && i + 2 < n &&
                   ((p[i + 1] == 0x80 && p[i + 2] >= 0xA8 && p[i + 2] <= 0xAE) ||
                    (p[i + 1] == 0x81 && p[i + 2] >= 0xA6 && p[i + 2] <= 0xA9))),
                 "text report: line separator or bidirectional control at %zu", i);
    }
}

/* The HTML report and the SVG picture of r: well-formed (markup_check.h),
 * valid UTF-8, deterministic, and nothing from the use-case as markup. */
static FZ_UNUSED void fz_check_markup(const bsl_result *r, bsl_lang lang, const bsl_render_options *ro)
{
    static const bsl_format formats[] = {BSL_FORMAT_HTML, BSL_FORMAT_SVG};
    int f;
    for (f = 0; f < 2; f++) {
        char *out = NULL, *again = NULL;
        size_t len = 0, len2 = 0, at;
        int rc = bsl_render_with_options(&out, &len, r, formats[f], lang, ro, NULL);
        FZ_CHECK(rc == BSL_OK && out && len > 0 && out[len - 1] == '\n', "render %s: %d",
                 f ? "SVG" : "HTML", rc);
        FZ_CHECK(fz_utf8_valid(out, len) && strlen(out) == len, "render %s: invalid UTF-8 or a NUL",
                 f ? "SVG" : "HTML");
        at = mc_check(out, len, f == 0);
        FZ_CHECK(at == 0, "render %s lang %d: not well-formed at byte %zu", f ? "SVG" : "HTML",
                 (int)lang, at - 1);
        FZ_CHECK(!strstr(out, "<script"), "render %s: a script element", f ? "SVG" : "HTML");
        rc = bsl_render_with_options(&again, &len2, r, formats[f], lang, ro, NULL);
        FZ_CHECK(rc == BSL_OK && len2 == len && !memcmp(out, again, len), "render %s: not deterministic",
                 f ? "SVG" : "HTML");
        bsl_render_free(again);
        bsl_render_free(out);
    }
}

/* One rendering with ro, which must succeed. */
static FZ_UNUSED char *fz_render(const bsl_result *r, bsl_format format, bsl_lang lang,
                                 const bsl_render_options *ro)
{
    char *out = NULL;
    int rc = bsl_render_with_options(&out, NULL, r, format, lang, ro, NULL);
    FZ_CHECK(rc == BSL_OK && out, "render format %d lang %d: %d", (int)format, (int)lang, rc);
    return out;
}

/* The plan section of r's reports rendered with ro: below favorable, the
 * Markdown report's section is the plan that bsl_whatif() finds within the
 * same budget, as bsl_whatif_render() writes it, and the HTML report's
 * section says the search limit exactly when that plan does; at favorable,
 * neither report has the section. (Their headings are the renderers' own:
 * "## " in Markdown and "<h2 " in HTML cannot come from a string, whose
 * newlines and "<" are escaped.) */
static FZ_UNUSED void fz_check_plan_section(const bsl_result *r, bsl_lang lang, const bsl_render_options *ro)
{
    const char *heading = lang == BSL_LANG_FR ? "\n## Pour atteindre" : "\n## To reach";
    const char *limit = lang == BSL_LANG_FR ? "<p><strong>Limite de recherche atteinte</strong>"
                                            : "<p><strong>Search limit reached</strong>";
    bsl_whatif_options wo = BSL_WHATIF_OPTIONS_INIT;
    bsl_whatif_plan *p = NULL;
    char *md = fz_render(r, BSL_FORMAT_MARKDOWN, lang, ro), *html = fz_render(r, BSL_FORMAT_HTML, lang, ro);
    const char *sec = strstr(md, heading), *hsec = strstr(html, "<h2 id=\"whatif\">");
    wo.max_nodes = ro->plan_max_nodes;
    FZ_CHECK(bsl__whatif_of_result(&p, r, &wo) == BSL_OK, "the plan of the reports");
    FZ_CHECK((p != NULL) == (bsl_result_verdict(r) < BSL_VERDICT_FAVORABLE), "a plan exactly below favorable");
    FZ_CHECK((sec != NULL) == (p != NULL) && (hsec != NULL) == (p != NULL),
             "lang %d: the section exactly below favorable (Markdown %d, HTML %d, verdict %d)", (int)lang,
             sec != NULL, hsec != NULL, (int)bsl_result_verdict(r));
    if (p) {
        char *alone = NULL;
        const char *body, *end = strstr(sec + 1, "\n## "), *h2_end = strstr(hsec, "</h2>\n");
        size_t n = end ? (size_t)(end - sec) : strlen(sec);
        FZ_CHECK(bsl_whatif_render(&alone, NULL, p, BSL_FORMAT_MARKDOWN, lang, NULL) == BSL_OK && alone,
                 "render the plan alone");
        body = strstr(alone, heading);
        FZ_CHECK(body && !strncmp(sec, body, n) && (body[n] == '\0' || body[n] == '\n'),
                 "lang %d: the Markdown report's section is not the plan of bsl_whatif()", (int)lang);
        FZ_CHECK(h2_end && !strncmp(h2_end + 6, limit, strlen(limit)) == (bsl_whatif_search_limit_reached(p) != 0),
                 "lang %d: the HTML section says the search limit exactly when the plan does", (int)lang);
        bsl_render_free(alone);
    }
    bsl_whatif_free(p);
    bsl_render_free(md);
    bsl_render_free(html);
}

/* The search budget of the plan in the reports of an untrusted framework.
 * A hostile one can make each search long, and an input searches the plan
 * 18 times (the text, Markdown and HTML reports twice each, then
 * fz_check_plan_section()'s Markdown, HTML and plan, in two languages): with
 * the default 200,000 states the Bordeaux seed took 43 times the
 * instructions of its checks without the plan (5,353 M against 124 M,
 * callgrind), 2.3 s under ASan. 2000 states make it 2.0 times (252 M),
 * 0.09 s of CPU under ASan, and still run out on that seed, so the limit
 * wording is checked too. fuzz_whatif fuzzes the search itself. */
#define FZ_HOSTILE_PLAN_NODES 2000u

static FZ_UNUSED void fz_check_renderings(const bsl_result *r, int trusted_framework)
{
    static const bsl_format formats[] = {BSL_FORMAT_JSON, BSL_FORMAT_JSON_COMPACT, BSL_FORMAT_TEXT,
                                         BSL_FORMAT_MARKDOWN};
    bsl_render_options ro = BSL_RENDER_OPTIONS_INIT;
    int f, lang;
    ro.plan_max_nodes = trusted_framework ? 0 : FZ_HOSTILE_PLAN_NODES;
    for (lang = 0; lang < 2; lang++) {
        char *canon[2] = {NULL, NULL};
        size_t canon_len[2] = {0, 0};
        for (f = 0; f < (int)(sizeof formats / sizeof formats[0]); f++) {
            char *out = (char *)&out, *again = NULL;
            size_t len = 1, len2 = 0;
            bsl_error err;
            int rc = bsl_render_with_options(&out, &len, r, formats[f], (bsl_lang)lang, &ro, &err);
            FZ_CHECK(rc == BSL_OK, "render format %d lang %d: %d %s", (int)formats[f], lang, rc,
                     err.message);
            FZ_CHECK(out != NULL && out[len] == '\0', "render: NUL-terminated output");
            FZ_CHECK(len > 0 && out[len - 1] == '\n', "render: ends with a newline");
            FZ_CHECK(fz_utf8_valid(out, len), "render format %d lang %d: invalid UTF-8",
                     (int)formats[f], lang);
            rc = bsl_render_with_options(&again, &len2, r, formats[f], (bsl_lang)lang, &ro, NULL);
            FZ_CHECK(rc == BSL_OK && len2 == len && !memcmp(out, again, len),
                     "render format %d lang %d: not deterministic", (int)formats[f], lang);
            bsl_render_free(again);
            /* Markdown too: bsl_buf_put_markdown turns controls into spaces. */
            if ((formats[f] == BSL_FORMAT_TEXT || formats[f] == BSL_FORMAT_MARKDOWN) && trusted_framework)
                fz_check_text_clean(out, len);
            if (formats[f] == BSL_FORMAT_JSON || formats[f] == BSL_FORMAT_JSON_COMPACT) {
                bsl_json_doc doc;
                const char *verdict, *l;
                FZ_CHECK(strlen(out) == len, "JSON rendering holds a NUL byte");
                if (formats[f] == BSL_FORMAT_JSON_COMPACT)
                    FZ_CHECK(memchr(out, '\n', len) == out + len - 1, "compact JSON is one line");
                fz_check_json("rendered JSON", out, len, &doc);
                FZ_CHECK(doc.nodes[0].type == BSL_JSON_OBJECT, "rendered JSON is an object");
                verdict = fz_member_string(&doc, "verdict");
                l = fz_member_string(&doc, "lang");
                FZ_CHECK(verdict && !strcmp(verdict, bsl_verdict_token(bsl_result_verdict(r))),
                         "rendered verdict %s", verdict ? verdict : "(none)");
                FZ_CHECK(l && !strcmp(l, lang ? "en" : "fr"), "rendered lang");
                canon[f] = fz_canonical(&doc, &canon_len[f]);
                bsl_json_doc_free(&doc);
            }
            bsl_render_free(out);
        }
        FZ_CHECK(canon_len[0] == canon_len[1] && !memcmp(canon[0], canon[1], canon_len[0]),
                 "lang %d: compact JSON is not the same document as the indented JSON", lang);
        free(canon[0]);
        free(canon[1]);
        fz_check_markup(r, (bsl_lang)lang, &ro);
        if (!trusted_framework)
            fz_check_plan_section(r, (bsl_lang)lang, &ro);
    }
}

/* The embedded default framework, loaded once per fuzzing process (the
 * harnesses are single-threaded) and freed at exit. */
static bsl_framework *fz_default_fw;

static void fz_release_default(void) { bsl_framework_free(fz_default_fw); }

static FZ_UNUSED const bsl_framework *fz_default_framework(void)
{
    if (!fz_default_fw) {
        FZ_CHECK(bsl_framework_load_embedded(&fz_default_fw, NULL, NULL, NULL) == BSL_OK,
                 "cannot load the default framework");
        atexit(fz_release_default);
    }
    return fz_default_fw;
}

#endif
