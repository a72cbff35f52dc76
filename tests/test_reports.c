/* The HTML and SVG renderers through the C API: well-formed output for
 * every example, hostile use-case strings escaped, the formats refused
 * where they do not apply, numbers unchanged by the locale, and
 * out-of-memory at every allocation of each renderer. */
#include "check.h"
#include "testutil.h"
#include "../fuzz/markup_check.h"

#include <locale.h>

static bsl_framework *nantes;
static bsl_result *oom_result;

static bsl_result *evaluate_example(const char *name, const bsl_options *opts)
{
    char path[512];
    size_t len;
    const char *data;
    bsl_result *r = NULL;
    snprintf(path, sizeof path, SRCDIR "/examples/usecases/%s.json", name);
    data = read_file(path, &len);
    if (!data || bsl_evaluate_json(&r, nantes, data, len, opts, NULL) != BSL_OK)
        return NULL;
    return r;
}

static void test_wellformed(void)
{
    size_t i;
    int lang, bad = 0;
    for (i = 0; i < EXAMPLE_COUNT; i++) {
        bsl_result *r = evaluate_example(EXAMPLES[i], NULL);
        for (lang = 0; lang < 2 && r; lang++) {
            char *html = NULL, *svg = NULL;
            size_t hlen = 0, slen = 0, at;
            if (bsl_render(&html, &hlen, r, BSL_FORMAT_HTML, (bsl_lang)lang, NULL) != BSL_OK ||
                bsl_render(&svg, &slen, r, BSL_FORMAT_SVG, (bsl_lang)lang, NULL) != BSL_OK) {
                bad++;
            } else {
                if ((at = mc_check(html, hlen, 1)) != 0 && !bad++)
                    printf("# %s HTML: not well-formed at byte %zu: %.40s\n", EXAMPLES[i], at - 1,
                           html + at - 1);
                if ((at = mc_check(svg, slen, 0)) != 0 && !bad++)
                    printf("# %s SVG: not well-formed at byte %zu\n", EXAMPLES[i], at - 1);
                if (!strstr(html, "<svg ") || strstr(html, "<script") || strstr(svg, "<script"))
                    bad++;
            }
            bsl_render_free(html);
            bsl_render_free(svg);
        }
        if (!r)
            bad++;
        bsl_result_free(r);
    }
    CHECK_INT(bad, 0, "every example renders well-formed HTML (SVG inline) and SVG, no script");
    /* the checker itself tells bad markup from good */
    CHECK(mc_check("<p>a &amp; b</p>", 16, 1) == 0, "checker: good markup passes");
    CHECK(mc_check("<p>a & b</p>", 12, 1) != 0, "checker: a bare & fails");
    CHECK(mc_check("<p><b>x</p></b>", 15, 1) != 0, "checker: crossed tags fail");
    CHECK(mc_check("<p title=\"<\">x</p>", 18, 1) != 0, "checker: '<' in a value fails");
    CHECK(mc_check("<p>", 3, 1) != 0, "checker: an unclosed element fails");
}

static void test_hostile_strings(void)
{
    static const char doc[] =
        "{\"id\": \"x\", \"title\": \"<script>alert(1)</script> ](javascript:x) & \\\"q\\\" 'a' "
        "\\u202e \\u0007 ]]>\", \"facts\": {\"hosting\": \"eu\"}, "
        "\"evidence\": {\"hosting\": \"</td><img src=x onerror=alert(1)>\"}}";
    bsl_result *r = NULL;
    bsl_format formats[2] = {BSL_FORMAT_HTML, BSL_FORMAT_SVG};
    int f;
    CHECK_INT(bsl_evaluate_json(&r, nantes, doc, strlen(doc), NULL, NULL), BSL_OK, "hostile strings evaluate");
    for (f = 0; f < 2 && r; f++) {
        char *out = NULL;
        size_t len = 0;
        CHECK_INT(bsl_render(&out, &len, r, formats[f], BSL_LANG_EN, NULL), BSL_OK, "hostile: render");
        if (!out)
            continue;
        CHECK(!strstr(out, "<script") && !strstr(out, "<img") && !strstr(out, "]]>"),
              f ? "SVG: no element or CDATA end from the use-case" : "HTML: no element from the use-case");
        CHECK(strstr(out, "&lt;script&gt;alert(1)&lt;/script&gt; ](javascript:x) &amp; &quot;q&quot; &#39;a&#39;") != NULL,
              f ? "SVG: the title as escaped text" : "HTML: the title as escaped text");
        CHECK(!strstr(out, "\xe2\x80\xae") && !memchr(out, '\a', len) && strstr(out, "\xef\xbf\xbd"),
              f ? "SVG: the override and the control shown as U+FFFD" : "HTML: the override and the control shown as U+FFFD");
        CHECK(mc_check(out, len, !f) == 0, f ? "hostile: SVG well-formed" : "hostile: HTML well-formed");
        bsl_render_free(out);
    }
    bsl_result_free(r);
}

static void test_formats_refused_elsewhere(void)
{
    char *out = (char *)&out;
    const bsl_result *one[1];
    bsl_result *r = evaluate_example("classement-courrier", NULL);
    CHECK_INT(bsl_framework_describe(&out, NULL, nantes, BSL_FORMAT_HTML, BSL_LANG_FR, NULL), BSL_ERR_ARG,
              "describe refuses HTML");
    CHECK(out == NULL, "describe: out is NULL");
    out = (char *)&out;
    CHECK_INT(bsl_framework_describe(&out, NULL, nantes, BSL_FORMAT_SVG, BSL_LANG_FR, NULL), BSL_ERR_ARG,
              "describe refuses SVG");
    one[0] = r;
    CHECK_INT(bsl_render_comparison(&out, NULL, one, 1, 1, BSL_FORMAT_HTML, BSL_LANG_FR, NULL), BSL_ERR_ARG,
              "a comparison refuses HTML");
    CHECK_INT(bsl_render(&out, NULL, r, (bsl_format)6, BSL_LANG_FR, NULL), BSL_ERR_ARG,
              "bsl_render refuses an unknown format");
    bsl_result_free(r);
}

/* Coordinates and scores never go through printf: a locale with a
 * decimal comma changes nothing. */
static void test_locale_independent(void)
{
    bsl_result *r = evaluate_example("signalements-voirie", NULL);
    char *before = NULL, *after = NULL;
    const char *set;
    if (!r || bsl_render(&before, NULL, r, BSL_FORMAT_SVG, BSL_LANG_EN, NULL) != BSL_OK) {
        CHECK(0, "render the SVG");
        bsl_result_free(r);
        return;
    }
    set = setlocale(LC_ALL, "fr_FR.UTF-8");
    if (!set)
        set = setlocale(LC_ALL, "de_DE.UTF-8");
    bsl_render(&after, NULL, r, BSL_FORMAT_SVG, BSL_LANG_EN, NULL);
    setlocale(LC_ALL, "C");
    CHECK(after && !strcmp(before, after), set ? "SVG bytes unchanged under a decimal-comma locale"
                                               : "SVG bytes unchanged (no decimal-comma locale installed)");
    bsl_render_free(before);
    bsl_render_free(after);
    bsl_result_free(r);
}

static int call_render_html(void *ctx, bsl_options *opts, void **out, bsl_error *err)
{
    (void)opts;
    return bsl_render((char **)out, NULL, oom_result, BSL_FORMAT_HTML, *(bsl_lang *)ctx, err);
}
static int call_render_svg(void *ctx, bsl_options *opts, void **out, bsl_error *err)
{
    (void)opts;
    return bsl_render((char **)out, NULL, oom_result, BSL_FORMAT_SVG, *(bsl_lang *)ctx, err);
}
static void free_render(void *p) { bsl_render_free(p); }

static void test_out_of_memory(void)
{
    /* one example with red lines and criteria without a score, one plain */
    static const char *const names[] = {"videoprotection-tramway-reconnaissance-faciale",
                                        "signalements-voirie"};
    counting_alloc a;
    bsl_options opts;
    size_t i;
    for (i = 0; i < 2; i++) {
        bsl_lang lang = (bsl_lang)i;
        ca_init(&a, &opts);
        oom_result = evaluate_example(names[i], &opts);
        if (!CHECK(oom_result != NULL, "evaluate with a counting allocator"))
            continue;
        oom_loop("bsl_render HTML", call_render_html, &lang, &a, &opts, free_render);
        oom_loop("bsl_render SVG", call_render_svg, &lang, &a, &opts, free_render);
        bsl_result_free(oom_result);
        CHECK_INT(a.live, 0, "render out of memory: nothing left");
    }
}

int main(void)
{
    if (bsl_framework_load_embedded(&nantes, NULL, NULL, NULL) != BSL_OK) {
        printf("Bail out! cannot load the default framework\n");
        return 1;
    }
    test_wellformed();
    test_hostile_strings();
    test_formats_refused_elsewhere();
    test_locale_independent();
    test_out_of_memory();
    bsl_framework_free(nantes);
    tu_cleanup();
    return check_done();
}
