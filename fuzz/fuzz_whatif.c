/* What-if plans for untrusted use-case JSON against the embedded default
 * framework: bsl_whatif (at most 4 changes, so that each input stays fast)
 * and bsl_whatif_render in every format and language.
 *
 * Invariants: a use-case that does not parse gets no plan; a plan that is
 * reachable, applied to the use-case (each change written into its
 * answers) and evaluated again by bsl_evaluate, gives the verdict and score
 * it announces, and that verdict reaches the target; an unreachable plan
 * has no change; every rendering succeeds. */
#include "fuzz_common.h"
#include "usecase.h"
#include "result.h"

#include <stdlib.h>

/* Write change c of plan p into answers (indexed like fw's indicators). */
static void apply_change(const bsl_framework *fw, bsl_answer *answers, const bsl_whatif_plan *p, size_t c)
{
    const char *fact = bsl_whatif_change_fact(p, c), *to = bsl_whatif_change_to(p, c);
    size_t i = bsl_framework_find_fact(fw, fact, strlen(fact));
    const bsl_indicator *ind;
    bsl_answer *a;
    FZ_CHECK(i != SIZE_MAX, "change %zu: fact %s not read by the framework", c, fact);
    ind = &fw->indicators[i];
    a = &answers[i];
    a->present = 1;
    switch (ind->type) {
    case BSL_FACT_BOOLEAN: a->outcome = !strcmp(to, "true"); break;
    case BSL_FACT_ENUM:
        a->outcome = bsl_indicator_find_level(ind, to + 1, strlen(to) - 2);
        FZ_CHECK(a->outcome != SIZE_MAX, "change %zu: unknown level %s", c, to);
        break;
    case BSL_FACT_NUMBER: a->number = strtod(to, NULL); break;
    case BSL_FACT_SET: a->member_count = strcmp(to, "[]") != 0; break;
    default:
        a->text = strcmp(to, "\"\"") ? "given" : "";
        a->text_len = strlen(a->text);
    }
    a->json = to;
    a->json_is_shared = 1;
}

static void check_plan(const bsl_usecase *uc, const bsl_whatif_plan *p)
{
    const bsl_framework *fw = uc->fw;
    bsl_usecase copy = *uc;
    bsl_answer *answers = malloc((fw->indicator_count + 1) * sizeof *answers);
    bsl_result *r = NULL;
    size_t c;
    FZ_CHECK(answers != NULL, "out of memory");
    memcpy(answers, uc->facts, fw->indicator_count * sizeof *answers);
    for (c = 0; c < bsl_whatif_change_count(p); c++)
        apply_change(fw, answers, p, c);
    copy.facts = answers;
    FZ_CHECK(bsl_evaluate(&r, fw, &copy, NULL) == BSL_OK, "evaluate after the plan");
    FZ_CHECK(bsl_result_verdict(r) == bsl_whatif_verdict_after(p, 0), "verdict after: %d announced, %d evaluated",
             bsl_whatif_verdict_after(p, 0), bsl_result_verdict(r));
    FZ_CHECK(bsl_result_score(r) == bsl_whatif_score_after(p, 0), "score after: %g announced, %g evaluated",
             bsl_whatif_score_after(p, 0), bsl_result_score(r));
    if (bsl_whatif_reachable(p))
        FZ_CHECK(bsl_result_verdict(r) >= bsl_whatif_target(p), "the plan reaches the target");
    else
        FZ_CHECK(bsl_whatif_change_count(p) == 0, "an unreachable plan has no change");
    bsl_result_free(r);
    free(answers);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const bsl_format formats[] = {BSL_FORMAT_JSON, BSL_FORMAT_JSON_COMPACT, BSL_FORMAT_TEXT,
                                         BSL_FORMAT_MARKDOWN};
    const char *in = (const char *)data;
    bsl_whatif_options wo = BSL_WHATIF_OPTIONS_INIT;
    bsl_usecase *uc = NULL;
    bsl_whatif_plan *p = NULL;
    size_t i;
    if (bsl_usecase_parse(&uc, fz_default_framework(), in, size, NULL, NULL) != BSL_OK)
        return 0;
    wo.max_changes = 4;
    wo.target = size && (data[0] & 1) ? BSL_VERDICT_FAVORABLE_WITH_RESERVATIONS : BSL_VERDICT_FAVORABLE;
    FZ_CHECK(bsl_whatif(&p, (const bsl_usecase *const *)&uc, 1, &wo, NULL) == BSL_OK, "bsl_whatif");
    check_plan(uc, p);
    for (i = 0; i < 4; i++) {
        char *out = NULL;
        FZ_CHECK(bsl_whatif_render(&out, NULL, p, formats[i], (bsl_lang)(i & 1), NULL) == BSL_OK, "render %zu", i);
        bsl_render_free(out);
    }
    bsl_whatif_free(p);
    bsl_usecase_free(uc);
    return 0;
}
