/* Microseconds per use-case for parse, evaluate and each rendering on the
 * example use-cases, the time to load the embedded default framework, the
 * bytes of each rendering, and the targets of issue 14 as ratios (jsmn's
 * bare tokenize time of the same bytes is the yardstick). Prints figures;
 * never fails on speed. */
#define _POSIX_C_SOURCE 200809L
#include <boussole.h>
#include <jsmn.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum { MAX_FILES = 64, TRIALS = 7, LOADS = 50 };

/* The renderings timed, each also reported in bytes per result. */
enum { FORMATS = 7 };
static const struct {
    const char *name;
    bsl_format format;
    unsigned flags; /* bsl_render_options.flags */
} formats[FORMATS] = {
    {"JSON:", BSL_FORMAT_JSON, 0},
    {"JSON compact:", BSL_FORMAT_JSON_COMPACT, 0},
    /* the renderers alone, then with the what-if plan they add below favorable */
    {"text:", BSL_FORMAT_TEXT, BSL_RENDER_NO_PLAN},
    {"HTML:", BSL_FORMAT_HTML, BSL_RENDER_NO_PLAN},
    {"SVG:", BSL_FORMAT_SVG, 0},
    {"text+plan:", BSL_FORMAT_TEXT, 0},
    {"HTML+plan:", BSL_FORMAT_HTML, 0},
};

/* Steps timed in each trial: the renderings follow RENDER in formats[] order. */
enum { JSMN, PARSE, EVAL, LOAD, RENDER, STEPS = RENDER + FORMATS };

/* The targets of issue 14, as ratios of one step to another. */
enum { R_PARSE_EVAL, R_JSON, R_COMPACT, R_TEXT, RATIOS };
static const struct {
    const char *name;
    double target;
} ratio_names[RATIOS] = {
    {"parse+evaluate / jsmn:", 2},
    {"parse+evaluate+render JSON / jsmn:", 8},
    {"parse+evaluate+render compact / jsmn:", 6},
    {"render text / parse:", 1},
};

/* Thread CPU time: other processes on a shared machine do not count. */
static double now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

/* Insertion sort of one trial's ratios, for the median (TRIALS is odd). */
static void median_sort(double *x)
{
    int i, j;
    for (i = 1; i < TRIALS; i++) {
        double v = x[i];
        for (j = i; j > 0 && x[j - 1] > v; j--)
            x[j] = x[j - 1];
        x[j] = v;
    }
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *data;
    long n;
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    n = ftell(f);
    fseek(f, 0, SEEK_SET);
    data = malloc((size_t)n + 1);
    if (data && fread(data, 1, (size_t)n, f) != (size_t)n) {
        free(data);
        data = NULL;
    }
    fclose(f);
    *len = (size_t)n;
    return data;
}

int main(int argc, char **argv)
{
    const char *dir = argc > 1 ? argv[1] : "examples/usecases";
    char *docs[MAX_FILES];
    size_t lens[MAX_FILES], n = 0, i, bytes = 0;
    int rounds = argc > 2 ? atoi(argv[2]) : 300, k, trial;
    bsl_framework *fw;
    bsl_usecase *ucs[MAX_FILES];
    bsl_error err;
    double t0, best[STEPS], sink = 0, ratios[RATIOS][TRIALS];
    size_t out_bytes[FORMATS] = {0};
    int s, f;
    jsmntok_t *tokens = malloc(sizeof(jsmntok_t) * 65536);
    DIR *d = opendir(dir);
    struct dirent *e;

    if (!d || !tokens || bsl_framework_load_embedded(&fw, NULL, NULL, &err)) {
        fprintf(stderr, "bench: cannot open %s or load the framework\n", dir);
        return 1;
    }
    while ((e = readdir(d)) && n < MAX_FILES) {
        char path[4096];
        size_t l = strlen(e->d_name);
        bsl_usecase *uc;
        if (l < 6 || strcmp(e->d_name + l - 5, ".json"))
            continue;
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        if (!(docs[n] = slurp(path, &lens[n])))
            continue;
        if (bsl_usecase_parse(&uc, fw, docs[n], lens[n], NULL, &err)) {
            free(docs[n]);
            continue; /* only use-cases that parse are timed */
        }
        bsl_usecase_free(uc);
        bytes += lens[n];
        n++;
    }
    closedir(d);
    if (!n) {
        fprintf(stderr, "bench: no use-case in %s\n", dir);
        return 1;
    }

    for (i = 0; i < n; i++)
        bsl_usecase_parse(&ucs[i], fw, docs[i], lens[i], NULL, &err);
    /* Each figure is the best of several trials. Ratios are taken within
     * each trial (every step timed back to back, under the same load and
     * clock speed) and the median of those is reported. */
    for (s = 0; s < STEPS; s++)
        best[s] = 1e30;
    for (trial = 0; trial < TRIALS; trial++) {
        double t[STEPS];
        t0 = now_us();
        for (k = 0; k < rounds; k++)
            for (i = 0; i < n; i++) {
                jsmn_parser p;
                jsmn_init(&p);
                sink += jsmn_parse(&p, docs[i], lens[i], tokens, 65536);
            }
        t[JSMN] = (now_us() - t0) / (rounds * (double)n);

        t0 = now_us();
        for (k = 0; k < rounds; k++)
            for (i = 0; i < n; i++) {
                bsl_usecase *uc;
                bsl_usecase_parse(&uc, fw, docs[i], lens[i], NULL, &err);
                bsl_usecase_free(uc);
            }
        t[PARSE] = (now_us() - t0) / (rounds * (double)n);

        t0 = now_us();
        for (k = 0; k < rounds; k++)
            for (i = 0; i < n; i++) {
                bsl_result *r;
                bsl_evaluate(&r, fw, ucs[i], &err);
                sink += bsl_result_score(r);
                bsl_result_free(r);
            }
        t[EVAL] = (now_us() - t0) / (rounds * (double)n);

        for (f = 0; f < FORMATS; f++) {
            t0 = now_us();
            for (k = 0; k < rounds / 4 + 1; k++)
                for (i = 0; i < n; i++) {
                    bsl_result *r;
                    char *out;
                    size_t len;
                    bsl_render_options ro = BSL_RENDER_OPTIONS_INIT;
                    ro.flags = formats[f].flags;
                    bsl_evaluate(&r, fw, ucs[i], &err);
                    bsl_render_with_options(&out, &len, r, formats[f].format, BSL_LANG_FR, &ro,
                                            &err);
                    sink += (double)len;
                    if (trial == 0 && k == 0)
                        out_bytes[f] += len;
                    bsl_render_free(out);
                    bsl_result_free(r);
                }
            t[RENDER + f] = (now_us() - t0) / ((rounds / 4 + 1) * (double)n) - t[EVAL];
        }

        t0 = now_us();
        for (k = 0; k < LOADS; k++) {
            bsl_framework *again;
            if (bsl_framework_load_embedded(&again, NULL, NULL, &err) == BSL_OK)
                sink += 1;
            bsl_framework_free(again);
        }
        t[LOAD] = (now_us() - t0) / LOADS;

        for (s = 0; s < STEPS; s++)
            best[s] = t[s] < best[s] ? t[s] : best[s];
        ratios[R_PARSE_EVAL][trial] = (t[PARSE] + t[EVAL]) / t[JSMN];
        ratios[R_JSON][trial] = (t[PARSE] + t[EVAL] + t[RENDER]) / t[JSMN];
        ratios[R_COMPACT][trial] = (t[PARSE] + t[EVAL] + t[RENDER + 1]) / t[JSMN];
        ratios[R_TEXT][trial] = t[RENDER + 2] / t[PARSE];
    }

    printf("use-cases: %zu (%.0f bytes on average), best of %d trials of %d rounds, thread CPU time\n",
           n, (double)bytes / n, TRIALS, rounds);
    printf("jsmn tokenize alone:   %8.3f us/use-case\n", best[JSMN]);
    printf("parse (strict+bind):   %8.3f us/use-case\n", best[PARSE]);
    printf("evaluate:              %8.3f us/use-case  (target < 1 us)\n", best[EVAL]);
    for (f = 0; f < FORMATS; f++)
        printf("render %-14s %8.3f us/use-case  %6.0f bytes/result\n", formats[f].name,
               best[RENDER + f], (double)out_bytes[f] / n);
    printf("load embedded default: %8.4f ms        (target <= 0.1 ms; %.3f us)\n", best[LOAD] / 1000,
           best[LOAD]);
    for (s = 0; s < RATIOS; s++) {
        median_sort(ratios[s]);
        printf("%-38s %6.2f x (target <= %gx; median of per-trial ratios, %.2f..%.2f)\n",
               ratio_names[s].name, ratios[s][TRIALS / 2], ratio_names[s].target, ratios[s][0],
               ratios[s][TRIALS - 1]);
    }
    printf("HTML (with SVG) / JSON:                 %6.2f x (target <= 2x; best times)\n",
           best[RENDER + 3] / best[RENDER]);
    fprintf(stderr, "(checksum %g)\n", sink);
    for (i = 0; i < n; i++) {
        bsl_usecase_free(ucs[i]);
        free(docs[i]);
    }
    bsl_framework_free(fw);
    free(tokens);
    return 0;
}
