/* bsl_framework_load on arbitrary bytes (framework JSON comes from an
 * administrator, but a bad file must still never crash the library).
 *
 * On failure: a document error code with a consistent position, and no
 * framework. On success: id and version non-NULL, sha256 64 lower-case hex
 * digits equal to the SHA-256 of the canonical JSON, at least one
 * criterion with ids and titles; the canonical JSON loads to the same
 * hash; max_indicators at the framework's size loads and one below fails
 * with BSL_ERR_LIMIT; use-cases built from the framework's own vocabulary
 * (every indicator unanswered, then answered with values picked from the
 * input's hash) parse, evaluate and render with every result invariant; its
 * description (JSON parses; text and Markdown hold no raw control
 * character but newlines), schema and template are produced, the JSON ones
 * parse, and the template evaluates to incomplete with every required fact
 * missing; and one allocation failure (picked from the input) returns
 * BSL_ERR_NOMEM without a leak. */
#include "fuzz_common.h"

#include "framework.h" /* internal: the compiled tables, to build use-cases */
#include "sha256.h"

static void check_framework(const bsl_framework *fw)
{
    const char *sha = bsl_framework_sha256(fw);
    size_t i, n = bsl_framework_criterion_count(fw);
    FZ_CHECK(bsl_framework_id(fw) != NULL, "framework id");
    FZ_CHECK(bsl_framework_version(fw) != NULL, "framework version");
    FZ_CHECK(bsl_framework_title(fw, BSL_LANG_FR) && bsl_framework_title(fw, BSL_LANG_EN), "titles");
    FZ_CHECK(sha && strlen(sha) == 64, "sha256 \"%s\"", sha ? sha : "(null)");
    for (i = 0; i < 64; i++)
        FZ_CHECK((sha[i] >= '0' && sha[i] <= '9') || (sha[i] >= 'a' && sha[i] <= 'f'),
                 "sha256 \"%s\" is not lower-case hex", sha);
    FZ_CHECK(n > 0, "no criterion");
    for (i = 0; i < n; i++)
        FZ_CHECK(bsl_framework_criterion_id(fw, i) && bsl_framework_criterion_title(fw, i, BSL_LANG_FR) &&
                     bsl_framework_criterion_title(fw, i, BSL_LANG_EN),
                 "criterion %zu", i);
    FZ_CHECK(bsl_framework_criterion_id(fw, n) == NULL, "criterion past the end");
    FZ_CHECK(fw->indicator_count > 0 && fw->indicator_count <= BSL_DEFAULT_MAX_INDICATORS,
             "%zu indicators", fw->indicator_count);
}

/* A use-case for fw. choice 0: no fact answered. Otherwise each fact gets
 * a value of its type picked from choice (all within the framework's own
 * vocabulary and range). */
static char *make_usecase(const bsl_framework *fw, uint64_t choice, size_t *len)
{
    bsl_buf b;
    size_t i;
    char *out;
    bsl_buf_init(&b, bsl_libc_allocator());
    bsl_buf_puts(&b, "{\"id\":\"fuzz\",\"title\":\"fuzz\",\"framework\":");
    bsl_buf_json_string(&b, fw->id, strlen(fw->id));
    bsl_buf_puts(&b, ",\"facts\":{");
    for (i = 0; choice && i < fw->indicator_count; i++) {
        const bsl_indicator *ind = &fw->indicators[i];
        uint64_t pick = (choice >> (i % 48)) ^ (choice * (i + 1));
        char num[64];
        if (i)
            bsl_buf_putc(&b, ',');
        bsl_buf_json_string(&b, ind->fact, ind->fact_len);
        bsl_buf_putc(&b, ':');
        if (pick % 11 == 0) { /* now and then explicitly unanswered */
            bsl_buf_puts(&b, "null");
            continue;
        }
        switch (ind->type) {
        case BSL_FACT_BOOLEAN:
            bsl_buf_puts(&b, pick & 1 ? "true" : "false");
            break;
        case BSL_FACT_ENUM:
            bsl_buf_puts(&b, ind->outcomes[pick % ind->outcome_count].value_json);
            break;
        case BSL_FACT_NUMBER: {
            const bsl_outcome_def *o = &ind->outcomes[pick % ind->outcome_count];
            double v = o->bound_kind == BSL_BOUND_OPEN ? (o > ind->outcomes ? o[-1].bound + 1 : 0)
                                                        : o->bound - (double)(pick % 3);
            if (ind->def->has_min && v < ind->def->min.value)
                v = ind->def->min.value;
            if (ind->def->has_max && v > ind->def->max.value)
                v = ind->def->max.value;
            if (!isfinite(v))
                v = ind->def->has_min ? ind->def->min.value : 0;
            snprintf(num, sizeof num, "%.17g", v);
            bsl_buf_puts(&b, num);
            break;
        }
        case BSL_FACT_SET: {
            size_t m, k = 0;
            bsl_buf_putc(&b, '[');
            for (m = 0; m < ind->def->value_count; m++)
                if ((pick >> (m % 64)) & 1) {
                    if (k++)
                        bsl_buf_putc(&b, ',');
                    bsl_buf_json_string(&b, ind->def->values[m].value, ind->def->values[m].len);
                }
            bsl_buf_putc(&b, ']');
            break;
        }
        case BSL_FACT_TEXT:
            bsl_buf_puts(&b, pick & 1 ? "\"evidence \\u00e9\"" : (pick & 2 ? "\" \"" : "\"\""));
            break;
        }
    }
    bsl_buf_puts(&b, "}}");
    out = bsl_buf_take(&b, len);
    FZ_CHECK(out != NULL, "harness out of memory");
    return out;
}

/* The framework's documents: describe in every format and language, the
 * schema and the template. */
static void check_documents(const bsl_framework *fw)
{
    int format, lang;
    size_t i, required = 0;
    for (format = 0; format <= BSL_FORMAT_MARKDOWN; format++)
        for (lang = 0; lang < 2; lang++) {
            char *out = NULL;
            size_t len = 0;
            int rc = bsl_framework_describe(&out, &len, fw, (bsl_format)format, (bsl_lang)lang, NULL);
            FZ_CHECK(rc == BSL_OK && out && strlen(out) == len, "describe format %d: %d", format, rc);
            if (format == BSL_FORMAT_JSON || format == BSL_FORMAT_JSON_COMPACT)
                fz_check_json("description", out, len, NULL);
            else
                for (i = 0; i < len; i++)
                    FZ_CHECK((unsigned char)out[i] >= 0x20 || out[i] == '\n',
                             "describe format %d: raw control character 0x%02x", format, out[i]);
            bsl_render_free(out);
        }
    for (lang = 0; lang < 2; lang++) {
        char *out = NULL;
        size_t len = 0;
        bsl_result *r = NULL;
        FZ_CHECK(bsl_framework_schema(&out, &len, fw, (bsl_lang)lang, NULL) == BSL_OK, "schema");
        fz_check_json("schema", out, len, NULL);
        bsl_render_free(out);
        FZ_CHECK(bsl_framework_template(&out, &len, fw, (bsl_lang)lang, NULL) == BSL_OK, "template");
        fz_check_json("template", out, len, NULL);
        FZ_CHECK(bsl_evaluate_json(&r, fw, out, len, NULL, NULL) == BSL_OK, "template evaluates");
        for (i = required = 0; i < fw->indicator_count; i++)
            required += fw->indicators[i].required != 0;
        FZ_CHECK(bsl_result_missing_count(r) == required, "template: %zu missing of %zu required",
                 bsl_result_missing_count(r), required);
        FZ_CHECK(!required || bsl_result_verdict(r) == BSL_VERDICT_INCOMPLETE, "template: verdict %d",
                 bsl_result_verdict(r));
        bsl_result_free(r);
        bsl_render_free(out);
    }
}

static void evaluate_built(const bsl_framework *fw, uint64_t choice)
{
    size_t len;
    char *uc_json = make_usecase(fw, choice, &len);
    bsl_result *r = (bsl_result *)&r;
    bsl_error err;
    int rc = bsl_evaluate_json(&r, fw, uc_json, len, NULL, &err);
    if (rc == BSL_OK) {
        fz_check_result(r, fw);
        fz_check_renderings(r, 0);
        bsl_result_free(r);
    } else {
        /* Only a number outside the framework's own range can be refused. */
        FZ_CHECK(r == NULL, "failed evaluation leaves a result");
        fz_check_document_error("built use-case", rc, &err, uc_json, len);
        FZ_CHECK(choice != 0 && rc == BSL_ERR_VALUE, "built use-case refused: %d %s at %s\n%s", rc,
                 err.message, err.path, uc_json);
    }
    free(uc_json);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *in = (const char *)data;
    bsl_framework *fw = (bsl_framework *)&fw, *fw2 = NULL;
    bsl_options opts;
    bsl_error err;
    bsl_json_doc doc;
    fz_alloc a;
    char *canon, hex[65];
    size_t clen;
    uint64_t h = fz_hash(data, size);
    long calls;
    int rc;

    rc = bsl_framework_load(&fw, in, size, NULL, &err);
    if (rc != BSL_OK) {
        FZ_CHECK(fw == NULL, "failed load leaves a framework");
        fz_check_document_error("bsl_framework_load", rc, &err, in, size);
        return 0;
    }
    check_framework(fw);
    FZ_CHECK(!fz_document_has_nul(in, size), "a NUL in a string was accepted (and cut)");

    /* The hash is the SHA-256 of the canonical JSON, which loads too. */
    FZ_CHECK(bsl_json_parse(&doc, in, size, NULL, NULL, NULL) == BSL_OK, "loaded but not JSON");
    canon = fz_canonical(&doc, &clen);
    bsl_json_doc_free(&doc);
    bsl_sha256_hex(canon, clen, hex);
    FZ_CHECK(!strcmp(hex, bsl_framework_sha256(fw)), "sha256 is not that of the canonical JSON");
    rc = bsl_framework_load(&fw2, canon, clen, NULL, &err);
    FZ_CHECK(rc == BSL_OK, "canonical JSON does not load: %d %s", rc, err.message);
    FZ_CHECK(!strcmp(bsl_framework_sha256(fw2), bsl_framework_sha256(fw)), "canonical: other hash");
    bsl_framework_free(fw2);
    free(canon);

    /* max_indicators at the size of the framework, and one below. */
    bsl_options_init(&opts, BSL_OPTIONS_VERSION);
    opts.max_indicators = fw->indicator_count;
    rc = bsl_framework_load(&fw2, in, size, &opts, &err);
    FZ_CHECK(rc == BSL_OK, "max_indicators = %zu: %d %s", fw->indicator_count, rc, err.message);
    bsl_framework_free(fw2);
    if (fw->indicator_count > 1) {
        opts.max_indicators = fw->indicator_count - 1;
        fw2 = (bsl_framework *)&fw2;
        rc = bsl_framework_load(&fw2, in, size, &opts, &err);
        FZ_CHECK(rc == BSL_ERR_LIMIT && fw2 == NULL, "max_indicators = %zu - 1: %d",
                 fw->indicator_count, rc);
        fz_check_document_error("max_indicators", rc, &err, in, size);
    }

    /* Use-cases in the framework's vocabulary evaluate. */
    evaluate_built(fw, 0);
    evaluate_built(fw, h | 1);
    check_documents(fw);

    /* One allocation failure, picked from the input. */
    fz_alloc_init(&a, &opts, -1);
    rc = bsl_framework_load(&fw2, in, size, &opts, NULL);
    FZ_CHECK(rc == BSL_OK, "load with a counting allocator");
    bsl_framework_free(fw2);
    FZ_CHECK(a.live == 0, "load + free leaks %ld blocks", a.live);
    calls = a.calls;
    FZ_CHECK(calls > 0, "loading allocates nothing");
    fz_alloc_init(&a, &opts, (long)(h % (uint64_t)calls));
    fw2 = (bsl_framework *)&fw2;
    rc = bsl_framework_load(&fw2, in, size, &opts, &err);
    FZ_CHECK(rc == BSL_ERR_NOMEM && err.code == rc && fw2 == NULL,
             "allocation %ld of %ld failed: status %d", a.fail_at, calls, rc);
    FZ_CHECK(a.live == 0, "allocation %ld failed: %ld blocks leaked", a.fail_at, a.live);

    bsl_framework_free(fw);
    return 0;
}
