/* bsl_render_options, version 1 and 2: bsl_render_options_init() writes
 * the fields of the version asked and no more, version 1 is still
 * accepted (its struct has no plan_max_nodes, which is then not read), and
 * version 2's plan_max_nodes is the search budget of the plan of the text,
 * Markdown and HTML reports, the same budget as bsl_whatif_options.max_nodes. */
#include "check.h"
#include "testutil.h"

#include <stdarg.h>

static bsl_framework *fw;

/* CHECK with a printf-style description. */
#if defined(__GNUC__)
static int check_f(int ok, const char *file, int line, const char *fmt, ...) __attribute__((format(printf, 4, 5)));
#endif
static int check_f(int ok, const char *file, int line, const char *fmt, ...)
{
    char what[160];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    return check_report_(ok, file, line, what);
}
#define CHECKF(cond, ...) check_f(!!(cond), __FILE__, __LINE__, __VA_ARGS__)

/* A Nantes example below favorable whose plan takes some hundreds of
 * states: a budget of 10 runs out, the default does not. */
#define EXAMPLE SRCDIR "/examples/usecases/classement-courrier.json"

static const bsl_format reports[] = {BSL_FORMAT_TEXT, BSL_FORMAT_MARKDOWN, BSL_FORMAT_HTML};
static const char *const limit_words[] = {"Limite de recherche atteinte", "Search limit reached"};

static char *render(const bsl_result *r, bsl_format format, bsl_lang lang, const bsl_render_options *o)
{
    char *out = NULL;
    bsl_error err;
    if (bsl_render_with_options(&out, NULL, r, format, lang, o, &err) != BSL_OK)
        printf("# render: %s\n", err.message);
    return out;
}

static void test_init_versions(void)
{
    bsl_render_options o;
    memset(&o, 0x5A, sizeof o);
    o.plan_max_nodes = 777;
    CHECK_INT(bsl_render_options_init(&o, 1), BSL_OK, "init version 1");
    CHECK(o.version == 1 && o.width == 0 && o.flags == 0, "version 1: its fields at their defaults");
    CHECK_INT((long)o.plan_max_nodes, 777, "version 1: plan_max_nodes, not in its struct, not written");
    CHECK_INT(bsl_render_options_init(&o, 2), BSL_OK, "init version 2");
    CHECK(o.version == 2 && o.width == 0 && o.flags == 0 && o.plan_max_nodes == 0,
          "version 2: every field at its default");
    CHECK_INT(BSL_RENDER_OPTIONS_VERSION, 2, "the header describes version 2");
    o.plan_max_nodes = 5;
    CHECK_INT(bsl_render_options_init(&o, 0), BSL_ERR_ARG, "version 0 refused");
    CHECK_INT(bsl_render_options_init(&o, 3), BSL_ERR_ARG, "version 3 refused");
    CHECK(o.version == 2 && o.plan_max_nodes == 5, "left untouched on failure");
}

/* Version 1 renders as before, whatever lies where version 2 keeps its
 * budget; an unknown version is refused. */
static void test_version_1_accepted(const bsl_result *r)
{
    bsl_render_options v1 = BSL_RENDER_OPTIONS_INIT;
    size_t i;
    v1.version = 1;
    v1.plan_max_nodes = 1; /* not the caller's: a version-1 struct ends before it */
    for (i = 0; i < sizeof reports / sizeof reports[0]; i++) {
        char *def = render(r, reports[i], BSL_LANG_EN, NULL), *old = render(r, reports[i], BSL_LANG_EN, &v1);
        CHECKF(def && old && !strcmp(def, old), "format %d: version 1 gives the default report",
              (int)reports[i]);
        CHECKF(old && !strstr(old, limit_words[1]), "format %d: version 1 does not read plan_max_nodes",
              (int)reports[i]);
        bsl_render_free(def);
        bsl_render_free(old);
    }
    v1.flags = BSL_RENDER_NO_PLAN;
    {
        char *out = render(r, BSL_FORMAT_MARKDOWN, BSL_LANG_EN, &v1);
        CHECK(out && !strstr(out, "To reach"), "version 1 with BSL_RENDER_NO_PLAN: no section");
        bsl_render_free(out);
    }
    v1.version = 3;
    {
        char *out = (char *)&out;
        CHECK_INT(bsl_render_with_options(&out, NULL, r, BSL_FORMAT_TEXT, BSL_LANG_EN, &v1, NULL),
                  BSL_ERR_ARG, "version 3 refused");
        CHECK(out == NULL, "no output");
    }
}

/* A budget of 10 states: every report says the search limit was reached,
 * in both languages; 0 and a budget the search does not exhaust give the
 * default report, byte for byte. */
static void test_budget_in_reports(const bsl_result *r)
{
    size_t i;
    int lang;
    for (lang = 0; lang < 2; lang++)
        for (i = 0; i < sizeof reports / sizeof reports[0]; i++) {
            bsl_render_options o = BSL_RENDER_OPTIONS_INIT;
            char *def = render(r, reports[i], (bsl_lang)lang, NULL), *small, *zero, *large;
            o.plan_max_nodes = 10;
            small = render(r, reports[i], (bsl_lang)lang, &o);
            o.plan_max_nodes = 0;
            zero = render(r, reports[i], (bsl_lang)lang, &o);
            o.plan_max_nodes = 100u * BSL_WHATIF_DEFAULT_MAX_NODES;
            large = render(r, reports[i], (bsl_lang)lang, &o);
            CHECKF(def && !strstr(def, limit_words[lang]), "format %d lang %d: the default search completes",
                  (int)reports[i], lang);
            CHECKF(small && strstr(small, limit_words[lang]), "format %d lang %d: 10 states: limit reached",
                  (int)reports[i], lang);
            CHECKF(def && zero && !strcmp(def, zero), "format %d lang %d: 0 is the default",
                  (int)reports[i], lang);
            CHECKF(def && large && !strcmp(def, large), "format %d lang %d: a budget not used up changes nothing",
                  (int)reports[i], lang);
            bsl_render_free(def);
            bsl_render_free(small);
            bsl_render_free(zero);
            bsl_render_free(large);
        }
}

/* The Markdown report's section is the plan bsl_whatif() finds with the
 * same budget, as bsl_whatif_render() writes it (after its title lines). */
static void test_same_plan_as_whatif(const bsl_result *r, const bsl_usecase *uc)
{
    static const unsigned budgets[] = {1, 10, 100, 1000, 0};
    size_t i;
    for (i = 0; i < sizeof budgets / sizeof budgets[0]; i++) {
        bsl_render_options o = BSL_RENDER_OPTIONS_INIT;
        bsl_whatif_options wo = BSL_WHATIF_OPTIONS_INIT;
        bsl_whatif_plan *p = NULL;
        char *report, *alone = NULL;
        const char *section, *body;
        o.plan_max_nodes = wo.max_nodes = budgets[i];
        report = render(r, BSL_FORMAT_MARKDOWN, BSL_LANG_FR, &o);
        CHECK_INT(bsl_whatif(&p, &uc, 1, &wo, NULL), BSL_OK, "bsl_whatif");
        CHECK_INT(bsl_whatif_render(&alone, NULL, p, BSL_FORMAT_MARKDOWN, BSL_LANG_FR, NULL), BSL_OK,
                  "bsl_whatif_render");
        section = report ? strstr(report, "\n## Pour atteindre") : NULL;
        body = alone ? strstr(alone, "\n## Pour atteindre") : NULL;
        /* the report's section ends where its provenance begins */
        if (CHECKF(section && body, "budget %u: both hold the section", budgets[i])) {
            const char *end = strstr(section + 1, "\n## ");
            size_t n = end ? (size_t)(end - section) : 0;
            CHECKF(n > 0 && !strncmp(section, body, n) && (body[n] == '\0' || body[n] == '\n'),
                  "budget %u: the report's section is bsl_whatif's plan", budgets[i]);
        }
        CHECKF(bsl_whatif_search_limit_reached(p) == (budgets[i] && budgets[i] <= 100),
               "budget %u: the search limit reached below the few hundred states it needs", budgets[i]);
        bsl_render_free(report);
        bsl_render_free(alone);
        bsl_whatif_free(p);
    }
}

int main(void)
{
    const char *doc;
    bsl_result *r = NULL;
    bsl_usecase *uc = NULL;
    CHECK_INT(bsl_framework_load_embedded(&fw, NULL, NULL, NULL), BSL_OK, "the default framework");
    test_init_versions();
    doc = read_file(EXAMPLE, NULL);
    CHECK_INT(bsl_evaluate_json(&r, fw, doc, strlen(doc), NULL, NULL), BSL_OK, "evaluate the example");
    CHECK_INT(bsl_usecase_parse(&uc, fw, doc, strlen(doc), NULL, NULL), BSL_OK, "parse the example");
    if (CHECK(r && uc && bsl_result_verdict(r) < BSL_VERDICT_FAVORABLE, "the example is below favorable")) {
        test_version_1_accepted(r);
        test_budget_in_reports(r);
        test_same_plan_as_whatif(r, uc);
    }
    bsl_usecase_free(uc);
    bsl_result_free(r);
    bsl_framework_free(fw);
    tu_cleanup();
    return check_done();
}
