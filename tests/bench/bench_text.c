/* The text report alone, for instruction counts: parses each example
 * use-case, evaluates it and renders its text report (French and English,
 * without the what-if plan) rounds times. Under
 *   valgrind --tool=callgrind build/tests/bench/bench_text examples/usecases/ *.json
 * the inclusive cost of bsl_render_text and of bsl_usecase_parse divided by
 * their calls gives instructions per report and per parse, figures that a
 * loaded machine does not blur (issue 14: render text at most parse). */
#include <boussole.h>

#include "../testutil.h"

/* Parse, evaluate and render one use-case in both languages; the bytes
 * written, or 0 on any failure. */
static size_t report(const bsl_framework *fw, const char *doc, size_t len)
{
    static const bsl_lang langs[] = {BSL_LANG_FR, BSL_LANG_EN};
    bsl_render_options ro = BSL_RENDER_OPTIONS_INIT;
    bsl_usecase *uc;
    bsl_result *r;
    bsl_error err;
    size_t total = 0, l;
    ro.flags = BSL_RENDER_NO_PLAN;
    if (bsl_usecase_parse(&uc, fw, doc, len, NULL, &err))
        return 0;
    if (bsl_evaluate(&r, fw, uc, &err)) {
        bsl_usecase_free(uc);
        return 0;
    }
    for (l = 0; l < 2; l++) {
        char *out;
        size_t n;
        if (bsl_render_with_options(&out, &n, r, BSL_FORMAT_TEXT, langs[l], &ro, &err) == BSL_OK)
            total += n;
        bsl_render_free(out);
    }
    bsl_result_free(r);
    bsl_usecase_free(uc);
    return total;
}

int main(int argc, char **argv)
{
    enum { ROUNDS = 20 };
    bsl_framework *fw;
    bsl_error err;
    size_t bytes = 0, reports = 0;
    int i, k;
    if (argc < 2 || bsl_framework_load_embedded(&fw, NULL, NULL, &err)) {
        fprintf(stderr, "usage: bench_text USECASE.json...\n");
        return 1;
    }
    for (i = 1; i < argc; i++) {
        size_t len, n = 0;
        char *doc = read_file(argv[i], &len);
        for (k = 0; doc && k < ROUNDS; k++)
            n += report(fw, doc, len);
        free(doc);
        if (!n) {
            fprintf(stderr, "bench_text: %s: cannot read, parse or render\n", argv[i]);
            bsl_framework_free(fw);
            return 1;
        }
        bytes += n;
        reports += 2 * ROUNDS;
    }
    printf("%zu reports, %.0f bytes on average\n", reports, (double)bytes / reports);
    bsl_framework_free(fw);
    return 0;
}
