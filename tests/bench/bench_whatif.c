/* Microseconds per what-if plan (bsl_whatif, target favorable) for each
 * example use-case under the default framework (nantes-2024): thread CPU
 * time, the best of several trials (the machine may be shared: wall time
 * would count the other processes). Prints figures; never fails on speed
 * (target: 1 ms). */
#define _POSIX_C_SOURCE 200809L
#include <boussole.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum { TRIALS = 5, ROUNDS = 20 };

static double now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *data = NULL;
    long n;
    if (!f)
        return NULL;
    if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0 &&
        (data = malloc((size_t)n + 1)) && fread(data, 1, (size_t)n, f) != (size_t)n) {
        free(data);
        data = NULL;
    }
    if (data)
        *len = (size_t)n;
    fclose(f);
    return data;
}

int main(int argc, char **argv)
{
    bsl_framework *fw = NULL;
    double worst = 0;
    int i;
    if (bsl_framework_load_embedded(&fw, NULL, NULL, NULL)) {
        fputs("bench_whatif: cannot load the framework\n", stderr);
        return 1;
    }
    for (i = 1; i < argc; i++) {
        size_t len = 0;
        char *doc = slurp(argv[i], &len);
        bsl_usecase *uc = NULL;
        double best = 1e300;
        int t, r;
        size_t changes = 0;
        if (!doc || bsl_usecase_parse(&uc, fw, doc, len, NULL, NULL)) {
            fprintf(stderr, "bench_whatif: cannot read %s\n", argv[i]);
            free(doc);
            continue;
        }
        for (t = 0; t < TRIALS; t++) {
            double start = now_us(), us;
            for (r = 0; r < ROUNDS; r++) {
                bsl_whatif_plan *p = NULL;
                if (bsl_whatif(&p, (const bsl_usecase *const *)&uc, 1, NULL, NULL) == BSL_OK)
                    changes = bsl_whatif_change_count(p);
                bsl_whatif_free(p);
            }
            us = (now_us() - start) / ROUNDS;
            if (us < best)
                best = us;
        }
        if (best > worst)
            worst = best;
        printf("whatif %-50s %9.1f us  (%zu changes)\n", strrchr(argv[i], '/') ? strrchr(argv[i], '/') + 1 : argv[i],
               best, changes);
        bsl_usecase_free(uc);
        free(doc);
    }
    printf("whatif worst plan: %.1f us (target <= 1000 us)\n", worst);
    bsl_framework_free(fw);
    return 0;
}
