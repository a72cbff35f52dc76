/* bsl_render_comparison: one use-case (untrusted JSON) evaluated by every
 * embedded framework that accepts it, rendered as a comparison in every
 * format and language.
 *
 * Invariants: every rendering succeeds, is NUL-terminated, ends with a
 * newline, is valid UTF-8 and deterministic; the text one holds no control
 * character from the use-case; the JSON ones are accepted by the library's
 * own parser, are "boussole-comparison/1" in the right language, have one
 * column per framework and one row whose cells give, in order, each
 * framework's id and exactly the verdict bsl_result_verdict gives; the
 * compact one is the same document as the indented one; and one allocation
 * failure (picked from the input) returns BSL_ERR_NOMEM, no output and no
 * leak. */
#include "fuzz_common.h"

#define FZ_MAX_FRAMEWORKS 16

/* The embedded frameworks, loaded once per fuzzing process, freed at exit. */
static bsl_framework *fz_frameworks[FZ_MAX_FRAMEWORKS];
static size_t fz_framework_count;

static void release_frameworks(void)
{
    size_t i;
    for (i = 0; i < fz_framework_count; i++)
        bsl_framework_free(fz_frameworks[i]);
}

static void load_frameworks(void)
{
    size_t i, n = bsl_embedded_framework_count();
    if (fz_framework_count)
        return;
    FZ_CHECK(n >= 1 && n <= FZ_MAX_FRAMEWORKS, "%zu embedded frameworks", n);
    for (i = 0; i < n; i++)
        FZ_CHECK(bsl_framework_load_embedded(&fz_frameworks[i], bsl_embedded_framework_id(i), NULL,
                                             NULL) == BSL_OK,
                 "cannot load embedded framework %zu", i);
    fz_framework_count = n;
    atexit(release_frameworks);
}

/* Element i of array node arr of doc (0 when there is none). */
static size_t element(const bsl_json_doc *doc, size_t arr, size_t i)
{
    size_t v = arr + 1, k;
    if (!arr || doc->nodes[arr].type != BSL_JSON_ARRAY || i >= doc->nodes[arr].count)
        return 0;
    for (k = 0; k < i; k++)
        v = doc->nodes[v].end;
    return v;
}

static const char *string_of(const bsl_json_doc *doc, size_t obj, const char *key)
{
    size_t v = obj ? bsl_json_find(doc, obj, key) : 0;
    return v && doc->nodes[v].type == BSL_JSON_STRING ? doc->nodes[v].text : "";
}

static void check_json(const char *out, size_t len, bsl_result *const *results, size_t n, int lang)
{
    bsl_json_doc doc;
    size_t cols, rows, row, i;
    fz_check_json("comparison JSON", out, len, &doc);
    FZ_CHECK(!strcmp(fz_member_string(&doc, "format") ? fz_member_string(&doc, "format") : "",
                     "boussole-comparison/1"),
             "comparison format");
    FZ_CHECK(fz_member_string(&doc, "lang") && !strcmp(fz_member_string(&doc, "lang"), lang ? "en" : "fr"),
             "comparison lang");
    cols = bsl_json_find(&doc, 0, "frameworks");
    rows = bsl_json_find(&doc, 0, "usecases");
    FZ_CHECK(cols && doc.nodes[cols].type == BSL_JSON_ARRAY && doc.nodes[cols].count == n,
             "one column per framework");
    FZ_CHECK(rows && doc.nodes[rows].type == BSL_JSON_ARRAY && doc.nodes[rows].count == 1, "one row");
    row = element(&doc, rows, 0);
    FZ_CHECK(!strcmp(string_of(&doc, row, "id"), bsl_result_usecase_id(results[0])), "row id");
    for (i = 0; i < n; i++) {
        size_t cell = element(&doc, bsl_json_find(&doc, row, "results"), i);
        const char *id = bsl_result_framework_id(results[i]);
        FZ_CHECK(!strcmp(string_of(&doc, element(&doc, cols, i), "id"), id), "column %zu id", i);
        FZ_CHECK(!strcmp(string_of(&doc, cell, "framework"), id), "cell %zu framework", i);
        FZ_CHECK(!strcmp(string_of(&doc, cell, "verdict"), bsl_verdict_token(bsl_result_verdict(results[i]))),
                 "cell %zu: verdict %s, the result says %s", i, string_of(&doc, cell, "verdict"),
                 bsl_verdict_token(bsl_result_verdict(results[i])));
    }
    bsl_json_doc_free(&doc);
}

static void check_renderings(bsl_result *const *results, size_t n)
{
    static const bsl_format formats[] = {BSL_FORMAT_JSON, BSL_FORMAT_JSON_COMPACT, BSL_FORMAT_TEXT,
                                         BSL_FORMAT_MARKDOWN};
    int f, lang;
    for (lang = 0; lang < 2; lang++) {
        char *canon[2] = {NULL, NULL};
        size_t canon_len[2] = {0, 0};
        for (f = 0; f < 4; f++) {
            char *out = (char *)&out, *again = NULL;
            size_t len = 1, len2 = 0;
            bsl_error err;
            int rc = bsl_render_comparison(&out, &len, (const bsl_result *const *)results, 1, n,
                                           formats[f], (bsl_lang)lang, &err);
            FZ_CHECK(rc == BSL_OK, "comparison format %d lang %d: %d %s", (int)formats[f], lang, rc,
                     err.message);
            FZ_CHECK(out && out[len] == '\0' && len > 0 && out[len - 1] == '\n',
                     "comparison: NUL-terminated, ends with a newline");
            FZ_CHECK(fz_utf8_valid(out, len), "comparison format %d: invalid UTF-8", (int)formats[f]);
            rc = bsl_render_comparison(&again, &len2, (const bsl_result *const *)results, 1, n,
                                       formats[f], (bsl_lang)lang, NULL);
            FZ_CHECK(rc == BSL_OK && len2 == len && !memcmp(out, again, len),
                     "comparison format %d: not deterministic", (int)formats[f]);
            bsl_render_free(again);
            if (formats[f] == BSL_FORMAT_TEXT)
                fz_check_text_clean(out, len);
            if (f < 2) {
                bsl_json_doc doc;
                check_json(out, len, results, n, lang);
                fz_check_json("comparison JSON", out, len, &doc);
                canon[f] = fz_canonical(&doc, &canon_len[f]);
                bsl_json_doc_free(&doc);
            }
            bsl_render_free(out);
        }
        FZ_CHECK(canon_len[0] == canon_len[1] && !memcmp(canon[0], canon[1], canon_len[0]),
                 "compact comparison is not the same document as the indented one");
        free(canon[0]);
        free(canon[1]);
    }
}

/* Evaluate with every framework (counting allocator failing fail_at, -1:
 * none) and render the comparison once; returns the allocations made. */
static long run_counted(const char *in, size_t size, long fail_at)
{
    bsl_result *results[FZ_MAX_FRAMEWORKS];
    size_t i, n = 0;
    fz_alloc a;
    bsl_options opts;
    char *out = (char *)&out;
    int rc = BSL_OK;
    fz_alloc_init(&a, &opts, fail_at);
    for (i = 0; i < fz_framework_count && rc != BSL_ERR_NOMEM; i++) {
        bsl_usecase *uc = NULL;
        rc = bsl_usecase_parse(&uc, fz_frameworks[i], in, size, &opts, NULL);
        if (rc == BSL_OK) {
            rc = bsl_evaluate(&results[n], fz_frameworks[i], uc, NULL);
            n += rc == BSL_OK;
            bsl_usecase_free(uc);
        }
    }
    if (rc != BSL_ERR_NOMEM && n) {
        rc = bsl_render_comparison(&out, NULL, (const bsl_result *const *)results, 1, n,
                                   BSL_FORMAT_JSON, BSL_LANG_FR, NULL);
        if (rc == BSL_OK)
            bsl_render_free(out);
        else
            FZ_CHECK(rc == BSL_ERR_NOMEM && out == NULL, "comparison, allocation refused: %d", rc);
    }
    for (i = 0; i < n; i++)
        bsl_result_free(results[i]);
    FZ_CHECK(a.failures == 0 || rc == BSL_ERR_NOMEM, "allocation %ld refused, status %d", fail_at, rc);
    FZ_CHECK(a.live == 0, "allocation %ld refused: %ld blocks leaked", fail_at, a.live);
    return a.calls;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *in = (const char *)data;
    bsl_result *results[FZ_MAX_FRAMEWORKS];
    size_t i, n = 0;
    long calls;

    load_frameworks();
    for (i = 0; i < fz_framework_count; i++) {
        bsl_result *r = NULL;
        if (bsl_evaluate_json(&r, fz_frameworks[i], in, size, NULL, NULL) == BSL_OK)
            results[n++] = r;
    }
    if (n == 0)
        return 0;
    check_renderings(results, n);
    for (i = 0; i < n; i++)
        bsl_result_free(results[i]);

    calls = run_counted(in, size, -1);
    FZ_CHECK(calls > 0, "nothing allocated");
    run_counted(in, size, (long)(fz_hash(data, size) % (uint64_t)calls));
    return 0;
}
