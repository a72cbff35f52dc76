/* bsl_whatif(): the plan is minimal and right.
 *
 * - An exhaustive search over every plan of up to three changes (every
 *   actionable fact, every value that gives another outcome) agrees with
 *   bsl_whatif() on reachability within three and on the minimal size, and
 *   on the best score after among minimal plans; on the examples under each
 *   embedded framework, on all of them at once, and on small generated
 *   frameworks with red lines, necessary conditions, required facts and
 *   applies_if conditions.
 * - The scorer the search runs on agrees with bsl_evaluate() on every plan
 *   and on random variants of every example.
 * - The search budget: a framework whose tied plans exceed the default
 *   one, and a budget too small for an example, say so in the plan and in
 *   the reports, which still render; version 1 options still work.
 * - Arguments, options, bad input and out of memory. */
#include "check.h"
#include "testutil.h"
#include "whatif_facts.h"
#include "usecase.h"
#include "result.h"

#include <math.h>
#include <stdint.h>

/* ---- the exhaustive oracle -------------------------------------------- */

typedef struct oracle {
    const bsl_framework **fw;
    size_t nfw;
    wi_facts f;
    int **slot;
    wi_score *sc;
    bsl_verdict target;
    size_t best_size;   /* SIZE_MAX: none within 3 */
    double best_score;
} oracle;

static int reached(oracle *o)
{
    size_t f;
    for (f = 0; f < o->nfw; f++) {
        bsl__wi_score(o->fw[f], o->slot[f], &o->sc[f]);
        if (o->sc[f].verdict < o->target)
            return 0;
    }
    return 1;
}

static void note(oracle *o, size_t size)
{
    double score = 0;
    size_t f;
    for (f = 0; f < o->nfw; f++)
        score += o->sc[f].score;
    if (size < o->best_size || (size == o->best_size && score > o->best_score)) {
        o->best_size = size;
        o->best_score = score;
    }
}

/* Set fact x to candidate k (save receives the old outcomes), or restore. */
static void set_fact(oracle *o, size_t x, size_t k, int *save, int restore)
{
    size_t f;
    for (f = 0; f < o->nfw; f++) {
        size_t i = o->f.facts[x].ind[f];
        if (i == SIZE_MAX)
            continue;
        if (restore) {
            o->slot[f][i] = save[f];
        } else {
            save[f] = o->slot[f][i];
            o->slot[f][i] = o->f.facts[x].cands[k].outcome[f];
        }
    }
}

/* Every plan of `left` more changes to facts after `from`. */
static void enumerate(oracle *o, size_t from, size_t size, size_t left)
{
    size_t x, k;
    int save[8];
    if (reached(o)) {
        note(o, size);
        return;
    }
    if (!left)
        return;
    for (x = from; x < o->f.count; x++) {
        if (!o->f.facts[x].actionable)
            continue;
        for (k = 0; k < o->f.facts[x].cand_count; k++) {
            set_fact(o, x, k, save, 0);
            enumerate(o, x + 1, size + 1, left - 1);
            set_fact(o, x, k, save, 1);
        }
    }
}

static void read_answers(const bsl_usecase *uc, int *slot)
{
    size_t i;
    for (i = 0; i < uc->fw->indicator_count; i++) {
        const bsl_indicator *ind = &uc->fw->indicators[i];
        const bsl_answer *a = &uc->facts[i];
        slot[i] = !a->present ? WI_MISSING
                : ind->type == BSL_FACT_NUMBER ? (int)bsl_indicator_band(ind, a->number)
                : ind->type == BSL_FACT_SET ? (a->member_count ? 1 : 0)
                : (int)a->outcome;
    }
}

/* The minimal size within 3 (SIZE_MAX: none) and the best score after. */
static void exhaustive(bsl_usecase *const *uc, size_t nfw, bsl_verdict target, oracle *o)
{
    static bsl_arena arena;
    const bsl_framework *fws[8];
    size_t f;
    bsl_arena_init(&arena, bsl_libc_allocator());
    memset(o, 0, sizeof *o);
    for (f = 0; f < nfw; f++)
        fws[f] = uc[f]->fw;
    o->fw = fws;
    o->nfw = nfw;
    o->target = target;
    o->best_size = SIZE_MAX;
    CHECK(bsl__wi_facts_build(&o->f, &arena, fws, nfw, NULL) == BSL_OK, "oracle: facts built");
    o->slot = bsl_arena_calloc(&arena, nfw, sizeof *o->slot);
    o->sc = bsl_arena_calloc(&arena, nfw, sizeof *o->sc);
    for (f = 0; f < nfw; f++) {
        o->slot[f] = bsl_arena_calloc(&arena, fws[f]->indicator_count + 1, sizeof **o->slot);
        o->sc[f].status = bsl_arena_calloc(&arena, fws[f]->criterion_count + 1, sizeof *o->sc[f].status);
        read_answers(uc[f], o->slot[f]);
    }
    enumerate(o, 0, 0, 3);
    bsl_arena_release(&arena);
}

/* ---- comparing -------------------------------------------------------- */

static int failures_shown;

static void compare(const char *what, bsl_usecase *const *uc, size_t nfw, bsl_verdict target)
{
    bsl_whatif_options wo = BSL_WHATIF_OPTIONS_INIT;
    bsl_whatif_plan *p = NULL;
    oracle o;
    size_t f, n;
    double score = 0;
    int ok;
    wo.target = target;
    if (bsl_whatif(&p, (const bsl_usecase *const *)uc, nfw, &wo, NULL) != BSL_OK) {
        CHECK(0, what);
        return;
    }
    exhaustive(uc, nfw, target, &o);
    n = bsl_whatif_change_count(p);
    for (f = 0; f < nfw; f++)
        score += bsl_whatif_score_after(p, f);
    if (o.best_size != SIZE_MAX)
        ok = bsl_whatif_reachable(p) && n == o.best_size && fabs(score - o.best_score) < 1e-6;
    else
        ok = !bsl_whatif_reachable(p) || n > 3;
    if (!ok && failures_shown++ < 10)
        printf("# %s: exhaustive size %zu score %.1f, whatif reachable %d size %zu score %.1f\n", what,
               o.best_size, o.best_score, bsl_whatif_reachable(p), n, score);
    CHECK(ok, what);
    bsl_whatif_free(p);
}

static bsl_framework *embedded(const char *id)
{
    bsl_framework *fw = NULL;
    bsl_framework_load_embedded(&fw, id, NULL, NULL);
    return fw;
}

static bsl_usecase *parse(const bsl_framework *fw, const char *doc, size_t len, const bsl_options *opts)
{
    bsl_usecase *uc = NULL;
    bsl_usecase_parse(&uc, fw, doc, len, opts, NULL);
    return uc;
}

static void test_examples(void)
{
    bsl_framework *fws[8];
    size_t nfw = bsl_embedded_framework_count(), f, e;
    char what[300];
    for (f = 0; f < nfw && f < 8; f++)
        fws[f] = embedded(bsl_embedded_framework_id(f));
    for (e = 0; e < EXAMPLE_COUNT; e++) {
        char path[400];
        size_t len;
        char *doc;
        bsl_usecase *uc[8];
        snprintf(path, sizeof path, SRCDIR "/examples/usecases/%s.json", EXAMPLES[e]);
        doc = read_file(path, &len);
        for (f = 0; f < nfw; f++)
            uc[f] = parse(fws[f], doc, len, NULL);
        for (f = 0; f < nfw; f++) {
            snprintf(what, sizeof what, "%s under %s: minimal, as the exhaustive search", EXAMPLES[e],
                     fws[f]->id);
            compare(what, &uc[f], 1, BSL_VERDICT_FAVORABLE);
            snprintf(what, sizeof what, "%s under %s, target reservations", EXAMPLES[e], fws[f]->id);
            compare(what, &uc[f], 1, BSL_VERDICT_FAVORABLE_WITH_RESERVATIONS);
        }
        snprintf(what, sizeof what, "%s under all frameworks at once", EXAMPLES[e]);
        compare(what, uc, nfw, BSL_VERDICT_FAVORABLE_WITH_RESERVATIONS);
        for (f = 0; f < nfw; f++)
            bsl_usecase_free(uc[f]);
    }
    for (f = 0; f < nfw; f++)
        bsl_framework_free(fws[f]);
}

/* ---- the scorer is bsl_evaluate() ------------------------------------- */

/* A use-case document giving indicator outcomes: slot values written as
 * JSON (booleans and enum levels; numbers and sets left as they are). */
static void test_scorer_matches_evaluate(void)
{
    bsl_framework *fw = embedded(NULL);
    size_t e, trial, mismatches = 0, checked = 0;
    unsigned seed = 12345;
    for (e = 0; e < EXAMPLE_COUNT; e++) {
        char path[400];
        size_t len, i;
        char *doc;
        bsl_usecase *uc;
        snprintf(path, sizeof path, SRCDIR "/examples/usecases/%s.json", EXAMPLES[e]);
        doc = read_file(path, &len);
        uc = parse(fw, doc, len, NULL);
        for (trial = 0; trial < 100; trial++) {
            int slot[512];
            bsl_criterion_status st[64];
            wi_score sc;
            bsl_result *r = NULL;
            bsl_usecase copy = *uc;
            bsl_answer answers[512];
            sc.status = st;
            for (i = 0; i < fw->indicator_count; i++) {
                const bsl_indicator *ind = &fw->indicators[i];
                answers[i] = uc->facts[i];
                seed = seed * 1103515245u + 12345u;
                if (ind->type == BSL_FACT_BOOLEAN || ind->type == BSL_FACT_ENUM) {
                    unsigned pick = (seed >> 16) % (unsigned)(ind->outcome_count + 1);
                    answers[i].present = pick < ind->outcome_count;
                    answers[i].outcome = pick;
                    answers[i].json = pick < ind->outcome_count ? ind->outcomes[pick].value_json : NULL;
                    answers[i].json_is_shared = 1;
                }
            }
            copy.facts = answers;
            read_answers(&copy, slot);
            bsl__wi_score(fw, slot, &sc);
            if (bsl_evaluate(&r, fw, &copy, NULL) == BSL_OK) {
                checked++;
                mismatches += r->verdict != sc.verdict || fabs(r->score - sc.score) > 1e-9;
                for (i = 0; i < fw->criterion_count; i++)
                    mismatches += r->criteria[i].status != st[i];
            }
            bsl_result_free(r);
        }
        bsl_usecase_free(uc);
    }
    CHECK_INT(checked, EXAMPLE_COUNT * 100, "random variants of every example evaluated");
    CHECK_INT(mismatches, 0, "the what-if scorer gives bsl_evaluate()'s verdict, score and statuses");
    bsl_framework_free(fw);
}

/* ---- generated frameworks --------------------------------------------- */

static unsigned rnd(unsigned *seed, unsigned n)
{
    *seed = *seed * 1103515245u + 12345u;
    return (*seed >> 16) % n;
}

/* An outcome's scoring: a red line (no points), a failed necessary
 * condition, or plain points. */
static const char *outcome_rule(unsigned kind, unsigned points, char *rule, size_t cap)
{
    if (kind == 0)
        return "\"red_line\":true";
    snprintf(rule, cap, "\"points\":%u%s", points, kind == 1 ? ",\"fails_necessary_condition\":true" : "");
    return rule;
}

/* A format-1 framework of 1-3 criteria, 2-4 indicators each, boolean or
 * three-level enum facts with random points, red lines, necessary
 * conditions, required flags, weights and applies_if on an earlier fact. */
static char *generate(unsigned seed, char *buf, size_t cap)
{
    size_t n = 0, c, k, l, count = 0;
    unsigned crits = 1 + rnd(&seed, 3);
    static const char *const levels[3] = { "low", "mid", "high" };
    int is_enum[16];
    char rule[64];
#define OUT(...) (n += (size_t)snprintf(buf + n, cap - n, __VA_ARGS__))
    OUT("{\"format\":\"boussole-framework/1\",\"id\":\"gen\",\"version\":\"1.0.0\","
        "\"title\":{\"fr\":\"G\",\"en\":\"G\"},\"source\":{\"fr\":\"s\",\"en\":\"s\"},\"thresholds\":{\"met\":%u,\"reservations\":%u},\"criteria\":[",
        60 + rnd(&seed, 30), 30 + rnd(&seed, 20));
    for (c = 0; c < crits; c++) {
        unsigned inds = 2 + rnd(&seed, 3);
        OUT("%s{\"id\":\"C%zu\",\"title\":{\"fr\":\"c\",\"en\":\"c\"},\"weight\":%u,\"indicators\":[", c ? "," : "",
            c, 1 + rnd(&seed, 3));
        for (k = 0; k < inds; k++, count++) {
            int en = rnd(&seed, 2) != 0;
            is_enum[count] = en;
            OUT("%s{\"fact\":\"f%zu\",\"type\":\"%s\",\"label\":{\"fr\":\"q\",\"en\":\"q\"},\"weight\":%u", k ? "," : "",
                count, en ? "enum" : "boolean", rnd(&seed, 3));
            if (rnd(&seed, 3) == 0)
                OUT(",\"required\":true");
            if (rnd(&seed, 6) == 0)
                OUT(",\"actionable\":false");
            if (count && rnd(&seed, 3) == 0) {
                size_t on = rnd(&seed, (unsigned)count);
                if (is_enum[on])
                    OUT(",\"applies_if\":{\"fact\":\"f%zu\",\"in\":[\"%s\"]}", on, levels[rnd(&seed, 3)]);
                else
                    OUT(",\"applies_if\":{\"fact\":\"f%zu\",\"in\":[%s]}", on, rnd(&seed, 2) ? "true" : "false");
            }
            if (en) {
                OUT(",\"levels\":[");
                for (l = 0; l < 3; l++) {
                    unsigned kind = rnd(&seed, 8);
                    OUT("%s{\"value\":\"%s\",%s,\"justification\":{\"fr\":\"j\",\"en\":\"j\"}}",
                        l ? "," : "", levels[l], outcome_rule(kind, rnd(&seed, 101), rule, sizeof rule));
                }
                OUT("]}");
            } else {
                OUT(",\"levels\":[");
                for (l = 0; l < 2; l++) {
                    unsigned kind = rnd(&seed, 8);
                    OUT("%s{\"value\":%s,%s,\"justification\":{\"fr\":\"j\",\"en\":\"j\"}}",
                        l ? "," : "", l ? "true" : "false", outcome_rule(kind, rnd(&seed, 101), rule, sizeof rule));
                }
                OUT("]}");
            }
        }
        OUT("]}");
    }
    OUT("]}");
    (void)count;
#undef OUT
    return buf;
}

/* A use-case answering each fact at random (or not). */
static char *generate_usecase(const bsl_framework *fw, unsigned seed, char *buf, size_t cap)
{
    size_t n = 0, i, first = 1;
    n += (size_t)snprintf(buf + n, cap - n, "{\"id\":\"u\",\"title\":\"u\",\"facts\":{");
    for (i = 0; i < fw->indicator_count; i++) {
        const bsl_indicator *ind = &fw->indicators[i];
        unsigned pick = rnd(&seed, (unsigned)ind->outcome_count + 1);
        if (pick == ind->outcome_count)
            continue;
        n += (size_t)snprintf(buf + n, cap - n, "%s\"%s\":%s", first ? "" : ",", ind->fact,
                              ind->outcomes[pick].value_json);
        first = 0;
    }
    snprintf(buf + n, cap - n, "}}");
    return buf;
}

static void test_generated(void)
{
    static char fwdoc[32768], ucdoc[8192];
    unsigned seed;
    size_t loaded = 0;
    char what[200];
    for (seed = 1; seed <= 200; seed++) {
        bsl_framework *fw = NULL;
        bsl_usecase *uc;
        bsl_error err;
        generate(seed, fwdoc, sizeof fwdoc);
        if (bsl_framework_load(&fw, fwdoc, strlen(fwdoc), NULL, &err) != BSL_OK) {
            printf("# seed %u: %s at %s\n", seed, err.message, err.path);
            continue;
        }
        loaded++;
        generate_usecase(fw, seed * 7919u, ucdoc, sizeof ucdoc);
        uc = parse(fw, ucdoc, strlen(ucdoc), NULL);
        snprintf(what, sizeof what, "generated framework %u: minimal, as the exhaustive search", seed);
        if (uc) {
            compare(what, &uc, 1, BSL_VERDICT_FAVORABLE);
            compare(what, &uc, 1, BSL_VERDICT_FAVORABLE_WITH_RESERVATIONS);
        } else {
            CHECK(0, what);
        }
        bsl_usecase_free(uc);
        bsl_framework_free(fw);
    }
    CHECK(loaded > 150, "most generated frameworks load");
}

/* ---- API ---------------------------------------------------------------- */

static void test_api(void)
{
    bsl_framework *fw = embedded(NULL), *other = embedded("bordeaux-2025");
    char path[400];
    size_t len;
    char *doc;
    bsl_usecase *uc, *uc2, *pair[2];
    bsl_whatif_plan *p = (bsl_whatif_plan *)&p;
    bsl_whatif_options wo;
    bsl_error err;
    char *out = NULL;
    snprintf(path, sizeof path, SRCDIR "/examples/usecases/signalements-voirie.json");
    doc = read_file(path, &len);
    uc = parse(fw, doc, len, NULL);
    uc2 = parse(fw, doc, len, NULL);
    CHECK_INT(bsl_whatif_options_init(&wo, BSL_WHATIF_OPTIONS_VERSION), BSL_OK, "options init");
    CHECK_INT(wo.target, BSL_VERDICT_FAVORABLE, "default target favorable");
    CHECK_INT(bsl_whatif_options_init(&wo, 99), BSL_ERR_ARG, "unknown options version refused");
    CHECK_INT(bsl_whatif(&p, NULL, 1, NULL, &err), BSL_ERR_ARG, "NULL use-cases refused");
    CHECK(p == NULL, "out set to NULL on failure");
    CHECK_INT(bsl_whatif(&p, (const bsl_usecase *const *)&uc, 0, NULL, &err), BSL_ERR_ARG, "count 0 refused");
    wo.target = BSL_VERDICT_UNFAVORABLE;
    CHECK_INT(bsl_whatif(&p, (const bsl_usecase *const *)&uc, 1, &wo, &err), BSL_ERR_ARG, "target unfavorable refused");
    wo.target = BSL_VERDICT_FAVORABLE;
    wo.version = 7;
    CHECK_INT(bsl_whatif(&p, (const bsl_usecase *const *)&uc, 1, &wo, &err), BSL_ERR_ARG, "options version checked");
    pair[0] = uc;
    pair[1] = uc2;
    CHECK_INT(bsl_whatif(&p, (const bsl_usecase *const *)pair, 2, NULL, &err), BSL_ERR_ARG,
              "the same framework twice refused");
    CHECK_INT(bsl_whatif(&p, (const bsl_usecase *const *)&uc, 1, NULL, &err), BSL_OK, "a plan");
    CHECK_INT(bsl_whatif_reachable(p), 1, "signalements-voirie can reach favorable");
    CHECK_INT(bsl_whatif_change_count(p), 2, "in two changes");
    CHECK_STR(bsl_whatif_change_fact(p, 0), "energy_kwh_per_year", "first change: energy");
    CHECK_STR(bsl_whatif_change_from(p, 0), "2400", "from its value now");
    CHECK_STR(bsl_whatif_change_to(p, 1), "\"efficient\"", "second change to efficient hosting");
    CHECK(bsl_whatif_change_remediation(p, 0, BSL_LANG_EN) != NULL, "a remediation sentence");
    CHECK(bsl_whatif_change_fact(p, 2) == NULL, "out of range: NULL");
    CHECK_INT(bsl_whatif_verdict_after(p, 0), BSL_VERDICT_FAVORABLE, "favorable after");
    CHECK_STR(bsl_whatif_framework_id(p, 0), "nantes-2024", "framework id");
    CHECK_INT(bsl_whatif_render(&out, NULL, p, BSL_FORMAT_JSON, BSL_LANG_EN, &err), BSL_OK, "JSON render");
    CHECK(out && strstr(out, "\"format\": \"boussole-whatif/1\""), "boussole-whatif/1");
    bsl_render_free(out);
    CHECK_INT(bsl_whatif_render(&out, NULL, p, (bsl_format)42, BSL_LANG_EN, &err), BSL_ERR_ARG, "bad format");
    bsl_whatif_free(p);
    bsl_whatif_free(NULL);
    CHECK_INT(bsl_whatif_change_count(NULL), 0, "NULL plan: 0 changes");
    bsl_usecase_free(uc);
    bsl_usecase_free(uc2);
    bsl_framework_free(fw);
    bsl_framework_free(other);
}

/* Not actionable facts are never changed, and block. */
static void test_not_actionable(void)
{
    static const char fwdoc[] =
        "{\"format\":\"boussole-framework/1\",\"id\":\"na\",\"version\":\"1.0.0\",\"title\":{\"fr\":\"t\",\"en\":\"t\"},\"source\":{\"fr\":\"s\",\"en\":\"s\"},"
        "\"criteria\":[{\"id\":\"C1\",\"title\":{\"fr\":\"c\",\"en\":\"c\"},\"indicators\":["
        "{\"fact\":\"nature\",\"type\":\"boolean\",\"actionable\":false,\"label\":{\"fr\":\"q\",\"en\":\"q\"},"
        "\"levels\":[{\"value\":false,\"points\":100,\"justification\":{\"fr\":\"j\",\"en\":\"j\"}},"
        "{\"value\":true,\"red_line\":true,\"justification\":{\"fr\":\"j\",\"en\":\"j\"}}]},"
        "{\"fact\":\"care\",\"type\":\"boolean\",\"label\":{\"fr\":\"q\",\"en\":\"q\"},"
        "\"levels\":[{\"value\":false,\"points\":0,\"justification\":{\"fr\":\"j\",\"en\":\"j\"}},"
        "{\"value\":true,\"points\":100,\"justification\":{\"fr\":\"j\",\"en\":\"j\"}}]}]}]}";
    static const char ucdoc[] = "{\"id\":\"u\",\"title\":\"u\",\"facts\":{\"nature\":true,\"care\":false}}";
    bsl_framework *fw = NULL;
    bsl_usecase *uc;
    bsl_whatif_plan *p = NULL;
    CHECK_INT(bsl_framework_load(&fw, fwdoc, strlen(fwdoc), NULL, NULL), BSL_OK, "actionable: false loads");
    uc = parse(fw, ucdoc, strlen(ucdoc), NULL);
    CHECK_INT(bsl_whatif(&p, (const bsl_usecase *const *)&uc, 1, NULL, NULL), BSL_OK, "plan");
    CHECK_INT(bsl_whatif_reachable(p), 0, "a red line on a fact that cannot change: unreachable");
    CHECK_INT(bsl_whatif_blocked_count(p), 1, "one blocker");
    CHECK_STR(bsl_whatif_blocked(p, 0), "nature", "blocked by the fact");
    bsl_whatif_free(p);
    bsl_usecase_free(uc);
    bsl_framework_free(fw);
}

/* ---- out of memory ------------------------------------------------------- */

static bsl_usecase *oom_uc;

static int call_whatif(void *ctx, bsl_options *opts, void **out, bsl_error *err)
{
    (void)ctx;
    (void)opts;
    return bsl_whatif((bsl_whatif_plan **)out, (const bsl_usecase *const *)&oom_uc, 1, NULL, err);
}

static void free_plan(void *p) { bsl_whatif_free(p); }

static void test_oom(void)
{
    counting_alloc a;
    bsl_options opts;
    bsl_framework *fw = embedded(NULL);
    size_t len;
    char *doc = read_file(SRCDIR "/examples/usecases/classement-courrier.json", &len);
    ca_init(&a, &opts);
    oom_uc = parse(fw, doc, len, &opts);
    oom_loop("bsl_whatif", call_whatif, NULL, &a, &opts, free_plan);
    bsl_usecase_free(oom_uc);
    CHECK_INT(a.live, 0, "everything freed");
    bsl_framework_free(fw);
}

/* ---- the search budget ----------------------------------------------------- */

/* One criterion of n three-level enum facts, all answered "mid" (60 points)
 * under a met threshold of 70: any n / 4 of them raised to "high" make it
 * favorable, all plans of that size tie on the score, and there are far
 * too many to try them all. */
static char *tie_framework(size_t n, char *buf, size_t cap, char *uc, size_t uccap)
{
    size_t len = 0, ulen = 0, i;
    len += (size_t)snprintf(buf + len, cap - len,
                            "{\"format\":\"boussole-framework/1\",\"id\":\"ties\",\"version\":\"1.0.0\","
                            "\"title\":{\"fr\":\"t\",\"en\":\"t\"},\"source\":{\"fr\":\"s\",\"en\":\"s\"},"
                            "\"thresholds\":{\"met\":70,\"reservations\":40},\"criteria\":[{\"id\":\"C1\","
                            "\"title\":{\"fr\":\"c\",\"en\":\"c\"},\"indicators\":[");
    ulen += (size_t)snprintf(uc + ulen, uccap - ulen, "{\"id\":\"u\",\"title\":\"u\",\"facts\":{");
    for (i = 0; i < n; i++) {
        len += (size_t)snprintf(buf + len, cap - len,
                                "%s{\"fact\":\"f%zu\",\"type\":\"enum\",\"label\":{\"fr\":\"q\",\"en\":\"q\"},\"levels\":["
                                "{\"value\":\"low\",\"points\":0,\"justification\":{\"fr\":\"j\",\"en\":\"j\"}},"
                                "{\"value\":\"mid\",\"points\":60,\"justification\":{\"fr\":\"j\",\"en\":\"j\"}},"
                                "{\"value\":\"high\",\"points\":100,\"justification\":{\"fr\":\"j\",\"en\":\"j\"}}]}",
                                i ? "," : "", i);
        ulen += (size_t)snprintf(uc + ulen, uccap - ulen, "%s\"f%zu\":\"mid\"", i ? "," : "", i);
    }
    snprintf(buf + len, cap - len, "]}]}");
    snprintf(uc + ulen, uccap - ulen, "}}");
    return buf;
}

static int contains(char *out, const char *what)
{
    int found = out && strstr(out, what) != NULL;
    bsl_render_free(out);
    return found;
}

static char *render_plan(const bsl_whatif_plan *p, bsl_format format, bsl_lang lang)
{
    char *out = NULL;
    return bsl_whatif_render(&out, NULL, p, format, lang, NULL) == BSL_OK ? out : NULL;
}

static char *render_report(const bsl_result *r, bsl_format format, bsl_lang lang)
{
    char *out = NULL;
    return bsl_render(&out, NULL, r, format, lang, NULL) == BSL_OK ? out : NULL;
}

/* A framework whose ties exceed the default budget: the plan found is
 * minimal and says the limit was reached; the reports render with it. */
static void test_budget_ties(void)
{
    static char fwdoc[65536], ucdoc[8192];
    bsl_framework *fw = NULL;
    bsl_usecase *uc;
    bsl_whatif_plan *p = NULL;
    bsl_result *r = NULL;
    tie_framework(40, fwdoc, sizeof fwdoc, ucdoc, sizeof ucdoc);
    CHECK_INT(bsl_framework_load(&fw, fwdoc, strlen(fwdoc), NULL, NULL), BSL_OK, "ties: the framework loads");
    uc = parse(fw, ucdoc, strlen(ucdoc), NULL);
    CHECK_INT(bsl_whatif(&p, (const bsl_usecase *const *)&uc, 1, NULL, NULL), BSL_OK, "ties: a plan");
    CHECK_INT(bsl_whatif_search_limit_reached(p), 1, "ties: the default budget runs out");
    CHECK_INT(bsl_whatif_reachable(p), 1, "ties: a plan was found before");
    CHECK_INT(bsl_whatif_change_count(p), 10, "ties: it has the fewest changes (10 of the 40 facts raised)");
    CHECK_INT(bsl_whatif_verdict_after(p, 0), BSL_VERDICT_FAVORABLE, "ties: favorable after");
    CHECK(contains(render_plan(p, BSL_FORMAT_JSON, BSL_LANG_EN), "\"search_limit_reached\": true"),
          "ties: JSON says search_limit_reached");
    CHECK(contains(render_plan(p, BSL_FORMAT_JSON, BSL_LANG_EN), "\"reachable\": true"),
          "ties: JSON says reachable");
    CHECK(contains(render_plan(p, BSL_FORMAT_TEXT, BSL_LANG_EN), "Search limit reached: this plan has the fewest"),
          "ties: the text says so");
    CHECK(contains(render_plan(p, BSL_FORMAT_MARKDOWN, BSL_LANG_FR), "**Limite de recherche atteinte**"),
          "ties: the Markdown says so, in French");
    bsl_whatif_free(p);
    CHECK_INT(bsl_evaluate(&r, fw, uc, NULL), BSL_OK, "ties: evaluates");
    CHECK(contains(render_report(r, BSL_FORMAT_TEXT, BSL_LANG_EN), "Search limit reached"),
          "ties: the text report renders with its plan");
    CHECK(contains(render_report(r, BSL_FORMAT_MARKDOWN, BSL_LANG_EN), "Search limit reached"),
          "ties: the Markdown report renders with its plan");
    CHECK(contains(render_report(r, BSL_FORMAT_HTML, BSL_LANG_FR), "<p><strong>Limite de recherche atteinte</strong>"),
          "ties: the HTML report renders with its plan");
    bsl_result_free(r);
    bsl_usecase_free(uc);
    bsl_framework_free(fw);
}

/* A budget too small for an example: reachability is unknown, not false;
 * version 1 options (without max_nodes) still work. */
static void test_budget_options(void)
{
    bsl_framework *fw = embedded(NULL);
    size_t len;
    char *doc = read_file(SRCDIR "/examples/usecases/instruction-subventions-associations.json", &len);
    bsl_usecase *uc = parse(fw, doc, len, NULL);
    bsl_whatif_options wo = BSL_WHATIF_OPTIONS_INIT;
    bsl_whatif_plan *p = NULL;
    struct { unsigned version; bsl_verdict target; unsigned max_changes; } v1 = { 1, BSL_VERDICT_FAVORABLE, 0 };
    CHECK_INT(bsl_whatif_options_init(&wo, 1), BSL_OK, "options version 1 initialised");
    CHECK_INT(bsl_whatif_options_init(&wo, BSL_WHATIF_OPTIONS_VERSION + 1), BSL_ERR_ARG, "a newer version refused");
    CHECK_INT(bsl_whatif_options_init(&wo, BSL_WHATIF_OPTIONS_VERSION), BSL_OK, "options initialised");
    CHECK_INT(wo.max_nodes, 0, "max_nodes 0: the default");
    wo.max_nodes = 5;
    CHECK_INT(bsl_whatif(&p, (const bsl_usecase *const *)&uc, 1, &wo, NULL), BSL_OK, "a plan on 5 states");
    CHECK_INT(bsl_whatif_search_limit_reached(p), 1, "5 states: the limit is reached");
    CHECK_INT(bsl_whatif_reachable(p), 0, "5 states: no plan found");
    CHECK_INT(bsl_whatif_change_count(p), 0, "5 states: no change");
    CHECK_INT(bsl_whatif_blocked_count(p), 0, "5 states: nothing claimed to block");
    CHECK(contains(render_plan(p, BSL_FORMAT_JSON, BSL_LANG_EN), "\"reachable\": null"),
          "5 states: JSON reachable null (unknown)");
    CHECK(contains(render_plan(p, BSL_FORMAT_TEXT, BSL_LANG_EN),
                   "whether it can be reached is unknown: no plan of fewer than 10 changes reaches it"),
          "5 states: the text says what is known");
    CHECK(contains(render_plan(p, BSL_FORMAT_TEXT, BSL_LANG_FR), "on ne sait pas s'il est atteignable"),
          "5 states: in French too");
    bsl_whatif_free(p);
    CHECK_INT(bsl_whatif(&p, (const bsl_usecase *const *)&uc, 1, (const bsl_whatif_options *)(const void *)&v1, NULL),
              BSL_OK, "version 1 options accepted");
    CHECK_INT(bsl_whatif_search_limit_reached(p), 0, "default budget: not reached on an example");
    CHECK_INT(bsl_whatif_change_count(p), 10, "version 1 options: the plan of 10 changes");
    CHECK(contains(render_plan(p, BSL_FORMAT_JSON, BSL_LANG_EN), "\"search_limit_reached\": false"),
          "JSON search_limit_reached false");
    bsl_whatif_free(p);
    bsl_usecase_free(uc);
    bsl_framework_free(fw);
}

int main(void)
{
    test_api();
    test_not_actionable();
    test_scorer_matches_evaluate();
    test_examples();
    test_generated();
    test_budget_options();
    test_budget_ties();
    test_oom();
    tu_cleanup();
    return check_done();
}
