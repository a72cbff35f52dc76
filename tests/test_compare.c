/* bsl_render_comparison(): the same use-cases under several frameworks,
 * in JSON, text and Markdown; its argument checks and out-of-memory
 * behaviour. Two frameworks are at hand whatever is embedded: the Nantes
 * default and its format-1 predecessor (1.0.0), which has no necessary
 * conditions. */
#include "check.h"
#include "testutil.h"

#define NANTES_1_0_PATH SRCDIR "/tests/data/nantes-2024-1.0.0.json"

static bsl_framework *fws[2];

static bsl_result *evaluate(const bsl_framework *fw, const char *doc, const bsl_options *opts)
{
    bsl_result *r = NULL;
    bsl_error err;
    if (bsl_evaluate_json(&r, fw, doc, strlen(doc), opts, &err))
        printf("# %s at %s\n", err.message, err.path);
    return r;
}

/* The voirie example, and the same without a real need: Nantes 1.1 says
 * unfavorable (a failed necessary condition), Nantes 1.0 does not. */
static const char *voirie(void) { return read_file(SRCDIR "/examples/usecases/signalements-voirie.json", NULL); }
static const char *no_need(void)
{
    return subst(subst(voirie(), "\"service_need\": \"documented\"", "\"service_need\": \"none\""),
                 "\"id\": \"signalements-voirie\"", "\"id\": \"sans-besoin\"");
}

static void test_formats(void)
{
    const char *docs[2];
    const bsl_result *grid[4];
    bsl_result *owned[4];
    char *out = NULL, *again = NULL;
    size_t len = 0, i;
    docs[0] = voirie();
    docs[1] = no_need();
    for (i = 0; i < 4; i++)
        grid[i] = owned[i] = evaluate(fws[i % 2], docs[i / 2], NULL);
    CHECK(owned[0] && owned[1] && owned[2] && owned[3], "four evaluations");

    CHECK_INT(bsl_render_comparison(&out, &len, grid, 2, 2, BSL_FORMAT_JSON, BSL_LANG_EN, NULL), BSL_OK,
              "JSON comparison");
    CHECK_INT(strlen(out), len, "length");
    CHECK_CONTAINS(out, "\"format\": \"boussole-comparison/1\"", "format token");
    CHECK_CONTAINS(out, "\"id\": \"nantes-2024\",\n      \"version\": \"1.1.0\"", "first framework");
    CHECK_CONTAINS(out, "\"version\": \"1.0.0\"", "second framework");
    CHECK_CONTAINS(out, "\"framework\": \"nantes-2024\",\n          \"verdict\": \"unfavorable\"",
                   "no real interest: unfavorable under 1.1");
    CHECK_CONTAINS(out, "\"failed_conditions\": [\n            \"service_need\"\n          ]",
                   "and the condition that decided it");
    CHECK_CONTAINS(out, "\"verdict\": \"favorable_with_reservations\",\n          \"verdict_label\": "
                        "\"favorable with reservations\",\n          \"score\": 81.2",
                   "the voirie example as the report says");
    CHECK_CONTAINS(out, "\"vocabulary\": {\n      \"id\": \"boussole\"", "vocabulary provenance");
    CHECK_INT(bsl_render_comparison(&again, NULL, grid, 2, 2, BSL_FORMAT_JSON, BSL_LANG_EN, NULL), BSL_OK,
              "again");
    CHECK_STR(again, out, "deterministic");
    bsl_render_free(out);
    bsl_render_free(again);

    CHECK_INT(bsl_render_comparison(&out, NULL, grid, 2, 2, BSL_FORMAT_JSON_COMPACT, BSL_LANG_FR, NULL),
              BSL_OK, "compact");
    CHECK(strchr(out, '\n') == out + strlen(out) - 1, "compact: one line");
    bsl_render_free(out);

    CHECK_INT(bsl_render_comparison(&out, NULL, grid, 2, 2, BSL_FORMAT_TEXT, BSL_LANG_FR, NULL), BSL_OK,
              "text comparison");
    CHECK_CONTAINS(out, "Cas d'usage\xc2\xa0: Tri assist\xc3\xa9 par IA des signalements de voirie "
                        "[signalements-voirie]\n", "text: the use-case");
    CHECK_CONTAINS(out, "  nantes-2024                 d\xc3\xa9" "favorable                 ",
                   "text: a line per framework, in columns");
    CHECK_CONTAINS(out, "conditions n\xc3\xa9" "cessaires non remplies\xc2\xa0: service_need", "text: why");
    bsl_render_free(out);

    CHECK_INT(bsl_render_comparison(&out, NULL, grid, 2, 2, BSL_FORMAT_MARKDOWN, BSL_LANG_EN, NULL), BSL_OK,
              "Markdown comparison");
    CHECK_CONTAINS(out, "| Use-case | `nantes-2024` | `nantes-2024` |\n|---|---|---|\n", "the matrix header");
    CHECK_CONTAINS(out, "| unfavorable (", "a cell");
    CHECK_CONTAINS(out, "failed necessary conditions: `service_need`", "Markdown: why");
    bsl_render_free(out);

    /* Arguments. */
    out = (char *)&out;
    CHECK_INT(bsl_render_comparison(&out, NULL, grid, 0, 2, BSL_FORMAT_JSON, BSL_LANG_EN, NULL),
              BSL_ERR_ARG, "no use-case");
    CHECK(out == NULL, "out is NULL on failure");
    CHECK_INT(bsl_render_comparison(NULL, NULL, grid, 2, 2, BSL_FORMAT_JSON, BSL_LANG_EN, NULL),
              BSL_ERR_ARG, "NULL out");
    CHECK_INT(bsl_render_comparison(&out, NULL, grid, 2, 2, (bsl_format)9, BSL_LANG_EN, NULL),
              BSL_ERR_ARG, "unknown format");
    CHECK_INT(bsl_render_comparison(&out, NULL, grid, 1, 4, BSL_FORMAT_JSON, BSL_LANG_EN, NULL),
              BSL_ERR_ARG, "a row of two use-cases");
    CHECK_INT(bsl_render_comparison(&out, NULL, grid, 4, 1, BSL_FORMAT_JSON, BSL_LANG_EN, NULL),
              BSL_ERR_ARG, "a column of two frameworks");
    grid[3] = NULL;
    CHECK_INT(bsl_render_comparison(&out, NULL, grid, 2, 2, BSL_FORMAT_JSON, BSL_LANG_EN, NULL),
              BSL_ERR_ARG, "a NULL result");
    for (i = 0; i < 4; i++)
        bsl_result_free(owned[i]);
}

static const bsl_result *oom_grid[2];

static int call_compare(void *ctx, bsl_options *opts, void **out, bsl_error *err)
{
    (void)ctx;
    (void)opts; /* the buffer uses the allocator of the first result */
    return bsl_render_comparison((char **)out, NULL, oom_grid, 1, 2, BSL_FORMAT_MARKDOWN, BSL_LANG_FR, err);
}

static void test_out_of_memory(void)
{
    counting_alloc a;
    bsl_options opts;
    bsl_result *owned[2];
    ca_init(&a, &opts);
    oom_grid[0] = owned[0] = evaluate(fws[0], voirie(), &opts);
    oom_grid[1] = owned[1] = evaluate(fws[1], voirie(), &opts);
    oom_loop("bsl_render_comparison", call_compare, NULL, &a, &opts, tu_free_render);
    bsl_result_free(owned[0]);
    bsl_result_free(owned[1]);
    CHECK_INT(a.live, 0, "everything freed");
}

int main(void)
{
    CHECK_INT(bsl_framework_load_embedded(&fws[0], NULL, NULL, NULL), BSL_OK, "Nantes 1.1");
    CHECK_INT(bsl_framework_load_file(&fws[1], NANTES_1_0_PATH, NULL, NULL), BSL_OK, "Nantes 1.0");
    test_formats();
    test_out_of_memory();
    bsl_framework_free(fws[0]);
    bsl_framework_free(fws[1]);
    tu_cleanup();
    return check_done();
}
