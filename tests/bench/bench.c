/* Microseconds per use-case for parse, evaluate and render (every format) on the
 * example use-cases, and parse+evaluate against jsmn's bare tokenize time
 * on the same bytes. Prints figures; never fails on speed. */
#define _POSIX_C_SOURCE 200809L
#include <boussole.h>
#include <jsmn.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum { MAX_FILES = 64, TRIALS = 7 };

static double now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
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

/* Microseconds per use-case to render already evaluated results in one
 * format: the best of TRIALS, so that renderers compare under one method. */
static double render_us(bsl_result *const *results, size_t n, int rounds, bsl_format format)
{
    double best = 1e30, sink = 0;
    int trial, k;
    size_t i;
    for (trial = 0; trial < TRIALS; trial++) {
        double t, t0 = now_us();
        for (k = 0; k < rounds; k++)
            for (i = 0; i < n; i++) {
                char *out = NULL;
                size_t len = 0;
                bsl_render(&out, &len, results[i], format, BSL_LANG_FR, NULL);
                sink += (double)len;
                bsl_render_free(out);
            }
        t = (now_us() - t0) / (rounds * (double)n);
        best = t < best ? t : best;
    }
    return sink > 0 ? best : -1; /* -1: nothing was rendered */
}

/* Each renderer's time, and the HTML report (the SVG inside) against JSON. */
static void report_renderers(const bsl_framework *fw, bsl_usecase *const *ucs, size_t n, int rounds)
{
    static const struct { bsl_format format; const char *name; } renderers[] = {
        {BSL_FORMAT_JSON, "JSON"}, {BSL_FORMAT_JSON_COMPACT, "JSON compact"},
        {BSL_FORMAT_TEXT, "text"}, {BSL_FORMAT_HTML, "HTML"}, {BSL_FORMAT_SVG, "SVG"}};
    bsl_result *results[MAX_FILES];
    double t[sizeof renderers / sizeof *renderers];
    size_t i, f, ok = 0;
    for (i = 0; i < n; i++)
        if (bsl_evaluate(&results[ok], fw, ucs[i], NULL) == BSL_OK)
            ok++;
    rounds = rounds / 10 + 1;
    for (f = 0; f < sizeof renderers / sizeof *renderers; f++) {
        t[f] = render_us(results, ok, rounds, renderers[f].format);
        printf("render %-14s %8.3f us/use-case (results kept)\n", renderers[f].name, t[f]);
    }
    printf("HTML (with SVG) / JSON: %7.2f x            (target < 2x)\n", t[3] / t[0]);
    for (i = 0; i < ok; i++)
        bsl_result_free(results[i]);
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
    double t0, t_jsmn, t_parse, t_eval, t_render, sink = 0, ratios[TRIALS];
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
    /* Each figure is the best of several trials. The ratio is taken within
     * each trial (jsmn, parse and evaluate timed back to back, under the
     * same load and clock speed) and the median of those is reported. */
    t_jsmn = t_parse = t_eval = t_render = 1e30;
    for (trial = 0; trial < TRIALS; trial++) {
        double t, tj, tp;
        t0 = now_us();
        for (k = 0; k < rounds; k++)
            for (i = 0; i < n; i++) {
                jsmn_parser p;
                jsmn_init(&p);
                sink += jsmn_parse(&p, docs[i], lens[i], tokens, 65536);
            }
        tj = t = (now_us() - t0) / (rounds * (double)n);
        t_jsmn = t < t_jsmn ? t : t_jsmn;

        t0 = now_us();
        for (k = 0; k < rounds; k++)
            for (i = 0; i < n; i++) {
                bsl_usecase *uc;
                bsl_usecase_parse(&uc, fw, docs[i], lens[i], NULL, &err);
                bsl_usecase_free(uc);
            }
        tp = t = (now_us() - t0) / (rounds * (double)n);
        t_parse = t < t_parse ? t : t_parse;

        t0 = now_us();
        for (k = 0; k < rounds; k++)
            for (i = 0; i < n; i++) {
                bsl_result *r;
                bsl_evaluate(&r, fw, ucs[i], &err);
                sink += bsl_result_score(r);
                bsl_result_free(r);
            }
        t = (now_us() - t0) / (rounds * (double)n);
        t_eval = t < t_eval ? t : t_eval;
        ratios[trial] = (tp + t) / tj;

        t0 = now_us();
        for (k = 0; k < rounds / 4 + 1; k++)
            for (i = 0; i < n; i++) {
                bsl_result *r;
                char *out;
                size_t len;
                bsl_evaluate(&r, fw, ucs[i], &err);
                bsl_render(&out, &len, r, BSL_FORMAT_JSON, BSL_LANG_FR, &err);
                sink += (double)len;
                bsl_render_free(out);
                bsl_result_free(r);
            }
        t = (now_us() - t0) / ((rounds / 4 + 1) * (double)n) - t_eval;
        t_render = t < t_render ? t : t_render;
    }

    printf("use-cases: %zu (%.0f bytes on average), best of %d trials of %d rounds\n", n,
           (double)bytes / n, TRIALS, rounds);
    printf("jsmn tokenize alone:   %8.3f us/use-case\n", t_jsmn);
    printf("parse (strict+bind):   %8.3f us/use-case\n", t_parse);
    printf("evaluate:              %8.3f us/use-case  (target < 1 us)\n", t_eval);
    printf("render JSON:           %8.3f us/use-case\n", t_render);
    /* median of the per-trial ratios (TRIALS is odd) */
    for (trial = 1; trial < TRIALS; trial++) {
        double x = ratios[trial];
        int j = trial;
        while (j > 0 && ratios[j - 1] > x) {
            ratios[j] = ratios[j - 1];
            j--;
        }
        ratios[j] = x;
    }
    printf("parse+evaluate / jsmn: %8.2f x            (target < 3x; median of per-trial ratios,"
           " %.2f..%.2f)\n", ratios[TRIALS / 2], ratios[0], ratios[TRIALS - 1]);
    report_renderers(fw, ucs, n, rounds);
    fprintf(stderr, "(checksum %g)\n", sink);
    for (i = 0; i < n; i++) {
        bsl_usecase_free(ucs[i]);
        free(docs[i]);
    }
    bsl_framework_free(fw);
    free(tokens);
    return 0;
}
