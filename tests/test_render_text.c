/* The text report's layout through bsl_render_with_options(): its width,
 * its colour (only the report's own markers and headings, never a
 * use-case string), the options' version, and out-of-memory behaviour. */
#include "check.h"
#include "testutil.h"

static bsl_framework *fw;

static bsl_result *evaluate(const char *doc, const bsl_options *opts)
{
    bsl_result *r = NULL;
    bsl_error err;
    if (bsl_evaluate_json(&r, fw, doc, strlen(doc), opts, &err))
        printf("# %s at %s\n", err.message, err.path);
    return r;
}

static const char *example(void)
{
    return read_file(SRCDIR "/examples/usecases/classement-courrier.json", NULL);
}

/* The widest line of s in characters, SGR escapes not counted. */
static size_t widest(const char *s)
{
    size_t best = 0, col = 0;
    for (; *s; s++) {
        if (*s == '\n') {
            col = 0;
            continue;
        }
        if (*s == '\x1b') {
            while (*s && *s != 'm')
                s++;
            continue;
        }
        col += ((unsigned char)*s & 0xC0) != 0x80;
        if (col > best)
            best = col;
    }
    return best;
}

static char *text(const bsl_result *r, unsigned width, unsigned flags)
{
    bsl_render_options o;
    char *out = NULL;
    CHECK_INT(bsl_render_options_init(&o, BSL_RENDER_OPTIONS_VERSION), BSL_OK, "options init");
    o.width = width;
    o.flags = flags;
    CHECK_INT(bsl_render_with_options(&out, NULL, r, BSL_FORMAT_TEXT, BSL_LANG_EN, &o, NULL), BSL_OK,
              "render text with options");
    return out;
}

static void test_width_and_defaults(void)
{
    bsl_result *r = evaluate(example(), NULL);
    char *plain = NULL, *w80, *w120, *w10, *w40;
    if (!CHECK(r != NULL, "evaluate the example"))
        return;
    CHECK_INT(bsl_render(&plain, NULL, r, BSL_FORMAT_TEXT, BSL_LANG_EN, NULL), BSL_OK, "bsl_render");
    w80 = text(r, 0, 0);
    CHECK_STR(w80, plain, "width 0 is 80 columns, what bsl_render writes");
    CHECK(widest(w80) <= 80, "80 columns");
    w120 = text(r, 120, 0);
    CHECK(widest(w120) <= 120 && widest(w120) > 80, "120 columns used");
    w10 = text(r, 10, 0);
    w40 = text(r, 40, 0);
    CHECK_STR(w10, w40, "below 40 counts as 40");
    CHECK_CONTAINS(w40, "\n      [ok] legal_basis = \"validated\"\n", "40 columns: wrapped");
    CHECK(!strchr(w80, '\x1b'), "no colour unless asked");
    CHECK_CONTAINS(w80, "hosted?). Allowed values: non_eu, eu, france.\n",
                   "a missing fact with its allowed values");
    bsl_render_free(plain);
    bsl_render_free(w80);
    bsl_render_free(w120);
    bsl_render_free(w10);
    bsl_render_free(w40);
    bsl_result_free(r);
}

static void test_colour(void)
{
    /* A title whose words look like a marker and an escape, long enough to
     * wrap so that "[!!]" starts a continuation line. */
    const char *doc = subst(example(), "\"Classement automatique du courrier entrant\"",
                            "\"Classement automatique du courrier entrant et encore des mots "
                            "pour passer la ligne [!!] \\u001b[31m rouge\"");
    bsl_result *r = evaluate(doc, NULL);
    char *c;
    const char *p;
    int painted = 0;
    if (!CHECK(r != NULL, "evaluate a hostile title"))
        return;
    c = text(r, 0, BSL_RENDER_COLOR);
    CHECK(c && !strncmp(c, "\x1b[1mVerdict: ", 13), "the verdict in bold");
    CHECK_CONTAINS(c, "\n\x1b[1mCriteria:\x1b[0m\n", "headings in bold");
    CHECK_CONTAINS(c, "      \x1b[32m[ok]\x1b[0m legal_basis", "an [ok] marker in green");
    CHECK_CONTAINS(c, "\\u001b[31m", "the title's escape stays escaped");
    for (p = c; (p = strchr(p, '\x1b')) != NULL; p++)
        painted += !strncmp(p, "\x1b[1;31m[!!]", 11);
    CHECK_INT(painted, 0, "the title's [!!] is not painted (this use-case has no red line)");
    CHECK(widest(c) <= 80, "colour does not count as columns");
    bsl_render_free(c);
    bsl_result_free(r);
}

static void test_arguments(void)
{
    bsl_render_options o = BSL_RENDER_OPTIONS_INIT;
    bsl_result *r = evaluate(example(), NULL);
    char *out = (char *)&out;
    bsl_error err;
    CHECK_INT(bsl_render_options_init(NULL, BSL_RENDER_OPTIONS_VERSION), BSL_ERR_ARG, "init: NULL");
    CHECK_INT(bsl_render_options_init(&o, 99), BSL_ERR_ARG, "init: unknown version");
    o.version = 99;
    CHECK_INT(bsl_render_with_options(&out, NULL, r, BSL_FORMAT_TEXT, BSL_LANG_EN, &o, &err), BSL_ERR_ARG,
              "unknown options version");
    CHECK(out == NULL && err.code == BSL_ERR_ARG, "no output, error filled");
    o.version = BSL_RENDER_OPTIONS_VERSION;
    o.flags = 4;
    CHECK_INT(bsl_render_with_options(&out, NULL, r, BSL_FORMAT_TEXT, BSL_LANG_EN, &o, &err), BSL_ERR_ARG,
              "unknown flags");
    o.flags = BSL_RENDER_COLOR;
    CHECK_INT(bsl_render_with_options(&out, NULL, r, BSL_FORMAT_JSON, BSL_LANG_EN, &o, &err), BSL_OK,
              "JSON ignores the layout");
    CHECK(out && !strchr(out, '\x1b'), "no colour in JSON");
    bsl_render_free(out);
    bsl_result_free(r);
}

/* The what-if section: in the text, Markdown and HTML reports of a use-case
 * below favorable by default; BSL_RENDER_NO_PLAN leaves it out and nothing else. */
static void test_plan_section(void)
{
    static const struct { bsl_format format; const char *heading; } reports[] = {
        {BSL_FORMAT_TEXT, "To reach \"favorable\""},
        {BSL_FORMAT_MARKDOWN, "To reach \"favorable\""},
        {BSL_FORMAT_HTML, "<h2 id=\"whatif\">"},
    };
    bsl_result *r = evaluate(example(), NULL);
    size_t i;
    if (!CHECK(r != NULL && bsl_result_verdict(r) < BSL_VERDICT_FAVORABLE, "an example below favorable"))
        return;
    for (i = 0; i < sizeof reports / sizeof reports[0]; i++) {
        bsl_render_options o = BSL_RENDER_OPTIONS_INIT;
        char *with = NULL, *without = NULL;
        CHECK_INT(bsl_render_with_options(&with, NULL, r, reports[i].format, BSL_LANG_EN, &o, NULL),
                  BSL_OK, "render with the plan");
        o.flags = BSL_RENDER_NO_PLAN;
        CHECK_INT(bsl_render_with_options(&without, NULL, r, reports[i].format, BSL_LANG_EN, &o, NULL),
                  BSL_OK, "render without the plan");
        if (with && without) {
            CHECK(strstr(with, reports[i].heading) != NULL, "the section by default");
            CHECK(strstr(without, reports[i].heading) == NULL, "BSL_RENDER_NO_PLAN leaves it out");
            CHECK(strlen(without) < strlen(with) && strstr(without, "Provenance") &&
                      strstr(with, "Provenance") &&
                      !strcmp(strstr(without, "Provenance"), strstr(with, "Provenance")),
                  "the same report after the section");
        }
        bsl_render_free(with);
        bsl_render_free(without);
    }
    bsl_result_free(r);
}

static const bsl_result *oom_result;

static int call_render(void *ctx, bsl_options *opts, void **out, bsl_error *err)
{
    bsl_render_options o = BSL_RENDER_OPTIONS_INIT;
    (void)ctx;
    (void)opts; /* the buffer uses the allocator of the result */
    o.flags = BSL_RENDER_COLOR;
    return bsl_render_with_options((char **)out, NULL, oom_result, BSL_FORMAT_TEXT, BSL_LANG_FR, &o, err);
}

static void test_out_of_memory(void)
{
    counting_alloc a;
    bsl_options opts;
    bsl_result *r;
    ca_init(&a, &opts);
    oom_result = r = evaluate(example(), &opts);
    if (CHECK(r != NULL, "evaluate with a counting allocator"))
        oom_loop("text report with colour", call_render, NULL, &a, &opts, tu_free_render);
    bsl_result_free(r);
    CHECK_INT(a.live, 0, "everything freed");
}

int main(void)
{
    CHECK_INT(bsl_framework_load_embedded(&fw, NULL, NULL, NULL), BSL_OK, "the default framework");
    test_width_and_defaults();
    test_colour();
    test_arguments();
    test_plan_section();
    test_out_of_memory();
    bsl_framework_free(fw);
    tu_cleanup();
    return check_done();
}
