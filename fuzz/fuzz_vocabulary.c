/* bsl_vocabulary_load on arbitrary bytes (a vocabulary is data an
 * administrator may replace; a bad file must never crash the library).
 *
 * On failure: a document error code with a consistent position, and no
 * vocabulary. On success: id and version non-NULL; sha256 is the SHA-256 of
 * the canonical JSON, which loads to the same hash; at least one fact; every
 * fact found by its key, of a known type, with labels in fr and en; enum and
 * set facts have values, each a non-empty token found again by its own
 * index, other types none; bounds only on numbers, min <= max; and one
 * allocation failure (picked from the input) returns BSL_ERR_NOMEM without
 * a leak. */
#include "fuzz_common.h"

#include "sha256.h"
#include "vocabulary.h" /* internal: value lookup */

static void check_fact(const bsl_vocabulary *v, const bsl_fact *f)
{
    bsl_fact_type t = bsl_fact_type_of(f);
    size_t i, n = bsl_fact_value_count(f);
    double lo = 0, hi = 0;
    int has_lo = bsl_fact_min(f, &lo), has_hi = bsl_fact_max(f, &hi);
    FZ_CHECK(bsl_fact_key(f) && bsl_vocabulary_find(v, bsl_fact_key(f)) == f, "fact found by its key");
    FZ_CHECK(bsl_fact_type_token(t) != NULL, "fact type %d", (int)t);
    FZ_CHECK(bsl_fact_label(f, BSL_LANG_FR) && bsl_fact_label(f, BSL_LANG_EN), "labels");
    FZ_CHECK((n > 0) == (t == BSL_FACT_ENUM || t == BSL_FACT_SET), "%zu values for type %s", n,
             bsl_fact_type_token(t));
    for (i = 0; i < n; i++) {
        const char *s = bsl_fact_value(f, i);
        FZ_CHECK(s && *s && bsl_fact_find_value(f, s, strlen(s)) == i, "value %zu", i);
        FZ_CHECK(bsl_fact_value_label(f, i, BSL_LANG_FR) && bsl_fact_value_label(f, i, BSL_LANG_EN),
                 "value labels");
    }
    FZ_CHECK(bsl_fact_value(f, n) == NULL, "value past the end");
    FZ_CHECK(t == BSL_FACT_NUMBER || (!has_lo && !has_hi && !bsl_fact_unit(f, BSL_LANG_FR)),
             "bounds or unit on a %s", bsl_fact_type_token(t));
    FZ_CHECK(!(has_lo && has_hi) || lo <= hi, "min %g above max %g", lo, hi);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *in = (const char *)data;
    bsl_vocabulary *v = (bsl_vocabulary *)&v, *v2 = NULL;
    bsl_options opts;
    bsl_error err;
    bsl_json_doc doc;
    fz_alloc a;
    char *canon, hex[65];
    size_t clen, i;
    uint64_t h = fz_hash(data, size);
    long calls;
    int rc = bsl_vocabulary_load(&v, in, size, NULL, &err);

    if (rc != BSL_OK) {
        FZ_CHECK(v == NULL, "failed load leaves a vocabulary");
        fz_check_document_error("bsl_vocabulary_load", rc, &err, in, size);
        return 0;
    }
    FZ_CHECK(bsl_vocabulary_id(v) && bsl_vocabulary_version(v), "id and version");
    FZ_CHECK(!fz_document_has_nul(in, size), "a NUL in a string was accepted (and cut)");
    FZ_CHECK(bsl_vocabulary_fact_count(v) > 0, "no fact");
    for (i = 0; i < bsl_vocabulary_fact_count(v); i++)
        check_fact(v, bsl_vocabulary_fact(v, i));
    FZ_CHECK(bsl_vocabulary_fact(v, i) == NULL, "fact past the end");

    /* The hash is the SHA-256 of the canonical JSON, which loads too. */
    FZ_CHECK(bsl_json_parse(&doc, in, size, NULL, NULL, NULL) == BSL_OK, "loaded but not JSON");
    canon = fz_canonical(&doc, &clen);
    bsl_json_doc_free(&doc);
    bsl_sha256_hex(canon, clen, hex);
    FZ_CHECK(!strcmp(hex, bsl_vocabulary_sha256(v)), "sha256 is not that of the canonical JSON");
    rc = bsl_vocabulary_load(&v2, canon, clen, NULL, &err);
    FZ_CHECK(rc == BSL_OK, "canonical JSON does not load: %d %s", rc, err.message);
    FZ_CHECK(!strcmp(bsl_vocabulary_sha256(v2), bsl_vocabulary_sha256(v)), "canonical: other hash");
    bsl_vocabulary_free(v2);
    free(canon);

    /* One allocation failure, picked from the input. */
    fz_alloc_init(&a, &opts, -1);
    rc = bsl_vocabulary_load(&v2, in, size, &opts, NULL);
    FZ_CHECK(rc == BSL_OK, "load with a counting allocator");
    bsl_vocabulary_free(v2);
    FZ_CHECK(a.live == 0, "load + free leaks %ld blocks", a.live);
    calls = a.calls;
    FZ_CHECK(calls > 0, "loading allocates nothing");
    fz_alloc_init(&a, &opts, (long)(h % (uint64_t)calls));
    v2 = (bsl_vocabulary *)&v2;
    rc = bsl_vocabulary_load(&v2, in, size, &opts, &err);
    FZ_CHECK(rc == BSL_ERR_NOMEM && err.code == rc && v2 == NULL,
             "allocation %ld of %ld failed: status %d", a.fail_at, calls, rc);
    FZ_CHECK(a.live == 0, "allocation %ld failed: %ld blocks leaked", a.fail_at, a.live);

    bsl_vocabulary_free(v);
    return 0;
}
