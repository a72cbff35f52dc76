/* Use-case JSON (untrusted: it comes from web forms and other systems)
 * against the embedded default framework: bsl_usecase_parse, bsl_evaluate,
 * bsl_evaluate_json and bsl_render in every format and language (HTML and
 * SVG checked well-formed by markup_check.h).
 *
 * On failure: a document error code with line >= 1 and a consistent
 * position, and no object. On success: the result invariants of
 * fuzz_common.h (scores in 0..100, one of the five verdicts following the
 * precedence rules, ...), every rendering well-formed (the JSON ones
 * accepted by the library's own parser, the compact one the same document),
 * bsl_evaluate_json agreeing with parse + evaluate, max_facts and
 * max_tokens at the document's size accepted and one below refused with
 * BSL_ERR_LIMIT, and one allocation failure (picked from the input) anywhere
 * in parse, evaluate or render returning BSL_ERR_NOMEM without a leak. */
#include "fuzz_common.h"


/* Parse, evaluate and render once with a counting allocator failing
 * allocation fail_at (-1: none); returns the number of allocations made. */
static long run_counted(const char *in, size_t size, long fail_at)
{
    fz_alloc a;
    bsl_options opts;
    bsl_usecase *uc = (bsl_usecase *)&uc;
    bsl_result *r = (bsl_result *)&r;
    char *out = (char *)&out;
    bsl_error err;
    int rc, i, failed = 0;
    static const bsl_format formats[] = {BSL_FORMAT_JSON, BSL_FORMAT_TEXT, BSL_FORMAT_JSON_COMPACT,
                                         BSL_FORMAT_HTML, BSL_FORMAT_SVG, BSL_FORMAT_MARKDOWN};

    fz_alloc_init(&a, &opts, fail_at);
    rc = bsl_usecase_parse(&uc, fz_default_framework(), in, size, &opts, &err);
    if (a.failures) {
        FZ_CHECK(rc == BSL_ERR_NOMEM && err.code == rc && uc == NULL,
                 "parse, allocation %ld refused: status %d", fail_at, rc);
        failed = 1;
    } else {
        FZ_CHECK(rc == BSL_OK, "parse with a counting allocator: %d", rc);
        rc = bsl_evaluate(&r, fz_default_framework(), uc, &err);
        if (a.failures) {
            FZ_CHECK(rc == BSL_ERR_NOMEM && err.code == rc && r == NULL,
                     "evaluate, allocation %ld refused: status %d", fail_at, rc);
            failed = 1;
        } else {
            FZ_CHECK(rc == BSL_OK, "evaluate with a counting allocator: %d", rc);
            for (i = 0; i < (int)(sizeof formats / sizeof formats[0]) && !failed; i++) {
                rc = bsl_render(&out, NULL, r, formats[i], (bsl_lang)(i & 1), &err);
                if (a.failures) {
                    FZ_CHECK(rc == BSL_ERR_NOMEM && err.code == rc && out == NULL,
                             "render %d, allocation %ld refused: status %d", i, fail_at, rc);
                    failed = 1;
                } else {
                    FZ_CHECK(rc == BSL_OK, "render with a counting allocator: %d", rc);
                    bsl_render_free(out);
                }
            }
            bsl_result_free(r);
        }
        bsl_usecase_free(uc);
    }
    FZ_CHECK(a.live == 0, "allocation %ld refused: %ld blocks leaked", fail_at, a.live);
    FZ_CHECK(fail_at < 0 || failed, "allocation %ld was never reached", fail_at);
    return a.calls;
}

/* Entries of member key of the top object, or 0. */
static size_t member_count(const bsl_json_doc *doc, const char *key)
{
    size_t v = bsl_json_find(doc, 0, key);
    return v && doc->nodes[v].type == BSL_JSON_OBJECT ? doc->nodes[v].count : 0;
}

static void expect_limit(const char *what, const char *in, size_t size, const bsl_options *opts)
{
    bsl_usecase *uc = (bsl_usecase *)&uc;
    bsl_error err;
    int rc = bsl_usecase_parse(&uc, fz_default_framework(), in, size, opts, &err);
    FZ_CHECK(rc == BSL_ERR_LIMIT && uc == NULL, "%s: status %d (%s)", what, rc, err.message);
    fz_check_document_error(what, rc, &err, in, size);
}

static void expect_ok(const char *what, const char *in, size_t size, const bsl_options *opts)
{
    bsl_usecase *uc = NULL;
    bsl_error err;
    int rc = bsl_usecase_parse(&uc, fz_default_framework(), in, size, opts, &err);
    FZ_CHECK(rc == BSL_OK, "%s: status %d (%s)", what, rc, err.message);
    bsl_usecase_free(uc);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *in = (const char *)data;
    bsl_usecase *uc = (bsl_usecase *)&uc;
    bsl_result *r = (bsl_result *)&r, *r2 = (bsl_result *)&r2;
    bsl_options opts;
    bsl_json_doc doc;
    bsl_error err;
    char *a = NULL, *b = NULL;
    size_t alen = 0, blen = 0, facts;
    long calls;
    int rc;

    rc = bsl_usecase_parse(&uc, fz_default_framework(), in, size, NULL, &err);
    {
        /* bsl_evaluate_json is parse + evaluate: the same outcome. */
        int rc2 = bsl_evaluate_json(&r2, fz_default_framework(), in, size, NULL, NULL);
        FZ_CHECK(rc2 == rc, "bsl_evaluate_json %d, bsl_usecase_parse %d", rc2, rc);
    }
    if (rc != BSL_OK) {
        FZ_CHECK(uc == NULL && r2 == NULL, "a failed parse leaves an object");
        fz_check_document_error("bsl_usecase_parse", rc, &err, in, size);
        return 0;
    }
    FZ_CHECK(bsl_usecase_id(uc) && bsl_usecase_title(uc), "use-case id and title");
    FZ_CHECK(!fz_document_has_nul(in, size), "a NUL in a string was accepted (and cut)");
    rc = bsl_evaluate(&r, fz_default_framework(), uc, &err);
    FZ_CHECK(rc == BSL_OK && err.code == BSL_OK, "evaluate: %d %s", rc, err.message);
    FZ_CHECK(!strcmp(bsl_result_usecase_id(r), bsl_usecase_id(uc)), "result id");
    bsl_usecase_free(uc); /* the result keeps its own copies */
    fz_check_result(r, fz_default_framework());
    fz_check_renderings(r, 1);

    /* bsl_evaluate_json gives the same bytes. */
    FZ_CHECK(bsl_render(&a, &alen, r, BSL_FORMAT_JSON, BSL_LANG_EN, NULL) == BSL_OK, "render a");
    FZ_CHECK(bsl_render(&b, &blen, r2, BSL_FORMAT_JSON, BSL_LANG_EN, NULL) == BSL_OK, "render b");
    FZ_CHECK(alen == blen && !memcmp(a, b, alen), "bsl_evaluate_json differs from parse + evaluate");
    bsl_render_free(a);
    bsl_render_free(b);
    bsl_result_free(r2);
    bsl_result_free(r);

    /* Limits at the document's size, and one below. */
    FZ_CHECK(bsl_json_parse(&doc, in, size, NULL, NULL, NULL) == BSL_OK, "parsed but not JSON");
    facts = member_count(&doc, "facts");
    if (member_count(&doc, "evidence") > facts)
        facts = member_count(&doc, "evidence");
    bsl_options_init(&opts, BSL_OPTIONS_VERSION);
    opts.max_tokens = doc.count;
    expect_ok("max_tokens = values", in, size, &opts);
    if (doc.count > 1) {
        opts.max_tokens = doc.count - 1;
        expect_limit("max_tokens = values - 1", in, size, &opts);
    }
    bsl_options_init(&opts, BSL_OPTIONS_VERSION);
    if (facts > 0) {
        opts.max_facts = facts;
        expect_ok("max_facts = entries", in, size, &opts);
    }
    if (facts > 1) {
        opts.max_facts = facts - 1;
        expect_limit("max_facts = entries - 1", in, size, &opts);
    }
    bsl_json_doc_free(&doc);

    /* Out of memory: count the allocations, then refuse one of them. */
    calls = run_counted(in, size, -1);
    FZ_CHECK(calls > 0, "nothing allocated");
    run_counted(in, size, (long)(fz_hash(data, size) % (uint64_t)calls));
    return 0;
}
