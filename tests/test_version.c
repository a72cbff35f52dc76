/* One source for the version, and versioned options, seen from outside:
 * linked against the shared library like an integrator.
 *
 *  - BSL_VERSION_* (generated <boussole/version.h>), bsl_version_string(),
 *    bsl_version_number() and the provenance of a result all agree with the
 *    meson project version, passed in as BSL_EXPECTED_VERSION;
 *  - bsl_options: version first, BSL_OPTIONS_INIT == bsl_options_init(),
 *    and every entry point that takes options rejects an unknown version
 *    with BSL_ERR_ARG and a message, before reading any other field. */
#include <boussole.h>

#include "check.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>

#ifndef BSL_EXPECTED_VERSION
#error "build with -DBSL_EXPECTED_VERSION=\"meson.project_version()\""
#endif

static const char usecase[] =
    "{\"id\": \"v\", \"title\": \"version test\", \"facts\": {}}";

static void test_version(void)
{
    unsigned major = 0, minor = 0, patch = 0;
    char joined[64];
    int n = sscanf(BSL_EXPECTED_VERSION, "%u.%u.%u", &major, &minor, &patch);

    CHECK_INT(n, 3, "the meson project version is MAJOR.MINOR.PATCH");
    CHECK_STR(BSL_VERSION_STRING, BSL_EXPECTED_VERSION, "BSL_VERSION_STRING is the meson project version");
    CHECK_INT(BSL_VERSION_MAJOR, major, "BSL_VERSION_MAJOR");
    CHECK_INT(BSL_VERSION_MINOR, minor, "BSL_VERSION_MINOR");
    CHECK_INT(BSL_VERSION_PATCH, patch, "BSL_VERSION_PATCH");
    CHECK_INT(BSL_VERSION_NUMBER, major * 10000 + minor * 100 + patch, "BSL_VERSION_NUMBER");
    snprintf(joined, sizeof joined, "%d.%d.%d", BSL_VERSION_MAJOR, BSL_VERSION_MINOR, BSL_VERSION_PATCH);
    CHECK_STR(joined, BSL_VERSION_STRING, "MAJOR.MINOR.PATCH spells BSL_VERSION_STRING");
    CHECK_STR(bsl_version_string(), BSL_EXPECTED_VERSION, "bsl_version_string() of the linked library");
    CHECK_INT(bsl_version_number(), BSL_VERSION_NUMBER, "bsl_version_number() of the linked library");
}

static void test_provenance(void)
{
    bsl_framework *fw = NULL;
    bsl_result *r = NULL;
    char *json = NULL;
    int rc = bsl_framework_load_embedded(&fw, NULL, NULL, NULL);

    CHECK_INT(rc, BSL_OK, "load the embedded framework");
    rc = bsl_evaluate_json(&r, fw, usecase, sizeof usecase - 1, NULL, NULL);
    CHECK_INT(rc, BSL_OK, "evaluate a use-case");
    CHECK_STR(bsl_result_library_version(r), BSL_EXPECTED_VERSION, "a result records the library version");
    rc = bsl_render(&json, NULL, r, BSL_FORMAT_JSON, BSL_LANG_EN, NULL);
    CHECK(rc == BSL_OK && json && strstr(json, "\"libboussole\"") != NULL &&
              strstr(strstr(json, "\"libboussole\""), "\"" BSL_EXPECTED_VERSION "\"") != NULL,
          "the JSON result records the library version");
    bsl_render_free(json);
    bsl_result_free(r);
    bsl_framework_free(fw);
}

/* A bsl_options of an unknown version, its other fields garbage: the
 * library must look at nothing but the version. */
static bsl_options bad_options(unsigned version)
{
    bsl_options o;
    memset(&o, 0xa5, sizeof o);
    o.version = version;
    return o;
}

static void check_rejected(const char *what, int rc, const bsl_error *err, const void *out)
{
    char name[160];
    snprintf(name, sizeof name, "%s: BSL_ERR_ARG", what);
    CHECK_INT(rc, BSL_ERR_ARG, name);
    snprintf(name, sizeof name, "%s: error filled", what);
    CHECK(err->code == BSL_ERR_ARG && strstr(err->message, "version") != NULL, name);
    snprintf(name, sizeof name, "%s: out is NULL", what);
    CHECK(out == NULL, name);
}

static void test_options_versions(void)
{
    static const bsl_options init = BSL_OPTIONS_INIT;
    static const unsigned unknown[] = { 0, BSL_OPTIONS_VERSION + 1, 0xffffffffu };
    bsl_framework *fw = NULL;
    bsl_options opts;
    size_t i;

    CHECK(offsetof(bsl_options, version) == 0, "bsl_options starts with its version");
    CHECK_INT(init.version, BSL_OPTIONS_VERSION, "BSL_OPTIONS_INIT sets the current version");
    memset(&opts, 0x5a, sizeof opts);
    CHECK_INT(bsl_options_init(&opts, BSL_OPTIONS_VERSION), BSL_OK, "bsl_options_init(current)");
    CHECK(memcmp(&opts, &init, sizeof opts) == 0 ||
              (opts.version == init.version && !opts.allocator.malloc && !opts.max_input_bytes &&
               !opts.max_depth && !opts.max_tokens && !opts.max_string_bytes &&
               !opts.max_facts && !opts.max_indicators),
          "bsl_options_init() and BSL_OPTIONS_INIT agree");

    if (bsl_framework_load_embedded(&fw, NULL, NULL, NULL) != BSL_OK)
        return;
    for (i = 0; i < sizeof unknown / sizeof unknown[0]; i++) {
        bsl_options bad = bad_options(unknown[i]);
        bsl_framework *f2 = (bsl_framework *)&bad; /* must be overwritten with NULL */
        bsl_usecase *uc = (bsl_usecase *)&bad;
        bsl_result *r = (bsl_result *)&bad;
        char *out = (char *)&bad;
        bsl_error err;
        char what[96];
        int rc;

        snprintf(what, sizeof what, "bsl_options_init(version %u)", unknown[i]);
        CHECK_INT(bsl_options_init(&opts, unknown[i]), BSL_ERR_ARG, what);

        rc = bsl_framework_load(&f2, "{}", 2, &bad, &err);
        snprintf(what, sizeof what, "bsl_framework_load, options version %u", unknown[i]);
        check_rejected(what, rc, &err, f2);

        f2 = (bsl_framework *)&bad;
        rc = bsl_framework_load_embedded(&f2, NULL, &bad, &err);
        snprintf(what, sizeof what, "bsl_framework_load_embedded, options version %u", unknown[i]);
        check_rejected(what, rc, &err, f2);

        f2 = (bsl_framework *)&bad;
        rc = bsl_framework_load_file(&f2, SRCDIR "/frameworks/nantes-2024.json", &bad, &err);
        snprintf(what, sizeof what, "bsl_framework_load_file, options version %u", unknown[i]);
        check_rejected(what, rc, &err, f2);

        rc = bsl_usecase_parse(&uc, fw, usecase, sizeof usecase - 1, &bad, &err);
        snprintf(what, sizeof what, "bsl_usecase_parse, options version %u", unknown[i]);
        check_rejected(what, rc, &err, uc);

        rc = bsl_evaluate_json(&r, fw, usecase, sizeof usecase - 1, &bad, &err);
        snprintf(what, sizeof what, "bsl_evaluate_json, options version %u", unknown[i]);
        check_rejected(what, rc, &err, r);

        rc = bsl_evaluate_lines(&out, NULL, fw, usecase, sizeof usecase - 1, BSL_LANG_FR, &bad,
                                NULL, &err);
        snprintf(what, sizeof what, "bsl_evaluate_lines, options version %u", unknown[i]);
        check_rejected(what, rc, &err, out);
    }
    bsl_framework_free(fw);
}

int main(void)
{
    test_version();
    test_provenance();
    test_options_versions();
    return check_done();
}
