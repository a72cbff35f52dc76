/* bsl_render(BSL_FORMAT_MARKDOWN): the sections of a result, hostile
 * use-case strings shown as text (never as emphasis, links, HTML or table
 * cells), and out-of-memory behaviour. */
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

static char *markdown(const bsl_result *r, bsl_lang lang)
{
    char *out = NULL;
    size_t len = 0;
    CHECK_INT(bsl_render(&out, &len, r, BSL_FORMAT_MARKDOWN, lang, NULL), BSL_OK, "render Markdown");
    CHECK_INT(out ? strlen(out) : 0, len, "length without the NUL");
    return out;
}

static void test_sections(void)
{
    bsl_result *r = evaluate(example(), NULL);
    char *en, *fr;
    if (!CHECK(r != NULL, "evaluate the example"))
        return;
    en = markdown(r, BSL_LANG_EN);
    fr = markdown(r, BSL_LANG_FR);
    CHECK(en && !strncmp(en, "# Verdict: incomplete\n", 22), "the verdict first, as a heading");
    CHECK_CONTAINS(en, "| Criterion | Score | Status | Title |\n|---|---:|---|---|\n", "a criteria table");
    CHECK_CONTAINS(en, "| C2 | 93.3 | incomplete | ", "a criterion row");
    CHECK_CONTAINS(en, "\n## Missing required facts\n", "missing facts");
    CHECK_CONTAINS(en, "\n## Reservations\n", "reservations");
    CHECK_CONTAINS(en, "- `hosting` = \xe2\x80\x94: *not answered (required)*", "no value: a dash");
    CHECK_CONTAINS(en, "- [ ] C1, `personal_data`: ", "remediations as a task list");
    CHECK_CONTAINS(en, "\n## Provenance\n", "provenance");
    CHECK(!strstr(strstr(en, "## Reservations"), "To do"), "reservations hold no remediation");
    CHECK(fr && !strncmp(fr, "# Verdict\xc2\xa0: \xc3\xa0 compl\xc3\xa9ter\n", 23), "in French");
    CHECK_CONTAINS(fr, "| C2 | 93,3 | ", "a decimal comma in French");
    bsl_render_free(en);
    bsl_render_free(fr);
    bsl_result_free(r);
}

/* Each hostile title, then the exact Markdown it must turn into. */
static const char *const HOSTILE[][2] = {
    {"**bold**", "\\*\\*bold\\*\\*"},
    {"[x](javascript:alert(1))", "\\[x\\](javascript:alert(1))"},
    {"<script>alert(1)</script>", "\\<script\\>alert(1)\\</script\\>"},
    {"a | b", "a \\| b"},
    {"`code`", "\\`code\\`"},
    {"line\\nbreak", "line<br>break"},
    {"esc\\u001b[2Jape", "esc \\[2Jape"},
};

static void test_hostile_strings(void)
{
    size_t i;
    for (i = 0; i < sizeof HOSTILE / sizeof HOSTILE[0]; i++) {
        char title[128], want[160], what[160];
        bsl_result *r;
        char *out;
        snprintf(title, sizeof title, "\"%s\"", HOSTILE[i][0]);
        snprintf(want, sizeof want, "- **Use-case**: %s (classement-courrier)\n", HOSTILE[i][1]);
        snprintf(what, sizeof what, "the title %s shown as text, no raw control character", HOSTILE[i][0]);
        r = evaluate(subst(example(), "\"Classement automatique du courrier entrant\"", title), NULL);
        if (!CHECK(r != NULL, what))
            continue;
        out = markdown(r, BSL_LANG_EN);
        CHECK_CONTAINS(out, want, what);
        CHECK(out && !strchr(out, '\x1b'), what);
        bsl_render_free(out);
        bsl_result_free(r);
    }
}

static const bsl_result *oom_result;

static int call_render(void *ctx, bsl_options *opts, void **out, bsl_error *err)
{
    (void)ctx;
    (void)opts; /* the buffer uses the allocator of the result */
    return bsl_render((char **)out, NULL, oom_result, BSL_FORMAT_MARKDOWN, BSL_LANG_FR, err);
}

static void test_out_of_memory(void)
{
    counting_alloc a;
    bsl_options opts;
    bsl_result *r;
    ca_init(&a, &opts);
    oom_result = r = evaluate(example(), &opts);
    if (CHECK(r != NULL, "evaluate with a counting allocator"))
        oom_loop("bsl_render markdown", call_render, NULL, &a, &opts, tu_free_render);
    bsl_result_free(r);
    CHECK_INT(a.live, 0, "everything freed");
}

int main(void)
{
    CHECK_INT(bsl_framework_load_embedded(&fw, NULL, NULL, NULL), BSL_OK, "the default framework");
    test_sections();
    test_hostile_strings();
    test_out_of_memory();
    bsl_framework_free(fw);
    tu_cleanup();
    return check_done();
}
